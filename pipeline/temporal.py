"""Temporal expressions: find them in a parsed doc and normalize to TIMEX3.

Algorithms only; the lexicons (month names, seasons, vague words, modifiers,
number words, ...) live in ``models/temporal.json`` and are validated on load
by :class:`TemporalLexicon`.

Steps of :func:`find_timexes`:

1. candidates: spaCy DATE/TIME entities (trimmed of possessive "'s",
   edge punctuation and leading signals such as "about") plus matches of
   our own regex patterns (built from the lexicon) for what NER misses or
   cuts ("mid-2026", "no earlier than 2030", "earlier this month", ...).
   The patterns only scan small windows of the lower-cased text around
   trigger tokens (month/weekday/unit words, year-like shapes), found with
   one vectorized pass over the doc's token arrays; this keeps the whole
   step at a few percent of spaCy's own time;
2. each candidate is widened leftwards over in-span modifiers ("early",
   "no earlier than", "about", "the end of") and rightwards over
   post-modifiers ("or so");
3. each candidate is normalized (:func:`normalize`, cached) with the tense of
   its governing verb, which decides the side of relative weekday/month
   names ("said on Tuesday" -> the Tuesday before the anchor, "will meet on
   Tuesday" -> the one after);
4. a non-overlapping set is chosen, longest first (candidates that do not
   normalize at all are dropped; relative ones without an anchor are kept
   with value None);
5. out-of-span signals ("before", "after", "by", "since", "until") right
   before a DATE set its ``mod`` without entering the span (TimeML keeps
   signals outside TIMEX3).

:func:`normalize` is a small regex grammar over the lower-cased expression
(fast path). ``dateparser`` is only a fallback for unusual absolute dates,
with its known false positives refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from pydantic import BaseModel, ConfigDict, Field

from pipeline.models import TemporalExpression
from pipeline.rules import load_json_rules

# --------------------------------------------------------------------------
# lexicon (rule data)

MOD_VALUES = {
    "ON_OR_AFTER", "ON_OR_BEFORE", "BEFORE", "AFTER", "START", "MID", "END",
    "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
}


class Modifier(BaseModel):
    """A modifier phrase before a temporal expression ("early" -> START)."""

    model_config = ConfigDict(extra="forbid")

    phrase: str
    mod: Optional[str] = None
    in_span: bool = True  # False: a TimeML signal, kept outside the span
    relative_only: bool = False  # only before this/last/next ... ("earlier this month")
    duration_only: bool = False  # only before durations ("over two years")

    def model_post_init(self, __context) -> None:  # noqa: D401
        if self.mod is not None and self.mod not in MOD_VALUES:
            raise ValueError(f"unknown mod {self.mod!r} for phrase {self.phrase!r}")


class TemporalLexicon(BaseModel):
    """models/temporal.json."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    comment: Optional[str] = Field(default=None, alias="_comment")
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    day_words: dict[str, int]
    named_times: dict[str, str]
    holidays: dict[str, str]
    number_words: dict[str, float]
    vague_numbers: list[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    vague: dict[str, str]
    vague_find: list[str]
    sets: dict[str, str]
    modifiers: list[Modifier]
    post_modifiers: dict[str, str]
    ref_words: dict[str, int]
    stopwords: list[str]


@lru_cache(maxsize=1)
def lexicon() -> TemporalLexicon:
    return load_json_rules("temporal.json", TemporalLexicon)


# --------------------------------------------------------------------------
# public result type


@dataclass(frozen=True)
class Timex:
    text: str
    start: int
    end: int
    value: str | None
    granularity: str | None
    mod: str | None
    type: str

    def to_model(self) -> TemporalExpression:
        return TemporalExpression(
            text=self.text,
            value=self.value,
            granularity=self.granularity,
            mod=self.mod,
            type=self.type,
            start=self.start,
            end=self.end,
        )


Norm = tuple[Optional[str], Optional[str], Optional[str], str]

# --------------------------------------------------------------------------
# grammar


def _alt(words: Iterable[str]) -> str:
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


class _Grammar:
    """Compiled patterns built from the lexicon."""

    def __init__(self, lex: TemporalLexicon):
        self.lex = lex
        month_keys = []
        for k in lex.months:
            month_keys.append(k)
        self.MONTH = "(?:" + "|".join(
            re.escape(k) + (r"\.?" if len(k) <= 4 and k != "may" and k != "june" and k != "july" else "")
            for k in sorted(month_keys, key=len, reverse=True)
        ) + ")"
        self.MONTH_FULL = _alt(k for k in lex.months if len(k) > 3 and k not in ("sept",))
        self.WEEKDAY = "(?:" + "|".join(
            re.escape(k) + (r"\.?" if len(k) <= 5 and not k.endswith("day") else "")
            for k in sorted(lex.weekdays, key=len, reverse=True)
        ) + ")"
        self.WEEKDAY_FULL = _alt(k for k in lex.weekdays if k.endswith("day"))
        self.SEASON = _alt(lex.seasons)
        self.POD = _alt(k for k in lex.parts_of_day if k not in ("tonight",))
        ones = [k for k, v in lex.number_words.items() if 1 <= v < 10 and " " not in k and k not in ("a", "an")]
        tens = [k for k, v in lex.number_words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
        self.NUMW = (
            "(?:" + _alt(tens) + r"(?:[-\s]" + _alt(ones) + ")?|" + _alt(lex.number_words) + ")"
        )
        self.NUM = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|" + self.NUMW + ")"
        self.FRAC = r"(?:\s+(?:1/2|and\s+a\s+half|and\s+one-half))?"
        self.VAGUE_NUM = _alt(lex.vague_numbers)
        unit_forms = []
        for k in lex.units:
            unit_forms.append(k)
        self.UNIT = "(?:" + "|".join(
            re.escape(k) + ("(?:s)?" if k != "century" else "") for k in sorted(unit_forms, key=len, reverse=True)
        ) + "|centuries)"
        self.ORD = _alt(k for k in lex.ordinals if k not in ("last", "final")) 
        self.ORD_ALL = _alt(lex.ordinals)
        self.REF = _alt(lex.ref_words)
        self.YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
        self.DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        self.DAYWORD = _alt(lex.day_words)
        self.TIME = (
            r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?:\s+(?:[a-z]{1,3}t|gmt|utc|local\s+time))?"
            r"|\d{1,2}:\d{2}(?:\s+(?:[a-z]{1,3}t|gmt|utc))?|" + _alt(lex.named_times) + ")"
        )
        mods_in = [m for m in lex.modifiers if m.in_span]
        self.mods_in = sorted(mods_in, key=lambda m: len(m.phrase), reverse=True)
        self.mods_out = {m.phrase: m for m in lex.modifiers if not m.in_span}
        self.MOD_IN = _alt(m.phrase.rstrip("-") for m in mods_in)
        self.vague = {k: v for k, v in lex.vague.items()}
        self.sets = dict(lex.sets)

        M, W, S, N, U, O, R, Y = (
            self.MONTH, self.WEEKDAY, self.SEASON, self.NUM, self.UNIT, self.ORD, self.REF, self.YEAR
        )
        D = self.DAYNUM
        self.finders: list[re.Pattern] = [
            # absolute dates
            re.compile(
                rf"\b(?:{self.WEEKDAY_FULL},?\s+)?{M}\s+{D}(?:,?\s+{Y}\b)?(?!\d)", re.I
            ),
            re.compile(rf"\b(?:{self.WEEKDAY_FULL},?\s+)?(?:the\s+)?{D}\s+(?:of\s+)?{M}(?:,?\s+{Y})?\b", re.I),
            re.compile(rf"\b{M}(?:,|\s+of)?\s+{Y}\b", re.I),
            re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"),
            # decades, centuries
            re.compile(rf"\b(?:the\s+)?(?:mid-?|early\s+|late\s+)?(?:\d{{3}}0'?s|'\d0s)\b", re.I),
            re.compile(rf"\b(?:the\s+)?{O}[-\s]century\b", re.I),
            # quarters, halves
            re.compile(
                rf"\b(?:(?:{R}\s+year's|the\s+year-(?:earlier|ago)|the)\s+)?(?:(?:fiscal|calendar|flat|same)\s+)?"
                rf"(?:{Y}\s+)?{O}(?:[-\s]+|\s+fiscal\s+)quarters?(?:\s+of\s+(?:fiscal\s+)?{Y}|,?\s+{Y})?\b",
                re.I,
            ),
            re.compile(rf"\bq[1-4](?:\s+|-|/){Y}\b|\b{Y}(?:\s+|-)q[1-4]\b", re.I),
            re.compile(
                rf"\b(?:{R}\s+|the\s+(?:latest|same|year-earlier|year-ago|most\s+recent|previous|current|fiscal)\s+|"
                rf"(?:latest|current|year-earlier|year-ago)\s+|the\s+)(?:quarter|period)s?\b",
                re.I,
            ),
            re.compile(rf"\b(?:the\s+)?(?:first|second|last)\s+half(?:\s+of\s+(?:(?:this|last|next)\s+year|{Y}))?\b", re.I),
            re.compile(rf"\b(?:the\s+)?(?:first|last|past|next)\s+{N}\s+(?:months|quarters|weeks)(?:\s+of\s+(?:{Y}|the\s+year|this\s+year|last\s+year))?\b", re.I),
            # relative
            re.compile(
                rf"\b(?:(?:earlier|later|early|late)\s+)?{R}\s+(?:week(?:end)?|month|year|quarter|decade|century|"
                rf"{S}|{self.MONTH_FULL}|{self.WEEKDAY_FULL}(?:\s+{self.POD})?)\b",
                re.I,
            ),
            re.compile(
                rf"\b(?:(?:about|around|nearly|almost|some|roughly|more\s+than|less\s+than|only|just)\s+)?"
                rf"(?:{N}{self.FRAC}|{self.VAGUE_NUM})[-\s]+{U}(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|from\s+now|hence)\b",
                re.I,
            ),
            re.compile(rf"\b(?:{self.DAYWORD}|this|last)\s+{self.POD}\b|\b(?:today|tonight|yesterday|tomorrow)\b", re.I),
            re.compile(rf"\b{self.WEEKDAY_FULL}(?:\s+{self.POD})?\b", re.I),
            re.compile(rf"\b{S}(?:\s+(?:of\s+)?{Y})\b", re.I),
            re.compile(rf"\b{self.MONTH_FULL}\s+(?:this|last|next)\s+year\b", re.I),
            re.compile(rf"(?<![\d.,:])\b{self.TIME}(?:,?\s+(?:on\s+)?(?:{self.WEEKDAY_FULL}|{self.DAYWORD}))(?!\w)", re.I),
            re.compile(rf"\b(?:nineteen|twenty)[-\s]+{self.NUMW}\b|\btwo\s+thousand(?:\s+and)?(?:[-\s]+{self.NUMW})?\b", re.I),
            re.compile(
                rf"\b(?:the\s+)?(?:weekend|year-end|year's\s+end|(?:the\s+)?end\s+of\s+the\s+(?:year|month|week|quarter)|"
                rf"year-(?:earlier|ago)|the\s+year-(?:earlier|ago)\s+(?:period|quarter))\b",
                re.I,
            ),
            # times
            re.compile(rf"(?<![\d.,:])\b(?:(?:{self.WEEKDAY_FULL}|{self.DAYWORD})\s+(?:at\s+)?)?{self.TIME}(?!\w)", re.I),
            # durations
            re.compile(
                rf"\b(?:the\s+(?:past|last|next|coming|first|previous|following|final)\s+)?{N}{self.FRAC}[-\s]+{U}(?:-long)?(?!-|\s+old\b)\b",
                re.I,
            ),
            re.compile(
                rf"\b(?:the\s+)?(?:(?:past|last|next|coming|first|previous|following)\s+)?{self.VAGUE_NUM}\s+"
                rf"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b",
                re.I,
            ),
            re.compile(rf"\b(?:the\s+)?(?:past|last|next|coming|previous|following)\s+(?:{U})\b", re.I),
            re.compile(r"\b(?:decades|centuries)\b", re.I),
            # sets
            re.compile(
                rf"\b(?:(?:once|twice|{N}\s+times)\s+(?:a|an|per|each)\s+{U}|(?:every|each)\s+(?:other\s+)?(?:{U}|{self.WEEKDAY_FULL}|{S})|"
                rf"{_alt(k for k in lex.sets if ' ' not in k)})\b",
                re.I,
            ),
            # vague
            re.compile(r"\b" + _alt(lex.vague_find) + r"\b", re.I),
            # holidays
            re.compile(r"\b" + _alt(lex.holidays) + r"\b", re.I),
            # decades in words; "the (full|fiscal) year" of earnings reports
            re.compile(r"\bthe\s+(?:(?:early|mid|late)[-\s]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", re.I),
            re.compile(r"\bthe\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+)?year\b", re.I),
        ]
        # bare years / months need context: a preposition or modifier before
        ctx = r"(?:in|since|by|until|till|through|from|to|during|before|after|of|and|between|fiscal|early|late|mid-?|around|about|year|summer|spring|fall|autumn|winter|than)"
        self.year_ctx = re.compile(rf"\b{ctx}\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?((?:fiscal\s+)?{Y})\b(?!\s*(?:%|percent))", re.I)
        self.fiscal_year = re.compile(rf"\b(?:fiscal|calendar)\s+(?:year\s+)?{Y}\b|\bfy\s?-?(?:{Y}|\d\d)\b", re.I)
        self.month_ctx = re.compile(
            rf"\b(?:in|since|by|until|till|through|from|during|before|after|of|early|late|mid-?|last|next|this|for|until|and)\s+(?:early\s+|late\s+|mid-?)?({self.MONTH_FULL})\b",
            re.I,
        )
        self.season_ctx = re.compile(rf"\b(?:in|by|during|before|after|since|until)\s+((?:the\s+)?{S})\b", re.I)
        self.month_bare = re.compile(rf"\b(?!may\b|march\b)({self.MONTH_FULL})\b")
        # the finders run over the lower-cased text, without re.I (twice as fast)
        self.scanners = [re.compile(p.pattern) for p in self.finders]
        self.scanners_ctx = [
            re.compile(p.pattern) for p in (self.year_ctx, self.month_ctx, self.season_ctx, self.month_bare)
        ]
        self.scanner_fy = re.compile(self.fiscal_year.pattern)
        # substrings every match of a scanner contains: a window without any
        # of them is not scanned (None: always scan)
        months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
        days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
        seasons = tuple(lex.seasons)
        times = ("a.m", "p.m", "am", "pm", "a m", "p m", "a. m", "p. m", ":") + tuple(lex.named_times)
        hol = tuple(w.split()[1] if w.startswith("the ") else w.split()[0] for w in lex.holidays)
        sets = ("once", "twice", "times", "every", "each") + tuple(k for k in lex.sets if " " not in k)
        self.scanner_keys: list[tuple[str, ...] | None] = [
            months, months, months, ("-", "/"), ("0s", "0's"), ("century",), ("quarter",),
            ("q1", "q2", "q3", "q4"), ("quarter", "period"), ("half",), ("months", "quarters", "weeks"),
            None,
            ("ago", "earlier", "later", "before", "now", "hence"),
            ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night", "midday", "mid-day"),
            days, seasons, months, times, ("nineteen", "twenty", "thousand"),
            ("weekend", "year-", "year's", "end"), times, None,
            ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"),
            None, ("decades", "centuries"), sets, None, hol, ("ties",), ("year",),
        ]
        assert len(self.scanner_keys) == len(self.scanners)
        self.scanner_ctx_keys = [None, months, seasons, months]
        self.scanner_fy_keys = ("fiscal", "calendar", "fy")
        self.trigger_words = self._trigger_words()
        self.tense_sensitive = re.compile(
            rf"\b(?:{self.MONTH}|{self.WEEKDAY}|{S}|quarter|weekend|{_alt(lex.holidays)})", re.I
        )
        self.pre_mod = re.compile(r"(?:^|(?<=\W))(" + self.MOD_IN + r")(?:\s+|-)$", re.I)
        self.mid_prefix = re.compile(r"(?:^|(?<=\s))(mid)-$", re.I)
        self.post_mod = re.compile(r"^\s+(" + _alt(lex.post_modifiers) + r")\b", re.I)
        self.out_mod_lead = re.compile(r"(?:" + _alt(self.mods_out) + r")\s+")
        self.out_mod = re.compile(r"\b(" + _alt(self.mods_out) + r")\s+$", re.I)

        # normalization patterns (fullmatch on a cleaned, lower-cased string)
        self.n_iso = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2}))?")
        self.n_slash = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})")
        self.n_mdy = re.compile(rf"(?:(?P<wd>{W}),?\s+)?(?:the\s+)?(?P<m>{M})\s+(?P<d>{D})(?:,?\s+(?P<y>{Y}|'\d\d))?")
        self.n_dmy = re.compile(rf"(?:(?P<wd>{W}),?\s+)?(?:the\s+)?(?P<d>{D})\s+(?:of\s+)?(?P<m>{M})(?:,?\s+(?P<y>{Y}|'\d\d))?")
        self.n_my = re.compile(rf"(?P<m>{M})(?:,|\s+of)?\s+(?P<y>{Y}|'\d\d)")
        self.n_month = re.compile(rf"(?:(?P<ref>{R})\s+)?(?P<m>{self.MONTH_FULL}|{M})")
        self.n_year = re.compile(rf"(?:(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|fiscal\s+year|year)\s+)?(?P<y>{Y})|fy\s?-?(?P<fy>{Y}|\d\d)|'(?P<yy>\d\d)")
        self.n_decade = re.compile(r"(?:the\s+)?(?P<c>\d{2})?(?P<d>\d)0'?s|(?:the\s+)?'(?P<d2>\d)0s")
        self.n_century = re.compile(rf"(?:the\s+)?(?P<o>{O})[-\s]century")
        self.n_quarter = re.compile(
            rf"(?:(?P<ref>{R})\s+year's\s+|the\s+|its\s+|a\s+|an\s+)?(?:(?P<y0>{Y})\s+)?(?:(?:fiscal|calendar|flat|same)\s+)?"
            rf"(?P<o>{O})(?:[-\s]+|\s+fiscal\s+)quarters?(?:\s+of\s+(?:fiscal\s+)?(?P<y>{Y})|,?\s+(?P<y2>{Y}))?"
        )
        self.n_qy = re.compile(rf"q(?P<q>[1-4])(?:\s+|-|/)(?P<y>{Y})|(?P<y2>{Y})(?:\s+|-)q(?P<q2>[1-4])")
        self.n_half = re.compile(rf"(?:the\s+)?(?P<h>first|second|last)\s+half(?:\s+of\s+(?:(?P<ref>this|last|next)\s+year|(?P<y>{Y})))?")
        self.n_rel = re.compile(
            rf"(?P<ref>{R})\s+(?P<what>week(?:end)?|month|year|quarter|decade|century|{S}|{M}|{W})(?:\s+(?P<pod>{self.POD}))?"
        )
        self.n_ago = re.compile(
            rf"(?P<n>{N}{self.FRAC}|{self.VAGUE_NUM})[-\s]+(?P<u>{U})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|from\s+now|hence)"
        )
        self.n_dayword = re.compile(rf"(?P<w>{self.DAYWORD})(?:\s+(?P<pod>{self.POD}))?|(?P<this>this|last)\s+(?P<pod2>{self.POD})")
        self.n_weekday = re.compile(rf"(?:on\s+)?(?P<wd>{W})(?:\s+(?P<pod>{self.POD}))?")
        self.n_weekday_set = re.compile(rf"(?P<wd>{self.WEEKDAY_FULL})s(?:\s+(?P<pod>{self.POD})s?)?")
        self.n_season = re.compile(rf"(?:the\s+)?(?P<s>{S})(?:\s+(?:of\s+)?(?P<y>{Y}))?")
        self.n_time = re.compile(
            r"(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?:(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?))?(?:\s+(?:[a-z]{1,3}t|gmt|utc|local\s+time))?"
        )
        self.n_named_time = re.compile(_alt(lex.named_times))
        self.n_time_split = re.compile(rf"(?P<date>.*?)(?:,?\s+(?:at\s+)?)?(?P<time>{self.TIME})(?:,?\s+(?P<date2>.+))?$")
        self.n_duration = re.compile(
            rf"(?:the\s+(?P<ref>past|last|next|coming|first|previous|following|final)\s+)?(?P<n>{N}{self.FRAC})[-\s]+(?P<u>{U})(?:-long)?"
            rf"(?:\s+(?:of|in)\s+(?P<of>.+))?"
        )
        self.n_vague_dur = re.compile(
            rf"(?:the\s+)?(?:(?P<ref>past|last|next|coming|first|previous|following)\s+)?(?:{self.VAGUE_NUM}\s+)?(?P<u>{U})s?(?:-long)?"
        )
        self.n_ref_unit = re.compile(rf"(?:the\s+)?(?P<ref>past|last|next|coming|previous|following)\s+(?P<u>{U})")
        self.n_set = re.compile(
            rf"(?:(?:once|twice|{N}\s+times)\s+(?:a|an|per|each|every)|per|each|every)\s+(?:other\s+)?(?P<u>{U}|{self.WEEKDAY_FULL}|{S}|{self.MONTH_FULL})"
        )
        self.n_quarter_misc = re.compile(
            rf"(?:(?P<ref>{R})\s+|the\s+(?P<which>latest|same|year-earlier|year-ago|most\s+recent|previous|current|fiscal)\s+|"
            rf"(?P<which2>latest|current|year-earlier|year-ago)\s+|(?P<the>the)\s+)?(?P<what>quarter|period)"
        )
        self.n_year_end = re.compile(r"(?:the\s+)?(?:year-end|year's\s+end|end\s+of\s+the\s+(?P<u>year|month|week|quarter))")
        self.n_year_ago = re.compile(r"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter))?")
        self.n_holiday = re.compile(_alt(lex.holidays))


    def _trigger_words(self) -> frozenset[str]:
        """Lower-case tokens near which a temporal expression can occur."""
        lex = self.lex
        words: set[str] = set()
        for k in list(lex.months) + list(lex.weekdays):
            words.update((k, k + "."))
        words.update(lex.seasons)
        words.update(lex.parts_of_day)
        words.update(lex.day_words)
        words.update(lex.named_times)
        for k in lex.units:
            words.update((k, k + "s"))
        words.update(("centuries", "half", "weekend", "weekends", "fiscal", "fy", "nineteen", "thousand",
                      "q1", "q2", "q3", "q4", "a.m.", "p.m.", "a.m", "p.m", "pm", "noon", "ago"))
        for k in list(lex.vague) + list(lex.vague_find) + list(lex.sets) + list(lex.holidays):
            words.add(k.split()[-1])
        words.discard("a")
        return frozenset(words)


