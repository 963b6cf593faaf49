"""Certainty of claims: scoped epistemic cues -> FactBank level x polarity.

The cue words live in ``models/certainty_cues.jsonl`` (validated through
:mod:`pipeline.rules`); this module holds the algorithms, as plain functions
over spaCy ``Doc``/``Span`` objects:

* :func:`find_cues` -- every cue match in a doc or span (longest match wins).
* :func:`assess` -- the :class:`~pipeline.models.Certainty` of a claim's
  content, attributed through an optional cue verb.
* :func:`epistemic_cues` -- hedge/booster/unknown cues in a token range.
* :func:`factuality_of_token` -- a -3..+3 score for the event headed by one
  token (used by the factuality benchmark).

Scoping follows ConText (Chapman et al.; medspaCy ``context``): a cue
modifies what lies in its direction, up to ``max_scope`` tokens, and stops at
terminators ("but", ";", "however" ...). On top of that window the cue must
govern the target syntactically: a cue attaches to the clause it modifies
(its *anchor*: a modal or a negation climbs to its verb, "likely" to its
copula) and reaches only that clause's subtree, never across a relative
clause, an adverbial clause, a parataxis or a conjunct clause with its own
subject. A hedge in another clause of the same sentence does not touch the
claim. Negation is narrower still: it reaches embedded clauses (xcomp) but
not nominal arguments ("did not return calls") nor the content of a plain
verb ("did not say when X happened"), except below neg-raising predicates
("does not think X" = PR- X). A negation attached to a cue word changes that
cue instead of the polarity ("not confirmed" -> unknown, "did not deny" ->
no denial).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal, Optional, Sequence, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pipeline.clauses import verb_after_participle_aside
from pipeline.models import Certainty, CertaintyCue, factuality_value
from pipeline.rules import RuleFileError, load_json_rules, load_jsonl_rules
from pipeline.speakers import lexicon

CUE_FILE = "certainty_cues.jsonl"

Category = Literal[
    "booster",
    "probable",
    "possible",
    "unknown",
    "negation",
    "pseudo",
    "terminate",
    "conditional",
]

# Level categories, from strongest to weakest.
LEVEL_OF = {"booster": "certain", "probable": "probable", "possible": "possible", "unknown": "unknown"}
_RANK = {"certain": 0, "probable": 1, "possible": 2, "unknown": 3}
EPISTEMIC = frozenset({"booster", "probable", "possible", "unknown"})

# Token attributes that need a tagger/lemmatizer/parser in a Matcher pattern.
_ANNOTATED_ATTRS = {"LEMMA", "POS", "TAG", "DEP", "MORPH"}
_PATTERN_KEYS = {
    "ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "DEP", "MORPH", "SHAPE",
    "IS_ALPHA", "IS_PUNCT", "IS_DIGIT", "IS_SPACE", "LIKE_NUM", "LENGTH", "OP",
}


_VOCAB = None


def _check_vocab():
    global _VOCAB
    if _VOCAB is None:
        from spacy.vocab import Vocab

        _VOCAB = Vocab()
    return _VOCAB


class CueRule(BaseModel):
    """One line of ``certainty_cues.jsonl``.

    ``literal`` is a lowercase phrase (tokenized like the text; with
    ``lemma: true`` its words are matched against lemmas); ``pattern`` a
    spaCy Matcher token pattern. ``pos``/``dep`` restrict the match's first
    token (skipped when the doc has no such annotation). ``target`` says what
    the cue modifies: ``clause`` -- the clause it attaches to (modals,
    negation, "likely"); ``complement`` -- only what the word embeds, not the
    word's own event ("deny", "suggest", "without"); ``argument`` -- the
    event nouns it takes as object or passive subject ("the flight *was
    delayed*", "the *cancelled* deal"). ``polarity: negative`` makes a level cue also negate ("unlikely" = PR-). ``epistemic: false``
    keeps a cue (intention verbs) out of :func:`epistemic_cues` and out of a
    claim whose head it is.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    literal: Optional[str] = None
    pattern: Optional[list[dict[str, Any]]] = None
    category: Category
    direction: Literal["forward", "backward", "both"] = "forward"
    max_scope: Optional[int] = Field(default=None, ge=1)
    lemma: bool = False
    pos: Optional[list[str]] = None
    dep: Optional[list[str]] = None
    polarity: Optional[Literal["negative"]] = None
    target: Literal["clause", "complement", "argument"] = "clause"
    epistemic: bool = True
    # a modal that hedges a claim only as a prediction (epistemic "should"):
    # it counts there when the verb it modifies is one of these lemmas (with
    # no object) or has a date or time of its own ("the bridge should reopen",
    # "should be wrapped up by June"); otherwise it is deontic ("parents should keep
    # using the seats") and leaves the claim's level alone. Event-level
    # factuality (factuality_features) keeps it either way.
    predicts: Optional[list[str]] = None
    # a word that is epistemic only over a clause: a clausal complement of
    # its own or 'it' as the subject ("it is not clear whether X", "made
    # clear that X", "growers suspect that X"); "the roads will not be clear
    # tonight" states a fact, "police suspect arson" names a suspicion.
    # Claim level only, like ``predicts``.
    over_clause: bool = False
    # a verb that hedges only with a complement (an infinitive, a predicate,
    # a clause): "appears to be", "appeared tired", "it appears that X";
    # "the first cases appeared the day after" is showing up. Claim level only.
    needs_complement: bool = False
    comment: Optional[str] = None

    @field_validator("literal")
    @classmethod
    def _literal_ok(cls, value: Optional[str]) -> Optional[str]:
        if value is not None:
            if not value.strip():
                raise ValueError("empty phrase")
            if value != value.lower():
                raise ValueError("must be lowercase")
        return value

    @field_validator("pattern")
    @classmethod
    def _pattern_ok(cls, value: Optional[list[dict[str, Any]]]) -> Optional[list[dict[str, Any]]]:
        if value is None:
            return value
        if not value:
            raise ValueError("empty pattern")
        for tok in value:
            bad = set(tok) - _PATTERN_KEYS
            if bad:
                raise ValueError(f"unknown token attribute(s) {sorted(bad)}")
        try:  # spaCy's own pattern schema: a bad value fails here, with its line
            Matcher(_check_vocab(), validate=True).add("check", [value])
        except Exception as exc:  # noqa: BLE001 - spaCy raises several types
            raise ValueError(f"not a valid spaCy Matcher pattern: {exc}") from None
        return value

    @model_validator(mode="after")
    def _one_matcher(self) -> "CueRule":
        if (self.literal is None) == (self.pattern is None):
            raise ValueError("give exactly one of 'literal' or 'pattern'")
        return self

    @property
    def needs_annotation(self) -> bool:
        if self.lemma:
            return True
        return any(set(t) & _ANNOTATED_ATTRS for t in self.pattern or ())


@dataclass(frozen=True)
class CueMatch:
    """One cue found in a doc; ``start``/``end`` are token indices in the doc."""

    start: int
    end: int
    category: str
    rule_id: str
    direction: str
    max_scope: int | None


# ---------------------------------------------------------------- rules


def load_cue_rules(path: Path | None = None) -> list[CueRule]:
    """Load and validate the cue rules (``models/certainty_cues.jsonl``)."""
    rules = load_jsonl_rules(CUE_FILE, CueRule, path)
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise RuleFileError(f"{path or CUE_FILE}: duplicate rule id '{r.id}'")
        seen.add(r.id)
    return rules


_LOCK = threading.Lock()
_RULES: dict[str, CueRule] | None = None
# id(vocab) -> (vocab, plain matcher, annotated matcher); the vocab is kept
# so the id cannot be reused while cached.
_MATCHERS: dict[int, tuple[Any, Matcher, Matcher]] = {}
_TOKENIZER = None


def _rules() -> dict[str, CueRule]:
    global _RULES
    if _RULES is None:
        with _LOCK:
            if _RULES is None:
                _RULES = {r.id: r for r in load_cue_rules()}
    return _RULES


def _literal_words(literal: str) -> list[str]:
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("en").tokenizer
    return [t.text for t in _TOKENIZER(literal) if not t.is_space]


def _token_patterns(rule: CueRule) -> list[dict[str, Any]]:
    if rule.pattern is not None:
        return rule.pattern
    key = "LEMMA" if rule.lemma else "LOWER"
    return [{key: w} for w in _literal_words(rule.literal or "")]


class _Matchers:
    """Several matchers run as one: (match_id, start, end) from each."""

    def __init__(self, *matchers):
        self.matchers = matchers

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        return [m for matcher in self.matchers if len(matcher) for m in matcher(doc)]

    def __len__(self) -> int:
        return sum(len(m) for m in self.matchers)


class _AnchoredMatcher:
    """A token-pattern Matcher that only runs where a pattern can start.

    Each pattern whose first token is a required word ("LOWER" or "LEMMA",
    a value or an "IN" list) is anchored: a PhraseMatcher finds those words,
    and the pattern's own Matcher runs on the few tokens from each hit. The
    matches are the ones a Matcher over the whole doc gives; patterns that
    cannot be anchored (optional or tag-only first token, "*"/"+") run over
    the whole doc. Most cue patterns open with a rare word, so this is much
    cheaper than matching every pattern at every token."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.anchors = {"LOWER": PhraseMatcher(vocab, attr="LOWER"), "LEMMA": PhraseMatcher(vocab, attr="LEMMA")}
        self.rules: dict[str, tuple[Matcher, int]] = {}
        self.rest = Matcher(vocab)
        self.n = 0

    @staticmethod
    def _anchor(pattern: list[dict[str, Any]]) -> Optional[tuple[str, list[str]]]:
        first = pattern[0]
        if "OP" in first or any(t.get("OP") in ("*", "+") for t in pattern):
            return None
        for attr in ("LOWER", "LEMMA"):
            value = first.get(attr)
            if isinstance(value, str):
                return attr, [value]
            if isinstance(value, dict) and set(value) == {"IN"}:
                return attr, [str(v) for v in value["IN"]]
        return None

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self.n += 1
        anchor = self._anchor(pattern)
        if anchor is None:
            self.rest.add(key, [pattern])
            return
        attr, words = anchor
        docs = [Doc(self.vocab, words=[w], lemmas=[w]) if attr == "LEMMA" else Doc(self.vocab, words=[w])
                for w in words]
        self.anchors[attr].add(key, docs)
        own = Matcher(self.vocab)
        own.add(key, [pattern])
        self.rules[key] = (own, len(pattern))

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        out = list(self.rest(doc)) if len(self.rest) else []
        seen: set[tuple[int, int]] = set()
        for attr, phrases in self.anchors.items():
            if not len(phrases):
                continue
            for match_id, start, _ in phrases(doc):
                key = self.vocab.strings[match_id]
                if (match_id, start) in seen or key not in self.rules:
                    continue
                seen.add((match_id, start))
                own, width = self.rules[key]
                span = doc[start:min(len(doc), start + width)]
                out.extend((m, start + s, start + e) for m, s, e in own(span) if s == 0)
        return out

    def __len__(self) -> int:
        return self.n


def _phrase_forms(pattern: list[dict[str, Any]], limit: int = 256) -> Optional[tuple[str, list[list[str]]]]:
    """The word sequences a token pattern stands for, when it is a plain
    sequence over one attribute (LOWER, or LEMMA) with literal values, "IN"
    lists and optional ("?") tokens: ``(attr, [[w1, w2], …])``. None when it
    needs a real Matcher (POS, DEP, other operators, mixed attributes)."""
    attr = None
    options: list[list[Optional[str]]] = []
    for tok in pattern:
        keys = set(tok) - {"OP"}
        if len(keys) != 1 or tok.get("OP", "?") != "?":
            return None
        source = keys.pop()
        value = tok[source]
        key = source
        if source == "ORTH":
            values = value["IN"] if isinstance(value, dict) else [value]
            if any(str(v).lower() != str(v) for v in values):
                return None  # case-sensitive: leave to the Matcher
            key = "LOWER"
        if key not in ("LOWER", "LEMMA") or (attr is not None and key != attr):
            return None
        attr = key
        if isinstance(value, dict):
            if set(value) != {"IN"}:
                return None
            values = list(value["IN"])
        else:
            values = [value]
        options.append(values + ([None] if "OP" in tok else []))
    forms: list[list[str]] = [[]]
    for values in options:
        forms = [f + ([v] if v is not None else []) for f in forms for v in values]
        if len(forms) > limit:
            return None
    forms = [f for f in forms if f]
    return (attr, forms) if attr and forms else None


def _matchers(vocab):
    """(bare, annotated) matchers over all cue rules. Literal words and plain
    word sequences go to PhraseMatchers (on the lowercased text, or on
    lemmas), much faster than token patterns; the rest go to a Matcher. The
    first set serves docs without tags or lemmas (only rules that need none);
    the second, for annotated docs, holds every rule."""
    entry = _MATCHERS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        lower, lemmas = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="LEMMA")
        plain, full = _AnchoredMatcher(vocab), _AnchoredMatcher(vocab)
        for rule in _rules().values():
            if rule.pattern is None:
                attr = "LEMMA" if rule.lemma else "LOWER"
                forms = [_literal_words(rule.literal or "")]
            else:
                attr, forms = _phrase_forms(rule.pattern) or (None, [])
            if attr == "LEMMA":
                lemmas.add(rule.id, [Doc(vocab, words=f, lemmas=f) for f in forms])
            elif attr == "LOWER":
                lower.add(rule.id, [Doc(vocab, words=f) for f in forms])
            else:
                full.add(rule.id, _token_patterns(rule))
                if not rule.needs_annotation:
                    plain.add(rule.id, _token_patterns(rule))
        entry = (vocab, _Matchers(lower, plain), _Matchers(lower, lemmas, full))
        with _LOCK:
            _MATCHERS[id(vocab)] = entry
    return entry[1], entry[2]


def reset_cache() -> None:
    """Forget the loaded rules, matchers, lexicon and weights (after editing a rule file)."""
    global _RULES, _WEIGHTS, _GOV, _NOT_DENIED
    with _LOCK:
        _RULES = None
        _WEIGHTS = None
        _GOV = None
        _NOT_DENIED = None
        _LEX_WORDS.clear()
        _MATCHERS.clear()


# ---------------------------------------------------------------- matching


def _has(doc: Doc, attr: str) -> bool:
    return doc.has_annotation(attr)


_MATCH_KEY = "claimsift_cue_matches"


def _doc_matches(doc: Doc) -> list[tuple[int, int, int]]:
    """Every raw cue match in the doc (cached on the doc)."""
    cached = doc.user_data.get(_MATCH_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    bare, annotated = _matchers(doc.vocab)
    raw = None
    if _has(doc, "LEMMA") and _has(doc, "POS"):
        try:
            raw = [tuple(m) for m in annotated(doc)]
        except ValueError:  # partial annotation
            raw = None
    if raw is None:
        raw = [tuple(m) for m in bare(doc)]
    doc.user_data[_MATCH_KEY] = (len(doc), raw)
    return raw


def find_cues(doc_or_span: Union[Doc, Span]) -> list[CueMatch]:
    """All cue matches in a doc or span, token indices in the doc.

    Overlapping matches are resolved ConText-style: the longest wins ("not
    only" is a pseudo cue, not a negation; "not likely" beats "not" and
    "likely"), ties go to the earlier match.
    """
    doc = doc_or_span.doc if isinstance(doc_or_span, Span) else doc_or_span
    offset = doc_or_span.start if isinstance(doc_or_span, Span) else 0
    if len(doc_or_span) == 0:
        return []
    rules = _rules()
    end = offset + len(doc_or_span)
    # the matchers run once per doc; a span takes the matches inside it,
    # which is what matching the span itself would give
    raw = [(m, s, e) for m, s, e in _doc_matches(doc) if offset <= s and e <= end]
    has_pos, has_dep = _has(doc, "POS"), _has(doc, "DEP")
    found: list[tuple[int, int, CueRule]] = []
    for match_id, s, e in raw:
        rule = rules[doc.vocab.strings[match_id]]
        first = doc[s]
        if _in_name(doc, s, e):
            continue  # "No Games Port Calder said …": a word of a name is no cue
        if rule.pos and has_pos and first.pos_ not in rule.pos:
            continue
        if rule.dep and has_dep and first.dep_ not in rule.dep:
            continue
        found.append((s, e, rule))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: set[int] = set()
    out: list[CueMatch] = []
    for s, e, rule in found:
        if any(i in taken for i in range(s, e)):
            continue
        taken.update(range(s, e))
        out.append(CueMatch(s, e, rule.category, rule.id, rule.direction, rule.max_scope))
    out.sort(key=lambda c: (c.start, c.end))
    return out


_NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP", "LOC"})


def _in_name(doc: Doc, start: int, end: int) -> bool:
    """Do the tokens lie inside a name: a named entity whose head is a proper
    noun, the cue words capitalized ("No Games Port Calder", "the Never
    Again Coalition")?"""
    if not _has(doc, "ENT_IOB"):
        return False
    toks = doc[start:end]
    return all(t.ent_type_ in _NAME_ENTS and t.is_title for t in toks) and any(
        t.ent_type_ and t.head.pos_ == "PROPN" and t.head.ent_type_ == t.ent_type_ for t in toks)


def _rule(cue: CueMatch) -> CueRule:
    return _rules()[cue.rule_id]


# ---------------------------------------------------------------- scope

# Dependents that attach to the clause they modify: climb to their head.
_CLIMB = {"aux", "auxpass", "neg", "advmod", "mark", "prt", "det", "predet",
          "npadvmod", "acomp", "quantmod", "preconj", "expl", "intj"}
# A negator on a subject negates its clause ("no one was hurt", "nothing
# changed"); an object's "no" stays on the noun ("had no qualms").
_CLIMB_NOMINAL = {"nsubj", "nsubjpass"}
# Relations a cue's scope does not cross.
_BLOCK = {"relcl", "parataxis", "advcl", "appos", "acl", "list", "dep"}
# Relations along which negation reaches an embedded event; through a
# "ccomp" only below neg-raising predicates ("I don't think X" = PR- X).
_NEG_CLAUSAL = {"xcomp", "acomp", "pcomp"}
# "I *will* say X", "I'*d* say X", "we *can* tell you X": a frame around the speaker's claim
_FRAME_MODALS = frozenset({"will", "'ll", "would", "'d", "can", "could"})
# Relations along which a complement-taking cue ("deny", "suggest", "plan")
# reaches the event it embeds.
_COMPLEMENT = {"ccomp", "xcomp", "pcomp", "prep", "conj", "acomp", "auxpass", "oprd"}
_SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_HEDGE_MODALS = {"could", "may", "might", "would", "can", "ca", "should", "'d"}
# The prepositions through which a cue noun takes its event: "fears *of* X",
# "worries *over* X", "the chance *of* X".
_NOUN_COMPLEMENT_PREPS = {"of", "over", "about"}


def _npi_noun(tok: Token) -> bool:
    """A noun with a negative-polarity determiner ("any changes", "further comment")."""
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ == "any" for c in tok.children)


def _cue_head(doc: Doc, cue: CueMatch) -> Token:
    span = doc[cue.start:cue.end]
    if _has(doc, "DEP"):
        return span.root
    return span[0]


def _anchor(tok: Token, category: str) -> Token:
    # "no" on a possessor ("no women's record") but not "no man's land", nor
    # a phrase with a determiner of its own ("the no man's land")
    from_no = (tok.lower_ == "no" and tok.dep_ == "det" and tok.head.dep_ == "poss"
               and not (tok.head.lower_ == "man" and tok.head.head.lower_ == "land")
               and not any(c.dep_ == "det" for c in tok.head.head.children))
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        if (category == "negation" and tok.dep_ == "poss" and (tok.lower_ in _NEG_PRONOUNS or from_no)
                and tok.head.dep_ in _CLIMB_NOMINAL):
            # "*Nobody's* data has turned up", "*no* women's record has been
            # rejected": the subject the possessor's phrase belongs to
            tok = tok.head
        elif tok.dep_ in _CLIMB:
            tok = tok.head
        elif (category == "negation" and tok.pos_ in ("PRON", "DET", "NOUN", "PROPN", "NUM")
              and tok.dep_ in _CLIMB_NOMINAL):
            tok = tok.head
        elif category == "negation" and tok.dep_ in ("attr", "acomp") and tok.head.lemma_ == "be" \
                and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            tok = tok.head  # 'it was "*not* a subject of the investigation"': the copula's clause
        elif (category == "negation" and tok.lower_ in ("one", "single", "a", "an")
              and tok.dep_ in ("nummod", "amod", "det") and tok.head.pos_ in ("NOUN", "PROPN")
              and not any(c.dep_ in ("cc", "conj") for c in list(tok.children) + list(tok.head.children))):
            # (not "*not one but three* bridges": a contrast, no negation)
            tok = tok.head  # "*Not one* cent goes to the fund", "not a single game": the noun's clause
        else:
            break
    if category == "negation" and tok.dep_ == "prep" and (
            tok.head.lemma_ == "be" or (tok.i < tok.head.i and tok.head.pos_ in ("VERB", "AUX"))):
        tok = tok.head  # "was not for sale", "was in no hurry": the copula clause; "should never
        # by itself justify", "will under no circumstances approve": the verb the phrase precedes
    return tok


def _own_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJ for c in tok.children)


