"""PolNeAR loader and scorer, on tiny invented brat fixtures (no PolNeAR text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.benchmarks.polnear import (
    Attribution,
    PolnearDoc,
    Prediction,
    Span,
    format_report,
    load_split,
    parse_ann,
    score,
    trim_span,
)

# --------------------------------------------------------------------------
# fixtures

TEXT_A = 'The mayor said the bridge will reopen in May. "It is safe," the engineer said, "and it is cheap."\n'


def off(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def t_line(tid: str, ttype: str, text: str, *frags: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in frags)
    return f"{tid}\t{ttype} {offsets}\t{' '.join(text[s:e] for s, e in frags)}"


def ann_a() -> str:
    t = TEXT_A
    src1, cue1, con1 = off(t, "The mayor"), off(t, "said"), off(t, "the bridge will reopen in May")
    src2, cue2 = off(t, "the engineer"), off(t, "said", 1)
    frag1, frag2 = off(t, '"It is safe,"'), off(t, '"and it is cheap."')
    return "\n".join(
        [
            t_line("T1", "Source", t, src1),
            t_line("T2", "Cue", t, cue1),
            t_line("T3", "Content", t, con1),
            t_line("T4", "Attribution", t, cue1),
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            # role order varies in the corpus; discontinuous content in one T
            t_line("T5", "Content", t, frag1, frag2),
            t_line("T6", "Source", t, src2),
            t_line("T7", "Cue", t, cue2),
            t_line("T8", "Attribution", t, cue2),
            "E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5",
            "#1\tAnnotatorNotes T5\tan invented note",
        ]
    ) + "\n"


def write_split(root: Path, docs: dict[str, tuple[str, dict[str, str]]]) -> Path:
    """docs: doc_id -> (text, {annotator: ann})"""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for doc_id, (text, anns) in docs.items():
        (root / "text" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        for annotator, ann in anns.items():
            (root / "attributions" / f"{doc_id}_{annotator}.ann").write_text(ann, encoding="utf-8")
    return root


@pytest.fixture
def split(tmp_path: Path) -> Path:
    return write_split(tmp_path / "dev", {"outlet_2020-01-01_bridge": (TEXT_A, {"ab12": ann_a()})})


# --------------------------------------------------------------------------
# loading


def test_continuous_spans_and_relation_linking(split: Path) -> None:
    (doc,) = load_split(split)
    assert doc.doc_id == "outlet_2020-01-01_bridge"
    assert doc.annotator == "ab12"
    first = doc.attributions[0]
    assert first.id == "E1"
    assert first.source == [Span(0, 9, "The mayor")]
    assert first.cue == [Span(10, 14, "said")]
    assert first.content == [Span(15, 44, "the bridge will reopen in May")]
    assert (first.content_start, first.content_end) == (15, 44)


def test_discontinuous_content_keeps_fragments_and_extent(split: Path) -> None:
    (doc,) = load_split(split)
    second = doc.attributions[1]
    assert [f.text for f in second.content] == ['"It is safe,"', '"and it is cheap."']
    assert second.source[0].text == "the engineer"
    assert second.cue[0].text == "said"
    assert doc.text[second.content_start : second.content_end] == '"It is safe," the engineer said, "and it is cheap."'


def test_content2_role_merges_into_one_content() -> None:
    text = "Critics, the report said, were wrong about the harbor."
    a, b = off(text, "Critics"), off(text, "were wrong about the harbor")
    ann = "\n".join(
        [
            t_line("T1", "Content", text, a),
            t_line("T2", "Content", text, b),
            t_line("T3", "Source", text, off(text, "the report")),
            t_line("T4", "Cue", text, off(text, "said")),
            t_line("T5", "Attribution", text, off(text, "said")),
            "E1\tAttribution:T5 Content:T2 Cue:T4 Source:T3 Content2:T1",
        ]
    )
    (att,), skipped = parse_ann(ann, text)
    assert skipped == 0
    assert [f.text for f in att.content] == ["Critics", "were wrong about the harbor"]
    assert (att.content_start, att.content_end) == (0, len(text) - 1)


def test_no_source_event_and_ignored_types() -> None:
    text = "It is expected that fares will rise. Subscribe to our newsletter."
    ann = "\n".join(
        [
            t_line("T1", "Cue", text, off(text, "It is expected")),
            t_line("T2", "Content", text, off(text, "that fares will rise")),
            t_line("T3", "Attribution-no-source", text, off(text, "It is expected")),
            "E1\tAttribution-no-source:T3 Cue:T1 Content:T2",
            t_line("T4", "Discard", text, off(text, "Subscribe to our newsletter.")),
            t_line("T5", "Attribution", text, off(text, "Subscribe")),
            "E2\tAttribution:T5",  # no content: skipped, not an error
        ]
    )
    atts, skipped = parse_ann(ann, text)
    assert len(atts) == 1 and skipped == 1
    assert atts[0].source is None
    assert atts[0].cue[0].text == "It is expected"


def test_text_field_running_over_a_line_break_is_accepted() -> None:
    text = "She said the plan works.\n\nIt saves money, she added."
    frag1, frag2 = off(text, "the plan works."), off(text, "It saves money")
    # a fragment pair whose joined text contains the paragraph break
    span = (frag1[0], frag2[1])
    ann = (
        f"T1\tContent {span[0]} {span[1]}\tthe plan works.\n\nIt saves money\n"
        + t_line("T2", "Cue", text, off(text, "said"))
        + "\n"
        + t_line("T3", "Attribution", text, off(text, "said"))
        + "\nE1\tAttribution:T3 Content:T1 Cue:T2\n"
    )
    (att,), _ = parse_ann(ann, text)
    assert att.content[0].text == "the plan works.\n\nIt saves money"


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ("T9\tContent 5 x\tfoo", "bad offsets"),
        ("T9\tContent 5 900\tfoo", "outside the text"),
        ("T9 Content 0 3 The", "not a brat annotation line"),
        ("T9\tContent 0 3\tXYZ", "does not match the article"),
        ("E9\tAttribution:T4 Content:T77", "T77"),
        ("E9\tAttribution:T4 Speaker:T1", "unknown role"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, bad_line: str, message: str) -> None:
    ann = ann_a() + bad_line + "\n"
    root = write_split(tmp_path / "dev", {"doc1": (TEXT_A, {"ab12": ann})})
    bad_lineno = ann.count("\n")  # the bad line is the last one
    with pytest.raises(ValueError) as err:
        load_split(root)
    assert f"doc1_ab12.ann:{bad_lineno}:" in str(err.value)
    assert message in str(err.value)


def test_load_split_accepts_subfolder_and_rejects_repo_root(split: Path) -> None:
    assert len(load_split(split / "attributions")) == 1
    with pytest.raises(ValueError, match="pass data/train, data/dev or data/test"):
        load_split(split.parent)


def test_several_annotators_pick_lowest_id_or_requested(tmp_path: Path) -> None:
    text = "Officials said the road is closed."
    one = "\n".join(
        [
            t_line("T1", "Content", text, off(text, "the road is closed")),
            t_line("T2", "Cue", text, off(text, "said")),
            t_line("T3", "Attribution", text, off(text, "said")),
            "E1\tAttribution:T3 Content:T1 Cue:T2",
        ]
    )
    root = write_split(tmp_path / "dev", {"doc1": (text, {"ff00": "", "0a0b": one})})
    (doc,) = load_split(root)
    assert doc.annotator == "0a0b" and doc.other_annotators == ["ff00"]
    assert len(doc.attributions) == 1
    (doc,) = load_split(root, annotator="ff00")
    assert doc.annotator == "ff00" and doc.attributions == []


def test_text_without_annotation_is_an_error(tmp_path: Path) -> None:
    root = write_split(tmp_path / "dev", {"doc1": (TEXT_A, {"ab12": ann_a()})})
    (root / "text" / "orphan.txt").write_text("Nothing here.", encoding="utf-8")
    with pytest.raises(ValueError, match="orphan"):
        load_split(root)


# --------------------------------------------------------------------------
# scoring


def make_doc(text: str, *atts: Attribution, doc_id: str = "d") -> PolnearDoc:
    return PolnearDoc(doc_id=doc_id, text=text, attributions=list(atts))


def att(text: str, content: str, source: str | None = None, nth: int = 0) -> Attribution:
    s, e = off(text, content, nth)
    src = None
    if source is not None:
        ss, se = off(text, source)
        src = [Span(ss, se, source)]
    return Attribution(source=src, cue=None, content=[Span(s, e, content)])


def pred(text: str, content: str, source: str | None = None, doc_id: str = "d") -> Prediction:
    s, e = off(text, content)
    ss = se = None
    if source is not None:
        ss, se = off(text, source)
    return Prediction(doc_id, s, e, ss, se, source)


def test_trim_span_strips_quotes_punctuation_whitespace() -> None:
    for quoted in ('"We will win."', "“We will win.”", "«We will win»", " ‘We will win,’ ", "`We will win'"):
        text = f"x {quoted} y"
        s, e = trim_span(text, 2, 2 + len(quoted))
        assert text[s:e] == "We will win"
    # inner punctuation stays; an all-punctuation span is left alone
    assert trim_span('"a, b"', 0, 6) == (1, 5)
    assert trim_span('x "..." y', 2, 7) == (2, 7)


def test_exact_match_after_trimming_but_not_soft_only() -> None:
    text = 'The coach said "the team is ready for the final match."'
    doc = make_doc(text, att(text, '"the team is ready for the final match."'))
    # same words without the quotes and period: exact after trimming
    r = score([doc], [pred(text, "the team is ready for the final match")])
    assert r["exact"]["tp"] == 1 and r["exact"]["f1"] == 1.0
    # a shorter span (more than half of the gold): soft but not exact
    r = score([doc], [pred(text, "the team is ready for the final")])
    assert (r["exact"]["tp"], r["soft"]["tp"]) == (0, 1)
    assert (r["exact"]["fp"], r["exact"]["fn"]) == (1, 1)


def test_soft_threshold_is_half_the_longer_span() -> None:
    text = "She said abcdefghij and then more words follow here."
    gold = att(text, "abcdefghij")  # 10 chars
    doc = make_doc(text, gold)
    s = gold.content_start
    # prediction of 20 chars overlapping all 10 gold chars: 10 >= 20/2 -> soft
    assert score([doc], [Prediction("d", s, s + 20)])["soft"]["tp"] == 1
    # 21 chars: 10 < 21/2 -> not soft, even though gold is fully covered
    assert score([doc], [Prediction("d", s, s + 21)])["soft"]["tp"] == 0
    # 5-char prediction inside gold: 5 >= 10/2 -> soft; 4 chars -> not
    assert score([doc], [Prediction("d", s, s + 5)])["soft"]["tp"] == 1
    assert score([doc], [Prediction("d", s, s + 4)])["soft"]["tp"] == 0


def test_discontinuous_gold_is_scored_by_its_extent() -> None:
    text = '"Prices will fall," the minister said, "by next spring."'
    a, b = off(text, '"Prices will fall,"'), off(text, '"by next spring."')
    gold = Attribution(
        source=[Span(*off(text, "the minister"), "the minister")],
        cue=None,
        content=[Span(*a, text[a[0] : a[1]]), Span(*b, text[b[0] : b[1]])],
    )
    doc = make_doc(text, gold)
    whole = Prediction("d", 0, len(text))
    assert score([doc], [whole])["exact"]["tp"] == 1
    assert score([doc], [pred(text, "Prices will fall")])["exact"]["tp"] == 0


def test_one_to_one_matching_per_document() -> None:
    text = "He said the museum opens at nine. She said the park closes at ten."
    doc = make_doc(text, att(text, "the museum opens at nine"), att(text, "the park closes at ten"))
    dup = pred(text, "the museum opens at nine")
    r = score([doc], [dup, dup])
    assert (r["exact"]["tp"], r["exact"]["fp"], r["exact"]["fn"]) == (1, 1, 1)
    assert r["n_gold"] == 2 and r["n_pred"] == 2
    # one prediction spanning both gold contents matches at most one of them
    wide = Prediction("d", off(text, "the museum")[0], off(text, "at ten")[1])
    r = score([doc], [wide])
    assert r["soft"]["tp"] == 0  # overlaps neither by half the longer span
    two = [pred(text, "the museum opens at nine"), pred(text, "the museum opens at nine")]
    assert score([doc], two)["soft"]["tp"] == 1
    # greedy by overlap: the better-overlapping prediction wins the gold span,
    # whichever comes first; the winner's source is the one checked
    doc1 = make_doc(text, att(text, "the museum opens at nine", source="He"))
    good = pred(text, "the museum opens at nin", source="He")
    weak = pred(text, "museum opens at", source="She")
    for order in ([weak, good], [good, weak]):
        r = score([doc1], order)
        assert r["soft"]["tp"] == 1 and r["soft"]["fp"] == 1
        assert r["source"]["correct"] == 1


def test_matching_does_not_cross_documents() -> None:
    text = "Analysts said rates stay flat."
    d1 = make_doc(text, att(text, "rates stay flat"), doc_id="one")
    d2 = make_doc(text, doc_id="two")
    r = score([d1, d2], [pred(text, "rates stay flat", doc_id="two")])
    assert (r["exact"]["tp"], r["exact"]["fp"], r["exact"]["fn"]) == (0, 1, 1)


def test_source_accuracy_counts_missing_gold_sources_separately() -> None:
    text = "The chief said taxes rise. It is feared that jobs go. Aides said nothing changes."
    doc = make_doc(
        text,
        att(text, "taxes rise", source="The chief"),
        att(text, "that jobs go"),  # no gold source
        att(text, "nothing changes", source="Aides"),
    )
    preds = [
        pred(text, "taxes rise", source="chief"),  # overlaps gold source: right
        pred(text, "that jobs go", source="It"),  # gold has none: excluded
        pred(text, "nothing changes", source="said"),  # wrong source
    ]
    src = score([doc], preds)["source"]
    assert (src["correct"], src["total"], src["gold_missing"]) == (1, 2, 1)
    assert src["accuracy"] == 0.5
    # no predicted source counts as wrong
    preds[0] = pred(text, "taxes rise")
    assert score([doc], preds)["source"]["correct"] == 0


def test_source_overlap_checks_every_gold_fragment() -> None:
    text = "Smith, a spokesman for the firm, said sales grew."
    gold = Attribution(
        source=[Span(0, 5, "Smith"), Span(*off(text, "the firm"), "the firm")],
        cue=None,
        content=[Span(*off(text, "sales grew"), "sales grew")],
    )
    doc = make_doc(text, gold)
    assert score([doc], [pred(text, "sales grew", source="firm")])["source"]["correct"] == 1
    assert score([doc], [pred(text, "sales grew", source="spokesman")])["source"]["correct"] == 0


def test_score_rejects_unknown_doc_and_bad_offsets() -> None:
    text = "Nobody said anything."
    doc = make_doc(text)
    with pytest.raises(ValueError, match="unknown doc_id"):
        score([doc], [Prediction("other", 0, 3)])
    with pytest.raises(ValueError, match="outside the text"):
        score([doc], [Prediction("d", 5, 500)])


def test_format_report_shows_scores() -> None:
    text = "The coach said the team is ready."
    doc = make_doc(text, att(text, "the team is ready", source="The coach"))
    report = format_report(score([doc], [pred(text, "the team is ready", source="coach")]))
    assert "exact" in report and "soft" in report
    assert "1.000" in report
    assert "source accuracy" in report and "(1/1;" in report


@pytest.mark.parametrize(
    "text, start, expected",
    [
        ("He said that the plan failed.", 13, 8),
        ("He said the plan failed.", 8, 8),
        ("The fact that it failed", 14, 9),
        ("A thatched roof", 2, 2),
    ],
)
def test_include_complementizer(text, start, expected):
    from pipeline.benchmarks.polnear import include_complementizer

    assert include_complementizer(text, start) == expected


@pytest.mark.parametrize(
    "runs, kept",
    [
        # "Ruiz said the board believes the fare will rise": the board's belief is inside Ruiz's content
        ([(10, 60, "said"), (30, 60, "believes")], ["said"]),
        # side by side, or overlapping without containment: both stay
        ([(10, 40, "said"), (45, 80, "added")], ["said", "added"]),
        ([(10, 40, "said"), (30, 80, "added")], ["said", "added"]),
        # the same extent twice: neither is inside a longer one
        ([(10, 40, "said"), (10, 40, "told")], ["said", "told"]),
    ],
)
def test_outermost_drops_contents_nested_in_another(runs, kept):
    from pipeline.benchmarks.polnear import outermost

    assert [c for _, _, c in outermost(runs)] == kept