_TRIGGER_SHAPE = re.compile(r"dddd|d:dd|^'?ddx$|^d+/d+/d+$|^[xX]+-dddd$")


@lru_cache(maxsize=1)
def _trigger_hashes():
    import numpy as np
    from spacy.strings import hash_string

    return np.array(sorted(hash_string(w) for w in grammar().trigger_words), dtype=np.uint64)


_shape_ok_cache: dict[int, bool] = {}


def _windows(doc) -> list[tuple[int, int]]:
    """Char ranges around trigger tokens (months, units, years...), merged.

    The regex finders only run inside these windows: a vectorized pass over
    the token arrays is far cheaper than scanning the whole text.
    """
    import numpy as np
    from spacy.attrs import IDX, LOWER, SHAPE

    n = len(doc)
    if n == 0:
        return []
    arr = doc.to_array([LOWER, SHAPE, IDX])
    trig = np.isin(arr[:, 0], _trigger_hashes())
    shapes = arr[:, 1]
    good = []
    strings = doc.vocab.strings
    for sh in np.unique(shapes).tolist():
        ok = _shape_ok_cache.get(sh)
        if ok is None:
            try:
                ok = bool(_TRIGGER_SHAPE.search(strings[sh]))
            except KeyError:
                ok = False
            _shape_ok_cache[sh] = ok
        if ok:
            good.append(sh)
    if good:
        trig |= np.isin(shapes, np.array(good, dtype=np.uint64))
    idxs = np.flatnonzero(trig).tolist()
    if not idxs:
        return []
    starts = arr[:, 2].tolist()
    tlen = starts[-1] + len(doc[-1].text_with_ws)
    out: list[list[int]] = []
    for i in idxs:
        lo = max(0, i - 8)
        hi = i + 6
        a = starts[lo]
        b = starts[hi] if hi < n else tlen
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