def _scope_root(doc: Doc, cue: CueMatch) -> Token:
    rule = _rule(cue)
    head = _cue_head(doc, cue)
    if rule.target == "complement":
        return head
    root = _anchor(head, cue.category)
    if cue.category == "conditional" and root.head.i != root.i and (
            root.i == head.i or root.dep_ == "advcl"):
        root = root.head  # "would ... if": the main clause and the if-clause
    return root


def _terminated(doc: Doc, cue: CueMatch, target: Token, terminators: Sequence[CueMatch]) -> bool:
    lo, hi = (cue.end, target.i) if target.i >= cue.end else (target.i + 1, cue.start)
    return any(lo <= t.start and t.end <= hi and not _nested(doc[t.start], target)
               for t in terminators)


def _nested(tok: Token, target: Token) -> bool:
    """Is ``tok`` inside a relative clause or apposition that ``target`` is not in?

    "whether the family, which controls a third, supports a sale": the "which"
    of the relative clause does not end the scope of "whether".
    """
    if not _has(tok.doc, "DEP"):
        return False
    for _ in range(32):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "appos", "acl"):
            return not (tok.left_edge.i <= target.i <= tok.right_edge.i)
        tok = tok.head
    return False


def covers(doc: Doc, cue: CueMatch, target: Token,
           terminators: Sequence[CueMatch] = (), strict_negation: bool = True) -> bool:
    """Does ``cue`` scope over the event headed by ``target``?"""
    return cover_path(doc, cue, target, terminators, strict_negation) is not None


