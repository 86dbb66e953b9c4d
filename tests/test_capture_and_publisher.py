"""Capture dates bound the inferred dates; every article says who published it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from insights import schema, store
from insights.cli import main
from insights.pipeline import SourceOptions, build

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "data" / "taxonomy.toml"
FEEDS = ROOT / "tests" / "ingest" / "fixtures" / "feeds"


def _listing(*titles: str, header: str = "", bottom: str = "") -> str:
    """Newest first; the last item states its date when `bottom` is given."""
    blocks = [f"{t}\n\nThe {t.lower()} story in full.Read more" for t in titles]
    if bottom:
        blocks[-1] = f"{titles[-1]}\n{bottom}\n\nThe {titles[-1].lower()} story.Read more"
    return header + "\n\n".join(blocks) + "\n"


def _rows(tmp_path: Path, files: dict[str, str], options=None) -> dict[str, dict]:
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    out = tmp_path / "out.parquet"
    opts = {str(tmp_path / k): v for k, v in (options or {}).items()}
    build(paths, out, taxonomy_path=TAXONOMY, options=opts)
    table = store.read_dataset(out).table.to_pylist()
    return {row[schema.TITLE]: row for row in table}


def test_captured_option_bounds_the_newest_items(tmp_path):
    text = _listing("Alpha", "Beta", "Gamma", bottom="3 June 2015")
    rows = _rows(
        tmp_path, {"news.txt": text}, {"news.txt": SourceOptions(captured=date(2015, 7, 1))}
    )
    assert rows["Alpha"][schema.PUBLISHED_LATEST] == date(2015, 7, 1)
    assert rows["Alpha"][schema.PUBLISHED_EARLIEST] == date(2015, 5, 31)  # 3 June less 3 days
    assert "captured on 1 Jul 2015 (--captured)" in rows["Alpha"][schema.DATE_EVIDENCE]
    assert rows["Gamma"][schema.PUBLISHED] == date(2015, 6, 3)  # stated dates stay exact


def test_an_archive_address_says_when_the_listing_was_captured(tmp_path):
    header = "# Source: https://web.archive.org/web/20150701120000/https://example.org/news\n"
    rows = _rows(tmp_path, {"news.txt": _listing("Alpha", "Beta", header=header)})
    assert rows["Alpha"][schema.PUBLISHED_LATEST] == date(2015, 7, 1)


def test_one_article_in_two_captures_gets_the_intersection(tmp_path):
    rows = _rows(
        tmp_path,
        {"a.txt": _listing("Shared", "Older"), "b.txt": _listing("Newer", "Shared")},
        {
            "a.txt": SourceOptions(captured=date(2015, 6, 10)),
            "b.txt": SourceOptions(captured=date(2015, 6, 20)),
        },
    )
    assert rows["Shared"][schema.PUBLISHED_LATEST] == date(2015, 6, 10)
    assert rows["Newer"][schema.PUBLISHED_LATEST] == date(2015, 6, 20)


def test_an_item_missing_from_an_earlier_capture_came_after_it(tmp_path):
    url = "https://example.org/news"
    early = f"# Source: https://web.archive.org/web/20150601000000/{url}\n"
    late = f"# Source: https://web.archive.org/web/20150720000000/{url}\n"
    rows = _rows(
        tmp_path,
        {
            "june.txt": _listing("Beta", "Gamma", header=early),
            "july.txt": _listing("Alpha", "Beta", "Gamma", header=late),
        },
    )
    alpha = rows["Alpha"]
    assert (alpha[schema.PUBLISHED_EARLIEST], alpha[schema.PUBLISHED_LATEST]) == (
        date(2015, 6, 1),
        date(2015, 7, 20),
    )
    assert "not on the capture of 1 Jun 2015" in alpha[schema.DATE_EVIDENCE]
    assert rows["Beta"][schema.PUBLISHED_LATEST] == date(2015, 6, 1)


def test_publisher_from_option_feed_csv_and_never_the_file_name(tmp_path):
    (tmp_path / "export.csv").write_text(
        "title,summary,publisher\nOne,First text.,Trust A\nTwo,Second text.,\n", encoding="utf-8"
    )
    (tmp_path / "Example Charity.txt").write_text(_listing("Alpha", "Beta"), encoding="utf-8")
    (tmp_path / "named.txt").write_text(_listing("Gamma", "Delta"), encoding="utf-8")
    out = tmp_path / "out.parquet"
    build(
        [
            str(FEEDS / "news.rss"),
            str(tmp_path / "export.csv"),
            str(tmp_path / "Example Charity.txt"),
            str(tmp_path / "named.txt"),
        ],
        out,
        taxonomy_path=TAXONOMY,
        options={str(tmp_path / "named.txt"): SourceOptions(publisher="Named Trust")},
    )
    rows = {r[schema.TITLE]: r for r in store.read_dataset(out).table.to_pylist()}
    assert rows["Day of Action for unaccompanied children"][schema.PUBLISHER] == "Example Trust"
    assert rows["One"][schema.PUBLISHER] == "Trust A"
    assert rows["Two"][schema.PUBLISHER] is None
    assert rows["Alpha"][schema.PUBLISHER] is None  # the file name is not a publisher
    assert rows["Gamma"][schema.PUBLISHER] == "Named Trust"
    petition = rows["Young people deliver a petition on Anti-Slavery Day"]
    assert petition[schema.CATEGORIES] == ["Campaigns", "Trafficking"]
    assert petition[schema.DATE_BASIS] == "stated"
    assert petition[schema.DATE_PRECISION] == "day"


def test_cli_source_options(tmp_path, capsys):
    path = tmp_path / "news.txt"
    path.write_text(_listing("Alpha", "Beta"), encoding="utf-8")
    out = tmp_path / "out.parquet"
    code = main(
        [
            "build",
            f"{path}::publisher=Example Trust::captured=2015-07-01",
            "--out",
            str(out),
            "--taxonomy",
            str(TAXONOMY),
            "--quiet",
        ]
    )
    assert code == 0
    row = store.read_dataset(out).table.to_pylist()[0]
    assert (row[schema.PUBLISHER], row[schema.PUBLISHED_LATEST]) == (
        "Example Trust",
        date(2015, 7, 1),
    )
    report = store.read_dataset(out).metadata["report"]
    assert report["captures"][str(path)] == {"captured": "2015-07-01", "from": "--captured"}


@pytest.mark.parametrize(
    ("spec", "message"),
    [("::colour=red", "unknown source option"), ("::captured=1 July", "is not a date")],
)
def test_cli_bad_source_options_are_one_line(tmp_path, capsys, spec, message):
    path = tmp_path / "news.txt"
    path.write_text(_listing("Alpha", "Beta"), encoding="utf-8")
    code = main(["build", f"{path}{spec}", "--out", str(tmp_path / "o.parquet")])
    err = capsys.readouterr().err
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1


def test_cli_publisher_and_captured_for_every_source_without_its_own(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(_listing("Alpha", "Beta"), encoding="utf-8")
    second.write_text(_listing("Gamma", "Delta"), encoding="utf-8")
    out = tmp_path / "out.parquet"
    code = main(
        [
            "build",
            str(first),
            f"{second}::publisher=Second Trust::captured=2015-06-01",
            "--publisher",
            "First Trust",
            "--captured",
            "2015-07-01",
            "--out",
            str(out),
            "--taxonomy",
            str(TAXONOMY),
            "--quiet",
        ]
    )
    assert code == 0
    rows = {r[schema.TITLE]: r for r in store.read_dataset(out).table.to_pylist()}
    assert (rows["Alpha"][schema.PUBLISHER], rows["Alpha"][schema.PUBLISHED_LATEST]) == (
        "First Trust",
        date(2015, 7, 1),
    )
    assert (rows["Gamma"][schema.PUBLISHER], rows["Gamma"][schema.PUBLISHED_LATEST]) == (
        "Second Trust",
        date(2015, 6, 1),
    )
