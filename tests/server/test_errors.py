"""Every 4xx in the one error shape; page, body and parameter limits; injection strings are only data."""

from __future__ import annotations

import re

import pytest

INJECTIONS = [
    "' OR '1'='1",
    "1; DROP TABLE events; --",
    "\" OR \"\"=\"",
    "RUS' UNION SELECT id, text FROM documents --",
    "%' OR 1=1 --",
    "_%",
    "*",
    "NEAR(a b)",
    "text:* OR title:*",
    "\\",
    "\x00",
    "<script>alert(1)</script>",
    "Россия",
    "²³",
    "🙂" * 50,
]

FILTERS = {
    "/api/documents": ["q", "outlet"],
    "/api/actors": ["q", "kind", "country"],
    "/api/events": ["actor", "a", "b", "type", "status", "document"],
    "/api/incidents": ["actor", "a", "b", "type", "status"],
    "/api/quotes": ["q", "speaker", "document"],
    "/api/amounts": ["q", "unit", "claimed_by", "document"],
}

FULL_TEXT = {("/api/documents", "q"), ("/api/quotes", "q")}


@pytest.mark.parametrize("path", sorted(FILTERS))
def test_injection_strings_in_every_filter_are_plain_values(client, store, path):
    before = store.count_rows()
    everything = client.get(path).json()["total"]
    for name in FILTERS[path]:
        for value in INJECTIONS:
            r = client.get(path, params={name: value})
            assert r.status_code == 200, (name, value, r.text)
            body = r.json()
            # matched as plain values, nothing matches; a bare NUL is dropped, leaving no filter;
            # full-text search reads only the words (no FTS syntax), as if punctuation were spaces
            expected = everything if value == "\x00" else 0
            if (path, name) in FULL_TEXT and value != "\x00":
                words = " ".join(re.findall(r"\w+", value))
                expected = client.get(path, params={name: words}).json()["total"] if words else 0
            assert body["total"] == expected, (name, value, body["total"])
            assert len(body["items"]) == min(expected, 50)
    assert store.count_rows() == before


def test_wildcards_are_literal_in_text_filters(client):
    assert client.get("/api/amounts", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/actors", params={"q": "_"}).json()["total"] == 0


@pytest.mark.parametrize("path", ["/api/dyads/{x}/PRK", "/api/dyads/RUS/{x}/timeline", "/api/documents/{x}",
                                  "/api/actors/{x}", "/api/incidents/{x}"])
def test_injection_strings_in_path_parameters_are_not_found(client, assert_error, path):
    for value in ["' OR '1'='1", "1; DROP TABLE events", "%25", "x\" OR 1=1"]:
        assert_error(client.get(path.format(x=value)), 404, "E404")


@pytest.mark.parametrize(("url", "status", "code"), [
    ("/api/nothing-here", 404, "E404"),
    ("/nothing-here", 404, "E404"),
    ("/static/missing.js", 404, "E404"),
    ("/api/documents/ffffffffffffffff", 404, "E404"),
    ("/api/documents/999999", 404, "E404"),
    ("/api/documents/²", 404, "E404"),
    ("/api/actors/no-such-actor", 404, "E404"),
    ("/api/incidents/inc-000", 404, "E404"),
    ("/api/dyads/RUS/Atlantis", 404, "E404"),
    ("/api/events?limit=201", 422, "E405"),
    ("/api/events?limit=0", 422, "E405"),
    ("/api/events?offset=-1", 422, "E405"),
    ("/api/events?limit=ten", 422, "E405"),
    ("/api/events?offset=99999999999999999999999", 422, "E405"),
    ("/api/events?date_from=yesterday", 422, "E405"),
    ("/api/events?date_to=2024-13-01T00", 422, "E405"),
    ("/api/documents?q=" + "x" * 201, 422, "E405"),
    ("/api/actors?sort=random", 422, "E405"),
    ("/api/network?limit=1000", 422, "E405"),
    ("/api/dyads/RUS/PRK/brief?format=pdf", 422, "E405"),
])
def test_every_client_error_has_the_one_shape(client, assert_error, url, status, code):
    assert_error(client.get(url), status, code)


def test_wrong_method_has_the_one_shape(client, assert_error):
    assert_error(client.delete("/api/documents"), 405, "E405")
    assert_error(client.put("/api/events"), 405, "E405")


def test_page_size_is_capped_at_200(client):
    assert client.get("/api/events", params={"limit": 200}).status_code == 200


def test_body_over_the_limit_is_413(client, assert_error, token):
    big = {"text": "x" * 6_000_000}
    r = client.post("/api/documents", json=big, headers={"Authorization": f"Bearer {token}"})
    assert_error(r, 413, "E403")


def test_streamed_body_over_the_limit_is_413(store, app_factory, test_client, assert_error, token):
    app = app_factory(store, max_body_bytes=1000)

    def chunks():
        for _ in range(10):
            yield b"x" * 500

    with test_client(app, raise_server_exceptions=False) as c:
        r = c.post("/api/documents", content=chunks(), headers={"Authorization": f"Bearer {token}",
                                                                 "Content-Type": "application/json"})
    assert_error(r, 413, "E403")


def test_malformed_json_body_is_422(client, assert_error, token):
    r = client.post("/api/documents", content=b"{not json", headers={"Authorization": f"Bearer {token}",
                                                                     "Content-Type": "application/json"})
    assert_error(r, 422, "E405")
    r = client.post("/api/documents", json={"text": "a", "colour": "red"},
                    headers={"Authorization": f"Bearer {token}"})
    assert_error(r, 422, "E405")
