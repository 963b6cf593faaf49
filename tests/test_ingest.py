"""Ingest: formats, encodings, front matter, layout, and bad input."""

from __future__ import annotations

import codecs
import json
import os

import pytest

from pipeline.ingest import (
    decode_bytes,
    iter_article_paths,
    iter_articles,
    layout_spans,
    normalize_published,
    split_front_matter,
    IngestError,
)
from pipeline.models import Article, ErrorRecord

BODY = "PORTVILLE — The council voted on Tuesday.\n\nMayor Elena Ruiz said the fare will rise.\n"


def _articles(path):
    return [a for a in iter_articles([path]) if isinstance(a, Article)]


def _errors(path):
    return [a for a in iter_articles([path]) if isinstance(a, ErrorRecord)]


def test_txt_with_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\ntitle: Fares rise\npublished: 2025-03-12\nauthor: Jo Park\nurl: http://x\n---\n" + BODY,
        encoding="utf-8",
    )
    [a] = _articles(tmp_path)
    assert (a.doc_id, a.title, a.published, a.author, a.url) == ("a.txt", "Fares rise", "2025-03-12", "Jo Park", "http://x")
    assert a.text == BODY


def test_txt_without_front_matter_takes_first_line_as_title(tmp_path):
    (tmp_path / "b.txt").write_text("\n\nCouncil raises fares\n\n" + BODY, encoding="utf-8")
    [a] = _articles(tmp_path)
    assert a.title == "Council raises fares"
    # the title line is layout, not prose
    start = a.text.index("Council raises fares")
    assert (start, start + len("Council raises fares")) in a.skip_spans


@pytest.mark.parametrize(
    "line, expected",
    [
        ("PORTVILLE — The council voted.", "PORTVILLE — "),
        ("PORTVILLE, Ore. (AP) — The council voted.", "PORTVILLE, Ore. (AP) — "),
        ("LONDON (Reuters) - Shares fell.", "LONDON (Reuters) - "),
        ("By Jane Smith", "By Jane Smith"),
        ("## Release date", "## Release date"),
        ("Recent News", "Recent News"),
    ],
)
def test_layout_spans(line, expected):
    text = line + "\n\nThe rest is prose that ends with a period.\n"
    spans = layout_spans(text)
    assert [text[s:e] for s, e in spans][0] == expected


def test_prose_line_is_not_layout():
    text = "Ruiz said the plan would pass.\n"
    assert layout_spans(text) == []


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "Café said “yes”.".encode("utf-8"),
        "Café said “yes”.".encode("utf-16"),
        "Café said “yes”.".encode("utf-16-le"),
        "Café said “yes”.".encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16-bom", "utf16-le-no-bom", "utf8"],
)
def test_decode_encodings(data):
    assert decode_bytes(data) == "Café said “yes”."


def test_decode_latin1_detected():
    text = "Le maire a déclaré que la décision était prise à l'unanimité, selon le conseil municipal de la ville."
    assert decode_bytes(text.encode("latin-1")) == text


def test_decode_binary_raises():
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(bytes(range(256)) * 4, "x.txt")


def test_decode_normalizes_newlines():
    assert decode_bytes(b"a\r\nb\rc") == "a\nb\nc"


def test_json_and_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"headline": "H", "date": "March 3, 2025", "body": BODY}))
    lines = [json.dumps({"title": "L1", "published": "2025-01-02", "text": BODY}), "{not json", json.dumps({"title": "no text"})]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    items = list(iter_articles([tmp_path]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, ErrorRecord)]
    assert [(a.doc_id, a.title, a.published) for a in arts] == [("many.jsonl:1", "L1", "2025-01-02"), ("one.json", "H", "2025-03-03")]
    assert sorted(e.doc_id for e in errs) == ["many.jsonl:2", "many.jsonl:3"]
    assert "malformed JSON" in next(e.message for e in errs if e.doc_id == "many.jsonl:2")
    assert "no article text" in next(e.message for e in errs if e.doc_id == "many.jsonl:3")


def test_html(tmp_path):
    html = """<html><head><title>Fares rise | Gazette</title>
    <meta name="author" content="Jo Park"><meta property="article:published_time" content="2025-05-29T18:30:00-04:00">
    </head><body><nav>Home | Sports | Login</nav><article><h1>Fares rise</h1>
    <p>Mayor Elena Ruiz said on Tuesday that the fare would rise by 25 cents next month, a decision the council backed.</p>
    <p>Critics argued that the increase would hurt commuters who rely on the bus to reach their jobs downtown.</p>
    </article><footer>Copyright 2025</footer></body></html>"""
    (tmp_path / "p.html").write_text(html)
    [a] = _articles(tmp_path)
    assert a.published == "2025-05-29"
    assert a.author == "Jo Park"
    assert "Ruiz said on Tuesday" in a.text
    assert "Login" not in a.text and "Copyright" not in a.text


