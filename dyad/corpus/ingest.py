"""Ingest: dyad.document/1 records (or files to extract) into the corpus store.

One transaction per document. A document already stored (same id: same clean text) is left
alone, so ingesting the same articles again changes nothing; a near-duplicate joins its group
(``dyad.corpus.dedup``); error records go to the ``errors`` table, once per source and error.
After its rows are written, a document's events are merged into incidents (``dyad.corpus.merge``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from dyad.corpus import dedup
from dyad.corpus.merge import Merger
from dyad.corpus.sentences import sentence_of, sentence_starts
from dyad.corpus.store import (
    WRITE_TRIES,
    Actor,
    Amount,
    Document,
    DocumentBand,
    DocumentGroup,
    ErrorRecord,
    Event,
    Incident,
    IncidentEvent,
    Mention,
    Place,
    Quote,
    Store,
    TimeExpression,
    backoff,
)
from dyad.errors import DyadError, Errors

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
"""What ``dyad ingest`` picks up when it walks a folder."""
SCHEMA_ID = "dyad.document/1"  # as dyad.serialize.SCHEMA_ID (not imported: it pulls in spaCy)


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    grouped: int = 0
    """Added documents that joined an existing near-duplicate group."""
    errors: int = 0
    replaced: int = 0
    """Documents stored again with new analyses (``replace=True``)."""
    seconds: float = 0.0
    ids: list[str] = field(default_factory=list)

    @property
    def ok(self) -> int:
        return self.added + self.unchanged + self.replaced

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "unchanged": self.unchanged, "grouped": self.grouped,
                "replaced": self.replaced, "errors": self.errors, "seconds": round(self.seconds, 3)}


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, with folders walked recursively for ``INPUT_SUFFIXES`` (sorted, hidden files skipped)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found = [f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES
                     and not any(part.startswith(".") for part in f.relative_to(path).parts)]
            out.extend(str(f) for f in sorted(found))
        else:
            out.append(p)
    return out


def _insert_ignore(s: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL; merge elsewhere."""
    if not rows:
        return
    dialect = s.get_bind().dialect.name
    if dialect == "sqlite":
        s.execute(sqlite.insert(model).values(rows).on_conflict_do_nothing())
    elif dialect == "postgresql":
        s.execute(postgresql.insert(model).values(rows).on_conflict_do_nothing())
    else:
        for row in rows:
            s.merge(model(**row))


def _country_of(actors: dict[str, dict[str, Any]], actor_id: str | None) -> str | None:
    if not actor_id:
        return None
    actor = actors.get(actor_id) or {}
    return actor.get("country") or actor_id


def _is_span(obj: Any) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) \
        and isinstance(obj.get("text"), str)


def invalid_reason(rec: Any) -> str | None:
    """Why a record cannot be stored (what ingest relies on), or None when it can."""
    if not isinstance(rec, dict):
        return "not an object"
    if not isinstance(rec.get("id"), str) or not rec["id"]:
        return "no document id"
    if not isinstance(rec.get("text"), str):
        return "no text"
    for key in ("actors", "events", "quotes", "amounts", "times", "places"):
        if not isinstance(rec.get(key) or [], list):
            return f"{key} is not a list"
    for a in rec.get("actors") or []:
        if not isinstance(a, dict) or not isinstance(a.get("id"), str) or not a["id"]:
            return "an actor has no id"
        if not all(_is_span(m) for m in a.get("mentions") or []):
            return f"a mention of actor {a['id']!r} has no offsets"
    for e in rec.get("events") or []:
        if not isinstance(e, dict) or not isinstance(e.get("type"), str) or not _is_span(e.get("evidence")):
            return "an event has no type or evidence"
        if e.get("location") is not None and not isinstance(e["location"], dict):
            return "an event location is not an object"
    for key in ("quotes", "amounts", "times"):
        if not all(_is_span(x) for x in rec.get(key) or []):
            return f"an item of {key} has no offsets"
    for a in rec.get("amounts") or []:
        if not isinstance(a.get("value"), int | float) or isinstance(a.get("value"), bool):
            return "an amount has no numeric value"
    for p in rec.get("places") or []:
        if not isinstance(p, dict) or not isinstance(p.get("name"), str):
            return "a place has no name"
    return None


