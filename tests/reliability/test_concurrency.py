"""Concurrency: two ``dyad ingest`` processes over overlapping folders at once, on one store.

Both start together on a new store (so they also race to create the schema). Afterwards every
article is stored exactly once and whole, the two reports add up, no "database is locked"
reaches the user, and the incidents are exactly those a one-at-a-time ingest in the same commit
order (the documents' corpus numbers) gives: nobody merged against rows it could not see, so no
incident is duplicated. Run on SQLite (WAL, busy timeout, retries) and on PostgreSQL.

Underneath, ``Store.write_session`` serialises writers; ``test_writers_take_turns_*`` check that
directly, since the two processes' transactions only overlap by chance.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from ingest_runs import finish, record_shape, start_ingest, stored_shape, write_folder
from sqlalchemy import select

from dyad.corpus.store import Document, Incident, IncidentEvent, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def _report(stderr: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+) added \(\d+ near-duplicates grouped\), (\d+) unchanged, (\d+) errors", stderr)
    assert m, f"no ingest report in stderr: {stderr!r}"
    return int(m[1]), int(m[2]), int(m[3])


def _folders(root: Path, texts: list[str]) -> tuple[Path, Path, list[Path]]:
    """A: the examples + stories 0-4; B: the examples + stories 3-7 (four articles in both)."""
    examples = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    stories = {f"story_{i:02d}.txt": t for i, t in enumerate(texts[:8])}
    names = sorted(stories)
    a = write_folder(root / "a", {**examples, **{n: stories[n] for n in names[:5]}})
    b = write_folder(root / "b", {**examples, **{n: stories[n] for n in names[3:]}})
    union = sorted(a.glob("*.txt")) + [b / n for n in names[5:]]
    return a, b, union


def _state(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    with store.engine.connect() as conn:
        return {
            "documents": [tuple(r) for r in conn.execute(
                select(Document.id, Document.seq, Document.group_id).order_by(Document.seq))],
            "incidents": [tuple(r) for r in conn.execute(select(*Incident.__table__.c).order_by(Incident.id))],
            "links": [tuple(r) for r in conn.execute(
                select(IncidentEvent.incident_id, IncidentEvent.event_id)
                .order_by(IncidentEvent.incident_id, IncidentEvent.event_id))],
        }


def _two_ingests_at_once(db: str, replay_db: str, root: Path, texts: list[str], extract_file) -> None:
    a, b, union = _folders(root, texts)
    expected = {}
    for path in union:
        rec = extract_file(path)
        expected[rec["id"]] = rec
    assert len(expected) == len(union)

    procs = [start_ingest(a, db), start_ingest(b, db)]
    results = [finish(p) for p in procs]
    for code, out, err in results:
        assert code == 0, err
        assert "locked" not in (out + err).lower() and "Traceback" not in err, err
    reports = [_report(err) for _code, _out, err in results]
    inputs = len(list(a.glob("*.txt"))) + len(list(b.glob("*.txt")))
    assert sum(r[0] for r in reports) == len(expected), f"each article added once in all: {reports}"
    assert sum(r[1] for r in reports) == inputs - len(expected)
    assert all(r[0] > 0 and r[2] == 0 for r in reports), reports

    store = Store(db).init()
    try:
        state = _state(store)
        docs = state["documents"]
        assert sorted(d[0] for d in docs) == sorted(expected), "nothing lost, nothing twice"
        assert [d[1] for d in docs] == list(range(1, len(expected) + 1))
        n_events = sum(len(r.get("events") or []) for r in expected.values())
        assert store.count_rows()["events"] == n_events
        assert len({e for _i, e in state["links"]}) == len(state["links"]) == n_events
        for doc_id, rec in expected.items():
            assert stored_shape(store, doc_id) == record_shape(rec), f"{doc_id} not stored whole"
    finally:
        store.close()

    # The same records one at a time in the order the two writers committed them.
    replay = Store(replay_db).init()
    try:
        from dyad.corpus.ingest import ingest_records

        report = ingest_records(replay, [expected[d[0]] for d in docs])
        assert report.added == len(expected)
        assert _state(replay) == state
    finally:
        replay.close()


def test_two_ingests_at_once_on_sqlite(tmp_path, generated_texts, extract_file):
    _two_ingests_at_once(f"sqlite:///{tmp_path / 'corpus.db'}", f"sqlite:///{tmp_path / 'replay.db'}",
                         tmp_path, generated_texts, extract_file)


@pytest.mark.postgres
def test_two_ingests_at_once_on_postgres(pg_urls, tmp_path, generated_texts, extract_file):
    _two_ingests_at_once(pg_urls(), pg_urls(), tmp_path, generated_texts, extract_file)


def _writers_take_turns(url: str) -> None:
    """While one write session is open, a second one (another connection) waits; it gets in after the commit."""
    store = Store(url).init()
    holding, release, acquired = threading.Event(), threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def first() -> None:
        with store.write_session() as s:
            s.execute(select(Document.seq).limit(1))
            holding.set()
            release.wait(60)

    def second() -> None:
        try:
            with store.write_session() as s:
                s.execute(select(Document.seq).limit(1))
                acquired.set()
        except BaseException as e:  # reported below, not lost in the thread
            failures.append(e)

    t1 = threading.Thread(target=first)
    t1.start()
    try:
        assert holding.wait(60)
        t2 = threading.Thread(target=second)
        t2.start()
        assert not acquired.wait(1.5), "a second writer got in while the first held the write lock"
    finally:
        release.set()
        t1.join(60)
    t2.join(60)
    store.close()
    assert not failures, failures
    assert acquired.is_set(), "the second writer got in once the first committed"


def test_writers_take_turns_on_sqlite(tmp_path):
    _writers_take_turns(f"sqlite:///{tmp_path / 'corpus.db'}")


@pytest.mark.postgres
def test_writers_take_turns_on_postgres(pg_url):
    _writers_take_turns(pg_url)
