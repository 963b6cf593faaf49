"""Bad input never stops a batch: each case through the CLI and the API.

Every broken article yields a clear error naming its file (in
OUT.errors.jsonl and on stderr) or a handled result; the other articles get
their claims; the exit code is 1 when some article failed, 0 otherwise, 2
on usage errors.
"""

from __future__ import annotations

import codecs
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import run_batch, sidecar
from pipeline.cli import main
from pipeline.extract import iter_extract
from pipeline.models import ErrorRecord

GOOD = "Budget\n\nMayor Elena Ruiz said on Tuesday that fares will rise.\n"


def _write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# name -> (file contents, expected): ("error", stage, words in the message)
# or ("ok", number of claims at least)
CASES = {
    "binary.txt": (bytes(range(256)) * 40, ("error", "decode", "binary file")),
    "image.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), ("error", "decode", "binary file")),
    "latin1.txt": ("Cafés\n\nMayor Renée Dubé said that the café will close.\n".encode("latin-1"), ("ok", 1)),
    "broken-utf8.txt": (GOOD.encode() + b"\xff\xfe\xfa bad bytes \xc3\x28\n", ("ok", 1)),
    "utf16-bom.txt": (codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"), ("ok", 1)),
    "utf16-be-bom.txt": (codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), ("ok", 1)),
    "utf16-nobom.txt": (GOOD.encode("utf-16-le"), ("ok", 1)),
    "empty.txt": (b"", ("error", "read", "empty file")),
    "blank.md": ("  \n\n\t\n", ("error", "read", "empty file")),
    "bad.json": ('{"text": "Ruiz said so.", ', ("error", "parse", "malformed JSON")),
    "no-text.json": ('{"title": "x"}', ("error", "parse", "no article text")),
    "bad.jsonl": ('{"text": "Title\\n\\nRuiz said that fares will rise."}\n{"text": oops}\n', ("error", "parse", "malformed JSON")),
    "bad-front-matter.md": ("---\ntitle: [unclosed\n---\nRuiz said it.\n", ("error", "front-matter", "malformed front matter")),
    "open-front-matter.md": ("---\ntitle: x\nRuiz said it.\n", ("error", "front-matter", "never closed")),
    "bad-date.md": ("---\npublished: sometime soon\n---\n" + GOOD, ("ok", 1)),
    "bad-date.json": (json.dumps({"text": GOOD, "published": "32/13/2025"}), ("ok", 1)),
    "controls.txt": ("Title\n\nMayor \x01Elena\x07 Ruiz said\x0b that \x1bfares will\x1f rise.\x7f\n", ("ok", 0)),
    "html-junk.html": ("<html><body><script>x</script></body></html>", ("error", "parse", "no article text")),
}


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    for name, (data, _) in CASES.items():
        _write(root, name, data)
    _write(root, "good.txt", GOOD)
    (root / "folder.txt").mkdir()  # a folder named like an article: walked, not read
    _write(root, "folder.txt/inner.txt", GOOD)
    os.symlink("nowhere.txt", root / "dangling.txt")  # unreadable (root reads any mode)
    os.symlink("loop-b.txt", root / "loop-a.txt")  # symlink loops, file and folder
    os.symlink("loop-a.txt", root / "loop-b.txt")
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "up")
    return root


