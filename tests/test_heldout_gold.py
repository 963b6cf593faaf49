"""The team-written evaluation sets (benchmarks/heldout/setN): every gold line
is well formed and points at text claimsift really reads from that article."""

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.ingest import iter_articles
from pipeline.models import Article

HELDOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout"
SETS = sorted(p for p in HELDOUT.glob("set*") if (p / "gold.jsonl").is_file())
LEVELS = {"certain", "probable", "possible", "unknown"}
ALLOWED = {"doc", "speaker", "keys", "level", "polarity", "said_on", "note", "optional"}


def test_there_are_sets():
    assert len(SETS) >= 8


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_heldout_gold(folder):
    articles = {a.doc_id: a for a in iter_articles([folder]) if isinstance(a, Article)}
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    for row in rows:
        where = f"{folder.name}: {row.get('doc')} {row.get('keys')}"
        assert set(row) <= ALLOWED, where
        assert row["doc"] in articles, f"{where}: no such article"
        body = articles[row["doc"]].text.lower()
        assert row["keys"] and all(k.lower() in body for k in row["keys"]), f"{where}: key not in the text"
        assert row["speaker"] and all(isinstance(s, str) and s for s in row["speaker"]), where
        if not row.get("optional"):
            # polarity may be left out (DESIGN: scored when given)
            assert set(row["level"]) <= LEVELS and row.get("polarity", "positive") in ("positive", "negative"), where
        if "said_on" in row:
            published = articles[row["doc"]].published
            said = row["said_on"]
            dt.date.fromisoformat(said if len(said) == 10 else said + "-01")
            assert published is None or said[:len(published)] <= published, f"{where}: said_on after publication"
    annotated = {r["doc"] for r in rows}
    assert annotated == set(articles), f"{folder.name}: articles without gold {sorted(set(articles) - annotated)}"
