"""The parse repairs of pipeline/clauses.py, text -> expected words."""

from __future__ import annotations

import pytest

from pipeline.clauses import finite_start, semicolon_part, verb_after_participle_aside


@pytest.mark.parametrize("text, i, expected", [
    ("He still has the keys.", 1, "has"),
    ("It could rain.", 1, "could"),
    ("The keys are here.", 0, None),
    ("He not only said it.", 1, "said"),
    ("The keys, he said, are here.", 2, None),
])
def test_finite_start(nlp, text, i, expected):
    doc = nlp(text)
    tok = finite_start(doc, i, len(doc))
    assert (tok.text if tok is not None else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("He cautioned that an increase of this size, phased in over just three years, could reduce hours.", "reduce"),
    ("He said the plan was approved in May.", None),
])
def test_verb_after_participle_aside(nlp, text, expected):
    doc = nlp(text)
    found = [v for t in doc if (v := verb_after_participle_aside(t)) is not None]
    assert [v.text for v in found] == ([expected] if expected else [])


@pytest.mark.parametrize("text, word, expected", [
    ("Supporters hold an edge; a weak turnout would likely wipe it out.", "likely",
     "a weak turnout would likely wipe it out"),
    ("Supporters hold an edge; a weak turnout would likely wipe it out.", "edge", "Supporters hold an edge"),
    ("No semicolon is here at all.", "here", "No semicolon is here at all."),
])
def test_semicolon_part(nlp, text, word, expected):
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    s, e = semicolon_part(doc, i, 0, len(doc) - (1 if doc[-1].text == "." and expected[-1] != "." else 0))
    assert doc[s:e].text == expected
