"""Attribution: cue + speaker + content spans over a parsed spaCy Doc.

The rule logic, step by step, as plain functions:

1. :func:`find_quotes` pairs quote marks (straight, curly, guillemets) in the
   raw text; unbalanced or stray marks are ignored, a quote left open at a
   paragraph end continues when the next paragraph opens one.
2. :func:`verb_attributions`: a cue verb from ``models/cue_verbs.jsonl`` with
   a clausal complement (``ccomp``, ``xcomp`` for promise-type verbs, UD
   ``parataxis`` either way round), or, for verbs marked ``nominal``, a
   noun-phrase object ("denied the report"). The speaker is the subject,
   climbing from participles and conjuncts to the verb that has one
   ("…, stating that"); an evidential subject ("hints from X and Y", "the
   agency's report") yields its sources, one claim per source.
3. :func:`according_to`: "according to X" plus the clause it modifies.
4. :func:`quote_attributions`: direct quotes that step 2 did not cover, with
   the nearest cue verb of their sentences, or, with no cue, continuing the
   speaker of the quote just before.
5. :func:`author_attributions`: unattributed clauses that carry an epistemic
   cue (hedge, booster, unknown) become AUTHOR claims; plain narration does
   not.

Each step returns :class:`Attribution` records with token and character
ranges; :mod:`pipeline.extract` turns them into output models.
"""

from __future__ import annotations

import bisect
import calendar
import contextvars
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable, Literal, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.tokens import Doc, Token

from .rules import cached_jsonl, load_json_rules
from .certainty import UNREAL_AUX, has_first_person_subject, has_to_infinitive, refusal_verbs
from .clauses import FINITE_TAGS, finite_start, semicolon_part, verb_after_participle_aside
from .sentences import sentence_index
from .speakers import (NameTable, SpeakerRef, can_speak, described_source, evidential_sources, lexicon, clean_name,
                       resolve)

# --------------------------------------------------------------------------
# rule data


class CueVerbRule(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    lemma: str
    # speech | cognition | evidential | nominal_only | quote_only
    class_: str = Field(alias="class")
    nominal: bool = False
    needs: list[str] = Field(default_factory=list)
    prep: list[str] = Field(default_factory=list)
    # prepositions of an object predicate the verb must have ("sees X as Y":
    # ["as"]); the content is the object with the predicate
    needs_prep: list[str] = Field(default_factory=list)

    @field_validator("class_")
    @classmethod
    def _known_class(cls, v: str) -> str:
        if v not in {"speech", "cognition", "evidential", "nominal_only", "quote_only"}:
            raise ValueError("class must be speech, cognition, evidential, nominal_only or quote_only")
        return v

    @field_validator("lemma")
    @classmethod
    def _lower(cls, v: str) -> str:
        if not v.strip() or v != v.lower():
            raise ValueError("lemma must be a non-empty lowercase word")
        return v


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, CueVerbRule]:
    return {r.lemma: r for r in cached_jsonl("cue_verbs.jsonl", CueVerbRule)}


class InterviewMarkers(BaseModel):
    """models/attribution.json interview_markers: the labels that open the
    turns of an interview ("Q: What comes next?" / "A: Sleep, mostly.") or a
    transcript ("HOST: …" / "MARSH: …")."""

    model_config = ConfigDict(extra="forbid")
    # the interviewer's turns: questions, no claims of the interviewee
    question: list[str]
    # the answers, each the interviewee's own words, like a quote
    answer: list[str]
    # capitalized labels that open a paragraph but name no speaker
    # ("UPDATE:", "CORRECTION:"): a transcript's turns are named by speakers
    not_speakers: list[str]

    @model_validator(mode="after")
    def _distinct(self) -> "InterviewMarkers":
        if not self.question or not self.answer:
            raise ValueError("interview_markers needs non-empty 'question' and 'answer' lists")
        if {m.lower() for m in self.question} & {m.lower() for m in self.answer}:
            raise ValueError("interview_markers: a label cannot open both questions and answers")
        return self


class AttributionRules(BaseModel):
    """models/attribution.json: frames around the cue verbs."""

    model_config = ConfigDict(extra="forbid")
    # verbs whose infinitive complement is the content ("promised to resign")
    xcomp_cues: list[str]
    # modals of an act still to come ("must report", "will offer"), not of
    # ability or a later past ("could confirm only two deaths", "would later
    # confirm"): in narration they leave a verb's object unsaid
    due_modals: list[str]
    # infinitives that are not content ("declined to comment")
    non_content_verbs: list[str]
    # agentless passives and who the source then is (all AUTHOR now: "is said
    # to" with nobody named is the article's own hearsay)
    passive_sources: dict[str, Literal["UNNAMED", "AUTHOR"]]
    # raising verbs: "X seemed Y", "it appears that Y" (the writer's view)
    raising_verbs: list[str]
    # words that never follow a possessive "s'" (a possessive precedes its
    # noun): after "s'" they show the mark closes a single-quoted quote
    # ("made 'honest mistakes' in his record-keeping")
    quote_closing_words: list[str] = []
    # "X reportedly Y": an unnamed source
    hearsay_adverbs: list[str]
    # objects that carry no content ("declined to say what")
    non_content_objects: list[str]
    # objects that only point back to what came before: "Farrow would not
    # confirm *that*", "The ministry confirmed *it*" (no content of its own)
    answer_anaphors: list[str]
    # verbs that name a topic, not a content: declined to talk about, it
    # claims nothing ("declined to discuss the negotiations")
    topic_verbs: list[str] = []
    # verbs whose noun object is an expectation, time phrase included
    # ("expects a rebound *by July*", "ruled out a walkout *before the vote*")
    expectation_verbs: list[str] = []
    # subordinators whose clause is not part of an AUTHOR claim (conditionals are)
    non_conditional_marks: list[str]
    # "In a CNN poll, X leads": documents that speak through "in"
    source_documents: list[str]
    # nouns whose that-clause is reported content ("his claim that …")
    noun_cues: list[str]
    # verbs whose subject owns the reporting noun ("X made the claim that")
    light_verbs: list[str]
    # prepositions after a person object that carry what a stance verb says
    # about them ("criticized the mayor for X", "attacked Y as Z")
    stance_reason_preps: list[str]
    # predicate adjectives whose that-clause is the subject's belief or
    # feeling ("X is convinced that Y", "X remains confident that Y")
    belief_adjectives: list[str]
    # verbs whose person object is held to account "for" something: the
    # reason is what they say of the person ("blamed the mayor *for* the
    # delays", "credited the crews with X")
    accusation_verbs: list[str]
    # the prepositions, besides stance_reason_preps, that carry the charge
    # after an accusation verb's object ("accused X on Wednesday *of* Y")
    accusation_reason_preps: list[str]
    # "X made (it) clear that Y": adjectives after make
    make_adjectives: list[str]
    # verbs a gerund cue may follow and still report ("kept demanding X");
    # after any other verb the gerund names an act ("delayed reporting X")
    aspectual_verbs: list[str]
    # verbs whose gerund complement is the content ("recalls arriving in
    # 1987", "reported hearing a bang", "admitted taking the money")
    gerund_cues: list[str]
    # nouns a memory verb's 'when' clause hangs on ("recalls a night in 2009
    # when X"): X is the content
    occasion_nouns: list[str]
    # the memory verbs that take them
    memory_verbs: list[str]
    # subordinators whose clause, quoted alone on one side of a split
    # quote's cue, belongs to the claim on the other side ('"If A," said X,
    # "B"'): conditions and times, not reasons or concessions ("because",
    # "although" clauses assert something of their own)
    fragment_subordinators: list[str]
    # the subordinators of a time clause, on whose verb the parser may hang
    # the cue's that-clause ("argued *since* the trial opened that X")
    time_clause_marks: list[str]
    # verbs whose whether-clause is a choice to be made, not the writer's
    # doubt ("has six weeks to decide whether to seek a review")
    deliberation_verbs: list[str]
    # verbs whose "at" phrase after the object is the value they give:
    # "estimated the cost *at $4 million*", "put the toll at 12"
    valuation_verbs: list[str]
    # documents that only carry someone's words: "According to *a copy of
    # the memo*, the engineers wrote that X" is the engineers' claim (not
    # "according to the indictment": an allegation of its own)
    carrier_nouns: list[str]
    # where something is said, not what about: "told analysts *on a call*
    # that X" ("wrote on the bill that X" names a topic)
    medium_nouns: list[str]
    # verbs that, refused, only withhold information: "A but would not give
    # details" is no claim of its own, whatever its polarity
    withholding_verbs: list[str]
    # verbs that report a request only with one of these prepositions right
    # after them, or with a to-infinitive ("called for calm", "called on the
    # council to act"; not "called the ruling a betrayal")
    request_prep_verbs: dict[str, list[str]]
    # verbs of asking for an act ("urged both sides to pull back", "demanded
    # that the firm pay", "asked whether X"): a request or question, no claim
    # (a quote they introduce still is one); "call" only with "for"/"on"
    request_verbs: list[str]
    # adjectives a conjunct's own hedge can be ("might be real but *were
    # unlikely* to hold up")
    hedge_adjectives: list[str]
    # adverbs a conjunct's own hedge can be ("had flooded twice and would
    # *probably* take a buyout")
    hedge_adverbs: list[str] = []
    # past participles on a speaker that date the statement ("the minister,
    # *reached* on Monday, said"), unlike others ("*appointed* on Monday");
    # question_verbs ("*asked* on Monday") count too
    contact_verbs: list[str] = []
    # adjectives of a person's state of mind ("the analyst was less *sure*"):
    # the subject's, not the writer's
    state_adjectives: list[str]
    # "found *anyone* to replace her": indefinite pronouns, and the verbs of
    # searching whose infinitive then names what is sought
    indefinite_pronouns: list[str]
    search_verbs: list[str]
    # words that open a question left open ("declined to say *how much* X")
    open_question_words: list[str]
    # cue verbs of denial, whose wh-clauses are no open questions
    denial_verbs: list[str]
    # "said *only* that X": focus words before the complementizer
    focus_words: list[str]
    # words whose period does not end a quoted sentence ("No. 10", "Supt.
    # Harris"); case matters ("He said no. Then he left.")
    abbreviations: list[str]
    # verbs that put a question: "asked whether X", "wondered if X" (the
    # whether-clause is their question, no claim and no writer's doubt)
    question_verbs: list[str]
    # nouns whose that-clause after "after", "amid" ... is what the news
    # said, not the cue's content ("told reporters after *news* that X")
    news_nouns: list[str]
    # verbs besides the cue verbs whose subject, in a line ending with a
    # colon, is the source of the bulleted list that follows ("Among the
    # measures Vass *outlined* on the call:", "The plan she *set* out
    # includes:")
    list_lead_verbs: list[str]
    # verbs of a stance toward a thing: with a plain noun-phrase object
    # they claim nothing ("welcomed the change", "has endorsed the plan");
    # with a predicate or reason they do ("criticized the plan *as reckless*",
    # "praised the crews *for* reaching the site in an hour")
    stance_object_verbs: list[str]
    # verbs of '"…." That was how X *described* it': besides the cue verbs,
    # the verbs whose subject the sentence after a quote names as its speaker
    how_verbs: list[str]
    # the labels that open the turns of an interview or transcript
    interview_markers: "InterviewMarkers"


@lru_cache(maxsize=1)
def frames() -> AttributionRules:
    return load_json_rules("attribution.json", AttributionRules)


def _content_nouns() -> frozenset:
    """Nouns whose that-clause is their own content, not a cue's: the
    reporting nouns (``noun_cues``: "allegations that X") and ``news_nouns``
    ("word that X")."""
    rules = frames()
    return frozenset(rules.noun_cues) | frozenset(rules.news_nouns)


CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "xcomp", "acl", "pcomp"}


@dataclass
class Attribution:
    kind: str
    rule: str
    speaker: SpeakerRef
    content_start: int  # char offsets into doc.text
    content_end: int
    tok_start: int  # token range of the content
    tok_end: int
    cue_start: Optional[int] = None  # token range of the cue words
    cue_end: Optional[int] = None
    cue_token: Optional[int] = None  # the cue's head token (for certainty)
    anchor_tokens: tuple[int, ...] = ()  # verbs whose attached dates are said_on
    # a relayed report ("said *Moss had told her in December that X*"): the
    # char range of the outer report's content, whose dates are not said_on
    relayed: Optional[tuple[int, int]] = None


# --------------------------------------------------------------------------
# quotes


