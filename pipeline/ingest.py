"""Reading articles from disk: folders of .txt/.md/.json/.jsonl/.html.

Everything here is a plain function. :func:`iter_articles` walks the paths
given and yields, for every article, either an :class:`~pipeline.models.Article`
or an :class:`~pipeline.models.ErrorRecord`: one broken file never stops a
batch.

Offsets: the body is the text exactly as read (after decoding, with CRLF and
CR newlines turned into LF as Python's text mode does), for .txt/.md after
any front matter, for .json/.jsonl the text field as is.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator, Union

import yaml

from .models import Article, ErrorRecord

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".json", ".jsonl", ".html", ".htm"}
TEXT_KEYS = ("text", "body", "content", "article")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "published_at", "pubdate", "publication_date")
AUTHOR_KEYS = ("author", "byline", "authors")


class IngestError(ValueError):
    """An article that cannot be read; the message says why."""

    def __init__(self, message: str, stage: str = "read"):
        super().__init__(message)
        self.stage = stage


Item = Union[Article, ErrorRecord]


# --------------------------------------------------------------------------
# finding files


def is_article_file(path: Path) -> bool:
    """Article files by suffix; README files and gold annotation files are
    not articles (``gold.jsonl``, ``*.gold.jsonl``), nor hidden files."""
    name = path.name
    if name.startswith("."):
        return False
    if name.lower().startswith("readme."):
        return False
    if name == "gold.jsonl" or name.endswith(".gold.jsonl"):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES


def iter_article_paths(paths: Iterable[Union[str, Path]]) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, doc_id)`` for every article file under ``paths``.

    ``doc_id`` is the path relative to the folder given (``/``-separated); a
    file given directly is named by its file name. Folders are walked in
    sorted order, symlinked folders are followed once (loops are cut).
    Missing paths raise :class:`FileNotFoundError`.
    """
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            raise FileNotFoundError(f"{raw}: no such file or folder")
        if root.is_file():
            yield root, root.name
            continue
        seen: set[str] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(dirpath)
            if real in seen:  # a symlink loop, or a folder reached twice
                dirnames[:] = []
                continue
            seen.add(real)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                p = Path(dirpath) / name
                if is_article_file(p):
                    yield p, p.relative_to(root).as_posix()


# --------------------------------------------------------------------------
# decoding


def decode_bytes(data: bytes, source: str = "<bytes>") -> str:
    """Decode article bytes: BOMs (UTF-8, UTF-16, UTF-32), UTF-8, BOM-less
    UTF-16, then charset detection. Binary data raises :class:`IngestError`.
    Newlines are normalized to LF."""
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        text = data.decode("utf-32", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess_decode(data, source)
        else:
            if "\x00" in text:
                text = _utf16_without_bom(data) or None
                if text is None:
                    raise IngestError(f"{source}: binary file (NUL bytes), not an article", "decode")
    if text is None:  # pragma: no cover - defensive
        raise IngestError(f"{source}: cannot decode", "decode")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    codec = None
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        codec = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _guess_decode(data: bytes, source: str) -> str:
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if data.count(0) > 0:
        raise IngestError(f"{source}: binary file (NUL bytes), not an article", "decode")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise IngestError(
            f"{source}: not valid UTF-8 and no text encoding could be detected", "decode"
        )
    text = str(best)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 50):
        raise IngestError(f"{source}: binary file, not an article", "decode")
    return text


