"""``claimsift review``, ``show`` and ``stats``: click commands.

Each is a plain ``click.Command``; the main CLI group adds them with
``group.add_command(review)`` etc. They only parse options and call
:mod:`pipeline.review`.

Exit codes: 0 when every line was read, 1 when some lines were bad (each
named on stderr as ``FILE:LINE: problem``, the rest still shown), 2 on usage
errors (click's own: bad option, missing file).
"""

from __future__ import annotations

import json
import shutil
import sys

import click

from . import review as rv
from .models import LEVELS

EXIT_BAD_LINES = 1

_claims_arg = click.argument(
    "claims_path",
    metavar="CLAIMS.jsonl",
    type=click.Path(exists=True, dir_okay=False, allow_dash=True),
)


def _read(claims_path: str):
    try:
        claims, errors = rv.read_claims(claims_path)
    except OSError as exc:
        raise click.FileError(claims_path, hint=str(exc.strerror or exc))
    return claims, errors


def _report(errors: list[str], limit: int = 20) -> None:
    """Name the bad lines on stderr (the first ``limit``, then a count)."""
    for msg in errors[:limit]:
        click.echo(msg, err=True)
    if len(errors) > limit:
        click.echo(f"… and {len(errors) - limit} more bad lines", err=True)
    if errors:
        click.echo(
            f"{len(errors)} line{'s' if len(errors) != 1 else ''} skipped; the rest is shown.",
            err=True,
        )


def _filter_options(f):
    options = [
        click.option("--speaker", "-s", multiple=True, help="Part of the speaker's name or mention; AUTHOR for the article's own voice. Repeat for several."),
        click.option("--level", "-l", multiple=True, type=click.Choice(LEVELS, case_sensitive=False), help="Certainty level. Repeat for several."),
        click.option("--kind", "-k", multiple=True, help="Claim kind (direct, indirect, according_to, …). Repeat for several."),
        click.option("--polarity", "-p", type=click.Choice(["positive", "negative"], case_sensitive=False), help="Polarity."),
        click.option("--doc", "-d", multiple=True, help="Article doc_id, or a part of it. Repeat for several."),
        click.option("--text", "-t", help="Words that must all occur in the claim or its sentence."),
    ]
    for opt in reversed(options):
        f = opt(f)
    return f


def _filtered(claims, speaker, level, kind, polarity, doc, text):
    return rv.filter_claims(
        claims,
        speaker=speaker or None,
        level=level or None,
        kind=kind or None,
        polarity=polarity,
        doc=doc or None,
        text=text,
    )


@click.command()
@_claims_arg
@click.option(
    "-o", "--output", "output", default="review.html", show_default=True,
    type=click.Path(dir_okay=False, writable=True),
    help="Where to write the review page.",
)
@click.option("--title", help="Page title (default: from the file name).")
def review(claims_path: str, output: str, title: str | None) -> None:
    """Write a review page for CLAIMS.jsonl: one self-contained HTML file.

    Open it in a browser (no network needed): claims grouped by article, the
    speaker, cue, claim, certainty cues and dates highlighted; filters, a
    speaker index and per-speaker timelines. Mark claims right or wrong and
    export the marks as gold JSONL for `claimsift eval`.
    """
    try:
        n, errors = rv.write_review(claims_path, output, title=title)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}")
    _report(errors)
    click.echo(f"Wrote {output}: {n} claim{'s' if n != 1 else ''}.", err=True)
    if errors:
        sys.exit(EXIT_BAD_LINES)


@click.command()
@_claims_arg
@_filter_options
@click.option("--width", "-w", type=click.IntRange(min=0), help="Table width (default: the terminal's; 0 or a pipe: no limit).")
def show(claims_path, speaker, level, kind, polarity, doc, text, width) -> None:
    """Show the claims in CLAIMS.jsonl as a table, grouped by article.

    Long claims are cut to the terminal width; when the output is not a
    terminal it is plain text, one full claim per line.
    """
    claims, errors = _read(claims_path)
    _report(errors)
    chosen = _filtered(claims, speaker, level, kind, polarity, doc, text)
    tty = sys.stdout.isatty()
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns if tty else 0
    click.echo(rv.format_table(chosen, width=width or None, color=tty), nl=False)
    if len(chosen) != len(claims):
        click.echo(f"{len(chosen)} of {len(claims)} claims", err=True)
    if errors:
        sys.exit(EXIT_BAD_LINES)


@click.command()
@_claims_arg
@_filter_options
@click.option("--top", type=click.IntRange(min=1), help="Show only the first N speakers and articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(claims_path, speaker, level, kind, polarity, doc, text, top, as_json) -> None:
    """Count the claims in CLAIMS.jsonl by speaker, level, polarity, kind and article."""
    claims, errors = _read(claims_path)
    _report(errors)
    chosen = _filtered(claims, speaker, level, kind, polarity, doc, text)
    result = rv.compute_stats(chosen)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(rv.format_stats(result, top=top), nl=False)
    if errors:
        sys.exit(EXIT_BAD_LINES)


commands = [review, show, stats]
