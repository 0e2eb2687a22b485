"""Parquet datasets partitioned by publication month, for DuckDB, Spark and pyarrow.

``write_partitioned(store, "events", "out/events")`` writes hive-style directories
``out/events/published_month=YYYY-MM/<table>-N.parquet`` (``published_month=unknown`` for
documents without a publication date) through ``pyarrow.dataset``. The columns are those of
``dyad.corpus.export`` (the same SELECTs), typed from the store's schema so every file of a
dataset has one schema: integers int64, floats float64, booleans bool, times timestamp[us],
text and JSON (lists, as JSON text) string. Rows are streamed in batches of ``BATCH_ROWS``.

    duckdb:  SELECT published_month, count(*) FROM read_parquet('out/events/**/*.parquet',
             hive_partitioning = true) GROUP BY 1
    spark:   spark.read.parquet("out/events")
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, select

from dyad.corpus.export import EXPORTS
from dyad.corpus.store import Document, Store
from dyad.errors import DyadError, Errors

if TYPE_CHECKING:
    import pyarrow as pa

PARTITION = "published_month"
UNKNOWN = "unknown"
"""The partition of rows whose document has no publication date."""
TABLES = ("events", "documents", "quotes", "amounts")
"""Tables whose rows belong to one document, hence to one publication month."""
BATCH_ROWS = 10_000
_MONTH = re.compile(r"^\d{4}-\d{2}")


def month_of(published: str | None) -> str:
    """``YYYY-MM`` of an ISO publication date, else ``UNKNOWN``."""
    return published[:7] if published and _MONTH.match(published) else UNKNOWN


def _arrow_type(sql_type: Any) -> pa.DataType:
    import pyarrow as pa

    if isinstance(sql_type, Boolean):
        return pa.bool_()
    if isinstance(sql_type, Integer):
        return pa.int64()
    if isinstance(sql_type, Float):
        return pa.float64()
    if isinstance(sql_type, DateTime):
        return pa.timestamp("us")
    return pa.string()  # String, Text, JSON (as JSON text)


def _check(table: str) -> None:
    if table not in TABLES:
        raise DyadError(Errors.E305, what="table to partition by month", value=table, choices=", ".join(TABLES))


def write_partitioned(store: Store, table: str, output: str | Path) -> dict[str, int]:
    """Write ``table`` as a Parquet dataset under ``output``, one directory per publication month.

    Partitions of an earlier export in ``output`` are replaced; other files there are left alone.
    Returns the row count of each month written.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    _check(table)
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise DyadError(Errors.E305, what="output", value=str(out), choices="a directory for a partitioned export")
    stmt = EXPORTS[table]()
    columns = list(stmt.selected_columns)
    json_cols = {c.name for c in columns if isinstance(c.type, JSON)}
    schema = pa.schema([pa.field(c.name, _arrow_type(c.type)) for c in columns] + [pa.field(PARTITION, pa.string())])
    key = "id" if table == "documents" else "document_id"
    counts: dict[str, int] = {}

    def batches() -> Iterator[pa.RecordBatch]:
        with store.engine.connect() as conn:
            months = {doc_id: month_of(published) for doc_id, published
                      in conn.execute(select(Document.id, Document.published_date))}
            chunk: list[dict[str, Any]] = []
            for row in conn.execute(stmt).mappings():
                rec = {k: (json.dumps(v, ensure_ascii=False) if k in json_cols and v is not None else v)
                       for k, v in row.items()}
                month = months.get(rec[key], UNKNOWN)
                rec[PARTITION] = month
                counts[month] = counts.get(month, 0) + 1
                chunk.append(rec)
                if len(chunk) >= BATCH_ROWS:
                    yield pa.RecordBatch.from_pylist(chunk, schema=schema)
                    chunk = []
            if chunk:
                yield pa.RecordBatch.from_pylist(chunk, schema=schema)

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{PARTITION}=*"):
        if old.is_dir():
            shutil.rmtree(old)
    partitioning = ds.partitioning(pa.schema([pa.field(PARTITION, pa.string())]), flavor="hive")
    ds.write_dataset(batches(), str(out), schema=schema, format="parquet", partitioning=partitioning,
                     basename_template=f"{table}-{{i}}.parquet", existing_data_behavior="overwrite_or_ignore")
    return dict(sorted(counts.items()))


def read_partitioned(output: str | Path) -> pa.Table:
    """A dataset written by ``write_partitioned``, with its ``published_month`` column, as one Arrow table."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    partitioning = ds.partitioning(pa.schema([pa.field(PARTITION, pa.string())]), flavor="hive")
    files = sorted(str(f) for f in Path(output).glob(f"{PARTITION}=*/*.parquet"))
    return ds.dataset(files, format="parquet", partitioning=partitioning, partition_base_dir=str(output)).to_table()