_QUOTE_MARK = re.compile(r"''|``|[\"“”«»„‹›]")
_OPENERS = {"“": "”", "«": "»", "„": "“", "‹": "›", "``": "''"}
_TOGGLES = {'"', "''"}  # straight marks, and the newswire's two apostrophes


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges of quoted text, interior only (without the marks).

    Pairs straight quotes (``"`` and the newswire's ``''``) by alternation
    and curly quotes, guillemets and ````…''`` by their direction, within a
    paragraph. A quote still open at the end of a paragraph is closed there
    when the next paragraph opens a quote (a quote running over paragraphs);
    otherwise the stray mark is ignored.
    """
    out: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    pending: Optional[tuple[int, int]] = None  # quote left open by the previous paragraph
    pending_single: Optional[tuple[int, int]] = None
    for p_start, p_end in paragraphs:
        n_double = len(out)
        marks = list(_QUOTE_MARK.finditer(text, p_start, p_end))
        if pending is not None:
            if marks and text[p_start:marks[0].start()].strip() == "" and (marks[0].group() in _OPENERS or marks[0].group() in _TOGGLES):
                out.append(pending)
            pending = None
        open_at: Optional[int] = None
        open_mark = ""
        for m in marks:
            mark = m.group()
            if open_at is None:
                if mark in _TOGGLES or mark in _OPENERS:
                    open_at, open_mark = m.end(), mark
                continue
            closes = (
                (mark == open_mark and mark in _TOGGLES)
                or _OPENERS.get(open_mark) == mark
                # mixed marks in messy copy: "…” and “…"
                or (open_mark == '"' and mark == "”")
                or (open_mark == "“" and mark == '"')
                # a closing mark typed the wrong way round: “It's unusual,“ said X
                or (open_mark == "“" and mark == "“" and m.start() > 0 and not text[m.start() - 1].isspace()
                    and (m.end() == len(text) or not text[m.end()].isalnum()))
            )
            if closes:
                out.append((open_at, m.start()))
                open_at = None
        if open_at is not None and p_end > open_at:
            # kept only if the next paragraph opens a quote (a quote that runs on)
            pending = (open_at, p_end)
        # single quotation marks (British style), outside the double quotes
        taken = out[n_double:] + ([pending] if pending else [])
        singles, pending_single = _single_quotes(text, p_start, p_end, taken, pending_single)
        out.extend(singles)
    out = [(s, e) for s, e in out if e > s and text[s:e].strip()]
    return sorted(out)


_QUOTES_KEY = "claimsift_quote_ranges"
_TURNS_KEY = "claimsift_interview_turns"


def _label_pattern(label: str, separator: str = ":", flags: int = 0) -> re.Pattern:
    """A label (the regex ``label``, captured) opening a paragraph before
    its separator, in plain text or Markdown bold ("**Q:** …")."""
    return re.compile(rf"[ \t]*(?:\*\*|__)?({label})(?:\*\*|__)?[ \t]*{separator}(?:\*\*|__)?[ \t]+(?=\S)", flags)


@lru_cache(maxsize=1)
def _turn_pattern() -> re.Pattern:
    markers = frames().interview_markers
    labels = "|".join(re.escape(m) for m in sorted(markers.question + markers.answer, key=len, reverse=True))
    # "Q: …", "A. …", "**Q:** …", "Answer: …", "HOST: …" at the start of a paragraph
    return _label_pattern(labels, "[:.]", re.IGNORECASE)  # ("QUESTION:" / "ANSWER:" too)


# a transcript's speaker label: one to three capitalized words ("MARSH:",
# "RAY OKONJO:", "DR. VALE:") before a colon at the start of a paragraph
_NAMED_TURN = _label_pattern(r"[A-Z][A-Z'\u2019.\-]*[A-Z.](?:[ \t][A-Z][A-Z'\u2019.\-]*[A-Z.]){0,2}")
# an interview's answer under a surname in title case ("Toussaint: …")
_SURNAME_TURN = _label_pattern(r"[A-Z][a-z][\w'\u2019\-]*")


# one to three words in title case: a name ("Holloway", "Tamsin Holloway")
_TITLE_NAME = r"[A-Z][\w'\u2019\-]+(?:[ \t][A-Z][\w'\u2019\-]+){0,2}"
# who gives an answer, named after its label: "A: Holloway: No." / "A (Penhallow): Yes."
_ANSWERER_AFTER = _label_pattern(_TITLE_NAME)


@lru_cache(maxsize=1)
def _answerer_in_brackets() -> re.Pattern:
    labels = "|".join(re.escape(m) for m in sorted(frames().interview_markers.answer, key=len, reverse=True))
    return re.compile(rf"[ \t]*(?:\*\*|__)?(?:{labels})[ \t]*\(({_TITLE_NAME})\)"
                      r"(?:\*\*|__)?[ \t]*[:.](?:\*\*|__)?[ \t]+(?=\S)")


def _named_answer(text: str, p_start: int, p_end: int, label_end: Optional[int]) -> Optional[re.Match]:
    """The answerer a paragraph's answer label names, when the article names
    that person elsewhere ("A: Holloway: We are planning for ..." after
    "Tamsin Holloway"; "A (Penhallow): Yes, it was."): a match whose group 1
    is the name and whose end is where the answer's words begin."""
    m = _ANSWERER_AFTER.match(text, label_end, p_end) if label_end is not None \
        else _answerer_in_brackets().match(text, p_start, p_end)
    return m if m is not None and _names_someone(text, m.group(1)) else None


def _names_someone(text: str, label: str) -> bool:
    """Does the text write the label as part of a full name ("MARSH" in
    "Delia Marsh", "RAY" in "Ray Okonjo", "RAY OKONJO" itself)?"""
    words = [w.strip(".") for w in label.split() if w.strip(".")]
    if not words:
        return False
    name = " ".join(w.title() for w in words)
    if len(words) > 1:
        return re.search(rf"\b{re.escape(name)}\b", text) is not None
    word = re.escape(name)
    return re.search(rf"\b[A-Z][\w'\u2019-]+ {word}\b|\b{word} [A-Z][\w'\u2019-]+", text) is not None


def _named_in(text: str, label: str) -> bool:
    """Is the one-word label written as a name in ``text``, the way a host
    puts a caller on the air: opening a sentence, then a comma or "in" ("FRANK"
    in "Frank in Eastgate, you're on the air", "Lucia, go ahead"; not "MYTH"
    in "Myth or fact: does the shot ...")?"""
    words = [w.strip(".") for w in label.split() if w.strip(".")]
    return len(words) == 1 and re.search(
        rf"(?:^|[.!?]\s+){re.escape(words[0].title())}(?:,| in )", text) is not None


def interview_turns(text: str) -> list[tuple[str, int, int, str]]:
    """The turns of an interview or transcript: (kind, start, end of the
    turn's words without its label, the label), one per paragraph that opens
    with a label. Kinds: "question" and "answer" for the labels of
    ``interview_markers`` ("Q:", "A:", "HOST:"); "speaker" for a transcript
    line opened by a speaker's name in capitals ("MARSH: No. Nobody here is
    going to …"), or in an interview by the surname of someone the article
    names in full ("Toussaint: We will play more living composers");
    "named_answer" for an answer whose label names who gives it ("A: Holloway:
    …", "A (Penhallow): …"; the label is the name). Answers
    count only after a question (an "A." that opens a paragraph elsewhere is
    an initial), named lines only where two or more
    paragraphs open so and one of their labels is written elsewhere as part
    of a full name; none in a text without answers or named lines."""
    markers = frames().interview_markers
    kind_of = {m.lower(): k for k, ms in (("question", markers.question), ("answer", markers.answer)) for m in ms}
    not_speakers = {m.lower() for m in markers.not_speakers}
    pattern = _turn_pattern()
    turns: list[tuple[str, int, int, str]] = []
    asked = False
    for p_start, p_end in _paragraphs(text):
        m = pattern.match(text, p_start, p_end)
        kind = kind_of[m.group(1).lower()] if m is not None else None
        named = _named_answer(text, p_start, p_end, m.end() if kind == "answer" else None) \
            if kind in ("answer", None) else None
        if named is not None:
            m, kind = named, "named_answer"  # (its label: the answerer's name)
        elif m is None:
            m = _NAMED_TURN.match(text, p_start, p_end)
            if m is None and asked:
                # in an interview, an answer under the interviewee's surname
                # ("Q: How will the programming change?" / "Toussaint: We will
                # play more living composers"), when the article gives the full name
                m = _SURNAME_TURN.match(text, p_start, p_end)
                if m is not None and not _names_someone(text, m.group(1)):
                    m = None
            if m is None or m.group(1).lower().rstrip(".") in not_speakers:
                continue
            kind = "speaker"
        if kind in ("answer", "named_answer") and not asked:
            continue
        asked = asked or kind == "question"
        end = p_end
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        turns.append((kind, m.end(), end, m.group(1)))
    named = [t for t in turns if t[0] == "speaker"]
    # (or a caller the host puts on the air: "HOST: Frank in Eastgate, you're on the air.")
    asked_text = " ".join(text[s:e] for k, s, e, _ in turns if k == "question")
    if len(named) < 2 or not any(_names_someone(text, t[3]) or _named_in(asked_text, t[3]) for t in named):
        # a transcript needs a label the article shows to be a name ("MARSH:"
        # after "Delia Marsh"): not datelines ("WASHINGTON: ...", "LONDON:
        # ..."), nor "MYTH:" / "FACT:" or "WHY IT MATTERS:" sections
        turns = [t for t in turns if t[0] != "speaker"]
    if not any(t[0] != "question" for t in turns):
        return []
    return turns


def doc_turns(doc: Doc) -> list[tuple[str, int, int, str]]:
    """:func:`interview_turns` of the doc's text, computed once per doc."""
    turns = doc.user_data.get(_TURNS_KEY)
    if turns is None:
        turns = doc.user_data[_TURNS_KEY] = interview_turns(doc.text)
    return turns


def interview_answers(doc: Doc) -> list[tuple[int, int]]:
    """Char ranges of the answers and named lines of :func:`interview_turns`
    (the words someone said)."""
    return [(s, e) for k, s, e, _ in doc_turns(doc) if k != "question"]


def quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """:func:`find_quotes` of the doc's text, computed once per doc (the
    attribution context and the speaker resolver both need it). The answers
    of an interview count as quotes, and a quote inside one is part of it."""
    ranges = doc.user_data.get(_QUOTES_KEY)
    if ranges is None:
        answers = interview_answers(doc)
        ranges = [(s, e) for s, e in find_quotes(doc.text) if not any(a <= s < b or a < e <= b for a, b in answers)]
        ranges = doc.user_data[_QUOTES_KEY] = sorted(ranges + answers)
    return ranges


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs: stretches between blank lines, or single lines when the
    text has no blank line at all (records that join paragraphs with one
    newline); there a line goes on the paragraph before while a quote is
    open and the line does not open one (hard-wrapped text)."""
    if re.search(r"\n[ \t]*\n", text) is None:
        groups: list[tuple[int, int]] = []
        for m in re.finditer(r"[^\n]+", text):
            if groups and _quote_left_open(text[groups[-1][0]:groups[-1][1]]) \
                    and text[m.start():m.end()].lstrip()[:1] not in ('"', "\u201c", "\u00ab", "\u201e"):
                groups[-1] = (groups[-1][0], m.end())
            else:
                groups.append((m.start(), m.end()))
        return groups
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)]


def _quote_left_open(segment: str) -> bool:
    return segment.count('"') % 2 == 1 or segment.count("\u201c") > segment.count("\u201d")


_SINGLE_OPEN = "'‘"
_SINGLE_CLOSE = "'’"
_BEFORE_OPENING = " \t\n([{—–-/:\"“"
_AFTER_CLOSING = " \t\n.,;:!?)]}—–-\"”"


_SINGLE_MARK = re.compile("['\u2018\u2019]")


def _closes_after_s(text: str, i: int) -> bool:
    """After a mark that follows "s" ("mistakes' in"), is the next word one
    no possessive is followed by (``quote_closing_words``), so that the mark
    closes a quote? A hyphenated word is taken whole ("the nurses' on-call
    rota"), and a coordinated possessive is one ("the players' and the
    coaches' pay")."""
    m = re.match(r"\s*([A-Za-z]+(?:-[A-Za-z]+)*)", text[i:i + 40])
    word = m.group(1).lower() if m else ""
    if word not in frames().quote_closing_words:
        return False
    if word in ("and", "or") and re.match(r"\s*(and|or)\s+(?:the\s+|their\s+|its\s+)?[A-Za-z]+s['\u2019]", text[i:i + 60],
                                         re.IGNORECASE):
        return False
    return True


def _single_quotes(text: str, p_start: int, p_end: int, taken: list[tuple[int, int]],
                   pending: Optional[tuple[int, int]]) -> tuple[list[tuple[int, int]], Optional[tuple[int, int]]]:
    """Quotes in single marks within one paragraph ('We have let residents
    down,' Mr Hartley said), telling them from apostrophes: an opening mark
    starts a word ('We; not 'the '08 crash', 'rock 'n' roll'), a closing one
    ends a word or sentence (down,'), and inside a quote of several words a
    mark after "s" or "in" before a lowercase word is an apostrophe ("the
    workers' pay", "runnin' for"; a one-word quote closes there: the 'Yes'
    campaign). Marks inside the ``taken`` ranges (double quotes) are left
    alone. Returns the quotes and one still open at the paragraph end
    (closed by the caller's next call when that paragraph opens with a
    single mark)."""
    out: list[tuple[int, int]] = []
    open_at: Optional[int] = None
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    for m in _SINGLE_MARK.finditer(text, p_start, p_end):
        i = m.start()
        k = bisect.bisect_right(starts, i + 1) - 1
        if k >= 0 and taken[k][0] - 1 <= i <= taken[k][1]:
            continue
        ch = text[i]
        before = text[i - 1] if i > p_start else "\n"
        after = text[i + 1] if i + 1 < p_end else "\n"
        if open_at is None:
            if ch in _SINGLE_OPEN and before in _BEFORE_OPENING and (after.isalnum() or after in "\u2026."):
                if re.match(r"\d\d(s)?\b", text[i + 1:i + 4]) or re.match(r"n['\u2019]\W", text[i + 1:i + 4]):
                    continue  # 'the '90s', 'the '08 crash', 'rock 'n' roll'
                if pending is not None:
                    if not text[p_start:i].strip():
                        out.append(pending)  # the quote of the paragraph before runs on
                    pending = None
                open_at = i + 1
            continue
        if ch in _SINGLE_CLOSE and not before.isspace() and after in _AFTER_CLOSING:
            several_words = bool(re.search(r"\s", text[open_at:i].strip()))
            if (several_words and after == " " and re.match(r" [a-z0-9]", text[i + 1:i + 3])
                    and (before in "sS" or text[i - 2:i] == "in" or text[i - 2:i] in ("'n", "\u2019n", "\u2018n"))
                    and not (before in "sS" and _closes_after_s(text, i + 1))):
                continue  # "the workers' pay", "runnin' for", "rock 'n' roll": an apostrophe
                # (not "made 'honest mistakes' in his record-keeping": a possessive precedes a noun)
            k = bisect.bisect_left(starts, open_at)
            if k < len(taken) and taken[k][0] < i:
                # a double-quoted stretch inside: keep the double quote only,
                # so that quotes never nest (British 'He said "no",' loses its outer quote)
                open_at = None
                continue
            out.append((open_at, i))
            open_at = None
    return out, ((open_at, p_end) if open_at is not None and p_end > open_at else None)


def _close_open_quote(text: str, start: int, end: int) -> int:
    """The end of a content that quotes a phrase at its close ('was "a bad
    night, nothing more"'): trimming took the closing mark off; put it back
    so that the claim's text does not open a quote it never closes."""
    part = text[start:end]
    at = end + 1 if text[end:end + 1] in (".", "!", "?") and end + 1 < len(text) else end  # 'more."' (not 'June,"')
    if at < len(text) and ((text[at] == '"' and part.count('"') % 2 == 1)
                           or (text[at] == "\u201d" and part.count("\u201c") > part.count("\u201d"))):
        return at + 1
    return end


def _trim_chars(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    strip = " \t\n,;:-—–" + "\"'`“”‘’«»„" + extra
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip + ".":
        end -= 1
    # keep a final period only when it ends a quoted sentence: callers decide
    return start, end


# --------------------------------------------------------------------------
# helpers over the parse


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    if end <= start:
        return doc[start].idx, doc[start].idx
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _trim_tokens(doc: Doc, start: int, end: int, drop_that: bool = True) -> tuple[int, int]:
    """Drop edge punctuation, spaces, quote marks and a leading 'that' (with
    a focus word before it: "said *only that* X")."""
    while start < end and (doc[start].is_punct or doc[start].is_space or (drop_that and (
            (doc[start].lower_ == "that" and doc[start].dep_ == "mark")
            or (doc[start].lower_ in frames().focus_words and start + 1 < end and doc[start + 1].lower_ == "that"
                and doc[start + 1].dep_ == "mark")))):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in (")",):
        end -= 1
    while end > start and doc[end - 1].lower_ in ("and", "but", "or") and doc[end - 1].dep_ == "cc":
        end -= 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    return start, end


def extend_over_titles(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a token range over a colon title it cuts ("Alita: Battle Angel
    2"): a proper noun, a colon with no space before it, capitalized words."""
    n = len(doc)
    if 0 < end + 1 < n and doc[end].text == ":" and not doc[end - 1].whitespace_ and doc[end - 1].pos_ == "PROPN" and doc[end + 1].is_title:
        e = end + 1
        sents = sentence_index(doc)
        while e < n and (doc[e].is_title or (doc[e].like_num and e > end + 1)) and sents.same(e, end):
            e += 1
        end = e
    if start >= 2 and doc[start - 1].text == ":" and not doc[start - 2].whitespace_ and doc[start - 2].pos_ == "PROPN" and doc[start].is_title \
            and not doc[start - 2].is_upper \
            and not (doc[start - 2].idx == 0 or doc.text[doc[start - 2].idx - 1] == "\n") \
            and not any(s == doc[start].idx for _, s, _, _ in doc_turns(doc)):
        # (not a transcript's "MARSH: No. Nobody …", nor an interview's
        # "Toussaint: Honestly, …" opening its line, nor "A: Holloway: No.")
        s = start - 2
        while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].is_title:
            s -= 1
        start = s
    return start, end


def _has_deps(verb: Token, deps: Sequence[str]) -> bool:
    """Whether the verb has a child with one of ``deps``; the small model
    parses an object predicate ("labeled the plan a failure") as a second
    direct object, which counts as "oprd"."""
    if any(c.dep_ in deps for c in verb.children):
        return True
    return "oprd" in deps and sum(1 for c in verb.children if c.dep_ == "dobj") >= 2


def _is_clause_head(token: Token) -> bool:
    """A verb, or (UD scheme) a predicate with a copula or a subject."""
    return _is_verbal(token) or any(c.dep_ in ("cop", "nsubj", "nsubjpass") for c in token.children)


def _is_verbal(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def cue_entry(token: Token) -> Optional[CueVerbRule]:
    """The cue rule for a verb token, if it is a cue (handles particles:
    'point out', 'rule out')."""
    if token.pos_ not in ("VERB", "AUX"):
        # the small model tags some sentence-final 'says' as NOUN/PROPN
        if not (token.lower_ in ("says", "said") and token.dep_ in ("ROOT", "parataxis", "ccomp")):
            return None
    lemma = token.lemma_.lower()
    table = cue_verbs()
    for child in token.children:
        if child.dep_ == "prt":
            phrase = f"{lemma} {child.lower_}"
            if phrase in table:
                return table[phrase]
    if token.lower_ in ("said", "says"):
        lemma = "say"
    rule = table.get(lemma)
    if rule is None:
        # the lemmatizer errs on some inflected forms ("hopes", "hoping" → "hop")
        for stem in _stems(token.lower_):
            rule = table.get(stem)
            if rule is not None:
                break
    return rule


def _stems(word: str) -> list[str]:
    """Candidate base forms of an inflected verb: 'hopes' → hope, 'hoping'
    → hope/hop, 'hoped' → hope/hop, 'argues' → argue."""
    out = []
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3] + "e", word[:-3]]
    elif word.endswith("ed") and len(word) > 4:
        out += [word[:-1], word[:-2]]
    elif word.endswith("s") and len(word) > 3:
        out += [word[:-1]]
    return out


def clausal_complement(verb: Token, rule: CueVerbRule) -> Optional[tuple[Token, str]]:
    """The content clause of a cue verb and the frame that found it."""
    if rule.class_ in ("nominal_only", "quote_only"):
        return None
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]

    def rank(c: Token) -> tuple:
        # "X, a rabbi, said he was alarmed": the clause after the cue wins
        # over one the parser found in the speaker's description, unless it
        # is a participle tacked on after a comma ("…, said Tuesday, blaming X")
        doc = c.doc
        first = doc[c.left_edge.i]
        tacked = c.i > verb.i and first.tag_ == "VBG" and first.i > 0 and doc[first.i - 1].text == ","
        return (not _is_verbal(c), tacked, c.i < verb.i)

    swallowed = _swallowed_inverted_subject(verb)
    if swallowed is not None:
        # '"A," said Megan Albrecht, a parent, "but B"': the clause the parser
        # built around the speaker's name is no content; the one before is
        ccomps = [c for c in ccomps if c.i != swallowed.head.i]
    for child in sorted(ccomps, key=rank):
        return child, "ccomp"
    for child in verb.rights:
        # "said only that the governor talks to everybody": the that-clause
        # read as the verb's object
        if (child.dep_ == "dobj"  # (a noun has no subject or "that" of its own: "talks" tagged NNS)
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
            return child, "ccomp"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.i < verb.i:
        # "…, a girl was pepper-sprayed, police said.": the clause before an
        # inverted cue, parsed as an adverbial clause
        lefts = [c for c in verb.children if c.dep_ in ("advcl", "parataxis") and c.i < subj.i and _is_verbal(c)]
        sent_end = sentence_index(verb.doc).end(verb.i)
        if lefts and all(t.is_punct for t in verb.doc[verb.i + 1:sent_end]):
            return lefts[-1], "inverted"
    for child in verb.children:
        # UD scheme (and spaCy on colons): "He said: the plan is final"
        if child.dep_ == "parataxis" and child.i > verb.i and _is_verbal(child):
            return child, "parataxis"
    if rule.class_ == "speech":
        # "did not say when X": the parser reads the wh-clause right after a
        # negated cue as a time adverbial
        negated = any(c.dep_ == "neg" for c in verb.children)
        for c in verb.children:
            if (negated and c.dep_ == "advcl" and c.left_edge.i == verb.i + 1 and _is_verbal(c)
                    and _wh_clause(c) and verb.doc[verb.i + 1].lower_ != "if"
                    and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)):
                return c, "ccomp"
        # "has argued since the trial opened that X", "had told reporters on
        # Monday, a day after the tanker struck a ledge, that X": the parser
        # hangs the that-clause on the verb of the time clause between
        doc = verb.doc
        for c in verb.children:
            if c.dep_ == "advcl" and c.i > verb.i and cue_entry(c) is None and _is_verbal(c) \
                    and not any(g.dep_ in ("expl", "acomp", "attr", "oprd", "prt") or (g.dep_ == "nsubj" and g.lower_ == "it")
                                for g in c.children):  # (not "after it became clear / turned out that X")
                comp = next((g for g in c.children if g.dep_ == "ccomp" and g.i > c.i and _is_that_clause(g)), None)
                if comp is not None and (doc[c.left_edge.i].lower_ in frames().time_clause_marks
                                         or doc[comp.left_edge.i - 1].text == ","):
                    return comp, "ccomp"
        # "said in a report that X", "wrote in a letter that X": the parser
        # hangs the that-clause on the medium noun
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.i > verb.i:
                for noun in prep.children:
                    if _medium_of_speech(noun) is not None:  # the medium of this very verb
                        comp = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                                     and _is_that_clause(c)), None)
                        if comp is not None:
                            return comp, "ccomp"
        # "would not comment on whether X", "did not elaborate on why X": a
        # wh-clause behind the verb's preposition is what was (not) said
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "about") and prep.i > verb.i:
                for c in prep.children:
                    if c.dep_ == "pcomp" and _is_verbal(c) and _wh_clause(c):
                        return c, "prep_wh"
    if rule.lemma.split()[0] in frames().xcomp_cues and not _object_gap(verb):
        for child in verb.children:
            if child.dep_ == "xcomp" and _is_verbal(child) and child.lemma_.lower() not in frames().non_content_verbs:
                return child, "xcomp"
    if rule.lemma in frames().gerund_cues:
        # "recalls arriving in 1987 with a single suitcase"
        for child in verb.children:
            if child.dep_ in ("xcomp", "dobj", "pcomp") and child.tag_ == "VBG" and child.i > verb.i:
                return child, "xcomp"
    if rule.lemma in frames().memory_verbs:
        # "recalls a night in 2009 when Abernathy set a broken leg"
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in frames().occasion_nouns), None)
        if obj is not None:
            for tok in verb.doc[obj.i + 1:verb.right_edge.i + 1]:
                if tok.dep_ == "relcl" and any(c.lower_ == "when" and c.dep_ == "advmod" for c in tok.children):
                    return tok, "ccomp"
    return None


_WH_WORDS = {"whether", "if", "why", "how", "when", "where", "what", "who", "which"}


def _wh_clause(head: Token) -> bool:
    """Does the clause headed by ``head`` open with whether / a wh-word?"""
    first = head.doc[head.left_edge.i]
    return first.lower_ in _WH_WORDS


def _object_gap(verb: Token) -> bool:
    """'the president she hopes to succeed': a relative clause whose own
    subject is not the relative pronoun, so the infinitive lacks its object."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in verb.children)


def _participle_after_relative_cue(verb: Token) -> Optional[Token]:
    """'her office had received no complaint, *a claim Feld disputed*,
    saying he had emailed the clerk twice': a participle cue right after a
    relative clause whose verb is a cue of its own, on a claim noun set off
    by a comma (a comment on the clause before: "a claim (that) Feld
    disputed", "a view the union rejects"), says what that clause's subject
    said. Returns that subject, or None."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    last = doc[verb.i - 2]
    rel = next((t for t in [last] + list(last.ancestors) if t.dep_ in ("relcl", "acl") and t.pos_ == "VERB"), None)
    if rel is None or rel.right_edge.i != last.i or cue_entry(rel) is None:
        return None
    noun = rel.head
    if noun.lemma_.lower() not in _content_nouns() or noun.left_edge.i == 0 or doc[noun.left_edge.i - 1].text != ",":
        return None  # (a comment on the clause before, set off by commas: not "rejected the figures the union reported, saying")
    return next((c for c in rel.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)


def _name_read_as_clause(verb: Token) -> Optional[Token]:
    """'The opposition campaign, *Keep Main Street Working*, said X': a name
    with a verb in it that the parser read as a clause and hung on the cue,
    taking the cue's subject with it. Returns that subject (the noun the
    name is in apposition to), else the name's head; None when no name of
    an organization or person runs up to the cue."""
    doc = verb.doc
    for child in verb.lefts:
        if child.dep_ not in ("parataxis", "advcl", "dep", "ccomp", "csubj") or child.pos_ not in ("VERB", "AUX") \
                or child.ent_type_ not in ("ORG", "PERSON"):
            continue
        if not all(t.is_punct for t in doc[child.right_edge.i + 1:verb.i]):
            continue
        inner = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < child.i), None)
        return inner if inner is not None else child
    return None


def _names_an_org_object(tok: Token) -> bool:
    """Is ``tok`` an organization noun that is the object of a preposition
    inside a subject ("Analysts surveyed by *the data firm* Tallyline"), so
    that a name right after it is that organization's, not a second
    subject ("Deputy mayor for transport Rafael Quent" is the person)?"""
    lex = lexicon()
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and (tok.lemma_.lower() in lex.org_nouns or tok.lower_ in lex.org_nouns)


def subject_of(verb: Token) -> tuple[Optional[Token], list[Token]]:
    """The subject of a cue verb, climbing from participles ("…, stating
    that"), infinitives and conjuncts to the verb that has one. Returns the
    subject and the verbs passed on the way (whose dates count as said_on)."""
    chain: list[Token] = []
    cur = verb
    for _ in range(4):
        chain.append(cur)
        subj = None
        agent = None
        hung = {c.i for c in _hung_subjects(cur)}
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.i in hung:
                    continue  # "Denniston said *the county's old scanners* had jammed"
                if subj is not None and child.lower_ in ("both", "all", "each") and subj.pos_ in ("NOUN", "PROPN"):
                    continue  # "The two campaigns *both* said": the noun is the subject
                if (subj is not None and child.pos_ == "PROPN" and child.left_edge.i == subj.right_edge.i + 1
                        and subj.pos_ == "NOUN" and _names_an_org_object(subj.right_edge)):
                    continue  # "Analysts surveyed by the data firm *Tallyline* had expected": a name the parser cut off
                if (subj is not None and subj.pos_ == "NOUN" and child.left_edge.i == subj.right_edge.i + 1
                        and not cur.doc[subj.right_edge.i].is_punct
                        and any(c.dep_ in ("acl", "relcl") and c.i == child.i + 1 and not _has_subject(c)
                                for c in child.children)):
                    continue  # "A timeline *the department* released shows": the subject of a relative clause
                subj = child
            elif child.dep_ == "nsubjpass":
                subj = subj or child
            elif child.dep_ == "agent" and not _temporal_agent(child):  # not "expected by October 25"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        agent = pobj
        if agent is not None:
            return agent, chain
        if subj is None and cur is verb and (named := _name_read_as_clause(verb)) is not None:
            return named, chain
        if subj is None and cur is verb and (disputer := _participle_after_relative_cue(verb)) is not None:
            return disputer, chain
        if subj is not None:
            if any(c.dep_ == "auxpass" for c in cur.children) and cur is verb:
                # agentless passive of the cue itself: "it was announced that"
                return None, chain
            if subj.lower_ == "it" and cur is not verb and (cur.lemma_ in ("be", "seem", "appear") or cur.lower_ in ("’s", "'s")):
                return None, chain  # "it is reasonable to assume that": the writer
            if subj.lower_ in ("that", "which", "who") and cur.dep_ == "relcl":
                return cur.head, chain
            return subj, chain
        if cur.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp") and cur.head is not cur:
            # only participles/infinitives/conjuncts inherit a subject
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" for c in cur.children):
                return None, chain
            outer = _conjoined_to_reported_clause(verb) if cur is verb else None
            # "said the bridge was safe, and urged calm": the sayer urged
            cur = outer if outer is not None else cur.head
            if cur.pos_ == "ADP":  # "by saying", "after noting"
                cur = cur.head
            if cur.ent_type_ == "PERSON" and cur.pos_ in ("VERB", "AUX") and cur.i < verb.i:
                # "Beatrix Olumide, the archaeologist who leads the dig,
                # believes X": the parser read the first name as a verb and
                # hung the cue on it; the name is the subject
                return cur, chain
            if cur.pos_ == "ADJ" and cur.dep_ == "acomp" and cur.head is not cur:
                cur = cur.head  # "officials were likely to demand": the copula's subject
            if not _is_verbal(cur) and cur.pos_ not in ("NOUN", "PROPN"):
                return None, chain
            if cur.pos_ in ("NOUN", "PROPN"):  # "a statement saying that" → noun
                return cur, chain
            continue
        if cur.dep_ == "relcl":
            return cur.head, chain
        if cur.dep_ == "dep" and cur is verb and cur.head.tag_ in ("VBN", "VBD") and cur.head.i < cur.i \
                and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cur.head.children):
            # "Several fans interviewed outside the ballpark said X": a reduced
            # relative the parser made the main verb, the cue hung on it
            outer = next((c for c in cur.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
                          and c.i < cur.head.i), None)
            if outer is not None:
                return outer, chain + [cur.head]  # (its date, "interviewed ... on Tuesday", is when they said it)
        stranded = _stranded_subject(cur) or _swallowed_inverted_subject(cur)
        if stranded is not None:
            return stranded, chain
        break
    return None, chain


def _subject_after_quote(verb: Token) -> Optional[tuple[int, Token]]:
    """'"We are not telling people X," *the department's director, Abigail
    Strand,* said': the parser read the words between the closing quote
    mark and a cue with no subject as an object inside the quote. Returns
    the closing mark's index (where the content ends) and the head of those
    words (the cue's subject), or None."""
    doc = verb.doc
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    q = next((j for j in range(verb.i - 1, max(verb.i - 12, 1) - 1, -1) if doc[j].is_quote), None)
    if q is None or q + 1 >= verb.i or doc[q - 1].text not in (",", "?", "!"):
        return None
    words = doc[q + 1:verb.i]
    if any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in words):
        return None
    heads = [t for t in words if not q < t.head.i < verb.i and not t.is_punct]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return q, heads[0]


