"""Speakers: from the subject of a cue to a named source.

Plain functions over spaCy tokens. A speaker mention is the noun phrase as
written ("director Robert Rodriguez", "She", "the agency"); its name is the
resolved full name ("Robert Rodriguez"), with role words kept out, pronouns
resolved to the last compatible person, surnames to the full name used
earlier, and "the company" to the organization the article names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, ConfigDict, model_validator
from spacy.tokens import Doc, Span, Token

from .rules import load_json_rules
from .sentences import sentence_index


class SpeakerLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role_words: list[str]
    org_nouns: list[str]
    unnamed_nouns: list[str]
    evidential_nouns: list[str]
    person_pronouns: list[str]
    plural_pronouns: list[str]
    first_person: list[str]
    org_pronouns: list[str]
    org_suffixes: list[str]
    # what only an organization has: "Loopwave's *shares*", "its *chief
    # executive*": a name that owns one is an organization
    org_possessions: list[str] = []
    # "the agency" may be the "Transit Authority": the head words of names a
    # generic organization noun can stand for (besides the noun itself;
    # "Board of Education" is a board)
    org_noun_names: dict[str, list[str]] = {}
    # nouns that only stand for an organization so named: "the union" is no
    # school district, whatever organization the article named last
    strict_org_nouns: list[str] = []
    # words that tell a person's gender: pronouns, titles ("Ms."), nouns
    # ("spokeswoman"); a he/she only refers to a person of that gender
    female_words: list[str] = []
    male_words: list[str] = []
    # nouns for people and groups of people that the role words and the
    # human suffixes (-er, -ist, -ent ...) miss: "the suspect", "the victim",
    # "the jury" can speak, "the convictions" cannot
    person_nouns: list[str] = []
    # role nouns too generic to stand for a titled person alone: "the
    # analyst" is not "analyst Mara Quill" ("the chief executive" is fine)
    generic_roles: list[str]
    # kinship nouns: their possessor is a person ("Della Finchley's son")
    kin_nouns: list[str]
    # a title's abbreviation and the role noun it stands for ("State Sen.
    # X" ... "the senator")
    title_abbreviations: dict[str, str]
    # last words of place names the NER may take for a person's ("downtown
    # *Brandt Falls*", "Cedar Springs"): such a "person" is a place
    place_suffixes: list[str]
    # words that say which role a title is ("*Fire* Marshal", "*Police*
    # Chief"): before a role word inside a name, they and the role go
    role_qualifiers: list[str]
    # verbs whose object is the one who answers next ("Pereira *pressed*
    # Solvik on inventory. She said …")
    questioning_verbs: list[str] = []

    @model_validator(mode="after")
    def _titles_are_roles(self) -> "SpeakerLexicon":
        roles = {w.lower() for w in self.role_words}
        unknown = sorted(k for k in self.title_abbreviations if k.endswith(".") and k.lower() not in roles)
        if unknown:
            # the tokenizer keeps the dotted role words whole; any other
            # abbreviation would never be one token
            raise ValueError(f"title_abbreviations: dotted keys must be role_words: {unknown}")
        bad = sorted(k for k, v in self.title_abbreviations.items() if not v.isalpha() or v.lower() not in roles)
        if bad:
            # (a role noun outside role_words would never be matched: "the colonel")
            raise ValueError(f"title_abbreviations: values must be single role nouns listed in role_words: {bad}")
        multi = sorted(w for w in self.evidential_nouns + self.person_nouns if not w.replace("'", "").isalpha())
        if multi:
            raise ValueError(f"evidential_nouns / person_nouns must be single words: {multi}")
        return self

    @model_validator(mode="after")
    def _org_nouns_known(self) -> "SpeakerLexicon":
        nouns = {w.lower() for w in self.org_nouns}
        unknown = sorted({w.lower() for w in self.strict_org_nouns} - nouns)
        unknown += sorted({w.lower() for w in self.org_noun_names} - nouns)
        if unknown:
            raise ValueError(f"strict_org_nouns / org_noun_names keys must be org_nouns: {unknown}")
        return self

    @model_validator(mode="after")
    def _genders_disjoint(self) -> "SpeakerLexicon":
        both = sorted({w.lower() for w in self.female_words} & {w.lower() for w in self.male_words})
        if both:
            raise ValueError(f"words listed as both female and male: {both}")
        return self


@dataclass(frozen=True)
class Lexicon:
    role_words: frozenset
    org_nouns: frozenset
    unnamed_nouns: frozenset
    evidential_nouns: frozenset
    person_pronouns: frozenset
    plural_pronouns: frozenset
    first_person: frozenset
    org_pronouns: frozenset
    org_suffixes: frozenset
    org_possessions: frozenset
    org_noun_names: dict
    strict_org_nouns: frozenset = frozenset()
    female_words: frozenset = frozenset()
    male_words: frozenset = frozenset()
    person_nouns: frozenset = frozenset()
    generic_roles: frozenset = frozenset()
    kin_nouns: frozenset = frozenset()
    title_abbreviations: dict = field(default_factory=dict)
    place_suffixes: frozenset = frozenset()
    role_qualifiers: frozenset = frozenset()
    questioning_verbs: frozenset = frozenset()

    @property
    def subject_pronouns(self) -> frozenset:
        """Personal pronouns, singular and plural, first and third person."""
        return self.person_pronouns | self.plural_pronouns | self.first_person


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_json_rules("speakers.json", SpeakerLexicon).model_dump()
    names = {k.lower(): frozenset(w.lower() for w in v) | {k.lower()} for k, v in raw.pop("org_noun_names").items()}
    titles = {k.lower(): v.lower() for k, v in raw.pop("title_abbreviations").items()}
    return Lexicon(**{k: frozenset(w.lower() for w in v) for k, v in raw.items()}, org_noun_names=names,
                   title_abbreviations=titles)


def ent_label(ent: Span) -> str:
    """The entity label, corrected where the small model calls a company a
    person ("Skyward Air", "Fairway Markets")."""
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in lexicon().org_suffixes:
        return "ORG"
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in lexicon().place_suffixes \
            and not _person_evidence(ent.root):
        return "GPE"  # "downtown Brandt Falls" (not "Tom Harbour, the team's general manager")
    if ent.label_ in ("ORG", "GPE", "NORP", "PRODUCT") and ent.root.dep_ == "poss" and ent.root.pos_ == "PROPN" \
            and ent.root.head.lemma_.lower() in lexicon().kin_nouns:
        return "PERSON"  # "[Della Finchley's] 8-year-old son": whose son, a person
    if ent.label_ == "PERSON" and (_described_as_org(ent.root) or _owns_org_things(ent.root)):
        return "ORG"  # "Bellmont, a regional retailer", "Loopwave's chief technology officer"
    if ent.label_ != "PERSON" and _named_only_as(ent):
        return "PERSON"  # "a nurse who gave her name only as [Maggie]"
    if (ent.label_ in ("ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "GPE", "LOC") and ent[-1].lower_ not in lexicon().org_suffixes
            and ent.root.pos_ == "PROPN"):
        if ent.label_ != "GPE" and _described_as_person(ent.root):
            return "PERSON"  # "Nadia Castellane, an economist at …", '"…," Arjun Malhotra, the company's CTO, said'
        if _who_relative(ent.root) or _age_appositive(ent.root) or _age_before(ent.root):
            # "Kettleby, who …", "Keteme, 27," (not places), "15-year-old Ilias Marek"
            return "PERSON"  # "Kettleby, who managed her for a decade, denied …"
        if ent.label_ != "GPE" and _titled_person(ent.doc[mention_bounds(ent.root)[0]:ent.start]):
            return "PERSON"  # "Councilmember Harold [Pike]"
        if _titled_full_name(ent):
            return "PERSON"  # "[Councillor Ines Varga]", "[the Rt Rev Jonathan Ebbsworth]" tagged as an organization
    return ent.label_


@lru_cache(maxsize=1)
def _org_words() -> frozenset:
    """Words that make a name an organization's: org nouns, suffixes and the
    words of organization names ("Administration", "Holdings")."""
    lex = lexicon()
    return lex.org_nouns | lex.org_suffixes | frozenset(w for ws in lex.org_noun_names.values() for w in ws)


def _named_only_as(ent: Span) -> bool:
    """A name someone gave for themselves: "a nurse who gave her name only
    as *Maggie*", "a man identified only as *Tom*" (a person's, whatever the
    NER says)."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "as" or not all(t.pos_ == "PROPN" for t in ent):
        return False
    return any(t.lemma_.lower() in ("name", "identify") for t in doc[max(0, ent.start - 5):ent.start - 1])


