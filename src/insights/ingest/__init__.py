"""Readers: one module per input format, each turning a source into raw items and rejections.

read_source("news.txt") -> Listing(items=[RawItem, …], rejections=[Rejection, …], order=…)
"""

from insights.ingest.items import Listing, RawItem, Rejection, SourceError
from insights.ingest.source import read_source

__all__ = ["Listing", "RawItem", "Rejection", "SourceError", "read_source"]
