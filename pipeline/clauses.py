"""Clause shapes the statistical parser gets wrong, read from its tags and
arcs: plain functions shared by the attribution and certainty steps."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def finite_start(doc: Doc, i: int, end: int) -> Optional[Token]:
    """The finite verb that opens the words at ``i`` (an adverb or 'not'
    may come first: "*still* has", "*also* said"), or None. Looks no
    further than ``end`` and three words."""
    for j in range(i, min(i + 3, end)):
        tok = doc[j]
        if tok.tag_ in FINITE_TAGS and tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.pos_ not in ("ADV", "PART"):
            return None
    return None


def verb_after_participle_aside(head: Token) -> Optional[Token]:
    """'cautioned that an increase of this size, *phased in over three
    years*, could reduce hours': the parser made the aside's participle
    (``head``, with the clause's subject before it) the reported clause's
    verb, and hung the real verb, right after the aside, on the verb above.
    Returns that verb (finite, with no subject of its own), or None."""
    doc = head.doc
    if head.tag_ not in ("VBN", "VBD") or head.i < 1 or doc[head.i - 1].text != "," or head.head is head:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i for c in head.children):
        return None
    after = head.right_edge.i if head.right_edge.text == "," else head.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    for child in head.head.rights:
        if child.i > after and child.left_edge.i == after + 1 and child.dep_ in ("advcl", "conj", "parataxis", "dep") \
                and child.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children) \
                and finite_start(doc, after + 1, child.i + 1) is not None:
            return child
    return None


def semicolon_part(doc: Doc, i: int, start: int, end: int) -> tuple[int, int]:
    """The part of ``doc[start:end]`` around token ``i`` that no semicolon
    cuts: 'supporters appear to hold an edge; *a weaker turnout would likely
    wipe it out*' are two clauses, whatever the parser hung on what."""
    for j in range(i - 1, start - 1, -1):
        if doc[j].text == ";":
            start = j + 1
            break
    for j in range(i + 1, end):
        if doc[j].text == ";":
            end = j
            break
    return start, end