def _titled_full_name(ent: Span) -> bool:
    """An entity that is a title and a full name: a role word (after "the"
    and words that only qualify a title: "the Rt Rev", "Deputy") and then at
    least two capitalized names ("Councillor Ines Varga", "the Rt Rev
    Jonathan Ebbsworth"). A title with one word after it ("General Motors",
    "Bishop Museum") is not enough, nor are names that hold an organization
    word ("The Federal Aviation Administration")."""
    lex = lexicon()
    def titular(t: Token) -> bool:
        return t.is_title and (t.lower_ in lex.role_qualifiers or t.lower_ in lex.role_words)
    k = 1 if len(ent) and ent[0].lower_ == "the" else 0
    # the role word is the last of a run of titles ("Rt Rev", "Deputy Chief")
    while k + 1 < len(ent) and titular(ent[k]) and titular(ent[k + 1]):
        k += 1
    org_words = _org_words()
    return (k < len(ent) and ent[k].lower_ in lex.role_words and ent[k].is_title and len(ent) - k > 2
            and all(t.pos_ == "PROPN" and t.is_title and t.lower_ not in org_words for t in ent[k + 1:]))


def person_name(ent: Span) -> str:
    """A person's name, with a first name the NER left out ("Governor Ana
    [Lima]", "Councilmember Harold [Pike]") and without role words."""
    name = clean_name(ent, person=True)
    doc = ent.doc
    start = mention_bounds(ent.root)[0]
    left = [t.text for t in doc[start:ent.start] if t.pos_ == "PROPN" and t.head.i >= ent.start]
    if left:
        name = " ".join(strip_roles(left + name.split(), person=True))
    return name


def word_gender(word: str) -> Optional[str]:
    """"female" or "male" for a gendered pronoun, title or noun ("she",
    "Mr.", "spokeswoman"), else None."""
    lex = lexicon()
    w = word.lower()
    if w in lex.female_words:
        return "female"
    if w in lex.male_words:
        return "male"
    return None


def _age_appositive(root: Token) -> bool:
    """"Keteme, *27*, told reporters": an age after the name."""
    doc = root.doc
    if root.ent_type_ in ("GPE", "LOC") and not (root.dep_ in ("nsubj", "nsubjpass") and root.ent_iob_ == "I"):
        # a place, unless a two-word name with an age is a clause's subject
        # ("said [Carys Mbeki], 39, the company's head of people"): places
        # have no ages
        return False
    if root.dep_ == "pobj" and not (root.i + 4 < len(doc) and doc[root.i + 3].text == ","
                                    and doc[root.i + 4].lower_ in ("a", "an", "the")):
        # "Texas, 38, and Florida, 30": electoral votes, not ages ("For
        # Delphine Osterhout, 52, a school bus driver": an age)
        return False
    return any(c.dep_ in ("appos", "npadvmod", "amod", "nummod") and c.i == root.i + 2
               and c.text.isascii() and c.text.isdecimal()
               and 1 <= int(c.text) <= 120 and doc[root.i + 1].text == "," for c in root.children)


def _who_relative(root: Token) -> bool:
    """Is the name described by a "who" clause ("Kettleby, *who* managed
    …")? Only people take "who" (not a place the parser hung it on:
    "residents of Springfield, who …")."""
    if root.dep_ == "pobj" or root.ent_type_ in ("GPE", "LOC"):
        return False
    return any(c.dep_ == "relcl" and any(t.lower_ == "who" and t.i < c.i for t in c.children)
               for c in root.children)


def _verb_of_subject(root: Token) -> Optional[Token]:
    """The verb a name is the subject of, itself or through the noun it is
    in apposition to ("Its chief executive, Raymond Tull, said")."""
    if root.dep_ == "appos" and root.head.dep_ == "nsubj":
        root = root.head
    if root.dep_ != "nsubj" or root.head.i == root.i:
        return None
    return root.head


def _clause_pronoun_gender(root: Token) -> Optional[str]:
    """The gender of a he/she that is the subject of a clause reported by the
    verb this name is the subject of: "Kettleby denied that *he* had …",
    "Varrow writes that *she* learned …"."""
    verb = _verb_of_subject(root)
    if verb is None:
        return None
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        for subj in comp.children:
            if subj.dep_ in ("nsubj", "nsubjpass") and subj.pos_ == "PRON":
                gender = word_gender(subj.text)
                if gender:
                    return gender
    return None


def _conjunct_pronoun_gender(root: Token) -> Optional[str]:
    """The gender of the he/she that is the subject of a verb coordinated
    with the one this name is the subject of: "Its chief executive, Raymond
    Tull, said X, but *he* declined to give a figure". Not when another
    person noun stands between ("Tull said X, and the analyst said she …")."""
    verb = _verb_of_subject(root)
    if verb is None:
        return None
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or conj.i < verb.i:
            continue
        subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "PRON" or not word_gender(subj.text):
            continue
        if any(t.ent_type_ == "PERSON" or (t.pos_ in ("NOUN", "PROPN") and is_human_noun(t))
               for t in root.doc[verb.i + 1:subj.i]):
            return None
        return word_gender(subj.text)
    return None


def _next_sentence_pronoun_gender(root: Token) -> Optional[str]:
    """The gender of the he/she that opens the next sentence as a subject,
    when this name, the only person its sentence names, is the main
    subject there: "Gregory Szabo said X. *He* estimated Y", "Olumide said
    X. Radiocarbon results, *she* said, are Y". Not when the next sentence
    has both a he and a she, nor when it quotes (in a back-and-forth the
    quote is most often the other side's reply)."""
    doc = root.doc
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head  # "The company's lawyer, Gregory Lusk, was quick to respond. He insisted …"
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.dep_ != "ROOT":
        return None
    sents = sentence_index(doc)
    nxt = sents.end(root.i)
    if nxt >= len(doc):
        return None
    own = {t.i for t in root.subtree}
    if any(t.pos_ == "NOUN" and t.i not in own and is_human_noun(t) for t in doc[sents.start(root.i):nxt]):
        return None  # "Reyes filed the complaint with *the county clerk*. She said …": she may be the clerk
    end = sents.end(nxt)
    if any(t.is_quote for t in doc[sents.start(root.i):end]):
        # a reply: '"That is their answer to everything," she said' after
        # "Lusk said X"; a name inside a quote: '"Mr. Arkwright did not
        # design this scheme." She said …' (she is the one quoted)
        return None
    pronouns = [t for t in doc[nxt:end] if t.pos_ == "PRON" and word_gender(t.text)]
    if not pronouns or pronouns[0].dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" for t in doc[nxt:pronouns[0].i]):
        return None  # "Lusk did not deny X, but *he* said": someone else it may refer to
    genders = {word_gender(t.text) for t in pronouns}
    return genders.pop() if len(genders) == 1 else None


def _mention_gender(root: Token) -> Optional[str]:
    """A title or gendered noun naming the person: "Ms. Ruiz", "spokeswoman
    Ana Ruiz", "Ruiz, a spokeswoman", "her husband, Tom Ruiz"."""
    words = [t for t in root.lefts if t.dep_ in ("compound", "amod", "nmod", "appos") and t.pos_ in ("NOUN", "PROPN")]
    words += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.append(root.head)
    for t in words:
        gender = word_gender(t.text)
        if gender:
            return gender
    return None


def person_genders(doc: Doc, persons: list[tuple[int, str]]) -> dict[str, str]:
    """Name -> "female"/"male", from what the article itself says of each
    mention: a title or gendered noun in the name's own phrase counts two
    votes, and so does the he/she opening the next sentence when the name is
    its sentence's only person (:func:`_next_sentence_pronoun_gender`); "X
    said that she …" one (the pronoun may be someone else: "Lopez said he
    had lied"), and so does "X said A, but he declined B"
    (:func:`_conjunct_pronoun_gender`: "Her lawyer, Reed, said A, and she
    will plead not guilty" is the client); a name needs two votes, more than
    the other way."""
    votes: dict[str, Counter] = {}
    sents = sentence_index(doc)
    per_sentence = Counter(sents.start(i) for i, _ in persons)
    for i, name in persons:
        root = doc[i]
        alone = per_sentence[sents.start(i)] == 1
        said = _mention_gender(root)
        if said:
            # the article's own word for this mention settles it ("His
            # daughter, Kara, took over the shop. He said …": he is not Kara)
            votes.setdefault(name, Counter())[said] += 2
            continue
        for gender, weight in ((_clause_pronoun_gender(root), 1),
                               (_conjunct_pronoun_gender(root) if alone else None, 1),
                               (_next_sentence_pronoun_gender(root) if alone else None, 2)):
            if gender:
                votes.setdefault(name, Counter())[gender] += weight
    out = {}
    for name, count in votes.items():
        (top, n), *rest = count.most_common()
        if n >= 2 and (not rest or rest[0][1] < n):
            out[name] = top
    return out