def _mistagged_surname(ctx: "Context", verb: Token) -> Optional[Token]:
    """A surname the article introduced, right before or after a cue verb
    that has no subject, which the parser took for another word class
    ("Ebberly estimated that X": 'Ebberly' read as an adverb in -ly), or
    that opens the clause before an aside ("Vesely, 58, did not deny X"),
    or that comes with its age right before the cue ("In an interview at
    the offices in the Dockside district, Mirelli, 36, said X")."""
    doc = verb.doc
    first = min((c.i for c in verb.children if c.i < verb.i and not c.is_punct), default=verb.i - 1)
    # "..., Mirelli, 36, said": a surname with its age right before the cue,
    # which the parser hung on the phrase before it
    j = verb.i - 1
    if j >= 3 and doc[j].text == "," and doc[j - 1].like_num and doc[j - 2].text == ",":
        name = doc[j - 3]
        if name.is_title and name.lower_ in ctx.table.surnames and name.pos_ == "PROPN" \
                and name.dep_ not in ("nsubj", "nsubjpass"):
            return name
    for i in dict.fromkeys((verb.i - 1, verb.i + 1, first)):
        if 0 <= i < len(doc):
            tok = doc[i]
            if (tok.head.i == verb.i and tok.is_title and tok.lower_ in ctx.table.surnames
                    and tok.dep_ not in ("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "punct")):
                return tok
    return None


def _surname_before_appositive(ctx: "Context", subj: Optional[Token]) -> Optional[Token]:
    """'Tolliver, a Republican in his second term, told reporters X': the
    parser took the surname that opens the clause for an adverb and made its
    indefinite appositive ('a Republican') the cue's subject. Returns the
    surname (one the article introduced) or None."""
    if subj is None or subj.dep_ not in ("nsubj", "nsubjpass") \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subj.children) \
            or any(c.dep_ == "conj" for c in subj.children):
        return None  # (not "Tolliver, a Republican, and Ana Ruiz, a Democrat, told": two speakers)
    doc = subj.doc
    start = subj.left_edge.i
    if start < 2 or doc[start - 1].text != ",":
        return None
    name = doc[start - 2]
    if not (name.is_title and name.lower_ in ctx.table.surnames) or name.dep_ in ("nsubj", "nsubjpass", "pobj"):
        return None
    if name.i != name.sent.start and not doc[name.i - 1].is_punct:
        return None
    return name


def _swallowed_inverted_subject(verb: Token) -> Optional[Token]:
    """'"A," said Megan Albrecht, a parent, "but a county needs B"': an
    inverted cue with no subject of its own, right before a person's name
    that the parser made the subject of a later clause hung on the cue.
    Returns the name's head."""
    doc = verb.doc
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.i + 1 >= len(doc):
        return None
    nxt = doc[verb.i + 1]
    if nxt.pos_ != "PROPN" or nxt.ent_type_ not in ("PERSON", ""):
        return None
    name = nxt
    while name.dep_ in ("compound", "flat") and name.head.i > name.i:
        name = name.head
    if name.dep_ in ("nsubj", "nsubjpass") and name.head.dep_ == "ccomp" and name.head.head.i == verb.i \
            and name.head.i > name.i and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return name
    return None


def _stranded_subject(verb: Token) -> Optional[Token]:
    """'In an interview with the Gazette, Tomas Brekke, chief executive of
    Alder Line, said …': the parser may hang the name on the fronted phrase
    (a conjunct or apposition of 'Gazette') and leave the verb without a
    subject. The name is then the one that opens right after the phrase's
    comma and runs (with its own appositive) up to the verb."""
    doc = verb.doc
    for child in verb.children:
        if child.i > verb.i or child.dep_ not in ("prep", "advcl", "npadvmod", "advmod"):
            continue
        for tok in child.subtree:
            if tok.dep_ not in ("conj", "appos") or tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", "ORG", ""):
                continue
            start = tok.left_edge.i
            end = tok.right_edge.i + 1
            while end < verb.i and doc[end].is_punct:
                end += 1
            if start > 0 and doc[start - 1].text == "," and end == verb.i:
                return tok
    return None


# --------------------------------------------------------------------------
# the rules


@dataclass
class Context:
    doc: Doc
    table: NameTable
    quotes: list[tuple[int, int]]
    skip: list[tuple[int, int]]
    text: str = ""  # doc.text, read once (spaCy rebuilds it on every access)
    last_speakers: list[SpeakerRef] = field(default_factory=list)
    _candidates: Optional[dict[str, list[Token]]] = None

    def in_skip(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.skip)

    def candidates(self, kind: str) -> list[Token]:
        """Tokens each rule looks at, found in one pass over the doc: 'verb'
        (cue verbs), 'noun' (reporting nouns), 'passive' (passive, raising
        and hearsay cues), 'source' ("according", "in")."""
        if self._candidates is None:
            rules = frames()
            nouns, passive, raising, hearsay = (set(rules.noun_cues), set(rules.passive_sources),
                                                set(rules.raising_verbs), set(rules.hearsay_adverbs))
            adjectives = set(rules.belief_adjectives) | set(rules.make_adjectives)
            found: dict[str, list[Token]] = {"verb": [], "noun": [], "passive": [], "source": [], "adjective": []}
            for tok in self.doc:
                lower = tok.lower_
                if lower in ("according", "in"):
                    found["source"].append(tok)
                    continue
                lemma = tok.lemma_.lower()
                if lemma in passive or lemma in raising or lower in hearsay:
                    found["passive"].append(tok)
                if tok.pos_ == "NOUN" and lemma in nouns:
                    found["noun"].append(tok)
                if lower in adjectives and tok.pos_ in ("ADJ", "VERB"):
                    found["adjective"].append(tok)
                if cue_entry(tok) is not None:
                    found["verb"].append(tok)
            self._candidates = found
        return self._candidates[kind]

    def quote_at(self, char: int) -> Optional[tuple[int, int]]:
        for s, e in self.quotes:
            if s <= char < e:
                return s, e
        return None


def _closing_appositive_name(subj: Token) -> Optional[Token]:
    """The person's name that closes a role-noun subject, set off by commas,
    when the parser hung it on a noun inside the subject ("Her counterpart
    *at Greenhollow*, Raymond Oyelaran, said": appos of Greenhollow)."""
    if subj.pos_ != "NOUN" or subj.ent_type_:
        return None
    doc = subj.doc
    last = subj.right_edge.i
    while last > subj.i and doc[last].is_punct:
        last -= 1
    for tok in subj.subtree:
        if (tok.dep_ == "appos" and tok.head.i != subj.i and tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN"
                and tok.right_edge.i == last and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
                and tok.head.ent_type_ in ("ORG", "GPE", "FAC", "NORP")):
            # (not "A spokeswoman for the governor, Kathy Hochul, said": the
            # name is the governor's)
            return tok
    return None


def _office_of_name(subj: Token) -> Optional[SpeakerRef]:
    """'Registrar of Voters Alma Fensterwald told X': a singular office title
    with its "of" phrase, the name the parser hung on that phrase's object
    (not "Lawyers for Officer Tom Drummond", "Relatives of ...": other
    people). The person, named by the entity."""
    lex = lexicon()
    if not (subj.is_title and subj.lower_ in lex.role_words and subj.tag_ in ("NN", "NNP")) \
            or any(c.dep_ in ("det", "poss") for c in subj.children):
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.ent_type_ != "PERSON":
        return None
    ent = next((e for e in subj.doc.ents if e.start <= pobj.i < e.end and e.label_ == "PERSON"), None)
    if ent is None or len(ent) < 2 or ent.end != pobj.i + 1 or not subj.doc[ent.start - 1].is_title:
        return None  # ("Registrar of Voters" itself is the office, "Alma Fensterwald" the person)
    return SpeakerRef("PERSON", subj.doc[subj.left_edge.i:ent.end].text, clean_name(ent, person=True),
                      subj.left_edge.i, ent.end, ent.root.i)


def _coordinated_title_name(subj: Token) -> Optional[Token]:
    """'Chef and co-owner Ines Carraway said': two titles of one person, the
    first read as the subject (or even as a verb) and the name as its
    conjunct. Returns the name's head when the first word is a title-case
    role word or person noun (or a capitalized word the tagger took for a
    verb or an adjective) and the name carries a role word of its own."""
    lex = lexicon()
    if not subj.is_title or any(c.dep_ in ("det", "poss") for c in subj.children) or not (
            subj.lower_ in lex.role_words or subj.lower_ in lex.person_nouns or subj.pos_ in ("VERB", "ADJ")) \
            or subj.lower_ in lex.org_nouns:
        return None
    name = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if name is None or not any(c.dep_ == "cc" and c.lower_ == "and" for c in subj.children):
        return None
    if not any(t.lower_ in lex.role_words for t in subj.doc[subj.i + 1:name.i]):
        return None  # ("Police and Mayor Ruiz": two sources; "Smith and Jones": two names)
    return name


def _resolve_all(ctx: Context, tokens: Iterable[Token]) -> list[SpeakerRef]:
    """The speakers the tokens resolve to, leaving out those that resolve to none."""
    return [r for r in (resolve(t, ctx.table, ctx.last_speakers) for t in tokens) if r is not None]


def _speakers_for(ctx: Context, subj: Optional[Token]) -> list[SpeakerRef]:
    """Speakers for a cue's subject; evidential nouns yield their sources."""
    if subj is None:
        return []
    lex = lexicon()
    if subj.pos_ in ("NOUN", "PROPN") and (subj.lemma_.lower() in lex.evidential_nouns or subj.lower_ in lex.evidential_nouns):
        sources = evidential_sources(subj)
        if sources:
            # "hints from X and the team": the parser may hang 'team' on 'hints'
            sources += [c for c in subj.conjuncts if c.i > subj.i and c.pos_ in ("NOUN", "PROPN")]
        return _resolve_all(ctx, sources) or [resolve(subj, ctx.table, ctx.last_speakers) or described_source(subj)]
    if subj.pos_ not in ("NOUN", "PROPN", "PRON") and subj.is_title and subj.lower_ in ctx.table.surnames:
        # a surname the parser took for another word class (_mistagged_surname)
        return [SpeakerRef("PERSON", subj.text, ctx.table.surnames[subj.lower_], subj.i, subj.i + 1, subj.i)]
    office = _office_of_name(subj)
    if office is not None:
        return [office]
    titled = _coordinated_title_name(subj)
    if titled is not None:
        subj = titled  # "Chef and co-owner Ines Carraway said": one person, two titles
    if subj.ent_type_ in ("TIME", "DATE"):
        # "11:16 p.m. Drummond, finally at the Seaglass, told": a live blog's
        # time stamp read as the subject, the speaker as its apposition
        named = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ not in ("TIME", "DATE")
                      and c.pos_ in ("PROPN", "NOUN")), None)
        if named is not None:
            subj = named
    named = _closing_appositive_name(subj)
    if named is not None:
        subj = named  # "Her counterpart at Greenhollow, Raymond Oyelaran, said"
    ref = resolve(subj, ctx.table, ctx.last_speakers)
    if ref is None:
        return []
    # "Ruiz and Okafor said": one claim per source (not a word inside a
    # quote the parser coordinated with the name)
    return [ref] + _resolve_all(ctx, (c for c in subj.conjuncts if c.i > subj.i and ctx.quote_at(c.idx) is None))


def _classify(ctx: Context, c_start: int, c_end: int, base: str) -> tuple[str, int, int]:
    """direct when the content lies inside one quote (then the content is the
    whole quote), mixed when it contains a quote, else ``base``."""
    for qs, qe in ctx.quotes:
        if qs <= c_start and c_end <= qe + 1:
            s, e = _trim_chars(ctx.text, qs, qe)
            return "direct", s, e
    for qs, qe in ctx.quotes:
        if c_start <= qs and qe <= c_end + 1 and (qe - qs) < (c_end - c_start):
            return "mixed", c_start, c_end
    return base, c_start, c_end


def is_question(text: str, start: int, end: int) -> bool:
    """Quoted text that is a question: its last sentence ends with '?'."""
    return text[start:end].rstrip().endswith("?") or text[end:end + 2].lstrip()[:1] == "?"


def _abbreviation_ends(doc: Doc, start: int, end: int) -> list[Token]:
    """Abbreviations whose period also ends the sentence: "at 2 a.m. Nobody
    has shown us that" (a capitalized pronoun or determiner follows, not a
    name: "2 p.m. Tuesday")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("POS"):
        return []
    return [t for t in span[:-1] if len(t.text) > 1 and t.text.endswith(".") and not t.is_punct
            and doc[t.i + 1].is_title and doc[t.i + 1].pos_ in ("PRON", "DET", "SCONJ", "CCONJ", "AUX")]


def _sentence_marks(doc: Doc, start: int, end: int) -> list[Token]:
    """The sentence-ending punctuation tokens ('.', '!', '?') in a char range
    (the tokenizer keeps an abbreviation's period on its word: 'U.S.', 'Dr.')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if t.text in (".", "!", "?")] if span is not None else []


def _statement_before_question(doc: Doc, start: int, end: int) -> Optional[int]:
    """The end of the statements before trailing question(s) in quoted text
    ('"We can afford this. Why not?"'), or None when it opens with a question."""
    marks = _sentence_marks(doc, start, end)
    stmt = None
    for t in marks:
        if t.text == "?":
            break
        stmt = t
    if stmt is None or len(doc.char_span(start, stmt.idx, alignment_mode="expand") or ()) < 2:
        return None
    return stmt.idx


def _leading_question_end(doc: Doc, start: int, end: int) -> Optional[int]:
    """Where the statement after leading questions starts, in quoted text that
    opens with a question: '"Can we afford this? I don't think so."'."""
    last_q = None
    for t in _sentence_marks(doc, start, end):
        if t.text != "?":
            break
        last_q = t
    if last_q is None:
        return None
    pos = last_q.idx + 1
    text = doc.text
    while pos < end and (text[pos].isspace() or text[pos] in "\"'\u201d\u2019"):
        pos += 1
    return pos if end - pos >= 3 else None


def _extend_over_hyphen(doc: Doc, end: int) -> int:
    """A content that ends inside a hyphenated word the tokenizer split and
    the parser tore apart ("one scene had been *re* | - | edited after the
    screening") goes on over the word and what hangs on its second part,
    within the sentence."""
    sents = sentence_index(doc)
    for _ in range(4):
        if not (0 < end < len(doc) - 1 and doc[end - 1].whitespace_ == "" and doc[end].text in ("-", "\u2010")
                and doc[end].whitespace_ == "" and doc[end + 1].is_alpha and doc[end - 1].is_alpha):
            break
        limit = sents.end(end - 1)
        nxt = doc[end + 1]
        end = min(limit, max(end + 2, nxt.right_edge.i + 1 if nxt.head.i != end - 1 else end + 2))
        while end > 0 and doc[end - 1].is_punct and doc[end - 1].text in ".,;:" and end - 1 > nxt.i:
            end -= 1
    return end


def _make(ctx: Context, kind: str, rule: str, speakers: list[SpeakerRef], tok_range: tuple[int, int],
          cue: Optional[tuple[int, int]], cue_token: Optional[int], anchors: Iterable[int]) -> list[Attribution]:
    doc = ctx.doc
    ts, te = _trim_tokens(doc, *tok_range)
    if te <= ts:
        return []
    ts, te = extend_over_titles(doc, ts, te)
    te = _extend_over_hyphen(doc, te)
    cs, ce = _char_range(doc, ts, te)
    if ctx.in_skip(cs):
        # content starting in a dateline/byline: move past it
        for s, e in ctx.skip:
            if s <= cs < e:
                while ts < te and doc[ts].idx < e:
                    ts += 1
        if te <= ts:
            return []
        cs, ce = _char_range(doc, ts, te)
    kind, cs, ce = _classify(ctx, cs, ce, kind)
    if kind != "direct":
        ce = _close_open_quote(ctx.text, cs, ce)
    if kind == "direct" and is_question(ctx.text, cs, ce):
        stmt = _statement_before_question(doc, cs, ce)
        if stmt is None:
            return []  # a quoted question asks; it claims nothing
        ce = stmt  # '"We can afford this. Why not?"': the statement before it
    if kind == "direct":
        # '"Can we afford this? I don't think so," the mayor said': the
        # leading rhetorical question asks; the claim is what follows it
        q = _leading_question_end(doc, cs, ce)
        if q is not None:
            cs = q
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is not None:
            ts, te = span.start, span.end
            if q is not None and sum(1 for t in span if not (t.is_punct or t.is_space)) < 2:
                return []  # '"Would it have helped? Possibly," she said': a one-word answer to a question
    if not speakers:
        speakers = [SpeakerRef("AUTHOR")]
    out = []
    for sp in speakers:
        out.append(Attribution(kind, rule, sp, cs, ce, ts, te, cue[0] if cue else None, cue[1] if cue else None,
                               cue_token, tuple(anchors)))
    if speakers and speakers[-1].label != "AUTHOR":
        ctx.last_speakers.extend(speakers)
    return out


_CONDITION_MARKS = frozenset({"if", "unless"})


def _in_condition(verb: Token) -> bool:
    """Is the cue verb the verb of an "if" / "unless" clause ("the probe
    could widen *if investigators find* the part was used")? Then what it
    reports is only supposed."""
    tok = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in tok.children):
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _hung_subjects(verb: Token) -> list[Token]:
    """Subjects the parser hung on a verb after it when it already has one
    before it ("Denniston said *the county's old scanners*, bought in 2009,
    had jammed"): the reported clause's subjects, not the verb's. The
    speaker is the one before (subject_of); the content starts at these
    (_stray_content_subject)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    doc = verb.doc
    # (a "subject" before the verb that a quote mark separates from it is the
    # quote's word: '"… Not even *the dog*," said Helen Brask' is Brask's)
    if not any(c.i < verb.i and not any(t.is_quote for t in doc[c.i:verb.i]) for c in subjects):
        return []
    return [c for c in subjects if c.i > verb.i]


def _stray_content_subject(verb: Token, head: Token) -> Optional[Token]:
    """A subject hung on the cue (_hung_subjects) between the cue and its
    reported clause ``head``, when that clause has no subject of its own:
    the clause's subject, where its content starts."""
    if any(g.dep_ in ("nsubj", "nsubjpass") for g in head.children):
        return None
    return next((c for c in _hung_subjects(verb) if c.i < head.i), None)


def verb_attributions(ctx: Context) -> list[Attribution]:
    doc = ctx.doc
    out: list[Attribution] = []
    for tok in ctx.candidates("verb"):
        rule = cue_entry(tok)
        if rule is None or ctx.in_skip(tok.idx):
            continue
        if ctx.quote_at(tok.idx) is not None:
            continue  # reporting inside a quote belongs to the quote
        if _in_condition(tok) or any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children):
            continue  # "if investigators find X", "whether Sarenia will seek talks": nobody has said X
        if _noun_relative_read_as_main(tok):
            continue  # "X accused the company of Y, *a charge Kilbride denied*": a clause on "charge"
        has_prep = bool(rule.prep) and (any(c.dep_ == "prep" and c.lower_ in rule.prep for c in tok.children)
                                        or _prep_marked_clause(tok, rule) is not None)
        if rule.needs and not _has_deps(tok, rule.needs) and not has_prep:
            continue
        if rule.needs_prep and _predicate_prep(tok, rule) is None:
            continue  # "saw the film": no "as" predicate, no view
        if _reduced_passive(tok) and _that_clause_on_subject(tok) is None:
            # "when asked about X", "Asked whether X, she said …": the subject
            # was asked, it did not ask, and a question is no claim
            continue
        if any(c.dep_ == "auxpass" for c in tok.children) and not any(
                c.dep_ == "agent" and not _temporal_agent(c) for c in tok.children):
            if rule.needs_prep:
                out.extend(_passive_predicate(ctx, tok, rule))
            continue  # agentless passive: passive_attributions
        aside = _inverted_aside(tok) if rule.class_ == "speech" else None
        comp = clausal_complement(tok, rule) if aside is None else None
        kind = "indirect"
        trailing = None
        on_subject = None
        quoted = None
        if comp is not None and _indefinite_infinitive(comp[0]):
            continue  # "has not found anyone to replace her": someone sought, nothing reported
        if aside is not None:
            # "The settlement, said Colette Amsel, was fair": the parser made
            # the reported clause's subject the cue's, or the cue's subject the
            # clause's; the words around the cue are what she said
            ts, te, _, head = aside
            comp = (head, "parenthetical") if head is not None else None
            rid = "indirect.parenthetical"
        elif comp is not None:
            head, frame = comp
            ts, te = _subtree_range(head)
            te = _split_hedge_clause_end(tok, head, te)
            stray = _stray_content_subject(tok, head)
            if stray is not None:
                ts = min(ts, stray.left_edge.i)  # "said *the old scanners, bought in 2009,* had jammed"
            if ts <= tok.i < te:  # cue inside its own content (parse oddity)
                # the side that holds the clause's head ("which its chair,
                # Professor Rashid Umeh, said *would now be withdrawn*"), else the longer
                after = head.i > tok.i if head.i != tok.i else tok.i - ts < te - tok.i - 1
                if after:
                    ts = tok.i + 1
                else:
                    te = tok.i
            if head.i < tok.i and (quoted := _subject_after_quote(tok)) is not None:
                te = min(te, quoted[0])  # '"A," the department's director, Abigail Strand, said'
            if (after_aside := verb_after_participle_aside(head)) is not None:
                head = after_aside  # "that an increase, phased in over three years, could reduce hours"
                comp = (head, frame)
                te = max(te, head.right_edge.i + 1)
            te = _cut_conjoined_cues(head, te)
            te = trim_trailing_asides(doc, ts, te, keep_participles=head.i < tok.i)
            te = _inverted_content_end(tok, head, te)
            rid = f"indirect.{frame}"
        elif rule.class_ in ("speech", "cognition") and (misattached := _misattached_complement(tok)) is not None:
            # "after Trump told the Post he was not ready": the parser hangs the
            # cue on the clause it reports
            head = tok.head
            ts, te = misattached, head.right_edge.i + 1
            te = trim_trailing_asides(doc, ts, te)
            rid = "indirect.ccomp"
        elif rule.class_ in ("speech", "cognition") and (that_np := _that_marked_object(tok)) is not None:
            # "claimed that the drug cut relapse rates by half": the parser read
            # the clause as one long noun phrase, but its "that" gives it away
            ts, te = that_np
            te = trim_trailing_asides(doc, ts, te)
            rid = "indirect.ccomp"
        elif rule.class_ in ("speech", "cognition") and (after_prep := _that_clause_after_prep(tok)) is not None:
            # "told reporters after the race that she had felt strong": read as
            # a relative clause of "race"; split it like a reported clause
            rel, ts, te = after_prep
            te = trim_trailing_asides(doc, ts, te)
            rid = "indirect.ccomp"
            comp = (rel, "ccomp")
        elif rule.class_ in ("speech", "cognition") and (on_subject := _that_clause_on_subject(tok)) is not None:
            rel, ts, te, _ = on_subject
            te = trim_trailing_asides(doc, ts, te)
            rid = "indirect.ccomp"
            comp = (rel, "ccomp")
        elif rule.class_ in ("speech", "cognition", "evidential") and _as_clause(tok):
            # "As Ruiz noted, voters will look again", "…, as the agency announced"
            ts, te = _as_content(doc, tok)
            if te - ts < 3:
                continue
            rid = "indirect.as_clause"
        elif (rule.class_ in ("speech", "cognition") or (rule.class_ == "evidential" and _document_subject(tok))) \
                and (tok.dep_ in ("parataxis", "conj", "ccomp") or _comma_set_advcl(tok)) and _is_clause_head(tok.head) \
                and not (tok.dep_ == "ccomp" and cue_entry(tok.head) is not None) \
                and not any(c.dep_ in ("dobj", "obj", "xcomp") for c in tok.children) \
                and not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in tok.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # (not "said that A and *that he would ask* for B": a second reported clause)
            # "The plan, Ruiz said, is final" / "The plant will close, said the CEO"
            head = tok.head
            ts, te = _subtree_range(head)
            # a cue after its clause ends the content; a cue in the middle of
            # it ("The effects, economists say, are hard to predict") does not
            last_word = max((t.i for t in head.subtree if not (t.is_punct or t.is_space)), default=head.i)
            ends_clause = head.i < tok.i and last_word <= tok.right_edge.i
            if tok.dep_ == "conj" or ends_clause:
                te = min(te, tok.left_edge.i)
                for child in tok.children:  # "…, said X" where X hangs on the cue
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i:
                        te = min(te, child.left_edge.i)
            if te - ts < 3:
                continue
            rid = "indirect.parenthetical"
            comp = (head, "parenthetical")  # its conjuncts split like a reported clause's
        elif rule.nominal or (rule.class_ == "evidential" and _document_subject(tok)):
            # "called X a liar" (object + predicate), "called for X", "talked about X"
            # speech verbs keep their object ("asked the board to act"); other
            # verbs with content prepositions take only those ("talked about X")
            takes_object = not rule.prep or (rule.needs and _has_deps(tok, rule.needs)) or rule.class_ == "speech"
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None) if takes_object else None
            if obj is None and any(c.dep_ == "agent" and not _temporal_agent(c) for c in tok.children):
                # "The merger was first reported by the Tribune": the passive subject
                # (not "will be announced by May 1": a deadline, not a source)
                obj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if obj is not None and rule.prep and rule.class_ == "speech" and not any(c.dep_ in ("xcomp", "oprd") for c in tok.children) \
                    and (obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "NORP")) \
                    and any(c.dep_ == "prep" and c.lower_ in rule.prep for c in tok.children):
                obj = None  # "asked him about the delays": the addressee is not the content
            if obj is None and rule.prep and not (rule.class_ == "nominal_only" and any(
                    c.dep_ in ("dobj", "obj") for c in tok.children)):
                # "talked about X", "pointed to X": the prepositional object (not
                # "refer *the case* to the attorney general": an object sent somewhere)
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in rule.prep), None)
                obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            marked = _prep_marked_clause(tok, rule) if obj is None and rule.prep else None
            if obj is None and "oprd" in rule.needs:
                # "called the frontrunner 'the best recruiter'" parsed with the
                # object inside the predicate: the predicate's subtree is the content
                obj = next((c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i), None)
            predicated = any(c.dep_ in ("oprd", "xcomp") for c in tok.children) or (
                obj is not None and _reason_prep(tok, obj) is not None) or bool(rule.needs_prep)
            if marked is not None:
                # "called for the council to delay the vote": the clause after "for"
                ts, te = marked.i + 1, marked.head.right_edge.i + 1
            elif obj is None or (obj.lower_ in frames().non_content_objects and not (predicated and obj.tag_ == "PRP")):
                continue
            elif not predicated and obj.dep_ in ("dobj", "obj") and rule.lemma not in frames().expectation_verbs \
                    and _unrealized(tok, UNREAL_AUX if _reported(tok) or tok.dep_ in ("relcl", "acl") else frozenset(frames().due_modals)):
                continue  # "must report a defect within five days", "is expected to challenge Pruett": an act to come, no claim
                # (any modal in reported speech or a relative clause: "a defect that could threaten the instrument")
                # (an expectation is one, whatever its mood: "told growers *to expect* 30 percent less water")
            elif (tok.tag_ == "VBG" or (tok.tag_ == "VB" and has_to_infinitive(tok))) \
                    and tok.dep_ in ("xcomp", "dobj", "pcomp", "advcl") and tok.head.pos_ == "VERB" \
                    and cue_entry(tok.head) is None and not predicated \
                    and tok.head.lemma_.lower() not in frames().aspectual_verbs \
                    and not (tok.dep_ == "advcl" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
                             and tok.lemma_.lower() in frames().accusation_verbs and _reason_prep_of_object(obj)):
                continue  # "had delayed reporting the deaths", "waited three weeks to report the failure": an act named, not a report made
                # (", accusing the company of X" after "sued" is a report: the participle says what the suit says;
                # ", praising the work of the crews" is no such thing)
            elif tok.dep_ == "relcl" and rule.class_ in ("nominal_only", "cognition") and not predicated:
                continue  # "Brisco, who is not seeking a fourth term, said": background on the speaker
            elif rule.class_ == "nominal_only" and (obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) \
                    and not predicated:
                continue  # "endorsed Trump", "backed the mayor": a stance toward someone, no content
            elif rule.lemma in frames().stance_object_verbs and not predicated and not (
                    obj.lemma_.lower() in _content_nouns()
                    and any(c.dep_ in ("acl", "ccomp") for c in obj.children)):
                continue  # "welcomed the change", "has endorsed the plan": a stance toward a thing, no content
                # (but "backed claims that X", "welcomed the news that X" carry X)
            elif obj.lower_ in _REFLEXIVES and tok.lemma_.lower() in ("call", "name", "dub", "style"):
                continue  # "a group calling itself Black Lantern": a name, not a claim
            elif _under_hearsay_passive(tok):
                continue  # "The board is understood to favour a merger": the hearsay passive's claim holds it
            else:
                ts, te = _subtree_range(obj)
            te = _extend_over_object_preps(tok, te, temporal=rule.lemma in frames().expectation_verbs)
            reason = _reason_prep(tok, obj) if obj is not None and marked is None else None
            if reason is not None and reason.i >= te:
                te = reason.right_edge.i + 1  # "accused X on Wednesday *of raising prices*"
            te = trim_trailing_asides(doc, ts, te)
            if marked is None and not predicated and obj is not None and _anaphoric_np(doc, obj, ts, te):
                continue  # "rejected that account", "disputed those numbers": no content of its own
            if marked is None and not predicated and _refused_topic(tok, rule):
                continue  # "declined to discuss numbers", "has not spoken about the dispute"
            if any(c.dep_ == "advmod" and c.lower_ == "how" and c.i >= 2 and _after_quote(doc, doc[c.i - 2])
                   and getattr(_how_described(doc[c.i - 2]), "i", None) == tok.i for c in tok.children):
                continue  # '"…." That was how X described *the carvings*': the cue of the quote before
            kind, rid = "nominal", "nominal.dobj"
        elif rule.class_ == "speech" and (trailing := _trailing_cue_content(doc, tok)) is not None:
            # "X reduced admissions by 61 percent, its developer, Brightwater
            # Biologics, said on Monday": the parser lost the clause before the
            # cue (here it read "reduced" as an adjective); the comma before the
            # cue's subject still ends it
            ts, te, _ = trailing
            rid = "indirect.inverted"
        else:
            continue
        subj, chain = subject_of(tok)
        if subj is None and quoted is not None:
            subj = quoted[1]
        if subj is None:
            subj = _mistagged_surname(ctx, tok)
        subj = _surname_before_appositive(ctx, subj) or subj
        if trailing is not None:
            subj = trailing[2]  # the subject right before the cue, not a dateline word
        elif aside is not None:
            subj = aside[2]
        elif on_subject is not None:
            subj = on_subject[3]
        speakers = _speakers_for(ctx, subj)
        if subj is not None and not speakers:
            outer = chain[-1]
            if (rule.class_ == "speech" and subj.pos_ in ("NOUN", "PROPN") and len(chain) == 2
                    and tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > 0 and doc[tok.i - 1].text == ","
                    and cue_entry(outer) is not None and outer.i != tok.i
                    and not any(c.dep_ in ("auxpass", "nsubjpass") for c in outer.children)):
                speakers = [described_source(subj)]  # "The trust denied X, saying Y": the denier says Y too
            elif rule.class_ in ("evidential",) or tok.dep_ in ("advcl", "xcomp", "acl") or (
                    subj.ent_type_ in ("DATE", "TIME") and subj.head.i == tok.i):
                speakers = []  # inanimate subject ("The quarter suggests that"): the writer's inference
            elif subj.pos_ == "PRON" and subj.lower_ == "it":
                speakers = []
            elif rule.class_ == "speech" and subj.pos_ not in ("PRON", "VERB", "AUX"):
                speakers = [described_source(subj)]  # "the slate card said", "43 said", "most of them said"
            else:
                continue
        if subj is None and rule.class_ == "cognition" and tok.dep_ not in ("advcl", "xcomp", "acl", "conj"):
            continue  # "known that", "thought to" without a thinker: leave to hedges
        if rule.class_ == "evidential" and subj is not None and speakers and speakers[0].label == "UNNAMED" \
                and speakers[0].text and speakers[0].text.lower() in ("it", "this", "that") \
                and not (speakers[0].text.lower() == "it" and (speakers[0].name or "").split()[-1:] and
                         speakers[0].name.split()[-1].lower() in lexicon().evidential_nouns):
            speakers = []  # "This shows that X": the writer's inference (not "The report found A. *It* also found B")
        anchors = [t.i for t in chain]
        # "reported a profit on Wednesday and said …, but warned …": verbs
        # coordinated with the cue share its date
        cur = tok
        while cur.dep_ == "conj" and cur.head is not cur and _is_verbal(cur.head):
            cur = cur.head
            anchors.append(cur.i)
        cue_range = (tok.i, tok.i + 1)
        for child in tok.children:
            if child.dep_ == "prt" and child.i == tok.i + 1:
                cue_range = (tok.i, tok.i + 2)
        parts = split_that_clauses(doc, comp[0] if comp is not None else None, ts, te)
        if comp is not None and comp[1] == "ccomp":
            parts += _that_conjuncts_of_cue(doc, tok)
            parts += _sibling_clauses(doc, tok, comp[0], parts)
            parts += _first_conjunct_before_cue(doc, tok, comp[0], parts)
            parts += _passive_predicates_on_cue(doc, tok, comp[0], parts)
        if rid == "indirect.parenthetical":
            parts += _predicates_after_parenthetical_cue(doc, tok, parts)
        for part in parts:
            out.extend(_make(ctx, kind, rid, speakers, part, cue_range, tok.i, anchors))
    return out


