"""Shared fixtures: one loaded pipeline for the whole test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, published=None) -> list[Claim] with the shared pipeline."""
    from pipeline.extract import extract_claims

    def run(text, published=None, **kw):
        return extract_claims(text, published=published, nlp=nlp, **kw)

    return run