def entity_label(ent: Span, table: Optional["NameTable"] = None) -> str:
    """The label an entity gets in the output: :func:`ent_label`, and a
    one-word person or organization name read as the article introduced it
    ("Bellmont" after "Bellmont Markets", "Reyes" after "Alan Reyes")."""
    label = ent_label(ent)
    if table is not None and label in ("PERSON", "ORG") and len(ent) == 1:
        label, _ = _relabel_short_name(ent.text, label, table)
    return label


def _owns_org_things(root: Token) -> bool:
    """Is the name the possessor of something only an organization has
    ("Loopwave's shares", "Loopwave's chief technology officer")?"""
    if root.dep_ != "poss" or root.head.i == root.i:
        return False
    owned = root.head
    words = {owned.lemma_.lower(), owned.lower_}
    words |= {f"{c.lower_} {owned.lower_}" for c in owned.children if c.dep_ in ("amod", "compound")}
    return bool(words & lexicon().org_possessions)


def _described_as_org(root: Token) -> bool:
    """Does an appositive call this name an organization ("X, a retailer",
    "X, the state's largest utility")?"""
    lex = lexicon()
    if _age_appositive(root):
        return False  # "Walt Geddings, 74, a retired mail carrier": an age is a person's
    return any(c.dep_ == "appos" and c.pos_ == "NOUN"
               and (c.lemma_.lower() in lex.org_nouns or c.lower_ in lex.org_nouns)
               and not _works_at(c) and not _who_relative(c)  # ("a carrier *who has stocked shelves*")
               for c in root.children)


def _works_at(noun: Token) -> bool:
    """"an agricultural lender *at First Sandhill Bank*": a noun placed at an
    organization describes someone who works there, not the organization."""
    return any(p.dep_ == "prep" and p.lower_ == "at" and any(
        o.dep_ == "pobj" and o.ent_type_ == "ORG" for o in p.children) for p in noun.children)


def _described_as_person(root: Token) -> bool:
    """Does an appositive call this name a person ("X, an economist", "X, a
    spokeswoman")? Organization nouns ("X, a retailer") do not."""
    lex = lexicon()
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and (is_human_noun(c) or _who_relative(c))
               and c.lemma_.lower() not in lex.org_nouns and c.lower_ not in lex.org_nouns
               for c in root.children)


@dataclass
class SpeakerRef:
    """A resolved speaker: mention span (token indices) and name."""

    label: str  # PERSON ORG NORP GPE UNNAMED AUTHOR
    text: Optional[str] = None
    name: Optional[str] = None
    start: Optional[int] = None  # token index
    end: Optional[int] = None
    head: Optional[int] = None


QUANTIFIERS = {"most", "many", "some", "all", "several", "few", "none", "half", "majority", "one", "two", "three", "four", "five", "each", "both", "any", "more", "dozens", "hundreds", "thousands"}
ENT_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
_LEFT_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "predet", "advmod"}
_NAME_LABEL = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "NORP", "GPE": "GPE", "FAC": "ORG", "LOC": "GPE"}


_ENTS_KEY = "claimsift_ent_index"


def _ent_of(token: Token) -> Optional[Span]:
    """The named entity (of the labels speakers can have) a token is in.
    ``doc.ents`` builds new Span objects on every access: the token → entity
    map is made once per doc."""
    if token.ent_type_ not in ENT_LABELS:
        return None
    doc = token.doc
    index = doc.user_data.get(_ENTS_KEY)
    if index is None or index[0] != len(doc):
        by_token: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                by_token[i] = ent
        index = (len(doc), by_token)
        doc.user_data[_ENTS_KEY] = index
    return index[1].get(token.i)


def _name_bounds(words: list[str], person: bool = False) -> tuple[int, int]:
    """The slice of ``words`` left once role words and possessive marks are
    dropped from its edges (and, in a person's name, the words up to a role
    word inside it)."""
    lex = lexicon()
    start, end = 0, len(words)
    while start < end and (words[start].lower() in lex.role_words or words[start].lower() in {"the", "a", "an"}):
        start += 1
    while start < end and words[end - 1] in {"'s", "’s", "'", "’", ",", "."}:
        end -= 1
    if person:
        # a role word inside, after words that only say which role ("Fire
        # Marshal Owen Tasker", "Police Chief Renata Solis"): the name follows
        # (not "Martin Luther King III", "Billy Dean Thomas": names)
        for k in range(end - 2, start, -1):
            w = words[k].lower()
            if (w in lex.role_words and words[k][:1].isupper() and w not in lex.org_nouns and w not in lex.org_suffixes
                    and all(x.lower() in lex.role_qualifiers or x.lower() in lex.role_words for x in words[start:k])):
                return k + 1, end
    return start, end


def _join_words(words) -> str:
    """Name words joined by spaces, keeping a hyphenated name whole (the
    tokenizer splits "Velasco-Heinz" into three words)."""
    return " ".join(words).replace(" - ", "-")


def strip_roles(words: list[str], person: bool = False) -> list[str]:
    """Drop role words and possessive marks from the edges of a name."""
    start, end = _name_bounds(words, person)
    return words[start:end]


def clean_name(span: Span, person: bool = False) -> str:
    start, end = _name_bounds([t.text for t in span], person)
    if start >= end:
        return span.text
    # the kept tokens as written ("Ana Ferreira-Quist", not "Ferreira - Quist")
    return " ".join(span[start:end].text.split())


@dataclass
class NameTable:
    """Full names and organizations the article has introduced."""

    surnames: dict[str, str] = field(default_factory=dict)
    persons: list[tuple[int, str]] = field(default_factory=list)  # (token i, name)
    orgs: list[tuple[int, str]] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # name -> "female" / "male"

    def full_name(self, name: str) -> str:
        key = name.split()[-1].lower() if name else ""
        full = self.surnames.get(key)
        if full and len(full.split()) > len(name.split()):
            return full
        return name