def _split_hedge_clause_end(cue: Token, head: Token, end: int) -> int:
    """'saying it was likely the sample had been handled': the parser made
    'it was likely' and 'the sample had been handled' two complements of the
    cue; the clause the hedge is about belongs to the content. Returns the
    content's new end (``end`` when there is no such split)."""
    if not (head.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in frames().hedge_adjectives for c in head.children)
            and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)):
        return end
    nxt = next((c for c in cue.children if c.dep_ == "ccomp" and c.left_edge.i == end), None)
    return nxt.right_edge.i + 1 if nxt is not None else end


def _has_subject(tok: Token) -> bool:
    """Does the clause headed by ``tok`` have a subject of its own (an
    expletive 'there' / 'it' included)?"""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _trim_end(doc: Doc, start: int, end: int) -> int:
    """``end`` moved back over trailing punctuation and spaces."""
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _comma_set_advcl(verb: Token) -> bool:
    """A cue the parser hung on its clause as an adverbial clause, set off by
    commas on both sides and opened by no subordinator: 'If the talks fail,
    *Ms Brevold has said*, Eskerland could take the case to the tribunal' is a
    parenthetical cue, not an 'as' / 'when' clause."""
    if verb.dep_ != "advcl" or any(c.dep_ == "mark" for c in verb.children):
        return False
    doc = verb.doc
    # the cue's own words: its subject and auxiliaries ... its complements
    # (not a clause hung on it, "If the talks fail")
    lo = min([c.left_edge.i for c in verb.children if c.i < verb.i and c.dep_ in ("nsubj", "nsubjpass", "aux", "neg")]
             + [verb.i])
    hi = max([c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "advcl", "conj", "cc")]
             + [verb.i])
    return lo > 0 and hi + 1 < len(doc) and doc[lo - 1].text == "," and doc[hi + 1].text == "," and verb.i < verb.head.i


def _inverted_aside(verb: Token) -> Optional[tuple[int, int, Token, Optional[Token]]]:
    """'The settlement, *said Colette Amsel, Brightwater's attorney,* was
    fair': an inverted cue set off by commas inside the clause it reports.
    The words before the cue are a subject with no verb of its own; after the
    cue come its subject, an optional appositive, and the finite verb of the
    reported clause. Returns the content range (the whole clause, the cue
    inside it, as for 'The plan, Ruiz said, is final'), the speaker's head
    word and the reported clause's head; None for anything else (not 'Prices
    rose, said Quist, a trader': the cue ends that clause)."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    sent = verb.sent
    left = doc[sent.start:verb.i - 1]
    # (a bare noun phrase: not 'Arthur Bellweather, 71, said his knee
    # replacement, scheduled for Thursday, was called off', where the words
    # before the cue hold an aside of their own and are its subject)
    if not any(t.pos_ in ("NOUN", "PROPN") for t in left) or any(
            t.tag_ in FINITE_TAGS + ("VBG", "VBN") or t.is_quote or t.text in (";", ":", ",") for t in left):
        return None
    # the speaker: a noun phrase right after the cue, up to a comma
    comma = next((t.i for t in doc[verb.i + 1:sent.end] if t.text == ","), None)
    if comma is None or comma == verb.i + 1:
        return None
    phrase = doc[verb.i + 1:comma]
    if len(phrase) > 6 or any(t.tag_ in FINITE_TAGS or t.is_quote or t.lower_ == "that" for t in phrase):
        return None
    heads = [t for t in phrase if t.pos_ in ("PROPN", "NOUN", "PRON") and not (phrase.start <= t.head.i < phrase.end)]
    if len(heads) != 1 or not (heads[0].pos_ == "PROPN" or can_speak(heads[0])):
        return None  # (not 'says the 30cm-long reptile, which they have named X, lived')
    # the reported clause's finite verb, right after the speaker or after one
    # or two comma-set asides ("Brightwater's attorney,", "who negotiated it,")
    start = comma + 1
    for _ in range(3):
        finite = finite_start(doc, start, sent.end)
        if finite is not None:
            break
        start = next((t.i + 1 for t in doc[start:sent.end] if t.text == ","), sent.end)
        if start >= sent.end:
            return None
    else:
        return None
    head = finite
    while head.dep_ in ("aux", "auxpass", "neg") and head.head is not head and head.head.i > head.i:
        head = head.head
    end = _trim_end(doc, sent.start, sent.end)
    ts = left[0].i
    while ts < verb.i and (doc[ts].is_punct or doc[ts].is_space):
        ts += 1
    return ts, end, heads[0], head if _is_verbal(head) else None


def _conjoined_predicates(doc: Doc, verb: Token, parts: list[tuple[int, int]], keep, min_len: int) -> list[tuple[int, int]]:
    """Predicates the parser coordinated with the cue verb itself, with no
    subject of their own and opened by a conjunction ('and', 'but'): each one
    ``keep`` accepts, trimmed, at least ``min_len`` tokens long and clear of
    the parts already found, is a reported clause of its own."""
    out = []
    for child in verb.rights:
        if child.dep_ != "conj" or not _is_verbal(child) or _has_subject(child) or not keep(child):
            continue
        first = doc[child.left_edge.i]
        start = child.left_edge.i + (1 if first.dep_ == "cc" else 0)
        if first.dep_ != "cc" and doc[start - 1].dep_ != "cc":
            continue
        end = _trim_end(doc, start, child.right_edge.i + 1)
        if end - start >= min_len and not any(s < end and start < e for s, e in parts):
            out.append((start, end))
    return out


def _predicates_after_parenthetical_cue(doc: Doc, verb: Token, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Demand reached a record, she said, *and is likely to surpass that on
    Friday*': a predicate of the reported clause's subject that the parser
    coordinated with the parenthetical cue is reported too."""
    return _conjoined_predicates(doc, verb, parts, lambda child: cue_entry(child) is None, 2)


def _sibling_clauses(doc: Doc, verb: Token, head: Token, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A second clause the parser made another complement of the same cue,
    before it and after ', and' ("No one was inside, and no injuries were
    reported, the department said"): a reported clause of its own."""
    out = []
    for child in verb.children:
        if child.dep_ != "ccomp" or child.i == head.i or not _is_verbal(child) or child.i > verb.i or head.i > verb.i:
            continue
        start, end = child.left_edge.i, child.right_edge.i + 1
        if any(s < end and start < e for s, e in parts):
            continue
        if not (start >= 2 and doc[start - 1].dep_ == "cc" and doc[start - 2].text == ","):
            continue
        end = _trim_end(doc, start, end)
        if end - start >= 3 and _has_subject(child):
            out.append((start, end))
    return out


def _passive_predicates_on_cue(doc: Doc, verb: Token, head: Token, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'told reporters that rolling outages were not expected *but could not
    be ruled out* if X': a hedged or negated passive predicate of the
    reported clause's subject that the parser coordinated with the cue verb
    is reported too, with its own certainty. (A plain predicate stays in the
    content: "cost $310,000, and was paid for by a grant".)"""
    def hedged_passive(child: Token) -> bool:
        return child.i >= head.i and any(c.dep_ == "auxpass" for c in child.children) and any(
            c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNREAL_AUX) for c in child.children)
    return _conjoined_predicates(doc, verb, parts, hedged_passive, 3)


def _first_conjunct_before_cue(doc: Doc, verb: Token, head: Token, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Nine people have been diagnosed with the disease, and two of them
    remain in intensive care, the department said': the parser made the
    trailing cue a conjunct of the first clause and the second its
    complement; the first clause is reported too."""
    first = verb.head
    if verb.dep_ != "conj" or not _is_verbal(first) or cue_entry(first) is not None or not _has_subject(first):
        return []
    if not (first.i < head.i < verb.i and head.left_edge.i >= 2):
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i < head.i:
        return []  # (a cue after its content: "…, the department said")
    cc = doc[head.left_edge.i - 1]
    if cc.dep_ != "cc" or cc.head.i != first.i or doc[cc.i - 1].text != ",":
        return []
    start, end = first.left_edge.i, cc.i - 1
    if end - start < 3 or any(s < end and start < e for s, e in parts):
        return []
    return [(start, end)]


def _that_conjuncts_of_cue(doc: Doc, verb: Token) -> list[tuple[int, int]]:
    """"said A, but *that the rules had left no choice*": a that-clause the
    parser coordinated with the cue verb itself is a second reported clause."""
    out = []
    # "said that A, most of them in B, and that C": the parser may hang the
    # second clause on an aside after the first
    asides = [c for r in verb.rights if r.dep_ in ("npadvmod", "advmod", "dobj", "prep") for c in r.rights]
    for child in list(verb.rights) + asides:
        if child.dep_ != "conj" or not _is_verbal(child):
            continue  # (a cue word is fine here: "and that she had not *noticed* anything")
        first = doc[child.left_edge.i]
        if first.dep_ == "cc" and first.head.i == child.i and first.i + 1 < child.i:
            first = doc[first.i + 1]  # (the parser may hang the 'but' on the clause)
        if first.lower_ != "that" or doc[first.i - 1].dep_ != "cc":
            continue
        # "and that final results were expected": read as a determiner, but
        # 'that' before a plural is a complementizer, and so is one that
        # repeats the "that" of the first reported clause ("said that A but
        # that federal money had run out") or follows a reported clause of the
        # cue with a contrast ("said he respected A but that state law
        # required B"; not "said A, and that money had run out")
        parallel = any(t.lower_ == "that" and t.dep_ == "mark" for t in doc[verb.i + 1:first.i]) or (
            doc[first.i - 1].lower_ == "but" and any(c.dep_ == "ccomp" and c.i < first.i for c in verb.children))
        if first.dep_ != "mark" and not (first.dep_ == "det" and (first.head.tag_ in ("NNS", "NNPS") or parallel)
                                         and first.head.dep_ in ("nsubj", "nsubjpass") and first.head.head.i == child.i):
            continue
        if not _has_subject(child) and not (first.dep_ == "mark" and any(
                t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in doc[first.i + 1:child.i])):
            continue  # (a subject the parser misread: "but that *fewer than a third* backed X")
        start = first.i + 1
        end = trim_trailing_asides(doc, start, _trim_end(doc, start, child.right_edge.i + 1))
        if end - start >= 2:
            out.append((start, end))
    return out


_DEMONSTRATIVES = frozenset({"that", "those", "this", "these"})


def _refused_topic(verb: Token, rule: CueVerbRule) -> bool:
    """A topic verb that was declined or negated ("declined to discuss X",
    "has not spoken publicly about X"): the speaker said nothing about X."""
    if rule.lemma not in frames().topic_verbs:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and (head.lemma_.lower() in ("decline", "refuse")
                                      or any(c.dep_ == "neg" for c in head.children))


def _reported(verb: Token) -> bool:
    """Is ``verb`` inside a clause a cue verb reports ("said a review board
    *would report* its findings by July": a future in reported speech)?"""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "conj") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "ccomp" and cue_entry(cur.head) is not None:
            return True
        cur = cur.head
    return False


def _unrealized(verb: Token, modals: frozenset = UNREAL_AUX) -> bool:
    """A verb in the infinitive or under a modal, not negated ("automakers
    *must report* a defect", "is expected *to challenge* Pruett", "*will
    offer* an optional Friday program"): what it would do, not what anyone
    has said (a negated or refused one is a refusal: "would not rule out
    X", "refused to rule out X")."""
    if any(c.dep_ == "neg" for c in verb.children) or (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in refusal_verbs()):
        return False  # ("refused to rule out new taxes": a refusal said now)
    return has_to_infinitive(verb) or any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _noun_relative_read_as_main(verb: Token) -> bool:
    """'Odum accused the company of pressuring the board, *a charge Kilbride
    denied*': the parser made the sentence before the comma the cue's
    reported clause and "a charge Kilbride" its subject. The cue is a
    relative clause on the noun that sums up the sentence (like "a charge
    the company denied"); it claims nothing itself."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if subj is None or comp is None or subj.i < comp.right_edge.i:
        return False
    doc = verb.doc
    first = doc[subj.left_edge.i]
    nouns = [c for c in subj.lefts if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"]
    # (the noun glued onto a name, "a charge Kilbride": not "a news agency reported")
    return (subj.pos_ == "PROPN" and first.lower_ in ("a", "an") and first.i >= 1 and doc[first.i - 1].text == ","
            and any(n.lemma_.lower() in frames().noun_cues for n in nouns))


def _withheld_answer(verb: Token) -> bool:
    """A cue verb whose subject only answers what came before, or gives no
    answer ("Farrow *would not confirm* that", "the ministry declined to
    confirm it", "She would not say.", "The ministry confirmed that."): no
    content of its own and no hedge of the writer's."""
    if cue_entry(verb) is None:
        return False
    holder = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in refusal_verbs() else verb
    if not any(c.dep_ == "nsubj" for c in holder.children):
        return False  # (the subject of "declined"; not the writer's "It is not confirmed")
    rest = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "advcl", "attr", "oprd")]
    if not rest:
        return True  # "She would not say."
    if len(rest) > 1:
        return False
    obj = rest[0]
    doc = verb.doc
    return obj.dep_ == "dobj" and (obj.lower_ in frames().answer_anaphors
                                   or _anaphoric_np(doc, obj, obj.left_edge.i, obj.right_edge.i + 1))


def _anaphoric_np(doc: Doc, obj: Token, start: int, end: int) -> bool:
    """A noun phrase that only points back ("that account", "those numbers",
    "this estimate"): a demonstrative, at most one modifier, nothing after."""
    if end - start > 3 or obj.pos_ != "NOUN":
        return False
    return doc[start].lower_ in _DEMONSTRATIVES and doc[start].head.i == obj.i and obj.i == end - 1


def _trailing_cue_content(doc: Doc, verb: Token) -> Optional[tuple[int, int, Token]]:
    """For a sentence ending "…, <subject> said [when]." whose clause the parser
    lost: the tokens from the sentence start to the comma before the subject."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects or any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in verb.children):
        return None
    subj = subjects[-1]
    comma = subj.left_edge.i - 1
    sents = sentence_index(doc)
    start, end = sents.start(verb.i), sents.end(verb.i)
    if comma - start < 5 or doc[comma].text != "," or not sents.same(comma, verb.i):
        return None
    if any(not (t.is_punct or t.is_space) and t.dep_ not in ("prep", "pobj", "npadvmod", "advmod", "det", "amod", "compound")
           for t in doc[verb.i + 1:end]):
        return None  # the cue goes on with content of its own
    if any(cue_entry(t) is not None for t in doc[start:comma]):
        return None  # another cue inside: leave it to its own rule
    return start, comma, subj


def _temporal_agent(agent: Token) -> bool:
    """'by May 1', 'by Friday', 'by the end of June': a 'by' phrase naming a time."""
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_ in ("end", "time"))


def _document_subject(verb: Token) -> bool:
    """'…, campaign records show', 'a poll showing X': the subject (or the
    noun a participle modifies) names a document or data source."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head
    return subj is not None and subj.lemma_.lower() in frames().source_documents


def _misattached_complement(verb: Token) -> Optional[int]:
    """Where the reported clause starts when the parser made the cue an
    adverbial clause of it: '… after Trump told the Post he was not ready'
    (the clause's subject follows the cue's words with no comma between)."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i <= verb.i or not _is_verbal(head):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.left_edge.i != verb.right_edge.i + 1 or subj.i > head.i:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return subj.left_edge.i


def _that_marked_object(verb: Token) -> Optional[tuple[int, int]]:
    """The token range of a that-clause misparsed as the cue's object: "said
    *that* [the drug cut relapse rates]" (the "that" is a mark inside the
    object, right after the cue)."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.i <= verb.i or verb.i + 1 >= len(verb.doc):
        return None
    that = verb.doc[verb.i + 1]
    if that.lower_ != "that" or that.dep_ != "mark" or not (obj.left_edge.i <= that.i):
        return None
    start, end = that.i + 1, obj.right_edge.i + 1
    return (start, end) if end - start >= 3 else None


def _that_clause_after_prep(verb: Token) -> Optional[tuple[Token, int, int]]:
    """The clause head and token range of a that-clause the parser hung on the
    one told ("told *the original tribunal* that she had found X") or on the
    noun of the cue's prepositional phrase: "told reporters *after the race*
    that she had felt strong" — "that" a complementizer (a relative "that" is
    the clause's subject or object: "the match that his team lost"), the
    clause with a subject of its own, the phrase no content of the cue ("wrote
    *about the bill* that lawmakers hope to pass"), for a cue with no clause
    of its own."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    rule = cue_entry(verb)
    content_preps = {"about", "on", "of", "over", "regarding", "into", "for"} | set(rule.prep if rule else ())
    content_nouns = _content_nouns()
    # the one told: "told *the original tribunal* that she had found X"
    # (a listener, not a thing whose relative clause it is)
    for obj in verb.rights:
        if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() not in content_nouns:
            for rel in obj.rights:
                that = _complementizer_that(rel)
                if rel.dep_ in ("relcl", "acl") and that == obj.i + 1:  # ("acl": "told trustees that funding has fallen")
                    return _that_clause_range(rel, that)
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for outer in prep.children:
            if outer.dep_ != "pobj":
                continue
            if prep.lower_ in content_preps and outer.lemma_.lower() not in frames().medium_nouns:
                continue  # (but "told analysts *on a call* that X": the medium, no topic)
            # the phrase's noun, or the noun of a phrase on it ("said *in a
            # written response to questions* that X")
            nouns = [outer] + [o for p in outer.rights if p.dep_ == "prep" and p.lower_ not in content_preps
                               for o in p.children if o.dep_ == "pobj"
                               and o.lemma_.lower() not in content_nouns]
            # (not "said in response to *allegations that* he had taken bribes": the allegations' content)
            for pobj in nouns:
                for rel in pobj.rights:
                    between = verb.doc[pobj.i + 1:rel.left_edge.i]
                    phrases = [p for p in pobj.children if p.dep_ == "prep" and p.i < rel.i]
                    # "on a call *on Wednesday* that X", "after a fourth day *of closed-door sessions* that X"
                    dated = all(t.ent_type_ in ("DATE", "TIME") or any(p.left_edge.i <= t.i <= p.right_edge.i for p in phrases)
                                for t in between)
                    if rel.dep_ == "acl" and prep.lower_ in ("after", "following", "amid", "despite", "before", "since") \
                            and pobj.lemma_.lower() in content_nouns:
                        continue  # ("told reporters after *news that* the plant would close": the news's content)
                    that = _complementizer_that(rel)
                    if rel.dep_ in ("relcl", "acl") and dated and that is not None:
                        return _that_clause_range(rel, that)
    return None


def _complementizer_that(rel: Token) -> Optional[int]:
    """The index of the "that" opening ``rel`` when it is a complementizer
    (a mark, with a subject of the clause after it), not a relative pronoun
    ("the match *that* his team lost": the clause's object); else None."""
    first = rel.doc[rel.left_edge.i]
    if first.lower_ != "that" or first.head.i != rel.i:
        return None
    if first.dep_ != "mark" and not (
            first.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i != first.i for c in rel.children)):
        return None  # (a "that" read as the object of a verb that has an object: "told a regional
        # summit *that* Lussenia still expected a deal" is a complementizer too)
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in rel.children):
        return None
    return first.i


def _that_clause_range(rel: Token, that: int) -> Optional[tuple[Token, int, int]]:
    """The clause head and token range after its "that" (None for a clause
    of fewer than three tokens)."""
    end = rel.right_edge.i + 1
    return (rel, that + 1, end) if end - that > 3 else None


