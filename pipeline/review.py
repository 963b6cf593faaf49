"""Reviewing claims: read a claims JSONL file, filter it, show it.

Plain functions behind ``claimsift review``, ``claimsift show`` and
``claimsift stats`` (the click commands live in :mod:`pipeline.cli_review`):

- :func:`read_claims` reads a JSONL file into :class:`~pipeline.models.Claim`
  records, keeping going past bad lines and naming each one
  (``FILE:LINE: problem``);
- :func:`filter_claims` selects by speaker, level, kind, polarity, article
  and free text;
- :func:`render_review` / :func:`write_review` build the self-contained
  review page (one HTML file, no network) from
  ``templates/review.html.j2``;
- :func:`format_table`, :func:`compute_stats`, :func:`format_stats` are the
  terminal views;
- :func:`marks_to_gold` turns reviewer marks into gold-format lines for
  ``claimsift eval``: the same shape the review page exports.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Optional, Union

from pydantic import ValidationError

from .models import LEVELS, Claim

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
REVIEW_TEMPLATE = "review.html.j2"

PathLike = Union[str, Path]

# ---------------------------------------------------------------------------
# Reading


def _describe_validation_error(exc: ValidationError, limit: int = 3) -> str:
    parts = []
    for err in exc.errors()[:limit]:
        loc = ".".join(str(p) for p in err.get("loc", ())) or "(record)"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    more = len(exc.errors()) - limit
    if more > 0:
        parts.append(f"and {more} more")
    return "not a valid claim: " + "; ".join(parts)


def parse_claim_lines(lines: Iterable[Union[str, bytes]], name: str) -> tuple[list[Claim], list[str]]:
    """Parse JSONL lines into claims; bad lines become ``NAME:LINE: problem``.

    Blank lines are skipped silently. Each bad line (undecodable bytes,
    truncated or invalid JSON, a value that is not an object, an object that
    is not a valid :class:`Claim`) yields one message and the rest is kept.
    """
    claims: list[Claim] = []
    errors: list[str] = []
    for lineno, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                errors.append(f"{name}:{lineno}: not UTF-8 text ({exc.reason} at byte {exc.start})")
                continue
        else:
            line = raw.lstrip("\ufeff") if lineno == 1 else raw
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            body = line.strip()
            cut = body.startswith("{") and not body.endswith("}")
            truncated = " (truncated line?)" if cut or exc.pos >= len(body) else ""
            errors.append(f"{name}:{lineno}: invalid JSON{truncated}: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(data, dict):
            errors.append(f"{name}:{lineno}: not a JSON object (got {type(data).__name__})")
            continue
        try:
            claims.append(Claim.model_validate(data))
        except ValidationError as exc:
            errors.append(f"{name}:{lineno}: {_describe_validation_error(exc)}")
    return claims, errors


def read_claims(path: PathLike) -> tuple[list[Claim], list[str]]:
    """Read a claims JSONL file (``-`` for stdin) into claims and error messages.

    Errors are ``"FILE:LINE: problem"`` strings; the good lines are returned
    whatever happens to the bad ones. A missing file raises ``OSError``.
    """
    if str(path) == "-":
        return parse_claim_lines(sys.stdin.buffer, "<stdin>")
    with open(path, "rb") as fh:
        return parse_claim_lines(fh, str(path))


# ---------------------------------------------------------------------------
# Speakers, filtering


def speaker_key(claim: Claim) -> str:
    """The speaker a claim is grouped under: ``AUTHOR``, or the resolved name.

    The review page uses the same rule (``speakerKey`` in the template).
    """
    sp = claim.speaker
    if sp.label == "AUTHOR":
        return "AUTHOR"
    return sp.name or sp.text or "(unknown)"


def _as_set(value: Union[None, str, Iterable[str]]) -> Optional[set[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    values = {v.casefold() for v in value if v}
    return values or None


def _speaker_matches(claim: Claim, wanted: set[str]) -> bool:
    sp = claim.speaker
    if sp.label == "AUTHOR" and "author" in wanted:
        return True
    fields = [f.casefold() for f in (sp.name, sp.text) if f]
    return any(w in f for w in wanted for f in fields)


def filter_claims(
    claims: Iterable[Claim],
    speaker: Union[None, str, Iterable[str]] = None,
    level: Union[None, str, Iterable[str]] = None,
    kind: Union[None, str, Iterable[str]] = None,
    polarity: Union[None, str, Iterable[str]] = None,
    doc: Union[None, str, Iterable[str]] = None,
    text: Optional[str] = None,
) -> list[Claim]:
    """The claims that pass every given filter (each case-insensitive).

    Each filter takes one value or several (any of them may match):

    - ``speaker``: a part of the speaker's name or mention ("Delgado" matches
      "Maria Delgado"); ``AUTHOR`` matches the article's own-voice claims;
    - ``level``, ``kind``, ``polarity``: exact values;
    - ``doc``: the exact ``doc_id``, or a part of it;
    - ``text``: words that must all occur in the claim, its sentence or the
      speaker's name.
    """
    speakers = _as_set(speaker)
    levels = _as_set(level)
    kinds = _as_set(kind)
    polarities = _as_set(polarity)
    docs = _as_set(doc)
    words = text.casefold().split() if text else []
    out = []
    for c in claims:
        if speakers and not _speaker_matches(c, speakers):
            continue
        if levels and c.certainty.level.casefold() not in levels:
            continue
        if kinds and c.kind.casefold() not in kinds:
            continue
        if polarities and c.certainty.polarity.casefold() not in polarities:
            continue
        if docs and not any(d in c.doc_id.casefold() for d in docs):
            continue
        if words:
            hay = " ".join(
                x for x in (c.claim.text, c.sentence.text, c.speaker.name, c.speaker.text) if x
            ).casefold()
            if not all(w in hay for w in words):
                continue
        out.append(c)
    return out


# ---------------------------------------------------------------------------
# Gold export (the review page does the same in JavaScript)

# Words never picked as keys; the review page gets this list through its config.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be
    because been before being below between both but by can could did do does
    doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just may me
    might more most must my myself no nor not now of off on once only or other
    our ours out over own same shall she should so some such than that the their
    theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would
    you your yours""".split()
)

