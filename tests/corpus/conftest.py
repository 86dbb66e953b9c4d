"""The corpora the corpus tests share: the six sample articles and 400 random ones."""

from __future__ import annotations

import pytest

from insights import serving

import fixtures
from samples import random_rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "articles.parquet"
    return serving.load(fixtures.write(path, fixtures.sample_rows()))


@pytest.fixture(scope="module")
def random_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("random") / "articles.parquet"
    return serving.load(fixtures.write(path, random_rows(400)))