@lru_cache(maxsize=1)
def grammar() -> _Grammar:
    return _Grammar(lexicon())


# --------------------------------------------------------------------------
# value helpers


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, 1)


def _granularity(value: str | None, typ: str) -> str | None:
    if typ == "DURATION":
        return "duration"
    if typ == "SET":
        return "set"
    if value is None:
        return None
    if value.endswith("_REF"):
        return "vague"
    if "T" in value:
        return "time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-H\d", value):
        return "half"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None


def _num(s: str) -> float | str | None:
    """'two' -> 2, '2 1/2' -> 2.5, 'twenty-five' -> 25, 'several' -> 'X'."""
    g = grammar()
    lex = g.lex
    s = s.strip().lower()
    half = 0.0
    m = re.search(r"\s+(?:1/2|and\s+a\s+half|and\s+one-half)$", s)
    if m:
        half = 0.5
        s = s[: m.start()]
    s = re.sub(r"\s+", " ", s)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", s):
        return float(s.replace(",", "")) + half
    if s in lex.number_words:
        return lex.number_words[s] + half
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", s)
    if m and m.group(1) in lex.number_words and m.group(2) in lex.number_words:
        return lex.number_words[m.group(1)] + lex.number_words[m.group(2)] + half
    if s in lex.vague_numbers or s.split(" ")[-1] in lex.vague_numbers:
        return "X"
    return None