# A word: letters/digits, joined by inner hyphens or apostrophes ("25-cent",
# "Alita's"). JavaScript: /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def claim_keys(text: str, n: int = 3) -> list[str]:
    """A few distinctive words of a claim, in text order, as written.

    Stopwords and one-letter words are dropped; the rest are ranked by length,
    with a bonus for digits and capitals (names, figures), ties going to the
    earlier word; the best ``n`` are returned in their order in the text.
    """
    seen: set[str] = set()
    cands: list[tuple[int, str]] = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        low = w.lower()
        if low in seen or low in STOPWORDS or len(w) < 2:
            continue
        seen.add(low)
        cands.append((len(cands), w))
    if not cands:
        words = [m.group(0) for m in _WORD.finditer(text)]
        return words[:1]

    def score(item: tuple[int, str]) -> int:
        w = item[1]
        # Same categories as the page's /\p{N}/u and /^\p{Lu}/u.
        s = len(w)
        if any(unicodedata.category(ch).startswith("N") for ch in w):
            s += 3
        if unicodedata.category(w[0]) == "Lu":
            s += 2
        return s

    best = sorted(cands, key=lambda it: (-score(it), it[0]))[:n]
    return [w for _, w in sorted(best)]


def gold_speaker(claim: Claim) -> list[str]:
    """Acceptable speaker words for a gold line: a person's surname, else the name."""
    sp = claim.speaker
    if sp.label == "AUTHOR":
        return ["AUTHOR"]
    name = (sp.name or sp.text or "").strip()
    if sp.label == "PERSON" and sp.name:
        parts = name.split()
        if len(parts) > 1:
            return [parts[-1]]
    return [name] if name else []


def claim_to_gold(claim: Claim) -> dict:
    """One gold-format record (see DESIGN.md) for a claim judged right."""
    rec: dict = {
        "doc": claim.doc_id,
        "speaker": gold_speaker(claim),
        "keys": claim_keys(claim.claim.text),
        "level": [claim.certainty.level],
        "polarity": claim.certainty.polarity,
    }
    if claim.said_on is not None and claim.said_on.value:
        rec["said_on"] = claim.said_on.value
    return rec


def marks_to_gold(claims: Iterable[Claim], marks: Mapping[str, str]) -> tuple[list[dict], list[dict]]:
    """Gold lines for claims marked ``right``, and a separate list for ``wrong``.

    ``marks`` maps claim ids to ``"right"`` or ``"wrong"``. Claims marked
    wrong never become gold (an evaluator would count them as expected);
    they come back in the second list, each a gold-shaped record plus
    ``id``, ``claim`` (the text) and ``"wrong": true``, for a separate file.
    Order follows ``claims``.
    """
    gold, wrong = [], []
    for c in claims:
        mark = marks.get(c.id)
        if mark == "right":
            gold.append(claim_to_gold(c))
        elif mark == "wrong":
            rec = claim_to_gold(c)
            rec.update({"id": c.id, "claim": c.claim.text, "wrong": True})
            wrong.append(rec)
    return gold, wrong


