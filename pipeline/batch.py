"""Batch runs: many articles, several processes or a Dask cluster, and
output that survives crashes, Ctrl-C and bad input.

The work is cut into *shards* (lists of article files, in input order).
A worker turns a shard into plain records, one per article, in order:
:class:`ArticleResult` (the article's claims as JSON lines) or an
:class:`~pipeline.models.ErrorRecord`. Nothing spaCy-made crosses a process
boundary: each worker loads the pipeline once (:func:`worker_nlp`) and
converts its docs to JSON inside ``nlp.memory_zone()``.

The parent writes the records in input order, whatever the number of
processes or the engine, so the output bytes are the same for ``--jobs 1``,
``--jobs 4`` and ``--engine dask``:

- ``OUT``: one claim per line. Without ``resume`` it is written to a
  temporary file in the same folder and renamed into place at the end (a
  crash leaves the old file or the new one, never half of one); with
  ``resume`` whole lines are appended and flushed article by article.
- ``OUT.done.jsonl``: one line per finished article (``doc_id``,
  ``content_hash``, number of claims), also for articles with no claim. It is
  the commit record: ``resume`` skips the articles listed there whose text is
  unchanged, and drops claim lines of articles it does not list (the tail of
  an interrupted run) before appending.
- ``OUT.errors.jsonl``: the articles that failed in this run (file, stage,
  message); they are tried again by the next ``resume``.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from .models import Article, ErrorRecord

ENGINES = ("local", "dask")

# --------------------------------------------------------------------------
# records that cross process boundaries (plain, picklable)


@dataclass(frozen=True)
class RunOptions:
    """What a worker needs to know besides its shard."""

    model: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD for articles without a date
    batch_size: int = 64


@dataclass(frozen=True)
class Shard:
    index: int
    files: tuple[tuple[str, str, int], ...]  # (path, doc_id, size in bytes)

    @property
    def nbytes(self) -> int:
        return sum(f[2] for f in self.files)


@dataclass
class ArticleResult:
    """One finished article: its claims as JSON lines (no newline)."""

    doc_id: str
    file: str
    content_hash: str
    lines: list[str]
    words: int
    warnings: list[str] = field(default_factory=list)
    nbytes: int = 0  # size of the file, on the first record from each file


@dataclass
class Skipped:
    """An article already in the output (``resume``)."""

    doc_id: str
    nbytes: int = 0


Record = Union[ArticleResult, ErrorRecord, Skipped]


# --------------------------------------------------------------------------
# sharding


def list_files(paths: Iterable[Union[str, Path]], absolute: bool = False) -> list[tuple[str, str, int]]:
    """``(path, doc_id, size)`` of every article file, in input order
    (``absolute`` paths for workers that do not share our working folder)."""
    from .ingest import iter_article_paths

    out = []
    for path, doc_id in iter_article_paths(paths):
        if absolute:
            path = Path(os.path.abspath(path))
        try:
            size = path.stat().st_size
        except OSError:  # dangling symlink, loop: the worker reports it
            size = 0
        out.append((str(path), doc_id, size))
    return out


def make_shards(files: Sequence[tuple[str, str, int]], *, batch_size: int = 64, workers: int = 1) -> list[Shard]:
    """Cut the file list into shards, in order.

    A shard holds at most ``batch_size`` files; with several workers shards
    are also cut at about a quarter of each worker's share of the bytes so
    the work balances. (Claims do not depend on how articles are batched,
    so the shard layout never changes the output.)
    """
    total = sum(f[2] for f in files)
    max_files = max(1, batch_size)
    if workers > 1 and files:
        max_files = max(1, min(max_files, math.ceil(len(files) / (workers * 4))))
        max_bytes = max(total / (workers * 4), 16_384)
    else:
        max_bytes = 4_000_000
    shards: list[Shard] = []
    cur: list[tuple[str, str, int]] = []
    cur_bytes = 0
    for f in files:
        if cur and (len(cur) >= max_files or cur_bytes + f[2] > max_bytes):
            shards.append(Shard(len(shards), tuple(cur)))
            cur, cur_bytes = [], 0
        cur.append(f)
        cur_bytes += f[2]
    if cur:
        shards.append(Shard(len(shards), tuple(cur)))
    return shards


# --------------------------------------------------------------------------
# the worker side

_NLP_LOCK = threading.Lock()  # a Dask worker may run tasks on several threads


@lru_cache(maxsize=4)
def worker_nlp(model: Optional[str] = None):
    """The claimsift pipeline, loaded once per process and model, warmed up
    outside any memory zone."""
    from .extract import warm_up
    from .nlp import load_nlp

    nlp = load_nlp(model)
    warm_up(nlp)
    return nlp


class DoneIndex:
    """``{doc_id: content_hash}`` of finished articles, grouped by the file
    they come from (``wire.jsonl:12`` belongs to ``wire.jsonl``), so each
    shard gets only its own entries."""

    def __init__(self, done: Optional[dict[str, str]] = None):
        self.groups: dict[str, dict[str, str]] = {}
        for doc_id, h in (done or {}).items():
            self.groups.setdefault(doc_id, {})[doc_id] = h
            base, sep, tail = doc_id.rpartition(":")
            if sep and tail.isdigit():
                self.groups.setdefault(base, {})[doc_id] = h

    def for_shard(self, shard: Shard) -> dict[str, str]:
        out: dict[str, str] = {}
        for _, doc_id, _ in shard.files:
            out.update(self.groups.get(doc_id, {}))
        return out


def _done_for_shard(done: Optional[DoneIndex], shard: Shard) -> dict[str, str]:
    return done.for_shard(shard) if done is not None else {}


def _read_shard(shard: Shard, opts: RunOptions) -> Iterator[tuple[Union[Article, ErrorRecord], int]]:
    from .ingest import read_article_file

    for path, doc_id, size in shard.files:
        first = True
        try:
            for item in read_article_file(Path(path), doc_id):
                if isinstance(item, Article) and item.published is None and opts.published:
                    item = item.model_copy(update={"published": opts.published})
                yield item, (size if first else 0)
                first = False
        except Exception as exc:  # a reader bug must not stop the batch
            yield ErrorRecord(file=path, doc_id=doc_id, stage="read",
                              message=f"{path}: cannot read: {type(exc).__name__}: {exc}"), (size if first else 0)


def iter_shard(shard: Shard, opts: RunOptions, done: Optional[dict[str, str]] = None) -> Iterator[Record]:
    """Records for every article in ``shard``, in order, batch by batch."""
    from .extract import _safe_process
    from .ingest import content_hash

    nlp = worker_nlp(opts.model)
    slots: list[Optional[Record]] = []
    pending: list[tuple[int, Article, str, int]] = []  # slot, article, hash, nbytes

    def flush() -> Iterator[Record]:
        if pending:
            with _NLP_LOCK:
                results = list(_safe_process(nlp, [p[1] for p in pending], opts.batch_size))
            for (slot, article, h, nbytes), res in zip(pending, results):
                if isinstance(res, ErrorRecord):
                    slots[slot] = res
                    continue
                _, claims = res
                slots[slot] = ArticleResult(
                    doc_id=article.doc_id,
                    file=article.source_path or article.doc_id,
                    content_hash=h,
                    lines=[c.model_dump_json() for c in claims],
                    words=len(article.text.split()),
                    warnings=list(article.warnings),
                    nbytes=nbytes,
                )
            pending.clear()
        yield from slots  # type: ignore[misc]
        slots.clear()

    for item, nbytes in _read_shard(shard, opts):
        if isinstance(item, ErrorRecord):
            slots.append(item)
            continue
        h = content_hash(item.text)
        if done and done.get(item.doc_id) == h:
            slots.append(Skipped(item.doc_id, nbytes))
            continue
        pending.append((len(slots), item, h, nbytes))
        slots.append(None)
        if len(pending) >= opts.batch_size:
            yield from flush()
    yield from flush()


def run_shard(shard: Shard, opts: RunOptions, done: Optional[dict[str, str]] = None) -> tuple[int, list[Record]]:
    """A whole shard's records (what a pool or Dask task returns)."""
    return shard.index, list(iter_shard(shard, opts, done))