def cover_path(doc: Doc, cue: CueMatch, target: Token,
               terminators: Sequence[CueMatch] = (),
               strict_negation: bool = True) -> tuple[str, ...] | None:
    """The dependency path by which ``cue`` reaches ``target``, or None.

    The path lists the relations from ``target`` up to the cue's scope root
    (empty: the cue's own clause, or a doc without a parse). With
    ``strict_negation=False`` a negation reaches down any unblocked path, as a
    hedge does: inside one claim's content an embedded negated clause is the
    claim itself ("that fares will not change", even when misparsed).
    """
    if cue.category in ("pseudo", "terminate"):
        return None
    rule = _rule(cue)
    parsed = _has(doc, "DEP")
    if cue.start <= target.i < cue.end:
        # A cue word does not qualify its own event, except the verb a
        # negating adverb in the same cue modifies: "*nearly broke* the record".
        if (parsed and cue.category == "negation" and rule.target == "clause"
                and target.i > cue.start and doc[cue.start].head.i == target.i
                and doc[cue.start:cue.end].root.i == target.i):
            return ()
        return None
    if rule.target == "argument":
        if not parsed:
            return None
        head = _cue_head(doc, cue)
        verb = head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head  # "to impede or *delay* the ruling"
        if has_to_infinitive(verb) or any(c.dep_ == "aux" and c.lower_ in _HEDGE_MODALS for c in verb.children):
            return None  # only aimed at or possible: "seek *to delay* the ruling", "flaws that *could delay* the launch"
        if target.head.i == head.i and target.dep_ in ("dobj", "nsubjpass"):
            return ()
        if (target.dep_ == "compound" and target.head.head.i == head.i
                and target.head.dep_ in ("dobj", "nsubjpass")):
            return ()  # "a *memorial* service ... was canceled"
        if head.head.i == target.i and head.dep_ in ("amod", "acl") and not has_to_infinitive(head) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children):
            return ()  # "the *cancelled* flight", not "a plan *to cancel* it", nor the
            # noun's own content clause: "the claim that the program *had failed*"
        if (head.pos_ == "NOUN" and target.dep_ == "pobj" and target.head.head.i == head.i
                and target.head.lower_ in ("of", "in", "to", "on", "for")):
            return ()  # "the cancellation *of the tour*", "a delay *in delivery*"
        return None
    root = _scope_root(doc, cue)
    path: list[str] = []
    if parsed:
        if target.i == root.i and rule.target == "clause":
            return ()  # the clause the cue attaches to, in any order
        if (cue.category == "negation" and rule.target == "clause"
                and _cue_head(doc, cue).dep_ in ("det", "amod")
                and (_cue_head(doc, cue).head.i == target.i
                     or (target.dep_ == "compound" and _cue_head(doc, cue).head.i == target.head.i))):
            return ()  # "no conclusion", "no one", "no *takeover* bids": the noun the negator determines
        t = target
        for _ in range(64):
            if t.i == root.i:
                break
            if t.head.i == t.i:
                return None
            dep = t.dep_
            if dep in _BLOCK and cue.category != "conditional" and not (
                    rule.target == "complement" and t.head.i == root.i
                    and (dep == "acl" or _content_clause(t))):
                return None  # ("no evidence that X": the noun's own complement clause)
            if dep == "conj" and _own_subject(t):
                return None
            if (dep == "conj" and t.head.i == root.i and t.pos_ in ("VERB", "AUX")
                    and _cue_head(doc, cue).dep_ in ("acomp", "attr") and _cue_head(doc, cue).head.i == root.i):
                return None  # "aid was *unlikely* before the fall and *might not come*": the
                # adjective is the first predicate only
            if rule.target == "complement" and t.head.i == root.i and (
                    dep in _SUBJ or dep in ("conj", "cc")):
                return None  # "failed to X and filed": the conjunct is not embedded
            if (rule.target == "complement" and dep == "pobj" and t.head.i == root.i
                    and root.pos_ == "ADP"):
                pass  # "without a *hearing*": the preposition's own object
            elif (rule.target == "complement" and dep == "pobj" and root.pos_ == "NOUN"
                    and cue.category in ("probable", "possible", "unknown")
                    and t.head.head.i == root.i and t.head.lower_ in _NOUN_COMPLEMENT_PREPS):
                pass  # hedge nouns: "fears *of a recession*", "the chance of *rain*"
                # (not "disputes over *repayment*": a quarrel denies nothing)
            elif rule.target == "complement" and t.head.i == root.i and _content_clause(t):
                pass  # "a real chance *the bridge will close*"
            elif rule.target == "complement" and dep not in _COMPLEMENT:
                return None  # "rejected the proposal": nominal objects are not events it embeds
            if (cue.category == "negation" and rule.target == "complement" and dep == "ccomp"
                    and t.head.i != root.i and t.head.lemma_.lower() not in _lexicon_words("neg_raising")):
                return None  # "too early to assume that X": X is not negated
            if cue.category == "negation" and rule.target == "clause" and strict_negation:
                # Negation reaches embedded clauses, not nominal arguments
                # ("did not return phone calls"), nor the content of a plain
                # verb ("did not say when it occurred"), only through
                # neg-raising predicates ("does not think X").
                if dep == "ccomp":
                    if t.head.lemma_.lower() not in _lexicon_words("neg_raising"):
                        return None
                elif dep in ("dobj", "attr", "pobj", "prep") and _npi_noun(target):
                    pass  # "did not result in any changes", "there isn't any plan"
                elif dep == "conj" and _disjoined(t):
                    pass  # "had not admitted a role *or implicated* anyone"
                elif dep not in _NEG_CLAUSAL:
                    return None
            path.append(dep)
            t = t.head
        else:
            return None
    # ConText window: direction, max scope, terminators.
    if target.i >= cue.end:
        if cue.direction == "backward" and not parsed:
            return None
        gap = target.i - cue.end
    else:
        if cue.direction == "forward" and not parsed:
            return None
        gap = cue.start - target.i - 1
    if cue.direction == "forward" and target.i < cue.start and rule.target == "complement":
        return None
    if cue.direction == "backward" and target.i >= cue.end and rule.target == "complement":
        return None
    if cue.max_scope is not None and gap > cue.max_scope:
        return None
    if _terminated(doc, cue, target, terminators):
        return None
    return tuple(path)


