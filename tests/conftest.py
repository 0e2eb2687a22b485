"""Shared fixtures: the real pipeline (built once per test session) and the example articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from dyad.pipeline import load

    return load()


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def example_records(nlp, example_paths):
    """dyad.document/1 records for the example articles, with the metadata of their sidecars."""
    from dyad.extraction import extract
    from dyad.io.readers import read_sidecar

    return {
        p.name: extract(p.read_text(encoding="utf-8"), id=p.name, nlp=nlp, **read_sidecar(p))
        for p in example_paths
    }


PG_DEFAULT = "postgresql+psycopg://dyad:dyad@127.0.0.1:5432/dyad_test"


@pytest.fixture
def pg_urls():
    """``pg_urls()``: a PostgreSQL URL (``DYAD_TEST_POSTGRES``, else the local test server) whose
    search path is a fresh schema; every schema made is dropped after the test.

    Skips with the reason when no server answers, unless ``DYAD_REQUIRE_SERVICES=1`` (CI): then it fails.
    """
    import os
    import uuid

    import sqlalchemy as sa

    url = os.environ.get("DYAD_TEST_POSTGRES") or PG_DEFAULT
    admin = sa.create_engine(url, connect_args={"connect_timeout": 3})
    schemas: list[str] = []

    def make() -> str:
        schema = f"dyad_test_{uuid.uuid4().hex[:10]}"
        try:
            with admin.begin() as conn:
                conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        except sa.exc.SQLAlchemyError as e:
            msg = f"no PostgreSQL server reachable at {url.split('@')[-1]} ({type(e.__cause__ or e).__name__})"
            if os.environ.get("DYAD_REQUIRE_SERVICES") == "1":
                pytest.fail(msg + " but DYAD_REQUIRE_SERVICES=1: run .ci/services.sh")
            pytest.skip(msg + "; set DYAD_TEST_POSTGRES or run .ci/services.sh")
        schemas.append(schema)
        sep = "&" if "?" in url else "?"
        return f"{url}{sep}options=-csearch_path%3D{schema}"

    yield make
    if schemas:
        with admin.begin() as conn:
            for schema in schemas:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def pg_url(pg_urls) -> str:
    """One PostgreSQL URL in a fresh schema (see ``pg_urls``)."""
    return pg_urls()