def _pool_init(model: Optional[str]) -> None:
    # Ctrl-C goes to the whole process group: the parent handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_nlp(model)


# --------------------------------------------------------------------------
# engines: each yields lists of records, shard by shard, in input order


def _shard_failed(shard: Shard, exc: BaseException) -> list[Record]:
    return [
        ErrorRecord(file=path, doc_id=doc_id, stage="worker",
                    message=f"{path}: worker failed: {type(exc).__name__}: {exc}")
        for path, doc_id, _ in shard.files
    ]


def _in_order(results: Iterator[tuple[int, list[Record]]], first: int = 0) -> Iterator[list[Record]]:
    waiting: dict[int, list[Record]] = {}
    nxt = first
    for index, records in results:
        waiting[index] = records
        while nxt in waiting:
            yield waiting.pop(nxt)
            nxt += 1
    for index in sorted(waiting):  # pragma: no cover - only if a shard went missing
        yield waiting.pop(index)


def run_inline(shards: Sequence[Shard], opts: RunOptions, done: Optional[DoneIndex]) -> Iterator[list[Record]]:
    """This process: records as each article batch finishes."""
    for shard in shards:
        for rec in iter_shard(shard, opts, _done_for_shard(done, shard)):
            yield [rec]


def _mp_context():
    """fork when it is safe (Linux, no other thread in this process): the
    workers share the imported modules and start fast; else forkserver or
    spawn (forking a process that runs threads can deadlock)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def run_pool(shards: Sequence[Shard], opts: RunOptions, done: Optional[DoneIndex], jobs: int) -> Iterator[list[Record]]:
    """``jobs`` worker processes, each loading the pipeline once.

    A worker that dies (killed, out of memory) breaks the pool: the shards
    that were in it run again one at a time in a fresh pool; the one that
    breaks it again is reported as errors (stage ``worker``), one per file,
    and the run goes on.
    """
    window = jobs * 3
    todo = list(shards)
    todo.reverse()  # a stack: pop() gives the next shard

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(),
                                   initializer=_pool_init, initargs=(opts.model,))

    def results() -> Iterator[tuple[int, list[Record]]]:
        pool = new_pool()
        running: dict = {}
        suspects: list[Shard] = []  # shards that were in a pool when it broke
        lone_breaks = 0  # suspects in a row that broke a pool on their own
        try:
            while todo or running or suspects:
                if suspects:  # one at a time, so a shard that kills its worker is found
                    shard = suspects.pop(0)
                    try:
                        res = pool.submit(run_shard, shard, opts, _done_for_shard(done, shard)).result()
                        lone_breaks = 0
                    except BrokenProcessPool as exc:
                        lone_breaks += 1
                        if lone_breaks >= 3:  # not one bad shard: the workers cannot run at all
                            raise RuntimeError(f"worker processes keep dying ({exc}); try --jobs 1") from exc
                        res = (shard.index, _shard_failed(shard, exc))
                        _kill_pool(pool)
                        pool = new_pool()
                    except Exception as exc:
                        res = (shard.index, _shard_failed(shard, exc))
                    yield res
                    continue
                broken = False
                while todo and len(running) < window:
                    shard = todo.pop()
                    try:
                        running[pool.submit(run_shard, shard, opts, _done_for_shard(done, shard))] = shard
                    except BrokenProcessPool:
                        todo.append(shard)
                        broken = True
                        break
                if not broken and running:
                    finished, _ = wait(list(running), return_when=FIRST_COMPLETED)
                    for fut in finished:
                        try:
                            res = fut.result()
                        except BrokenProcessPool:
                            broken = True
                            continue  # stays in running: a suspect
                        except Exception as exc:
                            res = (running[fut].index, _shard_failed(running[fut], exc))
                        del running[fut]
                        yield res
                if broken:  # a worker died (killed, out of memory): every task in the pool is lost
                    suspects = sorted(running.values(), key=lambda sh: sh.index)
                    running.clear()
                    _kill_pool(pool)
                    pool = new_pool()
        except BaseException:
            _kill_pool(pool)
            raise
        else:
            pool.shutdown(wait=True)

    yield from _in_order(results())


def _kill_pool(pool: ProcessPoolExecutor) -> None:
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.terminate()
        except Exception:  # pragma: no cover
            pass


def dask_client(scheduler: Optional[str], jobs: int):
    """A client for ``scheduler`` or, without one, a LocalCluster of ``jobs``
    single-threaded worker processes. Returns ``(client, cluster or None)``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover
        raise RuntimeError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from exc
    if scheduler:
        return Client(scheduler), None
    import logging

    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(files: Sequence[tuple[str, str, int]], opts: RunOptions, done: Optional[DoneIndex], jobs: int,
             scheduler: Optional[str] = None, client=None) -> Iterator[list[Record]]:
    """Shards as Dask tasks, sized for the cluster's threads; each worker
    process keeps its pipeline loaded (:func:`worker_nlp` is cached per
    process)."""
    from dask.distributed import as_completed

    own = client is None
    cluster = None
    if own:
        client, cluster = dask_client(scheduler, jobs)
    try:
        workers = client.scheduler_info().get("workers", {})
        nworkers = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()) or jobs)
        shards = make_shards(files, batch_size=opts.batch_size, workers=max(nworkers, 2))
        window = nworkers * 3
        todo = list(shards)
        todo.reverse()
        token = f"{os.getpid()}-{time.time_ns()}"

        def submit(shard: Shard):
            return client.submit(run_shard, shard, opts, _done_for_shard(done, shard), pure=False,
                                 key=f"claimsift-shard-{token}-{shard.index}")

        def results() -> Iterator[tuple[int, list[Record]]]:
            futures = {}
            while todo and len(futures) < window:
                shard = todo.pop()
                futures[submit(shard)] = shard
            ac = as_completed(list(futures))
            for fut in ac:
                shard = futures.pop(fut)
                try:
                    yield fut.result()
                except Exception as exc:
                    yield shard.index, _shard_failed(shard, exc)
                finally:
                    fut.release()
                if todo:
                    nshard = todo.pop()
                    nfut = submit(nshard)
                    futures[nfut] = nshard
                    ac.add(nfut)

        yield from _in_order(results())
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