def build_name_table(doc: Doc) -> NameTable:
    table = NameTable()
    labels = [ent_label(ent) for ent in doc.ents]
    # "Tallis Ridge" after "Tallis Ridge Partners" is that firm, whatever the
    # NER says (not "Tony Blair, the former prime minister" after the "Tony
    # Blair Institute": the text says he is a person)
    named_orgs = [(ent.start, clean_name(ent)) for ent, label in zip(doc.ents, labels) if label == "ORG"]
    for ent, label in zip(doc.ents, labels):
        if label == "PERSON" and (any(t.like_num or t.is_space for t in ent) or "\n" in ent.text):
            continue  # "Angel 2" (a title), names cut across lines: not people
        if label == "PERSON":
            org = _prefix_org(clean_name(ent).lower().split(), named_orgs, ent.start)
            if org and not _person_evidence(ent.root):
                table.orgs.append((ent.start, org))
                continue
            name = clean_name(ent, person=True)
            if not name:
                continue
            parts = name.split()
            if len(parts) == 1 and _person_evidence(ent.root):
                # "Kettleby, who managed her …", "Superintendent Delia
                # [Marchbanks]": the one-word name is a person wherever else
                # the NER calls it an organization
                table.surnames.setdefault(parts[0].lower(), person_name(ent))
            if len(parts) >= 2:
                table.surnames.setdefault(parts[-1].lower(), name)
                if "-" in parts[-1]:  # "Ferreira-Quist" is also tokenized "Ferreira", "-", "Quist"
                    table.surnames.setdefault(parts[-1].split("-")[-1].lower(), name)
            table.persons.append((ent.root.i, name))
        elif label == "ORG":
            table.orgs.append((ent.start, clean_name(ent)))
    # an organization the NER did not tag, known by its last word: "Larkfield
    # Dairy Cooperative is recalling …"
    tagged = {i for i, _ in table.orgs}
    for i, name in _suffixed_untagged_orgs(doc):
        if i not in tagged:
            table.orgs.append((i, name))
    table.orgs.sort()
    # an untagged name the text shows to be a person's: "Keteme, 27, told
    # reporters", "Harrow, who runs a store, said"
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.ent_type_ == "" and (tok.dep_ in ("nsubj", "nsubjpass") or _age_appositive(tok)) \
                and tok.lower_ not in table.surnames and not _titled_person(doc[mention_bounds(tok)[0]:tok.i]) \
                and _person_evidence(tok):  # (titled names come next)
            first = min((c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), default=tok.i)
            # (with the hyphen of "Ines Calloway-Brandt", which the parser hangs on the name as punctuation)
            words = [t.text for t in doc[first:tok.i + 1]
                     if (t.dep_ == "compound" and t.pos_ == "PROPN") or t.i == tok.i
                     or (t.text == "-" and t.i + 1 <= tok.i and not doc[t.i - 1].whitespace_)]
            name = _join_words(strip_roles(words)) or tok.text
            table.surnames.setdefault(tok.lower_, name)
            table.persons.append((tok.i, name))
    # a name after a role word the NER did not tag: "Councilmember Harold Pike"
    for i, name in _titled_untagged_names(doc):
        parts = name.split()
        if len(parts) >= 2:
            table.surnames.setdefault(parts[-1].lower(), name)
        table.persons.append((i, name))
    # a one-word name of another kind (organization, place, …) that is a
    # surname the article introduced is that person when it acts like one
    # ("Transport Minister Helena Ferrand" … "Ferrand said", not "traders
    # in London" after "Sam London")
    known = {i for i, _ in table.persons}
    for ent, label in zip(doc.ents, labels):
        if (len(ent) == 1 and label in ("ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT")
                and (ent.root.dep_ in ("nsubj", "nsubjpass", "poss", "appos") or _according_to_source(ent.root)
                     or (ent.root.dep_ == "dobj" and label in ("ORG", "NORP", "PRODUCT")))  # ("pressed Solvik on inventory")
                and ent.root.i not in known and ent.text.lower() in table.surnames):
            table.persons.append((ent.root.i, table.surnames[ent.text.lower()]))
    table.persons.sort()
    table.orgs = [(i, o) for i, o in table.orgs if not (len(o.split()) == 1 and o.lower() in table.surnames)]
    # resolve later mentions of a surname to the full name
    table.persons = [(i, table.full_name(n)) for i, n in table.persons]
    # gender evidence also comes from surname subjects the NER left untagged
    # ("Lindqvist added that she …")
    known = {i for i, _ in table.persons}
    bare = [(t.i, table.surnames[t.lower_]) for t in doc
            if t.pos_ == "PROPN" and t.ent_type_ == "" and t.dep_ == "nsubj" and t.i not in known and t.lower_ in table.surnames]
    table.genders = person_genders(doc, table.persons + bare)
    return table


def _suffixed_untagged_orgs(doc: Doc) -> list[tuple[int, str]]:
    """(first index, name) of capitalized runs the NER left untagged that end
    in an organization word: "*Larkfield Dairy Cooperative*", "*Tallis Ridge
    Partners*"."""
    suffixes = lexicon().org_suffixes
    out = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and doc[j].ent_type_ == "" and doc[j].pos_ in ("PROPN", "NOUN") and doc[j].is_title:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in suffixes and doc[i].lower_ not in suffixes:
            out.append((i, doc[i:j].text))
        i = max(j, i + 1)
    return out


def _titled_untagged_names(doc: Doc) -> list[tuple[int, str]]:
    """(head index, name) of proper names right after a role word that the
    NER left untagged: "Councilmember *Harold Pike*", "Dr. *Ines Vale*"."""
    lex = lexicon()
    out = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if tok.lower_ in lex.role_words and tok.is_title and i + 1 < n and tok.ent_type_ in ("", "PERSON"):
            # (not "Federal" in "the Federal Aviation Administration")
            j = i + 1
            hyphens = 0
            while j < n and j - i - 2 * hyphens <= 3 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("", "GPE") \
                    and doc[j].is_title and doc[j].lower_ not in lex.role_words:
                j += 1
                if (j + 1 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                        and doc[j + 1].is_title and doc[j + 1].pos_ == "PROPN"):
                    j += 1  # "City Auditor Renata *Vasquez-Holm*": the hyphen joins one name
                    hyphens += 1
            # ("Governor Corinne Vasse" with "Corinne" read as a place and
            # "Vasse" as a person: the name runs to the end of the mention)
            if j < n and j - i >= 2 and doc[j].ent_type_ == "PERSON" and doc[j].pos_ == "PROPN" and doc[j].is_title \
                    and (j + 1 >= n or doc[j + 1].ent_type_ != "PERSON"):
                j += 1
            if j - i - 2 * hyphens >= 3 or (j - i - 2 * hyphens == 2 and j < n and doc[j].ent_type_ == ""
                                            and doc[i + 1].ent_type_ == ""):
                # two or three name words ("Harold Pike"), or one name word
                # standing alone ("Dr. Hill said")
                out.append((j - 1, _join_words(t.text for t in doc[i + 1:j])))
            i = max(j, i + 1)
            continue
        i += 1
    return out


def mention_bounds(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``, without relative
    clauses, appositives, prepositional tails and punctuation."""
    ent = _ent_of(head)
    start, end = head.i, head.i + 1
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    for child in head.lefts:
        if child.dep_ in _LEFT_DEPS and child.i >= head.left_edge.i:
            start = min(start, child.left_edge.i)
    # keep a contiguous left part only (stop at commas)
    for i in range(head.i - 1, start - 1, -1):
        if head.doc[i].is_punct and head.doc[i].text not in ("'", "’", ".", "-"):
            start = i + 1
            break
    while start < head.i and head.doc[start].dep_ in ("det", "case", "punct") and head.doc[start].lower_ in ("the", "a", "an", "'s", "’s"):
        start += 1
    if ent is not None:
        end = max(end, ent.end)
    while end > start + 1 and head.doc[end - 1].is_punct:
        end -= 1
    return start, end


def _unnamed_description(head: Token) -> tuple[int, int]:
    """Mention range for unnamed sources, keeping 'familiar with …', 'for X'."""
    start, end = mention_bounds(head)
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
            break  # "A judge *on Tuesday* questioned": when, not who
        if child.dep_ in ("prep", "amod", "acl") and child.i == end:
            end = child.right_edge.i + 1
            # not a relative clause set off by a comma ("two employees at the
            # plant, who asked not to be named")
            end = next((t.i for t in doc[child.i:end] if t.text in (",", "(", "—", "–", ";")), end)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _main_subject(tok: Token) -> bool:
    """Is the name at ``tok`` the subject of its sentence's main verb ("The
    Ministry of Maritime Affairs responded"), not a subject inside someone's
    reported clause ("said sales slumped because *Walmart* had cut orders")?"""
    t = tok
    while t.dep_ in ("compound", "flat") and t.head is not t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"


def _according_to_source(tok: Token) -> bool:
    """Is the token the source of an "according to" ("…, according to
    *Hallvardsen*")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _salience(tok: Token, spoke: bool) -> int:
    """How likely a mention is the one a later he/she refers to: someone who
    spoke, then the subject of the main clause (or the one it questions),
    then any subject."""
    if spoke:
        return 3
    t = tok
    while t.dep_ in ("compound", "flat", "appos") and t.head is not t:
        t = t.head
    if t.dep_ in ("nsubj", "nsubjpass"):
        return 2 if t.head.dep_ == "ROOT" else 1
    if t.dep_ == "dobj" and t.head.dep_ == "ROOT" and t.head.lemma_.lower() in lexicon().questioning_verbs:
        return 2  # the one questioned answers next: "Pereira pressed *Solvik* on inventory. She said"
    if t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"):
        return 1  # "Della Finchley's son has been admitted …. '…,' she said"
    return 0


def _previous_person(doc: Doc, before: int, table: NameTable, max_sents: int = 6,
                     speakers: Optional[list[SpeakerRef]] = None) -> Optional[tuple[int, str]]:
    """The person a he/she at token ``before`` most likely refers to: in the
    nearest sentence that names a person (this one, left of the pronoun,
    first), the most salient mention (see :func:`_salience`), the last one
    among equals. People who spoke (``speakers``) count even when the NER
    missed them."""
    cand: list[tuple[int, str, bool]] = [(i, n, False) for i, n in table.persons if i < before]
    for r in speakers or []:
        if r.label == "PERSON" and r.head is not None and r.head < before and r.name:
            cand.append((r.head, r.name, True))
    # a surname the article introduced, as a subject the NER did not tag
    # ("Ferreira-Quist learned of it by text message. '…,' she said")
    known = {i for i, _, _ in cand}
    lo = max(0, before - 120)
    for tok in doc[lo:before]:
        # (or the source of an "according to", who spoke: "…, according to
        # Hallvardsen. She said her team hopes to return")
        source = _according_to_source(tok)
        # (tagged a noun too: "*Farrow* would not confirm that", opening its sentence)
        if (tok.i not in known and (tok.pos_ == "PROPN" or (tok.tag_ == "NN" and tok.is_title))
                and (tok.dep_ in ("nsubj", "nsubjpass") or source)
                and tok.ent_type_ == "" and tok.lower_ in table.surnames
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].like_num)):  # not "Battle Angel 2"
            cand.append((tok.i, table.surnames[tok.lower_], source))
    # a name inside the quote or clause the pronoun's verb reports is not its
    # speaker ('"Veloria has subsidised its mills," he said'; "Investors are
    # more worried about the Wren, she said")
    sents = sentence_index(doc)
    if before < len(doc):
        cand = [c for c in cand if not ((sents.same(c[0], before) and _closes_quote(doc[c[0]:before].text)
                                         and _inside_quote(doc, c[0]))
                                        or _in_quote_tagged_by(doc, c[0], before))]
        pron = doc[before]
        if pron.dep_ in ("nsubj", "nsubjpass"):
            for comp in pron.head.children:
                if comp.dep_ in ("ccomp", "parataxis") and comp.i < pron.i:
                    lo, hi = comp.left_edge.i, comp.right_edge.i
                    cand = [c for c in cand if not lo <= c[0] <= hi]
    gender = word_gender(doc[before].text) if before < len(doc) else None
    if gender:  # "he" is not a person the article calls "she"
        # (nor one an earlier he/she of this article was resolved to: in a
        # back-and-forth, '"…," she said' taken as Whitcombe's makes her "she")
        # Only the '"…," she said' of a quote counts: a he/she inside
        # someone's reported clause may have been resolved on less.
        called = {}
        for r in speakers or []:
            said = word_gender(r.text) if r.text and r.head is not None and r.head < before else None
            if said and r.label == "PERSON" and r.name and r.head >= 1 and (
                    doc[r.head - 1].is_quote or (r.head >= 2 and doc[r.head - 1].is_punct and doc[r.head - 2].is_quote)):
                called[r.name] = said
        cand = [c for c in cand if table.genders.get(c[1], called.get(c[1], gender)) == gender]
    if not cand:
        return None
    by_sent: dict[int, list[tuple[int, str, bool]]] = {}
    for i, n, spoke in cand:
        by_sent.setdefault(sents.start(i), []).append((i, n, spoke))
    for k, st in enumerate(sorted(by_sent, reverse=True)):
        if k >= max_sents:
            break
        group = by_sent[st]
        spoke_heads = {i for i, _, sp in group if sp}
        # among equals the main clause's subject, then the last one: "Halvard
        # said X would have to prove that Varrow knew …" — Halvard, though
        # Varrow "knew" something too
        best = max(group, key=lambda g: (_salience(doc[g[0]], g[0] in spoke_heads),
                                         _salience(doc[g[0]], False), g[0]))
        return best[0], best[1]
    return None


