"""Export: stored tables as rows, pandas DataFrames, and JSON Lines / CSV / Parquet files.

``EXPORTS`` names what can be exported; each is one SELECT over the store (events carry their
document's corpus number and their incident, incidents their supporting event count), so the
CLI, ``dyad.Corpus`` and the web API read the same columns.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Select, or_, select

from dyad.corpus.store import Amount, Document, Event, Incident, IncidentEvent, Quote, Store
from dyad.errors import DyadError, Errors

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("jsonl", "csv", "parquet")


def _events() -> Select[Any]:
    return (select(*Event.__table__.c, Document.seq.label("document_seq"),
                   Document.published_date.label("published"), IncidentEvent.incident_id)
            .join(Document, Document.id == Event.document_id)
            .join(IncidentEvent, IncidentEvent.event_id == Event.id, isouter=True)
            .order_by(Document.seq, Event.evidence_start))


def _documents() -> Select[Any]:
    cols = [c for c in Document.__table__.c if c.name not in {"minhash", "sentences"}]
    return select(*cols).order_by(Document.seq)


def _quotes() -> Select[Any]:
    return (select(*Quote.__table__.c, Document.seq.label("document_seq"))
            .join(Document, Document.id == Quote.document_id).order_by(Document.seq, Quote.start))


def _amounts() -> Select[Any]:
    return (select(*Amount.__table__.c, Document.seq.label("document_seq"))
            .join(Document, Document.id == Amount.document_id).order_by(Document.seq, Amount.start))


def _incidents() -> Select[Any]:
    return select(*Incident.__table__.c).order_by(Incident.date.is_(None), Incident.date, Incident.id)


EXPORTS = {"events": _events, "documents": _documents, "quotes": _quotes, "amounts": _amounts,
           "incidents": _incidents}


def _check(table: str, fmt: str | None = None) -> None:
    if table not in EXPORTS:
        raise DyadError(Errors.E305, what="table", value=table, choices=", ".join(EXPORTS))
    if fmt is not None and fmt not in FORMATS:
        raise DyadError(Errors.E305, what="format", value=fmt, choices=", ".join(FORMATS))


def _plain(v: Any) -> Any:
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


FILTERS = {
    "events": ("actor", "type", "status", "date_from", "date_to", "document"),
    "incidents": ("actor", "type", "status", "date_from", "date_to"),
    "quotes": ("speaker", "document"),
    "amounts": ("document",),
    "documents": ("date_from", "date_to", "group"),
}
"""The filters each table takes (``iter_rows(store, "events", actor="RUS", type="AID")``)."""


def _filtered(table: str, stmt: Select[Any], filters: dict[str, Any]) -> Select[Any]:
    unknown = set(filters) - set(FILTERS[table])
    if unknown:
        raise DyadError(Errors.E305, what=f"{table} filter", value=sorted(unknown)[0],
                        choices=", ".join(FILTERS[table]))
    f = {k: v for k, v in filters.items() if v not in (None, "")}
    date_col = {"events": Event.date, "incidents": Incident.date, "documents": Document.published_date}.get(table)
    if "actor" in f:
        a = f["actor"]
        if table == "events":
            stmt = stmt.where(or_(Event.source_id == a, Event.target_id == a, Event.source_country == a,
                                  Event.target_country == a))
        else:
            stmt = stmt.where(or_(Incident.side_a == a, Incident.side_b == a))
    if "type" in f:
        stmt = stmt.where((Event.type if table == "events" else Incident.type) == str(f["type"]).upper())
    if "status" in f:
        stmt = stmt.where((Event.status if table == "events" else Incident.status) == f["status"])
    if "date_from" in f and date_col is not None:
        stmt = stmt.where(date_col >= str(f["date_from"]))
    if "date_to" in f and date_col is not None:  # "2024-06" includes 2024-06-30
        to = str(f["date_to"])
        stmt = stmt.where(or_(date_col <= to, date_col.like(to + "%")))
    if "document" in f:
        col = {"events": Event.document_id, "quotes": Quote.document_id, "amounts": Amount.document_id}[table]
        doc = str(f["document"])
        stmt = stmt.where(col == doc) if not doc.isdigit() else stmt.where(Document.seq == int(doc))
    if "speaker" in f:
        stmt = stmt.where(or_(Quote.speaker_id == f["speaker"], Quote.speaker_country == f["speaker"],
                              Quote.speaker_name == f["speaker"]))
    if "group" in f:
        stmt = stmt.where(Document.group_id == f["group"])
    return stmt


def iter_rows(store: Store, table: str, *, limit: int | None = None, offset: int = 0,
              **filters: Any) -> Iterator[dict[str, Any]]:
    """The rows of an export table as plain dicts (JSON-ready values), filtered (``FILTERS``) and paged."""
    _check(table)
    stmt = _filtered(table, EXPORTS[table](), filters)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    with store.engine.connect() as conn:
        for row in conn.execute(stmt).mappings():
            yield {k: _plain(v) for k, v in row.items()}


def dataframe(store: Store, table: str) -> pd.DataFrame:
    import pandas as pd

    _check(table)
    rows = list(iter_rows(store, table))
    if rows:
        return pd.DataFrame.from_records(rows)
    with store.engine.connect() as conn:
        cols = list(conn.execute(EXPORTS[table]().limit(0)).keys())
    return pd.DataFrame(columns=cols)


def _cell(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v


def write(store: Store, table: str, fmt: str, output: str | Path | None = None) -> int:
    """Write ``table`` as ``fmt`` to ``output`` (stdout for jsonl/csv when None). Returns the row count."""
    _check(table, fmt)
    if fmt == "parquet":
        if output is None:
            raise DyadError(Errors.E305, what="output", value="-", choices="a file path (-o) for parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [{k: _cell(v) for k, v in r.items()} for r in iter_rows(store, table)]
        pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), str(output))
        return len(rows)
    out: IO[str] = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    n = 0
    try:
        if fmt == "jsonl":
            for row in iter_rows(store, table):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        else:
            writer: Any = None
            for row in iter_rows(store, table):
                if writer is None:
                    writer = csv.DictWriter(out, fieldnames=list(row))
                    writer.writeheader()
                writer.writerow({k: _cell(v) for k, v in row.items()})
                n += 1
    finally:
        if output:
            out.close()
    return n