def _unit_code(u: str) -> str | None:
    u = u.lower()
    if u == "centuries":
        return "CE"
    lex = grammar().lex
    if u in lex.units:
        return lex.units[u]
    if u.endswith("s") and u[:-1] in lex.units:
        return lex.units[u[:-1]]
    return None


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def _duration(n: float | str, unit: str) -> str:
    if unit == "2W":
        unit, n = "W", (n * 2 if n != "X" else "X")
    if unit == "DE":
        unit, n = "Y", (n * 10 if n != "X" else "X")
        if n == "X":
            return "P" + "XDE"
    if unit == "CE":
        unit, n = "Y", (n * 100 if n != "X" else "X")
        if n == "X":
            return "PXCE"
    time = unit in ("H", "MIN", "S")
    code = {"MIN": "M"}.get(unit, unit)
    if n == "X":
        return ("PT" if time else "P") + "X" + code
    whole = int(n)
    frac = n - whole
    parts = f"{whole}{code}" if whole else ""
    if frac and unit in _SMALLER:
        sub_unit, k = _SMALLER[unit]
        sub = int(round(frac * k))
        sub_time = sub_unit in ("H", "MIN", "S")
        sub_code = {"MIN": "M"}.get(sub_unit, sub_unit)
        if time or sub_time:
            if time:
                return "PT" + parts + f"{sub}{sub_code}"
            return "P" + parts + "T" + f"{sub}{sub_code}"
        return "P" + parts + f"{sub}{sub_code}"
    if not parts:
        parts = f"0{code}"
    return ("PT" if time else "P") + parts


def _shift(anchor: dt.date, n: int, unit: str) -> tuple[str, str]:
    """anchor moved n units; returns (value, granularity)."""
    if unit in ("D",):
        d = anchor + dt.timedelta(days=n)
        return d.isoformat(), "day"
    if unit in ("W", "2W"):
        d = anchor + dt.timedelta(weeks=n * (2 if unit == "2W" else 1))
        return _iso_week(d), "week"
    if unit == "M":
        d = _add_months(anchor, n)
        return f"{d.year}-{d.month:02d}", "month"
    if unit == "Q":
        q = _quarter_of(anchor) - 1 + n
        y = anchor.year + q // 4
        return f"{y}-Q{q % 4 + 1}", "quarter"
    if unit == "Y":
        return f"{anchor.year + n}", "year"
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10}", "decade"
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100}", "century"
    if unit in ("H", "MIN", "S"):
        return anchor.isoformat(), "day"
    return None, None  # type: ignore[return-value]


def _year_for_month(month: int, anchor: dt.date, tense: str | None, ref: int | None = None, day: int | None = None) -> int:
    """The year of a month (and day) named without one.

    "last November" is the November of an earlier year unless it lies well
    back in the anchor's year; otherwise the nearest occurrence wins, and the
    tense only overrides it when the nearest one is more than two months on
    the wrong side ("said in December", published in January -> last year).
    """
    y = anchor.year
    if ref == -1:
        return y if month < anchor.month - 1 else y - 1
    if ref == 1:
        return y if month > anchor.month + 1 else y + 1
    day = day or 15
    a_ord = anchor.toordinal()
    best = []
    for yy in (y - 1, y, y + 1):
        try:
            d = dt.date(yy, month, min(day, 28))
        except ValueError:
            continue
        best.append((abs(d.toordinal() - a_ord), d.toordinal() - a_ord, yy))
    best.sort()
    dist, signed, yy = best[0]
    if dist > 62:
        if tense == "past" and signed > 0:
            return yy - 1
        if tense == "future" and signed < 0:
            return yy + 1
    return yy


def _weekday_date(wd: int, anchor: dt.date, tense: str | None, ref: int | None = None) -> dt.date:
    cur = anchor.isoweekday()
    if ref == 0:  # "this Friday": the one in the anchor's week
        return anchor + dt.timedelta(days=wd - cur)
    if ref == -1:  # "last Friday": strictly before
        delta = (cur - wd) % 7 or 7
        return anchor - dt.timedelta(days=delta)
    if ref == 1:  # "next Friday": strictly after
        delta = (wd - cur) % 7 or 7
        return anchor + dt.timedelta(days=delta)
    if tense in ("future", "present"):
        return anchor + dt.timedelta(days=(wd - cur) % 7)
    return anchor - dt.timedelta(days=(cur - wd) % 7)


def _holiday(spec: str, year: int) -> dt.date | None:
    """'12-25' fixed; '11-4-4' the 4th Thursday of November; '05-L-1' the last Monday of May."""
    parts = spec.split("-")
    try:
        if len(parts) == 2:
            return dt.date(year, int(parts[0]), int(parts[1]))
        month, nth, wd = int(parts[0]), parts[1], int(parts[2])
        if nth == "L":
            d = _add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
            return d - dt.timedelta(days=(d.isoweekday() - wd) % 7)
        d = dt.date(year, month, 1)
        d += dt.timedelta(days=(wd - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=int(nth) - 1)
    except ValueError:
        return None


def _yy(s: str) -> int:
    n = int(s)
    return 1900 + n if n >= 30 else 2000 + n


def _clean(text: str) -> str:
    t = text.strip().lower()
    t = t.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"(?:'s|')$", "", t)
    t = t.strip(" ,.;:!?\"()[]")
    return t


# --------------------------------------------------------------------------
# normalization