def _inside_quote(doc: Doc, i: int) -> bool:
    """Is token ``i`` inside a quotation ('"Veloria has subsidised its
    mills," he said')? Not a name before a partial quote ('Moravec argued
    that the county had "manufactured an emergency", and she told …')."""
    from .attribution import quote_ranges  # (attribution imports this module)

    idx = doc[i].idx
    return any(s <= idx < e for s, e in quote_ranges(doc))


def _in_quote_tagged_by(doc: Doc, i: int, pronoun: int) -> bool:
    """Is token ``i`` inside the quote that the tag holding token ``pronoun``
    closes, however many sentences the quote runs to ('"Quarry Lane has
    given us everything. But it holds 14,000 people," she said': Quarry Lane
    is not "she")? Only punctuation and spaces may stand between the quote's
    closing mark and the pronoun."""
    from .attribution import quote_ranges  # (attribution imports this module)

    idx, at = doc[i].idx, doc[pronoun].idx
    for s, e in quote_ranges(doc):
        if s <= idx < e:
            if e > at:
                return False
            gap = doc.text[e:at]  # (read once: spaCy rebuilds doc.text on every access)
            return re.fullmatch(r"[\s\W]*", gap) is not None and (_closes_quote(gap) or "\u00bb" in gap)
    return False


def _closes_quote(text: str) -> bool:
    return any(q in text for q in ('"', "\u201d", "''"))


def _prefix_org(words: list[str], orgs: list[tuple[int, str]], before: int) -> Optional[str]:
    """The organization named before token ``before`` whose name starts with
    ``words`` (lowercase): "Tallis Ridge" -> "Tallis Ridge Partners"."""
    for i, org in orgs:
        if i < before and len(org.split()) > len(words) and org.lower().split()[:len(words)] == words:
            return org
    return None


def _person_evidence(root: Token) -> bool:
    """Does the text say this name is a person's ("X, an economist", "X, who
    …", "X, 27,", "Governor X")?"""
    return (_described_as_person(root) or _who_relative(root) or _age_appositive(root) or _age_before(root)
            or _titled_person(root.doc[mention_bounds(root)[0]:root.i]))


def _age_before(root: Token) -> bool:
    """"*15-year-old* Ilias Marek played": an age right before the name."""
    doc = root.doc
    i = root.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
        i -= 1  # back to the name's first word
    return (i >= 3 and doc[i - 1].lower_ == "old" and doc[i - 2].text in ("-", "‐")
            and doc[i - 3].lower_ in ("year", "years") and i >= 5 and doc[i - 5].like_num)


def _relabel_short_name(name: str, label: str, table: NameTable, before: Optional[int] = None) -> tuple[str, str]:
    """A one-word name the article introduced in full: 'Reyes' after 'Alan
    Reyes' is that person, 'Bellmont' after 'Bellmont Markets' that
    organization, whatever the NER called the short form. With ``before``
    (the mention's token), 'Tallis Ridge' after 'Tallis Ridge Partners' is
    that firm too."""
    if len(name.split()) != 1:
        org = _prefix_org(name.lower().split(), table.orgs, before) if before is not None else None
        return ("ORG", org) if org else (label, name)
    key = name.lower()
    if key in table.surnames:
        return "PERSON", table.surnames[key]
    for _, org in table.orgs:
        words = org.split()
        if (len(words) > 1 and words[0].lower() == key) or org.lower() == key:
            return "ORG", org  # (an exact match: the article showed it is a company once)
    return label, name


def _name_head_word(name: str) -> str:
    """The word an organization's name is a kind of: "Water Quality *Board*",
    "*Board* of Education", "*Department* for Transport"."""
    words = name.lower().split()
    for k, w in enumerate(words):
        if w in ("of", "for") and k > 0:
            return words[k - 1]
    return words[-1] if words else ""


def _previous_org(doc: Doc, before: int, table: NameTable, noun: Optional[str] = None) -> Optional[str]:
    """The organization "the company" / "it" most likely means: one whose
    name is a kind the noun stands for ("the board": the Water Quality Board
    or the Board of Education; none for "the union" if no union was named), else the
    latest one mentioned as a subject before ``before`` ("*Corvane* said ... asked
    the FDA"); failing that the latest one that does not just modify another
    noun ("analysts *at Whitmore Securities*"); failing that the latest."""
    cand = [(i, n) for i, n in table.orgs if i < before]
    if noun:
        # "the board" is the Water Quality Board when one was named, "the
        # agency" the Department of Financial Protection
        lex = lexicon()
        words = lex.org_noun_names.get(noun, frozenset({noun}))
        named = [n for i, n in cand if _name_head_word(n) in words]
        if named:
            return named[-1]
        if noun in lex.strict_org_nouns:
            return None
    for test in (_subject_mention, lambda t: not _noun_modifier(t)):
        for i, n in reversed(cand):
            if test(doc[i]):
                return n
    return cand[-1][1] if cand else None


