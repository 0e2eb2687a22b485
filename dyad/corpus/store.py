"""The corpus store: SQLAlchemy 2.x models, engine setup and full-text search.

One schema for SQLite (the embedded default, ``sqlite:///dyad.db``) and PostgreSQL. On SQLite
the connection runs in WAL mode with a busy timeout and foreign keys on, and FTS5 virtual tables
index article text and quotes; on PostgreSQL GIN indexes over ``to_tsvector('english', ...)``
do the same job; any other dialect falls back to ``ILIKE``. ``Store.init()`` creates what is
missing and checks the schema version (``schema_version`` table, migrations keyed by version).

This module owns the tables and their indexes; writing documents is ``dyad.corpus.ingest``'s job.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    create_engine,
    event,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

from dyad.errors import DyadError, Errors

SCHEMA_VERSION = 1
"""Bump when a table changes, and add the step to ``MIGRATIONS``."""

MIGRATIONS: dict[int, Callable[[Any], None]] = {}
"""``MIGRATIONS[n](connection)`` upgrades a store from version ``n`` to ``n + 1``."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class SchemaVersion(Base):
    __tablename__ = "schema_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=_now)


class DocumentGroup(Base):
    """Near-duplicates (the same story with other boilerplate) share a group; its id is its first document's."""

    __tablename__ = "document_groups"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    primary_id: Mapped[str] = mapped_column(String())
    size: Mapped[int] = mapped_column(Integer, default=1)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    """The article number used in citations ([seq:sentence])."""
    group_id: Mapped[str] = mapped_column(ForeignKey("document_groups.id"), index=True)
    source_id: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String())
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    published: Mapped[str | None] = mapped_column(String())
    published_date: Mapped[str | None] = mapped_column(String(), index=True)
    published_basis: Mapped[str | None] = mapped_column(String())
    dateline: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String())
    text: Mapped[str] = mapped_column(Text)
    dropped: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sentences: Mapped[list[int]] = mapped_column(JSON, default=list)
    """Start offset of each sentence of ``text`` (sentence n is ``sentences[n-1]``)."""
    minhash: Mapped[list[int]] = mapped_column(JSON, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=_now)


class DocumentBand(Base):
    """Locality-sensitive hashing bands of each document's MinHash: candidates for near-duplicates."""

    __tablename__ = "document_bands"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[str] = mapped_column(String())
    __table_args__ = (Index("ix_document_bands_band_hash", "band", "hash"),)


class Actor(Base):
    """One identity across documents: the actor id of dyad.document/1 (dictionary id, else a slug)."""

    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str | None] = mapped_column(String(), index=True)
    country: Mapped[str | None] = mapped_column(String(), index=True)
    role: Mapped[str | None] = mapped_column(String())
    code: Mapped[str | None] = mapped_column(String())
    wikidata: Mapped[str | None] = mapped_column(String())


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[int] = mapped_column(Integer)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    """``<document id>:<event id within the document>``."""
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    local_id: Mapped[str] = mapped_column(String())
    type: Mapped[str] = mapped_column(String(), index=True)
    mode: Mapped[str | None] = mapped_column(String())
    cameo: Mapped[str | None] = mapped_column(String())
    source_id: Mapped[str | None] = mapped_column(String(), index=True)
    target_id: Mapped[str | None] = mapped_column(String(), index=True)
    source_country: Mapped[str | None] = mapped_column(String(), index=True)
    target_country: Mapped[str | None] = mapped_column(String(), index=True)
    date: Mapped[str | None] = mapped_column(String(), index=True)
    location_name: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String())
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(), index=True)
    reported_by: Mapped[str | None] = mapped_column(String())
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[int] = mapped_column(Integer)


class Incident(Base):
    """One occurrence as several articles and sentences describe it (see ``dyad.corpus.merge``)."""

    __tablename__ = "incidents"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    type: Mapped[str] = mapped_column(String(), index=True)
    side_a: Mapped[str | None] = mapped_column(String(), index=True)
    side_b: Mapped[str | None] = mapped_column(String(), index=True)
    symmetric: Mapped[bool] = mapped_column(Boolean, default=False)
    date: Mapped[str | None] = mapped_column(String(), index=True)
    """The most specific date its events give (YYYY, YYYY-MM or YYYY-MM-DD)."""
    date_end: Mapped[str | None] = mapped_column(String())
    location_name: Mapped[str | None] = mapped_column(Text)
    location_country: Mapped[str | None] = mapped_column(String())
    status: Mapped[str] = mapped_column(String(), index=True)
    """The firmest status among its events (asserted > reported > ... > negated)."""
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    n_documents: Mapped[int] = mapped_column(Integer, default=0)
    """Distinct document groups: near-duplicates count once."""