# --------------------------------------------------------------------------
# output files


def sidecar(output: Path, kind: str) -> Path:
    """``out.jsonl`` -> ``out.errors.jsonl`` / ``out.done.jsonl``."""
    stem = output.name[: -len(output.suffix)] if output.suffix else output.name
    return output.with_name(f"{stem}.{kind}.jsonl")


def _tmp_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def _rewrite(path: Path, lines: Iterable[str]) -> None:
    tmp = _tmp_for(path)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _iter_complete_lines(path: Path) -> Iterator[str]:
    """The lines of ``path`` that end in a newline (a torn last line is not
    one), read as a stream."""
    if not path.exists():
        return
    with open(path, "rb") as f:
        for raw in f:
            if raw.endswith(b"\n"):
                yield raw[:-1].decode("utf-8", errors="replace")


def _key(line: str) -> Optional[tuple[str, str]]:
    try:
        rec = json.loads(line)
        return rec["doc_id"], rec["content_hash"]
    except (json.JSONDecodeError, KeyError, TypeError):
        return None


def prepare_resume(output: Path) -> dict[str, str]:
    """Make ``output`` and its done list agree and return ``{doc_id: hash}``
    of the finished articles.

    An article counts as finished when the done list names it and the output
    holds exactly the number of claim lines recorded there; claim lines of
    any other article (the tail of an interrupted run, a torn last line) are
    dropped. Both files are read as streams; the output is rewritten (into a
    temporary file, renamed into place) only when something is dropped.
    """
    done_path = sidecar(output, "done")
    counts: dict[tuple[str, str], int] = {}
    n_lines = 0
    for line in _iter_complete_lines(output):
        n_lines += 1
        key = _key(line)
        if key is not None:
            counts[key] = counts.get(key, 0) + 1
    done: dict[str, str] = {}
    recorded: dict[str, int] = {}
    for line in _iter_complete_lines(done_path):
        try:
            e = json.loads(line)
            doc_id, h, n = e["doc_id"], e["content_hash"], int(e.get("claims", 0))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            continue
        done.pop(doc_id, None)
        recorded.pop(doc_id, None)
        if counts.get((doc_id, h), 0) == n:
            done[doc_id] = h
            recorded[doc_id] = n
    kept = sum(n for (doc_id, h), n in counts.items() if done.get(doc_id) == h)
    torn = output.exists() and output.stat().st_size > 0 and not _ends_with_newline(output)
    if torn or kept != n_lines:
        _rewrite(output, (line for line in _iter_complete_lines(output)
                          if (k := _key(line)) is not None and done.get(k[0]) == k[1]))
    _rewrite(done_path, (json.dumps({"doc_id": d, "content_hash": h, "claims": recorded[d]}, ensure_ascii=False)
                         for d, h in done.items()))
    return done


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


