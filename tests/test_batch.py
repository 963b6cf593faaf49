"""Batch runs: --jobs, --engine dask, --resume, crash safety, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import batch
from pipeline.batch import Progress, RunOptions, Stats, make_shards, run_batch, sidecar
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A small copy of the sample corpus: a few formats, one zero-claim
    article and one broken file."""
    root = tmp_path_factory.mktemp("corpus")
    for rel in ("politics/council-fare-vote.txt", "science/halvorsen-glacier.md",
                "technology/veritas-plant-delay.json", "environment/port-adair-wind-hearing.html",
                "business/wire.jsonl"):
        dst = root / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / rel, dst)
    (root / "misc").mkdir()
    (root / "misc" / "narration.txt").write_text("The river rose overnight. Boats stayed in the harbor.\n")
    (root / "misc" / "broken.json").write_text('{"text": "unterminated')
    return root


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, nlp):
    """The output of a plain one-process run."""
    out = tmp_path_factory.mktemp("ref") / "claims.jsonl"
    stats = run_batch([corpus], out)
    assert stats.errors == 1 and stats.articles >= 8
    return out.read_bytes()


def _run(args):
    return CliRunner().invoke(main, ["extract", *map(str, args)])


# ------------------------------------------------------------------ helpers


def test_sentence_index_matches_token_sent(nlp):
    from pipeline.sentences import SentenceIndex

    text = (CORPUS / "politics" / "council-fare-vote.txt").read_text()
    doc = nlp(text)
    idx = SentenceIndex(doc)
    for tok in doc:
        assert idx.start_char(tok.i) == tok.sent.start_char
        assert idx.end_char(tok.i) == tok.sent.end_char


def test_shards_keep_order_and_cover_every_file():
    files = [(f"f{i}.txt", f"f{i}.txt", 100 + i) for i in range(50)]
    for workers in (1, 2, 8):
        shards = make_shards(files, batch_size=7, workers=workers)
        assert [s.index for s in shards] == list(range(len(shards)))
        assert [f for s in shards for f in s.files] == files
        assert all(len(s.files) <= 7 for s in shards)
    assert len(make_shards(files, batch_size=64, workers=2)) >= 8  # enough to balance


def test_claims_do_not_depend_on_batching(nlp):
    from pipeline.extract import extract_articles
    from pipeline.ingest import iter_articles
    from pipeline.models import Article

    arts = [a for a in iter_articles([CORPUS / "politics", CORPUS / "sports"]) if isinstance(a, Article)]
    one = [[c.model_dump_json() for c in cl] for _, cl in extract_articles(arts, nlp=nlp, batch_size=1)]
    many = [[c.model_dump_json() for c in cl] for _, cl in extract_articles(arts, nlp=nlp, batch_size=64)]
    assert one == many


def test_memory_zone_keeps_output_and_vocab_flat(nlp):
    from pipeline.extract import extract_articles
    from pipeline.ingest import make_article

    arts = [make_article(f"a{i}", f"Officer Zyx{i}q said the plan{i}x “may fail” by 20{i:02d}.") for i in range(30)]
    first = [[c.model_dump_json() for c in cl] for _, cl in extract_articles(arts, nlp=nlp, batch_size=8)]
    n_strings = len(nlp.vocab.strings)
    again = [[c.model_dump_json() for c in cl] for _, cl in extract_articles(arts, nlp=nlp, batch_size=8)]
    assert first == again and any(first)
    assert len(nlp.vocab.strings) == n_strings  # the new words were freed with each zone


# ------------------------------------------------------------------ engines


