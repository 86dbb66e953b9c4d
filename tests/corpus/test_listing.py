"""Themes through the listing: places, not invented months."""

from __future__ import annotations

from insights import schema
from insights.corpus import Filters, listing
from insights.corpus.frames import ARTICLES, DATE, PLACE, THEME

from samples import CL, CT, OL


def test_each_article_has_its_place_in_the_listing(corpus):
    frame = listing.themes_through_listing(corpus, corpus.select(Filters()))
    cells = {(p, t): n for p, t, n in frame[[PLACE, THEME, ARTICLES]].itertuples(index=False)}
    # the samples' listing: 1 gangs (CL, CT), 2 jailed (OL), 3 figures (CT), 4 rural (CL),
    # 5 film (CT), 6 undated (no theme)
    assert cells == {(1, CL): 1, (1, CT): 1, (2, OL): 1, (3, CT): 1, (4, CL): 1, (5, CT): 1}


def test_places_count_among_the_selection_and_runs_group_them(corpus):
    rows = corpus.select(Filters(themes=(CT,)))
    frame = listing.themes_through_listing(corpus, rows)
    assert frame[frame[THEME] == CT][PLACE].tolist() == [1, 2, 3]  # gangs, figures, film
    runs = listing.themes_through_listing(corpus, corpus.select(Filters()), parts=2)
    assert runs[[PLACE, listing.LAST_PLACE]].drop_duplicates().values.tolist() == [[1, 3], [4, 6]]
    assert runs[runs[THEME] == CT][ARTICLES].tolist() == [2, 1]


def test_anchors_are_the_known_dates_in_words(corpus):
    anchors = listing.listing_anchors(corpus, corpus.select(Filters()))
    assert anchors.to_dict("list") == {
        PLACE: [1, 2, 4, 5],
        DATE: ["20 Sep 2018", "1 Jun 2018", "5 Dec 2017", "18 Oct 2017"],
    }
    assert listing.listing_anchors(corpus, corpus.select(Filters(bases=(schema.INFERRED,)))).empty