def _indefinite_infinitive(head: Token) -> bool:
    """'found anyone to replace her', 'hired someone to run it': after a verb
    of searching, a to-infinitive whose subject is an indefinite pronoun
    names a person or thing wanted, not a proposition ('found nobody to be
    satisfied' is one)."""
    return (head.tag_ == "VB" and head.lemma_ != "be" and head.head.lemma_.lower() in frames().search_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in frames().indefinite_pronouns for c in head.children))


def _that_clause_on_subject(verb: Token) -> Optional[tuple[Token, int, int, Token]]:
    """'Carla Hughes, whose district includes the plant, posted on social
    media that the decision was a blow': the tagger read the cue as a
    participle ('posted' acl) and the parser made the name the root of a
    verbless sentence, with the that-clause hung on it. The clause after the
    cue, opened by a complementizer 'that' (not a relative pronoun: no
    subject or object of its clause) with a subject of its own, is the
    content, and the root name is the speaker. Returns the clause head, its
    token range and the speaker's head."""
    root = verb.sent.root
    if (verb.dep_ != "acl" or root.pos_ != "PROPN" or not (root.i < verb.i <= root.right_edge.i)
            or verb.i == 0 or verb.doc[verb.i - 1].text != ","
            or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)):
        return None
    for rel in verb.doc[verb.i + 1:root.right_edge.i + 1]:
        if rel.dep_ not in ("relcl", "acl") or rel.head.i not in (root.i, verb.head.i):
            continue
        first = verb.doc[rel.left_edge.i]
        if first.lower_ != "that" or first.dep_ != "mark" or first.head.i != rel.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in rel.children):
            end = rel.right_edge.i + 1
            return (rel, first.i + 1, end, root) if end - first.i > 3 else None
    return None


def _as_clause(verb: Token) -> bool:
    """'as X said' / 'as reported by X': a cue in an adverbial clause opened
    by 'as', with no content of its own; it attributes the clause it hangs on."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == verb.left_edge.i for c in verb.children):
        return False
    return not any(c.dep_ in ("ccomp", "dobj", "obj", "xcomp") for c in verb.children)


def _as_content(doc: Doc, verb: Token) -> tuple[int, int]:
    """The clause an 'as X said' clause hangs on, without the as-clause; the
    whole clause when the as-clause sits in its middle."""
    head = verb.head
    ts, te = _subtree_range(head)
    sents = sentence_index(doc)
    ts, te = max(ts, sents.start(verb.i)), min(te, sents.end(verb.i))
    a_s, a_e = verb.left_edge.i, verb.right_edge.i + 1
    before = [t for t in doc[ts:a_s] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[a_e:te] if not (t.is_punct or t.is_space)]
    if not before or (len(before) == 1 and before[0].pos_ in ("ADV", "CCONJ")):
        return a_e, te  # "As X noted, …" / "However, as X reported, …"
    if not after:
        return ts, a_s  # "…, as X announced"
    return ts, te


def _reduced_passive(verb: Token) -> bool:
    """'He declined to comment when asked about the talks', 'Asked about X,
    she said …': a bare past participle with no agent, auxiliary or subject of
    its own; the subject it would inherit is the one spoken to."""
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children) \
        and not _main_verb_read_as_relative(verb)


def _main_verb_read_as_relative(verb: Token) -> bool:
    """'The settlement administrator, Ashcombe Claims Group, estimated in a
    court filing that X': the parser read the main verb as a reduced
    relative of the subject, leaving the sentence without a verb; a
    finite reported clause shows it is the main verb."""
    return (verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
            and verb.head.i < verb.i
            and any(c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                    for c in verb.children))


def _under_hearsay_passive(verb: Token) -> bool:
    """Is ``verb`` the infinitive of an agentless hearsay passive ("The board
    is *understood* to favour X", "is believed to have denied X")? That
    passive is the claim (``passive_sources``); the verb below it is part of
    its content, no stance of the subject's own."""
    while verb.dep_ == "conj":
        verb = verb.head
    frame = verb.head
    return (verb.dep_ == "xcomp" and frame.lemma_.lower() in frames().passive_sources
            and any(c.dep_ == "auxpass" for c in frame.children)
            and not any(c.dep_ == "agent" for c in frame.children))


def _passive_predicate(ctx: Context, verb: Token, rule: CueVerbRule) -> list[Attribution]:
    """'The mayor is widely seen as a weak manager': an agentless passive of a
    view verb; unnamed people hold the view, the content is the clause."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    prep = _predicate_prep(verb, rule)
    if subj is None or prep is None or subj.pos_ == "PRON" and subj.lower_ in ("it", "that", "which", "who"):
        return []
    if verb.doc[subj.left_edge.i].tag_ in ("WP$", "WDT", "WP"):
        return []  # "whose finish was seen as a letdown": a relative clause
    rng = (subj.left_edge.i, prep.right_edge.i + 1)
    return _make(ctx, "passive", "passive.predicate", [SpeakerRef("UNNAMED")], rng, (verb.i, verb.i + 1), verb.i, [verb.i])


def _prep_marked_clause(verb: Token, rule: CueVerbRule) -> Optional[Token]:
    """'calls for the council to delay the vote': the parser makes "for" the
    mark of an infinitive clause; returns that mark."""
    for child in verb.children:
        if child.dep_ in ("advcl", "ccomp") and child.i > verb.i:
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ in rule.prep), None)
            if mark is not None and mark.i == child.left_edge.i:
                return mark
    return None


def _predicate_prep(verb: Token, rule: CueVerbRule) -> Optional[Token]:
    """The 'as' of 'sees X as Y' for a verb whose rule needs one (the parser
    hangs it on the verb or on the object)."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for head in [verb] + objs:
        found = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in rule.needs_prep and c.i > verb.i), None)
        if found is not None:
            return found
    return None


def _reason_prep(verb: Token, obj: Token) -> Optional[Token]:
    """'criticized the mayor for X', 'attacked Y as Z': a preposition right
    after the object that says what the stance is about."""
    nxt = obj.right_edge.i + 1
    for child in verb.children:  # (over a time between: "accused X *on Wednesday* of Y")
        if child.left_edge.i == nxt and _temporal_modifier(child):
            nxt = child.right_edge.i + 1
    preps = set(frames().stance_reason_preps)
    if verb.lemma_.lower() in frames().accusation_verbs:
        preps.update(frames().accusation_reason_preps)  # "accused X on Wednesday *of* raising prices"
    for child in verb.children:
        if child.dep_ == "prep" and child.i == nxt and child.lower_ in preps \
                and any(c.dep_ in ("pobj", "pcomp", "amod", "acomp") for c in child.children):
            return child
    return None


def _names_time(prep: Token) -> bool:
    """A prepositional phrase whose object is a date or a time: "on Wednesday",
    "by May 1", "in January"."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _temporal_modifier(tok: Token) -> bool:
    """A time phrase on a verb: "on Wednesday", "last week", "Tuesday"."""
    if tok.dep_ == "prep":
        return _names_time(tok)
    return tok.dep_ in ("npadvmod", "advmod") and tok.ent_type_ in ("DATE", "TIME")


def split_that_clauses(doc: Doc, head: Optional[Token], start: int, end: int) -> list[tuple[int, int]]:
    """'said that A and that B': two claims, one per that-clause; likewise 'A
    and was expected to B', 'A and expects B'. Clauses coordinated without
    their own 'that' or hedge stay one claim. The conjunct may hang anywhere
    in the content (the parser often attaches it to the last verb: "had no
    plans to switch providers *and expects* to publish a report")."""
    if head is None:
        return [(start, end)]
    cuts = []
    for tok in doc[max(start, head.left_edge.i):min(end, head.right_edge.i + 1)]:  # the head's subtree
        for child in tok.rights:
            # (a "that" clause the tagger headed with an adjective: "but that
            # half of them were later *reversed*")
            clause = _is_verbal(child) or (doc[child.left_edge.i].lower_ == "that" and _has_subject(child))
            if child.dep_ == "acl" and _second_that_clause_on_noun(tok, child) and start < child.left_edge.i < end:
                # "had no plans to offer the show elsewhere *and that the scripts
                # remain its property*": parsed as a second clause on "plans"
                cuts.append((child.left_edge.i - 1, child.left_edge.i + 1))
                continue
            if not (child.dep_ == "conj" and clause and start < child.left_edge.i < end):
                continue
            first = doc[child.left_edge.i]
            if doc[first.i - 1].dep_ != "cc":
                continue
            if first.lower_ == "that":  # "and that …"
                # not "no evidence that A or that B"; but a relative clause
                # ("a fiber *that the body absorbs*, and that a study had shown
                # X") has no 'that' clause of its own to share
                if not _under_noun(tok, head) or (tok.dep_ in ("relcl", "acl") and first.dep_ == "mark" and (
                        (first.i >= 2 and doc[first.i - 2].text == ",")
                        # a clause with no gap ("a way to track orders *and that
                        # the updates may have understated the problem*"), unlike
                        # a second relative clause ("a fiber that the body absorbs
                        # and that doctors recommend")
                        or (any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
                            and any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "advcl")
                                    for c in child.children)))):
                    # (an adverbial clause marks a full clause too: "and that the
                    # unit had closed *because* fewer babies were born there")
                    cuts.append((first.i - 1, first.i + 1))
            elif (tok.i == head.i or child.tag_ == "VBZ" or child.tag_ == "VBD") and _hedged_conjunct(child):
                # "inflation had fallen and *was expected* to return to target", "had
                # a record year and *expects* to sell out again", "and *may*
                # challenge the plan": the hedged conjunct is a claim of its own
                # with its own level, the first keeps its own
                cuts.append((first.i - 1, first.i))
            elif doc[first.i - 1].lower_ in ("and", "but") and tok.i == head.i and _no_comment(child):
                # "said the department was aware of the ruling *and had no further
                # comment*": a refusal to say more is no claim, nor part of one
                cuts.append((first.i - 1, child.right_edge.i + 1))
            elif doc[first.i - 1].lower_ in ("but", "and", "yet") and tok.i == head.i and _polarity_turns(tok, child):
                # "would cooperate with the review *but had no plans* to reverse
                # the increase": a negation over one conjunct only
                cuts.append((first.i - 1, first.i))
            elif (doc[first.i - 1].lower_ in ("but", "and", "yet") and first.i >= 2 and doc[first.i - 2].text == ","
                  and tok.i == head.i and _own_clause_hedge(tok, child)):
                # "payments would be delayed, and some facilities *might not* be
                # able to make payroll": a clause of its own with its own hedge
                cuts.append((first.i - 1, first.i))
    if not cuts:
        return [(start, end)]
    parts, s = [], start
    for cut_end, next_start in sorted(set(cuts)):
        parts.append((s, cut_end))
        s = next_start
    parts.append((s, end))
    return [p for p in parts if p[1] > p[0]]


def _no_comment(verb: Token) -> bool:
    """'had no further comment', 'offered no comment': a refusal to comment."""
    return verb.lemma_.lower() in ("have", "offer", "give", "make") and not _has_subject(verb) and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "comment" and (
            any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            or any(d.dep_ == "neg" for d in verb.children))
        for c in verb.children)


def _clause_signature(verb: Token) -> tuple:
    """The hedge and negation a clause's own verb carries: its modal, its
    negation, a hedge adjective it predicates."""
    modal = next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "should")), None)
    hedge = next((c.lower_ for c in verb.children if c.dep_ == "acomp" and c.lower_ in frames().hedge_adjectives), None)
    return modal, hedge, _negated_predicate(verb)


def _own_clause_hedge(first: Token, conj: Token) -> bool:
    """'A, and B' with B a clause of its own (its own subject) whose hedge or
    negation differs from A's."""
    if not _has_subject(conj):
        return False
    if cue_entry(conj) is not None and not (
            _first_person_stance(conj) or (_first_person_stance(conj, proposition=False) and _negated_predicate(conj))):
        return False  # "…, and she added that …": a cue of its own, its own claim
    sig_a, sig_b = _clause_signature(first), _clause_signature(conj)
    return sig_a != sig_b and any(sig_b)


def _first_person_stance(verb: Token, proposition: bool = True) -> bool:
    """'I don't believe X', 'we may never know who X': the speaker's own
    belief or knowledge, part of what a quoted sentence claims (its
    certainty), not another report. With ``proposition`` the verb must take
    a clause (a modal on "we should have heard them sooner" hedges no
    claim); without, a negated perception counts too ("I do not recognise
    the picture it paints")."""
    rule = cue_entry(verb)
    return (rule is not None and rule.class_ == "cognition"
            and has_first_person_subject(verb)
            and (not proposition or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)))


def _negated_predicate(verb: Token) -> bool:
    """'did not close', 'never closed', 'had no plans to': the verb itself is
    negated (not a negation deeper in its clause)."""
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(d.dep_ == "neg" for d in c.children):
            return True  # "she *no longer* trusted the statements"
        if c.dep_ in ("dobj", "attr") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
        if c.dep_ in ("dobj", "attr") and c.lower_ in ("nothing", "none", "nobody", "no-one"):
            return True  # "and has *nothing* to do with any single case"
    return False


def _polarity_turns(first: Token, conj: Token) -> bool:
    """'A but not B' conjuncts with no subject of their own whose polarity
    differs: each is a claim of its own."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
        return False
    lemma = conj.lemma_.lower()
    rule = cue_entry(conj)
    if (rule is not None and rule.class_ == "speech") or lemma in frames().non_content_verbs \
            or lemma in frames().topic_verbs or lemma in frames().withholding_verbs:
        return False  # "but would not discuss individual players": a refusal to say, no claim
    return _negated_predicate(first) != _negated_predicate(conj)


def _second_that_clause_on_noun(noun: Token, clause: Token) -> bool:
    """Is ``clause`` an "and that X" the parser hung on a noun that already
    has its infinitive ("no plans *to offer* the show and *that the scripts
    remain its property*")? It is a second reported clause, with its own
    complementizer and subject."""
    doc = noun.doc
    first = doc[clause.left_edge.i]
    return (noun.pos_ == "NOUN" and first.lower_ == "that" and first.dep_ == "mark" and _has_subject(clause)
            and first.i >= 1 and doc[first.i - 1].dep_ == "cc" and doc[first.i - 1].lower_ in ("and", "but")
            and any(c.dep_ == "acl" and c.i < clause.i and has_to_infinitive(c) for c in noun.children))


def _under_noun(tok: Token, head: Token) -> bool:
    """Is ``tok`` inside a noun's complement below ``head`` ("no evidence
    that *A*")? Then a clause conjoined to it belongs to the noun too."""
    for _ in range(16):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.i != head.i:
            return True
    return False


def _hedged_conjunct(verb: Token) -> bool:
    """A conjoined verb that is a passive cue ("was expected to"), a belief
    or plan with no subject of its own ("and expects to"), a hedged modal
    ("and may challenge the plan") or adverb ("and would probably take"), or
    a belief adjective with its clause ("but was confident the result would
    stand")."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if not own_subject and any(c.dep_ == "advmod" and c.lower_ in frames().hedge_adverbs for c in verb.children):
        return True  # "had flooded twice and *would probably take* a buyout"
    if not own_subject and ("may" in auxes or "might" in auxes or ("could" in auxes and "have" in auxes)):
        # "had hired a lawyer and *may challenge* the plan", "and *could have
        # carried* 16 paddlers": a possibility of its own ("could" alone is
        # often ability: "and could now afford raises")
        return True
    rule = cue_entry(verb)
    if rule is None:
        if own_subject or verb.lemma_ != "be":
            return False
        if any(a.dep_ == "acomp" and a.lower_ in frames().hedge_adjectives for a in verb.children):
            return True  # "might be real but *were unlikely* to hold up"
        beliefs = frames().belief_adjectives
        return any(a.dep_ == "acomp" and a.lower_ in beliefs
                   and any(c.dep_ == "ccomp" and _is_verbal(c) for c in a.children) for a in verb.children)
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.lemma_.lower() in refusal_verbs():
        return False  # "could peak and then *decline*", "and declined to comment": no belief
    return rule.class_ == "cognition" and not own_subject


TRAILING_MARKS = {"while", "whereas", "although", "though"}


def trim_trailing_asides(doc: Doc, start: int, end: int, keep_participles: bool = False) -> int:
    """Cut a comma-led aside off the end of reported content: a
    non-restrictive relative clause (", which …"), a contrast (", while …")
    or an appositive comment (", an acknowledgment that …"). A trailing
    participle (", calling them 'boring'") is cut too, unless
    ``keep_participles`` (content before its cue: "X has delayed the game,
    moving its release to 2027, the studio said" reports both)."""
    def trailing_participle(tok: Token) -> bool:
        return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and tok.right_edge.i >= end - 1

    for i in range(start + 1, end - 1):
        if doc[i].text in ("—", "--", "–") and trailing_participle(doc[i + 1]) and i > start + 2:
            return i  # "… the mandate — requiring refiners to …": the writer's gloss
        if doc[i].text != ",":
            continue
        nxt = doc[i + 1]
        if nxt.lower_ in ("which", "who", "whom") and nxt.head.right_edge.i >= end - 1 and (
                nxt.head.dep_ == "relcl" or (nxt.head.dep_ in ("advcl", "ccomp", "conj")
                                             and nxt.dep_ in ("dobj", "nsubj", "nsubjpass"))):
            return i  # (", which Achebe denied" is sometimes parsed as an adverbial clause)
        if nxt.lower_ in TRAILING_MARKS and nxt.dep_ == "mark" and nxt.head.right_edge.i >= end - 1:
            return i
        if (nxt.dep_ == "det" and nxt.head.dep_ == "appos" and nxt.head.right_edge.i >= end - 1 and nxt.head.i > start + 2
                and not _coordinated_head(nxt.head)):
            return i  # (not a list the parser read as an apposition: "a lake house, a boat and tuition")
        if nxt.is_quote and i + 2 < end:
            nxt = doc[i + 2]  # '"…wrapped up by Cleveland," referring to …'
        if trailing_participle(nxt) and i > start + 2 and not keep_participles:
            # ", calling them 'boring'": the speaker's next act; ", reversing
            # decades of policy": the writer's gloss
            return i
    return end


def _coordinated_head(head: Token) -> bool:
    """Is the noun a list ('a boat and private school tuition', read as an
    apposition of 'a lake house')? A coordinator on it or on a word right
    below it, not inside a clause ('a move that riders and advocates
    opposed' is no list)."""
    return any(t.dep_ in ("cc", "conj") and (t.head.i == head.i or (t.head.head.i == head.i and t.head.dep_ in ("nmod", "compound", "amod")))
               for t in head.subtree)


def _conjoined_to_reported_clause(verb: Token) -> Optional[Token]:
    """The cue before a cue verb the parser hung on that cue's reported
    clause: "said [the bridge was safe], and *urged* calm", "rejected the
    suggestion [that the law would hurt firms], *saying* …". With ", and"
    (or a participle after a comma) and no subject of its own, it shares the
    outer cue's subject. None otherwise."""
    if verb.dep_ not in ("conj", "advcl") or cue_entry(verb) is None:
        return None
    clause = verb.head
    if clause.dep_ == "ccomp":
        outer = clause.head
    elif clause.dep_ == "acl" and clause.head.dep_ in ("dobj", "obj") and verb.dep_ == "advcl":
        outer = clause.head.head  # "rejected the suggestion that X, *saying* …"
    else:
        return None
    if cue_entry(outer) is None:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    i = verb.left_edge.i
    doc = verb.doc
    if verb.dep_ == "advcl":
        # "denied that the hospital had ignored the audit, *saying* that …":
        # a participle after a comma is the denier's
        ok = verb.tag_ == "VBG" and i == verb.i and i >= 1 and doc[i - 1].text == ","
        return outer if ok else None
    if i < 2 or doc[i - 1].dep_ != "cc":
        return None
    # (without the comma it is ambiguous: "Police said the suspect had fled
    # and told a neighbor that …" — the suspect told; but "argued that two
    # convictions had relied on him and said they deserved …": convictions
    # say nothing)
    if doc[i - 2].text == ",":
        return outer
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    if not can_speak(subj):
        return outer
    rule = cue_entry(verb)
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and rule is not None \
            and rule.class_ == "speech":
        # "He acknowledged *that* the family had not seen the files and said
        # those would surface": a plain "said" after another cue's that-clause
        # goes on the speaker's report, as do "argued that A and warned that
        # B", "acknowledged that A but insisted that B" (fixed six sets; it
        # misreads "Ruiz said that her brother had called the police and told
        # them X", where the brother told: rarer in news)
        return outer
    # "Kilbride told reporters that *the ruling* turned on a technicality and
    # predicted that X": a document's verb of finding, not of predicting, with
    # a speaker outside ("the report found A and *predicted* B" stays the report's)
    document = subj.lemma_.lower() in lexicon().evidential_nouns and subj.ent_type_ == ""
    outer_subj = next((c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if document and rule is not None and rule.class_ != "evidential" and outer_subj is not None \
            and outer_subj.lemma_.lower() not in lexicon().evidential_nouns:
        return outer
    return None


def _inverted_content_end(verb: Token, head: Token, end: int) -> int:
    """'X will close the restaurant, *at the end of the month*, his company
    said': a phrase the parser hung on the cue between the reported clause
    and the speaker after it belongs to the clause."""
    if head.i > verb.i or end > verb.i:
        return end
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    if subj is None or subj.left_edge.i <= end:
        return end
    doc = verb.doc
    stop = subj.left_edge.i
    while stop > end and doc[stop - 1].is_punct:
        stop -= 1
    phrases = [c for c in verb.children if c.dep_ in ("prep", "npadvmod") and end <= c.left_edge.i and c.right_edge.i < stop]
    covered = {i for c in phrases for i in range(c.left_edge.i, c.right_edge.i + 1)}
    if phrases and all(i in covered or doc[i].is_punct for i in range(end, stop)):
        return stop
    return end


def _cut_conjoined_cues(head: Token, end: int) -> int:
    """'said the party was not in crisis, and urged calm': a speech verb
    conjoined to the content is its own attribution, not content ("disagrees
    with the ruling and plans to appeal" stays one content)."""
    for child in head.rights:
        rule = cue_entry(child) if child.dep_ == "conj" else None
        if rule is not None and rule.class_ == "speech" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in child.children) \
                and not (_unrealized(child) and not any(c.dep_ in ("ccomp", "parataxis") for c in child.children)):
            # (not "and *might add* shuttle buses": an act to come, part of the content)
            # (a passive cue shares the content's subject: "inflation had
            # fallen and *was expected* to return to target")
            # cut at the "and" right before it, not at an earlier one:
            # "said that A *and that B*, and urged calm" keeps B
            cut = child.left_edge.i
            ccs = [c.i for c in head.rights if c.dep_ == "cc" and c.i < child.i]
            if ccs:
                cut = min(cut, max(ccs))
            return min(end, cut)
    return end


OBJECT_PREPS = {"in", "of", "about", "for", "to", "on", "over", "with", "against", "into"}
NON_CONTENT_ENTS = {"DATE", "TIME", "PERSON", "GPE", "ORG", "NORP"}


_TEMPORAL_PREPS = frozenset({"before", "after", "until", "by", "within", "during"})


def _extend_over_object_preps(verb: Token, end: int, temporal: bool = False) -> int:
    """'expressed her interest | in returning' where the parser hung the
    prepositional phrase on the verb: take it into the nominal content,
    unless it names a date, a place or an addressee. Object predicates and
    infinitives ("called X a liar", "urged voters to stay") come along. With
    ``temporal`` (an expectation: "expects a rebound *by July*", "ruled out a
    walkout *before the vote*") a time phrase belongs to the content too."""
    for child in verb.rights:
        if child.left_edge.i > end + 1 or child.left_edge.i < end:
            continue
        if (child.dep_ in ("oprd", "xcomp") or child.dep_ == "dobj" and child.left_edge.i == end) and child.left_edge.i in (end, end + 1):
            end = child.right_edge.i + 1
            continue
        if child.dep_ == "advmod" and child.left_edge.i == end and any(c.dep_ == "prep" for c in child.children):
            # "showed Vance *ahead of Achebe*": the object's predicate
            end = child.right_edge.i + 1
            continue
        if temporal and child.dep_ == "prep" and child.left_edge.i == end and (
                (child.lower_ in _TEMPORAL_PREPS and any(c.dep_ in ("pobj", "pcomp") for c in child.children))
                # "could not rule out increases *in January*"
                or (child.lower_ in ("in", "on") and _names_time(child))):
            end = child.right_edge.i + 1
            continue
        valuation = child.lower_ == "at" and verb.lemma_.lower() in frames().valuation_verbs
        if child.dep_ != "prep" or child.left_edge.i != end or (child.lower_ not in OBJECT_PREPS | {"as"} and not valuation):
            continue  # ("estimated the cost *at $4 million*": the estimate itself)
        # "as" also takes an adjective predicate ("attacked X as too close to Y")
        deps = ("pobj", "pcomp", "amod", "acomp", "advmod") if child.lower_ == "as" else ("pobj", "pcomp")
        pobj = next((c for c in child.children if c.dep_ in deps), None)
        if pobj is None or (pobj.ent_type_ in NON_CONTENT_ENTS and child.lower_ != "as"):
            continue
        end = child.right_edge.i + 1
    return end


def _is_that_clause(head: Token) -> bool:
    """A complement clause 'that X …' (not a relative clause 'that X made'):
    it opens with 'that' and has a subject of its own."""
    if not _is_verbal(head) or head.doc[head.left_edge.i].lower_ != "that":
        return False
    if cue_entry(head) is not None and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "auxpass") for c in head.children):
        # "a claim that consumer groups disputed": a reporting verb, its object
        # gapped (a passive has none to gap: "that the payment is written into X")
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ != "that" for c in head.children)


