"""`claimsift eval`: predicted claims against gold claims (DESIGN.md format).

Gold line: ``{"doc", "speaker": [...], "keys": [...], "level": [...],
"polarity"?, "said_on"?, "optional"?}``. A predicted claim matches a gold
claim when its text holds every key (case-insensitive) and it is in the same
document. Predictions that share a cue and a claim span (one claim with two
sources, "hints from X and Y") count as one predicted claim, matched
once, its speaker right when any of its sources is. Pairs are matched one to
one per document: required gold claims first, the best-agreeing pair first.
A gold line whose keys span sentences of one quote (which claimsift writes
as one claim per sentence) matches that run of claims, counted once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .models import LEVELS, Claim


class GoldClaim(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc: str
    speaker: list[str] = Field(default_factory=list)
    keys: list[str] = Field(min_length=1)
    level: list[str] = Field(default_factory=list)
    polarity: Optional[str] = None
    said_on: Optional[str] = None
    optional: bool = False
    note: Optional[str] = None

    @field_validator("level")
    @classmethod
    def _levels(cls, v: list[str]) -> list[str]:
        bad = [x for x in v if x not in LEVELS]
        if bad:
            raise ValueError(f"unknown level(s) {bad}; use {', '.join(LEVELS)}")
        return v

    @field_validator("polarity")
    @classmethod
    def _polarity(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and v not in ("positive", "negative"):
            raise ValueError("polarity must be positive or negative")
        return v


class GoldFileError(ValueError):
    pass


def read_gold(path: Path) -> list[GoldClaim]:
    out = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise GoldFileError(f"{path}: cannot read: {exc.strerror}") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append(GoldClaim.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{path}:{n}: malformed JSON: {exc.msg}") from None
        except ValidationError as exc:
            e = exc.errors()[0]
            raise GoldFileError(f"{path}:{n}: key '{'.'.join(map(str, e['loc']))}': {e['msg']}") from None
    return out


@dataclass
class PredUnit:
    """Predicted claims sharing a cue and a claim span."""

    claims: list[Claim]
    joined: Optional[str] = None  # the text of a window of a quote (see _run_candidates)

    @property
    def first(self) -> Claim:
        return self.claims[0]

    @property
    def text(self) -> str:
        return self.joined if self.joined is not None else self.first.claim.text.lower()


def group_predictions(claims: Iterable[Claim]) -> dict[str, list[PredUnit]]:
    by_doc: dict[str, dict[tuple, PredUnit]] = {}
    for c in claims:
        key = (c.claim.start, c.claim.end, c.cue.start if c.cue else None)
        units = by_doc.setdefault(c.doc_id, {})
        if key in units:
            units[key].claims.append(c)
        else:
            units[key] = PredUnit([c])
    return {d: list(u.values()) for d, u in by_doc.items()}


def speaker_ok(gold: GoldClaim, unit: PredUnit) -> bool:
    for c in unit.claims:
        for want in gold.speaker:
            if want == "AUTHOR":
                if c.speaker.label == "AUTHOR":
                    return True
                continue
            w = want.lower()
            if w in (c.speaker.text or "").lower() or w in (c.speaker.name or "").lower():
                return True
    return False


def level_ok(gold: GoldClaim, unit: PredUnit) -> bool:
    return not gold.level or unit.first.certainty.level in gold.level


def polarity_ok(gold: GoldClaim, unit: PredUnit) -> bool:
    return gold.polarity is None or unit.first.certainty.polarity == gold.polarity


def said_on_ok(gold: GoldClaim, unit: PredUnit) -> bool:
    """The predicted said_on names the gold date; a finer value on that day
    ("2025-10-30TAF": Thursday afternoon, "2025-10-30T14:00") is the same day."""
    so = unit.first.said_on
    if so is None or so.value is None or gold.said_on is None:
        return False
    return so.value == gold.said_on or (
        len(gold.said_on) == 10 and so.value.startswith(gold.said_on + "T"))


def keys_match(gold: GoldClaim, unit: PredUnit) -> bool:
    text = unit.text
    return all(k.lower() in text for k in gold.keys)


def _doc_matches(gold_doc: str, pred_doc: str) -> bool:
    return pred_doc == gold_doc or pred_doc.endswith("/" + gold_doc)


@dataclass
class DocResult:
    matches: list[tuple[GoldClaim, PredUnit]] = field(default_factory=list)
    missed: list[GoldClaim] = field(default_factory=list)
    extras: list[PredUnit] = field(default_factory=list)
    optional_matched: int = 0


def quote_chains(units: list[PredUnit]) -> list[list[int]]:
    """Maximal runs of two or more direct claims in a row with the same cue
    and speaker: the sentences of one quote, which claimsift writes one
    claim each (unit indices in text order)."""
    order = sorted(range(len(units)), key=lambda i: (units[i].first.claim.start, units[i].first.claim.end))
    chains: list[list[int]] = []
    for i in order:
        if chains and _same_quote(units[chains[-1][-1]].first, units[i].first):
            chains[-1].append(i)
        else:
            chains.append([i])
    return [c for c in chains if len(c) >= 2]


def _same_quote(a: Claim, b: Claim) -> bool:
    return (a.kind == "direct" and b.kind == "direct" and a.cue is not None and b.cue is not None
            and a.cue.start == b.cue.start and a.speaker.start == b.speaker.start
            and a.speaker.name == b.speaker.name and a.claim.end <= b.claim.start)


def _run_candidates(gold: GoldClaim, units: list[PredUnit], chains: list[list[int]],
                    used: set[int]) -> list[tuple[tuple[int, ...], PredUnit]]:
    """Windows of a quote chain that together hold a gold line's keys: at
    most one claim per key, each holding at least one key, none used yet.
    The window counts as one predicted claim, with the certainty of its
    first sentence."""
    keys = [k.lower() for k in gold.keys]
    out = []
    for chain in chains:
        for a in range(len(chain)):
            for b in range(a + 2, min(len(chain), a + len(keys)) + 1):
                members = tuple(chain[a:b])
                if used.intersection(members) or not all(any(k in units[i].text for k in keys) for i in members):
                    continue
                unit = PredUnit(units[members[0]].claims, " ".join(units[i].text for i in members))
                if keys_match(gold, unit):
                    out.append((members, unit))
    return out


def match_doc(golds: list[GoldClaim], units: list[PredUnit]) -> DocResult:
    res = DocResult()
    used: set[int] = set()
    chains = quote_chains(units)
    for required in (True, False):
        group = [g for g in golds if g.optional != required]
        done: set[int] = set()
        # single claims first, then quote runs for the lines still open
        for with_runs in (False, True):
            pairs = []
            for gi, g in enumerate(group):
                if gi in done:
                    continue
                if with_runs:
                    candidates = _run_candidates(g, units, chains, used) if len(g.keys) >= 2 else []
                else:
                    candidates = [((ui,), u) for ui, u in enumerate(units) if ui not in used and keys_match(g, u)]
                for members, u in candidates:
                    score = (speaker_ok(g, u), level_ok(g, u) and polarity_ok(g, u), -len(members), -len(u.text))
                    pairs.append((score, gi, members, u))
            pairs.sort(key=lambda p: p[0], reverse=True)
            for _, gi, members, u in pairs:
                if gi in done or used.intersection(members):
                    continue
                done.add(gi)
                used.update(members)
                if required:
                    res.matches.append((group[gi], u))
                else:
                    res.optional_matched += 1
        if required:
            res.missed = [g for gi, g in enumerate(group) if gi not in done]
    res.extras = [u for ui, u in enumerate(units) if ui not in used]
    return res


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: list[GoldClaim], predictions: list[Claim]) -> dict:
    """Scores and per-document details."""
    units_by_doc = group_predictions(predictions)
    gold_docs = sorted({g.doc for g in gold})
    details: dict[str, DocResult] = {}
    used_pred_docs: set[str] = set()
    for doc in gold_docs:
        units: list[PredUnit] = []
        for pd, us in units_by_doc.items():
            if _doc_matches(doc, pd):
                units.extend(us)
                used_pred_docs.add(pd)
        details[doc] = match_doc([g for g in gold if g.doc == doc], units)
    n_gold = sum(1 for g in gold if not g.optional)
    matches = [m for r in details.values() for m in r.matches]
    n_pred = sum(len(r.matches) + len(r.extras) + r.optional_matched for r in details.values())
    n_pred_scored = n_pred - sum(r.optional_matched for r in details.values())
    tp = len(matches)
    p, r, f = _prf(tp, n_pred_scored, n_gold)
    sp = sum(speaker_ok(g, u) for g, u in matches)
    lv = sum(level_ok(g, u) for g, u in matches)
    pol_pairs = [(g, u) for g, u in matches if g.polarity is not None]
    pol = sum(polarity_ok(g, u) for g, u in pol_pairs)
    so_pairs = [(g, u) for g, u in matches if g.said_on is not None]
    so = sum(said_on_ok(g, u) for g, u in so_pairs)
    tuple_tp = sum(speaker_ok(g, u) and level_ok(g, u) and polarity_ok(g, u) for g, u in matches)
    tp_, tr_, tf_ = _prf(tuple_tp, n_pred_scored, n_gold)

    def acc(k: int, n: int) -> Optional[float]:
        return k / n if n else None

    return {
        "gold": n_gold,
        "predicted": n_pred_scored,
        "matched": tp,
        "claim": {"precision": p, "recall": r, "f1": f},
        "speaker_accuracy": acc(sp, tp),
        "level_accuracy": acc(lv, tp),
        "polarity_accuracy": acc(pol, len(pol_pairs)),
        "said_on_accuracy": acc(so, len(so_pairs)),
        "said_on_scored": len(so_pairs),
        "tuple": {"precision": tp_, "recall": tr_, "f1": tf_},
        "ignored_prediction_docs": sorted(set(units_by_doc) - used_pred_docs),
        "details": details,
    }


def _fmt(x: Optional[float]) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def format_report(result: dict, verbose: bool = False) -> str:
    lines = []
    if verbose:
        for doc, r in result["details"].items():
            for g in r.missed:
                lines.append(f"MISS   {doc}: keys={g.keys} speaker={g.speaker} level={g.level}")
            for u in r.extras:
                c = u.first
                who = c.speaker.name or c.speaker.text or c.speaker.label
                lines.append(f"EXTRA  {doc}: [{who}] {c.claim.text[:100]!r} ({c.rule})")
            for g, u in r.matches:
                c = u.first
                probs = []
                if not speaker_ok(g, u):
                    probs.append(f"speaker {c.speaker.name or c.speaker.text or c.speaker.label!r} not in {g.speaker}")
                if not level_ok(g, u):
                    probs.append(f"level {c.certainty.level} not in {g.level}")
                if not polarity_ok(g, u):
                    probs.append(f"polarity {c.certainty.polarity} != {g.polarity}")
                if g.said_on is not None and not said_on_ok(g, u):
                    probs.append(f"said_on {c.said_on.value if c.said_on else None} != {g.said_on}")
                if probs:
                    lines.append(f"WRONG  {doc}: keys={g.keys}: " + "; ".join(probs))
        if result["ignored_prediction_docs"]:
            lines.append(f"(predictions for {len(result['ignored_prediction_docs'])} documents without gold were ignored)")
        lines.append("")
    c, t = result["claim"], result["tuple"]
    lines.append(f"gold {result['gold']}  predicted {result['predicted']}  matched {result['matched']}")
    lines.append(
        f"accuracy on matched: speaker {_fmt(result['speaker_accuracy'])}  level {_fmt(result['level_accuracy'])}  "
        f"polarity {_fmt(result['polarity_accuracy'])}  said_on {_fmt(result['said_on_accuracy'])} (n={result['said_on_scored']})"
    )
    lines.append(f"claim  P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}")
    lines.append(f"tuple  P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}")
    return "\n".join(lines)


def result_json(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "details"}
