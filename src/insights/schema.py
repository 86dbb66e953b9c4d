"""The article dataset contract: column names, the Arrow schema and validation.

Every other module spells a column through the constants here, never as a string literal.
One row is one article; nested columns hold the enrichment results:

    themes          ["Child trafficking", "County lines"]
    theme_evidence  [{"theme": "County lines", "phrases": ["county lines"]}, …]
    statistics      [{"value": 1000.0, "low": None, "high": None, "unit": "children",
                      "per": None, "direction": "", "kind": "count", "qualifier": "up_to",
                      "counted": "children", "phrase": "Up to 1,000 children",
                      "sentence": "Up to 1,000 children may have been abused in Telford, …"},
                     {"value": 12.5, "low": 10.0, "high": 15.0, "unit": "USD", "per": "share",
                      "direction": "up", "kind": "money", …}]   # "rose $10 to $15 a share"
    entities        [{"name": "Telford", "type": "place"}]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

SCHEMA_VERSION = "2"  # 2: publisher and categories

# Identity and text
ARTICLE_ID = "article_id"  # stable hash of the normalised title and summary
TITLE = "title"
SUMMARY = "summary"
TITLE_DERIVED = "title_derived"  # True when the listing had no headline and we made one
TRUNCATED = "truncated"  # True when the summary was cut off in the source
SOURCE = "source"  # every source the article was read from
POSITION = "position"  # 1-based order within its first source, 1 = top of the page
URL = "url"  # link to the article where the source gave one (http or https only)
PUBLISHER = "publisher"  # who published it: the site's name, a CSV column, or --publisher
CATEGORIES = "categories"  # the source's own categories or tags (themes come from the taxonomy)

# Publication date: a best estimate inside an interval that must hold the true date
PUBLISHED = "published"
PUBLISHED_EARLIEST = "published_earliest"
PUBLISHED_LATEST = "published_latest"
DATE_PRECISION = "date_precision"
DATE_BASIS = "date_basis"
DATE_EVIDENCE = "date_evidence"  # one line saying where the date came from

# Enrichment
THEMES = "themes"
THEME_EVIDENCE = "theme_evidence"
STATISTICS = "statistics"
ENTITIES = "entities"
WORD_COUNT = "word_count"

# Struct fields
EVIDENCE_THEME = "theme"
EVIDENCE_PHRASES = "phrases"
STAT_VALUE = "value"  # the stated figure, or the midpoint of a range
STAT_LOW = "low"  # a range's lower end; null for a single figure
STAT_HIGH = "high"  # a range's upper end; null for a single figure
STAT_UNIT = "unit"  # normalised unit ("percent", "GBP", "kilometre"), or the counted noun
STAT_PER = "per"  # a rate's denominator: "barrel" in "$70 a barrel"; null if not a rate
STAT_DIRECTION = "direction"  # "up"/"down" when the figure is the size of a change, else ""
STAT_KIND = "kind"
STAT_QUALIFIER = "qualifier"
STAT_COUNTED = "counted"
STAT_PHRASE = "phrase"
STAT_SENTENCE = "sentence"
ENTITY_NAME = "name"
ENTITY_TYPE = "type"

# Allowed values. Code compares against these names, never against the bare strings.
# date_precision
DAY, WEEK, MONTH, YEAR, UNKNOWN = "day", "week", "month", "year", "unknown"
DATE_PRECISIONS = (DAY, WEEK, MONTH, YEAR, UNKNOWN)
# date_basis: stated by the source (its text, a feed or a CSV column), inferred from the
# listing, or curated (set by hand)
STATED, INFERRED, CURATED = "stated", "inferred", "curated"
DATE_BASES = (STATED, INFERRED, CURATED)
KNOWN_BASES = (STATED, CURATED)  # the date is known, not estimated
# statistics.kind; MEASURE is a physical or other unit: "50 mph", "128GB", "1.49 points"
COUNT, PERCENT, PROPORTION, MONEY, AGE, DURATION, RATIO, MEASURE = (
    "count",
    "percent",
    "proportion",
    "money",
    "age",
    "duration",
    "ratio",
    "measure",
)
STAT_KINDS = (COUNT, PERCENT, PROPORTION, MONEY, AGE, DURATION, RATIO, MEASURE)
# statistics.qualifier: "up to 1,000" is UP_TO; a bare "1,000" is EXACT
EXACT, MORE_THAN, LESS_THAN, UP_TO, AT_LEAST, ABOUT, AS_YOUNG_AS = (
    "exact",
    "more_than",
    "less_than",
    "up_to",
    "at_least",
    "about",
    "as_young_as",
)
STAT_QUALIFIERS = (EXACT, MORE_THAN, LESS_THAN, UP_TO, AT_LEAST, ABOUT, AS_YOUNG_AS)
# statistics.direction: the figure is the size of a rise or a fall; "" for a level
UP, DOWN, NO_DIRECTION = "up", "down", ""
STAT_DIRECTIONS = (UP, DOWN, NO_DIRECTION)
# entities.type
ORGANISATION, PLACE, PERSON = "organisation", "place", "person"
ENTITY_TYPES = (ORGANISATION, PLACE, PERSON)

# Parquet file metadata key holding the build metadata as JSON
METADATA_KEY = b"insights"

THEME_EVIDENCE_TYPE = pa.struct(
    [
        pa.field(EVIDENCE_THEME, pa.string(), nullable=False),
        pa.field(EVIDENCE_PHRASES, pa.list_(pa.string()), nullable=False),
    ]
)
STATISTIC_TYPE = pa.struct(
    [
        pa.field(STAT_VALUE, pa.float64(), nullable=False),
        pa.field(STAT_LOW, pa.float64()),
        pa.field(STAT_HIGH, pa.float64()),
        pa.field(STAT_UNIT, pa.string()),
        pa.field(STAT_PER, pa.string()),
        pa.field(STAT_DIRECTION, pa.string(), nullable=False),
        pa.field(STAT_KIND, pa.string(), nullable=False),
        pa.field(STAT_QUALIFIER, pa.string(), nullable=False),
        pa.field(STAT_COUNTED, pa.string()),
        pa.field(STAT_PHRASE, pa.string(), nullable=False),
        pa.field(STAT_SENTENCE, pa.string(), nullable=False),
    ]
)
ENTITY_TYPE_STRUCT = pa.struct(
    [
        pa.field(ENTITY_NAME, pa.string(), nullable=False),
        pa.field(ENTITY_TYPE, pa.string(), nullable=False),
    ]
)


@dataclass(frozen=True)
class Column:
    """One documented column of the dataset."""

    name: str
    type: pa.DataType
    nullable: bool
    doc: str

    def field(self) -> pa.Field:
        return pa.field(self.name, self.type, nullable=self.nullable)


COLUMNS: tuple[Column, ...] = (
    Column(ARTICLE_ID, pa.string(), False, "Stable id: hash of normalised title and summary."),
    Column(TITLE, pa.string(), False, "Headline as listed, or derived from the first sentence."),
    Column(SUMMARY, pa.string(), False, "Summary as listed, without the 'Read more' marker."),
    Column(TITLE_DERIVED, pa.bool_(), False, "True when the title was made from the summary."),
    Column(TRUNCATED, pa.bool_(), False, "True when the source cut the summary off."),
    Column(SOURCE, pa.list_(pa.string()), False, "Every source file the article was read from."),
    Column(POSITION, pa.int32(), False, "Order within its first source, 1 = top."),
    Column(URL, pa.string(), True, "Link to the article (http or https), where one was given."),
    Column(
        PUBLISHER,
        pa.string(),
        True,
        "Who published it: the feed's or page's site name, the export's publisher column, or "
        "--publisher for the source; never the file name. Empty when no source says.",
    ),
    Column(
        CATEGORIES,
        pa.list_(pa.string()),
        False,
        "The source's own categories or tags (feeds, exports); themes come from the taxonomy.",
    ),
    Column(PUBLISHED, pa.date32(), True, "Best estimate of the publication date."),
    Column(PUBLISHED_EARLIEST, pa.date32(), True, "Earliest date the article can have."),
    Column(PUBLISHED_LATEST, pa.date32(), True, "Latest date the article can have."),
    Column(DATE_PRECISION, pa.string(), False, "day, week, month, year or unknown."),
    Column(DATE_BASIS, pa.string(), False, "stated (in the text), inferred, or curated."),
    Column(DATE_EVIDENCE, pa.string(), False, "Where the date came from, in one line."),
    Column(THEMES, pa.list_(pa.string()), False, "Themes from the taxonomy."),
    Column(THEME_EVIDENCE, pa.list_(THEME_EVIDENCE_TYPE), False, "Phrases behind each theme."),
    Column(
        STATISTICS,
        pa.list_(STATISTIC_TYPE),
        False,
        "Quoted figures: value (a range's midpoint, with low and high), unit, per, direction "
        "(up, down or empty), kind, qualifier, what is counted, the phrase and its sentence.",
    ),
    Column(ENTITIES, pa.list_(ENTITY_TYPE_STRUCT), False, "Organisations, places, people."),
    Column(WORD_COUNT, pa.int32(), False, "Words in title and summary."),
)

ARTICLE_SCHEMA = pa.schema([c.field() for c in COLUMNS])
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


class SchemaError(ValueError):
    """The table does not meet the dataset contract."""


def _check_allowed(table: pa.Table, name: str, allowed: Iterable[str]) -> None:
    values = pc.unique(table.column(name)).to_pylist()
    bad = sorted({v for v in values if v is not None} - set(allowed))
    if bad:
        raise SchemaError(f"column {name!r} has values outside {tuple(allowed)}: {bad[:5]}")


def _check_nested_allowed(table: pa.Table, name: str, field: str, allowed: Iterable[str]) -> None:
    flat = pc.list_flatten(table.column(name))
    if len(flat) == 0:
        return
    values = pc.unique(pc.struct_field(flat, field)).to_pylist()
    bad = sorted({v for v in values if v is not None} - set(allowed))
    if bad:
        raise SchemaError(f"{name}.{field} has values outside {tuple(allowed)}: {bad[:5]}")


# Columns added after version 1: a dataset built before them reads with them empty.
_ADDED_IN_2 = {PUBLISHER: pa.string(), CATEGORIES: pa.list_(pa.string())}


def _with_added_columns(table: pa.Table) -> pa.Table:
    for name, type_ in _ADDED_IN_2.items():
        if name not in table.column_names:
            value = [] if pa.types.is_list(type_) else None
            table = table.append_column(name, pa.array([value] * table.num_rows, type_))
    return table


def conform(table: pa.Table) -> pa.Table:
    """Select and cast the contract's columns, in order; extra columns are dropped."""
    table = _with_added_columns(table)
    missing = [n for n in COLUMN_NAMES if n not in table.column_names]
    if missing:
        raise SchemaError(f"missing columns: {', '.join(missing)}")
    table = table.select(list(COLUMN_NAMES))
    for column in COLUMNS:
        if not column.nullable and table.column(column.name).null_count:
            raise SchemaError(f"column {column.name!r} has empty values")
    try:
        return table.cast(ARTICLE_SCHEMA)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
        raise SchemaError(f"columns do not have the contract's types: {exc}") from exc