_MEDIUM_PREPS = frozenset({"in", "during", "through"})


def _medium_of_speech(noun: Token) -> Optional[Token]:
    """The speech verb whose medium ``noun`` is: "said *in a report*", "wrote
    in a letter" (a verb with no complement clause of its own)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _MEDIUM_PREPS:
        return None
    verb = noun.head.head
    rule = cue_entry(verb)
    if rule is None or rule.class_ != "speech":
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    return verb


def noun_attributions(ctx: Context) -> list[Attribution]:
    """'Ruiz's claim that the fare will rise', 'the warning that …', 'made
    the promise that …': a reporting noun with a that-clause. The source is
    the noun's possessor ("Ruiz's"), the agent ("by X", "from X"), or the
    subject of the verb the noun is the object of ("X made the claim")."""
    rules = frames()
    nouns = set(rules.noun_cues)
    out: list[Attribution] = []
    for tok in ctx.candidates("noun"):
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in nouns or ctx.in_skip(tok.idx) or ctx.quote_at(tok.idx) is not None:
            continue
        # (not an intention's infinitive, "her pledge to raise the wage": no
        # reader of 145 team-written sets took one as a claim)
        comp = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "relcl") and _is_that_clause(c)), None)
        if comp is None and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "Her argument is that voters value stability"
            comp = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i and _is_that_clause(c)), None)
        if comp is None:
            continue
        sources = evidential_sources(tok)
        anchors = [tok.i]
        if not sources and comp.left_edge.i == tok.i + 1:
            # "the Coastal Meteorological Service forecast that …": a verb
            # the parser tagged as a noun, its subject a child or compound
            names = [c for c in tok.lefts if c.dep_ == "nsubj" or (c.dep_ == "compound" and c.pos_ == "PROPN")]
            if names:
                sources = [names[-1]]
        if not sources and _medium_of_speech(tok) is not None:
            continue  # "said in a report that X": the verb's claim (clausal_complement)
        if not sources and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in frames().light_verbs:
            subj, chain = subject_of(tok.head)
            sources = [subj] if subj is not None else []
            anchors += [t.i for t in chain]
        speakers = _resolve_all(ctx, sources)
        if not speakers:
            speakers = [SpeakerRef("UNNAMED")]
        start, end = _subtree_range(comp)
        end = trim_trailing_asides(ctx.doc, start, end)
        out.extend(_make(ctx, "nominal", "nominal.noun", speakers, (start + 1, end), (tok.i, tok.i + 1), tok.i, anchors))
    return out


def adjective_attributions(ctx: Context) -> list[Attribution]:
    """'Ruiz is convinced that the plan will fail', 'parents are concerned
    that …', 'Ruiz made it clear that she would stay': a predicate adjective
    with a that-clause; the subject holds the belief."""
    rules = frames()
    out: list[Attribution] = []
    for tok in ctx.candidates("adjective"):
        if ctx.in_skip(tok.idx) or ctx.quote_at(tok.idx) is not None:
            continue
        lower = tok.lower_
        head = tok.head
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "advcl") and _is_that_clause(c)), None)
        if lower in rules.make_adjectives and head.lemma_.lower() == "make" and tok.dep_ in ("ccomp", "oprd", "acomp", "dobj", "xcomp"):
            verb, cue = head, (head.i, tok.i + 1)
            if comp is None:
                comp = next((c for c in head.children if c.dep_ in ("ccomp", "advcl") and c.i > tok.i and _is_that_clause(c)), None)
        elif lower in rules.belief_adjectives and tok.dep_ == "acomp" and _is_verbal(head):
            verb, cue = head, (tok.i, tok.i + 1)
            if comp is None:
                comp = next((c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i and _is_that_clause(c)), None)
        else:
            continue
        if comp is None:
            continue
        subj, chain = subject_of(verb)
        if subj is None or subj.lower_ == "it":
            continue  # "it is clear that": the writer's own judgment
        speakers = _speakers_for(ctx, subj)
        if not speakers:
            if subj.pos_ not in ("NOUN", "PROPN"):
                continue
            speakers = [described_source(subj)]
        start, end = _subtree_range(comp)
        end = trim_trailing_asides(ctx.doc, start, end)
        out.extend(_make(ctx, "indirect", "indirect.adjective", speakers, (start, end), cue, tok.i, [t.i for t in chain]))
    return out


def passive_attributions(ctx: Context) -> list[Attribution]:
    """Agentless passives and raising: "X is expected to Y", "X is said to
    Y", "it was announced that Y", "X seemed Y", "X reportedly Y". With
    nobody named, the source is the writer (``passive_sources``; "is said
    to", "reportedly", "is expected to", "seemed"); the cue lowers the
    certainty."""
    out: list[Attribution] = []
    for tok in ctx.candidates("passive"):
        if ctx.in_skip(tok.idx) or ctx.quote_at(tok.idx) is not None:
            continue
        lemma = tok.lemma_.lower()
        label: Optional[str] = None
        rng: Optional[tuple[int, int]] = None
        rid = ""
        rules = frames()
        if lemma in rules.passive_sources and tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) \
                and not any(c.dep_ == "agent" for c in tok.children):
            comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
            if comp is None:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if comp.dep_ == "ccomp" or subj is None or subj.lower_ == "it":
                rng = _subtree_range(comp)
            else:  # "X is expected to Y": the content is X … Y
                rng = (subj.left_edge.i, comp.right_edge.i + 1)
            label, rid = rules.passive_sources[lemma], "passive.agentless"
        elif lemma in rules.raising_verbs and tok.pos_ in ("VERB", "AUX"):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            comp = _expletive_complement(tok) if subj is None or subj.lower_ == "it" else None
            if comp is None and subj is not None and subj.lower_ == "what" and tok.dep_ == "csubj" \
                    and tok.head.lemma_ == "be":
                # "What seems likely is *that the town will have less leverage*"
                comp = next((c for c in tok.head.children if c.dep_ == "ccomp" and _is_verbal(c) and c.i > tok.head.i),
                            None)
                if comp is None:
                    continue
            if comp is not None:
                rng = _subtree_range(comp)
            elif subj is not None and any(
                c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("like", "as"))
                for c in tok.children
            ):
                rng = clause_range(tok, tok)
                if subj.i < tok.i:  # "In New Hampshire, X appears to lead": from the subject on
                    rng = (max(rng[0], subj.left_edge.i), rng[1])
            else:
                continue
            label, rid = "AUTHOR", "raising.seem"
        elif tok.lower_ in rules.hearsay_adverbs and tok.dep_ == "advmod" and _is_verbal(tok.head):
            rng = clause_range(tok.head, tok)
            label, rid = "AUTHOR", "passive.hearsay"  # (nobody named: the article's own hearsay)
        if rng is None or label is None:
            continue
        speakers = [] if label == "AUTHOR" else [SpeakerRef("UNNAMED")]
        made = _make(ctx, rid.split(".")[0], rid, speakers, rng, (tok.i, tok.i + 1), tok.i, [tok.i])
        out.extend(made)
    return out


def _source_phrase(tok: Token) -> Optional[tuple[Token, Token, str]]:
    """("according", "to", pobj) for "according to X"; ("in", "in", pobj) for
    "In a CNN poll, …" / "in an interview" where the document speaks."""
    doc = tok.doc
    if tok.lower_ == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        return (to, pobj, "according_to") if pobj is not None else None
    if tok.lower_ == "in" and tok.dep_ == "prep" and tok.i == sentence_index(doc).start(tok.i) and _is_verbal(tok.head) and cue_entry(tok.head) is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        root = tok.sent.root
        if cue_entry(root) is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            return None  # "In the book, titled X, Varrow writes that …": Varrow speaks, in the book
        if pobj is not None and pobj.lemma_.lower() in frames().source_documents:
            return tok, pobj, "in_document"
    return None


def _trailing_name(doc: Doc, i: int, end: int) -> Optional[tuple[Token, int]]:
    """', Bill Tran,' (and a relative clause on it) right after a source
    phrase: the name's last token and the index after the whole aside."""
    if i >= end or doc[i].text != ",":
        return None
    j = i + 1
    while j < end and doc[j].pos_ == "PROPN":
        j += 1
    if j - (i + 1) < 2 or (j < end and doc[j].text not in (",", ".", ";")):
        return None  # two-word names or longer; a lone capital may start the clause
    name_tok = doc[j - 1]
    stop = j
    if j < end and doc[j].text == ",":
        rel = next((t for t in doc[j + 1:end] if t.dep_ == "relcl"
                    and doc[t.left_edge.i].lower_ in ("who", "whose") and t.left_edge.i == j + 1), None)
        stop = rel.right_edge.i + 1 if rel is not None else j
    return name_tok, stop


def _participle_aside_end(doc: Doc, i: int, end: int) -> Optional[int]:
    """', released last week,' right after a source phrase ("According to the
    minutes, released last week, most members …"): the index after the aside's
    closing comma, or None."""
    if i + 2 >= end or doc[i].text != "," or doc[i + 1].tag_ != "VBN" or doc[i + 1].dep_ == "ROOT":
        return None
    j = i + 2
    while j < end and doc[j].text != "," and not doc[j].is_sent_start:
        j += 1
    if j >= end - 1 or doc[j].text != "," or j - i > 8:
        return None
    return j + 1


def according_to(ctx: Context) -> list[Attribution]:
    doc = ctx.doc
    out: list[Attribution] = []
    for tok in ctx.candidates("source"):
        if tok.lower_ not in ("according", "in") or ctx.in_skip(tok.idx):
            continue
        found = _source_phrase(tok)
        if found is None:
            continue
        to, pobj, rid = found
        head = tok.head
        for _ in range(4):
            if _is_verbal(head) and head.dep_ in CLAUSE_DEPS or head.dep_ == "ROOT":
                break
            head = head.head
        cs, ce = _subtree_range(head)
        acc_s, acc_e = tok.left_edge.i, max(tok.right_edge.i, to.right_edge.i, pobj.right_edge.i) + 1
        sents = sentence_index(doc)
        sent = doc[sents.start(tok.i):sents.end(tok.i)]
        name = _trailing_name(doc, acc_e, sent.end) if rid == "according_to" else None
        if name is not None:
            # "according to a spokesman, Bill Tran, who declined to ...": the
            # name (and what is said of it) belongs to the source phrase
            name_tok, acc_e = name
        else:
            acc_e = _participle_aside_end(doc, acc_e, sent.end) or acc_e
        if not [t for t in doc[acc_e:sent.end] if not (t.is_punct or t.is_space)]:
            cs = sent.start  # "…, according to X." speaks for the whole sentence
        elif not [t for t in doc[sent.start:acc_s] if not (t.is_punct or t.is_space)]:
            ce = sent.end  # "According to X, …"
        # the content is the clause minus the "according to X" phrase
        before = [t for t in doc[cs:acc_s] if not (t.is_punct or t.is_space)]
        after = [t for t in doc[acc_e:ce] if not (t.is_punct or t.is_space)]
        if not before:
            cs = acc_e
        elif not after:
            ce = acc_s
        elif after[0].lower_ in TRAILING_MARKS or after[0].lower_ == "but":
            ce = acc_s  # "X is monitoring it, according to Y, although Z said …": X is Y's
        elif len(after) > 2 * len(before):  # "According to X, [content]" after an adverb
            cs = acc_e
        elif len(before) > 2 * len(after):
            ce = acc_s
        if ce - cs < 2:
            continue
        if (rid == "according_to" and pobj.lower_ in frames().carrier_nouns and cue_entry(head) is not None
                and any(c.dep_ == "nsubj" for c in head.children) and not any(c.dep_ == "auxpass" for c in head.children)):
            continue  # '"…," the statement read, according to a translation': the statement speaks
        if rid == "in_document":
            # "In a CNN poll": the document, or whoever it belongs to, speaks
            speakers = _resolve_all(ctx, evidential_sources(pobj)) or [described_source(pobj)]
        else:
            src = name_tok if name is not None else pobj
            speakers = _speakers_for(ctx, src) or [described_source(src)]
        for part in split_that_clauses(doc, head, cs, ce):  # "X is forecast to A, and Y is expected to B"
            out.extend(_make(ctx, "according_to", rid, speakers, part, (tok.i, to.i + 1), tok.i, [head.i, tok.i]))
    return out


def _covered(char_range: tuple[int, int], atts: Sequence[Attribution]) -> bool:
    s, e = char_range
    for a in atts:
        if a.content_start <= s + 1 and e - 1 <= a.content_end:
            return True
        # a quote mostly inside a content
        ov = min(e, a.content_end) - max(s, a.content_start)
        if ov > 0.6 * (e - s):
            return True
    return False


def _how_described(first: Token) -> Optional[Token]:
    """The verb of "That was how X described the past month" / "This is how
    Y put it" / "That was how Z summed up the search at a briefing on
    Monday", ``first`` being its "That": said right after a quote with no
    cue, the quote's cue when the verb is a cue verb or one of
    ``how_verbs``."""
    doc = first.doc
    if first.lower_ not in ("that", "this") or first.i + 3 >= len(doc):
        return None
    be, how = doc[first.i + 1], doc[first.i + 2]
    if be.lemma_ != "be" or how.lower_ != "how":
        return None
    verb = how.head
    if verb.i <= how.i or verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if cue_entry(verb) is None and verb.lemma_.lower() not in frames().how_verbs:
        return None  # ('"Buy low, sell high." That is how markets *work*': no speaker)
    return verb


def _after_quote(doc: Doc, tok: Token) -> bool:
    """Does ``tok`` follow a closing quote mark (punctuation and space
    between)?"""
    i = tok.i - 1
    while i >= 0 and (doc[i].is_space or (doc[i].is_punct and not doc[i].is_quote)):
        i -= 1
    return i >= 0 and doc[i].is_quote


def interviewee(ctx: Context) -> Optional[SpeakerRef]:
    """Who answers the questions of an interview (:func:`interview_turns`):
    of the people the article names before the first question, one the
    lines just before it name ("We asked Calloway about the job. Her answers
    have been edited for length."), the one named most often if several
    (by the last word of the name, which the NER may have missed), else the
    one named most often of them all. None when it names nobody."""
    doc, text = ctx.doc, ctx.text
    turns = doc_turns(doc)
    if not turns or not ctx.table.persons:
        return None
    first = max(0, text.rfind(turns[0][3], 0, turns[0][1]))  # (the first turn's label: "QUESTION:" is nobody)
    last_mention: dict[str, int] = {}
    for i, n in ctx.table.persons:
        if doc[i].idx < first:
            last_mention[n] = i
    if not last_mention:
        return None
    prior = [p for p in _paragraphs(text) if p[1] <= first]
    window = prior[-3][0] if len(prior) >= 3 else 0

    def mentions(name: str, lo: int, hi: int) -> int:
        # by the last word of the name ("Calloway"), which the NER may not tag
        return len(re.findall(rf"\b{re.escape(name.split()[-1])}\b", text[lo:hi]))

    near = [n for n in last_mention if mentions(n, window, first)]
    # one person in the lead-in line itself wins ("Rask took questions after
    # the statements. His answers, edited for length:"), however often the
    # article names another (the subject of a question: "Q: Is Thomas
    # Kittredge still a suspect?")
    lead = [n for n in near if prior and mentions(n, prior[-1][0], first)]
    name = lead[0] if len(lead) == 1 else \
        max(near or last_mention, key=lambda n: (mentions(n, 0, len(text)), last_mention[n]))
    i = last_mention[name]
    ref = resolve(doc[i], ctx.table)
    if ref is not None and ref.label == "PERSON" and ref.name:
        return ref
    return SpeakerRef("PERSON", doc[i].text, name, i, i + 1, i)


def interview_occasion(ctx: Context) -> Optional[int]:
    """The verb of the paragraph just before an interview's first turn that a
    date hangs on ("She spoke with the Courier *on Saturday*; the exchange
    has been edited", "The dispute spilled onto the airwaves *on Tuesday*,
    when Varga and Castellane appeared on ... An excerpt:"): when the answers
    were said. Its token index, or None."""
    doc, text = ctx.doc, ctx.text
    turns = doc_turns(doc)
    if not turns:
        return None
    first = turns[0][1]
    prior = [p for p in _paragraphs(text) if p[1] <= first]
    window = prior[-1][0] if prior else 0  # (the paragraph that leads into the turns)
    found: list[Token] = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or not window <= ent.start_char < first or ctx.quote_at(ent.start_char) is not None:
            continue
        cur = ent.root
        for _ in range(3):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                found.append(cur)
                break
    # the first date on a verb of speaking ("spoke with the Courier on
    # Saturday about the plan the council adopted on Dec. 3"), else the first
    spoken = [v for v in found if cue_entry(v) is not None or v.lemma_.lower() in frames().how_verbs]
    return (spoken or found)[0].i if found else None


def label_speaker(ctx: Context, label: str, at: int) -> SpeakerRef:
    """The speaker a transcript line's label names ("MARSH:" is Delia Marsh,
    "RAY:" Ray Okonjo when the article named them; "JOANNE:", a caller it
    did not, is Joanne; "CALLER:" an unnamed caller). ``at`` is the char
    offset of the line's words (the label's tokens are found before it)."""
    doc, table = ctx.doc, ctx.table
    words = [w.strip(".") for w in label.split() if w.strip(".")]
    pos = ctx.text.rfind(label, 0, at)
    span = doc.char_span(pos, pos + len(label), alignment_mode="expand") if pos >= 0 else None
    start, end = (span.start, span.end) if span is not None else (None, None)
    lowered = [w.lower() for w in words]
    full = table.surnames.get(lowered[-1]) if lowered else None
    if full is None:
        firsts = {n.split()[0].lower(): n for _, n in table.persons if len(n.split()) > 1}
        full = firsts.get(lowered[0]) if lowered else None
    if full is None and len(words) == 1:
        full = _full_name_in(ctx.text, words[0])
    if full is not None:
        return SpeakerRef("PERSON", label, full, start, end, start)
    lex = lexicon()
    if len(lowered) == 1 and (lowered[0] in lex.role_words or lowered[0] in lex.unnamed_nouns or lowered[0] in lex.person_nouns):
        return SpeakerRef("UNNAMED", label, lowered[0], start, end, start)
    return SpeakerRef("PERSON", label, " ".join(w.capitalize() for w in words), start, end, start)


def _full_name_in(text: str, surname: str) -> Optional[str]:
    """The full name the text writes a surname label with, when the NER
    missed it ("Tamsin Holloway" for "HOLLOWAY:" or "A: Holloway:"): a
    capitalized first name before the surname, not a title, role word or
    function word ("Chief Holloway", "Mr Holloway", "When Holloway")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    lex = lexicon()
    last = surname.title()
    for m in re.finditer(rf"\b([A-Z][a-z][\w'\u2019-]*) {re.escape(last)}\b", text):
        first = m.group(1).lower()
        if first not in STOP_WORDS and first not in lex.role_words and first.rstrip(".") not in lex.title_abbreviations \
                and first + "." not in lex.title_abbreviations and first not in _NOT_FIRST_NAMES:
            return f"{m.group(1)} {last}"
    return None


# words before a surname that are no first name ("On *Tuesday* Holloway
# said", "*Lake* Holloway"): days, months, relative days, place words
_NOT_FIRST_NAMES = frozenset([d.lower() for d in calendar.day_name] + [m.lower() for m in calendar.month_name if m]
                             + ["yesterday", "today", "tonight", "tomorrow", "lake", "port", "mount", "fort", "saint",
                                "north", "south", "east", "west", "new", "upper", "lower"])


def quote_attributions(ctx: Context, existing: list[Attribution]) -> list[Attribution]:
    doc = ctx.doc
    out: list[Attribution] = []
    prev: Optional[Attribution] = None
    # a quoted sentence with no cue continues the quote before it, a mixed
    # one included ('X is "10 times the losses," he said. "Trade helps."')
    direct = sorted([a for a in existing if a.kind in ("direct", "mixed")], key=lambda a: a.content_start)
    asked: list[Attribution] = []  # quoted questions: not claims, but their speaker goes on
    # the words of an interview's answers and a transcript's lines, by speaker
    turn_speaker: dict[tuple[int, int], Optional[SpeakerRef]] = {}
    occasion: tuple[int, ...] = ()
    if interview_answers(doc):
        answerer = interviewee(ctx)
        when = interview_occasion(ctx)
        occasion = (when,) if when is not None else ()
        for kind, s, e, label in doc_turns(doc):
            if kind != "question":
                turn_speaker[(s, e)] = answerer if kind == "answer" else label_speaker(ctx, label, s)
    for qs, qe in ctx.quotes:
        q_span = doc.char_span(qs, qe, alignment_mode="expand")
        if q_span is None:
            continue
        opening = _opens_with_statement_quote(ctx.text, qs, qe)
        if len([t for t in q_span if not t.is_punct]) < (1 if opening else 3):
            continue
        if (not any(t.pos_ in ("VERB", "AUX") for t in q_span) and not opening) \
                or (q_span[0].is_lower and not _cue_adjacent(doc, len(ctx.text), qs, qe)
                    and not _split_quote_tail(ctx, qs)):
            continue  # a title or a scare-quoted phrase, not a quoted statement
        if (qs, qe) in turn_speaker:  # an interview's answer, a transcript's line: no cue
            sp = turn_speaker[(qs, qe)]
            if sp is not None and not ctx.in_skip(qs):
                out.extend(_make(ctx, "direct", "direct.interview", [sp], (q_span.start, q_span.end), None, None, occasion))
            continue
        earlier = [a for a in direct + out + asked if a.content_end <= qs]
        prev = max(earlier, key=lambda a: a.content_end) if earlier else None
        if _covered((qs, qe), existing + out):
            continue
        if ctx.in_skip(qs):
            continue
        index = sentence_index(doc)
        sents = {index.start(t.i): doc[index.start(t.i):index.end(t.i)] for t in (q_span[0], q_span[-1])}
        # '"… NOW!" Trump said.': the parser may end the sentence inside the
        # quote; the cue then opens the next one
        after = index.end(q_span[-1].i)
        next_sent = None
        if after < len(doc) and not ctx.text[qe:doc[after].idx].strip(" \t\"'”’»!?.,"):
            next_sent = after if after not in sents else None
            sents.setdefault(after, doc[after:index.end(after)])
        # candidate cue verbs outside quotes in the quote's sentences
        best: Optional[tuple[int, Token]] = None
        for sent in sents.values():
            for tok in sent:
                if tok.idx >= qs - 1 and tok.idx < qe + 1:
                    continue
                if ctx.quote_at(tok.idx) is not None:
                    continue
                rule = cue_entry(tok)
                if rule is None or rule.class_ in ("nominal_only", "evidential"):
                    continue
                if rule.class_ == "quote_only" and not _cue_adjacent(doc, len(ctx.text), qs, qe):
                    continue
                if sent.start == next_sent and (tok.dep_ != "ROOT" or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)):
                    continue  # '"… short." The analyst estimated that X': a report of its own, not the quote's cue
                    # ('"…." Ruiz told reporters on Monday.' is its cue)
                dist = qs - tok.idx if tok.idx < qs else tok.idx - qe
                if best is None or dist < best[0]:
                    best = (dist, tok)
        if best is None:
            nxt = next((t for t in doc[q_span.end:min(len(doc), q_span.end + 4)] if not (t.is_punct or t.is_space)), None)
            how = _how_described(nxt) if nxt is not None else None
            if how is not None:  # '"We were lucky." That was how X described the search.'
                best = (0, how)
        if best is not None:
            tok = best[1]
            subj, chain = subject_of(tok)
            if subj is None:
                subj = _mistagged_surname(ctx, tok)
            speakers = _speakers_for(ctx, subj)
            if not speakers and subj is None:
                # "…," said Ruiz: subject after the verb may be parsed as dobj
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr") and c.pos_ == "PROPN"), None)
                if obj is not None:
                    speakers = _speakers_for(ctx, obj)
            if not speakers and subj is not None and subj.pos_ in ("NOUN", "PROPN", "NUM"):
                speakers = [described_source(subj)]  # "…," said the 46-year-old
            if speakers:
                ts, te = q_span.start, q_span.end
                made = _make(ctx, "direct", "direct.quote", speakers, (ts, te), (tok.i, tok.i + 1), tok.i, [t.i for t in chain])
                out.extend(made)
                if not made and (is_question(ctx.text, qs, qe) or _leading_question_end(doc, qs, qe) is not None):
                    # '"Why is he attacking me?" Trump said. "He has to …"': the
                    # question is no claim, but the next quote continues its speaker
                    asked.append(Attribution("direct", "direct.question", speakers[0], qs, qe, ts, te, tok.i, tok.i + 1,
                                             tok.i, tuple(t.i for t in chain)))
                continue
        # no cue: a quote that continues the speaker of the report right
        # before it ('He said he did not blame the state. "They've got to
        # close it."'), else of the quote just before
        lead = _lead_in_report(ctx, existing + out, q_span.start)
        if lead is not None and (prev is None or lead.content_end > prev.content_end):
            prev = lead
        if prev is not None and prev.speaker.label != "AUTHOR":
            gap = ctx.text[prev.content_end:qs]
            if len(gap) < 400 and gap.count("\n\n") <= 1 and (
                    not _names_other_speaker(doc, prev, gap, prev.content_end)):
                ts, te = q_span.start, q_span.end
                sp = SpeakerRef(prev.speaker.label, prev.speaker.text, prev.speaker.name, prev.speaker.start, prev.speaker.end, prev.speaker.head)
                made = _make(ctx, "direct", "direct.continuation", [sp], (ts, te), None, None, ())
                for m in made:
                    m.cue_start, m.cue_end, m.cue_token = prev.cue_start, prev.cue_end, prev.cue_token
                    m.anchor_tokens = prev.anchor_tokens
                out.extend(made)
    return out


_OPENING_MARKS = "\"'`“‘«„"
_CLOSING_MARKS = "\"'”’»"


def quote_sentences(doc: Doc, start: int, end: int, min_words: int = 3) -> list[tuple[int, int]]:
    """The statements of a direct quote, one char range per sentence:
    '"We were not ready. We will be ready next year."' gives two, since
    each can differ in certainty and polarity. A sentence ends at a '.',
    '!' or '?' token followed by a capital, a digit or an opening mark (the
    tokenizer keeps an abbreviation's period on its word: 'U.S.', 'Dr.').
    Questions inside the quote ask and claim nothing; a short answer right
    after one ('Why? Money.') goes with it; other fragments of fewer than
    ``min_words`` words join the sentence before them ('Not one.')."""
    text = doc.text
    pieces: list[list] = []  # [start, end, is_question]
    s = start
    for t in sorted(_sentence_marks(doc, start, end) + _abbreviation_ends(doc, start, end), key=lambda t: t.i):
        prev = doc[t.i - 1] if t.i > 0 else None
        if (t.text == "." and prev is not None and prev.idx + len(prev.text) == t.idx
                and (prev.text in frames().abbreviations or (len(prev.text) == 1 and prev.text.isupper()))):
            continue  # "No. 10 Downing Street", "Supt. Harris", "John F. Kennedy"
        mark = t.idx + len(t.text) - 1  # (the period of an abbreviation ending the sentence: "at 2 a.m.")
        if pieces and mark <= pieces[-1][1]:
            continue
        j = mark + 1
        while j < end and (text[j].isspace() or text[j] in _CLOSING_MARKS or text[j] in ".!?"):
            j += 1
        if j >= end:
            break
        if not (text[j].isupper() or text[j].isdigit() or text[j] in _OPENING_MARKS):
            continue
        pieces.append([s, mark if t.text != "." else t.idx, t.text == "?"])
        s = j
    pieces.append([s, end, is_question(text, s, end)])
    out: list[list] = []
    after_question = False
    tagged = doc.has_annotation("POS")
    for ps, pe, question in pieces:
        ps, pe = _trim_chars(text, ps, pe)
        if pe <= ps:
            continue
        words = len(re.findall(r"\w+", text[ps:pe]))
        if tagged and words >= 2:
            # a fragment is a piece without a verb ("Not one.", "Twice."), not
            # a short sentence ("He lied.")
            span = doc.char_span(ps, pe, alignment_mode="expand")
            if span is not None and any(tok.pos_ in ("VERB", "AUX") for tok in span):
                words = max(words, min_words)
        if question or (after_question and words < min_words):
            after_question = question
            continue
        after_question = False
        if words < min_words and out:
            out[-1][1] = pe  # 'We hit two posts. Twice.': the fragment joins its sentence
        elif out and out[-1][2]:
            out[-1][1] = pe  # the sentence after a leading fragment takes it in
            out[-1][2] = False
        else:
            out.append([ps, pe, words < min_words])
    return [(ps, pe) for ps, pe, _ in out]


def _elliptical(verb: Token) -> bool:
    """'but I don't', 'but my deputy was': a clause whose verb is only an
    auxiliary, with nothing of its own to claim."""
    if verb.pos_ == "AUX" or verb.lemma_ in ("be", "do", "have"):
        return not any(c.dep_ in ("dobj", "attr", "acomp", "prep", "xcomp", "ccomp", "oprd", "advmod", "npadvmod")
                       for c in verb.children)
    return False


def _split_at_turning_clause(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A quoted sentence of two clauses, each with its own subject, joined by
    ', but' / ', and' where the second carries a hedge or negation the first
    does not ("It's quicker, sure, but the stations have no shelter"): two
    claims, as for reported clauses (see :func:`_own_clause_hedge`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return [(start, end)]
    root = span.root
    for child in root.rights:
        if child.dep_ != "conj" or not (span.start < child.left_edge.i < span.end):
            continue
        cc = doc[child.left_edge.i - 1]
        if cc.lower_ not in ("but", "and", "yet") or child.left_edge.i < 2 or doc[cc.i - 1].text != ",":
            continue
        if _elliptical(child) or any(c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless", "when", "once") for m in c.children)
                for c in root.children):
            continue  # "but I don't"; "If X, the clinic will close, and patients will not …": one hypothetical claim
        turns = _own_clause_hedge(root, child) or (
            _has_subject(child) and (cue_entry(child) is None or _first_person_stance(child, proposition=False))
            and _negated_predicate(root) != _negated_predicate(child))
        if turns:
            first = _trim_chars(doc.text, start, doc[cc.i - 1].idx)
            second = _trim_chars(doc.text, doc[child.left_edge.i].idx, end)
            return [r for r in (first, second) if r[1] > r[0]]
    return [(start, end)]


def split_direct(doc: Doc, att: Attribution) -> list[Attribution]:
    """One attribution per sentence of a direct quote (see
    :func:`quote_sentences`); other attributions are returned as they are."""
    if att.kind != "direct":
        return [att]
    ranges = [part for s, e in quote_sentences(doc, att.content_start, att.content_end)
              for part in _split_at_turning_clause(doc, s, e)]
    if len(ranges) <= 1:
        return [att]
    out = []
    for cs, ce in ranges:
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is None:
            continue
        out.append(replace(att, content_start=cs, content_end=ce, tok_start=span.start, tok_end=span.end))
    return out or [att]


def _opens_with_statement_quote(text: str, qs: int, qe: int) -> bool:
    """'"Very good reporter," Trump said': a quote that opens its sentence and
    closes on a comma is a quoted statement even without a verb."""
    if not text[qs:qe].rstrip().endswith(","):
        return False
    j = qs  # back over spaces and quote marks to the character before the quote
    while j > 0 and text[j - 1] in " \t\"'`“”«„":
        j -= 1
    return j == 0 or text[j - 1] in ".!?\n"


def _drop_reported_reports(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """"According to a copy of the memo, the engineers wrote that X": the
    claim is the engineers' (X); the according-to claim of a mere carrier
    (``carrier_nouns``: a copy, a memo, an email) whose content is only their
    report of it says nothing more. A source's stays: "According to police /
    the indictment, the driver said X" is what the police / the indictment
    allege."""
    carriers = frozenset(frames().carrier_nouns)

    def document(a: Attribution) -> bool:
        if a.speaker.head is None:
            return False
        head = doc[a.speaker.head]
        words = {head.lower_} | {o.lower_ for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for o in p.children if o.dep_ == "pobj"}
        return bool(words & carriers)

    def report_root(a: Attribution) -> bool:
        if a.rule != "according_to" or a.tok_end <= a.tok_start or not document(a):
            return False
        root = doc[a.tok_start:a.tok_end].root
        return any(b is not a and b.cue_token == root.i and b.speaker.label != "AUTHOR"
                   and a.tok_start <= b.tok_start and b.tok_end <= a.tok_end for b in atts)
    return [a for a in atts if not report_root(a)]


_BULLET = re.compile(r"(?m)^[ \t]*(?:[-*\u2022\u25aa\u2023]|\d{1,2}[.)])[ \t]+(\S[^\n]*)$")


def list_items(text: str) -> list[tuple[int, tuple[tuple[int, int], ...]]]:
    """Bulleted or numbered lists whose lead-in line ends with a colon:
    (start of the lead-in line, the items' char ranges without marker and
    final ';' / '.' / ','). Items separated only by blank lines are one list."""
    groups: list[list[re.Match]] = []
    for m in _BULLET.finditer(text):
        if groups and not text[groups[-1][-1].end():m.start()].strip():
            groups[-1].append(m)
        else:
            groups.append([m])
    out = []
    for g in groups:
        lead = text[:g[0].start()].rstrip()
        if not lead.endswith(":"):
            continue
        items = []
        for m in g:
            s, e = m.start(1), m.end(1)
            while e > s and (text[e - 1].isspace() or text[e - 1] in ";.,"):
                e -= 1
            if e > s:
                items.append((s, e))
        if items:  # (items of punctuation only: no list)
            out.append((lead.rfind("\n") + 1, tuple(items)))
    return out


def list_attributions(ctx: Context, atts: Sequence[Attribution]) -> list[Attribution]:
    """Each item of a list whose lead-in line names a source is that
    source's claim: "According to the lease:" / "- the rent rises 3 percent
    a year;" (the lease's), "Among the measures Vass outlined on the call:" /
    "- Two vessels will be sold by March." (Vass's). The source is an
    according-to phrase in the lead-in line, else the subject of its last
    cue verb or ``list_lead_verbs`` verb. An item with a source of its own
    ("- The union said it would strike") is left to it. A stub the lead-in
    line made of itself ("the stadium would include") and an agentless
    passive inside an item are dropped by the caller (_drop_list_stubs)."""
    doc, text = ctx.doc, ctx.text
    out: list[Attribution] = []
    for line_start, items in list_items(text):
        lead_end = text.rindex(":", 0, items[0][0])
        lead = doc.char_span(line_start, lead_end, alignment_mode="expand")
        if lead is None or not len(lead) or ctx.in_skip(line_start):
            continue
        speakers: list[SpeakerRef] = []
        cue: Optional[tuple[int, int]] = None
        cue_token: Optional[int] = None
        anchors: list[int] = []
        acc = [(t, found) for t in lead if t.lower_ == "according" and (found := _source_phrase(t)) is not None]
        if acc:
            tok, (to, pobj, _) = acc[-1]
            speakers = [r for r in _speakers_for(ctx, pobj) or [described_source(pobj)] if r.label != "AUTHOR"]
            cue = (tok.i, to.i + 1)
        else:
            verbs = [t for t in lead if t.pos_ in ("VERB", "AUX")
                     and (cue_entry(t) is not None or t.lemma_.lower() in frames().list_lead_verbs)]
            for verb in reversed(verbs):
                subj, chain = subject_of(verb)
                found = [r for r in _speakers_for(ctx, subj) if r.label != "AUTHOR" and r.name] \
                    if subj is not None and subj.lower_ not in lexicon().first_person | {"you"} else []
                # (not "Here is what *we* know:", a list in the writer's voice)
                if found:
                    speakers, cue = found, (verb.i, verb.i + 1)
                    cue_token = verb.i if cue_entry(verb) is not None else None
                    anchors = [t.i for t in chain]
                    break
        if not speakers:
            continue
        for s, e in items:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not len(span):
                continue
            if any(s <= a.content_start and a.content_end <= e and a.speaker.label != "AUTHOR"
                   and not a.rule.startswith("passive.") for a in atts):
                continue  # "- The union said it would strike": the item's own source
            out.extend(_make(ctx, "indirect", "list.item", speakers, (span.start, span.end), cue, cue_token, anchors))
    return out


def _drop_list_stubs(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """The lead-in line of a source's list says nothing of itself
    ("According to the planning application, the stadium would include:")."""
    leads = {(doc[a.cue_start].sent.start_char, doc[a.cue_start].sent.end_char)
             for a in atts if a.rule == "list.item" and a.cue_start is not None}
    if not leads:
        return atts
    items = [(a.content_start, a.content_end) for a in atts if a.rule == "list.item"]
    text = doc.text
    return [a for a in atts if a.rule == "list.item" or not (any(
        s <= a.content_start and a.content_end <= e and text[a.content_end:e].strip() in (":", "")
        for s, e in leads) or (a.rule.startswith("passive.") and any(
            s <= a.content_start and a.content_end <= e for s, e in items)))]
    # (an agentless passive inside an item is the item's source's: "- Spending is expected to fall")


def merge_relayed_reports(doc: Doc, atts: list[Attribution], epistemic_cues) -> list[Attribution]:
    """"Esterly said Moss had told her in December that she would back the
    plan" is one claim: X (what Moss said), in the words of Esterly, who is
    on record. The outer report ("Moss had told her ... that X") and the
    inner one (Moss: X) become one attribution: the outer speaker, cue and
    dates of saying ("in December" dates Moss's telling, not Esterly's), the
    inner content, graded with the inner cue ("had denied that X" is
    negative, "had hinted that X" possible). Only when the inner cue is a
    speech verb (not negated: "had not told her that X") under a plain outer
    speech verb (no hedge or negation on it: "did not say that Moss told her
    X" stays as it is) and the outer content is nothing but the inner report
    (or what follows it is a report of its own: "..., and he predicted Y";
    not "..., a decision reversed on Tuesday"). A conjunct of the outer cue that repeats
    the inner cue's other conjunct ("testified that Vossberg had told him
    that A and that B") keeps the outer claim of B, the inner one goes.
    A belief inside a report is already the sayer's ("said investigators
    believe X", _is_stance); "According to police, the driver said X" keeps
    both (an allegation of its own)."""
    hedged: dict[int, set[int]] = {}  # sentence start -> token indices of its epistemic cues
    text = doc.text

    def plain_speech(tok: Token) -> bool:
        rule = cue_entry(tok)
        if rule is None or rule.class_ != "speech" or any(c.dep_ == "neg" for c in tok.children):
            return False
        sent = tok.sent
        if sent.start not in hedged:
            hedged[sent.start] = {i for c in epistemic_cues(doc, sent.start, sent.end) for i in range(c.start, c.end)}
        return tok.i not in hedged[sent.start]

    def relays(outer: Attribution, inner: Attribution) -> bool:
        if inner.speaker.label == "AUTHOR" or inner.rule != "indirect.ccomp":
            return False  # (not "Opportunists, he said, often claim *to hold* a stolen work": his generalization)
        if (inner.tok_start, inner.tok_end) == (outer.tok_start, outer.tok_end):
            return False
        if not (outer.tok_start <= inner.tok_start and inner.tok_end <= outer.tok_end):
            return False
        rule = cue_entry(doc[inner.cue_token])
        tail = text[inner.content_end:outer.content_end]
        if tail.strip(" \t\n\"'”’.,;:") and not any(
                o.cue_token is not None and inner.content_end <= doc[o.cue_token].idx < outer.content_end
                for o in atts):
            return False  # the outer content says more than the inner report ("..., a decision reversed on
            # Tuesday"), unless what follows is a report of its own ("..., and he predicted Y")
        return doc[outer.tok_start:outer.tok_end].root.i == inner.cue_token and rule is not None \
            and rule.class_ == "speech" and not any(c.dep_ == "neg" for c in doc[inner.cue_token].children)

    outers = [a for a in atts if a.rule.startswith("indirect.") and a.speaker.label != "AUTHOR"
              and a.cue_token is not None and a.cue_start is not None]
    merged: dict[int, Attribution] = {}  # id(inner) -> the merged attribution
    gone: set[int] = set()
    pairs: set[tuple[int, int]] = set()  # (outer cue, inner cue)
    for a in outers:
        for b in atts:
            if b is a or b.cue_token is None or id(b) in merged or not (a.tok_start <= b.cue_token < a.tok_end):
                continue
            if relays(a, b) and plain_speech(doc[a.cue_token]):
                merged[id(b)] = replace(b, kind=a.kind, rule="indirect.relayed", speaker=a.speaker,
                                        cue_start=a.cue_start, cue_end=a.cue_end, anchor_tokens=a.anchor_tokens,
                                        relayed=(a.content_start, a.content_end))
                gone.add(id(a))
                pairs.add((a.cue_token, b.cue_token))
                break
    if not merged:
        return atts
    spans: dict[tuple[int, int], list[Attribution]] = {}
    for a in outers:
        spans.setdefault((a.tok_start, a.tok_end), []).append(a)
    for b in atts:  # the inner claim of B, repeated by the outer cue's conjunct
        if id(b) not in merged and b.cue_token is not None and any(
                (a.cue_token, b.cue_token) in pairs for a in spans.get((b.tok_start, b.tok_end), ()) if a is not b):
            gone.add(id(b))
    return [merged.get(id(a), a) for a in atts if id(a) not in gone]


def _subordinate_fragment(doc: Doc, a: Attribution) -> bool:
    """Is the content of quote claim ``a`` only an adverbial clause, cut off
    by the cue of a split quote ("If those dates come back," said X, "…";
    "…," she said, "if the weather holds.")? A subordinator of
    ``fragment_subordinators`` opens it and no main clause follows it
    inside the content."""
    if a.kind != "direct" or a.tok_end <= a.tok_start:
        return False
    words = [t for t in doc[a.tok_start:a.tok_end] if not (t.is_punct or t.is_space)]
    if not words or words[0].lower_ not in frames().fragment_subordinators or words[0].dep_ not in ("mark", "advmod"):
        return False  # ("When the storm hit": 'when' is an advmod)
    clause = words[0].head
    return all(clause.left_edge.i <= t.i <= clause.right_edge.i for t in words)


def join_subordinate_fragments(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """A split quote whose one half is only an adverbial clause is one
    claim ('"If the dates hold," said Olumide, "we are looking at a second
    site"'), as '"If A," she said, "B"' already is: the fragment joins the
    claim of the same cue on the other side of it (the cue in between, as
    in a parenthetical claim)."""
    fragments = [a for a in atts if a.cue_token is not None and _subordinate_fragment(doc, a)]
    if not fragments:
        return atts
    out = list(atts)
    for a in fragments:
        if not any(x is a for x in out):
            continue
        cue = doc[a.cue_token]
        if not doc[a.tok_start:a.tok_end].text or cue.sent != doc[a.tok_start].sent:
            continue
        if a.tok_end <= a.cue_token:  # the fragment before the cue: the claim after it
            others = [b for b in out if b is not a and b.cue_token == a.cue_token and b.tok_start > a.cue_token
                      and b.speaker.label != "AUTHOR" and doc[b.tok_start].sent == cue.sent]
            if not others:
                continue
            b = min(others, key=lambda x: x.tok_start)
            merged = replace(b, content_start=a.content_start, tok_start=a.tok_start)
        else:  # after the cue: the claim before it
            others = [b for b in out if b is not a and b.cue_token == a.cue_token and b.tok_end <= a.cue_token + 1
                      and b.speaker.label != "AUTHOR" and doc[b.tok_start].sent == cue.sent]
            if not others:
                continue
            b = max(others, key=lambda x: x.tok_end)
            merged = replace(b, content_end=a.content_end, tok_end=a.tok_end)
        out[out.index(b)] = merged
        out.remove(a)
    return out


def _split_quote_tail(ctx: Context, qs: int) -> bool:
    """Is the quote at ``qs`` the second half of a split quote ('"A," said
    Gus Pellman, the association's chairman, "and nobody asked us."'): the
    quote before it ends in a comma, and only a cue and its speaker (no
    sentence end) lie between?"""
    k = bisect.bisect_left(ctx.quotes, (qs,)) - 1  # the quote before this one (quotes are sorted)
    if k < 0:
        return False
    ps, pe = ctx.quotes[k]
    if pe > qs:
        return False
    inner = ctx.text[ps:pe].rstrip(" \"'”’»")
    gap = ctx.text[pe:qs]
    if (not inner.endswith(",") or len(gap) > 120 or any(m in gap for m in (".", "!", "?", "\n"))
            or not gap.strip(" \"'“”‘’«»").endswith(",")):
        return False  # ('"A," said Ruiz, whose team won "more games …"': no comma before the tail)
    span = ctx.doc.char_span(pe, qs, alignment_mode="contract")
    return span is not None and any(cue_entry(t) is not None for t in span)


def _cue_adjacent(doc: Doc, n_chars: int, qs: int, qe: int) -> bool:
    """A cue verb right before the opening or right after the closing mark
    ('said: "…', '"…," she said'). ``n_chars`` is the length of the text."""
    before = doc.char_span(max(0, qs - 40), qs, alignment_mode="contract")
    after = doc.char_span(qe, min(n_chars, qe + 40), alignment_mode="contract")
    near = []
    if before is not None:
        near += [t for t in before if not (t.is_punct or t.is_space)][-1:]
    if after is not None:
        near += [t for t in after if not (t.is_punct or t.is_space)][:3]
    return any(cue_entry(t) is not None for t in near)


def _lead_in_report(ctx: Context, atts: Sequence[Attribution], start: int) -> Optional[Attribution]:
    """The report in the sentence right before token ``start`` (a quote
    with no cue of its own that opens its sentence), in the same paragraph: the last one of a
    speaker other than the writer whose cue lies in that sentence."""
    doc = ctx.doc
    index = sentence_index(doc)
    first = index.start(start)
    if first == 0 or any(not (t.is_punct or t.is_space) for t in doc[first:start]):
        return None  # (not a quote inside a sentence: 'a "Save the Heron" fundraiser')
    before = index.start(first - 1)
    if "\n\n" in ctx.text[doc[before].idx:doc[first].idx]:
        return None
    found = [a for a in atts if a.cue_token is not None and before <= a.cue_token < first
             and a.speaker.label != "AUTHOR" and a.kind != "direct" and a.content_end <= doc[start].idx
             # (not a question put to someone: "Reporters asked Okafor whether …")
             and doc[a.cue_token].lemma_.lower() not in frames().question_verbs]
    return max(found, key=lambda a: a.content_end) if found else None


def _names_other_speaker(doc: Doc, prev: Attribution, gap: str, offset: int) -> bool:
    """True when the text between two quotes introduces another person."""
    span = doc.char_span(offset, offset + len(gap), alignment_mode="contract")
    if span is None:
        return False
    index = sentence_index(doc)
    cue_sent = doc[index.start(prev.cue_token):index.end(prev.cue_token)] if prev.cue_token is not None else None
    for ent in span.ents:
        if ent.label_ != "PERSON" or ent.text in (prev.speaker.name or ""):
            continue
        if cue_sent is not None and cue_sent.start <= ent.start < cue_sent.end:
            continue  # named in the attribution itself: "said a user, Johanna Bayer"
        root = ent.root
        while root.dep_ in ("compound", "flat", "appos") and root.head is not root:
            root = root.head
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
            return True  # a new person is the subject of a sentence in between
    own = set()
    if prev.speaker.head is not None:
        h = doc[prev.speaker.head]
        own = set(range(h.left_edge.i, h.right_edge.i + 1))
    for tok in span:
        if tok.i in own:
            continue  # "said X, who had endorsed Y": part of the speaker's description
        if tok.dep_ == "ROOT" and cue_entry(tok) is not None and tok.i not in (prev.cue_token,):
            subj, _ = subject_of(tok)
            if subj is not None and subj.i != prev.speaker.head:
                return True
    return False


# --------------------------------------------------------------------------
# AUTHOR claims


def clause_head(token: Token) -> Token:
    """The head of the clause a token belongs to."""
    cur = token
    for _ in range(12):
        if _is_verbal(cur) and cur.dep_ in CLAUSE_DEPS - {"xcomp", "pcomp", "acl"}:
            return cur
        if cur.head is cur:
            return cur
        if cur.dep_ in ("amod", "compound", "nmod") and cur.head.pos_ in ("NOUN", "PROPN"):
            cur = cur.head
            continue
        cur = cur.head
    return cur


def clause_range(head: Token, keep: Token) -> tuple[int, int]:
    """Token range of a clause: the head's subtree without coordinated or
    concessive clauses at its edges (conditionals stay: they matter)."""
    start, end = _subtree_range(head)
    # "whether the board will vote on May 19 *or continue the hearing*": a
    # disjunct with no subject of its own is part of the same question
    disjoined = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
    for child in head.children:
        if child.i == keep.i:
            continue
        cs, ce = _subtree_range(child)
        if cs <= keep.i < ce:
            continue
        drop = False
        if child.dep_ == "conj" and _is_verbal(child):
            drop = not (disjoined and not _has_subject(child))
        elif child.dep_ == "cc" and any(c.dep_ == "conj" and _is_verbal(c) for c in head.children):
            drop = not (disjoined and not any(c.dep_ == "conj" and _is_verbal(c) and _has_subject(c)
                                              for c in head.children))
        elif child.dep_ in ("advcl", "parataxis"):
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            if child.dep_ == "parataxis" or marks & set(frames().non_conditional_marks) or not marks and child.tag_ in ("VBG", "VBN"):
                drop = True
        elif child.dep_ == "mark" and child.i == start:
            start = child.i + 1  # the subordinator only, not what hangs on it
            continue
        if drop:
            if cs == start:
                start = ce
            elif ce == end:
                end = cs
    return start, end


def _expletive_complement(head: Token) -> Optional[Token]:
    """'it appears that X', 'it is likely that X', 'it's reasonable to assume
    that X' → X."""
    has_expl = any(c.dep_ in ("nsubj", "expl", "nsubjpass") and c.lower_ == "it" for c in head.children)
    if not has_expl and head.lemma_.lower() not in ("appear", "seem"):
        return None
    frontier = [head]
    for _ in range(4):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ == "ccomp":
                    return c
                if c.dep_ in ("xcomp", "acomp", "attr"):
                    nxt.append(c)
        frontier = nxt
    return None


def _inside_question(cue: Token) -> bool:
    """Is the cue verb the head of a whether/if clause that a question verb
    governs ("asked whether X had *discussed* Y")?"""
    return cue.dep_ in ("ccomp", "advcl") and any(c.dep_ == "mark" and _asked_question(c) for c in cue.children)


def _in_asked_clause(tok: Token) -> bool:
    """Is ``tok`` inside a whether/if clause that a question verb governs?"""
    cur = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and _asked_question(c) for c in cur.children):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _asked_question(tok: Token) -> bool:
    """Is ``tok`` the "whether"/"if" of a question some verb puts ("asked
    whether", "wondered if")?"""
    if tok.lower_ not in ("whether", "if"):
        return False
    clause = tok.head
    return clause.head.i != clause.i and clause.head.lemma_.lower() in frames().question_verbs


def _other_relative(cue: Token, hedge: Token) -> Optional[Token]:
    """The relative clause holding ``cue`` but not ``hedge``, if any: "The
    deal is likely to face opposition from attorneys general, *some of whom
    have challenged mergers*": the writer's hedge is not their report."""
    tok = cue
    for _ in range(32):
        if tok.dep_ in ("relcl", "acl") or _relative_subject(tok):
            return None if tok.left_edge.i <= hedge.i <= tok.right_edge.i else tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _cut_independent_conjunct(doc: Doc, hedge: Token, start: int, end: int) -> int:
    """End an AUTHOR clause before a coordinated clause with its own subject
    that the hedge does not reach: "The recall is likely to cost millions, *and
    it could weigh on prices*" is two claims (the second has its own hedge)."""
    for tok in doc[hedge.i + 1:end]:
        if tok.dep_ != "conj" or not _is_verbal(tok) or not _has_subject(tok):
            continue
        if _inside_subordinate(tok.head, start, end):
            continue  # "likely to rise *because* demand is strong and supplies are short"
        first = tok.left_edge.i
        if first - 1 > hedge.i and doc[first - 1].dep_ == "cc":
            cut = first - 1
            if doc[cut - 1].text == ",":
                cut -= 1
            return min(end, cut)
    return end


def _inside_subordinate(tok: Token, start: int, end: int) -> bool:
    """Is ``tok`` inside a subordinate clause (adverbial, complement,
    relative) within ``doc[start:end]``?"""
    for _ in range(32):
        if tok.dep_ in ("advcl", "ccomp", "relcl", "acl", "pcomp", "csubj") and start <= tok.i < end:
            return True
        if tok.head.i == tok.i or not (start <= tok.head.i < end):
            return False
        tok = tok.head
    return False


def _relative_subject(verb: Token) -> bool:
    """A clause whose subject holds a relative pronoun ("*some of whom* have
    challenged"), whatever the parser attached it to."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i
               and any(t.lower_ in ("whom", "which", "whose") for t in c.subtree)
               for c in verb.children)


def author_attributions(ctx: Context, existing: list[Attribution], epistemic_cues) -> list[Attribution]:
    """AUTHOR claims: clauses outside every attributed content that carry an
    epistemic cue. ``epistemic_cues(doc, start, end)`` returns cue matches
    (token ranges) for a token range."""
    doc = ctx.doc
    taken = [(a.content_start, a.content_end) for a in existing]
    cue_toks = {a.cue_token for a in existing if a.cue_token is not None}
    out: list[Attribution] = []
    seen_heads: set[int] = set()
    for sent in doc.sents:
        if ctx.in_skip(sent.start_char) and ctx.in_skip(max(sent.end_char - 1, sent.start_char)):
            continue
        for cue in epistemic_cues(doc, sent.start, sent.end):
            tok = doc[cue.start]
            if ctx.in_skip(tok.idx) or ctx.quote_at(tok.idx) is not None:
                continue
            if any(s <= tok.idx < e for s, e in taken):
                continue
            if tok.dep_ in ("amod", "compound", "pobj", "dobj", "poss") and (
                    tok.pos_ in ("ADJ", "NOUN") or (tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG"))):
                continue  # a hedge inside a noun phrase is not a claim about a clause ("met the *expected* standard")
            if tok.i in cue_toks:
                continue
            if tok.dep_ == "conj" and not _has_subject(tok) and cue_entry(tok) is not None:
                continue  # "The report says X but *does not estimate* by how much": its act, not the writer's hedge
            if _others_question(tok):
                continue  # "asked whether X", "decide whether X": no doubt of the writer's
            if _withheld_answer(tok):
                continue  # "Farrow would not confirm that": the lawyer's non-answer, no doubt of the writer's
            if _subjects_state(tok) or _subjects_state(doc[cue.end - 1]):  # (also "was *less sure*")
                continue  # "Harlan Teague, an analyst, was less sure": the analyst's doubt, not the writer's
            head = clause_head(tok)
            comp = _expletive_complement(head)
            if comp is not None and not (comp.left_edge.i <= tok.i <= comp.right_edge.i):
                ts, te = clause_range(comp, comp)
                rule = "author.expletive"
            else:
                ts, te = clause_range(head, tok)
                rule = "author.clause"
            te = _cut_independent_conjunct(doc, tok, ts, te)
            ts, te = semicolon_part(doc, tok.i, ts, te)
            if head.i in seen_heads:
                continue
            # (a reporting or intention noun is an argument of the writer's
            # clause, not a report of it: "The row is likely to overshadow
            # the federation's *bid* to host the championship")
            inside = [c for c in cue_toks if ts <= c < te and doc[c].pos_ not in ("NOUN", "PROPN")]
            relatives = [_other_relative(doc[c], tok) for c in inside]
            if any(r is None for r in relatives):
                continue  # the clause reports someone else's claim
            for rel in relatives:  # and ends before a relative clause that reports one
                cut = rel.left_edge.i
                if cut > tok.i:
                    te = min(te, cut - 1 if doc[cut - 1].is_punct else cut)
            ts, te = _trim_tokens(doc, ts, te)
            if te <= ts or ts >= len(doc):
                continue  # nothing left of the clause ("It is unclear whether ›.")
            cs, ce = _char_range(doc, ts, te)
            if any(min(ce, e) - max(cs, s) > 0.5 * (ce - cs) for s, e in taken):
                continue
            if is_question(ctx.text, cs, ce):
                continue  # "Q: Could rates go up again?": the writer asks, and claims nothing
            seen_heads.add(head.i)
            out.extend(_make(ctx, "unattributed", rule, [], (ts, te), None, None, ()))
            taken.append((cs, ce))
    return out


def _subjects_state(tok: Token) -> bool:
    """An epistemic adjective predicated of a person ("the analyst was less
    sure", "Ruiz is confident"): the subject's state of mind, which is no
    hedge of the writer's ("it is certain that X" is one)."""
    if tok.lower_ not in frames().state_adjectives or tok.dep_ != "acomp":
        return False
    subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("it", "this", "that"):
        return False
    return subj.ent_type_ in ("PERSON", "NORP") or subj.lower_ in lexicon().subject_pronouns or can_speak(subj)


def extract_attributions(doc: Doc, table: NameTable, skip: Sequence[tuple[int, int]], epistemic_cues) -> list[Attribution]:
    """All attributions of a parsed doc, in text order."""
    text = doc.text
    ctx = Context(doc=doc, table=table, quotes=quote_ranges(doc), skip=list(skip), text=text)
    doc = ctx.doc
    atts = verb_attributions(ctx)
    atts += according_to(ctx)
    atts += noun_attributions(ctx)
    atts += adjective_attributions(ctx)
    # a stance verb inside someone else's reported content ("she said they
    # want safe streets") is part of that claim, not a claim of its own
    outer = [(a.content_start, a.content_end) for a in atts if a.speaker.label != "AUTHOR"]
    outer_cues = {a.cue_token for a in atts if a.speaker.label != "AUTHOR"}
    # a cue inside a question put to someone ("Asked whether Brightmere had
    # discussed a settlement, Stahl …") reports nothing
    atts = [a for a in atts if a.cue_token is None or not _inside_question(doc[a.cue_token])]
    # nor does one inside a whether-clause ("Whether it will slow Tillpoint's
    # plan to launch a card is unclear": nobody announced the plan here)
    atts = [a for a in atts if a.cue_token is None or not _under_whether(doc[a.cue_token])]
    # "She said she cannot yet say whether X": the outer claim (unknown)
    # holds the inner one, its speaker's own whether-clause
    owned = [(a.content_start, a.content_end, a.speaker.name) for a in atts if a.speaker.label != "AUTHOR" and a.speaker.name]
    atts = [a for a in atts if not (
        a.cue_token is not None and a.speaker.name and text[a.content_start:a.content_end].lower().startswith("whether ")
        and any(s <= doc[a.cue_token].idx < e and name == a.speaker.name and (s, e) != (a.content_start, a.content_end)
                for s, e, name in owned))]
    atts = [a for a in atts if not (
        (_is_stance(doc, a) or a.speaker.label == "AUTHOR"  # "said the audits would show X": the audits do not speak for the writer
         or _mute_subject(doc, a)  # "said the experience of other cities suggests that X": part of her claim
         or _future_cue(doc, a)  # "said he would ask for a delay": nothing asked yet
         or a.rule == "nominal.dobj")  # "said detectives had asked the museum to wait": part of what was said
        and a.cue_token is not None and any(s <= doc[a.cue_token].idx < e for s, e in outer)
        # "refused to rule out X": a cue chained to a refusal keeps its claim
        and not (doc[a.cue_token].dep_ == "xcomp" and doc[a.cue_token].head.i in outer_cues
                 and _refusal_verb(doc[a.cue_token].head))
    )]
    # "refused to rule out X", "declined to confirm X": the inner cue's claim
    # (X, graded by the refusal) says it all; the outer one ("to rule out X")
    # would repeat it. ("vowed to announce X" keeps the vow.)
    inner_heads = {doc[a.cue_token].head.i for a in atts
                   if a.cue_token is not None and doc[a.cue_token].dep_ == "xcomp"}
    atts = [a for a in atts if not (a.rule == "indirect.xcomp" and a.cue_token in inner_heads
                                    and _refusal_verb(doc[a.cue_token]))]
    contents = [(a.content_start, a.content_end) for a in atts]
    # a passive or raising cue inside someone's content is part of that claim
    atts += [p for p in passive_attributions(ctx) if not any(s <= doc[p.cue_token].idx < e for s, e in contents)]
    atts = _dedupe(atts)
    atts += quote_attributions(ctx, atts)
    atts = _drop_list_stubs(doc, _dedupe(atts + list_attributions(ctx, atts)))
    atts += _outside_speaker_mentions(doc, atts, author_attributions(ctx, atts, epistemic_cues))
    atts = _dedupe(atts)  # a quote whose leading question was cut may now repeat a verb's claim
    atts = join_subordinate_fragments(doc, atts)
    atts = _drop_reported_reports(doc, atts)
    # requests and open questions are no claims; dropped only now, so that
    # what they hold does not come back as a passive or AUTHOR claim
    atts = [a for a in atts if not _unanswered_question(doc, a) and (KEEP_REQUESTS.get() or not _request(doc, a))]
    atts = merge_relayed_reports(doc, atts, epistemic_cues)
    # "speaking on condition of anonymity because they had not announced
    # their positions": why the source is not named, no claim
    atts = [a for a in atts if a.cue_token is None or not _anonymity_reason(doc, text, doc[a.cue_token])]
    atts = [piece for a in atts for piece in split_direct(doc, a)]
    atts.sort(key=lambda a: (a.content_start, a.content_end, a.speaker.start or -1))
    return atts


def _others_question(tok: Token) -> bool:
    """Is the hedge word ``tok`` (a "whether", "if", or a hedge inside such
    a clause) part of a question that is not the writer's doubt?

    - a choice to be made: "has six weeks to *decide whether* to seek a
      review" (deliberation_verbs);
    - a question put to someone: "Asked whether the cut came too late, she
      paused", also a hedge inside it: "Asked whether the cooperative
      *could* afford a long fight" (question_verbs);
    - a topic: "clashed over whether the recall goes far enough";
    - the subject of a claim: "*Whether it works* will likely depend on X"."""
    if tok.lower_ in ("whether", "if") and tok.dep_ == "mark" and tok.head.head.i != tok.head.i \
            and tok.head.head.lemma_.lower() in frames().deliberation_verbs:
        return True
    if _asked_question(tok) or _in_asked_clause(tok) or _topic_question(tok):
        return True
    return tok.dep_ == "mark" and tok.head.dep_ in ("csubj", "csubjpass", "nsubj")


# (not "what": "after *what is likely* the largest recall" is a free relative, the writer's hedge)
_TOPIC_WH = frozenset({"whether", "if", "how", "who", "which", "when", "where", "why"})


def _topic_question(tok: Token) -> bool:
    """Is the cue word inside an indirect question that is the object of a
    preposition ("clashed *over whether* a recall goes far enough", "argued
    over how much time the diggers should get")? The question names a
    topic; the writer asserts nothing by it."""
    cur = tok if tok.dep_ != "mark" else tok.head
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        first = cur.doc[cur.left_edge.i]
        if (cur.pos_ in ("VERB", "AUX") and cur.dep_ in ("pcomp", "pobj") and cur.head.pos_ == "ADP"
                and (first.lower_ in _TOPIC_WH or any(c.dep_ == "mark" and c.lower_ in ("whether", "if")
                                                     for c in cur.children))):
            return True
        if cur.dep_ in ("relcl", "acl", "appos", "ccomp") or cue_entry(cur) is not None:
            return False
        cur = cur.head
    return False


def _under_whether(tok: Token) -> bool:
    """Is the cue word inside a clause opened by 'whether' (its own or one
    above it, up to the nearest cue verb)? Not a participle tacked on after a
    comma ("would not say whether X, telling reporters only that Y": the
    parser may hang it on X's verb, but the speaker is telling)."""
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and tok.left_edge.i > 0 \
            and tok.doc[tok.left_edge.i - 1].text == ",":
        return False
    cur = tok
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in cur.children):
            return True
        if cur.head.i == cur.i or (cur is not tok and cue_entry(cur) is not None):
            return False
        if cur.dep_ in ("relcl", "acl", "appos"):
            return False  # "whether the plan, *which the mayor said* would cost $2 billion, …": a report of its own
        cur = cur.head
    return False


def _outside_speaker_mentions(doc: Doc, atts: list[Attribution], authored: list[Attribution]) -> list[Attribution]:
    """AUTHOR claims that do not lie inside a source's own description: "Two
    employees, who asked not to be named because they feared losing their
    severance, said …" says nothing in the writer's voice."""
    mentions = []
    anonymous = []  # descriptions that say why the source is not named
    for a in atts:
        if a.cue_token is None or a.speaker.label == "AUTHOR":
            continue
        subj, _ = subject_of(doc[a.cue_token])
        if subj is not None and subj.right_edge.i > subj.i:
            rng = _char_range(doc, subj.left_edge.i, subj.right_edge.i + 1)
            mentions.append(rng)
            if _ANONYMITY.search(doc.text[rng[0]:rng[1]]):
                anonymous.append(rng)
    def persons_state(a: Attribution) -> bool:
        # the hedge is a person's own fear or belief ("because they feared
        # losing their severance"), not the writer's ("Brightmere, which is
        # likely to cut 500 jobs, said …" keeps its AUTHOR claim)
        head = doc[a.tok_start:a.tok_end].root
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj is not None and (subj.lower_ in lexicon().subject_pronouns or subj.ent_type_ == "PERSON")

    def inside(a: Attribution, ranges) -> bool:
        return any(s <= a.content_start and a.content_end <= e for s, e in ranges)

    return [a for a in authored if not ((persons_state(a) and inside(a, mentions)) or inside(a, anonymous))]


_ANONYMITY = re.compile(r"not to be (named|identified)|anonymity|not authori[sz]ed|without authori[sz]ation|"
                        r"not permitted to|speaking privately", re.IGNORECASE)


def _anonymity_reason(doc: Doc, text: str, cue: Token) -> bool:
    """Is the cue word in the reason a source gives for not being named,
    right after the words that say so ("on condition of anonymity *because
    they had not announced* their positions", "spoke on condition of
    anonymity *to describe* internal deliberations", "was not authorized *to
    discuss* the talks")? The reason opens with because / to / since (a
    "to" reason with a that-clause reports it: "to confirm that X"), no
    punctuation stands between, and the cue lies in the reason's clause
    (not the sentence's own "said" right after it)."""
    sents = sentence_index(doc)
    start = sents.start_char(cue.i)
    for m in _ANONYMITY.finditer(text, start, cue.idx):  # (text is doc.text, which spaCy rebuilds per call)
        between = doc.char_span(m.end(), cue.idx, alignment_mode="expand")
        if between is None or not len(between) or len(between) > 8:
            continue
        words = [t for t in between if not t.is_space]
        if not words or words[0].lower_ not in ("because", "to", "since") or any(t.is_punct for t in words):
            continue
        if words[0].lower_ == "to" and any(c.dep_ == "ccomp" for c in cue.children):
            continue  # "speaking on condition of anonymity to confirm that X, said": X is reported
        reason = words[0].head  # the reason's verb; the cue inside it ("who spoke on condition of
        # anonymity because the talks are confidential *said* X" is the main verb, outside)
        if reason.left_edge.i <= cue.i <= reason.right_edge.i and reason.i != words[0].i:
            return True
    return False




def _reason_prep_of_object(obj: Optional[Token]) -> bool:
    """"accusing *the company of* locking developers in": an "of"/"for"
    phrase on the object that says what it is accused of."""
    return obj is not None and any(c.dep_ == "prep" and c.lower_ in ("of", "for") and any(
        g.dep_ in ("pobj", "pcomp") for g in c.children) for c in obj.children)


# Requests are no claims, but attribution benchmarks that annotate every
# reported speech act (PolNeAR) count them: their adapters set this.
KEEP_REQUESTS: contextvars.ContextVar[bool] = contextvars.ContextVar("claimsift_keep_requests", default=False)


def _request(doc: Doc, att: Attribution) -> bool:
    """'urged both governments to pull their troops back', 'called for calm',
    'asked the state for doses': what the source wants done, not a claim."""
    if att.cue_token is None or att.kind == "direct":
        return False
    cue = doc[att.cue_token]
    lemma = cue.lemma_.lower()
    preps = frames().request_prep_verbs.get(lemma)
    if preps is not None:
        # "called for calm", "called on the council to act" (not "called the
        # ruling a betrayal of voters", "called it a historic day for the state")
        if any(c.dep_ == "oprd" for c in cue.children):
            return False
        return any(c.dep_ == "prep" and c.lower_ in preps and c.i == cue.i + 1 for c in cue.children) or any(
            c.dep_ == "xcomp" and has_to_infinitive(c) for c in cue.children)
    return lemma in frames().request_verbs


def _unanswered_question(doc: Doc, att: Attribution) -> bool:
    """"declined to say how much the recall would cost", "did not say when
    the order would be lifted": a question left open states nothing (unlike
    "would not say whether X", an unknown-level claim about X)."""
    if att.cue_token is None or att.tok_end <= att.tok_start or att.speaker.label == "AUTHOR":
        return False  # ("It is not yet known how X": the writer says X is unknown)
    first = doc[att.tok_start]
    if first.lower_ not in frames().open_question_words:
        return False
    if att.tok_start > 0 and doc[att.tok_start - 1].lower_ == "that":
        return False  # "did not deny that when he was in office he took gifts": a that-clause
    cue = doc[att.cue_token]
    rule = cue_entry(cue)
    if rule is not None and rule.lemma in frames().denial_verbs:
        return False
    return _refusal_verb(cue) or (cue.dep_ == "xcomp" and _refusal_verb(cue.head))


def _refusal_verb(verb: Token) -> bool:
    """"refused", "declined", "failed", or any negated verb ("did not
    want to confirm")."""
    return verb.lemma_.lower() in refusal_verbs() or any(c.dep_ == "neg" for c in verb.children)


_REFLEXIVES = frozenset({"itself", "himself", "herself", "themselves", "themself"})
_FUTURE_AUX = frozenset({"will", "would", "'ll", "’ll", "shall", "could", "may", "might"})


def _future_cue(doc: Doc, att: Attribution) -> bool:
    """A cue verb under a future or hypothetical auxiliary ("would ask for a
    delay", "will announce the results") or an intention ("vowed to announce
    X"): a speech act yet to come."""
    if att.cue_token is None:
        return False
    cue = doc[att.cue_token]
    if cue.dep_ == "xcomp" and cue_entry(cue.head) is not None and not _refusal_verb(cue.head):
        return True  # "vowed to announce X", "urged the agency to announce that X"
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in cue.children)


def _mute_subject(doc: Doc, att: Attribution) -> bool:
    """Is the cue's subject something that cannot speak ("the experience
    of other cities suggests that X")?"""
    if att.cue_token is None or att.content_start <= doc[att.cue_token].idx < att.content_end:
        return False  # (a parenthetical cue lies inside its own content)
    if att.rule == "indirect.parenthetical":
        return False  # (nor is its second conjunct's: "The storm, said Ben Ota, could X and may Y")
    subjects = [c for c in doc[att.cue_token].children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.pos_ == "NOUN" and not can_speak(s) for s in subjects)


def _is_stance(doc: Doc, att: Attribution) -> bool:
    """Claims from a stance, wish or belief verb ("want safe streets", "seek
    to cut taxes", "thinks that …"), not from a speech verb."""
    if att.cue_token is None:
        return False
    if att.rule == "nominal.noun":
        return True  # "rejected claims that X": part of the rejecting claim
    if att.rule == "indirect.adjective":
        return doc[att.cue_token].lower_ in frames().belief_adjectives  # "said she is sure that X"
    rule = cue_entry(doc[att.cue_token])
    if rule is None:
        return False
    if att.rule in ("nominal.dobj", "indirect.xcomp"):
        return rule.class_ in ("nominal_only", "cognition", "evidential")  # "she said the record shows X"
    # "said her party's tally showed her winning": the document speaks in her claim
    return att.rule == "indirect.ccomp" and rule.class_ in ("cognition", "evidential")


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose content and speaker repeat another's (e.g.
    'according to' inside a ccomp), keeping the first cue."""
    seen: set[tuple] = set()
    out = []
    for a in sorted(atts, key=lambda a: (a.content_start, -(a.content_end - a.content_start))):
        key = (a.content_start, a.content_end, a.speaker.name, a.speaker.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out