class IncidentEvent(Base):
    __tablename__ = "incident_events"
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True, index=True)


class Quote(Base):
    __tablename__ = "quotes"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    direct: Mapped[bool] = mapped_column(Boolean, default=True)
    speaker_id: Mapped[str | None] = mapped_column(String(), index=True)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    speaker_country: Mapped[str | None] = mapped_column(String(), index=True)
    cue: Mapped[str | None] = mapped_column(Text)
    via: Mapped[list[str]] = mapped_column(JSON, default=list)
    sentence: Mapped[int] = mapped_column(Integer)


class Amount(Base):
    __tablename__ = "amounts"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    object: Mapped[str | None] = mapped_column(Text)
    qualifier: Mapped[str | None] = mapped_column(String())
    per: Mapped[str | None] = mapped_column(String())
    claimed_by: Mapped[str | None] = mapped_column(String())
    sentence: Mapped[int] = mapped_column(Integer)


class TimeExpression(Base):
    __tablename__ = "times"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[str | None] = mapped_column(String(), index=True)
    type: Mapped[str | None] = mapped_column(String())
    sentence: Mapped[int] = mapped_column(Integer)


class Place(Base):
    __tablename__ = "places"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    kind: Mapped[str | None] = mapped_column(String())
    mentions: Mapped[list[Any]] = mapped_column(JSON, default=list)


class ErrorRecord(Base):
    """A document that could not be extracted; the id fingerprints source + error, so re-ingest adds nothing."""

    __tablename__ = "errors"
    id: Mapped[str] = mapped_column(String(), primary_key=True)
    source_id: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(), index=True)
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=_now)


TABLES = {
    "documents": Document,
    "document_groups": DocumentGroup,
    "actors": Actor,
    "mentions": Mention,
    "events": Event,
    "incidents": Incident,
    "incident_events": IncidentEvent,
    "quotes": Quote,
    "amounts": Amount,
    "times": TimeExpression,
    "places": Place,
    "errors": ErrorRecord,
}
"""Every data table by name (what ``count_rows`` and the export read)."""

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(document_id UNINDEXED, title, text)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(quote_id UNINDEXED, document_id UNINDEXED, "
    "speaker_name, text)",
)
POSTGRES_FTS = (
    "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING gin (to_tsvector('english', text))",
    "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING gin (to_tsvector('english', text))",
)


WRITE_TRIES = 8
"""Attempts at a write that meets a locked database (SQLite) before E302 reaches the user."""
PG_LOCK = "SELECT pg_advisory_xact_lock(hashtext('dyad.corpus'), hashtext(current_schema()))"


def backoff(attempt: int) -> None:
    """Sleep before retry ``attempt + 1``: exponential from 0.1 s, capped at 3 s, with jitter."""
    time.sleep(min(3.0, 0.1 * 2**attempt) * (0.5 + random.random()))


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL; a bare path means a SQLite file, ``None`` the configured default."""
    if not url:
        from dyad.settings import load_settings

        url = load_settings().db
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    scheme, rest = url.split("://", 1)
    if scheme in {"postgresql", "postgres"}:  # the installed driver is psycopg 3, not SQLAlchemy's psycopg2 default
        return f"postgresql+psycopg://{rest}"
    return url


def make_engine(url: str, busy_timeout_ms: int = 10_000) -> Engine:
    """An engine for ``url`` with dyad's connection settings (SQLite: WAL, busy timeout, foreign keys)."""
    try:
        if url.startswith("sqlite"):
            memory = url in {"sqlite://", "sqlite:///:memory:"} or "mode=memory" in url
            kwargs: dict[str, Any] = {"connect_args": {"timeout": busy_timeout_ms / 1000}}
            if memory:
                kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
            engine = create_engine(url, **kwargs)

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
                cur = dbapi_connection.cursor()
                if not memory:
                    cur.execute("PRAGMA journal_mode=WAL")
                cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()

            return engine
        return create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError) as e:
        raise DyadError(Errors.E301, url=url, detail=str(e)) from e