def _strip_mods(t: str) -> tuple[str, str | None, bool, bool]:
    """Peel leading/trailing modifier phrases; returns (rest, mod, rel_only, dur_only)."""
    g = grammar()
    mod = None
    rel_only = dur_only = False
    changed = True
    while changed:
        changed = False
        if t.startswith("the ") and any(t[4:].startswith(m.phrase) for m in g.mods_in if m.mod in ("START", "MID", "END")):
            t = t[4:]
        for m in g.mods_in:
            p = m.phrase
            if p.endswith("-"):
                if t.startswith(p) and len(t) > len(p):
                    t = t[len(p):]
                    mod = m.mod or mod
                    changed = True
                    break
                continue
            if t.startswith(p + " ") or (t.startswith(p + "-") and p in ("mid", "early", "late")):
                rest = t[len(p) + 1:]
                if not rest:
                    continue
                t = rest
                mod = m.mod if m.mod else mod
                rel_only = rel_only or m.relative_only
                dur_only = dur_only or m.duration_only
                changed = True
                break
        for p, m_ in g.mods_out.items():
            if t.startswith(p + " "):
                t = t[len(p) + 1:]
                mod = m_.mod
                dur_only = dur_only or m_.duration_only
                changed = True
                break
    for p, v in g.lex.post_modifiers.items():
        if t.endswith(" " + p):
            t = t[: -len(p) - 1]
            mod = v
    return t, mod, rel_only, dur_only


@lru_cache(maxsize=8192)
def normalize(text: str, anchor: dt.date | None, tense: str | None = None) -> Norm | None:
    """Normalize one expression to (value, granularity, mod, type).

    ``tense`` ("past", "present", "future" or None) is the tense of the
    governing verb; it picks the side of the anchor for weekday names and,
    when the nearest occurrence is more than two months away, for month
    names without a year. Returns None when ``text`` is not a temporal
    expression the grammar knows (including the known false positives of
    date parsers: "may", "we", "a", bare numbers); ``value`` is None for a
    relative expression without an anchor. Cached (``lru_cache``).
    """
    return _normalize(text, anchor, tense, False)


@lru_cache(maxsize=8192)
def _normalize(text: str, anchor: dt.date | None, tense: str | None, fiscal: bool) -> Norm | None:
    try:
        return _normalize_unsafe(text, anchor, tense, fiscal)
    except (OverflowError, ValueError):  # dates shifted past year 1 or 9999
        return None


def _normalize_unsafe(text: str, anchor: dt.date | None, tense: str | None, fiscal: bool) -> Norm | None:
    t = _clean(text)
    if not t or _AGE.search(t) or text.strip() in _REFUSE:
        return None
    g = grammar()
    if t in g.vague:
        v = g.vague[t]
        return v, "vague", None, "DATE"
    if t in g.sets and " " not in t:
        return g.sets[t], "set", None, "SET"
    rest, mod, rel_only, dur_only = _strip_mods(t)
    if rest != t:
        if rest in g.vague and not dur_only:
            return g.vague[rest], "vague", mod, "DATE"
        if mod in ("START", "MID", "END") and (um := re.fullmatch(r"the (year|month|week|quarter|decade|century)", rest)):
            gran = um.group(1)
            if anchor is None:
                return None, gran, mod, "DATE"
            unit = {"year": "Y", "month": "M", "week": "W", "quarter": "Q", "decade": "DE", "century": "CE"}[gran]
            return _shift(anchor, 0, unit)[0], gran, mod, "DATE"
        r = _core(rest, anchor, tense, fiscal)
        if r is None:
            return None
        value, gran, _, typ = r
        if dur_only and typ != "DURATION":
            return None
        if rel_only and not re.match(r"(this|last|next|the|today|yesterday|tomorrow)\b", rest):
            return None
        return value, gran, mod, typ
    return _core(t, anchor, tense, fiscal)