def validate(table: pa.Table) -> pa.Table:
    """Check a table against the contract and return it conformed.

    Raises:
        SchemaError: with a one-line reason when the table breaks the contract.
    """
    table = conform(table)
    ids = table.column(ARTICLE_ID)
    if len(pc.unique(ids)) != len(ids):
        raise SchemaError("article_id is not unique")
    _check_allowed(table, DATE_PRECISION, DATE_PRECISIONS)
    _check_allowed(table, DATE_BASIS, DATE_BASES)
    _check_nested_allowed(table, STATISTICS, STAT_KIND, STAT_KINDS)
    _check_nested_allowed(table, STATISTICS, STAT_QUALIFIER, STAT_QUALIFIERS)
    _check_nested_allowed(table, STATISTICS, STAT_DIRECTION, STAT_DIRECTIONS)
    _check_nested_allowed(table, ENTITIES, ENTITY_TYPE, ENTITY_TYPES)
    earliest = table.column(PUBLISHED_EARLIEST)
    latest = table.column(PUBLISHED_LATEST)
    published = table.column(PUBLISHED)
    inverted = pc.fill_null(pc.greater(earliest, latest), False)
    outside = pc.fill_null(
        pc.or_(pc.less(published, earliest), pc.greater(published, latest)), False
    )
    if pc.any(inverted).as_py():
        raise SchemaError("published_earliest is after published_latest for some articles")
    if pc.any(outside).as_py():
        raise SchemaError("published lies outside its interval for some articles")
    return table
