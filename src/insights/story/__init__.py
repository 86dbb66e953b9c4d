"""Finding the story: what counts alone hide, each an aggregation with its own sentence.

related.py         "more like this": the articles most like one article, and the words
                   they share (BM25 over the search index's forward index)
measure.py         counts or share of all articles in a period, for every over-time chart
matches.py         search over time: matching articles per period, inferred dates apart
representative.py  the articles that express a theme most strongly, by its phrases
publishers.py      publishers side by side: themes as share of output, figures, timelines
emerging.py        untagged articles and suggested new themes (NMF, seeded), cached
wording.py         the sentences written about those frames (tested as text)
"""
