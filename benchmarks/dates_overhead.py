"""What date handling adds to end-to-end extraction, as a ratio in one run.

Runs the whole extraction (ingest, spaCy, claimsift components, claim
models) over the sample corpus repeated ``--repeat`` times, and times the
date work inside it: the ``claimsift_dates`` component (finding and
normalizing temporal expressions) and ``said_on`` (attaching a date to each
claim). Both numbers come from the same run, so machine noise cancels out.

    python benchmarks/dates_overhead.py [--repeat 20] [--corpus corpus/]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline import components, extract, temporal
from pipeline.ingest import iter_articles
from pipeline.models import Article
from pipeline.nlp import load_nlp


class Stopwatch:
    def __init__(self):
        self.seconds = 0.0

    def wrap(self, fn):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0

        return timed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent / "corpus")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)

    articles = [a for a in iter_articles([args.corpus]) if isinstance(a, Article)]
    batch = [a.model_copy(update={"doc_id": f"{a.doc_id}~{k}"}) for k in range(args.repeat) for a in articles]
    nlp = load_nlp()
    list(extract.process_articles(nlp, articles[:2]))  # warm up caches and the model

    dates = Stopwatch()
    original_call = components.DatesComponent.__call__
    original_said_on = extract.said_on
    components.DatesComponent.__call__ = dates.wrap(original_call)
    extract.said_on = dates.wrap(original_said_on)
    total = 0.0
    n_claims = 0
    try:
        for k in range(args.repeat):
            # each round starts with empty normalization caches, as a new
            # process would: repeated texts must not look cheaper than they are
            for name in ("normalize", "_normalize"):
                cached = getattr(temporal, name, None)
                if hasattr(cached, "cache_clear"):
                    cached.cache_clear()
            round_articles = batch[k * len(articles):(k + 1) * len(articles)]
            t0 = time.perf_counter()
            n_claims += sum(len(claims) for _, claims in extract.process_articles(nlp, round_articles))
            total += time.perf_counter() - t0
    finally:
        components.DatesComponent.__call__ = original_call
        extract.said_on = original_said_on
    words = sum(len(a.text.split()) for a in batch)
    print(f"articles {len(batch)}  words {words}  claims {n_claims}")
    print(f"end-to-end {total:.2f} s   date handling {dates.seconds:.3f} s   ratio {dates.seconds / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