def _core(t: str, anchor: dt.date | None, tense: str | None, fiscal: bool) -> Norm | None:  # noqa: C901
    g = grammar()
    lex = g.lex
    if t in g.vague:
        return g.vague[t], "vague", None, "DATE"

    # ISO / slashes
    if m := g.n_iso.fullmatch(t):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        try:
            dt.date(y, mo, d)
        except ValueError:
            return None
        if m.group(4):
            return f"{y:04d}-{mo:02d}-{d:02d}T{m.group(4)}:{m.group(5)}", "time", None, "TIME"
        return f"{y:04d}-{mo:02d}-{d:02d}", "day", None, "DATE"
    if m := g.n_slash.fullmatch(t):
        mo, d, y = int(m.group(1)), int(m.group(2)), m.group(3)
        yv = _yy(y) if len(y) == 2 else int(y)
        try:
            dt.date(yv, mo, d)
        except ValueError:
            return None
        return f"{yv:04d}-{mo:02d}-{d:02d}", "day", None, "DATE"

    # month day (year)
    for pat in (g.n_mdy, g.n_dmy):
        if m := pat.fullmatch(t):
            mo = lex.months[m.group("m").rstrip(".")]
            d = int(re.match(r"\d+", m.group("d")).group())
            y = m.group("y")
            if y:
                yv = _yy(y[1:]) if y.startswith("'") else int(y)
            elif anchor is None:
                return None, "day", None, "DATE"
            else:
                yv = _year_for_month(mo, anchor, tense, day=d)
            try:
                dt.date(yv, mo, d)
            except ValueError:
                return None
            return f"{yv:04d}-{mo:02d}-{d:02d}", "day", None, "DATE"
    if m := g.n_my.fullmatch(t):
        mo = lex.months[m.group("m").rstrip(".")]
        y = m.group("y")
        yv = _yy(y[1:]) if y.startswith("'") else int(y)
        return f"{yv:04d}-{mo:02d}", "month", None, "DATE"

    # years, decades, centuries
    if m := g.n_year.fullmatch(t):
        if m.group("y"):
            return m.group("y"), "year", None, "DATE"
        if m.group("fy"):
            y = m.group("fy")
            return (str(_yy(y)) if len(y) == 2 else y), "year", None, "DATE"
        return str(_yy(m.group("yy"))), "year", None, "DATE"
    if m := g.n_decade.fullmatch(t):
        if m.group("d2"):
            c = "19"
            return c + m.group("d2"), "decade", None, "DATE"
        c = m.group("c")
        if c is None:
            return None
        return c + m.group("d"), "decade", None, "DATE"
    if m := g.n_century.fullmatch(t):
        o = lex.ordinals[m.group("o")]
        return f"{o - 1:02d}", "century", None, "DATE"

    # quarters and halves
    if m := g.n_quarter.fullmatch(t):
        q = lex.ordinals[m.group("o")]
        if not 1 <= q <= 4:
            return None
        y = m.group("y") or m.group("y2") or m.group("y0")
        if t.endswith("quarters") and not y:
            return f"XXXX-Q{q}", "quarter", None, "SET"
        if y:
            return f"{y}-Q{q}", "quarter", None, "DATE"
        if anchor is None:
            return None, "quarter", None, "DATE"
        ref = lex.ref_words.get(m.group("ref")) if m.group("ref") else None
        yv = anchor.year + (ref or 0)
        if ref is None and q > _quarter_of(anchor) and tense == "past":
            yv -= 1
        return f"{yv}-Q{q}", "quarter", None, "DATE"
    if m := g.n_qy.fullmatch(t):
        q = m.group("q") or m.group("q2")
        y = m.group("y") or m.group("y2")
        return f"{y}-Q{q}", "quarter", None, "DATE"
    if m := g.n_half.fullmatch(t):
        h = 1 if m.group("h") == "first" else 2
        if m.group("y"):
            return f"{m.group('y')}-H{h}", "half", None, "DATE"
        if anchor is None:
            return None, "half", None, "DATE"
        yv = anchor.year + {"this": 0, "last": -1, "next": 1, None: 0}[m.group("ref")]
        return f"{yv}-H{h}", "half", None, "DATE"

    # today / yesterday / tonight / this morning
    if m := g.n_dayword.fullmatch(t):
        if m.group("w"):
            off = lex.day_words[m.group("w")]
            pod = m.group("pod")
            if m.group("w") == "tonight":
                pod = "tonight"
        else:
            off = 0 if m.group("this") == "this" else -1
            pod = m.group("pod2")
            if m.group("this") == "last" and pod not in ("night",):
                return None
        if anchor is None:
            return None, "day", None, "DATE" if not pod else "TIME"
        d = anchor + dt.timedelta(days=off)
        if pod:
            return f"{d.isoformat()}T{lex.parts_of_day[pod]}", "time", None, "TIME"
        return d.isoformat(), "day", None, "DATE"

    # "the past year", "the next decade": durations
    if m := re.fullmatch(r"(?:past|coming)\s+(year|month|week|decade|century|day|hour|quarter)", t):
        unit = _unit_code(m.group(1))
        if unit == "Q":
            return "P3M", "duration", None, "DURATION"
        return _duration(1, unit), "duration", None, "DURATION"
    if m := re.fullmatch(rf"(?P<m>{g.MONTH_FULL})\s+(?P<ref>this|last|next)\s+year", t):
        if anchor is None:
            return None, "month", None, "DATE"
        yv = anchor.year + lex.ref_words[m.group("ref")]
        return f"{yv}-{lex.months[m.group('m')]:02d}", "month", None, "DATE"
    if m := re.fullmatch(rf"(nineteen|twenty)[-\s]+({g.NUMW})|two\s+thousand(?:\s+and)?(?:[-\s]+({g.NUMW}))?", t):
        if m.group(1):
            n = _num(m.group(2))
            base = 1900 if m.group(1) == "nineteen" else 2000
        else:
            n = _num(m.group(3)) if m.group(3) else 0
            base = 2000
        ok = isinstance(n, (int, float)) and 0 <= n < 100 and n == int(n)
        if ok and not (m.group(1) == "twenty" and n < 10):
            return str(base + int(n)), "year", None, "DATE"

    # this/last/next + unit / month / season / weekday
    if m := g.n_rel.fullmatch(t):
        ref = lex.ref_words[m.group("ref")]
        what = m.group("what")
        gran_map = {"week": "week", "weekend": "week", "month": "month", "year": "year", "quarter": "quarter", "decade": "decade", "century": "century"}
        if what in gran_map:
            gran = gran_map[what]
            if anchor is None:
                return None, gran, None, "DATE"
            if what == "weekend":
                d = anchor + dt.timedelta(weeks=ref)
                if m.group("ref") in ("last", "past", "previous") and anchor.isoweekday() < 6:
                    d = anchor - dt.timedelta(weeks=1)
                if ref == 0 and tense == "past" and anchor.isoweekday() < 5:
                    d = anchor - dt.timedelta(weeks=1)
                return _iso_week(d) + "-WE", "week", None, "DATE"
            if what == "quarter" and fiscal and ref == 0:
                return _shift(anchor, -1, "Q")[0], "quarter", None, "DATE"
            unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE", "century": "CE"}[what]
            return _shift(anchor, ref, unit)[0], gran, None, "DATE"
        if what in lex.seasons:
            if anchor is None:
                return None, "season", None, "DATE"
            s = lex.seasons[what]
            y = anchor.year + ref
            if ref == -1 and s == "WI" and anchor.month <= 2:
                y = anchor.year - 1
            return f"{y}-{s}", "season", None, "DATE"
        key = what.rstrip(".")
        if key in lex.months:
            if anchor is None:
                return None, "month", None, "DATE"
            mo = lex.months[key]
            yv = _year_for_month(mo, anchor, tense, ref=ref if ref else None)
            if ref == 0:
                yv = anchor.year
            return f"{yv}-{mo:02d}", "month", None, "DATE"
        if key in lex.weekdays:
            pod = m.group("pod")
            typ = "TIME" if pod else "DATE"
            if anchor is None:
                return None, "day", None, typ
            d = _weekday_date(lex.weekdays[key], anchor, tense, ref)
            v = d.isoformat() + (f"T{lex.parts_of_day[pod]}" if pod else "")
            return v, ("time" if pod else "day"), None, typ
        return None

    # N units ago / earlier / from now
    if m := g.n_ago.fullmatch(t):
        n = _num(m.group("n"))
        unit = _unit_code(m.group("u"))
        if n is None or unit is None:
            return None
        sign = -1 if m.group("dir") in ("ago", "earlier", "before") else 1
        gran_of = {"D": "day", "W": "week", "2W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century", "H": "time", "MIN": "time", "S": "time"}
        if anchor is None:
            return None, gran_of[unit], None, "DATE"
        if n == "X":
            v = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX"}.get(unit)
            if unit == "Y" and sign < 0:
                return f"{anchor.year // 10}X", "decade", None, "DATE"
            return v, gran_of[unit], None, "DATE"
        if n != int(n):
            return None
        if fiscal and unit == "Y" and n == 1:
            prev_q = _shift(anchor, -1, "Q")[0]
            y, q = prev_q.split("-")
            return f"{int(y) - 1}-{q}", "quarter", None, "DATE"
        v, gran = _shift(anchor, sign * int(n), unit)
        if unit in ("H", "MIN", "S"):
            return None, "time", None, "TIME"
        return v, gran, None, "DATE"

    # weekdays
    if m := g.n_weekday.fullmatch(t):
        pod = m.group("pod")
        typ = "TIME" if pod else "DATE"
        if anchor is None:
            return None, "day", None, typ
        d = _weekday_date(lex.weekdays[m.group("wd").rstrip(".")], anchor, tense)
        v = d.isoformat() + (f"T{lex.parts_of_day[pod]}" if pod else "")
        return v, ("time" if pod else "day"), None, typ
    if m := g.n_weekday_set.fullmatch(t):
        wd = lex.weekdays[m.group("wd")]
        pod = m.group("pod")
        return f"XXXX-WXX-{wd}" + (f"T{lex.parts_of_day[pod]}" if pod else ""), "set", None, "SET"

    # month alone / with ref
    if m := g.n_month.fullmatch(t):
        key = m.group("m").rstrip(".")
        if key in lex.months:
            mo = lex.months[key]
            if anchor is None:
                return None, "month", None, "DATE"
            ref = lex.ref_words.get(m.group("ref")) if m.group("ref") else None
            yv = _year_for_month(mo, anchor, tense, ref=ref if ref else None)
            return f"{yv}-{mo:02d}", "month", None, "DATE"

    # seasons
    if m := g.n_season.fullmatch(t):
        s = lex.seasons[m.group("s")]
        if m.group("y"):
            return f"{m.group('y')}-{s}", "season", None, "DATE"
        if anchor is None:
            return None, "season", None, "DATE"
        return f"{anchor.year}-{s}", "season", None, "DATE"

    # quarter / period words
    if m := g.n_quarter_misc.fullmatch(t):
        if anchor is None:
            return None, "quarter", None, "DATE"
        which = m.group("which") or m.group("which2")
        ref = lex.ref_words.get(m.group("ref")) if m.group("ref") else None
        if which in ("year-earlier", "year-ago"):
            prev_q = _shift(anchor, -1, "Q")[0]
            y, q = prev_q.split("-")
            return f"{int(y) - 1}-{q}", "quarter", None, "DATE"
        if m.group("what") == "period" and which is None and ref is None:
            return None
        if m.group("the") and not fiscal:
            return None
        if which is None and ref is None and not m.group("the"):
            return None
        if ref is not None and ref != 0:
            return _shift(anchor, ref if not fiscal else ref - 1, "Q")[0], "quarter", None, "DATE"
        if which in ("current",) or ref == 0:
            return _shift(anchor, 0, "Q")[0], "quarter", None, "DATE"
        if which is None and ref is None and not fiscal:
            return None
        return _shift(anchor, -1, "Q")[0], "quarter", None, "DATE"

    if t in ("the weekend", "weekend"):
        if anchor is None:
            return None, "week", None, "DATE"
        d = anchor
        if tense == "past" and anchor.isoweekday() < 6:
            d = anchor - dt.timedelta(weeks=1)
        return _iso_week(d) + "-WE", "week", None, "DATE"
    if m := re.fullmatch(r"(?:the\s+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", t):
        d = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(m.group(1)) + 2
        return f"19{d}", "decade", None, "DATE"
    if re.fullmatch(r"the\s+(?:full\s+|fiscal\s+|current\s+fiscal\s+)?year", t):
        if not fiscal:
            return None
        if anchor is None:
            return None, "year", None, "DATE"
        return str(anchor.year), "year", None, "DATE"
    if m := g.n_year_end.fullmatch(t):
        if anchor is None:
            return None, "year", "END", "DATE"
        u = m.group("u") or "year"
        unit = {"year": "Y", "month": "M", "week": "W", "quarter": "Q"}[u]
        v, gran = _shift(anchor, 0, unit)
        return v, gran, "END", "DATE"
    if g.n_year_ago.fullmatch(t):
        if anchor is None:
            return None, "year", None, "DATE"
        if fiscal or "quarter" in t or "period" in t:
            prev_q = _shift(anchor, -1, "Q")[0]
            y, q = prev_q.split("-")
            return f"{int(y) - 1}-{q}", "quarter", None, "DATE"
        return str(anchor.year - 1), "year", None, "DATE"

    # holidays
    hol = re.sub(r"^(?:last|this|next)\s+", "", t)
    if hol in lex.holidays:
        if anchor is None:
            return None, "day", None, "DATE"
        spec = lex.holidays[hol]
        if t.startswith(("last ", "next ")):
            y = anchor.year + (1 if t.startswith("next ") else -1)
        else:  # the nearest one
            y = min((anchor.year - 1, anchor.year, anchor.year + 1),
                    key=lambda yy: abs(((_holiday(spec, yy) or anchor) - anchor).days))
        d = _holiday(spec, y)
        return (d.isoformat() if d else None), "day", None, "DATE"

    # sets
    if t in g.sets and not t.startswith(("a ", "an ")):
        return g.sets[t], "set", None, "SET"
    if m := g.n_set.fullmatch(t):
        u = m.group("u")
        if u in lex.weekdays:
            return f"XXXX-WXX-{lex.weekdays[u]}", "set", None, "SET"
        if u in lex.seasons:
            return f"XXXX-{lex.seasons[u]}", "set", None, "SET"
        if u in lex.months:
            return f"XXXX-{lex.months[u]:02d}", "set", None, "SET"
        unit = _unit_code(u)
        if unit is None:
            return None
        if unit == "Q":
            return "P1Q", "set", None, "SET"
        n = 2 if "other" in t else 1
        return _duration(n, unit), "set", None, "SET"

    # times ("3 p.m.", "Friday at 10:30 a.m.")
    if m := g.n_time_split.fullmatch(t):
        tm = m.group("time")
        date_part = (m.group("date") or m.group("date2") or "").strip(" ,")
        hhmm = None
        if nm := g.n_named_time.fullmatch(tm):
            hhmm = lex.named_times[nm.group()]
        elif tmm := g.n_time.fullmatch(tm):
            h = int(tmm.group("h"))
            mi = int(tmm.group("mi") or 0)
            ap = (tmm.group("ap") or "").replace(".", "").replace(" ", "")
            if not ap and tmm.group("mi") is None:
                return None
            if ap == "pm" and h < 12:
                h += 12
            if ap == "am" and h == 12:
                h = 0
            if h > 24 or mi > 59:
                return None
            hhmm = f"{h:02d}:{mi:02d}"
        if hhmm is None:
            return None
        if date_part:
            r = _core(date_part, anchor, tense, fiscal)
            if r is None or r[2] is not None:
                return None
            if r[0] is None:
                return None, "time", None, "TIME"
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[0]):
                return None
            return f"{r[0]}T{hhmm}", "time", None, "TIME"
        if anchor is None:
            return f"T{hhmm}", "time", None, "TIME"
        return f"{anchor.isoformat()}T{hhmm}", "time", None, "TIME"

    # durations
    if m := g.n_ref_unit.fullmatch(t):
        unit = _unit_code(m.group("u"))
        if unit is None:
            return None
        if m.group("u").endswith("s"):
            return ("P" if unit not in ("H", "MIN", "S") else "PT") + "X" + {"MIN": "M"}.get(unit, unit), "duration", None, "DURATION"
        return _duration(1, unit), "duration", None, "DURATION"
    if m := g.n_duration.fullmatch(t):
        n = _num(m.group("n"))
        unit = _unit_code(m.group("u"))
        if n is None or unit is None:
            return None
        if m.group("of"):
            # "the first nine months of 1990": a duration anchored in a period
            if _core(m.group("of"), anchor, tense, fiscal) is None:
                return None
        if unit == "Q" and n != "X":
            if re.search(r"\w-quarters?$", t):
                return None  # "three-quarters": a fraction
            return f"P{int(n) * 3}M", "duration", None, "DURATION"
        return _duration(n, unit), "duration", None, "DURATION"
    if m := g.n_vague_dur.fullmatch(t):
        unit = _unit_code(m.group("u"))
        if unit is None or not (t.endswith("s") or t.endswith("-long")) or t in lex.stopwords:
            return None
        if unit == "DE":
            return "PXDE", "duration", None, "DURATION"
        return _duration("X", unit), "duration", None, "DURATION"

    return _dateparser_fallback(t, anchor)