def _disjoined(tok: Token) -> bool:
    """Is conjunct ``tok`` joined to its head by "or" / "nor", sharing its
    subject? Then a negation of the head covers it ("did not admit X or
    implicate Y"); after "and" it does not ("did not eat and left")."""
    if _own_subject(tok):
        return False
    head = tok.head
    ccs = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < tok.i]
    return bool(ccs) and ccs[-1].lower_ in ("or", "nor")


def _modifies(doc: Doc, neg: CueMatch, other: CueMatch) -> bool:
    """Is negation ``neg`` attached to the cue word ``other`` itself?

    "did not deny", "not confirmed", "is not certain" (copula), "not sure".
    """
    n = _cue_head(doc, neg)
    o = _cue_head(doc, other)
    if neg.end == other.start:
        return True
    if not _has(doc, "DEP"):
        return False
    if n.head.i == o.i and n.dep_ in ("neg", "advmod", "aux", "det"):
        return True
    return n.head.i == o.head.i and o.dep_ in ("acomp", "attr", "xcomp") and n.head.i != n.i


# ---------------------------------------------------------------- assess


def _content_head(span: Span, cue_token: Token | None = None) -> Token:
    """The head of the claim content: its first verb whose head lies
    outside it. A cue inside the content (a split quote joined around
    '"If A," said X, "B"') is no part of it: its clauses are the content's
    roots, the reported one (not the adverbial clause) first."""
    if not _has(span.doc, "DEP"):
        return span[0]
    if (cue_token is not None and span.start <= cue_token.i < span.end
            and (cue_token.head.i == cue_token.i or not span.start <= cue_token.head.i < span.end)):
        # (the cue heads the sentence, not "If A, he said, B" with the cue hung on B)
        subject = {t.i for c in cue_token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        parts = [t for t in span if t.head.i == cue_token.i and t.i != cue_token.i and t.i not in subject
                 and t.pos_ in ("VERB", "AUX")]
        if parts:
            return min(parts, key=lambda t: (t.dep_ in ("advcl", "prep", "mark"), t.i))
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
    if verbs and (real := verb_after_participle_aside(verbs[0])) is not None and span.start <= real.i < span.end:
        return real  # "an increase, phased in over three years, could reduce hours": not the aside's participle
    return (verbs or roots or [span.root])[0]


def _embedded(tok: Token, lo: int, hi: int) -> list[Token]:
    """Clausal complements of ``tok`` (and of its predicate adjective)."""
    out = []
    heads = [tok] + [c for c in tok.children if c.dep_ in ("acomp", "attr")]
    for h in heads:
        for c in h.children:
            if (c.dep_ in ("ccomp", "xcomp") or _content_clause(c)) and lo <= c.i < hi:
                out.append(c)
    return out


_RELATIVIZERS = {"that", "which", "who", "whom", "whose", "where", "when", "what"}


def _content_clause(tok: Token) -> bool:
    """A noun's content clause, not a relative clause: "a chance (that) *the
    bridge will close*" (a subject of its own, no relative pronoun)."""
    if tok.dep_ not in ("acl", "relcl") or tok.head.pos_ != "NOUN":
        return False
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return True
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subj) and all(c.lower_ not in _RELATIVIZERS for c in subj) and not any(
        c.lower_ in _RELATIVIZERS and c.i < tok.i and c.dep_ in ("dobj", "advmod", "pobj")
        for c in tok.children)


def _targets(doc: Doc, head: Token, cues: Sequence[CueMatch], lo: int, hi: int) -> list[Token]:
    """The claim's head, plus the complements of hedge predicates heading it.

    "it appears that X might not enter", "production is expected to commence",
    "it remains unclear whether X": the claim is about the embedded event.
    """
    targets = [head]
    frontier = [head]
    for _ in range(4):
        nxt = []
        for t in frontier:
            words = [t] + [c for c in t.children if c.dep_ in ("acomp", "attr")]
            if any(_hedge_at(cues, w.i) for w in words) or _own_report(t):
                nxt += _embedded(t, lo, hi)
        if not nxt:
            break
        targets += nxt
        frontier = nxt
    return targets


def _own_report(tok: Token) -> bool:
    """A speaker's report of their own words inside the claim, "*I will say*
    the costs are likely to X", "*I'm saying* we haven't X", "*I couldn't
    tell you* whether X": the claim is the reported clause, so its hedges
    count (not a past report, "We have never said X")."""
    if not (tok.lemma_.lower() in _governor_words()["report"] and has_first_person_subject(tok)
            and (tok.tag_ == "VBG" or (tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in _FRAME_MODALS
                                                                for c in tok.children)))):
        return False
    # a negated frame reports nothing ("I will not say the plan is likely to
    # fail"), except the open question it leaves ("I couldn't tell you whether X")
    return not any(c.dep_ == "neg" for c in tok.children) or any(
        c.dep_ == "ccomp" and c.doc[c.left_edge.i].lower_ in _WH_OPENERS for c in tok.children)


def has_first_person_subject(verb: Token) -> bool:
    """'*I* will say', '*we* may never know': the speaker talks of themselves."""
    return any(c.dep_ == "nsubj" and c.lower_ in lexicon().first_person for c in verb.children)


def _hedge_at(cues: Sequence[CueMatch], i: int) -> CueMatch | None:
    for c in cues:
        if c.start <= i < c.end and c.category in EPISTEMIC and _rule(c).epistemic:
            return c
    return None


def _char_cue(doc: Doc, cue: CueMatch, category: str | None = None) -> CertaintyCue:
    span = doc[cue.start:cue.end]
    return CertaintyCue(text=span.text, category=category or cue.category,
                        start=span.start_char, end=span.end_char)


