"""spaCy components: each one only wires plain functions into the pipeline.

Registered with ``@Language.factory`` and through the
``spacy_factories`` entry points, so ``nlp.add_pipe("claimsift_dates")``
works after a plain install. Results live on ``Doc`` extensions:

- ``doc._.cs_anchor``: the date relative expressions resolve against (set
  before the pipeline runs; None when unknown)
- ``doc._.cs_skip``: character ranges that are layout, not prose
- ``doc._.cs_timexes``: temporal expressions (``claimsift_dates``)
- ``doc._.cs_names``: the article's name table (``claimsift_speakers``)
- ``doc._.cs_attributions``: attributions (``claimsift_attribution``)
- ``doc._.cs_certainty``: one Certainty per attribution (``claimsift_certainty``)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from . import attribution, certainty, speakers, temporal

for _name in ("cs_anchor", "cs_skip", "cs_timexes", "cs_names", "cs_attributions", "cs_certainty"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Sentence boundaries at paragraph breaks and around layout lines
    (headings, bylines): the parser keeps boundaries set before it runs."""
    skip = doc._.cs_skip or []
    starts = {e for _, e in skip} | {s for s, _ in skip}
    if len(doc) < 2:
        return doc
    # one array write: setting Token.is_sent_start scans the doc each time
    values = doc.to_array([SENT_START]).astype("int64")
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        tok = doc[i]
        if tok.is_space:
            continue
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            values[i] = 1
        elif tok.idx in starts or prev.idx + len(prev.text) in starts:
            values[i] = 1
        elif prev.is_alpha and tok.is_alpha and prev.whitespace_:
            # a sentence never starts right after a word on the same line:
            # the parser made "Beatrix" a sentence of its own at the start
            # of a paragraph ("Beatrix Olumide, the archaeologist, believes")
            values[i] = -1
    doc.from_array([SENT_START], values.astype("uint64"))
    return doc


class ParagraphsComponent:
    def __call__(self, doc: Doc) -> Doc:
        return mark_paragraph_starts(doc)


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cs_timexes = temporal.find_timexes(doc, doc._.cs_anchor)
        return doc


class SpeakersComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cs_names = speakers.build_name_table(doc)
        return doc


class AttributionComponent:
    def __call__(self, doc: Doc) -> Doc:
        table = doc._.cs_names or speakers.build_name_table(doc)
        doc._.cs_attributions = attribution.extract_attributions(
            doc, table, doc._.cs_skip or [], certainty.epistemic_cues
        )
        return doc


class CertaintyComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.cs_certainty = [
            certainty.assess(doc, a.tok_start, a.tok_end, doc[a.cue_token] if a.cue_token is not None else None)
            for a in (doc._.cs_attributions or [])
        ]
        return doc


@Language.factory("claimsift_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphsComponent:
    return ParagraphsComponent()


@Language.factory("claimsift_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent()


@Language.factory("claimsift_speakers")
def make_speakers(nlp: Language, name: str) -> SpeakersComponent:
    return SpeakersComponent()


@Language.factory("claimsift_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()


@Language.factory("claimsift_certainty")
def make_certainty(nlp: Language, name: str) -> CertaintyComponent:
    return CertaintyComponent()


CLAIMSIFT_COMPONENTS = ("claimsift_dates", "claimsift_speakers", "claimsift_attribution", "claimsift_certainty")
