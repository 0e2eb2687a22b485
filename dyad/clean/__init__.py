"""Cleaning: raw scraped text or HTML in, clean article body and metadata out.

``prepare(record)`` is the one entry point: HTML goes through ``html.html_to_text`` (trafilatura
finds the article, then the cleaner drops captions, bylines and cue lines in it); text goes
through ``cleaner.clean_text`` (the body segment of the page; boilerplate, captions, bylines,
repeated highlights dropped and recorded); ``metadata.find_metadata`` reads title, authors,
outlet, date and dateline from what was dropped and kept; an HTML page's meta tags beat its
text; given metadata always wins (``published_basis`` "given", else "text").
"""

from __future__ import annotations

from typing import Any

from dyad.clean.cleaner import Cleaned, clean_text
from dyad.clean.html import html_to_text
from dyad.clean.language import detect_language
from dyad.clean.metadata import clean_name, find_metadata
from dyad.errors import DyadError, Errors
from dyad.io.readers import InputRecord
from dyad.records import DocMeta

__all__ = ["Cleaned", "clean_text", "prepare"]


def _given(record: InputRecord) -> dict[str, Any]:
    return {k: v for k, v in record.meta.items() if v not in (None, "", [])}


def prepare(record: InputRecord) -> tuple[str, DocMeta]:
    """The clean body and metadata of one input record, or ``DyadError`` (E006, E011, E012)."""
    html_meta: dict[str, Any] = {}
    if record.html is not None:
        raw, html_meta = html_to_text(record.html)
    else:
        raw = record.text or ""
    cleaned = clean_text(raw, extracted=record.html is not None)
    if not cleaned.text.strip():
        raise DyadError(Errors.E011)
    found = find_metadata(raw, cleaned)
    # an HTML page's own meta tags are more reliable than what its text says
    found.update({k: v for k, v in html_meta.items() if v})
    if found.get("outlet"):
        found["outlet"] = clean_name(str(found["outlet"])) or None
    given = _given(record)
    url = given.get("url") or found.get("url")
    meta = DocMeta(source_id=record.id, path=record.path, url=str(url) if url else None)
    meta.title = str(given.get("title") or found.get("title") or "") or None
    meta.outlet = str(given.get("outlet") or found.get("outlet") or "") or None
    authors = given.get("authors") or found.get("authors") or []
    meta.authors = [authors] if isinstance(authors, str) else [str(a) for a in authors]
    if given.get("published"):
        meta.published = _check_date(str(given["published"]))
        meta.published_basis = "given"
    elif found.get("published"):
        meta.published = str(found["published"])
        meta.published_basis = "text"
    dateline = found.get("dateline")
    meta.dateline = str(dateline) if dateline else None
    meta.dropped = cleaned.dropped
    meta.language = detect_language(cleaned.text)
    if meta.language != "en":
        meta.warnings.append(DyadError(Errors.E010, language=meta.language).to_record())
    return cleaned.text, meta


def _check_date(value: str) -> str:
    from datetime import date, datetime

    try:
        datetime.fromisoformat(value)
    except ValueError:
        try:
            date.fromisoformat(value[:10])
        except ValueError as e:
            raise DyadError(Errors.E012, detail=f"published={value!r} is not an ISO date") from e
    return value
