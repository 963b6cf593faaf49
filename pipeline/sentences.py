"""Sentence boundaries looked up by token index, computed once per doc.

``doc[i].sent`` walks the doc's sentences from the start on every call
(building a Token object per token); on long articles that cost as much as
the parser. :func:`sentence_index` reads the boundaries once and keeps them
on the doc.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

_KEY = "claimsift_sentence_index"


class SentenceIndex:
    """Sentence boundaries of a doc, looked up by token index in O(log n)."""

    def __init__(self, doc: Doc):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.start_chars: list[int] = []
        self.end_chars: list[int] = []
        for sent in doc.sents:
            self.starts.append(sent.start)
            self.ends.append(sent.end)
            self.start_chars.append(sent.start_char)
            self.end_chars.append(sent.end_char)
        self.n_tokens = len(doc)

    def _index(self, i: int) -> int:
        return max(bisect_right(self.starts, i) - 1, 0)

    def start(self, i: int) -> int:
        """First token of the sentence holding token ``i``."""
        return self.starts[self._index(i)]

    def end(self, i: int) -> int:
        """One past the last token of the sentence holding token ``i``."""
        return self.ends[self._index(i)]

    def start_char(self, i: int) -> int:
        return self.start_chars[self._index(i)]

    def end_char(self, i: int) -> int:
        return self.end_chars[self._index(i)]

    def same(self, i: int, j: int) -> bool:
        return self._index(i) == self._index(j)


def sentence_index(doc: Doc) -> SentenceIndex:
    """The doc's sentence index, built on first use and kept on the doc."""
    cached = doc.user_data.get(_KEY)
    if cached is None or cached.n_tokens != len(doc):
        cached = SentenceIndex(doc)
        doc.user_data[_KEY] = cached
    return cached