class _Tally:
    """Combines applied cues: weakest level wins, negations count by parity."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.rank = 0
        self.negations = 0
        self.hypothetical = False
        self.cues: list[CertaintyCue] = []
        self._seen: set[tuple[int, int]] = set()
        self._negated: list[tuple[int, int]] = []  # token ranges of the negations counted

    def _coordinated_negation(self, cue: CueMatch) -> bool:
        """Does the negation repeat one on a coordinated auxiliary ("cannot
        and will not match", "has not and will not")? One denial, not two."""
        for s, e in self._negated:
            lo, hi = (e, cue.start) if e <= cue.start else (cue.end, s)
            between = self.doc[lo:hi]
            if 0 < len(between) <= 4 and any(t.pos_ == "CCONJ" for t in between) \
                    and all(t.pos_ in ("CCONJ", "AUX", "PUNCT") for t in between):
                return True
        return False

    def record(self, cue: CueMatch, category: str | None = None) -> None:
        if (cue.start, cue.end) not in self._seen:
            self._seen.add((cue.start, cue.end))
            self.cues.append(_char_cue(self.doc, cue, category))

    def level(self, level: str) -> None:
        self.rank = max(self.rank, _RANK[level])

    def apply(self, cue: CueMatch) -> None:
        rule = _rule(cue)
        if cue.category in LEVEL_OF:
            self.level(LEVEL_OF[cue.category])
            if rule.polarity == "negative":
                self.negations += 1
        elif cue.category == "negation":
            if not self._coordinated_negation(cue):
                self.negations += 1
                self._negated.append((cue.start, cue.end))
        elif cue.category == "conditional":
            self.hypothetical = True
        else:
            return
        self.record(cue)

    def certainty(self) -> Certainty:
        level = next(k for k, v in _RANK.items() if v == self.rank)
        # FactBank's Uu has no polarity: "did not say whether X" is unknown.
        polarity = "negative" if self.negations % 2 and level != "unknown" else "positive"
        self.cues.sort(key=lambda c: c.start)
        return Certainty(level=level, polarity=polarity,
                         factuality=factuality_value(level, polarity),
                         hypothetical=self.hypothetical, cues=self.cues)


# Words opening an indirect question: "did not say *when* the plant reopens".
_WH_OPENERS = frozenset({"whether", "if", "when", "why", "how", "where", "what", "who", "which"})

# The verbs whose cue complement is a non-answer: "refused / declined /
# failed to confirm X" (not "stopped insisting that X"). Attribution uses
# them too ("refused to rule out X" is one claim).

# "did not deny that X": no denial, but no commitment either.
NOT_DENIED_LEVEL = "possible"


def _apply_all(doc: Doc, tally: _Tally, applied: list[CueMatch]) -> None:
    """Apply cues, letting a negation act on the cue word it is attached to.

    not + booster ("not confirmed", "not sure")   -> unknown
    not + negation verb ("did not deny")          -> no denial: possible, positive
    not + probable/possible ("don't think")       -> polarity flips (PR-)
    """
    consumed: set[CueMatch] = set()
    negs = [c for c in applied if c.category == "negation" and _rule(c).target == "clause"]
    for n in negs:
        for o in applied:
            if o is n or o in consumed or n in consumed:
                continue
            if o.category == "booster" and _modifies(doc, n, o):
                consumed.update((n, o))
                tally.level("unknown")
                tally.record(n)
                tally.record(o, "unknown")
            elif o.category == "negation" and _rule(o).target == "complement" and _modifies(doc, n, o):
                consumed.update((n, o))
                tally.level(NOT_DENIED_LEVEL)
                tally.record(n)
                tally.record(o, NOT_DENIED_LEVEL)
    for c in applied:
        if c not in consumed:
            tally.apply(c)


def _sentence_bounds(doc: Doc, tokens: Iterable[Token]) -> tuple[int, int]:
    lo, hi = len(doc), 0
    for t in tokens:
        try:
            sent = t.sent
            lo, hi = min(lo, sent.start), max(hi, sent.end)
        except ValueError:  # no sentence boundaries
            lo, hi = 0, len(doc)
    return (0, len(doc)) if lo >= hi else (lo, hi)


def assess(doc: Doc, start: int, end: int, cue_token: Token | None = None,
           extra_tokens: Sequence[Token] = ()) -> Certainty:
    """Certainty of the claim content ``doc[start:end]``.

    ``cue_token`` is the attribution verb ("said", "denied", "believes"; None
    for AUTHOR claims and "according to"); ``extra_tokens`` are further words
    of the attribution frame whose cues count ("as far as I know", "I think").
    Only cues in the claim's scope count: inside the content and scoping
    over its head, attached to the cue verb, or among ``extra_tokens``.
    """
    start, end = max(0, start), min(len(doc), end)
    if start >= end:
        return Certainty()
    span = doc[start:end]
    head = _content_head(span, cue_token)
    extra = list(extra_tokens)
    anchors = [span[0], span[-1]] + ([cue_token] if cue_token is not None else []) + extra
    lo, hi = _sentence_bounds(doc, anchors)
    cues = find_cues(doc[lo:hi])
    terminators = [c for c in cues if c.category == "terminate"]
    targets = _targets(doc, head, cues, start, end)
    extra_idx = {t.i for t in extra}

    cue_match = None
    if cue_token is not None:
        cue_match = next((c for c in cues if c.start <= cue_token.i < c.end), None)

    tally = _Tally(doc)
    applied: list[CueMatch] = []
    cue_negations: list[CueMatch] = []
    refused = False  # the cue verb is the complement of "refused / declined / failed to" (refusal_verbs())
    for c in cues:
        if c is cue_match or c.category in ("pseudo", "terminate"):
            continue
        if not _claim_level_cue(doc, c):
            continue  # deontic: "a seat with a damaged buckle should not be used"; "the roads will be clear"
        in_content = start <= c.start and c.end <= end
        if in_content:
            if c.start <= head.i < c.end and (
                    (c.category in EPISTEMIC and _rule(c).epistemic)
                    or (c.category == "negation" and _rule(c).target == "clause")):
                if _rule(c).target == "complement" and _has(doc, "DEP") and not any(
                        ch.dep_ in _COMPLEMENT | {"dobj", "attr", "pobj"} and start <= ch.i < end
                        for ch in head.children):
                    continue  # "he would not speculate": a hedge verb with nothing to hedge
                applied.append(c)  # headed by a hedge or negated frame: "there was no evidence that"
            elif c.category == "negation" and _negated_free_relative(doc, c, head):
                applied.append(c)  # "What we can't offer is a road out": the road is not offered
            elif any(covers(doc, c, t, terminators, strict_negation=False) for t in targets):
                applied.append(c)
            continue
        if extra_idx and any(c.start <= i < c.end for i in extra_idx):
            applied.append(c)
            continue
        if not _has(doc, "DEP") or start <= c.start < end:
            continue
        if cue_token is not None and _anchor(_cue_head(doc, c), c.category).i == cue_token.i:
            # attached to the cue verb: "has not disclosed", "may have said"
            if _across_quote(doc, c, cue_token):
                continue  # '"I never X. *Not* that night," Dunmore said': another quoted sentence's word
            if c.category == "negation":
                if _second_subject(doc, c, cue_token):
                    continue  # '"…, none at all," Calloway said': the quote's word read as the cue's subject
                cue_negations.append(c)
            elif c.category in EPISTEMIC or c.category == "conditional":
                applied.append(c)
        elif (cue_token is not None and c.category in EPISTEMIC and _rule(c).epistemic
              and cue_match is not None and cue_match.category in EPISTEMIC
              and _cue_head(doc, c).dep_ in ("acomp", "oprd") and _cue_head(doc, c).head.i == cue_token.i):
            applied.append(c)  # "it appears *unlikely* that X": the hedge verb's own predicate
        elif (cue_token is not None and c.category == "negation" and _rule(c).target == "complement"
              and cue_token.dep_ == "xcomp" and _cue_head(doc, c).i == cue_token.head.i
              and (doc[start].lower_ in _WH_OPENERS or cue_token.head.lemma_.lower() in refusal_verbs())):
            # "declined / refused to say how much X", "refused to say that X":
            # a non-answer; "declined to confirm X" as "did not confirm",
            # "refused to deny X" as "did not deny"
            cue_negations.append(c)
            refused = cue_token.head.lemma_.lower() in refusal_verbs()
        elif covers(doc, c, head, terminators):
            # governs the content from outside: "it's reasonable to assume that [X]"
            applied.append(c)
    applied += [c for c in cues if c not in applied and start <= c.start and c.end <= end
                and (any(_denies_object(doc, c, t) for t in targets) or _conditions_predicate(doc, c, head)
                     or _conditions_across_cue(doc, c, head, cue_token))]
    # (the targets: "the lease seems to have *no exit clause*" denies one too)
    _apply_all(doc, tally, applied)

    # The cue verb's own certainty, and negation of the cue verb.
    category = cue_match.category if cue_match is not None else None
    if cue_negations:
        n = cue_negations[0]
        tally.record(n)
        if category == "booster":
            tally.level("unknown")  # "did not confirm X"
            tally.record(cue_match, "unknown")
        elif category == "negation":
            tally.level(NOT_DENIED_LEVEL)  # "did not deny X"
            tally.record(cue_match, NOT_DENIED_LEVEL)
        elif category == "unknown":
            tally.level("unknown")
            tally.record(cue_match)
        elif doc[start].lower_ in _WH_OPENERS or refused:
            tally.level("unknown")  # "did not say when / if X", "refused to say / predict that X": nothing was said
            tally.record(n, "unknown")
        else:
            if category in LEVEL_OF and _rule(cue_match).epistemic:
                tally.apply(cue_match)  # "does not believe X": PR-
            tally.negations += 1  # "has not disclosed X": CT-
    elif cue_match is not None and _rule(cue_match).epistemic:
        # (an intention verb as cue, "asked the company to reimburse", is no hedge)
        tally.apply(cue_match)
    return tally.certainty()


_TIME_ADVERBS = frozenset({"first", "again", "once", "twice", "later", "soon", "then", "also", "only", "still",
                           "already", "never", "often", "now", "just", "here", "there", "today", "yesterday",
                           "yet", "briefly", "together", "tonight"})


def _claim_level_cue(doc: Doc, cue: CueMatch) -> bool:
    """Does the cue count for a claim's level (see ``predicts``,
    ``over_clause`` and ``needs_complement`` of :class:`CueRule`)?"""
    rule = _rule(cue)
    if rule.predicts is not None and not _prediction(doc, cue):
        return False
    if rule.needs_complement and _has(doc, "DEP"):
        # only a subject and adjuncts of time or place: showing up (the parser
        # may read a predicate as an adverb: "appears *tight*")
        verb = doc[cue.start]
        adjuncts = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "npadvmod", "advcl", "cc", "conj",
                    "mark", "dep"}
        if all(c.dep_ in adjuncts or (c.dep_ == "prep" and c.lower_ != "like")
               or (c.dep_ == "advmod" and c.tag_ in ("RB", "RBR", "RBS", "WRB")
                   and (c.lower_.endswith("ly") or c.lower_ in _TIME_ADVERBS)) for c in verb.children):
            return False  # ("appeared as a witness", "first appeared last spring")
    if rule.over_clause and _has(doc, "DEP"):
        adj = doc[cue.end - 1]
        verb = adj.head if adj.dep_ in ("acomp", "oprd") else adj
        clausal = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in list(adj.children) + list(verb.children))
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not clausal and subj is not None and subj.lower_ not in ("it", "this", "that", "what"):
            return False
    return True


def _conditions_across_cue(doc: Doc, cue: CueMatch, head: Token, cue_token: Token | None) -> bool:
    """A split quote joined around its cue ('"The deal will die," Ruiz
    said, "if the lenders walk away."'): the condition's clause hangs on the
    cue, beside the content's head, and conditions it."""
    if cue.category != "conditional" or cue_token is None or not _has(doc, "DEP"):
        return False
    clause = doc[cue.start].head
    return clause.head.i == cue_token.i and head.head.i == cue_token.i and clause.i != head.i


def _prediction(doc: Doc, cue: CueMatch) -> bool:
    """Is a ``predicts`` modal a prediction: the verb it modifies is one of
    the rule's lemmas with no object, or a date or time is set on that verb
    (before or after the modal)? Without a parse it counts."""
    if not _has(doc, "DEP"):
        return True
    verb = doc[cue.start].head
    if verb.i == cue.start:
        return True
    if verb.lemma_.lower() in _rule(cue).predicts and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return True  # ("owners should *return the seats*": advice)
    for c in verb.children:  # a time the verb itself is set at ("reopen *next week*", "by June", "by June ... should")
        if c.dep_ in ("npadvmod", "advmod") and c.ent_type_ in ("DATE", "TIME"):
            return True
        if c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in c.children):
            return True  # (not "every model built *since 2021*": the object's own date)
    return False


def _negated_free_relative(doc: Doc, cue: CueMatch, head: Token) -> bool:
    """A pseudo-cleft whose 'what' clause is negated: "What nobody has shown
    is that X", "What we can't offer is a road out" (the copula's subject
    clause, opened by 'what', holds the negation)."""
    if not _has(doc, "DEP") or head.lemma_ != "be":
        return False
    subj = next((c for c in head.children if c.dep_ == "csubj" and c.i < head.i), None)
    if subj is None or doc[subj.left_edge.i].lower_ != "what" or subj.lemma_.lower() not in _lexicon_words("free_relative_verbs"):
        return False  # (not "What nobody expected was that X": X happened)
    tok = _cue_head(doc, cue)
    return subj.left_edge.i <= tok.i <= subj.right_edge.i and (tok.i == subj.i or tok.head.i == subj.i)


