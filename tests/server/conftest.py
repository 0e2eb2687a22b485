"""Fixtures of the server tests: a real SQLite store built from the example articles (extracted with the
real pipeline, then ingested), the app over it with a known write token, and an in-process client."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from dyad.settings import Settings

with warnings.catch_warnings():  # starlette asks for httpx2, which is not installed; httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "test-token-5f1e"
"""The write token of the test app."""


@pytest.fixture(scope="session")
def server_db(tmp_path_factory, example_records) -> str:
    """A SQLite file holding the example articles, as ``dyad ingest`` would store them."""
    from dyad.corpus.ingest import ingest_records
    from dyad.corpus.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'corpus.db'}"
    store = Store(url).init()
    report = ingest_records(store, list(example_records.values()))
    store.close()
    assert report.added == len(example_records)
    return url


@pytest.fixture(scope="session")
def store(server_db):
    from dyad.corpus.store import Store

    s = Store(server_db).init()
    yield s
    s.close()


def make_app(store: Any, token: str | None = TOKEN, **kwargs: Any):
    from dyad.server import create_app

    return create_app(Settings(db=store.url, token=token), store=store, **kwargs)


@pytest.fixture(scope="session")
def app(store):
    return make_app(store)


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def fresh_store(tmp_path, example_records):
    """A writable store of its own (tests that POST documents)."""
    from dyad.corpus.ingest import ingest_records
    from dyad.corpus.store import Store

    s = Store(f"sqlite:///{tmp_path / 'w.db'}").init()
    ingest_records(s, [example_records["004_4a83f7daf512b5e4.txt"]])
    yield s
    s.close()


def _assert_error(response, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is ``status`` in the one error shape (and carries ``code`` when given)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"].startswith("E") and len(body["error"]["code"]) == 4
    assert body["error"]["message"].startswith(f"[{body['error']['code']}]")
    if code:
        assert body["error"]["code"] == code, body
    return body["error"]


@pytest.fixture(scope="session")
def assert_error():
    """``assert_error(response, status, code=None)``: checks the one error shape, returns its ``error``."""
    return _assert_error


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def app_factory():
    """``app_factory(store, token=..., **create_app_options)``."""
    return make_app


@pytest.fixture(scope="session")
def test_client():
    """The TestClient class (imported without starlette's httpx2 notice)."""
    return TestClient
