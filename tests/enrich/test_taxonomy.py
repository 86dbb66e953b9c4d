"""The taxonomy file: loading, one-line errors, phrase matching and its light stemming."""

from __future__ import annotations

import pytest

from insights.taxonomy import Taxonomy, TaxonomyError

from enrich_frames import TAXONOMY

SMALL = """
[[theme]]
name = "County lines"
description = "Drug running."
colour = "#CC6677"
phrases = ["county lines", "gang", "traffick*", "anti-slavery"]

[[theme]]
name = "Online abuse"
description = "Online."
colour = "#88ccee"
phrases = ["online abuse", "dark web"]
"""


def load(tmp_path, text: str) -> Taxonomy:
    path = tmp_path / "taxonomy.toml"
    path.write_text(text, encoding="utf-8")
    return Taxonomy.load(path)


def test_shipped_taxonomy_loads_with_colour_per_theme(taxonomy):
    assert 10 <= len(taxonomy.themes) <= 13
    assert len(set(taxonomy.colours.values())) == len(taxonomy.themes)
    assert taxonomy.describe()[0].keys() == {"name", "description", "colour", "phrases"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Children exploited by county lines gangs", {"County lines": ["county lines", "gang"]}),
        ("COUNTY  LINES", {"County lines": ["county lines"]}),
        ("children trafficked and trafficking", {"County lines": ["traffick*"]}),
        ("Anti-Slavery Day and anti slavery", {"County lines": ["anti-slavery"]}),
        ("abuse on the dark webs", {"Online abuse": ["dark web"]}),
        ("gangster films", {}),  # whole words only: "gang" is not "gangster"
        ("countylines", {}),
        (
            "online abuse by a gang",  # themes in taxonomy order
            {"County lines": ["gang"], "Online abuse": ["online abuse"]},
        ),
    ],
)
def test_phrases_match_whole_words_with_plurals_and_wildcards(tmp_path, text, expected):
    assert load(tmp_path, SMALL).matcher().match(text) == expected


def test_editing_a_phrase_changes_the_tags_and_the_version(tmp_path):
    before = load(tmp_path, SMALL)
    after = load(tmp_path, SMALL.replace('"dark web"', '"livestream*"'))
    text = "Abuse livestreamed on the dark web"
    assert before.matcher().match(text) == {"Online abuse": ["dark web"]}
    assert after.matcher().match(text) == {"Online abuse": ["livestream*"]}
    assert before.version != after.version


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("phrases =", "phrase =", 1), "unknown key(s) phrase"),
        (lambda t: "colours = 1\n" + t, "unknown top-level key(s) colours"),
        (lambda t: t.replace('"Online abuse"', '"county lines"'), "duplicate theme name"),
        (lambda t: t.replace("#CC6677", "red"), "'red' is not a hex colour"),
        (lambda t: t.replace('"Drug running."', "1"), "description must be text"),
        (lambda t: t.replace('["online abuse", "dark web"]', "[]"), "phrases must be"),
        (lambda t: t.replace('description = "Online."\n', ""), "is missing description"),
        (lambda t: t.replace("[[theme]]", "[[theme]", 1), "not valid TOML"),
        (lambda t: "", "no themes"),
    ],
)
def test_bad_files_fail_with_one_line_naming_the_problem(tmp_path, change, message):
    with pytest.raises(TaxonomyError) as error:
        load(tmp_path, change(SMALL))
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_missing_file_is_a_taxonomy_error(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read taxonomy"):
        Taxonomy.load(tmp_path / "nope.toml")


def test_version_is_stable_for_the_same_file():
    assert Taxonomy.load(TAXONOMY).version == Taxonomy.load(TAXONOMY).version


def test_editing_a_copy_of_the_shipped_taxonomy_changes_the_tags(tmp_path, taxonomy):
    text = "Brexit negotiations must consider the rights and needs of children"
    edited = load(tmp_path, TAXONOMY.read_text(encoding="utf-8").replace('"Brexit", ', ""))
    assert "Policy & government" in taxonomy.matcher().match(text)
    assert "Policy & government" not in edited.matcher().match(text)
