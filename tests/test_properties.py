"""Property tests: no text makes extract_claims raise, and every offset it
returns indexes the text (``body[start:end] == text``); no token makes
factuality_of_token raise or leave the -3..3 scale."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.certainty import factuality_of_token
from pipeline.extract import extract_claims
from pipeline.nlp import load_nlp

NLP = load_nlp()  # one pipeline for the module: loading per example is far too slow

QUOTES = "“”\"«»‘’'„‹›"
CONTROLS = "".join(chr(c) for c in (0, 1, 7, 8, 11, 12, 27, 31, 127, 0x85, 0x2028, 0x2029, 0xFEFF, 0x200B))
WORDS = [
    "Mayor", "Elena", "Ruiz", "said", "told", "reporters", "that", "according", "to", "the", "agency",
    "may", "might", "could", "not", "never", "denied", "likely", "expected", "unclear", "whether",
    "she", "he", "they", "officials", "on", "Tuesday", "last", "week", "March", "3", "2025", "mid-2027",
    "If", "would", "fares", "will", "rise", "By", "PORTVILLE", "—", "Dr.", "Hill", "confirmed",
    "It", "remains", "no", "earlier", "than", "spring", "2026", "people", "familiar", "with", "plans",
    "nearly", "broke", "yet", "has", "too", "early", "nothing", "preventing", "refused", "prevent", "from",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "\r\n", "\t", " — ", ": ", "; ", "  ", ":\n- ", "\n- ", "\n1. "]  # (list items after a lead-in colon)

plain_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list(QUOTES + CONTROLS + "\n\n\n .,;:!?-—()[]")),
    ),
    max_size=400,
)

token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(QUOTES)),
    st.sampled_from(list(CONTROLS)),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6),
)
newsy_text = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=120).map(
    lambda parts: "".join(w + s for w, s in parts)
)

TEMPLATES = [
    "{q}{c}{q2} {s} said{sep}",
    "{s} said {d} that {c}.",
    "According to {s}, {c}.",
    "{c}, {s} told reporters {d}.",
    "It is unclear whether {c}.",
    "{s} denied that {c} {d}.",
    "{s}, who {c}, said the {c2} may {c}.",
    "{q}{c},{q2} {s} added. {q}{c2}{q2}",
]
speaker = st.sampled_from(["Mayor Elena Ruiz", "She", "the agency", "Dr. Hugh Hill", "Two officials", "Ruiz", "«Ruiz»", "Jo\x07e"])
when = st.sampled_from(["", "on Tuesday", "last week", "on March 3, 2025", "in mid-2027", "no earlier than spring 2026"])
fragment = st.lists(token, min_size=1, max_size=10).map(" ".join)
sentence = st.builds(
    lambda t, q, q2, s, d, c, c2, sep: t.format(q=q, q2=q2, s=s, d=d, c=c, c2=c2, sep=sep),
    st.sampled_from(TEMPLATES), st.sampled_from(list(QUOTES)), st.sampled_from(list(QUOTES)),
    speaker, when, fragment, fragment, st.sampled_from(SEPARATORS),
)
article_text = st.lists(st.tuples(sentence, st.sampled_from(SEPARATORS)), min_size=1, max_size=8).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _spans(claim):
    """(name, start, end, text) of every span in a claim."""
    yield "sentence", claim.sentence.start, claim.sentence.end, claim.sentence.text
    yield "claim", claim.claim.start, claim.claim.end, claim.claim.text
    sp = claim.speaker
    if sp.start is not None or sp.end is not None:
        yield "speaker", sp.start, sp.end, sp.text
    if claim.cue is not None:
        yield "cue", claim.cue.start, claim.cue.end, claim.cue.text
    if claim.said_on is not None:
        yield "said_on", claim.said_on.start, claim.said_on.end, claim.said_on.text
    for d in claim.dates:
        yield "date", d.start, d.end, d.text
    for e in claim.entities:
        yield "entity", e.start, e.end, e.text
    for c in claim.certainty.cues:
        yield "certainty cue", c.start, c.end, c.text


def _check(text: str, published=None):
    claims = extract_claims(text, nlp=NLP, published=published)
    for n, claim in enumerate(claims, start=1):
        assert claim.id == f"text#{n}"
        for name, start, end, value in _spans(claim):
            assert start is not None and end is not None, (name, claim)
            assert 0 <= start <= end <= len(text), (name, start, end, len(text))
            assert text[start:end] == value, (name, start, end, value, text[start:end])


_settings = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(plain_text)
def test_any_text(text):
    _check(text)


@_settings
@given(newsy_text, st.sampled_from([None, "2025-03-13"]))
def test_news_like_text(text, published):
    _check(text, published)


@_settings
@given(article_text, st.sampled_from([None, "2025-03-13"]))
def test_article_like_text(text, published):
    _check(text, published)


@_settings
@given(st.one_of(newsy_text, article_text))
def test_factuality_of_every_token_is_on_the_scale(text):
    # the benchmark scorer, public as pipeline.certainty.factuality_of_token:
    # any token of any text gets a value on FactBank's -3..3 scale
    doc = NLP(text)
    for tok in doc:
        value = factuality_of_token(doc, tok.i)
        assert -3.0 <= value <= 3.0, (tok.text, value)


quote_text = st.lists(
    st.one_of(st.sampled_from(list(QUOTES) + ["'s", "s'", " '", "' ", "\n", "\n\n", ". ", "? ", ", "]),
              st.sampled_from(WORDS)),
    max_size=80,
).map(lambda parts: " ".join(parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote_text)
def test_find_quotes_gives_sorted_disjoint_ranges_inside_the_text(text):
    from pipeline.attribution import find_quotes

    ranges = find_quotes(text)
    assert ranges == sorted(ranges)
    for (s, e), (next_s, _) in zip(ranges, ranges[1:] + [(len(text), len(text))]):
        assert 0 <= s < e <= len(text)
        assert e <= next_s  # disjoint: single marks inside double quotes are left alone


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote_text)
def test_quote_sentences_stay_inside_the_quote(text):
    from pipeline.attribution import quote_sentences

    doc = NLP.make_doc(text)
    for s, e in quote_sentences(doc, 0, len(text)):
        assert 0 <= s < e <= len(text)