def error_id(record: dict[str, Any]) -> str:
    src = record.get("source") or {}
    err = record.get("error") or {}
    key = json.dumps([src.get("id"), src.get("path"), src.get("url"), err.get("code"), err.get("message")],
                     sort_keys=True, default=str)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


class Ingester:
    """Writes records into a store, one transaction per document."""

    def __init__(self, store: Store, replace: bool = False) -> None:
        self.store = store
        self.replace = replace
        """Re-store documents already present (after better extraction): same id, number and group,
        new analyses; their old events leave their incidents first."""

    def exists(self, document_id: str) -> bool:
        with self.store.session() as s:
            return s.get(Document, document_id) is not None

    def add(self, record: dict[str, Any], report: IngestReport) -> str:
        """Store one record; returns 'added', 'grouped', 'unchanged' or 'error'.

        A record that lacks what the store needs is stored as an error record (E306) instead."""
        reason = None if "error" in record else invalid_reason(record)
        if reason:
            src = record.get("source") if isinstance(record.get("source"), dict) else {}
            record = {"schema": SCHEMA_ID, "source": src,
                      "error": DyadError(Errors.E306, detail=reason).to_record()}
        for attempt in range(WRITE_TRIES):
            try:
                with self.store.write_session() as s:
                    outcome = self._add_error(s, record) if "error" in record else self._add_document(s, record)
                break
            except IntegrityError as e:  # a writer outside the write lock stored the same rows first
                if "error" in record or self.exists(record["id"]):
                    outcome = "error" if "error" in record else "unchanged"
                    break
                if attempt == WRITE_TRIES - 1:
                    raise DyadError(Errors.E302, tries=attempt + 1, detail=str(e.orig)) from e
                backoff(attempt)
            except OperationalError as e:
                if "locked" not in str(e).lower() or attempt == WRITE_TRIES - 1:
                    raise DyadError(Errors.E302, tries=attempt + 1, detail=str(e.orig)) from e
                backoff(attempt)
        if outcome == "error":
            report.errors += 1
        elif outcome == "unchanged":
            report.unchanged += 1
        elif outcome == "replaced":
            report.replaced += 1
        else:
            report.added += 1
            report.grouped += outcome == "grouped"
        if "id" in record:
            report.ids.append(record["id"])
        return outcome

    def _add_error(self, s: Session, record: dict[str, Any]) -> str:
        src = record.get("source") or {}
        err = record.get("error") or {}
        rid = error_id(record)
        if s.get(ErrorRecord, rid) is None:
            s.add(ErrorRecord(id=rid, source_id=_str(src.get("id")), path=src.get("path"), url=src.get("url"),
                              code=str(err.get("code") or "E000"), message=str(err.get("message") or "")))
        return "error"

    def _add_document(self, s: Session, rec: dict[str, Any]) -> str:
        doc_id = rec["id"]
        stored = s.get(Document, doc_id)
        if stored is not None:
            if not self.replace:
                return "unchanged"
            self._clear(s, stored)
            published = rec.get("published")
            for key in ("title", "outlet", "published_basis", "dateline", "language"):
                setattr(stored, key, rec.get(key))
            stored.authors = list(rec.get("authors") or [])
            stored.dropped = list(rec.get("dropped") or [])
            stored.published = published
            stored.published_date = published[:10] if published else None
            s.flush()
            self._add_children(s, stored, rec)
            return "replaced"
        text = rec.get("text") or ""
        starts = sentence_starts(text)
        signature = dedup.minhash(text)
        band_hashes = dedup.bands(signature)
        group_id, joined = self._group_for(s, doc_id, signature, band_hashes)
        seq = (s.scalar(select(func.max(Document.seq))) or 0) + 1
        published = rec.get("published")
        doc = Document(
            id=doc_id, seq=seq, group_id=group_id, source_id=_str((rec.get("source") or {}).get("id")),
            path=(rec.get("source") or {}).get("path"), url=(rec.get("source") or {}).get("url"),
            title=rec.get("title"), outlet=rec.get("outlet"), authors=list(rec.get("authors") or []),
            published=published, published_date=published[:10] if published else None,
            published_basis=rec.get("published_basis"), dateline=rec.get("dateline"),
            language=rec.get("language"), text=text, dropped=list(rec.get("dropped") or []),
            sentences=starts, minhash=signature)
        if not joined:
            s.add(DocumentGroup(id=group_id, primary_id=doc_id, size=1))
            s.flush()
        else:
            grp = s.get(DocumentGroup, group_id)
            if grp is not None:
                grp.size += 1
        s.add(doc)
        s.flush()
        s.add_all(DocumentBand(document_id=doc_id, band=i, hash=h) for i, h in enumerate(band_hashes))
        self._add_children(s, doc, rec)
        return "grouped" if joined else "added"

    def _clear(self, s: Session, doc: Document) -> None:
        """Remove a document's analyses (not the document, its number or its group); fix its incidents."""
        from sqlalchemy import delete
        from sqlalchemy import text as sql

        event_ids = select(Event.id).where(Event.document_id == doc.id)
        touched = set(s.scalars(select(IncidentEvent.incident_id).where(IncidentEvent.event_id.in_(event_ids))))
        s.execute(delete(IncidentEvent).where(IncidentEvent.event_id.in_(event_ids)))
        for model in (Event, Mention, Quote, Amount, TimeExpression, Place):
            s.execute(delete(model).where(model.document_id == doc.id))
        if self.store.fts and self.store.dialect == "sqlite":
            s.execute(sql("DELETE FROM documents_fts WHERE document_id = :d"), {"d": doc.id})
            s.execute(sql("DELETE FROM quotes_fts WHERE document_id = :d"), {"d": doc.id})
        s.flush()
        merger = Merger(s)
        for inc_id in touched:
            inc = s.get(Incident, inc_id)
            if inc is None:
                continue
            if not merger.members(inc):
                s.delete(inc)
            else:
                inc.n_events = int(s.scalar(select(func.count()).select_from(IncidentEvent)
                                            .where(IncidentEvent.incident_id == inc_id)) or 0)
                merger.refresh(inc)
        s.flush()

    def _add_children(self, s: Session, doc: Document, rec: dict[str, Any]) -> None:
        """Actors, mentions, events, quotes, amounts, times, places and text index of one document; merge."""
        doc_id, starts = doc.id, doc.sentences or [0]
        actors = {a["id"]: a for a in rec.get("actors") or [] if a.get("id")}
        self._upsert_actors(s, list(actors.values()))
        sent = lambda off: sentence_of(starts, int(off))  # noqa: E731
        s.add_all(Mention(document_id=doc_id, actor_id=aid, start=m["start"], end=m["end"], text=m["text"],
                          sentence=sent(m["start"]))
                  for aid, a in actors.items() for m in a.get("mentions") or [])
        events = []
        for i, e in enumerate(rec.get("events") or []):
            ev_span = e.get("evidence") or {"start": 0, "end": 0, "text": ""}
            loc = e.get("location") or {}
            events.append(Event(
                id=f"{doc_id}:{e.get('id') or i}", document_id=doc_id, local_id=str(e.get("id") or i),
                type=e["type"], mode=e.get("mode"), cameo=e.get("cameo"),
                source_id=e.get("source"), target_id=e.get("target"),
                source_country=_country_of(actors, e.get("source")),
                target_country=_country_of(actors, e.get("target")),
                date=e.get("date"), location_name=loc.get("name"), location_country=loc.get("country"),
                lat=loc.get("lat"), lon=loc.get("lon"), status=e.get("status") or "asserted",
                reported_by=e.get("reported_by"), evidence_start=ev_span["start"], evidence_end=ev_span["end"],
                evidence_text=ev_span["text"], sentence=sent(ev_span["start"])))
        s.add_all(events)
        s.add_all(Quote(id=f"{doc_id}:q{i}", document_id=doc_id, start=q["start"], end=q["end"], text=q["text"],
                        direct=bool(q.get("direct", True)), speaker_id=q.get("speaker"),
                        speaker_name=q.get("speaker_name"),
                        speaker_country=(actors.get(q.get("speaker") or "") or {}).get("country"),
                        cue=q.get("cue"), via=list(q.get("via") or []), sentence=sent(q["start"]))
                  for i, q in enumerate(rec.get("quotes") or []))
        s.add_all(Amount(id=f"{doc_id}:a{i}", document_id=doc_id, start=a["start"], end=a["end"], text=a["text"],
                         value=float(a["value"]), unit=a.get("unit"), object=a.get("object"),
                         qualifier=a.get("qualifier"), per=a.get("per"), claimed_by=a.get("claimed_by"),
                         sentence=sent(a["start"]))
                  for i, a in enumerate(rec.get("amounts") or []))
        s.add_all(TimeExpression(id=f"{doc_id}:t{i}", document_id=doc_id, start=t["start"], end=t["end"],
                                 text=t["text"], value=t.get("value"), type=t.get("type"), sentence=sent(t["start"]))
                  for i, t in enumerate(rec.get("times") or []))
        s.add_all(Place(id=f"{doc_id}:p{i}", document_id=doc_id, name=p["name"], country=p.get("country"),
                        lat=p.get("lat"), lon=p.get("lon"), kind=p.get("kind"), mentions=list(p.get("mentions") or []))
                  for i, p in enumerate(rec.get("places") or []))
        s.flush()
        self._index_text(s, doc, rec.get("quotes") or [])
        Merger(s).merge_document(doc, events)

    def _group_for(self, s: Session, doc_id: str, signature: list[int], band_hashes: list[str]) -> tuple[str, bool]:
        """The group of the most similar stored document (``THRESHOLD`` or more), else a new one named ``doc_id``."""
        from sqlalchemy import or_, tuple_

        cond: Any
        if s.get_bind().dialect.name in {"sqlite", "postgresql"}:
            cond = tuple_(DocumentBand.band, DocumentBand.hash).in_(list(enumerate(band_hashes)))
        else:
            cond = or_(*[(DocumentBand.band == i) & (DocumentBand.hash == h) for i, h in enumerate(band_hashes)])
        candidates = set(s.scalars(select(DocumentBand.document_id).where(cond)))
        best: tuple[float, str] | None = None
        for _other_id, group_id, sig in s.execute(select(Document.id, Document.group_id, Document.minhash)
                                               .where(Document.id.in_(candidates))):
            sim = dedup.similarity(signature, sig or [])
            if sim >= dedup.THRESHOLD and (best is None or sim > best[0]):
                best = (sim, group_id)
        if best:
            return best[1], True
        return doc_id, False

    def _upsert_actors(self, s: Session, actors: list[dict[str, Any]]) -> None:
        fields = ("name", "kind", "country", "role", "code", "wikidata")
        _insert_ignore(s, Actor, [{"id": a["id"], **{f: a.get(f) for f in fields}} for a in actors])
        s.flush()
        for a in actors:  # fill what an earlier document did not know
            row = s.get(Actor, a["id"])
            if row is None:
                continue
            for f in fields:
                if getattr(row, f) in (None, "") and a.get(f):
                    setattr(row, f, a[f])

    def _index_text(self, s: Session, doc: Document, quotes: list[dict[str, Any]]) -> None:
        if not (self.store.fts and self.store.dialect == "sqlite"):
            return
        from sqlalchemy import text as sql

        s.execute(sql("INSERT INTO documents_fts (document_id, title, text) VALUES (:i, :t, :x)"),
                  {"i": doc.id, "t": doc.title or "", "x": doc.text})
        if quotes:
            s.execute(sql("INSERT INTO quotes_fts (quote_id, document_id, speaker_name, text) VALUES (:q, :d, :s, :x)"),
                      [{"q": f"{doc.id}:q{i}", "d": doc.id, "s": q.get("speaker_name") or "", "x": q["text"]}
                       for i, q in enumerate(quotes)])


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def ingest_records(store: Store, records: Iterable[dict[str, Any]], on_record: Any = None,
                   replace: bool = False) -> IngestReport:
    """Store ``records`` (dyad.document/1 dicts or error records); ``replace`` re-stores known documents."""
    report = IngestReport()
    t0 = time.perf_counter()
    ingester = Ingester(store, replace=replace)
    for rec in records:
        ingester.add(rec, report)
        if on_record is not None:
            on_record(rec)
    report.seconds = time.perf_counter() - t0
    return report


