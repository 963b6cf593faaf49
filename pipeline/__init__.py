"""claimsift: attributed claims from news articles.

``from pipeline import extract_claims, iter_extract`` is the Python API; the
names load lazily so that ``pipeline.models`` can be used without spaCy.
"""

__version__ = "0.1.0"

__all__ = ["extract_claims", "extract_articles", "iter_extract", "Claim", "Article", "ErrorRecord"]


def __getattr__(name):
    if name in ("extract_claims", "extract_articles", "iter_extract"):
        from . import extract

        return getattr(extract, name)
    if name in ("Claim", "Article", "ErrorRecord"):
        from . import models

        return getattr(models, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
