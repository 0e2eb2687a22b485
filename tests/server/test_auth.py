"""Writes need the bearer token: missing -> 401, wrong -> 403, none configured -> 403 E406; reads stay open."""

from __future__ import annotations

ARTICLE = {"text": "Japan and India signed a defence agreement in Tokyo on Monday, officials said.",
           "published": "2024-03-04", "url": "https://example.org/japan-india"}


def test_write_without_token_is_401(client, assert_error):
    r = client.post("/api/documents", json=ARTICLE)
    assert_error(r, 401, "E401")
    assert r.headers["www-authenticate"] == "Bearer"


def test_write_with_another_scheme_is_401(client, assert_error, token):
    assert_error(client.post("/api/documents", json=ARTICLE, headers={"Authorization": f"Basic {token}"}), 401, "E401")


def test_write_with_wrong_token_is_403(client, assert_error, token):
    for wrong in ["nope", token + "x", token[:-1], " " + token + " x"]:
        r = client.post("/api/documents", json=ARTICLE, headers={"Authorization": f"Bearer {wrong}"})
        assert_error(r, 403, "E402")


def test_writes_are_disabled_without_a_configured_token(store, app_factory, test_client, assert_error):
    with test_client(app_factory(store, token=None), raise_server_exceptions=False) as c:
        assert_error(c.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer anything"}),
                     403, "E406")
        assert c.get("/api/documents").status_code == 200  # reads stay open
        assert c.get("/api/health").json()["writes"] is False


def test_refused_writes_change_nothing(client, store, token):
    before = store.count_rows()
    client.post("/api/documents", json=ARTICLE)
    client.post("/api/documents", json=ARTICLE, headers={"Authorization": "Bearer wrong"})
    assert store.count_rows() == before


def test_write_with_the_token_extracts_and_stores(fresh_store, app_factory, test_client, token):
    headers = {"Authorization": f"Bearer {token}"}
    with test_client(app_factory(fresh_store), raise_server_exceptions=False) as c:
        r = c.post("/api/documents", json=ARTICLE, headers=headers)
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["outcome"] == "added" and body["seq"] == 2
        assert body["counts"]["events"] >= 1 and body["counts"]["actors"] >= 2
        doc = c.get(f"/api/documents/{body['id']}").json()
        assert doc["url"] == ARTICLE["url"] and doc["published_date"] == "2024-03-04"
        assert {a["id"] for a in doc["actors"]} >= {"JPN", "IND"}
        again = c.post("/api/documents", json=ARTICLE, headers=headers).json()
        assert again["outcome"] == "unchanged" and again["id"] == body["id"]


def test_write_of_an_html_page(fresh_store, app_factory, test_client, token):
    page = ("<html><head><title>Talks</title></head><body><article><h1>Talks</h1><p>"
            + ARTICLE["text"] + "</p></article></body></html>")
    with test_client(app_factory(fresh_store), raise_server_exceptions=False) as c:
        r = c.post("/api/documents", json={"html": page}, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 201, r.text


def test_write_without_text_is_422(fresh_store, app_factory, test_client, token, assert_error):
    with test_client(app_factory(fresh_store), raise_server_exceptions=False) as c:
        for body in [{}, {"text": "   "}, {"url": "https://example.org"}]:
            assert_error(c.post("/api/documents", json=body, headers={"Authorization": f"Bearer {token}"}),
                         422, "E405")
