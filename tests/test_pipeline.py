"""The build end to end: sources in, a validated dataset and an honest report out."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from insights import schema, serving, store
from insights.cli import main
from insights.pipeline import BuildError, article_id, build

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"
TAXONOMY = ROOT / "data" / "taxonomy.toml"

LISTING = """\
First headline about county lines

Children are exploited by county lines gangs across the UK.Read more

Second headline about trafficking

A report on child trafficking in the UK.Read more
"""


def _build(tmp_path: Path, *sources: Path, **kwargs) -> tuple[store.Dataset, object]:
    out = tmp_path / "articles.parquet"
    report = build(sources, out, taxonomy_path=TAXONOMY, **kwargs)
    return store.read_dataset(out), report


def test_seed_builds_26_valid_articles(tmp_path):
    dataset, report = _build(tmp_path, SEED)
    assert dataset.table.num_rows == 26
    assert report.items_read == 26
    assert report.left_out == []
    meta = pq.read_schema(tmp_path / "articles.parquet").metadata[schema.METADATA_KEY]
    assert b"taxonomy_version" in meta and b"built_at" in meta


def test_article_ids_are_stable_across_rebuilds(tmp_path):
    first, _ = _build(tmp_path, SEED)
    second, _ = _build(tmp_path, SEED)
    assert first.table.column(schema.ARTICLE_ID) == second.table.column(schema.ARTICLE_ID)
    assert first.version == second.version


def test_same_article_from_two_sources_is_one_article_with_both(tmp_path):
    one = tmp_path / "page1.txt"
    two = tmp_path / "page2.txt"
    one.write_text(LISTING, encoding="utf-8")
    two.write_text(LISTING.split("\n\n", 2)[2], encoding="utf-8")  # only the second item
    dataset, report = _build(tmp_path, one, two)
    rows = dataset.table.to_pylist()
    assert len(rows) == 2
    assert report.duplicates_merged == 1
    shared = next(r for r in rows if r[schema.TITLE].startswith("Second"))
    assert shared[schema.SOURCE] == [str(one), str(two)]


def test_curated_dates_override_inference(tmp_path):
    listing = tmp_path / "news.txt"
    listing.write_text(LISTING, encoding="utf-8")
    dates = tmp_path / "dates.csv"
    dates.write_text(
        "title,date\nFirst headline about county lines,2019-05-02\nNo such article,2019-01-01\n",
        encoding="utf-8",
    )
    dataset, report = _build(tmp_path, listing, dates_path=dates)
    first = dataset.table.to_pylist()[0]
    assert str(first[schema.PUBLISHED]) == "2019-05-02"
    assert first[schema.DATE_BASIS] == "curated"
    assert first[schema.DATE_PRECISION] == "day"
    assert report.curated_unmatched == ["No such article"]


def test_every_item_is_in_the_dataset_or_the_report(tmp_path):
    csv_file = tmp_path / "export.csv"
    csv_file.write_text(
        "title,summary,url\nA headline,A summary about trafficking.,\n,,https://example.org/x\n"
        "Another,More text.,\n",
        encoding="utf-8",
    )
    dataset, report = _build(tmp_path, csv_file)
    assert dataset.table.num_rows + len(report.left_out) == 3
    assert all(r["reason"] for r in report.left_out)


def test_failed_build_keeps_the_previous_dataset(tmp_path):
    out = tmp_path / "articles.parquet"
    build([SEED], out, taxonomy_path=TAXONOMY)
    before = out.read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(BuildError):
        build([empty], out, taxonomy_path=TAXONOMY)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_build_prepares_the_serving_copy(tmp_path, monkeypatch):
    _build(tmp_path, SEED)
    monkeypatch.setattr(store, "read_dataset", None)  # the dashboard's start decodes nothing
    corpus = serving.load(tmp_path / "articles.parquet")
    assert len(corpus) == 26 and corpus.serving is not None and corpus.index is not None


def test_article_id_ignores_case_and_spacing():
    assert article_id("A  Title", "Some text") == article_id("a title", "some  text")
    assert article_id("A title", "Some text") != article_id("A title", "Other text")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_cli_bad_input_is_one_line_and_non_zero(tmp_path, capsys, content, expected):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code = main(["build", str(bad), "--out", str(tmp_path / "a.parquet")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("insights: error:")
    assert expected in err.lower()
    assert not (tmp_path / "a.parquet").exists()


def test_cli_missing_path(tmp_path, capsys):
    code = main(["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "a.parquet")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err


def test_cli_build_prints_report(tmp_path, capsys):
    code = main(
        ["build", str(SEED), "--out", str(tmp_path / "a.parquet"), "--taxonomy", str(TAXONOMY)]
    )
    assert code == 0
    assert "26 articles written" in capsys.readouterr().out


def test_python_m_insights_help():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "insights", "build", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    for option in ("--out", "--taxonomy", "--dates"):
        assert option in result.stdout


@pytest.fixture(scope="module")
def seed_rows(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("seed") / "articles.parquet"
    build([SEED], out, taxonomy_path=TAXONOMY)
    return store.read_dataset(out).table.to_pylist()


def test_seed_text_is_exact_through_the_real_reader(seed_rows):
    first, last = seed_rows[0], seed_rows[-1]
    assert first[schema.TITLE].startswith("‘One size doesn’t fit all’: Young victims")
    assert first[schema.SUMMARY].endswith("specialist support for trafficked children.")
    assert last[schema.TITLE] == "The Secret Gardeners: New film on child trafficking from Vietnam"
    assert not any("Read more" in r[schema.SUMMARY] for r in seed_rows)
    assert [r[schema.POSITION] for r in seed_rows] == list(range(1, 27))


def test_seed_quality_end_to_end(seed_rows):
    figures = {
        (s[schema.STAT_PHRASE], s[schema.STAT_KIND], s[schema.STAT_QUALIFIER])
        for r in seed_rows
        for s in r[schema.STATISTICS]
    }
    for expected in [
        ("more than 50 other experts", "count", "more_than"),
        ("Up to 1,000 children", "count", "up_to"),
        ("as young as 11 years old", "age", "as_young_as"),
        ("137 charges", "count", "exact"),
        ("more than half of frontline workers", "proportion", "more_than"),
    ]:
        assert expected in figures
    names = {e[schema.ENTITY_NAME] for r in seed_rows for e in r[schema.ENTITIES]}
    assert {"National Crime Agency", "ABTA", "Oxfam", "Telford", "Matthew Falder"} <= names
    stated = {r[schema.POSITION]: str(r[schema.PUBLISHED]) for r in seed_rows}
    assert stated[26] == "2017-10-18" and stated[2] == "2018-10-17"
    assert all(r[schema.THEMES] for r in seed_rows)


def test_synth_listing_goes_through_the_whole_build(tmp_path, capsys):
    listing = tmp_path / "synthetic.csv"
    assert main(["synth", "--articles", "200", "--out", str(listing)]) == 0
    out = tmp_path / "synthetic.parquet"
    assert main(["build", str(listing), "--out", str(out), "--taxonomy", str(TAXONOMY)]) == 0
    table = store.read_dataset(out).table
    merged = table.num_rows
    assert 150 <= merged <= 200  # a generated corpus may repeat an item; repeats are merged
    assert f"{merged} articles written" in capsys.readouterr().out
    bases = set(table.column(schema.DATE_BASIS).to_pylist())
    assert bases == {"stated"}  # the CSV's date column is the source's own date
    assert sum(len(s) for s in table.column(schema.STATISTICS).to_pylist()) > 0
