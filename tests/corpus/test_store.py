"""The store: tables, indexes, schema version, SQLite settings and full-text search."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from dyad.corpus.store import SCHEMA_VERSION, TABLES, Store
from dyad.errors import DyadError


def test_init_creates_every_table_and_version(tmp_path):
    store = Store(str(tmp_path / "c.db")).init()
    names = set(store.table_names())
    assert set(TABLES) | {"schema_version", "document_bands", "documents_fts", "quotes_fts"} <= names
    assert store.schema_version() == SCHEMA_VERSION
    store.init()  # a second init is a no-op
    assert store.schema_version() == SCHEMA_VERSION
    store.close()


def test_sqlite_runs_in_wal_with_busy_timeout(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'c.db'}").init()
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    store.close()


def test_filter_columns_are_indexed(tmp_path):
    store = Store(str(tmp_path / "c.db")).init()
    insp = inspect(store.engine)
    indexed = {(t, col) for t in ("events", "quotes", "incidents", "documents", "mentions")
               for ix in insp.get_indexes(t) for col in ix["column_names"]}
    for col in ("type", "status", "date", "document_id", "source_country", "target_country", "source_id"):
        assert ("events", col) in indexed
    assert ("incidents", "side_a") in indexed and ("incidents", "date") in indexed
    assert ("quotes", "speaker_id") in indexed and ("documents", "published_date") in indexed
    store.close()


def test_newer_schema_is_refused(tmp_path):
    url = str(tmp_path / "c.db")
    store = Store(url).init()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = :v"), {"v": SCHEMA_VERSION + 1})
    store.close()
    with pytest.raises(DyadError) as e:
        Store(url).init()
    assert e.value.code.name == "E304"


def test_full_text_search_over_text_and_quotes(corpus, summit_records):
    corpus.add_records(summit_records)
    hits = corpus.search("Vostochny Cosmodrome")
    assert [h["id"] for h in hits] == [summit_records[0]["id"]]
    quotes = corpus.search("deepening relationship", table="quotes")
    assert len(quotes) == 1 and quotes[0]["id"].startswith(summit_records[1]["id"])
    assert corpus.search("no such words anywhere") == []
    with pytest.raises(DyadError):
        corpus.search("x", table="events")


def test_bad_url_is_a_catalogue_error():
    with pytest.raises(DyadError) as e:
        Store("nosuchdialect://x").init()
    assert e.value.code.name == "E301"