# ---------------------------------------------------------------------------
# The review page


def _json_for_script(data) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` … so "</script>" or "<!--" in a
    claim cannot end the script element; U+2028/2029 are escaped too.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _template_env():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_review(
    claims: Iterable[Claim],
    title: str = "claimsift review",
    errors: Optional[list[str]] = None,
    store_key: Optional[str] = None,
) -> str:
    """The review page for ``claims``: one self-contained HTML document.

    Claims are embedded once as a JSON blob and rendered page by page in the
    browser. ``errors`` (bad input lines) are listed in a banner.
    ``store_key`` names the localStorage slot for the reviewer's marks
    (default: ``title``); marks are keyed by claim id, so a page rebuilt
    from a new run of the same corpus keeps them.
    """
    records = [c.model_dump(mode="json", exclude={"content_hash"}) for c in claims]
    template = _template_env().get_template(REVIEW_TEMPLATE)
    return template.render(
        title=title,
        claims_json=_json_for_script(records),
        config_json=_json_for_script(
            {
                "title": title,
                "storeKey": "claimsift-review:" + (store_key or title),
                "levels": list(LEVELS),
                "stopwords": sorted(STOPWORDS),
            }
        ),
        n_claims=len(records),
        errors=errors or [],
    )


def write_review(
    claims_path: PathLike,
    out_path: PathLike,
    title: Optional[str] = None,
) -> tuple[int, list[str]]:
    """Read ``claims_path``, write the review page to ``out_path``.

    Returns the number of claims on the page and the bad-line messages.
    """
    claims, errors = read_claims(claims_path)
    name = "<stdin>" if str(claims_path) == "-" else Path(claims_path).name
    html = render_review(
        claims,
        title=title or f"claimsift review: {name}",
        errors=errors,
        store_key=name,
    )
    Path(out_path).write_text(html, encoding="utf-8")
    return len(claims), errors


# ---------------------------------------------------------------------------
# Terminal views


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide CJK = 2, combining = 0)."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, ending in "…" when cut."""
    if width <= 0:
        return ""
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        cw = 0 if unicodedata.combining(ch) else (2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1)
        if used + cw > width - 1:
            break
        out.append(ch)
        used += cw
    return "".join(out).rstrip() + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _oneline(text: Optional[str]) -> str:
    return " ".join((text or "").split())


_POL = {"positive": "+", "negative": "-"}
_LEVEL_COLORS = {"certain": "32", "probable": "36", "possible": "33", "unknown": "35"}

# Table columns: header, widest it may get (None: the claim, takes the rest).
_COLUMNS = [("#", 8), ("SPEAKER", 24), ("LEVEL", 8), ("POL", 3), ("KIND", 14), ("SAID ON", 12), ("CLAIM", None)]
# On a narrow terminal these go first, in this order, to leave the claim room.
_DROP_ORDER = ["KIND", "SAID ON", "POL", "#"]
_MIN_CLAIM = 20
_SEP = "  "


def _row(c: Claim) -> dict[str, str]:
    said = ""
    if c.said_on is not None:
        said = c.said_on.value or c.said_on.text
    return {
        "#": "#" + (c.id.rsplit("#", 1)[-1] if "#" in c.id else c.id),
        "SPEAKER": _oneline(speaker_key(c)),
        "LEVEL": c.certainty.level,
        "POL": _POL.get(c.certainty.polarity, c.certainty.polarity),
        "KIND": c.kind,
        "SAID ON": _oneline(said),
        "CLAIM": _oneline(c.claim.text),
    }


def format_table(claims: Iterable[Claim], width: Optional[int] = None, color: bool = False) -> str:
    """Claims as a text table, grouped by article.

    ``width``: the terminal width. Claims (then speakers) are cut with "…"
    to fit; on a narrow terminal the kind, date, polarity and number columns
    are dropped, in that order, before the claim gets under 20 columns.
    ``None`` or 0: no limit (each claim on one full line).
    ``color`` adds ANSI bold/colours (only for a terminal).
    """
    claims = list(claims)
    if not claims:
        return "(no claims)\n"
    rows_by_doc: dict[str, list[dict[str, str]]] = {}
    titles: dict[str, Optional[str]] = {}
    for c in claims:
        rows_by_doc.setdefault(c.doc_id, []).append(_row(c))
        titles.setdefault(c.doc_id, c.title)
    all_rows = [r for rows in rows_by_doc.values() for r in rows]
    widths = {
        name: min(cap or 10**9, max(display_width(name), *(display_width(r[name]) for r in all_rows)))
        for name, cap in _COLUMNS
    }
    columns = [name for name, _ in _COLUMNS]
    if width:

        def room() -> int:
            return width - sum(widths[n] + len(_SEP) for n in columns if n != "CLAIM")

        for name in _DROP_ORDER:
            if room() >= _MIN_CLAIM:
                break
            columns.remove(name)
        if room() < _MIN_CLAIM:  # still narrow: squeeze the speaker
            widths["SPEAKER"] = max(7, widths["SPEAKER"] - (_MIN_CLAIM - room()))
        widths["CLAIM"] = max(10, room())

    def line(cells: dict[str, str]) -> str:
        out = []
        for name in columns:
            cell = truncate(cells[name], widths[name])
            text = cell if name == "CLAIM" else _pad(cell, widths[name])
            if color and name == "LEVEL" and cells[name] in _LEVEL_COLORS:
                text = f"\x1b[{_LEVEL_COLORS[cells[name]]}m{text}\x1b[0m"
            out.append(text)
        return _SEP.join(out).rstrip()

    bold = (lambda s: f"\x1b[1m{s}\x1b[0m") if color else (lambda s: s)
    lines = [bold(line({name: name for name in columns}))]
    for doc, rows in rows_by_doc.items():
        head = f"== {doc}"
        if titles.get(doc):
            head += f" — {_oneline(titles[doc])}"
        head += f" ({len(rows)} claim{'s' if len(rows) != 1 else ''})"
        lines.append(bold(truncate(head, width) if width else head))
        lines.extend(line(r) for r in rows)
    return "\n".join(lines) + "\n"


def compute_stats(claims: Iterable[Claim]) -> dict:
    """Counts of claims by speaker, level, polarity, kind and article.

    Each ``by_*`` mapping is ordered by count (highest first), then name;
    ``by_level`` lists every level, zeros included, in scale order.
    """
    claims = list(claims)

    def ordered(counter: Counter) -> dict[str, int]:
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    levels = Counter(c.certainty.level for c in claims)
    return {
        "claims": len(claims),
        "articles": len({c.doc_id for c in claims}),
        "speakers": len({speaker_key(c) for c in claims}),
        "by_speaker": ordered(Counter(speaker_key(c) for c in claims)),
        "by_level": {lv: levels.get(lv, 0) for lv in LEVELS},
        "by_polarity": ordered(Counter(c.certainty.polarity for c in claims)),
        "by_kind": ordered(Counter(c.kind for c in claims)),
        "by_article": ordered(Counter(c.doc_id for c in claims)),
    }


def format_stats(stats: dict, top: Optional[int] = None) -> str:
    """:func:`compute_stats` output as text: one aligned section per count.

    ``top`` limits the speaker and article sections to their first rows.
    """
    total = stats["claims"]
    lines = [
        f"{total} claim{'s' if total != 1 else ''} in {stats['articles']} "
        f"article{'s' if stats['articles'] != 1 else ''}, "
        f"{stats['speakers']} speaker{'s' if stats['speakers'] != 1 else ''}"
    ]
    sections = [
        ("by speaker", "by_speaker", top),
        ("by level", "by_level", None),
        ("by polarity", "by_polarity", None),
        ("by kind", "by_kind", None),
        ("by article", "by_article", top),
    ]
    for heading, key, limit in sections:
        items = list(stats[key].items())
        lines.append("")
        lines.append(heading)
        if not items:
            lines.append("  (none)")
            continue
        shown = items[:limit] if limit else items
        name_w = min(48, max(display_width(_oneline(k)) for k, _ in shown))
        count_w = max(len(str(v)) for _, v in shown)
        for k, v in shown:
            pct = f"{100 * v / total:5.1f}%" if total else "    -"
            lines.append(f"  {_pad(truncate(_oneline(k), name_w), name_w)}  {v:>{count_w}}  {pct}")
        if len(shown) < len(items):
            rest = sum(v for _, v in items[len(shown):])
            lines.append(f"  … {len(items) - len(shown)} more ({rest} claims)")
    return "\n".join(lines) + "\n"
