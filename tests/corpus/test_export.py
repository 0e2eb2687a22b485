"""Export to JSON Lines, CSV and Parquet, and the DataFrame API."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

import dyad
from dyad.errors import DyadError


@pytest.fixture
def filled(corpus, summit_records):
    corpus.add_records(summit_records)
    return corpus


@pytest.mark.parametrize("table", ["events", "documents", "quotes", "amounts", "incidents"])
def test_every_table_in_every_format(filled, tmp_path, table):
    n = filled.counts()[table]
    out = tmp_path / f"{table}.jsonl"
    assert filled.export(table, "jsonl", str(out)) == n
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == n
    out_csv = tmp_path / f"{table}.csv"
    filled.export(table, "csv", str(out_csv))
    with out_csv.open(newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n
    out_pq = tmp_path / f"{table}.parquet"
    filled.export(table, "parquet", str(out_pq))
    back = pq.read_table(out_pq)
    assert back.num_rows == n and set(rows[0]) == set(back.column_names)


def test_events_carry_document_number_and_incident(filled):
    rows = filled.rows("events")
    assert all(r["incident_id"] for r in rows)
    assert {r["document_seq"] for r in rows} == {1, 2}


def test_corpus_events_is_a_dataframe(filled):
    import pandas as pd

    df = dyad.Corpus(filled.url).events()
    assert isinstance(df, pd.DataFrame) and len(df) == 13
    assert {"type", "source_country", "target_country", "date", "status", "evidence_text"} <= set(df.columns)


def test_empty_store_gives_empty_frame_with_columns(corpus):
    df = corpus.events()
    assert len(df) == 0 and "type" in df.columns


def test_bad_table_or_format(filled, tmp_path):
    with pytest.raises(DyadError):
        filled.export("mentions", "jsonl")
    with pytest.raises(DyadError):
        filled.export("events", "xlsx")
    with pytest.raises(DyadError):
        filled.export("events", "parquet")  # needs a file


def test_rows_filter_and_page(filled):
    aid = filled.rows("events", type="aid")
    assert aid and all(r["type"] == "AID" for r in aid)
    rus = filled.rows("events", actor="RUS")
    assert rus and all("RUS" in (r["source_country"], r["target_country"], r["source_id"], r["target_id"]) for r in rus)
    june = filled.rows("events", date_from="2024-06", date_to="2024-06")
    assert {r["date"] for r in june} == {"2024-06-19", "2024-06"}
    assert len(filled.rows("events", document=2)) == 7
    assert [r["date"] for r in filled.rows("incidents", type="CONSULT", actor="PRK")] == ["2023-09-12", "2024-06-19"]
    assert len(filled.rows("quotes", speaker="PRK")) == 2
    page = filled.rows("events", limit=5, offset=5)
    assert len(page) == 5 and page[0]["id"] == filled.rows("events")[5]["id"]
    with pytest.raises(DyadError):
        filled.rows("amounts", actor="RUS")