def _skip_known(store: Store, items: Iterable[Any], known: list[str]) -> Iterator[Any]:
    """Inputs whose clean text is already stored are not extracted again (``known`` collects their ids)."""
    from dyad.clean import prepare
    from dyad.io.readers import InputRecord
    from dyad.serialize import document_id

    ingester = Ingester(store)
    for item in items:
        if isinstance(item, InputRecord):
            try:
                text, _meta = prepare(item)
            except DyadError:
                yield item
                continue
            doc_id = document_id(text)
            if ingester.exists(doc_id):
                known.append(doc_id)
                continue
        yield item


def ingest_paths(store: Store, paths: Iterable[str], *, nlp: Any = None, settings: Any = None,
                 progress: bool = False, replace: bool = False, **meta: Any) -> IngestReport:
    """Extract and store files (folders walked for .txt/.html/.htm/.jsonl); a Rich progress bar on stderr.

    Known articles are skipped before extraction unless ``replace`` (extract again, store the new analyses)."""
    from dyad.extraction import extract_records
    from dyad.io import iter_inputs
    from dyad.settings import load_settings

    settings = settings or load_settings()
    files = expand_paths(paths)
    extracted = [f for f in files if is_record_file(f)]
    files = [f for f in files if f not in extracted]
    known: list[str] = []
    items: Iterable[Any] = iter_inputs(files, limit=settings.max_input_bytes, **meta)
    if not replace:
        items = _skip_known(store, items, known)
    records: Iterable[dict[str, Any]] = extract_records(items, nlp=nlp, settings=settings) if files else ()
    if extracted:
        records = itertools.chain(records, *(read_records(f) for f in extracted))
        files = files + extracted
    if not progress:
        report = ingest_records(store, records, replace=replace)
    else:
        report = _with_progress(store, records, total=_count_inputs(files), replace=replace)
    report.unchanged += len(known)
    report.ids.extend(known)
    return report


