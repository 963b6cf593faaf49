"""Validate the annotated sample corpus: corpus/gold.jsonl against the articles in corpus/.

Self-contained on purpose (no claimsift imports, no spaCy, no network): a tiny
reader gives each article's body text and published date, enough to check that
every gold line is well formed and points at text that really is there.
"""
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLD = CORPUS / "gold.jsonl"
EXTS = {".txt", ".md", ".json", ".jsonl", ".html"}
LEVELS = {"certain", "probable", "possible", "unknown"}
POLARITIES = {"positive", "negative"}
ALLOWED = {"doc", "speaker", "keys", "level", "polarity", "said_on", "note", "optional"}
DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class _ArticleText(HTMLParser):
    """Collects the text inside <article>, and the published_time meta value."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts, self.published = 0, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("property") == "article:published_time":
            self.published = (a.get("content") or "")[:10] or None
        if tag == "article":
            self.depth += 1
        elif self.depth and tag == "p":
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def _front_matter(raw):
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end != -1:
            return yaml.safe_load(raw[4:end]) or {}, raw[end + 5:]
    return {}, raw


def _from_obj(obj):
    text = obj.get("text") or obj.get("body")
    published = obj.get("published") or obj.get("date")
    return text, (str(published) if published else None)


def read_article(doc):
    """Return (body, published or None) for a gold `doc` ("a/b.txt" or "a/b.jsonl:N")."""
    name, _, line = doc.partition(":") if ".jsonl:" in doc else (doc, "", "")
    path = CORPUS / name
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        lines = raw.splitlines()
        n = int(line)
        assert 1 <= n <= len(lines), f"{doc}: {name} has {len(lines)} lines"
        return _from_obj(json.loads(lines[n - 1]))
    if path.suffix == ".json":
        return _from_obj(json.loads(raw))
    if path.suffix == ".html":
        p = _ArticleText()
        p.feed(raw)
        return "".join(p.parts), p.published
    meta, body = _front_matter(raw)
    published = meta.get("published")
    return body, (str(published) if published else None)


def all_docs():
    docs = []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in EXTS or path.name in ("README.md", "gold.jsonl"):
            continue
        rel = path.relative_to(CORPUS).as_posix()
        if path.suffix == ".jsonl":
            n = len(path.read_text(encoding="utf-8").splitlines())
            docs += [f"{rel}:{i}" for i in range(1, n + 1)]
        else:
            docs.append(rel)
    return docs


def load_gold():
    rows = []
    for i, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rows.append((i, json.loads(line)))
    return rows


GOLD_ROWS = load_gold()


def _parse_date(value):
    return dt.date.fromisoformat(value if len(value) == 10 else value + "-01")


@pytest.mark.parametrize("lineno,row", GOLD_ROWS, ids=[f"line{i}" for i, _ in GOLD_ROWS])
def test_gold_line(lineno, row):
    assert set(row) <= ALLOWED, f"unknown keys {set(row) - ALLOWED}"
    assert isinstance(row["doc"], str) and "\\" not in row["doc"]
    assert isinstance(row["speaker"], list) and row["speaker"]
    assert all(isinstance(s, str) and s.strip() for s in row["speaker"])
    assert isinstance(row["keys"], list) and 1 <= len(row["keys"]) <= 3
    assert all(isinstance(k, str) and k.strip() for k in row["keys"])
    optional = row.get("optional", False)
    assert isinstance(optional, bool)
    if not optional:
        assert "level" in row and "polarity" in row, "required claims need level and polarity"
    if "level" in row:
        assert isinstance(row["level"], list) and row["level"]
        assert set(row["level"]) <= LEVELS, row["level"]
    if "polarity" in row:
        assert row["polarity"] in POLARITIES
    if "note" in row:
        assert isinstance(row["note"], str)

    body, published = read_article(row["doc"])
    assert isinstance(body, str) and body.strip(), f"{row['doc']}: no article text"
    low = body.lower()
    for key in row["keys"]:
        assert key.lower() in low, f"key {key!r} not in {row['doc']}"

    if "said_on" in row:
        assert DATE_RE.match(row["said_on"]), row["said_on"]
        said = _parse_date(row["said_on"])
        if published:
            assert said <= dt.date.fromisoformat(published[:10]), "said_on after publication"


def test_every_article_is_annotated_and_sized():
    docs = all_docs()
    annotated = {r["doc"] for _, r in GOLD_ROWS}
    assert annotated <= set(docs), f"gold names missing articles: {sorted(annotated - set(docs))}"
    for doc in docs:
        assert doc in annotated, f"{doc} has no gold claims"
        body, _ = read_article(doc)
        words = len(body.split())
        assert 250 <= words <= 600, f"{doc}: {words} words"


def test_corpus_coverage():
    required = [r for _, r in GOLD_ROWS if not r.get("optional")]
    docs = {r["doc"] for r in required}
    domains = {d.split("/")[0] for d in docs}
    exts = {Path(d.split(":")[0]).suffix for d in docs}
    assert len(required) >= 120
    assert len(docs) >= 12
    assert len(domains) >= 6
    assert exts == EXTS
    assert {r["polarity"] for r in required} == POLARITIES
    assert set().union(*(r["level"] for r in required)) == LEVELS
    assert any("AUTHOR" in r["speaker"] for r in required)
    assert any("said_on" in r for r in required)
