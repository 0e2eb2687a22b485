"""CORS is closed unless origins are configured."""

from __future__ import annotations

PREFLIGHT = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "authorization"}


def test_no_cors_headers_by_default(client):
    r = client.get("/api/documents", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200
    assert not any(h.lower().startswith("access-control-") for h in r.headers)
    pre = client.options("/api/documents", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in pre.headers


def test_configured_origins_only(store, app_factory, test_client):
    app = app_factory(store, cors_origins=["https://analyst.example"])
    with test_client(app) as c:
        ok = c.get("/api/documents", headers={"Origin": "https://analyst.example"})
        assert ok.headers["access-control-allow-origin"] == "https://analyst.example"
        other = c.get("/api/documents", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
