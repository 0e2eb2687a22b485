"""The same store on PostgreSQL (``DYAD_TEST_POSTGRES``; CI sets it and requires it).

Each test run works in its own PostgreSQL schema, so parallel users of the test database
never see each other's tables.
"""

from __future__ import annotations

import os
import uuid

import pytest

URL = os.environ.get("DYAD_TEST_POSTGRES")

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    if not URL:
        if os.environ.get("DYAD_REQUIRE_SERVICES"):
            pytest.fail("DYAD_TEST_POSTGRES is not set but services are required")
        pytest.skip("no PostgreSQL (set DYAD_TEST_POSTGRES)")
    import sqlalchemy as sa

    schema = f"dyad_corpus_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in URL else "?"
    yield f"{URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


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
