"""schemathesis against /openapi.json: no server error, and every response as the schema promises.

Each operation of the schema is one test: schemathesis generates requests from the schema (valid and
invalid ones) with Hypothesis, sends them to the app in-process, and runs the checks on each response.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings

from dyad.server import create_app
from dyad.settings import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis
    from schemathesis.generation.modes import GenerationMode
    from schemathesis.specs.openapi import checks as openapi_checks

CHECKS = [
    schemathesis.checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]
MAX_EXAMPLES = 30


def _operations() -> list[str]:
    """The operations of the schema (read from an app over an empty in-memory store)."""
    schema = create_app(Settings(db="sqlite://")).openapi()
    return sorted(f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops)


def _cases() -> list[tuple[str, GenerationMode]]:
    """Every operation with valid requests; those that take input also with invalid ones."""
    schema = create_app(Settings(db="sqlite://")).openapi()
    out = []
    for label in _operations():
        method, path = label.split(" ", 1)
        op = schema["paths"][path][method.lower()]
        out.append((label, GenerationMode.POSITIVE))
        if op.get("parameters") or op.get("requestBody"):
            out.append((label, GenerationMode.NEGATIVE))
    return out


@pytest.fixture(scope="module")
def api_schema(server_db, tmp_path_factory, app_factory):
    """The schema of an app over a copy of the example store (POSTs, made with the token, land in the copy)."""
    import sqlite3

    from dyad.corpus.store import Store

    path = tmp_path_factory.mktemp("schema") / "copy.db"
    with sqlite3.connect(server_db.removeprefix("sqlite:///")) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    store = Store(f"sqlite:///{path}").init()
    app = app_factory(store)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


def _operation(api_schema, label: str):
    for result in api_schema.get_all_operations():
        op = result.ok()
        if f"{op.method.upper()} {op.path}" == label:
            return op
    raise LookupError(label)


def test_every_route_is_in_the_schema():
    assert "GET /api/events" in _operations() and "POST /api/documents" in _operations()
    assert len(_operations()) >= 12


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize(("label", "mode"), _cases())
def test_operation_conforms_to_its_schema(api_schema, label, mode, token):
    """Valid requests (``positive``) and requests that break the schema (``negative``) alike."""
    op = _operation(api_schema, label)
    writes = label.startswith("POST")

    @given(case=op.as_strategy(mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        case.call_and_validate(checks=CHECKS)
        if writes:  # and once more with the token: the request reaches the pipeline and the store
            case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {token}"})

    run()
