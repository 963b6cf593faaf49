"""PolNeAR: load the attribution benchmark and score predicted claims against it.

PolNeAR (Newell, Margolin & Ruths, LREC 2018; github.com/networkdynamics/PolNeAR)
annotates attributions -- Source, Cue, Content -- in about 1,000 US political
news articles from 2015-16. Plain functions and dataclasses, no spaCy.

Layout of the corpus (``data/`` in the PolNeAR repository)::

    data/
      train/  dev/  test/            the core splits (840 / 84 / 84 articles)
        text/<doc>.txt               the article, UTF-8; offsets index into it
        attributions/<doc>_<annotator>.ann
                                     brat standoff; <annotator> is a 4-hex id.
                                     A few articles were annotated by several
                                     annotators and have several .ann files.
        corenlp/<doc>.txt.xml        CoreNLP parses (not used here)
      annotator-training/            text/ + attributions/ (quality control)
      parc3-replication/             attributions/ only (text is PTB, not shipped)
      metadata.tsv

Pass a split folder -- the one holding ``text/`` and ``attributions/``::

    docs = load_split(Path("PolNeAR/data/dev"))

How a .ann file links Source, Cue and Content into one attribution
(tab-separated brat lines; ``T`` = text-bound span, ``E`` = event)::

    T1  Source 89 106           The Agency            <- source span
    T2  Cue 107 114             reports               <- cue span
    T3  Content 115 290         that the ...          <- content span
    T4  Attribution 107 114     reports               <- event trigger (same
                                                         offsets as the cue)
    E1  Attribution:T4 Content:T3 Cue:T2 Source:T1    <- the attribution

Only the ``E`` line links the parts; the role order on it varies. One
``Source`` T is often shared by several ``E`` lines ("X said A ... X added B");
each attribution gets its own copy. ``T`` spans no ``E`` refers to are
ignored, and so are ``E`` lines without a Content (counted in
``PolnearDoc.skipped``). The first argument of an ``E`` line is the
trigger: type ``Attribution`` or ``Attribution-no-source`` (the latter
normally has no ``Source:`` role, e.g. an agentless "it is expected that
..."; a Source is kept if one is linked anyway). A content split by an interrupting cue may be one discontinuous
``T`` ("Content 10 20;25 40", text field = fragments joined by a space) or
two ``T``s linked as ``Content:`` and ``Content2:``; both become fragments of
one content here. Other ``T`` types (``Discuss``, ``Discard``) mark passages
the annotators set aside; ``#`` lines are annotator notes. Both are ignored.
A ``T`` text field may itself contain line breaks (the fragment spans a
paragraph break), so a .ann line that is not an annotation continues the
previous ``T`` text; it is accepted only while that text is still shorter
than the span it names, otherwise it is a malformed line.

Scoring (see :func:`score`) compares predicted content spans with gold ones
after trimming quote marks, punctuation and whitespace from both ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Span",
    "Attribution",
    "PolnearDoc",
    "Prediction",
    "load_split",
    "parse_ann",
    "trim_span",
    "score",
    "format_report",
]


# ---------------------------------------------------------------------------
# data model


@dataclass(frozen=True)
class Span:
    """One contiguous character span: ``doc.text[start:end] == text``."""

    start: int
    end: int
    text: str


def _extent(fragments: list[Span] | None) -> tuple[int, int] | None:
    if not fragments:
        return None
    return min(f.start for f in fragments), max(f.end for f in fragments)


@dataclass
class Attribution:
    """One gold attribution. Each part is a list of fragments sorted by start
    (discontinuous spans have several); ``source``/``cue`` are None when the
    annotation has no such part. ``*_start``/``*_end`` give the overall
    extent, from the first fragment's start to the last fragment's end."""

    source: list[Span] | None
    cue: list[Span] | None
    content: list[Span]
    id: str = ""  # the brat event id, e.g. "E3"

    @property
    def content_start(self) -> int:
        return _extent(self.content)[0]

    @property
    def content_end(self) -> int:
        return _extent(self.content)[1]

    @property
    def source_start(self) -> int | None:
        ext = _extent(self.source)
        return ext[0] if ext else None

    @property
    def source_end(self) -> int | None:
        ext = _extent(self.source)
        return ext[1] if ext else None

    @property
    def cue_start(self) -> int | None:
        ext = _extent(self.cue)
        return ext[0] if ext else None

    @property
    def cue_end(self) -> int | None:
        ext = _extent(self.cue)
        return ext[1] if ext else None


@dataclass
class PolnearDoc:
    """One article with the attributions of one annotator.

    ``doc_id`` is the text file's stem. ``annotator`` is the annotation used;
    ``other_annotators`` lists further .ann files for the same article.
    ``skipped`` counts ``E`` lines dropped because they have no Content."""

    doc_id: str
    text: str
    attributions: list[Attribution]
    annotator: str = ""
    other_annotators: list[str] = field(default_factory=list)
    skipped: int = 0


@dataclass(frozen=True)
class Prediction:
    """A predicted claim: character offsets into the article text."""

    doc_id: str
    content_start: int
    content_end: int
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None


# ---------------------------------------------------------------------------
# loading

_ID_LINE = re.compile(r"^([TERAMN]\d+|#\d*|\*)\t")
_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_ROLE = re.compile(r"^(Source|Cue|Content)\d*$")
_TRIGGERS = {"Attribution", "Attribution-no-source"}
_ANN_NAME = re.compile(r"^(?P<doc>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


def _malformed(path: Path | str, lineno: int, why: str, line: str) -> ValueError:
    shown = line if len(line) <= 80 else line[:77] + "..."
    return ValueError(f"{path}:{lineno}: {why}: {shown!r}")


def _expected_text(text: str, frags: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e] for s, e in frags)


def parse_ann(ann: str, text: str, path: Path | str = "<string>") -> tuple[list[Attribution], int]:
    """Parse brat standoff ``ann`` over article ``text``.

    Returns ``(attributions, skipped)``: attributions in file order of their
    ``E`` lines, and the number of ``E`` lines dropped for having no Content.
    Raises ValueError naming ``path`` and the line number on a malformed line,
    an offset outside the text, a ``T`` whose text does not match the article,
    or an ``E`` that refers to a missing ``T`` or uses an unknown role.
    """
    # T id -> (type, fragments, lineno); E id -> (args, lineno)
    spans: dict[str, tuple[str, list[tuple[int, int]], int]] = {}
    events: list[tuple[str, list[tuple[str, str]], int]] = []
    # continuation of a T text field that ran over a line break
    pending: tuple[str, str, str, int] | None = None  # (id, text so far, expected, lineno)

    def close_pending() -> None:
        nonlocal pending
        if pending is not None:
            tid, got, want, ln = pending
            if got != want:
                raise _malformed(path, ln, f"text of {tid} does not match the article at its offsets", got)
            pending = None

    for lineno, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if not _ID_LINE.match(line):
            if pending is not None and len(pending[1]) < len(pending[2]):
                tid, got, want, ln = pending
                pending = (tid, got + "\n" + line, want, ln)
                continue
            close_pending()
            if line.strip() == "":
                continue  # blank line, e.g. at the end of the file
            raise _malformed(path, lineno, "not a brat annotation line", line)
        close_pending()
        ann_id, rest = line.split("\t", 1)
        if ann_id.startswith(("#", "*", "A", "M", "R", "N")):
            continue  # notes, equivalences, attributes, relations: not used by PolNeAR
        if ann_id.startswith("T"):
            parts = rest.split("\t", 1)
            if len(parts) != 2 or " " not in parts[0]:
                raise _malformed(path, lineno, "expected 'T<n>\\t<Type> <start> <end>[;<start> <end>...]\\t<text>'", line)
            ttype, offsets = parts[0].split(" ", 1)
            if not _OFFSETS.match(offsets):
                raise _malformed(path, lineno, f"bad offsets {offsets!r}", line)
            frags = []
            for piece in offsets.split(";"):
                s, e = (int(x) for x in piece.split(" "))
                if not 0 <= s < e <= len(text):
                    raise _malformed(path, lineno, f"span {s}-{e} is empty or outside the text (length {len(text)})", line)
                frags.append((s, e))
            if ann_id in spans:
                raise _malformed(path, lineno, f"duplicate id {ann_id}", line)
            spans[ann_id] = (ttype, frags, lineno)
            pending = (ann_id, parts[1], _expected_text(text, frags), lineno)
        else:  # E line
            if rest.strip() == "":
                raise _malformed(path, lineno, "event with no arguments", line)
            args = []
            for arg in rest.split():
                role, sep, target = arg.partition(":")
                if not sep or not target:
                    raise _malformed(path, lineno, f"bad event argument {arg!r} (want Role:T<n>)", line)
                args.append((role, target))
            events.append((ann_id, args, lineno))
    close_pending()

    attributions: list[Attribution] = []
    skipped = 0
    for eid, args, lineno in events:
        trigger, parts = args[0], args[1:]
        if trigger[0] not in _TRIGGERS:
            raise ValueError(f"{path}:{lineno}: {eid} has event type {trigger[0]!r}, expected one of {sorted(_TRIGGERS)}")
        roles: dict[str, list[Span]] = defaultdict(list)
        for role, target in parts:
            m = _ROLE.match(role)
            if not m:
                raise ValueError(f"{path}:{lineno}: {eid} has unknown role {role!r}")
            if target not in spans:
                raise ValueError(f"{path}:{lineno}: {eid} refers to {target}, which is not a T line in the file")
            for s, e in spans[target][1]:
                roles[m.group(1)].append(Span(s, e, text[s:e]))
        if not roles["Content"]:
            skipped += 1
            continue
        for key in roles:
            roles[key].sort(key=lambda sp: (sp.start, sp.end))
        attributions.append(
            Attribution(
                source=roles["Source"] or None,
                cue=roles["Cue"] or None,
                content=roles["Content"],
                id=eid,
            )
        )
    return attributions, skipped


def _resolve_split_dir(split_dir: Path) -> Path:
    split_dir = Path(split_dir)
    if (split_dir / "attributions").is_dir() and (split_dir / "text").is_dir():
        return split_dir
    # accept .../dev/text or .../dev/attributions too
    if split_dir.name in ("text", "attributions") and (split_dir.parent / "attributions").is_dir():
        return _resolve_split_dir(split_dir.parent)
    hint = ""
    if (split_dir / "dev").is_dir() or (split_dir / "data" / "dev").is_dir():
        hint = " (this looks like the repository or its data/ folder: pass data/train, data/dev or data/test)"
    raise ValueError(f"{split_dir}: not a PolNeAR split folder: expected text/ and attributions/ inside it{hint}")


def load_split(split_dir: Path, annotator: str | None = None) -> list[PolnearDoc]:
    """Load one PolNeAR split, e.g. ``load_split(Path("PolNeAR/data/dev"))``.

    ``split_dir`` is the folder holding ``text/<doc>.txt`` and
    ``attributions/<doc>_<annotator>.ann`` (``data/train``, ``data/dev``,
    ``data/test`` or ``data/annotator-training``); its ``text`` or
    ``attributions`` subfolder is accepted too. One document per text file,
    sorted by ``doc_id``. Where an article has several annotations, the one by
    ``annotator`` is used if there is one, otherwise the lowest annotator id
    (deterministic; the official loader picks at random).

    Raises ValueError for a missing folder, an .ann file with no text, a
    text file with no .ann file, or a malformed .ann line (file and line).
    """
    split_dir = _resolve_split_dir(split_dir)
    by_doc: dict[str, dict[str, Path]] = defaultdict(dict)
    for ann_path in sorted((split_dir / "attributions").glob("*.ann")):
        m = _ANN_NAME.match(ann_path.name)
        if not m:
            raise ValueError(f"{ann_path}: expected a file name <doc>_<annotator>.ann with a 4-hex annotator id")
        by_doc[m["doc"]][m["annotator"]] = ann_path
    texts = {p.stem: p for p in (split_dir / "text").glob("*.txt")}
    missing_text = sorted(set(by_doc) - set(texts))
    if missing_text:
        raise ValueError(f"{split_dir}: no text/{missing_text[0]}.txt for its .ann file ({len(missing_text)} such)")
    missing_ann = sorted(set(texts) - set(by_doc))
    if missing_ann:
        raise ValueError(f"{split_dir}: no attributions/{missing_ann[0]}_<annotator>.ann for text/{missing_ann[0]}.txt")

    docs = []
    for doc_id in sorted(texts):
        text = texts[doc_id].read_text(encoding="utf-8")
        anns = by_doc[doc_id]
        chosen = annotator if annotator in anns else min(anns)
        ann_path = anns[chosen]
        attributions, skipped = parse_ann(ann_path.read_text(encoding="utf-8"), text, ann_path)
        docs.append(
            PolnearDoc(
                doc_id=doc_id,
                text=text,
                attributions=attributions,
                annotator=chosen,
                other_annotators=sorted(a for a in anns if a != chosen),
                skipped=skipped,
            )
        )
    return docs


# ---------------------------------------------------------------------------
# scoring

# quote marks that are not in Unicode's punctuation categories
_EXTRA_TRIM = set("`´")


def _trimmable(ch: str) -> bool:
    return ch.isspace() or ch in _EXTRA_TRIM or unicodedata.category(ch).startswith("P")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start..end`` past whitespace, punctuation and quote marks
    (straight, curly, guillemets, backticks; any Unicode P* character) at both
    ends. A span that would become empty is returned unchanged."""
    s, e = start, end
    while s < e and _trimmable(text[s]):
        s += 1
    while e > s and _trimmable(text[e - 1]):
        e -= 1
    return (s, e) if s < e else (start, end)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _soft(a: tuple[int, int], b: tuple[int, int]) -> bool:
    longer = max(a[1] - a[0], b[1] - b[0])
    return 2 * _overlap(a, b) >= longer and _overlap(a, b) > 0