# --------------------------------------------------------------------------
# dateparser fallback

_DP = None
_DP_OK = re.compile(r"\d")
_DP_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DP_SKIP = re.compile(r"\b(?:and|or|to|through|between|ended|ending|quarter|week|weeks|months?|years?|both|the|an?)\b")
_DP_REFUSE = re.compile(r"^(?:\d{1,3}|[a-z]{1,3}|may|we|now|a|an|the|sat|sun|wed|mar|second|minute)$")


def _dateparser():
    global _DP
    if _DP is None:
        from dateparser.date import DateDataParser

        _DP = DateDataParser(
            languages=["en"],
            settings={
                "PREFER_DAY_OF_MONTH": "first",
                "DATE_ORDER": "MDY",
                "PREFER_DATES_FROM": "past",
                "STRICT_PARSING": False,
                "REQUIRE_PARTS": ["year"],
            },
        )
    return _DP


def _dateparser_fallback(t: str, anchor: dt.date | None) -> Norm | None:
    """Absolute dates in unusual shapes ("2023.10.05", "5th October, 2023")."""
    if not _DP_OK.search(t) or _DP_REFUSE.match(t) or len(t) > 40:
        return None
    # one absolute date with its year: no ranges, lists or anchored periods
    if not _DP_YEAR.search(t) or _DP_SKIP.search(t) or t.count(" ") > 5:
        return None
    try:
        parser = _dateparser()
        if anchor is not None:
            parser._settings.RELATIVE_BASE = dt.datetime(anchor.year, anchor.month, anchor.day)
        data = parser.get_date_data(t)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if d.year < 1000 or not re.search(rf"(?<!\d){d.year}(?!\d)", t):
        return None
    if data.period == "day":
        return d.isoformat(), "day", None, "DATE"
    if data.period == "month":
        return f"{d.year}-{d.month:02d}", "month", None, "DATE"
    if data.period == "year":
        return f"{d.year}", "year", None, "DATE"
    return None


# --------------------------------------------------------------------------
# finding


def _sent_root(tok):
    for _ in range(60):
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _sent_text(text: str, tok) -> str:
    root = _sent_root(tok)
    return text[root.left_edge.idx:root.right_edge.idx + len(root.right_edge.text)]