def _across_quote(doc: Doc, cue: CueMatch, cue_token: Token) -> bool:
    """Is ``cue`` inside a quotation (of a few words at least) that the cue
    verb is outside of? It is then a word of the quoted sentences the
    parser hung on the verb, not of the attribution frame ('"I never X.
    *Not* that night," Dunmore said'); a scare-quoted word is the frame's
    ('has "never" said', 'has not "officially" announced')."""
    from .attribution import quote_ranges  # (attribution imports this module)
    at, verb = doc[cue.start].idx, cue_token.idx
    for s, e in quote_ranges(doc):
        if s <= at < e:
            return not s <= verb < e and len(doc.char_span(s, e, alignment_mode="expand") or ()) > 2
    return False


def _second_subject(doc: Doc, cue: CueMatch, cue_token: Token) -> bool:
    """A negative pronoun the parser made a subject of the cue verb that
    already has one ("none" in '"…, none at all," Calloway said')."""
    tok = doc[cue.start]
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i for c in cue_token.children)


def _denies_object(doc: Doc, cue: CueMatch, head: Token) -> bool:
    """Is ``cue`` a negator of the claim head's object: "the carrier has *no
    plans* to cut routes", "found *no evidence* that", "the injury was
    *nothing* serious"? The claim then says something is not so.

    ("no doubt" is a pseudo cue and never reaches here; "no question" and
    the like are kept out by the ``not_denied`` nouns of
    ``models/factuality_lexicon.json``.)
    """
    if cue.category != "negation" or _rule(cue).target == "argument" or not _has(doc, "DEP"):
        return False
    tok = _cue_head(doc, cue)
    if tok.dep_ == "det" and tok.head.lemma_.lower() not in _not_denied():
        tok = tok.head
    if (tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" and tok.head.pos_ == "ADJ"
            and tok.head.head.i == head.i and head.lemma_.lower() == "have"):
        return _negative_nominal(tok)  # "the county had *no other operator* ready to step in": a small-clause object
    return tok.dep_ in ("dobj", "attr") and tok.head.i == head.i and _negative_nominal(tok)


# Relations inside one predicate: "may have [the blaze contained] by Thursday
# if the winds ease" -- the if-clause attaches to the object's complement.
_PREDICATE_PARTS = {"dobj", "acl", "xcomp", "oprd", "acomp", "attr"}


def _conditions_predicate(doc: Doc, cue: CueMatch, head: Token) -> bool:
    """Is conditional ``cue`` attached inside the claim head's own predicate
    (its object, the object's complement, an xcomp), not a relative clause?"""
    if cue.category != "conditional" or not _has(doc, "DEP"):
        return False
    t = _scope_root(doc, cue)
    for _ in range(4):
        if t.i == head.i:
            return True
        if t.dep_ not in _PREDICATE_PARTS or t.head.i == t.i:
            return False
        t = t.head
    return False


def epistemic_cues(doc: Doc, start: int, end: int) -> list[CueMatch]:
    """Hedge, booster and unknown cues in ``doc[start:end]``.

    An unattributed clause with one of these is an AUTHOR claim ("it is
    likely to", "could return", "may not return", "remains uncertain");
    plain narration has none.
    """
    start, end = max(0, start), min(len(doc), end)
    if start >= end:
        return []
    return [c for c in find_cues(doc[start:end])
            if c.category in EPISTEMIC and _rule(c).epistemic
            and _claim_level_cue(doc, c)]  # (not a deontic "should", not "the roads will be clear")


# ---------------------------------------------------------------- benchmark

# Benchmark calibration: the score of each reading on the -3..3 scale. The
# level x polarity part is FactBank's; the structural readings (no cue word)
# mark events the text does not present as having happened: infinitival and
# other prospective complements ("plans *to build*"), events under a modal
# that is not a hedge ("would", "can", "must"). Values hand-picked from a
# coordinate search on the UW and MEANTIME train+dev splits (never test);
# they only shape factuality_of_token (as its ``base`` feature, see
# factuality_features), not assess().
BENCH_SCORES: dict[str, float] = {
    "certain": 3.0,
    "probable": 2.2,
    "possible": 1.2,
    "unknown": 1.0,          # UW annotators put "whether" clauses near +1
    "negative_scale": 1.0,   # negative readings: -(positive score) * scale
    "hypothetical": 1.6,     # cap for conditionals
    "prospective": 1.8,      # cap for "to VERB" complements without a cue
    "modal": 1.5,            # cap under would/can/must
    "modal_will": 2.7,       # future "will"
    "negative_prospective": 2.5,  # "refused to X", "will not X"
    "nominal": 2.8,          # event nouns are often generic or unrealized
    "reported": 2.8,         # reported content: the author does not vouch for it
}
_MODALS = {"would": "would", "'d": "would", "can": "can", "ca": "can", "must": "must",
           "will": "will", "'ll": "will", "wo": "will", "shall": "will"}


# "rose 2 % to close at 5,210": a result infinitive reports what happened.
# "the first airliner to fly", "one of the few indexes to rise".
_ORDINAL_HEADS = {"first", "last", "only", "second", "third", "few", "latest"}


def result_infinitive(tok: Token) -> bool:
    """A "to" infinitive that says what came of its verb, not what was aimed at.

    "the index fell 5% *to reach* a low", "shares rose *to close* at $30":
    an infinitive clause of a result verb (``result_verbs``), or under a
    verb of rising or falling (``change_verbs``), in
    ``models/factuality_lexicon.json``.
    """
    if tok.dep_ not in ("advcl", "xcomp") or tok.head.i == tok.i or not has_to_infinitive(tok):
        return False
    if tok.head.lemma_.lower() in _lexicon_words("change_verbs"):
        return True
    # an adverbial "to end / to close" ("rallied late *to close* higher"),
    # not a complement ("plans *to reach* a deal")
    return tok.dep_ == "advcl" and tok.lemma_.lower() in _lexicon_words("result_verbs")


def _prospective(tok: Token) -> bool:
    """An infinitive not (yet) presented as having happened ("plans *to build*")."""
    if not has_to_infinitive(tok):
        return False
    if result_infinitive(tok):
        return False
    if headline_future(tok):
        return False
    if tok.dep_ in ("xcomp", "ccomp") and "posimpl" in governor_classes(tok.head):
        return False  # "managed to X", "began to X", "caused prices to X": it happened
    if tok.dep_ == "acl" and any(c.lower_ in _ORDINAL_HEADS for c in tok.head.subtree
                                 if c.i < tok.head.i or c.head.i == tok.head.i):
        return False
    return True


def headline_future(tok: Token) -> bool:
    """Headlinese "X to Y" ("Airline *to buy* 20 jets", "Markets *to remain*
    closed"): a "to" infinitive heading the sentence with a subject of its
    own is a future, as "X will Y"."""
    return (tok.dep_ == "ROOT" and has_to_infinitive(tok)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children))


def _modal(tok: Token) -> str | None:
    if headline_future(tok):
        return "will"
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in _MODALS:
            return _MODALS[c.lower_]
    return None


@dataclass(frozen=True)
class Reading:
    """What the rules say about one event: the input of the benchmark score."""

    level: str
    polarity: str
    hypothetical: bool
    prospective: bool
    modal: str | None
    nominal: bool = False    # an event noun ("the *sale*"), not a clause
    reported: bool = False   # inside the content of a reporting verb
    blocked: bool = False    # an intended event a negative implicative stops:
                             # "rejected a proposal *to merge*", "refused to order a *hearing*"


def reading_of_token(doc: Doc, i: int) -> Reading:
    """The cues scoping over the event headed by token ``i``, combined."""
    tok = doc[i]
    lo, hi = _sentence_bounds(doc, [tok])
    cues = find_cues(doc[lo:hi])
    terminators = [c for c in cues if c.category == "terminate"]
    parsed = _has(doc, "DEP")
    covering = [c for c in cues if covers(doc, c, tok, terminators)]
    if parsed and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass"):
        # a hedge or negation on the predicate is not one on its subject:
        # "the vital *signs* are not likely to change" (the signs exist);
        # "the *delivery* was cancelled" still is (its cue targets arguments)
        inside = range(tok.left_edge.i, tok.right_edge.i + 1)
        covering = [c for c in covering if c.start in inside or _rule(c).target == "argument"]
    # The event word's own cue ("not *expected* to", "does not *know*") is the
    # event, not a hedge on it: the negation attached to it then negates it.
    own = [c for c in cues if c.start <= i < c.end and c.category not in ("negation", "pseudo")]
    applied = [c for c in covering if c not in own]
    # a negation on a covering cue word comes with it, to act on it: "would
    # *not prevent* X from building" (no prevention), "did *not confirm* that X"
    for c in list(applied):
        if c.category == "booster" or (c.category == "negation" and _rule(c).target != "clause"):
            applied += [n for n in cues if n.category == "negation" and n not in applied
                        and _rule(n).target == "clause" and _modifies(doc, n, c)]
    tally = _Tally(doc)
    _apply_all(doc, tally, applied)
    if any(t.dep_ == "neg" for c in own for t in doc[c.start:c.end]):
        tally.negations += 1
    if parsed and negated_governor(tok):
        tally.negations += 1  # "has *no plans* to recall": the recall is not real
    cert = tally.certainty()
    boosted = any(c.category == "booster" for c in applied)
    prospective = parsed and not boosted and _prospective(tok)
    modal = _modal(tok) if parsed and not boosted and not prospective else None
    nominal = parsed and tok.pos_ in ("NOUN", "PROPN")
    blocked = parsed and cert.polarity == "positive" and blocked_event(tok)
    hypothetical = cert.hypothetical or (parsed and future_temporal_clause(tok))
    return Reading(cert.level, cert.polarity, hypothetical, prospective, modal,
                   nominal, parsed and _reported(tok), blocked)