def test_regression_html_paragraphs_are_separated_by_a_blank_line(tmp_path):
    # trafilatura 2.x joins paragraphs with one newline where 1.x left a blank
    # line: every claim offset of a page moved with the installed version
    html = """<html><head><title>Fares rise | Gazette</title></head><body><article>
    <h1>Fares rise</h1>
    <p>Mayor Elena Ruiz said on Tuesday that the fare would rise by 25 cents next month, a decision the council backed.</p>
    <p>Critics argued that the increase would hurt commuters who rely on the bus to reach their jobs downtown.</p>
    </article></body></html>"""
    (tmp_path / "p.html").write_text(html)
    [a] = _articles(tmp_path)
    assert "council backed.\n\nCritics argued" in a.text
    assert "\n\n\n" not in a.text


def test_readme_and_gold_files_are_not_articles(tmp_path):
    (tmp_path / "README.md").write_text("# about\n")
    (tmp_path / "gold.jsonl").write_text('{"doc": "a.txt"}\n')
    (tmp_path / "x.gold.jsonl").write_text('{"doc": "a.txt"}\n')
    (tmp_path / "a.md").write_text(BODY)
    assert [d for _, d in iter_article_paths([tmp_path])] == ["a.md"]


def test_doc_ids_are_relative_and_sorted(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "b.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    assert [d for _, d in iter_article_paths([tmp_path])] == ["a.txt", "z/b.txt"]
    assert [d for _, d in iter_article_paths([tmp_path / "a.txt"])] == ["a.txt"]


def test_missing_path_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        list(iter_article_paths([tmp_path / "nope"]))


def test_symlink_loop_is_cut(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(BODY)
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    ids = [d for _, d in iter_article_paths([tmp_path])]
    assert ids == ["d/a.txt"]


@pytest.mark.parametrize(
    "name, content, stage, needle",
    [
        ("empty.txt", b"", "read", "empty file"),
        ("blank.txt", b"  \n\n ", "read", "empty file"),
        ("bin.txt", bytes(range(256)) * 8, "decode", "binary"),
        ("fm.md", b"---\ntitle: [unclosed\n---\nBody text here.\n", "front-matter", "malformed front matter"),
        ("open.md", b"---\ntitle: x\nBody text without a closing fence.\n", "front-matter", "never closed"),
        ("bad.json", b'{"text": "x",', "parse", "malformed JSON"),
        ("list.json", b'"just a string"', "parse", "expected a JSON object"),
    ],
)
def test_bad_input_gives_named_error(tmp_path, name, content, stage, needle):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.txt").write_text(BODY)
    errs = _errors(tmp_path)
    assert len(errs) == 1
    assert errs[0].stage == stage
    assert needle in errs[0].message and name in errs[0].message
    assert [a.doc_id for a in _articles(tmp_path)] == ["ok.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(BODY)
    p.chmod(0)
    [e] = _errors(tmp_path)
    assert e.stage == "read" and "cannot read" in e.message


@pytest.mark.parametrize(
    "value, expected",
    [("2025-03-12", "2025-03-12"), ("2025-05-29T18:30:00-04:00", "2025-05-29"), ("March 3, 2025", "2025-03-03"), ("", None)],
)
def test_normalize_published(value, expected):
    assert normalize_published(value)[0] == expected


def test_unparseable_published_is_a_warning_not_a_failure(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished: sometime soon\n---\n" + BODY)
    [a] = _articles(tmp_path)
    assert a.published is None
    assert any("unparseable published date" in w for w in a.warnings)


def test_front_matter_body_offsets():
    meta, body = split_front_matter("---\ntitle: T\n---\nBody.\n", "x")
    assert meta == {"title": "T"} and body == "Body.\n"


def test_html_title_without_site_name_and_byline_author(tmp_path):
    html = """<html><head><title>Fares rise | The Gazette</title></head><body><article>
    <h1>Fares rise</h1><p>By Jo Park</p>
    <p>Mayor Elena Ruiz said on Tuesday that the fare would rise by 25 cents next month, a decision the council backed.</p>
    </article></body></html>"""
    (tmp_path / "p.html").write_text(html)
    [a] = _articles(tmp_path)
    assert a.title == "Fares rise"
    assert a.author == "Jo Park"