def _greedy_match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], ok) -> list[tuple[int, int]]:
    """One-to-one matching: among pairs with ``ok(g, p)``, take the pair with
    the largest overlap first (ties: smaller length difference, then earlier
    gold, then earlier prediction), drop both, repeat. Returns (gold index,
    prediction index) pairs."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if ok(g, p):
                diff = abs((g[1] - g[0]) - (p[1] - p[0]))
                pairs.append((-_overlap(g, p), diff, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _prf(tp: int, n_gold: int, n_pred: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": n_pred - tp, "fn": n_gold - tp, "precision": p, "recall": r, "f1": f}


def score(docs: list[PolnearDoc], predictions: list[Prediction]) -> dict:
    """Score predicted contents (and sources) against the gold attributions.

    Content spans of gold and prediction are both compared after
    :func:`trim_span`; a discontinuous gold content counts as its overall
    extent (first fragment start .. last fragment end) before trimming.

    - exact: the trimmed spans are identical.
    - soft: the trimmed spans overlap by at least half the longer one's length.

    Each is a one-to-one matching per document, greedy by overlap (see
    :func:`_greedy_match`); PolNeAR contents never overlap each other, so greedy
    and optimal matching agree except with overlapping predictions.

    Source accuracy is over soft-matched pairs whose gold attribution has a
    source: correct when the predicted source span overlaps any gold source
    fragment (no predicted source is wrong). Soft-matched pairs whose gold
    has no source are counted in ``source.gold_missing`` and excluded.

    Predictions for documents not in ``docs``, or with offsets outside the
    text, raise ValueError. Returns a dict::

        {"n_docs", "n_gold", "n_pred",
         "exact": {"tp", "fp", "fn", "precision", "recall", "f1"},
         "soft":  {... same keys ...},
         "source": {"correct", "total", "accuracy", "gold_missing"}}
    """
    by_id = {d.doc_id: d for d in docs}
    preds_by_doc: dict[str, list[Prediction]] = defaultdict(list)
    for p in predictions:
        doc = by_id.get(p.doc_id)
        if doc is None:
            raise ValueError(f"prediction for unknown doc_id {p.doc_id!r}")
        if not 0 <= p.content_start < p.content_end <= len(doc.text):
            raise ValueError(f"prediction in {p.doc_id!r}: content {p.content_start}-{p.content_end} is empty or outside the text")
        if (p.source_start is None) != (p.source_end is None):
            raise ValueError(f"prediction in {p.doc_id!r}: give both source_start and source_end, or neither")
        preds_by_doc[p.doc_id].append(p)

    n_gold = n_pred = exact_tp = soft_tp = 0
    src_correct = src_total = src_missing = 0
    for doc in docs:
        gold_atts = doc.attributions
        preds = preds_by_doc.get(doc.doc_id, [])
        gold = [trim_span(doc.text, a.content_start, a.content_end) for a in gold_atts]
        pred = [trim_span(doc.text, p.content_start, p.content_end) for p in preds]
        n_gold += len(gold)
        n_pred += len(pred)
        exact_tp += len(_greedy_match(gold, pred, lambda g, p: g == p))
        soft_pairs = _greedy_match(gold, pred, _soft)
        soft_tp += len(soft_pairs)
        for gi, pi in soft_pairs:
            att, p = gold_atts[gi], preds[pi]
            if not att.source:
                src_missing += 1
                continue
            src_total += 1
            if p.source_start is not None and any(
                _overlap((f.start, f.end), (p.source_start, p.source_end)) > 0 for f in att.source
            ):
                src_correct += 1

    return {
        "n_docs": len(docs),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "exact": _prf(exact_tp, n_gold, n_pred),
        "soft": _prf(soft_tp, n_gold, n_pred),
        "source": {
            "correct": src_correct,
            "total": src_total,
            "accuracy": src_correct / src_total if src_total else 0.0,
            "gold_missing": src_missing,
        },
    }


def format_report(result: dict) -> str:
    """A short plain-text table of a :func:`score` result."""
    lines = [
        f"PolNeAR: {result['n_docs']} docs, {result['n_gold']} gold contents, {result['n_pred']} predicted",
        f"{'content':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}",
    ]
    for name in ("exact", "soft"):
        m = result[name]
        lines.append(
            f"{name:<8} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} {m['tp']:>6} {m['fp']:>6} {m['fn']:>6}"
        )
    s = result["source"]
    lines.append(
        f"source accuracy on soft matches: {s['accuracy']:.3f} ({s['correct']}/{s['total']}; "
        f"{s['gold_missing']} matches without a gold source excluded)"
    )
    return "\n".join(lines)


def predict_polnear(nlp, docs: list[PolnearDoc], batch_size: int = 32) -> list[Prediction]:
    """Run claimsift over each document's text and turn its attributed
    claims into predictions. AUTHOR claims (the writer's own hedged
    statements) are not attributions in PolNeAR's sense and are left out;
    claims sharing a cue and a content are one prediction."""
    from pipeline.attribution import KEEP_REQUESTS
    from pipeline.extract import process_articles
    from pipeline.ingest import make_article

    articles = [make_article(d.doc_id, d.text) for d in docs]
    out: list[Prediction] = []
    # PolNeAR annotates reported requests ("urged both sides to pull back")
    # as attributions; claimsift's claims leave them out unless asked
    token = KEEP_REQUESTS.set(True)
    try:
        results = list(process_articles(nlp, articles, batch_size=batch_size))
    finally:
        KEEP_REQUESTS.reset(token)
    for article, claims in results:
        for start, end, c in outermost(merge_quote_runs(claims)):
            start = include_complementizer(article.text, start)
            out.append(
                Prediction(
                    doc_id=article.doc_id,
                    content_start=start,
                    content_end=end,
                    source_start=c.speaker.start,
                    source_end=c.speaker.end if c.speaker.start is not None else None,
                    source_text=c.speaker.text,
                )
            )
    return out


def outermost(runs: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """PolNeAR annotates one attribution per stretch of content, the outer
    one when reports nest ("X said Y believes Z" is X's): a claim whose
    content lies inside another claim's content is left out."""
    keep = []
    for i, (s, e, c) in enumerate(runs):
        inside = any(j != i and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for j, (s2, e2, _) in enumerate(runs))
        if not inside:
            keep.append((s, e, c))
    return keep


_THAT_BEFORE = re.compile(r"\bthat\s+$", re.IGNORECASE)


def include_complementizer(text: str, start: int) -> int:
    """PolNeAR's contents begin with the complementizer ("said *that the
    plan …*"); claimsift's claims leave it out. Move the start back over it."""
    m = _THAT_BEFORE.search(text, max(0, start - 12), start)
    return m.start() if m else start


def merge_quote_runs(claims) -> list[tuple[int, int, object]]:
    """PolNeAR annotates one content per attribution: ``"Q1," X said. "Q2."``
    is one content from Q1 to Q2 (the cue inside it). claimsift writes one
    claim per quoted sentence; here consecutive direct claims with the same
    cue and speaker become one extent. AUTHOR claims without a cue (the
    writer's own hedges) and repeated (content, cue) pairs are left out."""
    runs: list[list] = []
    seen: set[tuple] = set()
    for c in sorted(claims, key=lambda c: (c.claim.start, c.claim.end)):
        if c.speaker.label == "AUTHOR" and c.cue is None:
            continue
        key = (c.claim.start, c.claim.end, c.cue.start if c.cue else None)
        if key in seen:
            continue
        seen.add(key)
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and c.kind == "direct"
            and last.kind in ("direct", "mixed")
            and c.cue is not None
            and last.cue is not None
            and c.cue.start == last.cue.start
            and c.speaker.start == last.speaker.start
        ):
            runs[-1].append(c)
        else:
            runs.append([c])
    return [(min(c.claim.start for c in run), max(c.claim.end for c in run), run[0]) for run in runs]
