"""The one place a processed ``Doc`` becomes a ``dyad.document/1`` record (and errors become error records)."""

from __future__ import annotations

import hashlib
from typing import Any

from spacy.tokens import Doc

from dyad.errors import DyadError
from dyad.pipeline.extensions import doc_text
from dyad.records import DocMeta

SCHEMA_ID = "dyad.document/1"


def document_id(text: str) -> str:
    """The document id: the first 16 hex digits of the SHA-256 of the clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def source_of(meta: DocMeta) -> dict[str, Any]:
    return {"id": meta.source_id, "path": meta.path, "url": meta.url}


def base_record(text: str, meta: DocMeta) -> dict[str, Any]:
    """The record's metadata part, with empty analyses (used as is for unanalysed text)."""
    record: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "id": document_id(text),
        "source": source_of(meta),
        "title": meta.title,
        "outlet": meta.outlet,
        "authors": list(meta.authors),
        "published": meta.published,
        "published_basis": meta.published_basis,
        "dateline": meta.dateline,
        "language": meta.language,
        "text": text,
        "dropped": list(meta.dropped),
        "actors": [],
        "events": [],
        "quotes": [],
        "amounts": [],
        "times": [],
        "places": [],
    }
    if meta.warnings:
        record["warnings"] = list(meta.warnings)
    return record


def doc_to_record(doc: Doc, explain: bool = False) -> dict[str, Any]:
    """Serialise a processed ``Doc`` (its ``doc._.meta`` and every stage's extension)."""
    meta: DocMeta = doc._.meta or DocMeta()
    record = base_record(doc_text(doc), meta)
    # published may have been inferred by the temporal stage
    record["published"] = meta.published
    record["published_basis"] = meta.published_basis
    actors = doc._.actors or {}
    record["actors"] = [a.to_dict() for a in actors.values()]
    record["events"] = [e.to_dict(explain=explain) for e in doc._.events or []]
    record["quotes"] = [q.to_dict() for q in doc._.quotes or []]
    record["amounts"] = [a.to_dict() for a in doc._.amounts or []]
    record["times"] = [t.to_dict() for t in doc._.times or []]
    record["places"] = [p.to_dict() for p in doc._.places or []]
    return record


def error_record(source: dict[str, Any], error: DyadError) -> dict[str, Any]:
    return {"schema": SCHEMA_ID, "source": source, "error": error.to_record()}