def is_record_file(path: str) -> bool:
    """True for a JSON Lines file of extracted ``dyad.document/1`` records (``dyad extract`` output),
    which is stored as it is instead of being extracted again."""
    if not path.lower().endswith((".jsonl", ".ndjson")):
        return False
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    obj = json.loads(line)
                    return isinstance(obj, dict) and obj.get("schema") == SCHEMA_ID
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return False


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """The records of a ``dyad extract`` output file; a bad line becomes an error record."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err = DyadError(Errors.E004, line=lineno, detail=e.msg)
                yield {"schema": SCHEMA_ID, "source": {"id": f"{path}:{lineno}", "path": path, "url": None},
                       "error": err.to_record()}
                continue
            if isinstance(obj, dict) and ("error" in obj or ("id" in obj and "text" in obj)):
                yield obj
            else:
                err = DyadError(Errors.E004, line=lineno, detail="not a dyad.document/1 record")
                yield {"schema": SCHEMA_ID, "source": {"id": f"{path}:{lineno}", "path": path, "url": None},
                       "error": err.to_record()}


def _count_inputs(files: list[str]) -> int | None:
    total = 0
    for f in files:
        if f.lower().endswith(".jsonl"):
            try:
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total or None


def _with_progress(store: Store, records: Iterable[dict[str, Any]], total: int | None,
                   replace: bool = False) -> IngestReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("ingest", total=total, rate="-")
        t0 = time.perf_counter()
        seen = 0

        def tick(_rec: dict[str, Any]) -> None:
            nonlocal seen
            seen += 1
            rate = seen / max(time.perf_counter() - t0, 1e-6)
            bar.update(task, advance=1, rate=f"{rate:.1f}")

        report = ingest_records(store, records, on_record=tick, replace=replace)
        if total is not None:
            bar.update(task, completed=total)
    return report
