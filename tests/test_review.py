"""Reviewing claims: reading JSONL, filters, stats, the table, gold export,
the review page's HTML (browser behaviour: tests/test_review_browser.py).

``build_claims`` makes synthetic, self-consistent claims (article bodies
with exact offsets); the browser tests import it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import review as rv
from pipeline.cli_review import review, show, stats
from pipeline.models import Claim

# ---------------------------------------------------------------------------
# Synthetic claims

# (content, level, polarity, certainty cues [(words, category)], dates [(words, value, granularity)])
CONTENTS = [
    ("the fare will rise by 25 cents next year", "certain", "positive", [], [("next year", "2026", "year")]),
    ("the new line may open in 2027", "possible", "positive", [("may", "hedge")], [("2027", "2027", "year")]),
    ("ridership is expected to recover by spring", "probable", "positive", [("expected to", "hedge")], [("spring", "2025-SP", "season")]),
    ("the agency will not cut night service", "certain", "negative", [("not", "negation")], []),
    ("the budget gap could reach $40 million", "possible", "positive", [("could", "hedge")], []),
    ("it is unclear whether the bridge can reopen", "unknown", "positive", [("unclear whether", "uncertainty")], []),
    ("the strike never touched the buses", "certain", "negative", [("never", "negation")], []),
    ("the contract was confirmed in January", "certain", "positive", [("confirmed", "booster")], [("January", "2025-01", "month")]),
    ("Caf\u00e9 riders \U0001F687 likely prefer the Z\u00fcrich model", "probable", "positive", [("likely", "hedge")], []),
    ("the memo says </script><b>nothing</b> & more", "possible", "negative", [("says", "report")], []),
]

# key: (label, name, mentions)
SPEAKERS = [
    ("PERSON", "Maria Delgado", ["Maria Delgado", "Delgado", "She"]),
    ("PERSON", "Tom Okafor", ["Tom Okafor", "Okafor", "He"]),
    ("ORG", "Metro Transit Agency", ["The transit agency", "The agency"]),
    ("AUTHOR", "Jane Byline", []),
]

# (phrase before the date words, date words, value, granularity); None: no said_on
SAID_ON = [
    ("on ", "March 11, 2025", "2025-03-11", "day"),
    ("in ", "July 2023", "2023-07", "month"),
    (None, None, None, None),
    ("in ", "2024", "2024", "year"),
    ("on ", "Tuesday", "2025-03-04", "day"),
    ("last ", "week", "2025-W09", "week"),
    ("on ", "October 5, 2023", "2023-10-05", "day"),
]


class _Body:
    """Builds an article body, recording the offsets of its pieces."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def _span(start: int, text: str) -> dict:
    return {"text": text, "start": start, "end": start + len(text)}