# Temporal connectives whose clause, under a main clause about the future or
# the possible, is not asserted either: "the plant *will* reopen *when*
# repairs *end*", "troops will stay *until* Iraq *complies*". ("as" and
# "while" are left out: they are as often causal or contrastive.)
_TEMPORAL_MARKS = frozenset({"when", "whenever", "until", "till", "after"})
UNREAL_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "could", "may", "might",
                         "should", "can", "ca", "must"})


def future_temporal_clause(tok: Token) -> bool:
    """Is ``tok`` the verb of a temporal clause ("when", "until", "after")
    whose main clause is future or modal? Then its event is not asserted."""
    for _ in range(3):
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
    if tok.dep_ != "advcl" or tok.head.i == tok.i:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS and c.i < tok.i
               for c in tok.children):
        return False
    if tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"
                                for c in tok.children):
        return False  # "when the army *invaded*", "until it *had* paid": a past event
    main = tok.head
    return any(c.dep_ == "aux" and c.lower_ in UNREAL_AUX for c in main.children)


_NEG_DETS = frozenset({"no", "neither"})
_NEG_PRONOUNS = frozenset({"nothing", "none", "nobody", "nowhere"})


def _negative_nominal(tok: Token) -> bool:
    """"*no* plans", "*nothing*": a noun phrase that says there is none."""
    if tok.lower_ in _NEG_PRONOUNS or (tok.lower_ == "one" and tok.i > 0 and tok.nbor(-1).lower_ == "no"):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in _NEG_DETS for c in tok.children)


def negated_governor(tok: Token) -> bool:
    """Is ``tok`` the complement of a noun phrase that denies it exists?

    "has *no plans to* recall", "there is *no reason to* believe", "*no
    intention of* resigning", "there's *nothing* preventing": the event is not
    real. A plain topic is not denied ("gave no details about the *talks*"),
    nor is anything under "no doubt".
    """
    first = None
    for rel, gov in governor_chain(tok, depth=1):
        first = first or rel
        if gov.pos_ == "ADP":
            continue
        if not _negative_nominal(gov) or gov.lemma_.lower() in _not_denied():
            return False
        if first == "acl":
            return True  # "no reason *to believe*", "nothing *preventing* it"
        return first in ("pobj", "pcomp") and bool(
            {"intent", "attitude"} & set(governor_classes(gov)))
    return False


def _negated_modifier(tok: Token) -> bool:
    """"the *cancelled* deal", "a *rejected* offer": a negative implicative modifier."""
    return any(c.dep_ in ("amod", "acl") and (c.tag_ == "VBN" or c.lower_ == "failed")
               and not has_to_infinitive(c) and "negimpl" in governor_classes(c) for c in tok.children)


def blocked_event(tok: Token) -> bool:
    """Is ``tok`` an intended event that a negative implicative above it stops?

    Climbing the :func:`governor_chain`, the event must first be prospective
    (a "to" infinitive) or the complement of an intention word ("a proposal /
    request / attempt *to X*"); a negative implicative above that ("rejected",
    "refused", "withdrew"), or one modifying the intention word ("the
    *cancelled* deal to X"), means it did not happen. A plain object of a
    negative implicative ("rejected *the offer*") is not blocked: the offer
    itself was made.
    """
    intended = _prospective(tok)
    for rel, gov in governor_chain(tok, depth=3):
        classes = governor_classes(gov)
        if "negimpl" in classes:
            # "did *not reject* the proposal to X": nothing stopped it
            return intended and not any(c.dep_ == "neg" for c in gov.children)
        if "intent" in classes and rel in ("acl", "prep"):
            if _negated_modifier(gov):
                return True
            intended = True
        elif gov.pos_ != "ADP":
            return False
    return False


def _reported(tok: Token) -> bool:
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in _governor_words()["report"]:
            return True
        tok = tok.head
    return False



def score_reading(r: Reading, scores: dict[str, float] | None = None) -> float:
    """Map a :class:`Reading` to -3..3 with the calibrated :data:`BENCH_SCORES`."""
    sc = scores or BENCH_SCORES
    if r.blocked:
        return -sc["negative_prospective"] * sc["negative_scale"]
    value = sc[r.level]
    if r.hypothetical:
        value = min(value, sc["hypothetical"])
    if r.level == "certain" and r.polarity == "negative":
        if r.prospective or r.modal:
            value = min(value, sc["negative_prospective"])
    elif r.level == "certain":
        if r.nominal:
            value = min(value, sc["nominal"])
        if r.reported:
            value = min(value, sc["reported"])
        if r.prospective:
            value = min(value, sc["prospective"])
        elif r.modal:
            value = min(value, sc.get("modal_" + r.modal, sc["modal"]))
    if r.polarity == "negative":
        return max(-3.0, -value * sc["negative_scale"])
    return value


def factuality_of_token(doc: Doc, i: int) -> float:
    """-3..3 factuality of the event/clause headed by token ``i``.

    The scope is the clause the token heads plus its governing chain: cues
    that cover the token (its modals and negation, the cue verbs and
    conditionals above it) are combined as in :func:`assess` into a
    :class:`Reading`; :func:`factuality_features` describes that reading and
    the event's syntax, and the linear calibration in
    ``models/factuality_weights.json`` (fitted offline by
    ``benchmarks/fit_factuality.py``) maps the features to the scale.
    """
    return factuality_weights().predict(factuality_features(doc, i))



# ---------------------------------------------------------------- learned calibration

WEIGHTS_FILE = "factuality_weights.json"

# Classes of the words that govern an event (intent, report, attitude,
# negimpl, posimpl): data in models/factuality_lexicon.json.
LEXICON_FILE = "factuality_lexicon.json"
GovernorClass = Literal["intent", "report", "attitude", "negimpl", "posimpl"]
GOVERNOR_CLASSES: tuple[str, ...] = get_args(GovernorClass)


class _WordClass(BaseModel):
    model_config = ConfigDict(extra="forbid")
    comment: Optional[str] = None
    words: list[str] = Field(min_length=1)

    @field_validator("words")
    @classmethod
    def _words_ok(cls, value: list[str]) -> list[str]:
        bad = [w for w in value if not w.strip() or w != w.lower() or " " in w]
        if bad:
            raise ValueError(f"words must be single lowercase words: {bad}")
        return value


class FactualityLexicon(BaseModel):
    """``models/factuality_lexicon.json``: the governor word classes."""

    model_config = ConfigDict(extra="forbid")
    comment: Optional[str] = None
    governor_classes: dict[GovernorClass, _WordClass]
    # nouns a "no" does not deny: "no doubt that X", "no question that X"
    not_denied: _WordClass
    # verbs whose "to" infinitive reports what happened, not an aim:
    # "closed lower *to end* at 3,800" (result_verbs); "fell 5% *to reach*
    # a low" (change_verbs: the infinitive after a verb of rising or falling)
    result_verbs: _WordClass
    change_verbs: _WordClass
    # "I don't think X" = "I think not X" (the negation passes down)
    neg_raising: _WordClass
    # "declined / refused / failed to X": X was not done
    refusal_verbs: _WordClass
    # "What nobody has *shown* is a link": a negated pseudo-cleft denies its subject
    free_relative_verbs: _WordClass

    @model_validator(mode="after")
    def _all_classes(self) -> "FactualityLexicon":
        missing = sorted(set(GOVERNOR_CLASSES) - set(self.governor_classes))
        if missing:
            raise ValueError(f"missing governor class(es) {missing}")
        return self


_GOV: dict[str, frozenset[str]] | None = None
_NOT_DENIED: frozenset[str] | None = None
_LEX_WORDS: dict[str, frozenset[str]] = {}


def load_factuality_lexicon(path: Path | None = None) -> FactualityLexicon:
    """Load and validate ``models/factuality_lexicon.json`` (or ``path``)."""
    return load_json_rules(LEXICON_FILE, FactualityLexicon, path)


def _not_denied() -> frozenset[str]:
    global _NOT_DENIED
    if _NOT_DENIED is None:
        with _LOCK:
            if _NOT_DENIED is None:
                _NOT_DENIED = frozenset(load_factuality_lexicon().not_denied.words)
    return _NOT_DENIED


_PLAIN_CLASSES = ("result_verbs", "change_verbs", "neg_raising", "refusal_verbs", "free_relative_verbs")


def _lexicon_words(name: str) -> frozenset[str]:
    """One plain word class of the factuality lexicon (``_PLAIN_CLASSES``)."""
    words = _LEX_WORDS.get(name)
    if words is None:
        with _LOCK:
            lex = load_factuality_lexicon()
            for key in _PLAIN_CLASSES:
                _LEX_WORDS[key] = frozenset(getattr(lex, key).words)
            words = _LEX_WORDS[name]
    return words


def refusal_verbs() -> frozenset[str]:
    """Verbs whose 'to' complement was not done ("declined to say whether")."""
    return _lexicon_words("refusal_verbs")


def _governor_words() -> dict[str, frozenset[str]]:
    global _GOV
    if _GOV is None:
        with _LOCK:
            if _GOV is None:
                lex = load_factuality_lexicon()
                _GOV = {cls: frozenset(lex.governor_classes[cls].words) for cls in GOVERNOR_CLASSES}
    return _GOV


# Relations through which an event is an argument of the word above it
# ("refused *to X*", "blocked *the sale*", "a plan *to X*", "lack *of X*",
# "the *delivery* was delayed", "an asylum *hearing*"). A conjunct shares the
# governor of its first conjunct; adverbial and relative clauses are not
# arguments, so the chain stops there.
_CHAIN_RELS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "attr", "oprd",
                         "nsubjpass", "compound", "acomp", "agent"})