def _tense(doc, start: int, end: int, text: str | None = None) -> str | None:
    """Tense of the verb governing the span: 'past', 'future', 'present' or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    verb = None
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            verb = tok
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    if verb is None:
        root = _sent_root(tok)
        verb = root if root.tag_.startswith(("VB", "MD")) else None
        if verb is None:
            return None
    if text is None:
        text = doc.text
    if text.startswith(("'s", "\u2019s"), end):
        return None  # "Wednesday's ruling": an event already reported
    left = text[max(0, start - 16):start].lower()
    if re.match(r"as (?:early|soon) as\b", text[start:start + 16].lower()):
        return "future"
    if re.search(r"\bas (?:early|soon) as\s*$|\bnext\s*$|(?<!up )\buntil\s*$", left):
        return "future"
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lows = {a.lower_ for a in auxes}
        if lows & {"will", "'ll", "shall", "wo", "ll", "may", "might", "can", "should", "must", "ca", "would", "'d"}:
            return "future"
        if "going" in lows or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
            return "future"
        if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
            return "past"
        if verb.tag_ == "VBN" and (lows & {"has", "have", "had", "'ve", "'s"} or (not auxes and verb.dep_ == "acl")):
            return "past"
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "plans to meet Friday", "is scheduled to close Monday": ahead of the
            # governing verb; "celebrations to mark ... Friday": the noun's verb decides
            if verb.head.i == verb.i or (verb.dep_ in ("xcomp", "ccomp") and verb.head.pos_ in ("VERB", "AUX", "ADJ")):
                return "future"
            verb = verb.head
            for _ in range(8):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            continue
        if verb.tag_ in ("VBZ", "VBP"):
            return "present"
        if verb.tag_ == "VBN" and lows & {"is", "are", "am", "'s", "'re"}:
            return "present"
        if verb.tag_ == "VBG" and lows & {"is", "are", "am", "'s", "'re"}:
            return "future"
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None


# known false positives of date parsers: verbs, pronouns, articles, bare numbers
_REFUSE = frozenset(("may", "march", "we", "a", "an", "sat", "sun", "wed", "mar", "second", "seconds"))
_RATE = re.compile(r"(?:\d[\d,.]*%?|percent|cents?|dollars?)(?:\s+[a-z]+)?\s+$", re.I)
_YEAR_WORD = re.compile(r"year|quarter|period", re.I)
_YEAR_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|to)\b", re.I)
_AGE = re.compile(r"[-\s]old$|[-\s]olds$")
_LOWER_MONTH = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
_FISCAL_CTX = re.compile(r"\bquarter|\bearnings\b|\ba share\b|\bper share\b|\bnet\b|\bprofit|\brevenue|\bsales\b|\bloss\b|\bincome\b", re.I)
_QUARTER_DOC = re.compile(r"\bquarter\b|-quarter\b", re.I)


def _ner_spans(doc, text: str) -> list[tuple[int, int]]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        seg = text[s:e]
        m = re.search(r"(?:'s|\u2019s|'|\u2019)$", seg)
        if m:
            e = s + m.start()
            seg = text[s:e]
        while e > s and text[e - 1] in " ,.;:!?\"()[]-":
            e -= 1
        while s < e and text[s] in " ,.;:!?\"()[]-":
            s += 1
        if e > s:
            out.append((s, e))
    return out


def find_timexes(doc, anchor: dt.date | None) -> list[Timex]:
    """Every temporal expression in ``doc``, non-overlapping, sorted by offset.

    Relative expressions resolve against ``anchor`` (the publication date);
    with ``anchor=None`` they are kept with ``value=None``. Uses only the
    doc's tokens, entities, tags and dependencies; never reparses.
    """
    g = grammar()
    text = doc.text
    if not text:
        return []
    cands: dict[tuple[int, int], str] = {}
    for s, e in _ner_spans(doc, text):
        cands[(s, e)] = "ner"
    low = text.lower()
    if len(low) != len(text):  # a few Unicode letters change length when lower-cased
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for ws, we in _windows(doc):
        w = low[ws:we]
        for pat, keys in zip(g.scanners, g.scanner_keys):
            if keys is not None and not any(k in w for k in keys):
                continue
            for m in pat.finditer(low, ws, we):
                if m.end() > m.start():
                    cands.setdefault((m.start(), m.end()), "rule")
        for pat, keys in zip(g.scanners_ctx, g.scanner_ctx_keys):
            if keys is not None and not any(k in w for k in keys):
                continue
            for m in pat.finditer(low, ws, we):
                cands.setdefault((m.start(1), m.end(1)), "rule")
        if any(k in w for k in g.scanner_fy_keys):
            for m in g.scanner_fy.finditer(low, ws, we):
                cands.setdefault((m.start(), m.end()), "rule")
    if not cands:
        return []
    # month names only when capitalized ("march", "may" are verbs)
    for key in [k for k in cands if _LOWER_MONTH.search(text, k[0], k[1])]:
        del cands[key]

    lower_sent_cache: dict[int, bool] = {}
    quarter_doc = anchor is not None and _QUARTER_DOC.search(text) is not None
    # every candidate span and its widened variant
    variants: set[tuple[int, int]] = set()
    for (s, e) in cands:
        # signals ("about", "before") stay outside the span: NER often includes them
        om = g.out_mod_lead.match(low, s, e)
        if om and om.end() < e:
            s = om.end()
        variants.add((s, e))
        # widen over in-span modifiers on the left and post-modifiers on the right
        s2 = s
        while True:
            left = text[max(0, s2 - 24):s2]
            pm = g.pre_mod.search(left)
            if not pm:
                break
            s2 = s2 - (len(left) - pm.start(1))
        e2 = e
        pm = g.post_mod.match(text, e, min(len(text), e + 20))
        if pm:
            e2 = pm.end(1)
        variants.add((s2, e2))
    # choose greedily, longest first; a span overlapping a chosen one is never
    # normalized at all (most regex/NER candidates are sub-spans of others)
    taken: list[tuple[int, int]] = []
    chosen = []
    for a, b in sorted(variants, key=lambda x: (x[0] - x[1], x[0])):
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        seg = text[a:b]
        if "\n\n" in seg:
            continue
        # only weekday / month / season / quarter / weekend names look at the tense
        tense = _tense(doc, a, b, text) if anchor is not None and g.tense_sensitive.search(seg) else None
        fiscal = False
        if quarter_doc and _YEAR_WORD.search(seg):
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and len(span):
                root = _sent_root(span.root)
                if root.i not in lower_sent_cache:
                    lower_sent_cache[root.i] = bool(_FISCAL_CTX.search(_sent_text(text, root)))
                fiscal = lower_sent_cache[root.i]
        r = _normalize(seg, anchor, tense, fiscal)
        if r is None:
            continue
        if r[1] == "year" and r[0] and _YEAR_ENDED.match(text, b) and re.match(r"(?i)the\s", seg):
            r = ("P1Y", "duration", None, "DURATION")  # "the year ended March 31"
        if r[3] == "DURATION" and _RATE.search(text, max(0, a - 30), a) and re.match(r"(?i)an?\s", seg):
            continue  # "24 hours a day", "$1.76 a year": a rate, not a duration
        taken.append((a, b))
        chosen.append((a, b, r))
    chosen.sort()
    out = []
    for a, b, (value, gran, mod, typ) in chosen:
        if mod is None and typ in ("DATE", "DURATION", "TIME"):
            om = g.out_mod.search(text[max(0, a - 16):a])
            if om:
                rule = g.mods_out[re.sub(r"\s+", " ", om.group(1).lower())]
                if rule.duration_only == (typ == "DURATION") or (not rule.duration_only and rule.mod in ("APPROX", "LESS_THAN")):
                    mod = rule.mod
        out.append(Timex(text=text[a:b], start=a, end=b, value=value, granularity=gran, mod=mod, type=typ))
    return out


def timexes_in(timexes: Iterable[Timex], start_char: int, end_char: int) -> list[Timex]:
    """The timexes lying inside [start_char, end_char)."""
    return [t for t in timexes if t.start >= start_char and t.end <= end_char]
