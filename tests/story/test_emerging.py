"""Untagged and emerging: planted topics come back as suggestions, the same every run, and
each suggestion's taxonomy entry tags its own examples."""

from __future__ import annotations

import tomllib

import pytest

from insights import serving, taxonomy
from insights.story import emerging
from insights.story import wording as story_wording

import fixtures

TOPICS = {
    "orphanage": ("Orphanage volunteering trips", "orphanage volunteering", "voluntourism"),
    "cuckooing": ("Cuckooing of vulnerable tenants", "cuckooing tenants", "home takeover"),
    "sextortion": ("Sextortion scams target teenagers", "sextortion scams", "webcam blackmail"),
}
PLACES = ("Leeds", "Hull", "Derby", "Bath", "York", "Ely", "Wells", "Ripon", "Truro", "Bury")


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """60 untagged articles on three topics nobody listed, plus six tagged ones."""
    rows = []
    for headline, phrase, other in TOPICS.values():
        for i in range(20):
            place = PLACES[i % len(PLACES)]
            rows.append(
                fixtures.article(
                    f"{headline} in {place} ({i})",
                    f"A report on {phrase} in {place} finds {other} is growing; {phrase} "
                    f"worries charities in {place}.",
                )
            )
    rows += fixtures.sample_rows()
    for position, row in enumerate(rows, start=1):
        row["position"] = position
    path = tmp_path_factory.mktemp("planted") / "articles.parquet"
    return serving.load(fixtures.write(path, rows))


def test_untagged_articles_are_those_with_no_theme(planted):
    assert len(emerging.untagged_rows(planted, None)) == 61  # the sample has one untagged too


def test_planted_topics_come_back_as_suggestions_with_their_phrases(planted):
    found = emerging.suggest_themes(planted, count=3)
    assert found.untagged == found.considered == 61
    assert len(found.themes) == 3
    for suggestion in found.themes:
        topic = next(t for t, (_, phrase, _) in TOPICS.items() if phrase in suggestion.phrases)
        headline = TOPICS[topic][0]
        assert all(title.startswith(headline) for title in suggestion.examples)
        assert 18 <= suggestion.articles <= 21


def test_suggestions_are_the_same_every_run(planted):
    assert emerging.suggest_themes(planted, count=3) == emerging.suggest_themes(planted, count=3)
    assert emerging.cached_suggestions(planted) is emerging.cached_suggestions(planted)


def test_each_taxonomy_entry_loads_and_tags_its_own_examples(planted, tmp_path):
    found = emerging.suggest_themes(planted, count=3)
    for suggestion in found.themes:
        path = tmp_path / "taxonomy.toml"
        path.write_text(suggestion.toml(), encoding="utf-8")
        assert tomllib.loads(suggestion.toml())["theme"][0]["phrases"] == list(suggestion.phrases)
        matcher = taxonomy.Taxonomy.load(path).matcher()
        for title in suggestion.examples:
            assert matcher.match(title), title


def test_too_few_untagged_articles_give_a_reason(worded):
    found = emerging.suggest_themes(worded)
    assert found.themes == ()
    assert story_wording.suggestions_summary(found) == (
        "No new theme to suggest: only 7 untagged articles: too few to find recurring phrases."
    )


def test_the_command_prints_the_suggestions(planted, capsys):
    from insights import cli

    assert cli.main(["suggest-themes", str(planted.path), "--themes", "3"]) == 0
    printed = capsys.readouterr().out
    assert printed.strip() == story_wording.suggestions_report(
        emerging.suggest_themes(planted, count=3)
    )
    assert printed.count("[[theme]]") == 3
