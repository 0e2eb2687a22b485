"""The same store on PostgreSQL through the same SQLAlchemy code (``pg_url`` in tests/conftest.py).

Each test works in its own PostgreSQL schema, dropped afterwards. Without a reachable server the
tests skip with the reason; with ``DYAD_REQUIRE_SERVICES=1`` (CI) they fail instead.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.corpus.store import normalise_url

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize(("given", "expected"), [
    ("postgresql://u:p@db:5432/x", "postgresql+psycopg://u:p@db:5432/x"),
    ("postgres://u:p@db/x?sslmode=require", "postgresql+psycopg://u:p@db/x?sslmode=require"),
    ("postgresql+psycopg://u@db/x", "postgresql+psycopg://u@db/x"),
    ("sqlite:///corpus.db", "sqlite:///corpus.db"),
])
def test_postgres_urls_use_the_installed_driver(given, expected):
    assert normalise_url(given) == expected


def test_postgres_store_ingests_merges_and_briefs(pg_url, summit_records, syndicated_record):
    from dyad.corpus import Corpus

    with Corpus(pg_url) as c:
        assert c.store.dialect == "postgresql"
        assert c.add_records(summit_records).added == 2
        counts = c.counts()
        assert c.add_records(summit_records).unchanged == 2
        assert c.counts() == counts
        assert c.add_records([syndicated_record]).grouped == 1
        assert c.counts()["incidents"] == counts["incidents"]
        consult = sorted(i["date"] for i in c.rows("incidents") if i["type"] == "CONSULT")
        assert consult == ["2023-09-12", "2024-06-19"]
        assert c.resolve("North Korea") == "PRK"
        md = c.brief("Russia", "North Korea", "md")
        assert "12–13 Sep 2023" in md and "**denied by North Korea**" in md
        assert summit_records[0]["id"] in {h["id"] for h in c.search("cosmodrome")}
        assert len(c.events()) == counts["events"] + len(syndicated_record["events"])


def _plain_url(url: str) -> str:
    """``postgresql://`` (no driver named) for the same server and schema: the CLI must normalise it."""
    return "postgresql://" + url.split("://", 1)[1]


def test_example_articles_on_postgres_match_sqlite(pg_url, tmp_path, nlp, example_paths):
    """Ingest, re-ingest, search and the dyad analysis give the same answers on PostgreSQL as on SQLite."""
    from dyad.corpus import Corpus

    paths = [str(p) for p in example_paths]
    with Corpus(_plain_url(pg_url)) as pg, Corpus(f"sqlite:///{tmp_path / 'c.db'}") as lite:
        assert pg.url.startswith("postgresql+psycopg://")
        assert pg.ingest(paths, nlp=nlp).added == len(paths)
        counts = pg.counts()
        assert counts["documents"] == len(paths) and counts["events"] > 0 and counts["incidents"] > 0
        again = pg.ingest(paths, nlp=nlp)
        assert (again.added, again.unchanged) == (0, len(paths))
        assert pg.counts() == counts

        assert lite.ingest(paths, nlp=nlp).added == len(paths)
        assert lite.counts() == counts

        hits = pg.search("Pyongyang")
        assert hits and {h["id"] for h in hits} <= set(pg.documents()["id"])
        assert {h["id"] for h in hits} == {h["id"] for h in lite.search("Pyongyang")}
        assert pg.search("zzyzx-not-a-word") == []
        quote_hits = pg.search("Russia", table="quotes")
        assert {h["id"] for h in quote_hits} <= set(pg.quotes()["id"])

        assert _by_id(pg.rows("incidents")) == _by_id(lite.rows("incidents"))
        assert _by_id(pg.rows("events")) == _by_id(lite.rows("events"))
        ours, theirs = pg.dyad("Russia", "North Korea"), lite.dyad("Russia", "North Korea")
        assert ours["incidents"], "the example articles give Russia–North Korea incidents"
        assert _by_id(ours["incidents"]) == _by_id(theirs["incidents"])  # ties in date may list in another order
        assert [(m["month"], m["counts"], m["score"]) for m in ours["monthly"]] == \
            [(m["month"], m["counts"], m["score"]) for m in theirs["monthly"]]
        assert ours["score"] == theirs["score"]
        md = pg.brief("Russia", "North Korea", "md")
        assert "North Korea" in md and "[1:" in md


def _by_id(rows: list[dict]) -> str:
    return json.dumps(sorted(rows, key=lambda r: r["id"]), sort_keys=True, default=str)


def test_cli_reads_a_postgres_corpus(pg_url, summit_records):
    """``dyad dyad``, ``dyad brief`` and ``dyad export`` with ``--db postgresql://...``."""
    from dyad.corpus import Corpus

    with Corpus(pg_url) as c:
        c.add_records(summit_records)
        n_events = c.counts()["events"]
    db = _plain_url(pg_url)
    runner = CliRunner()
    res = runner.invoke(app, ["dyad", "Russia", "North Korea", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["dyad"]["b"] == "PRK"
    res = runner.invoke(app, ["brief", "RUS", "PRK", "--db", db])
    assert res.exit_code == 0, res.output
    assert "12–13 Sep 2023" in res.stdout
    res = runner.invoke(app, ["export", "--table", "events", "--db", db])
    assert res.exit_code == 0, res.output
    assert len(res.stdout.splitlines()) == n_events