# --------------------------------------------------------------------------
# progress


class Progress:
    """A one-line progress display on stderr (only on a terminal)."""

    def __init__(self, total_bytes: int, enabled: bool, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def echo(self, message: str) -> None:
        self.clear()
        self.stream.write(message + "\n")
        self.stream.flush()

    def update(self, stats: "Stats", force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.25:
            return
        self._last = now
        elapsed = max(now - self.start, 1e-6)
        wps = stats.words / elapsed
        eta = "?"
        if stats.bytes_done and self.total_bytes:
            left = max(self.total_bytes - stats.bytes_done, 0) * elapsed / stats.bytes_done
            eta = f"{int(left // 60)}:{int(left % 60):02d}"
        line = (f"{stats.articles} articles, {stats.claims} claims, {stats.errors} errors, "
                f"{wps:,.0f} words/s, ETA {eta}")
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self._shown = True


@dataclass
class Stats:
    articles: int = 0
    claims: int = 0
    errors: int = 0
    skipped: int = 0
    words: int = 0
    bytes_done: int = 0
    seconds: float = 0.0
    error_path: Optional[Path] = None
    interrupted: bool = False

    def summary(self) -> str:
        wps = self.words / self.seconds if self.seconds > 0 else 0.0
        msg = f"{self.articles} articles, {self.claims} claims, {self.errors} errors"
        if self.skipped:
            msg += f", {self.skipped} already done"
        msg += f" in {self.seconds:.1f}s ({wps:,.0f} words/s)"
        if self.errors and self.error_path is not None:
            msg += f" (see {self.error_path})"
        if self.interrupted:
            msg += "; interrupted"
        return msg


# --------------------------------------------------------------------------
# the run


def run_batch(
    paths: Sequence[Union[str, Path]],
    output: Optional[Path] = None,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: Optional[str] = None,
    resume: bool = False,
    options: RunOptions = RunOptions(),
    progress: Optional[Progress] = None,
    on_message: Optional[Callable[[str], None]] = None,
    stdout=None,
    client=None,
) -> Stats:
    """Extract claims from ``paths`` into ``output`` (JSONL; stdout when
    None). Returns the counts; raises only for usage problems (missing
    paths, ``resume`` without an output) and on interruption (after leaving
    the files whole)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if resume and output is None:
        raise ValueError("--resume needs an output file (-o)")
    jobs = max(1, int(jobs))
    say = on_message or (lambda m: None)
    stats = Stats()
    t0 = time.monotonic()

    files = list_files(paths, absolute=bool(engine == "dask" and (scheduler or client is not None)))
    if output is not None:  # an output folder inside the input: never read our own files back
        ours = {os.path.realpath(p) for p in (output, sidecar(Path(output), "done"), sidecar(Path(output), "errors"))}
        files = [f for f in files if os.path.realpath(f[0]) not in ours]
    total_bytes = sum(f[2] for f in files)
    if progress is None:
        progress = Progress(total_bytes, enabled=False)
    progress.total_bytes = total_bytes

    done: dict[str, str] = {}
    if output is not None:
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        if resume:
            done = prepare_resume(output)
    index = DoneIndex(done)
    if engine == "dask":
        batches = run_dask(files, options, index, jobs, scheduler, client=client)
    else:
        shards = make_shards(files, batch_size=options.batch_size, workers=jobs)
        if jobs > 1 and len(shards) > 1:
            batches = run_pool(shards, options, index, jobs)
        else:
            batches = run_inline(shards, options, index)

    errors: list[ErrorRecord] = []
    superseded: dict[str, str] = {}
    err_path = sidecar(output, "errors") if output is not None else None
    done_path = sidecar(output, "done") if output is not None else None
    tmp_out = tmp_done = None
    if output is None:
        out = stdout or sys.stdout
        done_f = None
    elif resume:
        out = open(output, "a", encoding="utf-8", newline="\n")
        done_f = open(done_path, "a", encoding="utf-8", newline="\n")
    else:
        tmp_out, tmp_done = _tmp_for(output), _tmp_for(done_path)
        out = open(tmp_out, "w", encoding="utf-8", newline="\n")
        done_f = open(tmp_done, "w", encoding="utf-8", newline="\n")

    ok = False
    try:
        for batch in batches:
            for rec in batch:
                if isinstance(rec, Skipped):
                    stats.skipped += 1
                    stats.bytes_done += rec.nbytes
                    continue
                if isinstance(rec, ErrorRecord):
                    errors.append(rec)
                    stats.errors += 1
                    say(f"error: {rec.message}")
                    continue
                stats.bytes_done += rec.nbytes
                for w in rec.warnings:
                    say(f"warning: {w}")
                if resume and rec.doc_id in done and done[rec.doc_id] != rec.content_hash:
                    superseded[rec.doc_id] = done[rec.doc_id]
                if rec.lines:
                    out.write("\n".join(rec.lines) + "\n")
                if done_f is not None:
                    done_f.write(json.dumps({"doc_id": rec.doc_id, "content_hash": rec.content_hash,
                                             "claims": len(rec.lines)}, ensure_ascii=False) + "\n")
                if resume:  # whole lines on disk, article by article
                    out.flush()
                    done_f.flush()
                stats.articles += 1
                stats.claims += len(rec.lines)
                stats.words += rec.words
            progress.update(stats)
        ok = True
    except KeyboardInterrupt:
        stats.interrupted = True
        raise
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()  # stops worker processes / the Dask client
        progress.clear()
        stats.seconds = time.monotonic() - t0
        if output is None:
            out.flush()
        else:
            if ok and not resume:  # on disk before it is renamed into place
                for f in (out, done_f):
                    f.flush()
                    os.fsync(f.fileno())
            out.close()
            done_f.close()
            if not resume:
                if ok:
                    done_path.unlink(missing_ok=True)  # never a done list newer than the output
                    os.replace(tmp_out, output)
                    os.replace(tmp_done, done_path)
                else:
                    tmp_out.unlink(missing_ok=True)
                    tmp_done.unlink(missing_ok=True)
            elif ok and superseded:
                _drop_superseded(output, done_path, superseded)
            if ok or errors:
                _write_errors(err_path, errors)
    stats.error_path = err_path if errors else None
    return stats


def _write_errors(path: Path, errors: list[ErrorRecord]) -> None:
    if errors:
        _rewrite(path, (e.model_dump_json() for e in errors))
    else:
        path.unlink(missing_ok=True)


def _drop_superseded(output: Path, done_path: Path, old: dict[str, str]) -> None:
    """After a resume that re-read changed articles: drop their old claims
    and done entries."""
    def stale(line: str) -> bool:
        try:
            rec = json.loads(line)
            return old.get(rec.get("doc_id")) == rec.get("content_hash")
        except (json.JSONDecodeError, AttributeError):
            return False

    for path in (output, done_path):
        _rewrite(path, (line for line in _iter_complete_lines(path) if not stale(line)))
