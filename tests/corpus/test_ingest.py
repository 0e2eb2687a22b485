"""Ingest of records: idempotence, one identity per actor, errors, near-duplicate groups."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dyad.corpus.ingest import expand_paths


def test_ingesting_twice_changes_no_table(corpus, summit_records):
    first = corpus.add_records(summit_records)
    assert first.added == 2
    counts = corpus.counts()
    assert counts["documents"] == 2 and counts["events"] == 13 and counts["incidents"] > 0
    again = corpus.add_records(summit_records)
    assert again.added == 0 and again.unchanged == 2
    assert corpus.counts() == counts


def test_actor_identity_is_shared_across_documents(corpus, summit_records):
    corpus.add_records(summit_records)
    actors = corpus.rows("events")
    kim = {e["source_id"] for e in actors if e["source_id"] == "Q56226"}
    assert kim == {"Q56226"}
    assert corpus.counts()["actors"] == len({a["id"] for r in summit_records for a in r["actors"]})


def test_error_records_are_stored_once(corpus):
    err = {"schema": "dyad.document/1", "source": {"id": "x.bin", "path": "x.bin", "url": None},
           "error": {"code": "E002", "message": "[E002] Binary input: PDF bytes are not an article."}}
    report = corpus.add_records([err, err])
    assert report.errors == 2
    assert corpus.counts()["errors"] == 1


def test_syndicated_copy_joins_the_group_without_new_incidents(corpus, summit_records, syndicated_record):
    corpus.add_records(summit_records)
    incidents = corpus.counts()["incidents"]
    report = corpus.add_records([syndicated_record])
    assert report.added == 1 and report.grouped == 1
    docs = corpus.documents()
    assert len(docs) == 3 and docs["group_id"].nunique() == 2
    assert corpus.counts()["incidents"] == incidents
    inc = corpus.incidents()
    assert inc["n_documents"].max() == 2  # the Sep 2023 summit: two stories, the copy not counted


def test_unrelated_story_gets_its_own_group(corpus, summit_records):
    corpus.add_records(summit_records)
    assert corpus.documents()["group_id"].nunique() == 2


def test_expand_paths_walks_folders(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "two.html").write_text("x")
    (tmp_path / "a" / "skip.pdf").write_text("x")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / "b.jsonl").write_text("{}")
    got = expand_paths([str(tmp_path / "a"), str(tmp_path / "b.jsonl")])
    assert [p.rsplit("/", 1)[1] for p in got] == ["one.txt", "two.html", "b.jsonl"]


def test_extracted_records_file_is_stored_without_extraction(corpus, summit_records, tmp_path):
    import json

    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in summit_records) + "\n{broken\n", encoding="utf-8")
    report = corpus.ingest([str(path)])  # no pipeline needed: the records are already extracted
    assert report.added == 2 and report.errors == 1
    assert corpus.counts()["documents"] == 2 and corpus.counts()["errors"] == 1
    again = corpus.ingest([str(tmp_path)])
    assert again.added == 0 and again.unchanged == 2


@pytest.mark.parametrize("breakage", [
    lambda r: r.pop("text"),
    lambda r: r["events"][0].pop("evidence"),
    lambda r: r["amounts"].append({"start": 0, "end": 1, "text": "x", "value": "many"}),
    lambda r: r["actors"][0].pop("id"),
    lambda r: r.update(quotes="not a list"),
])
def test_malformed_records_become_error_records(corpus, summit_records, breakage):
    rec = summit_records[1]
    breakage(rec)
    report = corpus.add_records([rec])
    assert report.errors == 1 and report.added == 0
    with corpus.store.engine.connect() as conn:
        assert conn.execute(text("SELECT code FROM errors")).scalars().all() == ["E306"]
    assert corpus.counts()["documents"] == 0


def test_replace_restores_new_analyses_and_fixes_incidents(corpus, summit_records):
    corpus.add_records(summit_records)
    counts = corpus.counts()
    seqs = {d["id"]: d["seq"] for d in corpus.rows("documents")}
    assert corpus.add_records(summit_records, replace=True).replaced == 2
    assert corpus.counts() == counts  # the same analyses again: nothing changes
    better = dict(summit_records[1])
    better["events"] = [e for e in better["events"] if e["evidence"]["text"] != "the last Putin-Kim summit"]
    report = corpus.add_records([better], replace=True)
    assert report.replaced == 1 and report.added == 0
    after = corpus.counts()
    assert after["documents"] == 2 and after["events"] == counts["events"] - 1
    assert {d["id"]: d["seq"] for d in corpus.rows("documents")} == seqs
    sept = next(i for i in corpus.rows("incidents", type="CONSULT") if i["date"].startswith("2023-09"))
    assert sept["n_documents"] == 1 and sept["n_events"] == 2
    assert after["incident_events"] == after["events"]
    assert corpus.search("deepening relationship", table="quotes")
