"""Loading and validating the rule files in ``models/``.

Rule files are data: JSONL (one rule per line) or JSON. Each file is
validated on load against a pydantic model with whitelisted keys; a bad file
fails loudly with :class:`RuleFileError` naming the file, the line and the
key.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class RuleFileError(ValueError):
    """A rule file in models/ is malformed."""


def rules_dir() -> Path:
    """The folder holding the rule files.

    In a source checkout (or an editable install) that is ``models/`` beside
    the package; a regular install ships the same files as
    ``pipeline/rule_data/``.
    """
    here = Path(__file__).resolve().parent
    installed = here / "rule_data"
    if installed.is_dir() and any(installed.glob("*.json*")):
        return installed
    return here.parent / "models"


def rule_path(name: str) -> Path:
    path = rules_dir() / name
    if not path.is_file():
        raise RuleFileError(f"{path}: rule file not found")
    return path


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(record)"
        parts.append(f"key '{loc}': {e['msg']}")
    return "; ".join(parts)


def parse_jsonl_rules(text: str, model: type[M], source: str) -> list[M]:
    """Parse and validate JSONL rule text; ``source`` names it in errors.

    Blank lines and lines starting with ``//`` are comments.
    """
    rules: list[M] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"{source}:{lineno}: invalid JSON: {exc.msg}") from None
        if not isinstance(data, dict):
            raise RuleFileError(f"{source}:{lineno}: expected a JSON object")
        try:
            rules.append(model.model_validate(data))
        except ValidationError as exc:
            raise RuleFileError(f"{source}:{lineno}: {_describe(exc)}") from None
    return rules


def load_jsonl_rules(name: str, model: type[M], path: Path | None = None) -> list[M]:
    """Load ``models/<name>`` (or ``path``) as JSONL, one ``model`` per line."""
    p = path or rule_path(name)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(f"{p}: cannot read: {exc.strerror}") from None
    return parse_jsonl_rules(text, model, str(p))


def load_json_rules(name: str, model: type[M], path: Path | None = None) -> M:
    """Load ``models/<name>`` (or ``path``) as one JSON document."""
    p = path or rule_path(name)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleFileError(f"{p}: cannot read: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise RuleFileError(f"{p}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RuleFileError(f"{p}: {_describe(exc)}") from None


@lru_cache(maxsize=None)
def cached_jsonl(name: str, model: type[M]) -> tuple[M, ...]:
    """Load a shipped JSONL rule file once per process."""
    return tuple(load_jsonl_rules(name, model))
