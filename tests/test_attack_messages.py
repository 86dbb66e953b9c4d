"""Messages built from exceptions reach the page as text, naming files, never server folders.

Variations of issue #16's item 8 that its tests do not cover: the Timeline's "Events are not
marked: …" carried the events file's absolute path and read its column names as Markdown;
a missing or broken dataset named its absolute path in the error and the build command.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from insights import events

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard"
IMAGE = "![i](http://127.0.0.1:9/x.png)"


def run(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=30)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    kinds = ("error", "warning", "markdown", "code", "caption", "info")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def test_a_broken_events_file_is_named_without_its_folder_and_not_as_markdown(
    dataset, tmp_path, monkeypatch
):
    broken = tmp_path / "events.csv"
    broken.write_text(f"date,label,{IMAGE}\n--10-18,Anti-Slavery Day,x\n")
    monkeypatch.setattr(events, "DEFAULT_EVENTS", broken)
    at = run("pages/timeline_page.py")
    [warning] = [w.value for w in at.warning if "Events are not marked" in w.value]
    assert "events\\.csv" in warning and str(tmp_path) not in warning  # . escaped
    assert IMAGE not in warning  # its markup escaped: Streamlit shows it as the characters


def test_an_unreadable_events_file_is_named_without_its_folder(dataset, tmp_path, monkeypatch):
    monkeypatch.setattr(events, "DEFAULT_EVENTS", tmp_path / "missing" / "events.csv")
    at = run("pages/timeline_page.py")
    [warning] = [w.value for w in at.warning if "Events are not marked" in w.value]
    assert "events\\.csv" in warning and str(tmp_path) not in warning  # . escaped


def test_a_missing_dataset_outside_the_repository_is_named_by_its_file_name(tmp_path, monkeypatch):
    monkeypatch.setenv("INSIGHTS_DATASET", str(tmp_path / f"{IMAGE}.parquet"))
    at = run()
    text = shown(at)
    assert "could not be read" in text and "insights build" in at.code[0].value
    assert str(tmp_path) not in text and "pytest-" not in text
    assert IMAGE not in at.error[0].value  # escaped: no image request


def test_a_broken_dataset_is_named_without_its_folder(tmp_path, monkeypatch):
    broken = tmp_path / "articles.parquet"
    broken.write_bytes(b"PAR1 not really")
    monkeypatch.setenv("INSIGHTS_DATASET", str(broken))
    text = shown(run())
    assert "articles.parquet" in text and str(tmp_path) not in text