_CHAIN_FEATURE_RELS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "acl", "nsubjpass",
                                 "compound"})
_CHAIN_DEPTH = 4


def governor_chain(tok: Token, depth: int = _CHAIN_DEPTH) -> list[tuple[str, Token]]:
    """The words an event is an argument of, nearest first: ``[(relation, governor)]``.

    Prepositions are passed through without counting towards ``depth``
    ("the lack *of* X" gives ``[("pobj", of), ("prep", lack)]``).
    """
    out: list[tuple[str, Token]] = []
    t = tok
    counted = 0
    for _ in range(3 * depth):
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        # "a deal *to lease* X" is often parsed as an infinitival relative clause
        rel = "acl" if t.dep_ == "relcl" and has_to_infinitive(t) else t.dep_
        if t.head.i == t.i or rel not in _CHAIN_RELS:
            break
        out.append((rel, t.head))
        t = t.head
        if t.pos_ != "ADP" or governor_classes(t):
            counted += 1
            if counted >= depth:
                break
    return out


def governor_classes(tok: Token) -> list[str]:
    """The classes (intent, report, attitude, negimpl, posimpl) of a governing word."""
    lemma = tok.lemma_.lower()
    return [cls for cls, words in _governor_words().items() if lemma in words or tok.lower_ in words]


_FEATURE_DEPS = frozenset({
    "ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "dobj", "pobj", "nsubj",
    "nsubjpass", "compound", "amod", "pcomp", "attr", "appos", "parataxis", "npadvmod", "acomp"})
_FEATURE_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP", "VB", "NN", "NNS", "NNP", "JJ"})
_FEATURE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
_FUTURE_WORDS = frozenset({"next", "tomorrow", "soon", "later", "future", "upcoming", "coming",
                           "planned", "proposed", "possible", "potential", "prospective"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})

# Every feature name factuality_features can emit: the exact names, and the
# prefixes of the families ("dep:ROOT").
FEATURE_NAMES = frozenset({
    "base", "neg", "hyp", "prosp", "reported", "to_inf", "noun_to_inf", "future_mod",
    "question", "anc_modal", "blocked", "negmod", "neg_nominal", "neg_reported",
    "det:indef", "det:def", "det:none", "pos:other", "negimpl:clausal", "negimpl:nominal", "negimpl:over_intent", "negimpl:odd"})
FEATURE_FAMILIES: dict[str, frozenset[str]] = {
    "level": frozenset(_RANK),
    "modal": frozenset(_MODALS.values()),
    "pos": _FEATURE_POS | {"other"},
    "tag": _FEATURE_TAGS,
    "dep": _FEATURE_DEPS,
    "head": frozenset(GOVERNOR_CLASSES),
    "anc": frozenset(GOVERNOR_CLASSES),
    "rel": _CHAIN_FEATURE_RELS | {"other"},
    **{cat: frozenset({"direct", "embedded"}) for cat in
       ("booster", "probable", "possible", "unknown", "negation", "conditional")},
}


def known_feature(name: str) -> bool:
    """Can :func:`factuality_features` emit a feature of this name?"""
    if name in FEATURE_NAMES:
        return True
    family, _, value = name.partition(":")
    return value in FEATURE_FAMILIES.get(family, ())


def has_to_infinitive(tok: Token) -> bool:
    """Does ``tok`` carry an infinitival "to" ("plans *to* build")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def factuality_features(doc: Doc, i: int) -> dict[str, float]:
    """Named features of the event headed by token ``i``, for the calibration.

    * the scoped reading (:func:`reading_of_token`): ``level:*``, ``neg``,
      ``hyp`` (conditional), ``prosp`` ("to" complement), ``modal:*``,
      ``reported``, and ``base``, its hand-calibrated :func:`score_reading`;
    * how each cue category reaches the event: ``negation:direct`` (on the
      event's own clause) or ``negation:embedded`` (from a governing clause);
    * the event's syntax: ``pos:*``, ``tag:*`` (tense), ``dep:*``, the
      determiner of an event noun, "a plan *to* X";
    * the class of the words that govern it, through embedding relations:
      ``head:*`` (its head) and ``anc:*`` (two levels further up) for intention
      ("seek *approval*"), reporting, attitude ("fears of *recession*") and
      implicative words; a modal above it (``anc_modal``).

    All features are 0/1 except ``base``.
    """
    tok = doc[i]
    r = reading_of_token(doc, i)
    f: dict[str, float] = {"base": score_reading(r), "level:" + r.level: 1.0}

    def on(name: str) -> None:
        f[name] = 1.0

    if r.polarity == "negative":
        on("neg")
        if r.nominal:
            on("neg_nominal")
        if r.reported:
            on("neg_reported")
    if r.hypothetical:
        on("hyp")
    if r.prospective:
        on("prosp")
    if r.modal:
        on("modal:" + r.modal)
    if r.reported:
        on("reported")
    if r.blocked:
        on("blocked")
    if _negated_modifier(tok):
        on("negmod")
    if not _has(doc, "DEP"):
        return f
    lo, hi = _sentence_bounds(doc, [tok])
    cues = find_cues(doc[lo:hi])
    terminators = [c for c in cues if c.category == "terminate"]
    for c in cues:
        path = cover_path(doc, c, tok, terminators)
        if path is not None:
            on(f"{c.category}:{'embedded' if path else 'direct'}")
    pos = tok.pos_ if tok.pos_ in _FEATURE_POS else "other"
    on("pos:" + pos)
    if tok.tag_ in _FEATURE_TAGS:
        on("tag:" + tok.tag_)
    if tok.dep_ in _FEATURE_DEPS:
        on("dep:" + tok.dep_)
    chain = governor_chain(tok)
    if chain:
        on("rel:" + (chain[0][0] if chain[0][0] in _CHAIN_FEATURE_RELS else "other"))
    negs = 0
    below_intent = has_to_infinitive(tok)
    depth = 0  # prepositions are passed through: "the delay *in* delivery" has head "delay"
    entered = None  # how the event entered a passed-through preposition ("pobj", "pcomp")
    for rel, gov in chain:
        classes = governor_classes(gov)
        if gov.pos_ == "ADP" and not classes:
            entered = entered or rel
            continue
        rel, entered = entered or rel, None
        depth += 1
        for cls in classes:
            on(("head:" if depth == 1 else "anc:") + cls)
        if "negimpl" in classes and r.polarity != "negative":
            negs += 1
            if depth == 1:
                on("negimpl:" + ("clausal" if rel in ("xcomp", "ccomp", "pcomp") else "nominal"))
            if below_intent:
                on("negimpl:over_intent")
        if "intent" in classes or "attitude" in classes:
            below_intent = True
        if _modal(gov):
            on("anc_modal")
    if negs % 2:
        on("negimpl:odd")
    if has_to_infinitive(tok):
        on("to_inf")
    if pos in ("NOUN", "PROPN"):
        dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
        if dets & {"a", "an"}:
            on("det:indef")
        elif dets & _DEFINITE or any(c.dep_ == "poss" for c in tok.children):
            on("det:def")
        else:
            on("det:none")
        if any(c.dep_ == "acl" and has_to_infinitive(c) for c in tok.children):
            on("noun_to_inf")
    if any(c.lower_ in _FUTURE_WORDS for c in tok.children):
        on("future_mod")
    if any(t.text == "?" for t in doc[lo:hi][-2:]):
        on("question")
    return f


class FactualityWeights(BaseModel):
    """``models/factuality_weights.json``: the linear calibration of the features.

    score = intercept + sum(weights[name] * value); a positive score is
    multiplied by 3 / ``top`` (``top`` is the fitted score of a plain
    assertion, which FactBank puts at CT+ = 3, as :func:`assess` does), a
    negative one by ``negative_stretch`` (negated events are rarer and more
    extreme than a least-squares fit makes them), then clipped to -3..3.
    Every weight must name a feature :func:`factuality_features` can emit.
    """

    model_config = ConfigDict(extra="forbid")

    intercept: float = Field(allow_inf_nan=False)
    top: float = Field(default=3.0, gt=1.0, le=3.0, allow_inf_nan=False)
    negative_stretch: float = Field(default=1.0, ge=1.0, le=3.0, allow_inf_nan=False)
    weights: dict[str, float] = Field(min_length=1)
    fitted_on: list[str] = Field(default_factory=list)
    hyperparameters: dict[str, float] = Field(default_factory=dict)
    comment: Optional[str] = None

    @field_validator("weights")
    @classmethod
    def _weights_ok(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(k for k in value if not known_feature(k))
        if unknown:
            raise ValueError(f"unknown feature(s) {unknown}")
        bad = sorted(k for k, v in value.items() if v != v or abs(v) > 100)
        if bad:
            raise ValueError(f"weight out of range for {bad}")
        return value

    def predict(self, features: dict[str, float]) -> float:
        w = self.weights
        value = self.intercept + sum(w.get(k, 0.0) * v for k, v in features.items())
        value *= 3.0 / self.top if value > 0 else self.negative_stretch
        return max(-3.0, min(3.0, value))


_WEIGHTS: FactualityWeights | None = None


def load_factuality_weights(path: Path | None = None) -> FactualityWeights:
    """Load and validate ``models/factuality_weights.json`` (or ``path``)."""
    return load_json_rules(WEIGHTS_FILE, FactualityWeights, path)


def factuality_weights() -> FactualityWeights:
    """The shipped calibration, loaded once."""
    global _WEIGHTS
    if _WEIGHTS is None:
        with _LOCK:
            if _WEIGHTS is None:
                _WEIGHTS = load_factuality_weights()
    return _WEIGHTS