def _subject_mention(tok: Token) -> bool:
    """Is the name at ``tok`` (or the noun it names by apposition) a subject?
    ("Corvane said", "its maker, Corvane, said", "Corvane shares fell")"""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("compound", "flat", "appos", "poss") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _noun_modifier(tok: Token) -> bool:
    """Is the name headed near ``tok`` the object of a preposition on a noun?"""
    for _ in range(3):
        if tok.dep_ == "pobj":
            prep = tok.head
            return prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.ent_type_ == ""
        if tok.dep_ not in ("compound", "flat") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def evidential_sources(head: Token) -> list[Token]:
    """'X's report', 'hints from X and Y', 'a study by X', 'a report of the
    Audit Commission' → [X, Y]."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "poss":
            found.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of"):
            for pobj in child.children:
                # 'of' names an author ("a report of the Audit Commission"),
                # not what was studied ("a survey of 812 likely voters")
                # ("a survey of Californians", "a study of Medicare" neither)
                if pobj.dep_ == "pobj" and (child.lower_ != "of" or pobj.ent_type_ in ("ORG", "PERSON")):
                    found.append(pobj)
    out: list[Token] = []
    for tok in found:
        out.append(tok)
        out.extend(c for c in tok.conjuncts if c.i > tok.i)
    # not a date: "a cabinet report from March" was written in March, not by it
    return [t for t in out if t.pos_ in ("PROPN", "NOUN", "PRON") and t.ent_type_ not in ("DATE", "TIME")]


def _fronted_name(noun: Token) -> Optional[Token]:
    """'Beatrix Olumide, the archaeologist who leads the dig, believes X':
    the parser made the role noun the subject and hung the name before it
    elsewhere. Returns the name's root when a person's name opens the clause
    right before ', the <noun>' and is not a subject of its own."""
    doc = noun.doc
    if noun.dep_ not in ("nsubj", "nsubjpass") or not any(c.dep_ in ("det", "poss") for c in noun.children):
        return None
    left = noun.left_edge.i
    if left < 2 or doc[left - 1].text != ",":
        return None
    ent = _ent_of(doc[left - 2])
    if ent is None or ent.label_ != "PERSON" or ent.end != left - 1:
        return None
    if ent.start > 0 and not (doc[ent.start].is_sent_start or doc[ent.start - 1].is_punct or doc[ent.start - 1].is_space):
        return None
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass", "appos", "conj", "pobj", "dobj") or root.head.i > noun.head.i:
        return None
    return root


def resolve(head: Token, table: NameTable, last_speakers: Optional[list[SpeakerRef]] = None) -> Optional[SpeakerRef]:
    """Resolve the speaker whose mention is headed by ``head``.

    Returns None when the token cannot be a source (e.g. an inanimate noun
    like "optimism")."""
    lex = lexicon()
    doc = head.doc
    lower = head.lower_
    if head.pos_ == "NOUN" and head.ent_type_ in ("DATE", "TIME"):
        return None  # a time is no source ("*The quarter* suggests that X", "Last year showed")
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.ent_type_ == "PERSON" and head.head.pos_ == "PROPN":
        # "Owen Tackett, 29, *a warehouse worker* in Bellhaven who said X": the person described
        named = resolve(head.head, table, last_speakers)
        if named is not None and named.label == "PERSON":
            return named
    if lower in QUANTIFIERS:
        named = _appositive_name(head) if lower == "one" else None
        if named is not None:
            ref = resolve(named, table, last_speakers)  # "One of them, Mei-Lin Castellane-Obi, believes X"
            if ref is not None and ref.label == "PERSON":
                return ref
        # "most of the Senate Republicans", "two of the officials": the group named after 'of'
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            inner = resolve(pobj, table, last_speakers)
            s, e = head.left_edge.i, pobj.right_edge.i + 1
            if inner is not None:
                if inner.label in ("PERSON", "UNNAMED"):  # "one of the people", "two of the officials"
                    return SpeakerRef("UNNAMED", doc[s:e].text, _describe(doc[s:e]), s, e, head.i)
                return SpeakerRef(inner.label, doc[s:e].text, inner.name, s, e, head.i)
    if lower in QUANTIFIERS | {"those", "these"} and head.pos_ in ("PRON", "DET", "ADJ", "NUM", "NOUN"):
        # "Some said …", "those surveyed said …", "half said so"
        s, e = head.i, head.i + 1
        for child in head.rights:
            if child.dep_ in ("acl", "relcl", "amod", "prep") and child.i == e:
                e = child.right_edge.i + 1
        return SpeakerRef("UNNAMED", doc[s:e].text, _describe(doc[s:e]), s, e, head.i)
    if head.pos_ == "PRON" or lower in lex.person_pronouns | lex.plural_pronouns | lex.first_person:
        text = head.text
        if lower in lex.person_pronouns:
            prev = _previous_person(doc, head.i, table, speakers=last_speakers)
            unnamed = _previous_unnamed_speaker(doc, head, last_speakers) or _previous_unnamed_subject(doc, head)
            if unnamed is not None and (prev is None or unnamed.head > prev[0]):
                # "A board spokeswoman said … She said …": the person who just
                # spoke, though the article never named her
                return SpeakerRef("UNNAMED", text, unnamed.name, head.i, head.i + 1, head.i)
            if prev is None and last_speakers:
                # no person at all: a one-word "organization" that spoke just
                # before is a surname the NER mislabelled ("Vogel")
                r = last_speakers[-1]
                if r.name and len(r.name.split()) == 1 and r.label in ("ORG", "GPE") and r.head is not None and r.head < head.i:
                    prev = (r.head, r.name)
            if prev is None:
                return SpeakerRef("UNNAMED", text, None, head.i, head.i + 1, head.i)
            return SpeakerRef("PERSON", text, prev[1], head.i, head.i + 1, head.i)
        if lower in lex.plural_pronouns or lower in lex.org_pronouns:
            # "The city has hired a firm, and *it* said …": the subject of the
            # clause this one is coordinated with
            verb = head.head
            if head.dep_ == "nsubj" and verb.dep_ == "conj":
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < head.i), None)
                plural = subj is not None and subj.tag_ in ("NNS", "NNPS")
                if subj is not None and subj.pos_ in ("NOUN", "PROPN") and plural == (lower in lex.plural_pronouns):
                    ref = resolve(subj, table, last_speakers)
                    if ref is not None and ref.label in ("ORG", "GPE", "NORP", "UNNAMED") and (ref.label != "UNNAMED" or lower != "it"):
                        return SpeakerRef(ref.label, text, ref.name, head.i, head.i + 1, head.i)
            if lower in lex.org_pronouns and head.dep_ in ("nsubj", "nsubjpass") and verb.dep_ != "ROOT":
                # "the company expects X once Y, which *it* estimated would
                # happen …": the organization subject of the nearest cue verb
                # above the pronoun's clause (not "the hospital" in "The
                # Ministry said the hospital would close, a move it said …")
                from .attribution import cue_entry  # (attribution imports this module)

                anc = verb.head
                for _ in range(12):
                    if cue_entry(anc) is not None and anc.i < head.i:
                        subj = next((c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")
                                     and c.pos_ in ("NOUN", "PROPN") and c.tag_ not in ("NNS", "NNPS")), None)
                        ref = resolve(subj, table, last_speakers) if subj is not None else None
                        if ref is not None and ref.label == "ORG":
                            return SpeakerRef("ORG", text, ref.name, head.i, head.i + 1, head.i)
                        break
                    if anc.head.i == anc.i:
                        break
                    anc = anc.head
            if last_speakers:
                ref = last_speakers[-1]
                if ref.label in ("ORG", "UNNAMED", "NORP", "GPE"):
                    # unless an organization the article named as a subject
                    # since then ('the statement read …. Marnovia's Ministry of
                    # Maritime Affairs responded within hours. … it insisted')
                    if lower in lex.org_pronouns and ref.head is not None:
                        newer = [n for i, n in table.orgs if ref.head < i < head.i and _main_subject(doc[i])
                                 and not sentence_index(doc).same(i, head.i) and not _inside_quote(doc, i)]
                        if newer:
                            return SpeakerRef("ORG", text, newer[-1], head.i, head.i + 1, head.i)
                    return SpeakerRef(ref.label, text, ref.name, head.i, head.i + 1, head.i)
            if lower in lex.org_pronouns:
                org = _previous_org(doc, head.i, table)
                if org:
                    return SpeakerRef("ORG", text, org, head.i, head.i + 1, head.i)
                return None
            return SpeakerRef("UNNAMED", text, None, head.i, head.i + 1, head.i)
        if lower in lex.first_person:
            return SpeakerRef("UNNAMED", text, None, head.i, head.i + 1, head.i)
        return None
    ent = _ent_of(head)
    start, end = mention_bounds(head)
    text = doc[start:end].text
    if ent is not None:
        label = _NAME_LABEL[ent_label(ent)]
        if label != "PERSON" and _titled_person(doc[start:ent.start]):
            label = "PERSON"  # "Governor Ana Lima" read as a place
        name = clean_name(ent)
        if label == "PERSON":
            name = table.full_name(person_name(ent))
        label, name = _relabel_short_name(name, label, table, None if _person_evidence(ent.root) else start)
        return SpeakerRef(label, text, name, start, end, head.i)
    # (also a title the tagger read as a name that no entity covers: "County
    # Registrar of Voters Helen Marchetti said")
    named = _appositive_person(head) if (head.pos_ == "NOUN" or lower in lex.role_words or (
        head.pos_ == "PROPN" and not head.ent_type_)) else None
    if named is not None and lower not in lex.org_nouns:
        # "The Chancellor, Desmond Aske, said" (a title read as a name), "The
        # jury president, the director Odile Brasseur, rejected"
        ref = resolve(named, table, last_speakers)
        if ref is not None and ref.label == "PERSON":
            return SpeakerRef("PERSON", text, ref.name, start, end, head.i)
    if head.pos_ == "PROPN" and lower in lex.role_words and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        titled = _titled_person_for(doc, head, table)  # "The MP insisted" after "The MP for Dene, Gideon Farrant"
        if titled is not None:
            return SpeakerRef("PERSON", text, titled, start, end, head.i)
    if head.pos_ == "PROPN" or (head.is_title and head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in head.children)
                                and lower not in lex.org_nouns and head.lemma_.lower() not in lex.unnamed_nouns
                                and head.lemma_.lower() not in lex.evidential_nouns and not is_human_noun(head)):
        if end - start == 1 and head.is_sent_start and lower.endswith("s") and (
                lower[:-1] in lex.role_words or lower[:-1] in lex.unnamed_nouns or lower[:-1] in lex.person_nouns
                or lower in lex.unnamed_nouns or lower in lex.person_nouns):
            # "Inspectors wrote that X": a plural common noun opening the
            # sentence, tagged as a name
            return SpeakerRef("UNNAMED", text, lower, start, end, head.i)
        # a name the NER missed (the small model tags some names as nouns)
        role = max((t.i for t in doc[start:head.i] if t.pos_ == "NOUN" and t.lower_ in lex.role_words), default=None)
        words = strip_roles([t.text for t in doc[(role + 1 if role is not None else start):end]], person=True)
        name = _join_words(words) or head.text
        if not name.split():
            return None  # no word at all: a control character tagged as a name ("\x0b")
        full = table.full_name(name)
        # a known surname, or one capitalized word (most often a surname), is
        # a person; so is a name after a role noun ("District spokesperson Hal Winship")
        label = "PERSON" if (full != name or name.split()[-1].lower() in table.surnames or len(name.split()) == 1
                             or _person_evidence(head) or role is not None) else "ORG"  # "Oren Feld, chief economist at …"
        if full == name:
            label, full = _relabel_short_name(name, label, table)
        return SpeakerRef(label, text, full, start, end, head.i)
    age = _age_epithet(head) if head.pos_ == "NOUN" else None
    if age is not None:
        # "The 29-year-old singer announced ...": the person just named, if
        # the article gave them that age ("Sasha Delacorte, 29,") -- not "The
        # 34-year-old suspect" after a police chief
        prev = _previous_person(doc, start, table, speakers=last_speakers)
        if prev is not None and _stated_age(doc.text, prev[1], age):
            return SpeakerRef("PERSON", text, prev[1], start, end, head.i)
    if head.pos_ == "NOUN":
        fronted = _fronted_name(head)
        if fronted is not None:
            ref = resolve(fronted, table, last_speakers)
            if ref is not None and ref.label == "PERSON":
                s = _ent_of(fronted).start
                return SpeakerRef("PERSON", doc[s:end].text, ref.name, s, end, head.i)
        # an appositive may carry the name: "the mayor, Elena Ruiz", "the
        # supplier, Brennick Components,"
        is_org_noun = lower in lex.org_nouns or head.lemma_.lower() in lex.org_nouns
        # (a name the NER found first: "the association's president, Capt.
        # Ruth Adeyemi-Lund," is Adeyemi-Lund, not the title 'Capt.')
        for child in sorted(head.children, key=lambda c: _ent_of(c) is None):
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            ent = _ent_of(child)
            if ent is not None and ent.label_ not in ("PERSON", "ORG", "FAC", "GPE", "NORP", "PRODUCT"):
                continue
            ref = resolve(child, table, last_speakers)
            if (ref is not None and ref.label in ("GPE", "NORP") and not is_org_noun and is_human_noun(head)
                    and len(doc[ref.start:ref.end]) > 1):
                # "Its director, Agnes Mbeki," with the name read as a place
                ref = SpeakerRef("PERSON", ref.text, ref.name, ref.start, ref.end, ref.head)
            if ref is None or ref.label not in ("PERSON", "ORG"):
                continue
            # the noun says what it is: "the supplier, Brennick Components" is
            # an organization, "a spokeswoman, Ingrid Possel" a person
            if is_org_noun and ref.label == "PERSON":
                ref = SpeakerRef("ORG", ref.text, ref.name, ref.start, ref.end, ref.head)
            elif not is_org_noun and ref.label == "ORG" and is_human_noun(head):
                ref = SpeakerRef("PERSON", ref.text, ref.name, ref.start, ref.end, ref.head)
            return ref
    if lower in lex.org_nouns or head.lemma_.lower() in lex.org_nouns:
        det = [c for c in head.lefts if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
        # "the (regional) airline" is the one the article named last; "the
        # companies" are more than one, so no single name stands for them
        if det and head.tag_ != "NNS" and not any(c.dep_ == "compound" for c in head.lefts):
            org = _previous_org(doc, head.i, table, head.lemma_.lower())
            if org:
                return SpeakerRef("ORG", text, org, start, end, head.i)
        return SpeakerRef("ORG", text, _describe(doc[start:end]), start, end, head.i)
    titled = _titled_person_for(doc, head, table)
    if titled is not None:
        # "the mayor said" after "Mayor Dennis Kettering", "the chief
        # executive added" after "Miriam Achterberg, the airline's chief executive"
        return SpeakerRef("PERSON", text, titled, start, end, head.i)
    if lower in lex.unnamed_nouns or head.lemma_.lower() in lex.unnamed_nouns or lower in lex.role_words:
        s, e = _unnamed_description(head)
        return SpeakerRef("UNNAMED", doc[s:e].text, _describe(doc[s:e]), s, e, head.i)
    if head.pos_ == "NOUN" and (is_human_noun(head) or lower in lex.person_nouns or head.lemma_.lower() in lex.person_nouns):
        # ("The families of three men ... sued, alleging that")
        s, e = _unnamed_description(head)
        return SpeakerRef("UNNAMED", doc[s:e].text, _describe(doc[s:e]), s, e, head.i)
    return None


def _age_epithet(head: Token) -> Optional[str]:
    """The age in a definite noun phrase that describes someone by it ("*the
    29-year-old singer*": "29"), or None."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    for c in head.children:
        if c.dep_ == "amod" and c.lower_ == "old":
            for g in c.children:
                if g.lower_ in ("year", "years"):
                    n = next((n for n in g.children if n.like_num), None)
                    if n is not None:
                        return n.text
    return None


def _stated_age(text: str, name: str, age: str) -> bool:
    """Did the article give this person that age ("Sasha Delacorte, 29,",
    "29-year-old Sasha Delacorte", "Delacorte, who is 29")?"""
    last = re.escape(name.split()[-1])
    n = re.escape(age)
    return re.search(rf"\b{last}, (?:who is )?{n}\b|\b{n}-year-old (?:[A-Z][\w'-]+ )*{last}\b", text) is not None


def _appositive_person(head: Token) -> Optional[Token]:
    """A person's name in apposition to a capitalized title ("The
    *Chancellor*, Desmond Aske,") or to a noun in apposition to the head
    ("The jury president, the director Odile Brasseur,"). The plain case,
    "the mayor, Elena Ruiz", is resolve's own."""
    if head.pos_ == "PROPN":
        return _appositive_name(head)
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i > head.i and is_human_noun(child):
            found = _appositive_name(child)
            if found is not None:
                return found
    return None


def _appositive_name(tok: Token) -> Optional[Token]:
    """A person's name in apposition after ``tok`` ("One of them, *Mei-Lin
    Castellane-Obi*,"; "The Chancellor, *Desmond Aske*,")."""
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                 and c.i > tok.i), None)


