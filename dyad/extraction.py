"""Plain functions the CLI, the API server and the engines all call: records in, documents out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dyad.clean import prepare
from dyad.errors import DyadError, Errors
from dyad.io.readers import InputError, InputRecord, record_from_text
from dyad.pipeline import load
from dyad.pipeline.extensions import doc_text, remember_text
from dyad.serialize import base_record, doc_to_record, error_record
from dyad.settings import Settings, load_settings


def extract(text: str | None = None, *, html: str | None = None, nlp: Language | None = None,
            settings: Settings | None = None, explain: bool = False, **metadata: Any) -> dict[str, Any]:
    """Extract one document. ``metadata``: id, url, published, title, outlet, authors, path.

    Returns a ``dyad.document/1`` record, or an error record (``{"error": {...}}``) for bad input.
    """
    rid = metadata.pop("id", None)
    path = metadata.pop("path", None)
    if html is not None:
        record: InputRecord | InputError = InputRecord(id=rid, html=html, path=path, meta=metadata)
    else:
        record = record_from_text(text or "", id=rid, path=path, **metadata)
    return next(extract_records([record], nlp=nlp, settings=settings, explain=explain))


def _prepare_all(items: Iterable[InputRecord | InputError], nlp: Language
                 ) -> Iterator[tuple[InputRecord | InputError, Doc | dict[str, Any]]]:
    """Pair each input with a ready ``Doc`` (to analyse) or a finished record (error or skipped)."""
    for item in items:
        if isinstance(item, InputError):
            yield item, error_record(item.source, item.error)
            continue
        try:
            text, meta = prepare(item)
        except DyadError as e:
            yield item, error_record(item.source, e)
            continue
        if meta.language != "en":
            yield item, base_record(text, meta)
            continue
        if len(text) > nlp.max_length:  # spaCy's own bound on a document's length
            yield item, error_record(item.source, DyadError(Errors.E009, size=len(text), limit=nlp.max_length))
            continue
        doc = nlp.make_doc(text)
        remember_text(doc, text)
        doc._.meta = meta
        yield item, doc


def extract_records(items: Iterable[InputRecord | InputError], *, nlp: Language | None = None,
                    settings: Settings | None = None, explain: bool = False,
                    batch_size: int | None = None) -> Iterator[dict[str, Any]]:
    """Documents for ``items``, in input order, one per item; bad items give error records."""
    settings = settings or load_settings()
    nlp = nlp or load(settings=settings)
    size = batch_size or settings.batch_size
    pending: list[tuple[InputRecord | InputError, Doc | dict[str, Any]]] = []

    def flush() -> Iterator[dict[str, Any]]:
        docs = [d for _, d in pending if isinstance(d, Doc)]
        done = iter(_analyse(docs, nlp, size, explain))
        for _, d in pending:
            yield next(done) if isinstance(d, Doc) else d
        pending.clear()

    for pair in _prepare_all(items, nlp):
        pending.append(pair)
        if len(pending) >= size:
            yield from flush()
    yield from flush()


def _analyse(docs: list[Doc], nlp: Language, size: int, explain: bool) -> Iterator[dict[str, Any]]:
    """Run the pipeline over ``docs``; a document that fails alone becomes an error record."""
    if not docs:
        return
    try:
        processed: list[Doc | DyadError] = list(nlp.pipe(docs, batch_size=size))
    except Exception:  # one bad document must not sink the batch: retry one by one
        processed = []
        for doc in docs:
            text = doc_text(doc)
            fresh = nlp.make_doc(text)  # the failed batch may have annotated ``doc`` halfway
            remember_text(fresh, text)
            fresh._.meta = doc._.meta
            try:
                processed.append(nlp(fresh))
            except Exception as e:
                processed.append(DyadError(Errors.E201, stage="pipeline", detail=f"{type(e).__name__}: {e}"))
    for doc, out in zip(docs, processed, strict=True):
        if isinstance(out, DyadError):
            yield error_record(_source(doc), out)
            continue
        try:
            yield doc_to_record(out, explain=explain)
        except Exception as e:
            yield error_record(_source(doc), DyadError(Errors.E201, stage="serialize", detail=str(e)))


def _source(doc: Doc) -> dict[str, Any]:
    meta = doc._.meta
    return {"id": meta.source_id, "path": meta.path, "url": meta.url} if meta else {}
