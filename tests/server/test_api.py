"""The read API against a store built from the example articles: content, filters, pagination, order."""

from __future__ import annotations

import pytest


def test_health_counts_match_the_store(client, store):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["counts"] == store.count_rows()
    assert body["writes"] is True


def test_documents_list_is_paginated_with_total(client):
    first = client.get("/api/documents", params={"limit": 1}).json()
    second = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["seq"] > second["items"][0]["seq"]  # newest article number first
    beyond = client.get("/api/documents", params={"offset": 5}).json()
    assert beyond["total"] == 2 and beyond["items"] == []


def test_full_text_search_finds_words_anywhere_and_gives_a_snippet(client):
    body = client.get("/api/documents", params={"q": "Vostochny Cosmodrome"}).json()
    assert body["total"] == 1
    assert "Vostochny" in body["items"][0]["snippet"]
    assert client.get("/api/documents", params={"q": "zanzibar"}).json()["total"] == 0


def test_one_document_has_its_text_and_every_item_with_valid_offsets(client):
    listed = client.get("/api/documents").json()["items"]
    for row in listed:
        doc = client.get(f"/api/documents/{row['id']}").json()
        text = doc["text"]
        assert doc["events"] and doc["actors"] and doc["sentences"][0] >= 0
        for e in doc["events"]:
            span = e["evidence"]
            assert text[span["start"]:span["end"]] == span["text"]
            assert e["document_id"] == row["id"]
        for a in doc["actors"]:
            for m in a["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
        for q in doc["quotes"] + doc["amounts"] + doc["times"]:
            assert text[q["start"]:q["end"]] == q["text"]


def test_a_document_is_found_by_its_article_number(client):
    by_seq = client.get("/api/documents/1").json()
    assert by_seq["seq"] == 1
    assert client.get(f"/api/documents/{by_seq['id']}").json()["id"] == by_seq["id"]


def test_events_filter_by_dyad_either_direction(client):
    body = client.get("/api/events", params={"a": "RUS", "b": "PRK", "limit": 200}).json()
    assert body["total"] == len(body["items"]) > 0
    for e in body["items"]:
        assert {e["source_country"], e["target_country"]} == {"RUS", "PRK"}
    by_name = client.get("/api/events", params={"a": "North Korea", "b": "Russia", "limit": 200}).json()
    assert {e["id"] for e in by_name["items"]} == {e["id"] for e in body["items"]}


def test_events_filter_by_type_status_and_dates(client):
    consult = client.get("/api/events", params={"type": "CONSULT", "limit": 200}).json()
    assert consult["total"] > 0 and all(e["type"] == "CONSULT" for e in consult["items"])
    two = client.get("/api/events", params=[("type", "CONSULT"), ("type", "AID"), ("limit", "200")]).json()
    assert two["total"] > consult["total"]
    asserted = client.get("/api/events", params={"status": "asserted", "limit": 200}).json()
    assert all(e["status"] == "asserted" for e in asserted["items"])
    sep = client.get("/api/events", params={"date_from": "2023-09-01", "date_to": "2023-09-30", "limit": 200}).json()
    assert sep["total"] > 0
    assert all(e["date"] and e["date"].startswith("2023-09") for e in sep["items"])


def test_events_order_is_deterministic_and_pages_do_not_overlap(client):
    whole = client.get("/api/events", params={"limit": 200}).json()
    pages = []
    for offset in range(0, whole["total"], 7):
        pages += client.get("/api/events", params={"limit": 7, "offset": offset}).json()["items"]
    assert [e["id"] for e in pages] == [e["id"] for e in whole["items"]]
    dated = [e["date"] for e in whole["items"] if e["date"]]
    assert dated == sorted(dated, reverse=True)


def test_events_by_actor_name_and_by_document(client):
    by_name = client.get("/api/events", params={"actor": "Vladimir Putin", "limit": 200}).json()
    assert by_name["total"] > 0
    assert all("vladimir-putin" in (e["source_id"], e["target_id"]) for e in by_name["items"])
    doc = client.get("/api/documents/2").json()
    in_doc = client.get("/api/events", params={"document": doc["id"], "limit": 200}).json()
    assert in_doc["total"] == len(doc["events"])


def test_incidents_and_one_incident_with_its_events(client):
    body = client.get("/api/incidents", params={"a": "RUS", "b": "PRK", "type": "CONSULT"}).json()
    dates = {i["date"] for i in body["items"]}
    assert "2023-09-12" in dates and "2024-06-19" in dates  # both summits
    summit = next(i for i in body["items"] if i["date"] == "2023-09-12")
    detail = client.get(f"/api/incidents/{summit['id']}").json()
    assert len(detail["events"]) == detail["n_events"] >= 2
    assert all(e["incident_id"] == summit["id"] for e in detail["events"])


def test_quotes_by_text_and_by_speaker(client):
    toast = client.get("/api/quotes", params={"q": "friendship cooperation"}).json()
    assert toast["total"] >= 1 and all("friendship" in q["text"].lower() for q in toast["items"])
    putin = client.get("/api/quotes", params={"speaker": "Putin"}).json()
    assert putin["total"] >= 1 and all("Putin" in (q["speaker_name"] or "") for q in putin["items"])


def test_amounts_and_actors(client):
    amounts = client.get("/api/amounts", params={"limit": 200}).json()
    assert amounts["total"] == len(amounts["items"]) > 0
    actors = client.get("/api/actors", params={"limit": 5}).json()
    counts = [a["mentions"] for a in actors["items"]]
    assert counts == sorted(counts, reverse=True)
    assert client.get("/api/actors/RUS").json()["name"] == "Russia"
    named = client.get("/api/actors", params={"sort": "name", "limit": 200}).json()["items"]
    assert [a["name"] for a in named] == sorted(a["name"] for a in named)


def test_dyad_matches_the_corpus_analysis(client, store):
    from dyad.corpus import analysis

    body = client.get("/api/dyads/RUS/PRK").json()
    assert body == analysis.analyse(store, "RUS", "PRK")
    timeline = client.get("/api/dyads/Russia/North Korea/timeline").json()
    assert timeline["incidents"] == body["incidents"] and timeline["monthly"] == body["monthly"]


@pytest.mark.parametrize(("fmt", "media"), [("md", "text/markdown"), ("html", "text/html"),
                                            ("json", "application/json")])
def test_brief_in_each_format_is_the_corpus_brief(client, store, fmt, media):
    from dyad.corpus import analysis, brief

    r = client.get("/api/dyads/RUS/PRK/brief", params={"format": fmt})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.text == brief.render(analysis.analyse(store, "RUS", "PRK"), fmt)


def test_network_has_the_russia_north_korea_edge_first(client):
    body = client.get("/api/network").json()
    assert {body["edges"][0]["a"], body["edges"][0]["b"]} == {"RUS", "PRK"}
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["a"] in ids and e["b"] in ids for e in body["edges"])


def test_facets_count_every_event(client):
    facets = client.get("/api/events/facets").json()
    total = client.get("/api/events", params={"limit": 1}).json()["total"]
    assert sum(t["count"] for t in facets["types"]) == total == sum(s["count"] for s in facets["statuses"])


def test_the_ui_is_served_with_a_strict_policy(client):
    r = client.get("/")
    assert r.status_code == 200 and "<main id=\"view\"" in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert client.get("/static/js/app.js").status_code == 200
    assert "http" not in client.get("/static/js/charts.js").text.replace("http://www.w3.org/2000/svg", "")
