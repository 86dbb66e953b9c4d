"""Fixtures for the enrichment tests: the shipped taxonomy and a context around it."""

from __future__ import annotations

import pytest

from insights.enrich import EnrichContext
from insights.taxonomy import Taxonomy

from enrich_frames import TAXONOMY


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return Taxonomy.load(TAXONOMY)


@pytest.fixture(scope="session")
def context(taxonomy: Taxonomy) -> EnrichContext:
    return EnrichContext(taxonomy=taxonomy)