def test_jobs_two_gives_identical_bytes(corpus, reference, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = _run([corpus, "-o", out, "--jobs", "2", "--batch-size", "2"])
    assert result.exit_code == 1, result.output  # broken.json
    assert out.read_bytes() == reference
    errors = [json.loads(line) for line in sidecar(out, "errors").read_text().splitlines()]
    assert [e["stage"] for e in errors] == ["parse"] and errors[0]["file"].endswith("broken.json")


def test_a_dying_worker_costs_only_its_shard(corpus, tmp_path, monkeypatch):
    import multiprocessing
    import os

    import pipeline.ingest as ingest

    src = tmp_path / "in"
    shutil.copytree(corpus / "politics", src / "politics")
    shutil.copytree(corpus / "science", src / "science")
    expected = tmp_path / "expected.jsonl"
    run_batch([src], expected)
    (src / "poison.txt").write_text("Title\n\nThis one kills its worker.\n")

    real = ingest.read_article_file

    def read(path, doc_id):
        if path.name == "poison.txt":
            os._exit(3)  # a crash no try/except catches (like the OOM killer)
        return real(path, doc_id)

    # fork, so that the workers inherit the patched reader
    monkeypatch.setattr(ingest, "read_article_file", read)
    monkeypatch.setattr(batch, "_mp_context", lambda: multiprocessing.get_context("fork"))
    out = tmp_path / "claims.jsonl"
    stats = run_batch([src], out, jobs=2, options=RunOptions(batch_size=1))
    errors = [json.loads(line) for line in sidecar(out, "errors").read_text().splitlines()]
    assert [(e["doc_id"], e["stage"]) for e in errors] == [("poison.txt", "worker")]
    assert stats.articles == 2
    assert out.read_bytes() == expected.read_bytes()


def test_dask_scheduler_address(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        out = tmp_path / "claims.jsonl"
        args = [corpus, "-o", out, "--engine", "dask", "--scheduler", cluster.scheduler_address, "--resume"]
        result = _run(args)
        assert result.exit_code == 1, result.output
        assert out.read_bytes() == reference
        again = _run(args)  # the workers get the done list: nothing to redo
        assert again.exit_code == 1 and "0 articles" in again.output and "already done" in again.output
        assert out.read_bytes() == reference


def test_dask_local_cluster_gives_identical_bytes(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "claims.jsonl"
    result = _run([corpus, "-o", out, "--engine", "dask", "--jobs", "2", "-q"])
    assert result.exit_code == 1, result.output
    assert "claims" not in result.output  # -q: no summary (the error line stays)
    assert out.read_bytes() == reference


def test_scheduler_without_dask_is_a_usage_error(corpus, tmp_path):
    result = _run([corpus, "-o", tmp_path / "o.jsonl", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--engine dask" in result.output


# ------------------------------------------------------------------ never lose work


def test_done_list_names_every_article_even_without_claims(corpus, reference, tmp_path):
    out = tmp_path / "claims.jsonl"
    run_batch([corpus], out)
    done = [json.loads(line) for line in sidecar(out, "done").read_text().splitlines()]
    narration = [d for d in done if d["doc_id"] == "misc/narration.txt"]
    assert narration and narration[0]["claims"] == 0
    assert sum(d["claims"] for d in done) == len(reference.splitlines())


def test_resume_skips_finished_articles(corpus, reference, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = _run([corpus, "-o", out, "--resume"])
    assert result.exit_code == 1 and out.read_bytes() == reference
    result = _run([corpus, "-o", out, "--resume"])
    assert result.exit_code == 1  # the broken file is tried again, and fails again
    assert "0 articles" in result.output and "already done" in result.output
    assert out.read_bytes() == reference


def test_resume_after_a_crash_completes_the_file(corpus, reference, tmp_path):
    out = tmp_path / "claims.jsonl"
    lines = reference.decode().splitlines(keepends=True)
    # a crash in the middle of writing: three whole articles' lines on disk,
    # the done list lags one article behind, and the file ends in a torn line
    run_batch([corpus], out)
    done = sidecar(out, "done").read_text().splitlines(keepends=True)
    kept = done[:3]
    n = sum(json.loads(d)["claims"] for d in kept)
    out.write_text("".join(lines[: n + 2]) + lines[n + 2][:17])
    sidecar(out, "done").write_text("".join(kept) + done[3][:5])
    stats = run_batch([corpus], out, resume=True)
    assert stats.skipped == 3
    assert out.read_bytes() == reference


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupt_leaves_whole_files(corpus, reference, tmp_path, jobs):
    class Boom(Progress):
        def update(self, stats, force=False):
            if stats.articles >= 2:
                raise KeyboardInterrupt

    out = tmp_path / "claims.jsonl"
    out.write_text("old\n")
    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], out, jobs=jobs, progress=Boom(0, enabled=True, stream=io.StringIO()))
    assert out.read_text() == "old\n"  # without --resume: the old file, untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.jsonl"]  # no temp files left

    out.unlink()
    with pytest.raises(KeyboardInterrupt):
        run_batch([corpus], out, jobs=jobs, resume=True, progress=Boom(0, enabled=True, stream=io.StringIO()))
    partial = out.read_bytes()
    assert partial.endswith(b"\n") and reference.startswith(partial) and partial
    run_batch([corpus], out, jobs=jobs, resume=True)
    assert out.read_bytes() == reference


def test_changed_article_is_redone_on_resume(tmp_path, nlp):
    src = tmp_path / "in"
    src.mkdir()
    art = src / "a.txt"
    art.write_text("Fares\n\nMayor Elena Ruiz said that fares will rise.\n")
    out = tmp_path / "claims.jsonl"
    run_batch([src], out, resume=True)
    art.write_text("Fares\n\nMayor Elena Ruiz said that fares will fall.\n")
    run_batch([src], out, resume=True)
    claims = [json.loads(line) for line in out.read_text().splitlines()]
    assert [c["claim"]["text"] for c in claims] == ["fares will fall"]
    assert len(sidecar(out, "done").read_text().splitlines()) == 1


def test_resume_needs_an_output(corpus):
    assert _run([corpus, "--resume"]).exit_code == 2


# ------------------------------------------------------------------ progress


def test_progress_line_and_summary():
    stream = io.StringIO()
    p = Progress(1000, enabled=True, stream=stream)
    p.update(Stats(articles=3, claims=7, errors=1, words=900, bytes_done=500), force=True)
    shown = stream.getvalue()
    assert "3 articles, 7 claims, 1 errors" in shown and "words/s" in shown and "ETA" in shown
    p.echo("error: x")
    assert stream.getvalue().endswith("\r\x1b[Kerror: x\n")
    quiet = io.StringIO()
    Progress(1000, enabled=False, stream=quiet).update(Stats(articles=1), force=True)
    assert quiet.getvalue() == ""


def test_cli_summary_without_terminal(corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    result = _run([corpus / "politics", "-o", out])
    assert result.exit_code == 0
    assert "\r" not in result.output  # no progress line when stderr is not a terminal
    assert result.output.strip().startswith("1 articles, ") and "words/s" in result.output
    quiet = _run([corpus / "politics", "-o", out, "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_stdout_output_matches_file(corpus, reference):
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", str(corpus), "-q"]) if _mix_ok() else None
    if result is None:
        result = CliRunner().invoke(main, ["extract", str(corpus), "-q"])
    assert result.exit_code == 1
    assert result.stdout.encode() == reference


def _mix_ok() -> bool:
    import inspect

    return "mix_stderr" in inspect.signature(CliRunner.__init__).parameters


def test_output_inside_the_input_folder_is_not_read_back(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Fares\n\nMayor Elena Ruiz said that fares will rise.\n")
    out = src / "claims.jsonl"
    for _ in range(2):
        result = _run([src, "-o", out, "--resume"])
        assert result.exit_code == 0, result.output
    result = _run([src, "-o", out])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 1


def test_published_fills_articles_without_a_date(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Fares\n\nMayor Elena Ruiz said on Tuesday that fares will rise.\n")
    out = tmp_path / "o.jsonl"
    for jobs in ("1", "2"):
        result = _run([src, "-o", out, "--published", "2025-03-13", "--jobs", jobs])
        assert result.exit_code == 0, result.output
        [claim] = [json.loads(line) for line in out.read_text().splitlines()]
        assert claim["published"] == "2025-03-13"
        assert claim["said_on"]["value"] == "2025-03-11"