@pytest.fixture(scope="module")
def cli_run(bad_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "claims.jsonl"
    result = CliRunner().invoke(main, ["extract", str(bad_folder), "-o", str(out)])
    errors = [json.loads(line) for line in sidecar(out, "errors").read_text().splitlines()]
    claims = [json.loads(line) for line in out.read_text().splitlines()]
    return result, errors, claims


@pytest.fixture(scope="module")
def api_run(bad_folder, nlp):
    return list(iter_extract([bad_folder], nlp=nlp))


def _expect(name: str, errors: list[dict], counts: dict[str, int]):
    kind = CASES[name][1]
    mine = [e for e in errors if e["doc_id"].split(":")[0] == name]
    if kind[0] == "error":
        assert mine, f"{name}: expected an error"
        _, stage, words = kind
        assert any(e["stage"] == stage and words in e["message"] and name in e["message"] and e["file"].endswith(name)
                   for e in mine), mine
    else:
        assert not mine, mine
        assert counts.get(name, 0) >= kind[1]


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli(cli_run, name):
    result, errors, claims = cli_run
    counts: dict[str, int] = {}
    for c in claims:
        counts[c["doc_id"].split(":")[0]] = counts.get(c["doc_id"].split(":")[0], 0) + 1
    _expect(name, errors, counts)
    if CASES[name][1][0] == "error":
        assert name in result.output  # named on stderr too


@pytest.mark.parametrize("name", sorted(CASES))
def test_api(api_run, name):
    errors = [e.model_dump() for e in api_run if isinstance(e, ErrorRecord)]
    counts: dict[str, int] = {}
    for item in api_run:
        if not isinstance(item, ErrorRecord):
            article, claims = item
            key = article.doc_id.split(":")[0]
            counts[key] = counts.get(key, 0) + len(claims)
    _expect(name, errors, counts)


def test_batch_goes_on_and_exits_1(cli_run):
    result, errors, claims = cli_run
    assert result.exit_code == 1
    assert {c["doc_id"] for c in claims} >= {"good.txt", "folder.txt/inner.txt", "utf16-bom.txt", "bad.jsonl:1"}
    for e in errors:
        assert set(e) >= {"file", "stage", "message"}


def test_unreadable_and_looping_links(cli_run):
    _, errors, _ = cli_run
    by_id = {e["doc_id"]: e for e in errors}
    assert by_id["dangling.txt"]["stage"] == "read" and "cannot read" in by_id["dangling.txt"]["message"]
    assert "dangling.txt" in by_id["dangling.txt"]["message"]
    for name in ("loop-a.txt", "loop-b.txt"):
        assert "symbolic links" in by_id[name]["message"]
    assert not any("sub/up" in e["doc_id"] for e in errors)  # the folder loop is cut, not an error


def test_bad_date_is_a_warning_and_null(cli_run):
    result, _, claims = cli_run
    assert "unparseable published date 'sometime soon'" in result.output
    [c] = [c for c in claims if c["doc_id"] == "bad-date.md"]
    assert c["published"] is None


def test_utf16_same_claims_as_utf8(cli_run):
    _, _, claims = cli_run

    def strip(c):
        return {k: v for k, v in c.items() if k not in ("id", "doc_id", "title")}

    good = [strip(c) for c in claims if c["doc_id"] == "good.txt"]
    for name in ("utf16-bom.txt", "utf16-be-bom.txt", "utf16-nobom.txt"):
        assert [strip(c) for c in claims if c["doc_id"] == name] == good


def test_control_characters_keep_offsets(cli_run, bad_folder):
    _, _, claims = cli_run
    body = (bad_folder / "controls.txt").read_text()
    for c in claims:
        if c["doc_id"] == "controls.txt":
            for span in (c["sentence"], c["claim"]):
                assert body[span["start"]:span["end"]] == span["text"]


def test_all_good_exits_0(tmp_path):
    _write(tmp_path / "in", "good.txt", GOOD)
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0, result.output
    assert not sidecar(tmp_path / "o.jsonl", "errors").exists()


@pytest.mark.parametrize("args, words", [
    (["{missing}"], "no such file or folder"),
    (["{dangling}"], "broken symbolic link"),
    (["{good}", "--published", "someday"], "not a date"),
    (["{good}", "--batch-size", "0"], "batch-size"),
    (["{good}", "--jobs", "0"], "jobs"),
    (["{good}", "--engine", "spark"], "engine"),
    (["{good}", "--model", "no_such_model_xyz", "-o", "{out}"], "no_such_model_xyz"),
])
def test_usage_errors_exit_2(tmp_path, args, words):
    good = _write(tmp_path, "good.txt", GOOD)
    os.symlink("nowhere", tmp_path / "dangling.txt")
    fill = {"missing": tmp_path / "missing.txt", "dangling": tmp_path / "dangling.txt", "good": good,
            "out": tmp_path / "o.jsonl"}
    result = CliRunner().invoke(main, ["extract", *[a.format(**fill) for a in args]])
    assert result.exit_code == 2, result.output
    assert words in result.output


def test_single_broken_file_given_directly(tmp_path):
    path = _write(tmp_path, "only.json", "{nope")
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1 and "only.json" in result.output
    assert (tmp_path / "o.jsonl").read_text() == ""


def test_long_sentence(nlp, tmp_path):
    """A 2,000-word sentence: handled, offsets right, not slow."""
    words = " ".join(f"the item{i % 97} will cost more" if i % 9 else "and" for i in range(450))
    body = "Prices\n\nMayor Elena Ruiz said that " + words + " before the vote.\n"
    assert len(body.split()) >= 2000
    path = _write(tmp_path / "in", "long.txt", body)
    t = time.perf_counter()
    stats = run_batch([path.parent], tmp_path / "o.jsonl")
    assert time.perf_counter() - t < 60
    assert stats.errors == 0 and stats.articles == 1
    for line in (tmp_path / "o.jsonl").read_text().splitlines():
        c = json.loads(line)
        assert body[c["claim"]["start"]:c["claim"]["end"]] == c["claim"]["text"]


LONG_WORDS = ["internationalization", "counterrevolutionaries", "telecommunications", "intergovernmental",
              "institutionalization", "disproportionately", "uncharacteristically", "incomprehensibilities",
              "electroencephalographic", "compartmentalization", "misinterpretations", "overgeneralizations"]


def _huge_article(chars: int) -> str:
    """Past spaCy's max_length (1,000,000): real paragraphs with claims
    between long filler paragraphs (long words keep the token count, and so
    the test's time, down; the cutting and offsets are what is tested)."""
    claim_paras = [
        "Mayor Elena Ruiz said on Tuesday that fares will rise by {n} cents.",
        "“We may never know how far it spread,” said Gloria Fenn, a resident of {n} Elm Street.",
        "According to the agency, the plan could cost ${n} million.",
    ]
    out, n, i = [], 0, 0
    while n < chars:
        if i % 4 == 0:
            para = claim_paras[(i // 4) % 3].format(n=i)
        else:
            words = [LONG_WORDS[(i * 7 + j * 3) % len(LONG_WORDS)] for j in range(45)]
            para = ". ".join(" ".join(words[k:k + 9]).capitalize() for k in range(0, 45, 9)) + "."
        out.append(para)
        n += len(para) + 2
        i += 1
    return "Huge\n\n" + "\n\n".join(out) + "\n"


def test_article_beyond_max_length(nlp, tmp_path):
    from pipeline.extract import CHUNK_CHARS

    body = _huge_article(1_050_000)
    assert len(body) > nlp.max_length
    path = _write(tmp_path / "in", "huge.txt", body)
    _write(tmp_path / "in", "small.txt", GOOD)
    t = time.perf_counter()
    stats = run_batch([path.parent], tmp_path / "o.jsonl")
    seconds = time.perf_counter() - t
    assert stats.errors == 0 and stats.articles == 2
    claims = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text().splitlines()]
    huge = [c for c in claims if c["doc_id"] == "huge.txt"]
    assert [c["id"] for c in huge] == [f"huge.txt#{n}" for n in range(1, len(huge) + 1)]
    # claims from every part of the article, with offsets into the whole body
    assert max(c["claim"]["start"] for c in huge) > len(body) - CHUNK_CHARS
    assert len({c["claim"]["start"] // CHUNK_CHARS for c in huge}) > len(body) // CHUNK_CHARS // 2
    for c in huge:
        for span in (c["sentence"], c["claim"], c["speaker"], c["cue"]):
            if span and span.get("start") is not None:
                assert body[span["start"]:span["end"]] == span["text"]
    assert seconds < 240, f"{seconds:.0f}s for {len(body):,} characters"
