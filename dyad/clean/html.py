"""HTML pages to article text and metadata, through trafilatura (no network)."""

from __future__ import annotations

from typing import Any

from dyad.errors import DyadError, Errors


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """The main text of an HTML page and the metadata trafilatura found; E006 if none."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise DyadError(Errors.E006)
    meta: dict[str, Any] = {}
    for key, attr in (("title", "title"), ("outlet", "sitename"), ("published", "date"), ("url", "url")):
        value = getattr(doc, attr, None)
        if value:
            meta[key] = value
    author = getattr(doc, "author", None)
    if author:
        meta["authors"] = [a.strip() for a in str(author).split(";") if a.strip()]
    return text, meta