def build_claims(n_docs: int = 3, per_doc: int = 10) -> tuple[list[Claim], dict[str, str]]:
    """``n_docs * per_doc`` valid claims over ``n_docs`` articles, 4 speakers.

    Returns the claims and the article bodies (doc_id -> text); every span
    satisfies ``body[start:end] == text``.
    """
    claims: list[Claim] = []
    bodies: dict[str, str] = {}
    i = 0
    for d in range(n_docs):
        doc_id = f"news/article-{d + 1}.txt"
        title = f"Transit plans, part {d + 1}"
        published = f"2025-03-{(d % 28) + 1:02d}"
        body = _Body()
        body.add(title + "\n\n")
        for n in range(1, per_doc + 1):
            label, name, mentions = SPEAKERS[i % 4]
            content, level, polarity, cert_cues, dates = CONTENTS[(i * 7 + d) % len(CONTENTS)]
            pattern = "author" if label == "AUTHOR" else ("direct", "indirect", "according_to")[(i // 4 + d) % 3]
            said = SAID_ON[(i * 3 + d) % len(SAID_ON)] if pattern != "according_to" else SAID_ON[2]
            mention = mentions[(i // 4) % len(mentions)] if mentions else None
            if n > 1:
                body.add(" ")
            sent_start = len(body.text)
            rec: dict = {"speaker": None, "cue": None, "said_on": None}

            def put_said():
                if said[0] is None:
                    return
                body.add(" " + said[0])
                s, _ = body.add(said[1])
                rec["said_on"] = {"text": said[1], "value": said[2], "granularity": said[3], "start": s, "end": s + len(said[1])}

            if pattern == "direct":
                body.add("\u201c")
                c0, _ = body.add(content[0].upper() + content[1:])
                body.add(",\u201d ")
                s, _ = body.add(mention.lower() if mention in ("She", "He") else mention)
                rec["speaker"] = (s, body.text[s:])
                body.add(" ")
                q, _ = body.add("said")
                rec["cue"] = {"text": "said", "lemma": "say", "start": q, "end": q + 4}
                put_said()
                body.add(".")
                kind = "direct"
            elif pattern == "indirect":
                s, _ = body.add(mention)
                rec["speaker"] = (s, mention)
                body.add(" ")
                q, _ = body.add("said")
                rec["cue"] = {"text": "said", "lemma": "say", "start": q, "end": q + 4}
                put_said()
                body.add(" that ")
                c0, _ = body.add(content)
                body.add(".")
                kind = "indirect"
            elif pattern == "according_to":
                q, _ = body.add("According to")
                rec["cue"] = {"text": "According to", "lemma": "according to", "start": q, "end": q + 12}
                body.add(" ")
                m = mention if mention not in ("She", "He") else name
                m = m[0].lower() + m[1:] if m.startswith("The ") else m
                s, _ = body.add(m)
                rec["speaker"] = (s, m)
                body.add(", ")
                c0, _ = body.add(content)
                body.add(".")
                kind = "according_to"
            else:
                c0, _ = body.add(content[0].upper() + content[1:])
                body.add(".")
                kind = "unattributed"
            claim_text = body.text[c0 : c0 + len(content)]
            sentence = body.text[sent_start:]
            cues = []
            for words, cat in cert_cues:
                k = claim_text.find(words)
                cues.append({"text": words, "category": cat, "start": c0 + k, "end": c0 + k + len(words)})
            date_recs = []
            for words, value, gran in dates:
                k = claim_text.find(words)
                date_recs.append({"text": words, "value": value, "granularity": gran, "start": c0 + k, "end": c0 + k + len(words)})
            if label == "AUTHOR":
                speaker = {"text": None, "name": name, "label": "AUTHOR"}
            else:
                s, mtext = rec["speaker"]
                speaker = {"text": mtext, "name": name, "label": label, "start": s, "end": s + len(mtext)}
            fact = {"certain": 3, "probable": 2, "possible": 1, "unknown": 0}[level] * (-1 if polarity == "negative" else 1)
            claims.append(
                Claim.model_validate(
                    {
                        "id": f"{doc_id}#{n}",
                        "doc_id": doc_id,
                        "title": title,
                        "published": published,
                        "sentence": _span(sent_start, sentence),
                        "speaker": speaker,
                        "cue": rec["cue"],
                        "claim": _span(c0, claim_text),
                        "kind": kind,
                        "certainty": {"level": level, "polarity": polarity, "factuality": fact,
                                      "hypothetical": False, "cues": cues},
                        "said_on": rec["said_on"],
                        "dates": date_recs,
                        "entities": [],
                        "rule": f"synthetic.{kind}",
                    }
                )
            )
            i += 1
        bodies[doc_id] = body.text
    return claims, bodies


def write_jsonl(path: Path, claims: list[Claim], extra_lines: dict[int, str] | None = None) -> Path:
    """Write claims as JSONL; ``extra_lines`` inserts raw lines at 1-based line numbers."""
    lines = [c.model_dump_json() for c in claims]
    for lineno, raw in sorted((extra_lines or {}).items()):
        lines.insert(lineno - 1, raw)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def synthetic():
    return build_claims()


@pytest.fixture
def claims(synthetic):
    return synthetic[0]


@pytest.fixture
def claims_file(tmp_path, claims):
    return write_jsonl(tmp_path / "claims.jsonl", claims)


# ---------------------------------------------------------------------------
# The fixture itself


def test_synthetic_claims_are_consistent(synthetic):
    claims, bodies = synthetic
    assert len(claims) == 30 and len(bodies) == 3
    assert {rv.speaker_key(c) for c in claims} == {"Maria Delgado", "Tom Okafor", "Metro Transit Agency", "AUTHOR"}
    for c in claims:
        body = bodies[c.doc_id]
        spans = [c.sentence, c.claim, c.cue, c.said_on, *c.dates, *c.certainty.cues]
        if c.speaker.start is not None:
            assert body[c.speaker.start : c.speaker.end] == c.speaker.text
        for s in spans:
            if s is not None:
                assert body[s.start : s.end] == s.text, (c.id, s)
                assert c.sentence.start <= s.start <= s.end <= c.sentence.end
    assert {c.kind for c in claims} >= {"direct", "indirect", "according_to", "unattributed"}
    assert {c.certainty.level for c in claims} == {"certain", "probable", "possible", "unknown"}
    assert {c.certainty.polarity for c in claims} == {"positive", "negative"}


# ---------------------------------------------------------------------------
# read_claims


def test_read_claims_round_trip(claims_file, claims):
    got, errors = rv.read_claims(claims_file)
    assert errors == []
    assert got == claims


def test_read_claims_names_bad_lines_and_keeps_the_rest(tmp_path, claims):
    good = claims[0].model_dump_json()
    path = write_jsonl(
        tmp_path / "bad.jsonl",
        claims[:5],
        extra_lines={
            2: good[: len(good) // 2],  # truncated
            4: "[1, 2, 3]",  # not an object
            5: json.dumps({**claims[0].model_dump(mode="json"), "kind": 7}),  # wrong type
            7: "",  # blank: skipped silently
            8: json.dumps({"id": "x"}),  # missing fields
        },
    )
    got, errors = rv.read_claims(path)
    assert [c.id for c in got] == [c.id for c in claims[:5]]
    assert len(errors) == 4
    assert errors[0].startswith(f"{path}:2: invalid JSON (truncated line?)")
    assert errors[1] == f"{path}:4: not a JSON object (got list)"
    assert errors[2].startswith(f"{path}:5: not a valid claim: kind:")
    assert errors[3].startswith(f"{path}:8: not a valid claim:")
    assert "doc_id" in errors[3]


def test_read_claims_bad_bytes_and_bom(tmp_path, claims):
    path = tmp_path / "enc.jsonl"
    path.write_bytes(
        b"\xef\xbb\xbf" + claims[0].model_dump_json().encode() + b"\n\xff\xfe oops\n" + claims[1].model_dump_json().encode() + b"\n"
    )
    got, errors = rv.read_claims(path)
    assert len(got) == 2
    assert errors == [f"{path}:2: not UTF-8 text (invalid start byte at byte 0)"]


# ---------------------------------------------------------------------------
# filter_claims


def test_filter_by_speaker_part_of_name_and_author(claims):
    delgado = rv.filter_claims(claims, speaker="delgado")
    assert delgado and all(c.speaker.name == "Maria Delgado" for c in delgado)
    author = rv.filter_claims(claims, speaker="AUTHOR")
    assert author and all(c.speaker.label == "AUTHOR" for c in author)
    both = rv.filter_claims(claims, speaker=["Delgado", "AUTHOR"])
    assert len(both) == len(delgado) + len(author)


def test_filter_by_level_kind_polarity_doc_text(claims):
    assert all(c.certainty.level == "possible" for c in rv.filter_claims(claims, level="possible"))
    neg = rv.filter_claims(claims, polarity="negative")
    assert neg and len(neg) == sum(c.certainty.polarity == "negative" for c in claims)
    direct = rv.filter_claims(claims, kind="DIRECT")
    assert direct and all(c.kind == "direct" for c in direct)
    doc2 = rv.filter_claims(claims, doc="article-2")
    assert len(doc2) == 10 and {c.doc_id for c in doc2} == {"news/article-2.txt"}
    fare = rv.filter_claims(claims, text="FARE cents")
    assert fare and all("fare" in c.claim.text.lower() for c in fare)
    combo = rv.filter_claims(claims, speaker="okafor", level=["certain", "probable"], doc="article-1")
    assert combo == [
        c for c in claims
        if c.speaker.name == "Tom Okafor" and c.certainty.level in ("certain", "probable") and c.doc_id.endswith("article-1.txt")
    ]
    assert rv.filter_claims(claims) == claims


# ---------------------------------------------------------------------------
# stats and the table


def test_compute_stats(claims):
    s = rv.compute_stats(claims)
    assert s["claims"] == 30 and s["articles"] == 3 and s["speakers"] == 4
    assert sum(s["by_speaker"].values()) == 30
    assert s["by_article"] == {"news/article-1.txt": 10, "news/article-2.txt": 10, "news/article-3.txt": 10}
    assert list(s["by_level"]) == ["certain", "probable", "possible", "unknown"]
    assert sum(s["by_level"].values()) == 30
    assert s["by_polarity"]["negative"] == sum(c.certainty.polarity == "negative" for c in claims)
    counts = list(s["by_kind"].values())
    assert counts == sorted(counts, reverse=True)
    text = rv.format_stats(s)
    for heading in ("by speaker", "by level", "by polarity", "by kind", "by article"):
        assert heading in text
    assert re.search(r"Maria Delgado\s+\d+\s+\d+\.\d%", text)
    assert "… 2 more" in rv.format_stats(s, top=1)


def test_compute_stats_empty():
    s = rv.compute_stats([])
    assert s["claims"] == 0 and s["by_level"] == {"certain": 0, "probable": 0, "possible": 0, "unknown": 0}
    assert "0 claims in 0 articles" in rv.format_stats(s)


def test_format_table_fits_width_and_truncates(claims):
    out = rv.format_table(claims, width=80)
    lines = out.splitlines()
    assert lines[0].split() == ["#", "SPEAKER", "LEVEL", "POL", "SAID", "ON", "CLAIM"]  # KIND dropped first
    assert rv.format_table(claims, width=120).splitlines()[0].split() == ["#", "SPEAKER", "LEVEL", "POL", "KIND", "SAID", "ON", "CLAIM"]
    assert all(rv.display_width(line) <= 80 for line in lines)
    assert any(line.endswith("…") for line in lines)
    assert "== news/article-1.txt — Transit plans, part 1 (10 claims)" in lines
    assert "\x1b[" not in out


@pytest.mark.parametrize("width", [30, 40, 50, 60])
def test_format_table_narrow_drops_columns_not_the_claim(claims, width):
    lines = rv.format_table(claims, width=width).splitlines()
    assert all(rv.display_width(line) <= width for line in lines), [line for line in lines if rv.display_width(line) > width]
    header = lines[0].split()
    assert "SPEAKER" in header and "LEVEL" in header and header[-1] == "CLAIM"
    if width <= 50:
        assert "KIND" not in header


def test_format_table_without_width_keeps_full_claims(claims):
    out = rv.format_table(claims, width=None)
    for c in claims:
        assert " ".join(c.claim.text.split()) in out
    assert rv.format_table([], width=80) == "(no claims)\n"
    assert "\x1b[1m" in rv.format_table(claims, width=100, color=True)


def test_truncate_and_display_width():
    assert rv.truncate("abcdef", 4) == "abc…"
    assert rv.truncate("abc", 4) == "abc"
    assert rv.display_width("日本") == 4
    assert rv.display_width(rv.truncate("日本語のテキスト", 7)) <= 7


# ---------------------------------------------------------------------------
# gold export


def test_claim_keys_are_distinctive_words_in_order():
    assert rv.claim_keys("the fare will rise by 25 cents next year") == ["fare", "25", "cents"]
    assert rv.claim_keys("Production on Alita 2 is expected to commence") == ["Production", "expected", "commence"]
    assert rv.claim_keys("a 25-cent increase") == ["25-cent", "increase"]
    assert rv.claim_keys("it is") == ["it"]
    assert rv.claim_keys("") == []


def test_marks_to_gold_shape(claims):
    by_speaker = {rv.speaker_key(c): c for c in claims}
    delgado, agency, author = by_speaker["Maria Delgado"], by_speaker["Metro Transit Agency"], by_speaker["AUTHOR"]
    marks = {delgado.id: "right", agency.id: "right", author.id: "wrong", "nope#1": "right"}
    gold, wrong = rv.marks_to_gold(claims, marks)
    assert len(gold) == 2 and len(wrong) == 1
    g = next(g for g in gold if g["speaker"] == ["Delgado"])
    assert list(g)[:5] == ["doc", "speaker", "keys", "level", "polarity"]
    assert g["doc"] == delgado.doc_id
    assert g["level"] == [delgado.certainty.level] and g["polarity"] == delgado.certainty.polarity
    assert ("said_on" in g) == bool(delgado.said_on and delgado.said_on.value)
    assert 1 <= len(g["keys"]) <= 3
    assert all(k.lower() in delgado.claim.text.lower() for k in g["keys"])
    assert [x["speaker"] for x in gold if x is not g] == [["Metro Transit Agency"]]
    assert wrong[0]["speaker"] == ["AUTHOR"] and wrong[0]["wrong"] is True and wrong[0]["id"] == author.id


# ---------------------------------------------------------------------------
# the review page (static checks; behaviour is in test_review_browser.py)


def test_render_review_is_self_contained(claims):
    html = rv.render_review(claims, title="Test page")
    assert html.startswith("<!doctype html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", html, re.I)
    assert "<link" not in html.lower()
    # one script element per block: data, config, code
    assert html.count("<script") == 3 and html.count("</script>") == 3
    assert "<title>Test page</title>" in html


def test_render_review_embeds_claims_safely(claims):
    evil = claims[0].model_copy(deep=True)
    evil.claim.text = "</script><script>alert(1)</script><!-- \u2028 &amp;"
    evil.title = "</title><img src=x onerror=alert(1)>"
    html = rv.render_review([evil, *claims[1:]], title="<b>t</b>")
    # the only </script> tags are the three real ones
    assert html.count("</script>") == 3
    assert "<script>alert(1)" not in html
    assert "<title>&lt;b&gt;t&lt;/b&gt;</title>" in html
    m = re.search(r'<script type="application/json" id="claims-data">(.*?)</script>', html, re.S)
    data = json.loads(m.group(1))
    assert len(data) == 30
    assert data[0]["claim"]["text"] == evil.claim.text
    assert Claim.model_validate(data[0]).claim.text == evil.claim.text
    assert "content_hash" not in data[0]


def test_render_review_lists_bad_lines(claims):
    html = rv.render_review(claims[:2], errors=["f.jsonl:3: invalid JSON <x>"])
    assert "1 input line could not be read" in html
    assert "f.jsonl:3: invalid JSON &lt;x&gt;" in html


def test_write_review(tmp_path, claims_file):
    out = tmp_path / "page.html"
    n, errors = rv.write_review(claims_file, out)
    assert (n, errors) == (30, [])
    html = out.read_text(encoding="utf-8")
    assert "claimsift review: claims.jsonl" in html
    assert '"storeKey":"claimsift-review:claims.jsonl"' in html


# ---------------------------------------------------------------------------
# CLI


def test_cli_review_writes_page(tmp_path, claims_file):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(review, [str(claims_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "Wrote" in result.stderr


def test_cli_review_default_output(tmp_path, claims, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_jsonl(Path("c.jsonl"), claims)
    result = CliRunner().invoke(review, ["c.jsonl"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "review.html").exists()


def test_cli_show_filters_and_plain_text(claims_file):
    result = CliRunner().invoke(show, [str(claims_file), "--speaker", "okafor", "--level", "certain"])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.stdout
    body = [line for line in result.stdout.splitlines()[1:] if not line.startswith("==")]
    assert body and all("Tom Okafor" in line and "certain" in line for line in body)
    assert "of 30 claims" in result.stderr


def test_cli_show_width_truncates(claims_file):
    result = CliRunner().invoke(show, [str(claims_file), "--width", "70", "--kind", "direct"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) > 1 and all(rv.display_width(line) <= 70 for line in lines)


def test_cli_show_text_and_doc(claims_file):
    result = CliRunner().invoke(show, [str(claims_file), "--doc", "article-3", "--text", "bridge"])
    assert result.exit_code == 0
    assert "news/article-3.txt" in result.stdout and "article-1" not in result.stdout
    assert "bridge" in result.stdout


def test_cli_stats(claims_file):
    result = CliRunner().invoke(stats, [str(claims_file)])
    assert result.exit_code == 0
    assert result.stdout.startswith("30 claims in 3 articles, 4 speakers")
    as_json = CliRunner().invoke(stats, [str(claims_file), "--json", "--speaker", "AUTHOR"])
    data = json.loads(as_json.stdout)
    assert list(data["by_speaker"]) == ["AUTHOR"] and data["claims"] == data["by_speaker"]["AUTHOR"]


@pytest.mark.parametrize("command", [review, show, stats])
def test_cli_bad_lines_named_rest_shown_exit_1(tmp_path, claims, command):
    path = write_jsonl(tmp_path / "bad.jsonl", claims, extra_lines={3: '{"id": "trunc', 5: '"just a string"'})
    args = [str(path)] + (["-o", str(tmp_path / "r.html")] if command is review else [])
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 1, result.output
    assert f"{path}:3: invalid JSON (truncated line?)" in result.stderr
    assert f"{path}:5: not a JSON object (got str)" in result.stderr
    assert "2 lines skipped" in result.stderr
    if command is show:
        assert result.stdout.count("news/article-") == 3
    elif command is stats:
        assert result.stdout.startswith("30 claims")
    else:
        assert "2 input lines could not be read" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["missing.jsonl"],
        ["{claims}", "--level", "sure"],
        ["{claims}", "--polarity", "maybe"],
        ["{claims}", "--nope"],
        [],
    ],
)
def test_cli_usage_errors_exit_2(claims_file, args):
    args = [a.replace("{claims}", str(claims_file)) for a in args]
    for command in (show, stats):
        result = CliRunner().invoke(command, args)
        assert result.exit_code == 2, (command.name, args, result.output)


def test_cli_show_reads_stdin(claims):
    data = "\n".join(c.model_dump_json() for c in claims[:3]) + "\nnot json\n"
    result = CliRunner().invoke(show, ["-"], input=data)
    assert result.exit_code == 1
    assert "<stdin>:4: invalid JSON" in result.stderr
    assert result.stdout.count("#") >= 3


def test_exported_gold_scores_perfectly_with_claimsift_eval(tmp_path, claims, claims_file):
    """Every claim marked right -> gold file -> `claimsift eval` against the same claims: all match."""
    from pipeline.cli import main
    from pipeline.evaluate import GoldFileError, read_gold

    gold, _ = rv.marks_to_gold(claims, {c.id: "right" for c in claims})
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold_path), str(claims_file), "--json"])
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)
    assert (score["gold"], score["predicted"], score["matched"]) == (30, 30, 30)
    assert score["claim"]["f1"] == 1.0 and score["tuple"]["f1"] == 1.0
    assert score["speaker_accuracy"] == score["level_accuracy"] == score["polarity_accuracy"] == 1.0
    assert score["said_on_accuracy"] == 1.0 and score["said_on_scored"] == sum(bool(c.said_on) for c in claims)

    # claims marked wrong go to their own file, which the gold reader refuses
    _, wrong = rv.marks_to_gold(claims, {claims[0].id: "wrong"})
    wrong_path = tmp_path / "wrong.jsonl"
    wrong_path.write_text(json.dumps(wrong[0]) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError):
        read_gold(wrong_path)


def test_main_cli_has_review_commands():
    from pipeline.cli import main

    for name in ("review", "show", "stats"):
        assert name in main.commands