class Store:
    """A corpus database: ``Store(url).init()`` then ``with store.session() as s: ...``."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        self.dialect = self.engine.dialect.name
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.fts = False

    def init(self) -> Store:
        """Create missing tables, indexes and full-text search; check and migrate the schema version.

        Two processes opening a new store at once are fine: on PostgreSQL an advisory lock serialises
        the creation; on SQLite the loser of the race (locked, or a table that now exists) tries again.
        """
        for attempt in range(WRITE_TRIES):
            try:
                with self.engine.begin() as conn:
                    if self.dialect == "postgresql":
                        conn.execute(text(PG_LOCK))
                    Base.metadata.create_all(conn)
                    self._check_version(conn)
                    self.fts = self._create_fts(conn)
                return self
            except (OperationalError, IntegrityError) as e:
                message = str(e.orig).lower()
                racing = "locked" in message or "already exists" in message or isinstance(e, IntegrityError)
                if racing and attempt < WRITE_TRIES - 1:
                    backoff(attempt)
                    continue
                if "locked" in message:
                    raise DyadError(Errors.E302, tries=attempt + 1, detail=str(e.orig)) from e
                raise DyadError(Errors.E301, url=self.url, detail=str(e.orig)) from e
            except SQLAlchemyError as e:
                raise DyadError(Errors.E301, url=self.url, detail=str(e)) from e
        return self

    def _check_version(self, conn: Any) -> None:
        row = conn.execute(select(SchemaVersion.version).where(SchemaVersion.id == 1)).scalar()
        if row is None:
            conn.execute(insert(SchemaVersion).values(id=1, version=SCHEMA_VERSION, updated_at=_now()))
            return
        if row > SCHEMA_VERSION:
            raise DyadError(Errors.E304, found=row, expected=SCHEMA_VERSION)
        version = row
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        if version != row:
            conn.execute(update(SchemaVersion).where(SchemaVersion.id == 1)
                         .values(version=version, updated_at=_now()))

    def _create_fts(self, conn: Any) -> bool:
        if self.dialect == "sqlite":
            try:
                for stmt in SQLITE_FTS:
                    conn.execute(text(stmt))
            except OperationalError:  # an SQLite built without FTS5: ILIKE fallback
                return False
            return True
        if self.dialect == "postgresql":
            for stmt in POSTGRES_FTS:
                conn.execute(text(stmt))
            return True
        return False

    def schema_version(self) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(select(SchemaVersion.version).where(SchemaVersion.id == 1)).scalar()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self._sessions() as s, s.begin():
            yield s

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A session that holds the store's write lock from its first statement to its commit.

        Writers then see each other's committed rows before they read (the next corpus number,
        a stored copy of the document, the incidents to merge into), so concurrent ingests never
        duplicate a document or an incident. SQLite: ``BEGIN IMMEDIATE`` (waits up to the busy
        timeout); PostgreSQL: a transaction-level advisory lock per schema.
        """
        with self._sessions() as s, s.begin():
            if self.dialect == "sqlite":
                s.execute(text("BEGIN IMMEDIATE"))
            elif self.dialect == "postgresql":
                s.execute(text(PG_LOCK))
            yield s

    def count_rows(self) -> dict[str, int]:
        """Row count of every data table."""
        from sqlalchemy import func

        with self._sessions() as s:
            return {name: int(s.scalar(select(func.count()).select_from(model)) or 0)
                    for name, model in TABLES.items()}

    def search(self, query: str, table: str = "documents", limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over article text (``documents``) or quotes (``quotes``)."""
        if table not in {"documents", "quotes"}:
            raise DyadError(Errors.E405, detail=f"search covers documents or quotes, not {table!r}")
        key = "document_id" if table == "documents" else "quote_id"
        with self.engine.connect() as conn:
            if self.fts and self.dialect == "sqlite":
                stmt = text(f"SELECT {key} AS id, snippet({table}_fts, -1, '[', ']', '…', 12) AS snippet "
                            f"FROM {table}_fts WHERE {table}_fts MATCH :q ORDER BY rank LIMIT :n")
                phrase = '"' + query.replace('"', '""') + '"'
                rows = conn.execute(stmt, {"q": phrase, "n": limit}).mappings().all()
            elif self.dialect == "postgresql":
                stmt = text(f"SELECT id, substr(text, 1, 200) AS snippet FROM {table} "
                            "WHERE to_tsvector('english', text) @@ plainto_tsquery('english', :q) LIMIT :n")
                rows = conn.execute(stmt, {"q": query, "n": limit}).mappings().all()
            else:
                model = TABLES[table]
                col = model.__table__.c
                sel = select(col.id.label("id"), col.text.label("snippet")).where(col.text.ilike(f"%{query}%"))
                rows = conn.execute(sel.limit(limit)).mappings().all()
        return [dict(r) for r in rows]

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
