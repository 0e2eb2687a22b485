"""Parquet datasets partitioned by publication month (dyad/corpus/parquet.py), read back by DuckDB and pyarrow."""

from __future__ import annotations

import json
from collections import Counter

import duckdb
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.corpus.parquet import PARTITION, UNKNOWN, month_of, read_partitioned, write_partitioned
from dyad.errors import DyadError, Errors


@pytest.fixture
def three_months(corpus, summit_records, syndicated_record, spec, build):
    """Articles of Sep 2023 (an original and its syndicated copy), Jun 2024, and one with no date."""
    undated = spec("summit_2024")
    undated["text"] += "\n\nThis copy of the story carried no date."
    undated["published"] = None
    corpus.add_records([*summit_records, syndicated_record, build(undated)])
    return corpus


def _expected(corpus, table: str) -> Counter[str]:
    months = {d["id"]: month_of(d["published_date"]) for d in corpus.rows("documents")}
    key = "id" if table == "documents" else "document_id"
    return Counter(months[r[key]] for r in corpus.rows(table))


@pytest.mark.parametrize("table", ["events", "documents", "quotes", "amounts"])
def test_partitions_hold_each_row_once_under_its_month(three_months, tmp_path, table):
    out = tmp_path / table
    counts = write_partitioned(three_months.store, table, out)
    expected = _expected(three_months, table)
    assert counts == dict(sorted(expected.items()))
    assert set(counts) >= {"2023-09", "2024-06", UNKNOWN} or table in {"quotes", "amounts"}
    dirs = sorted(p.name for p in out.iterdir())
    assert dirs == [f"{PARTITION}={m}" for m in sorted(expected)]
    assert all(list(d.glob("*.parquet")) for d in out.iterdir())

    read = read_partitioned(out)
    assert Counter(read.column(PARTITION).to_pylist()) == expected
    ids = read.column("id").to_pylist()
    assert sorted(ids) == sorted(r["id"] for r in three_months.rows(table))


def test_duckdb_reads_the_events_dataset_with_hive_partitions(three_months, tmp_path):
    out = tmp_path / "events"
    write_partitioned(three_months.store, "events", out)
    con = duckdb.connect()
    rel = f"read_parquet('{out}/**/*.parquet', hive_partitioning = true)"
    by_month = dict(con.execute(f"SELECT {PARTITION}, count(*) FROM {rel} GROUP BY 1 ORDER BY 1").fetchall())
    assert by_month == dict(sorted(_expected(three_months, "events").items()))
    # the partition column agrees with each row's own publication date
    mismatched = con.execute(f"SELECT count(*) FROM {rel} WHERE published IS NOT NULL "
                             f"AND substr(published, 1, 7) <> {PARTITION}").fetchone()
    assert mismatched == (0,)
    assert con.execute(f"SELECT count(*) FROM {rel} WHERE published IS NULL AND {PARTITION} <> '{UNKNOWN}'"
                       ).fetchone() == (0,)
    # typed columns: numbers stay numbers, so analysts can aggregate without casts
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {rel})").fetchall())
    assert types["document_seq"] == "BIGINT" and types["evidence_start"] == "BIGINT"
    assert types["lat"] == "DOUBLE" and types[PARTITION] == "VARCHAR"
    sep = con.execute(f"SELECT type, count(*) FROM {rel} WHERE {PARTITION} = '2023-09' GROUP BY 1").fetchall()
    events_2023 = [e for e in three_months.rows("events") if (e["published"] or "").startswith("2023-09")]
    assert dict(sep) == dict(Counter(e["type"] for e in events_2023))


def test_one_schema_across_partitions_and_json_lists_as_text(three_months, tmp_path):
    out = tmp_path / "documents"
    write_partitioned(three_months.store, "documents", out)
    schemas = {str(ds.dataset(str(f), format="parquet").schema) for f in out.rglob("*.parquet")}
    assert len(schemas) == 1, "Spark and DuckDB need one schema across the files"
    rows = read_partitioned(out).to_pylist()
    authors = [json.loads(r["authors"]) for r in rows]
    assert all(isinstance(a, list) for a in authors)


def test_rewrite_replaces_earlier_partitions(three_months, tmp_path):
    out = tmp_path / "events"
    write_partitioned(three_months.store, "events", out)
    stale = out / f"{PARTITION}=1999-01"
    stale.mkdir()
    (stale / "events-0.parquet").write_bytes((next((out / f"{PARTITION}=2023-09").glob("*.parquet"))).read_bytes())
    keep = out / "README.txt"
    keep.write_text("notes", encoding="utf-8")
    counts = write_partitioned(three_months.store, "events", out)
    assert not stale.exists() and keep.exists()
    assert read_partitioned(out).num_rows == sum(counts.values()) == len(three_months.rows("events"))


def test_tables_without_a_publication_month_are_refused(three_months, tmp_path):
    with pytest.raises(DyadError) as e:
        write_partitioned(three_months.store, "incidents", tmp_path / "x")
    assert e.value.code == Errors.E305
    target = tmp_path / "file.parquet"
    target.write_text("", encoding="utf-8")
    with pytest.raises(DyadError):
        write_partitioned(three_months.store, "events", target)


def test_cli_export_partitioned_by_month(three_months, tmp_path):
    out = tmp_path / "events"
    res = CliRunner().invoke(app, ["export", "--table", "events", "--format", "parquet", "--partition-by", "month",
                                   "--db", three_months.url, "-o", str(out)])
    assert res.exit_code == 0, res.output
    n = len(three_months.rows("events"))
    assert f"{n} rows exported" in res.output
    got = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true)").fetchone()
    assert got == (n,)
    res = CliRunner().invoke(app, ["export", "--table", "events", "--format", "csv", "--partition-by", "month",
                                   "--db", three_months.url, "-o", str(tmp_path / "x.csv")])
    assert res.exit_code != 0