# --------------------------------------------------------------------------
# metadata helpers

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalize_published(value: object, source: str = "") -> tuple[str | None, str | None]:
    """Turn a metadata date into ``YYYY-MM-DD``.

    Returns ``(date, warning)``: an unparseable date gives ``None`` and a
    warning naming the value, never an exception.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, _dt.date):
        return value.isoformat(), None
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
        except ValueError:
            pass
    import dateparser

    try:
        parsed = dateparser.parse(
            text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
        )
    except Exception:  # dateparser raises assorted errors on junk
        parsed = None
    if parsed is None or not re.search(r"\d{4}", text):
        return None, f"{source}: unparseable published date {text[:40]!r}, ignored"
    return parsed.date().isoformat(), None


def _first(data: dict, keys: Iterable[str]):
    for k in keys:
        if k in data and data[k] not in (None, ""):
            return data[k]
    return None


def _author_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    if isinstance(value, dict):
        return str(value.get("name") or "") or None
    return str(value).strip() or None


# --------------------------------------------------------------------------
# layout: headings, bylines, datelines

_BYLINE = re.compile(r"^[ \t]*(?:By|BY|by)[ \t]+[A-Z][^\n]{0,80}$", re.M)
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t][^\n]*$", re.M)
# "PORTVILLE —", "PORTVILLE, Ore. (AP) —", "LONDON (Reuters) -"
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z .'\-]{1,40}[A-Z.](?:,[ \t]*[A-Z][\w. ]{1,30})?(?:[ \t]*\([^)\n]{1,30}\))?)[ \t]*(?:—|–|--|-)[ \t]*",
    re.M,
)


def layout_spans(body: str, title: str | None = None) -> list[tuple[int, int]]:
    """Character ranges of the body that are layout, not prose: markdown
    headings, short title-like lines (no final punctuation), bylines and
    datelines. These are kept out of claims."""
    spans: list[tuple[int, int]] = []
    for m in _MD_HEADING.finditer(body):
        spans.append((m.start(), m.end()))
    for m in _BYLINE.finditer(body):
        spans.append((m.start(), m.end()))
    for m in _DATELINE.finditer(body):
        spans.append((m.start(), m.end()))
    pos = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped and _is_heading_line(stripped, title):
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _is_heading_line(line: str, title: str | None) -> bool:
    if title and line == title.strip():
        return True
    if len(line) > 90 or line[-1] in ".!?:;,\"'”’)…":
        return False
    words = line.split()
    return 0 < len(words) <= 12


# --------------------------------------------------------------------------
# front matter


def split_front_matter(text: str, source: str) -> tuple[dict, str]:
    """Split YAML front matter (``---`` … ``---``) from the body."""
    if not text.startswith("---"):
        return {}, text
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, text
    m = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[first_nl + 1:], re.M)
    if m is None:
        raise IngestError(f"{source}: front matter opened with '---' is never closed", "front-matter")
    yaml_text = text[first_nl + 1: first_nl + 1 + m.start()]
    body_start = first_nl + 1 + m.end()
    if text[body_start: body_start + 1] == "\n":
        body_start += 1
    try:
        meta = yaml.safe_load(yaml_text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise IngestError(f"{source}:{where.strip()}: malformed front matter: {problem}", "front-matter") from None
    if not isinstance(meta, dict):
        raise IngestError(f"{source}: front matter is not a mapping of keys to values", "front-matter")
    return meta, text[body_start:]


# --------------------------------------------------------------------------
# building articles


def make_article(
    doc_id: str,
    text: str,
    *,
    title: object = None,
    published: object = None,
    author: object = None,
    url: object = None,
    source_path: str | None = None,
    fmt: str = "txt",
    title_from_first_line: bool = False,
) -> Article:
    """Build an :class:`Article`, normalizing metadata and finding layout."""
    warnings: list[str] = []
    src = source_path or doc_id
    pub, warn = normalize_published(published, src)
    if warn:
        warnings.append(warn)
    title_s = str(title).strip() if title not in (None, "") else None
    if author in (None, "", []):
        m = _BYLINE.search(text[:600])
        if m:  # "By Jane Smith" near the top names the author
            author = re.sub(r"^\s*by\s+", "", m.group(0).strip(), flags=re.I)
    if title_s is None and title_from_first_line:
        for line in text.split("\n"):
            if line.strip():
                title_s = line.strip()
                break
    return Article(
        doc_id=doc_id,
        text=text,
        title=title_s,
        published=pub,
        author=_author_str(author),
        url=str(url) if url else None,
        source_path=source_path,
        format=fmt,
        skip_spans=layout_spans(text, title_s),
        warnings=warnings,
    )


def _article_from_record(data: object, doc_id: str, source: str, fmt: str) -> Article:
    if not isinstance(data, dict):
        raise IngestError(f"{source}: expected a JSON object with a 'text' field", "parse")
    body = _first(data, TEXT_KEYS)
    if body is None:
        raise IngestError(
            f"{source}: no article text: expected one of the keys {', '.join(TEXT_KEYS)}", "parse"
        )
    if not isinstance(body, str):
        raise IngestError(f"{source}: the article text is not a string", "parse")
    return make_article(
        doc_id,
        body,
        title=_first(data, TITLE_KEYS),
        published=_first(data, DATE_KEYS),
        author=_first(data, AUTHOR_KEYS),
        url=data.get("url"),
        source_path=source,
        fmt=fmt,
    )


class _TextExtractor(HTMLParser):
    """Fallback HTML reader: text of <p>/<h*>/<li>, metadata from <meta>."""

    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript"}
    _BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._skip = 0
        self._cur: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            key = a.get("name") or a.get("property") or ""
            if key and a.get("content"):
                self.meta[key.lower()] = a["content"]
        elif tag in self._BLOCKS and not self._skip:
            self._cur = []

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCKS and self._cur is not None:
            block = " ".join("".join(self._cur).split())
            if block:
                self.blocks.append(block)
            self._cur = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._cur is not None and not self._skip:
            self._cur.append(data)


def read_html(html: str, doc_id: str, source: str) -> Article:
    """Main text and metadata of an HTML page (trafilatura, with a plain
    parser as fallback)."""
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # malformed markup: keep what was read
        pass
    meta = parser.meta
    page_title = parser.title.strip() or None  # often "Headline | Site name"
    title = meta.get("og:title")
    published = (
        meta.get("article:published_time")
        or meta.get("date")
        or meta.get("pubdate")
        or meta.get("dc.date")
    )
    author = meta.get("author") or meta.get("article:author")
    body = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:
        doc = None
    if doc is not None:
        get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
        body = get("text")
        if body:
            # one blank line between paragraphs, whatever trafilatura's version
            # joins them with (1.x and 2.x differ), so offsets do not depend on it
            body = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
        title = title or get("title")
        published = published or get("date")
        author = author or get("author")
    if not body or not body.strip():
        body = "\n\n".join(parser.blocks)
    if not title and page_title:
        # "Headline | Site name": the headline is the part the body opens with
        first = next((line.strip() for line in body.split("\n") if line.strip()), "")
        title = first if first and page_title.startswith(first) else page_title
    if not body.strip():
        raise IngestError(f"{source}: no article text found in the HTML page", "parse")
    return make_article(
        doc_id, body, title=title, published=published, author=author, source_path=source, fmt="html"
    )


def read_article_file(path: Path, doc_id: str) -> Iterator[Item]:
    """Yield the article(s) in one file, or errors; never raises for bad
    content (an unreadable file yields one ErrorRecord)."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ErrorRecord(file=source, doc_id=doc_id, stage="read", message=f"{source}: cannot read: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    try:
        text = decode_bytes(data, source)
    except IngestError as exc:
        yield ErrorRecord(file=source, doc_id=doc_id, stage=exc.stage, message=str(exc))
        return
    if not text.strip():
        yield ErrorRecord(file=source, doc_id=doc_id, stage="read", message=f"{source}: empty file")
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(text, doc_id, source)
            return
        if suffix == ".json":
            yield from _read_json(text, doc_id, source)
            return
        if suffix in (".html", ".htm"):
            yield read_html(text, doc_id, source)
            return
        meta, body = split_front_matter(text, source)
        if not body.strip():
            raise IngestError(f"{source}: the article has no body text", "parse")
        yield make_article(
            doc_id,
            body,
            title=meta.get("title"),
            published=_first(meta, DATE_KEYS),
            author=_first(meta, AUTHOR_KEYS),
            url=meta.get("url"),
            source_path=source,
            fmt=suffix.lstrip(".") if suffix != ".markdown" else "md",
            title_from_first_line=True,
        )
    except IngestError as exc:
        yield ErrorRecord(file=source, doc_id=doc_id, stage=exc.stage, message=str(exc))


def _read_json(text: str, doc_id: str, source: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"{source}:{exc.lineno}: malformed JSON: {exc.msg}", "parse") from None
    if isinstance(data, list):
        for n, rec in enumerate(data, start=1):
            sub = f"{doc_id}:{n}"
            try:
                yield _article_from_record(rec, sub, f"{source}[{n - 1}]", "json")
            except IngestError as exc:
                yield ErrorRecord(file=source, doc_id=sub, stage=exc.stage, message=str(exc))
    else:
        yield _article_from_record(data, doc_id, source, "json")


def _read_jsonl(text: str, doc_id: str, source: str) -> Iterator[Item]:
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        sub = f"{doc_id}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ErrorRecord(file=source, doc_id=sub, stage="parse", message=f"{source}:{n}: malformed JSON: {exc.msg}")
            continue
        try:
            yield _article_from_record(data, sub, f"{source}:{n}", "jsonl")
        except IngestError as exc:
            yield ErrorRecord(file=source, doc_id=sub, stage=exc.stage, message=str(exc))


def iter_articles(paths: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every article (or error) under ``paths``, in a stable order."""
    for path, doc_id in iter_article_paths(paths):
        yield from read_article_file(path, doc_id)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:16]

