"""The output contract: pydantic models for articles, claims and errors.

The CLI, the Python API, the review page and the evaluator all read and write
these models. Field names listed in DESIGN.md are the contract; fields may be
added, never renamed.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

Level = Literal["certain", "probable", "possible", "unknown"]
Polarity = Literal["positive", "negative"]
SpeakerLabel = Literal["PERSON", "ORG", "NORP", "GPE", "UNNAMED", "AUTHOR"]

LEVELS: tuple[str, ...] = ("certain", "probable", "possible", "unknown")

# FactBank scale: CT+ 3, PR+ 2, PS+ 1, Uu 0, PS- -1, PR- -2, CT- -3.
_FACTUALITY = {"certain": 3, "probable": 2, "possible": 1, "unknown": 0}


def factuality_value(level: str, polarity: str) -> int:
    """FactBank factuality (-3..+3) for a level and a polarity."""
    value = _FACTUALITY[level]
    return -value if polarity == "negative" else value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TextSpan(_Model):
    """A stretch of the article body: ``body[start:end] == text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Speaker(_Model):
    """Who makes the claim.

    ``text`` is the mention as written ("She", "the agency"); ``name`` the
    resolved full name or a normalized description; AUTHOR claims have no
    span and ``name`` is the byline author or null.
    """

    text: Optional[str] = None
    name: Optional[str] = None
    label: SpeakerLabel
    start: Optional[int] = Field(default=None, ge=0)
    end: Optional[int] = Field(default=None, ge=0)


class Cue(_Model):
    """The words that attribute the claim ("said", "according to")."""

    text: str
    lemma: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class CertaintyCue(_Model):
    """One word or phrase that set the level, the polarity or hypothetical."""

    text: str
    category: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Certainty(_Model):
    level: Level = "certain"
    polarity: Polarity = "positive"
    factuality: int = Field(default=3, ge=-3, le=3)
    hypothetical: bool = False
    cues: list[CertaintyCue] = Field(default_factory=list)


class TemporalExpression(_Model):
    """A temporal expression with its TIMEX3 value (null when unresolved)."""

    text: str
    value: Optional[str] = None
    granularity: Optional[str] = None
    mod: Optional[str] = None
    type: str = "DATE"
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(_Model):
    text: str
    label: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(_Model):
    """One attributed claim: one line of claimsift's JSONL output."""

    id: str
    doc_id: str
    title: Optional[str] = None
    published: Optional[str] = None
    sentence: TextSpan
    speaker: Speaker
    cue: Optional[Cue] = None
    claim: TextSpan
    kind: str
    certainty: Certainty
    said_on: Optional[TemporalExpression] = None
    dates: list[TemporalExpression] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    rule: str
    content_hash: Optional[str] = Field(
        default=None, description="sha256 of the article body, for --resume"
    )


class Article(_Model):
    """An article as read from disk (or given through the Python API)."""

    doc_id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    author: Optional[str] = None
    url: Optional[str] = None
    source_path: Optional[str] = None
    format: str = "txt"
    # Character ranges of the body that are not prose (headings, bylines,
    # datelines): kept out of claims.
    skip_spans: list[tuple[int, int]] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


class ErrorRecord(_Model):
    """One article that could not be processed (written to OUT.errors.jsonl)."""

    file: str
    doc_id: Optional[str] = None
    stage: str
    message: str


def claim_json_schema() -> dict:
    """The JSON Schema of one output line."""
    return Claim.model_json_schema()
