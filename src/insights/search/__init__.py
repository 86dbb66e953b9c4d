"""Full-text search over article texts: a query parser and an index, in two rooms.

search/parser.py   search text → Query; the words text is cut into; match highlighting
search/build.py    texts → the index's arrays (tokenising in bulk, BM25 impacts)
search/index.py    SearchIndex: match and rank rows, save and memory-map the arrays
"""

from insights.search.index import FORMAT_VERSION, SearchIndex
from insights.search.parser import Query, fold, highlight_spans, parse_query, words

__all__ = [
    "FORMAT_VERSION",
    "Query",
    "SearchIndex",
    "fold",
    "highlight_spans",
    "parse_query",
    "words",
]
