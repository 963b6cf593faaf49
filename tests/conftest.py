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


@pytest.fixture(scope="session")
def extract_with_requests(extract):
    """extract(), keeping reported requests ("urged the board to act"), which
    claimsift's claims leave out and attribution benchmarks count: for the
    tests of the request frames themselves."""
    from pipeline.attribution import KEEP_REQUESTS

    def run(text, published=None, **kw):
        token = KEEP_REQUESTS.set(True)
        try:
            return extract(text, published=published, **kw)
        finally:
            KEEP_REQUESTS.reset(token)

    return run
