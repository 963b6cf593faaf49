"""The gold-format evaluator and the eval / schema commands."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from conftest import ROOT, SHARED
from pipeline.cli import main
from pipeline.evaluate import GoldClaim, GoldFileError, evaluate, read_gold
from pipeline.models import Certainty, Claim, Cue, Speaker, TextSpan


def claim(doc, text, speaker="Ruiz", label="PERSON", level="certain", polarity="positive", cue_start=0, start=10, said=None):
    from pipeline.models import TemporalExpression

    return Claim(
        id=f"{doc}#1", doc_id=doc, sentence=TextSpan(text=text, start=0, end=len(text)),
        speaker=Speaker(text=speaker, name=speaker, label=label, start=0, end=len(speaker)) if label != "AUTHOR" else Speaker(label="AUTHOR"),
        cue=Cue(text="said", lemma="say", start=cue_start, end=cue_start + 4) if label != "AUTHOR" else None,
        claim=TextSpan(text=text, start=start, end=start + len(text)), kind="indirect",
        certainty=Certainty(level=level, polarity=polarity),
        said_on=TemporalExpression(text="Tuesday", value=said, start=0, end=7) if said else None,
        rule="test",
    )


def gold(**kw):
    base = {"doc": "a.txt", "speaker": ["Ruiz"], "keys": ["fare"], "level": ["certain"], "polarity": "positive"}
    base.update(kw)
    return GoldClaim.model_validate(base)


def test_perfect_match():
    r = evaluate([gold()], [claim("a.txt", "the fare will rise")])
    assert (r["claim"]["f1"], r["tuple"]["f1"], r["speaker_accuracy"]) == (1.0, 1.0, 1.0)


def test_keys_must_all_occur():
    r = evaluate([gold(keys=["fare", "cents"])], [claim("a.txt", "the fare will rise")])
    assert r["matched"] == 0 and r["claim"]["recall"] == 0.0 and r["claim"]["precision"] == 0.0


def test_wrong_speaker_counts_for_claim_not_tuple():
    r = evaluate([gold()], [claim("a.txt", "the fare will rise", speaker="Okafor")])
    assert r["claim"]["f1"] == 1.0 and r["tuple"]["f1"] == 0.0 and r["speaker_accuracy"] == 0.0


def test_author_speaker():
    r = evaluate([gold(speaker=["AUTHOR"], level=["possible"])], [claim("a.txt", "fares may rise", label="AUTHOR", level="possible")])
    assert r["tuple"]["f1"] == 1.0


def test_one_to_one_matching():
    preds = [claim("a.txt", "the fare will rise", start=10), claim("a.txt", "the fare rises", start=50, cue_start=40)]
    r = evaluate([gold()], preds)
    assert r["matched"] == 1 and r["predicted"] == 2 and r["claim"]["precision"] == 0.5


def test_two_sources_sharing_cue_and_claim_count_once():
    preds = [claim("a.txt", "talks resume", speaker="Cameron"), claim("a.txt", "talks resume", speaker="the team", label="ORG")]
    r = evaluate([gold(keys=["talks"], speaker=["team"])], preds)
    assert r["predicted"] == 1 and r["claim"]["precision"] == 1.0 and r["speaker_accuracy"] == 1.0


def test_optional_gold_neither_required_nor_wrong():
    r = evaluate([gold(), gold(keys=["weather"], optional=True)], [claim("a.txt", "the fare will rise"), claim("a.txt", "the weather", start=80, cue_start=70)])
    assert r["gold"] == 1 and r["predicted"] == 1 and r["claim"]["f1"] == 1.0


def test_said_on_and_polarity_scored_when_present():
    r = evaluate([gold(said_on="2025-03-11", polarity="negative")], [claim("a.txt", "the fare will rise", said="2025-03-11")])
    assert r["said_on_accuracy"] == 1.0 and r["polarity_accuracy"] == 0.0


@pytest.mark.parametrize("predicted, ok", [
    ("2025-03-11", True),
    ("2025-03-11TAF", True),       # "on Tuesday afternoon": the same day
    ("2025-03-11T14:00", True),
    ("2025-03-12", False),
    ("2025-03", False),            # coarser than the gold day
    ("2025-03-11-extra", False),
])
def test_regression_said_on_finer_than_a_day_is_that_day(predicted, ok):
    # "said at a press conference on Thursday afternoon" (2025-10-30TAF) was
    # once scored wrong against the gold day 2025-10-30
    r = evaluate([gold(said_on="2025-03-11")], [claim("a.txt", "the fare will rise", said=predicted)])
    assert r["said_on_accuracy"] == (1.0 if ok else 0.0)


def test_doc_ids_match_by_suffix():
    r = evaluate([gold()], [claim("corpus/a.txt", "the fare will rise")])
    assert r["matched"] == 1


def test_bad_gold_line_is_named(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"doc": "a.txt", "keys": ["x"]}\n{"doc": "a.txt", "keys": ["x"], "level": ["sure"]}\n')
    with pytest.raises(GoldFileError, match=r"g.jsonl:2: key 'level'"):
        read_gold(p)


def test_schema_command():
    res = CliRunner().invoke(main, ["schema"])
    assert res.exit_code == 0
    schema = json.loads(res.output)
    for key in ("id", "doc_id", "title", "published", "sentence", "speaker", "cue", "claim", "kind", "certainty", "said_on", "dates", "entities", "rule"):
        assert key in schema["properties"]


def test_eval_command_on_corpus(tmp_path):
    """The whole loop on the sample corpus: extract, then eval (issue 2's bar: claim F1 >= 0.75)."""
    out = tmp_path / "c.jsonl"
    runner = CliRunner()
    res = runner.invoke(main, ["extract", str(ROOT / "corpus"), "-o", str(out), "-q"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["eval", "--json", str(ROOT / "corpus" / "gold.jsonl"), str(out)])
    assert res.exit_code == 0, res.output
    scores = json.loads(res.output)
    assert scores["claim"]["f1"] >= 0.75
    res = runner.invoke(main, ["eval", str(ROOT / "corpus" / "gold.jsonl"), str(out), "--verbose"])
    assert "claim  P" in res.output


@pytest.mark.skipif(not (SHARED / "examples").is_dir(), reason="../shared/examples is not present")
def test_reference_example(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SHARED / "examples" / "alita-battle-angel-2.txt", src)
    out = tmp_path / "c.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 0
    res = runner.invoke(main, ["eval", "--json", str(SHARED / "examples" / "alita-battle-angel-2.gold.jsonl"), str(out)])
    scores = json.loads(res.output)
    assert scores["claim"]["f1"] >= 0.70 and scores["tuple"]["f1"] >= 0.50


def _quote_part(text, start, cue_start=100):
    c = claim("a.txt", text, start=start, cue_start=cue_start)
    return c.model_copy(update={"kind": "direct"})


def test_gold_line_spanning_a_quotes_sentences_matches_the_run_once():
    # claimsift writes one claim per quoted sentence; an annotator may take
    # the whole quote as one claim with keys from both sentences
    parts = [_quote_part("We asked for safe staffing", 0), _quote_part("They answered with spreadsheets", 30)]
    r = evaluate([gold(keys=["safe staffing", "spreadsheets"])], parts)
    assert (r["matched"], r["predicted"], r["claim"]["f1"]) == (1, 1, 1.0)


def test_per_sentence_gold_lines_still_match_one_claim_each():
    parts = [_quote_part("We asked for safe staffing", 0), _quote_part("They answered with spreadsheets", 30)]
    r = evaluate([gold(keys=["safe staffing"]), gold(keys=["spreadsheets"])], parts)
    assert (r["matched"], r["predicted"], r["claim"]["f1"]) == (2, 2, 1.0)


def test_claims_with_different_cues_are_no_quote_run():
    parts = [_quote_part("We asked for safe staffing", 0, cue_start=100), _quote_part("They answered with spreadsheets", 30, cue_start=200)]
    r = evaluate([gold(keys=["safe staffing", "spreadsheets"])], parts)
    assert (r["matched"], r["predicted"]) == (0, 2)



def test_regression_a_gold_line_matched_a_run_of_unrelated_quote_sentences():
    # (review) keys from two sentences of a five-sentence quote, none of the
    # middle ones holding a key: no match, all five stay predictions
    texts = ["We balanced the budget", "Schools get more money", "Roads get fixed", "Taxes stay flat",
             "We expect the economy to grow"]
    parts = [_quote_part(t, 40 * n) for n, t in enumerate(texts)]
    r = evaluate([gold(keys=["budget", "grow"])], parts)
    assert (r["matched"], r["predicted"]) == (0, 5)


def test_quote_runs_stay_fast_on_a_long_quote():
    import time

    parts = [_quote_part(f"Sentence number {n} of the speech", 50 * n) for n in range(300)]
    golds = [gold(keys=[f"number {n} of", f"number {n + 1} of"]) for n in range(0, 120, 2)]
    t0 = time.perf_counter()
    r = evaluate(golds, parts)
    assert time.perf_counter() - t0 < 5.0
    assert r["matched"] == 60
