"""dyad: who did what to whom, who said what, and which figures, from news about relations between states.

Public API::

    import dyad
    nlp = dyad.load()                       # the spaCy pipeline with dyad's components
    record = dyad.extract(text, published="2024-06-19")   # one dyad.document/1 record
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError, Errors
from dyad.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Corpus",
    "DyadError",
    "Errors",
    "Settings",
    "__version__",
    "extract",
    "extract_records",
    "load",
    "load_settings",
]

if TYPE_CHECKING:
    from dyad.corpus import Corpus
    from dyad.extraction import extract, extract_records
    from dyad.pipeline import load


def __getattr__(name: str) -> Any:
    # Lazy: `import dyad` stays cheap (no spaCy import) until a function is used.
    if name in {"extract", "extract_records"}:
        from dyad import extraction as module

        return getattr(module, name)
    if name == "load":
        from dyad.pipeline import load

        return load
    if name == "Corpus":
        from dyad.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")