def _titled_person_for(doc: Doc, head: Token, table: NameTable) -> Optional[str]:
    """The person a definite role noun stands for: "the mayor" is the
    latest person the article titled so ("Mayor Dennis Kettering", "Dennis
    Kettering, the mayor", "the mayor, Dennis Kettering"). None for an
    indefinite or plural noun, when no one was titled so, when the noun
    carries a description of its own ("the landlord of the building next
    door"), or when an unnamed one of the kind came since ("an analyst at
    Barclays"). A generic role alone ("the executive") needs exactly one
    person titled so."""
    lex = lexicon()
    lemma = head.lemma_.lower()
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS") or lemma not in lex.role_words \
            or lemma in lex.org_nouns:
        return None  # (a PROPN too: "The *MP* insisted", an abbreviated title tagged as a name)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
            c.dep_ == "poss" for c in head.children):
        return None
    words = {lemma} | {c.lemma_.lower() for c in head.lefts if c.dep_ in ("compound", "amod")}
    # "the analyst", "the executive" alone are too generic when the article
    # titled more than one person so ("the chief executive", "the company's
    # lawyer" are fine); with one ("Chief executive Alan Mercer said ... The
    # executive insisted") they are that person
    generic = lemma in lex.generic_roles and len(words) == 1 and not any(c.dep_ == "poss" for c in head.children)
    if any(c.dep_ in ("prep", "relcl", "acl") and c.i > head.i for c in head.children):
        return None  # "the landlord *of the building next door*": someone else, described
    found: list[str] = []

    def other_since(i: int, root: Token) -> bool:
        # an unnamed one of the same kind since ("An analyst at Barclays ... The
        # analyst added"): too vague (the person's own "a historian at X" is no other)
        return any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" and not root.left_edge.i <= t.i <= root.right_edge.i
                   and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children)
                   for t in doc[i + 1:head.i])
    for i, name in sorted(((i, n) for i, n in table.persons if i < head.i), reverse=True):
        tok = doc[i]
        ent = _ent_of(tok)
        first = ent.start if ent is not None else tok.i
        root = ent.root if ent is not None else tok
        before = {t.lemma_.lower() for t in doc[max(0, first - 3):first] if not t.is_punct}
        before |= {lex.title_abbreviations[t.lower_] for t in doc[max(0, first - 3):first] if t.lower_ in lex.title_abbreviations}
        appos = {t.lemma_.lower() for c in root.children if c.dep_ == "appos" for t in c.subtree}
        outer = {t.lemma_.lower() for t in root.head.subtree if t.i < root.i} if root.dep_ == "appos" else set()
        if (lemma in before and words <= before | {lemma}) or (lemma in appos and words <= appos) or (
                lemma in outer and words <= outer and root.head.lemma_.lower() == lemma):
            if other_since(i, root):
                return None
            if not generic:
                return name
            found.append(name)
    return found[0] if len(set(found)) == 1 else None


