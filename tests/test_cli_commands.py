"""The `dates` command and the `eval` benchmark subcommands, on tiny
invented fixtures in each benchmark's own format (no benchmark data)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import main

ARTICLE = "---\ntitle: Fares\npublished: 2025-03-12\n---\nMayor Elena Ruiz said on Tuesday that fares will rise in March 2026.\n"


def test_dates_command(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    res = CliRunner().invoke(main, ["dates", str(tmp_path)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    body = ARTICLE.split("---\n", 2)[2]
    assert [(r["text"], r["value"]) for r in rows] == [("Tuesday", "2025-03-11"), ("March 2026", "2026-03")]
    for r in rows:
        assert body[r["start"]:r["end"]] == r["text"] and r["doc_id"] == "a.md"


def test_dates_command_published_option_anchors_relative_dates(tmp_path):
    (tmp_path / "a.txt").write_text("Fares\n\nRuiz said on Tuesday that fares will rise.\n")
    res = CliRunner().invoke(main, ["dates", str(tmp_path), "--published", "2025-03-12"])
    assert json.loads(res.output.splitlines()[0])["value"] == "2025-03-11"
    res = CliRunner().invoke(main, ["dates", str(tmp_path)])
    assert json.loads(res.output.splitlines()[0])["value"] is None


def test_eval_polnear_command(tmp_path):
    text = "The mayor said the bridge will reopen in May.\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(text)

    def span(needle):
        s = text.index(needle)
        return s, s + len(needle)

    (s1, e1), (s2, e2), (s3, e3) = span("The mayor"), span("said"), span("the bridge will reopen in May")
    ann = "\n".join([
        f"T1\tSource {s1} {e1}\tThe mayor", f"T2\tCue {s2} {e2}\tsaid",
        f"T3\tContent {s3} {e3}\tthe bridge will reopen in May", f"T4\tAttribution {s2} {e2}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]) + "\n"
    (tmp_path / "attributions" / "doc1_ab12.ann").write_text(ann)
    res = CliRunner().invoke(main, ["eval", "polnear", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.output)
    assert result["exact"]["tp"] == 1 and result["source"]["accuracy"] == 1.0


def test_eval_timeml_command(tmp_path):
    tml = """<?xml version="1.0" ?>
<TimeML><DOCID>d1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-10-10" functionInDocument="CREATION_TIME">October 10, 2023</TIMEX3></DCT>
<TEXT>The shop will open in <TIMEX3 tid="t1" type="DATE" value="2024-03">March 2024</TIMEX3>.</TEXT></TimeML>
"""
    (tmp_path / "d1.tml").write_text(tml)
    res = CliRunner().invoke(main, ["eval", "timeml", str(tmp_path), "--json"])
    assert res.exit_code == 0, res.output
    assert "value" in res.output and "1.0" in res.output


def test_eval_factuality_command(tmp_path):
    (tmp_path / "UW").mkdir()
    rows = [
        {"text": "Prices may rise next year .", "targets": [{"span1": [2, 3], "label": 1.0, "span_text": "rise"}]},
        {"text": "The bank raised rates .", "targets": [{"span1": [2, 3], "label": 3.0, "span_text": "raised"}]},
        {"text": "The firm did not sell the unit .", "targets": [{"span1": [4, 5], "label": -3.0, "span_text": "sell"}]},
    ]
    (tmp_path / "UW" / "test.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    res = CliRunner().invoke(main, ["eval", "factuality", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "UW/test" in res.output
    res = CliRunner().invoke(main, ["eval", "factuality", str(tmp_path), "--split", "dev"])
    assert res.exit_code == 2 and "no */dev.jsonl" in res.output