def _previous_unnamed_speaker(doc: Doc, pronoun: Token, last_speakers: Optional[list[SpeakerRef]]) -> Optional[SpeakerRef]:
    """The unnamed person ("a board spokeswoman", "the manager") who spoke
    last, in this sentence or the one before (their own quote sentences may
    stand between), if a he/she may refer to them: the noun is a person's,
    with a determiner (not a possessive), and does not contradict the
    pronoun's gender."""
    if not last_speakers:
        return None
    r = last_speakers[-1]
    if r.label != "UNNAMED" or r.head is None or r.head >= pronoun.i or not r.name:
        return None
    noun = doc[r.head]
    if noun.pos_ != "NOUN" or noun.tag_ in ("NNS", "NNPS") or not is_human_noun(noun):
        return None
    if not any(c.dep_ == "det" for c in noun.children):
        return None  # (not "*Her* lawyer said X. She said Y": the possessor is the one in view)
    if _reported_by_named(noun):
        return None  # (not "Achterberg said *the guard* expects X. ... she said": a subject of her words)
    # ("a board spokeswoman", "the other aide", "the manager": a definite
    # role noun stays UNNAMED only when the article titled nobody so, since
    # resolve() gives "the judge" to "Judge Helena Marchbanks")
    gender, said = word_gender(noun.text), word_gender(pronoun.text)
    if gender is not None and said is not None and gender != said:
        return None
    sents = sentence_index(doc)
    here = sents.start(pronoun.i)
    there = sents.start(r.head)
    for _ in range(3):
        if there == here:
            return r
        if here == 0:
            return None
        here = sents.start(here - 1)
        if here != there and not doc[here].is_quote:
            return None  # only this sentence or the one before, with their quotes in between:
            # ('"...," the manager said. "We have tried for two years." *He* said')
    return r if there == here else None


def _reported_by_named(tok: Token) -> bool:
    """Is ``tok`` inside the clause a named person's verb reports ("Achterberg
    said *the guard* expects to keep vessels on site")?"""
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "ccomp" and any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or any(
                a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in c.children)) for c in cur.head.children):
            return True  # ("Batalla said", "Rudd's spokeswoman, Ines Batalla, said")
        cur = cur.head
    return False


def _previous_unnamed_subject(doc: Doc, pronoun: Token) -> Optional[SpeakerRef]:
    """The unnamed person who is the main subject of the sentence before the
    pronoun's ("*One Veloria captain*, who spoke on the condition that her
    name not be used, described X. '...,' *she* said"), when a he/she may
    refer to them: a singular person's noun brought in by 'a', 'another' or
    'one', the active subject of a verb with an object or a clause (as a
    speaker's is), no name in apposition, no quote in that sentence, and no
    gender against the pronoun's."""
    sents = sentence_index(doc)
    here = sents.start(pronoun.i)
    if here == 0:
        return None
    there = sents.start(here - 1)
    root = next((t for t in doc[there:here] if t.dep_ == "ROOT"), None)
    noun = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN" or not is_human_noun(noun):
        return None
    if any(c.dep_ == "auxpass" for c in root.children) or not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children):
        return None  # (one who acts on something, as a speaker does: not "A cyclist was killed there", "died")
    if not any(c.lower_ in ("a", "an", "another", "one") and c.dep_ in ("det", "nummod") for c in noun.children):
        return None  # (a newcomer: "the minister", "the rocker" point back at someone, or something, else)
    if any(t.is_quote for t in doc[there:here]):
        return None  # (not a subject inside someone's quote)
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children):
        return None
    gender, said = word_gender(noun.text), word_gender(pronoun.text)
    if gender is not None and said is not None and gender != said:
        return None
    return described_source(noun)


def described_source(head: Token) -> SpeakerRef:
    """A source the lexicons do not know, named by its noun phrase."""
    s, e = mention_bounds(head)
    span = head.doc[s:e]
    return SpeakerRef("UNNAMED", span.text, _describe(span), s, e, head.i)


def _titled_person(left: Span) -> bool:
    """A role word followed by a proper name: 'Governor Ana', 'Dr. Hill';
    or words ending in a role noun: 'Commission chair', 'Board president'."""
    lex = lexicon()
    words = [t for t in left if not t.is_punct]
    if len(words) >= 2 and words[-1].pos_ == "NOUN" and words[-1].lower_ in lex.role_words \
            and words[-1].lower_ not in lex.org_nouns and all(t.pos_ in ("PROPN", "NOUN", "ADJ") for t in words):
        return True
    return (
        len(words) >= 1
        and words[0].lower_ in lex.role_words
        and words[0].lower_ not in lex.org_nouns
        and (len(words) == 1 or any(t.pos_ == "PROPN" and t.lower_ not in lex.role_words for t in words[1:]))
    )


def _describe(span: Span) -> str:
    """A normalized description of an unnamed source: the phrase as written,
    lowercased, without a leading article."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return span.doc[start:span.end].text.lower()


_HUMAN_SUFFIXES = ("er", "or", "ist", "ian", "ent", "ant", "man", "woman", "person", "people")


def is_human_noun(token: Token) -> bool:
    """A noun for a person or people ('administrators', 'the mayor'), by the
    lexicons and the agent suffixes."""
    if token.ent_type_ in ("DATE", "TIME"):
        return False  # "the quarter", "last winter"
    lemma = token.lemma_.lower()
    lex = lexicon()
    if lemma in lex.role_words or lemma in lex.unnamed_nouns:
        return True
    if lemma.endswith("ment"):
        return False  # "payment", "statement", "agreement": not people
    return lemma.endswith(_HUMAN_SUFFIXES) and len(lemma) > 4 and lemma not in {"order", "number", "center", "paper", "matter", "letter", "water", "power", "corner", "document"}


def can_speak(token: Token) -> bool:
    """Could the noun phrase headed by ``token`` be a source at all? Names,
    pronouns, people ("the lawyer"), organizations ("the agency") and
    documents ("the report") can; "two other convictions" cannot."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lex = lexicon()
    lemma = token.lemma_.lower()
    words = {lemma, token.lower_}
    return is_human_noun(token) or any(
        w in lex.org_nouns or w in lex.evidential_nouns or w in lex.person_nouns
        or w in lex.female_words or w in lex.male_words for w in words)
