"""Crash safety: ``dyad ingest`` killed with SIGKILL halfway, then run again.

One transaction per document means a kill leaves only whole documents behind (with all their
events, quotes, amounts, times, places and text index rows), and the rerun stores the rest,
skipping what was done. The stored rows of every document are checked against a fresh
extraction of the same article.
"""

from __future__ import annotations

import re
import signal
import sqlite3
import time

from ingest_runs import finish, record_shape, start_ingest, stored_shape, write_folder

from dyad.corpus.store import Store


def _stored_documents(db_file) -> int:
    """Documents committed so far, read through a separate read-only connection (0 before the schema exists)."""
    if not db_file.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _report(stderr: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+) added \(\d+ near-duplicates grouped\), (\d+) unchanged, (\d+) errors", stderr)
    assert m, f"no ingest report in stderr: {stderr!r}"
    return int(m[1]), int(m[2]), int(m[3])


def test_sigkill_halfway_then_rerun_stores_every_document_once(tmp_path, generated_texts, extract_file):
    folder = write_folder(tmp_path / "articles", {f"story_{i:02d}.txt": t for i, t in enumerate(generated_texts)})
    n = len(generated_texts)
    db_file = tmp_path / "corpus.db"
    db = f"sqlite:///{db_file}"

    proc = start_ingest(folder, db)
    deadline = time.monotonic() + 600
    while _stored_documents(db_file) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    code, _out, err = finish(proc)
    assert code == -signal.SIGKILL, f"the ingest ended (exit {code}) before it could be killed halfway: {err}"

    store = Store(db).init()
    try:
        before = store.count_rows()
        done = before["documents"]
        assert 3 <= done < n, f"killed after {done} of {n} documents"
        _check_consistent(store, folder, extract_file)
    finally:
        store.close()

    rerun = start_ingest(folder, db)
    code, _out, err = finish(rerun)
    assert code == 0, err
    added, unchanged, errors = _report(err)
    assert (added, unchanged, errors) == (n - done, done, 0), "the rerun skips exactly what was stored"

    store = Store(db).init()
    try:
        after = store.count_rows()
        assert after["documents"] == n
        _check_consistent(store, folder, extract_file)
    finally:
        store.close()


def _check_consistent(store: Store, folder, extract_file) -> None:
    """Each stored document once, whole: its rows equal a fresh extraction's; seq 1..N without gaps."""
    from sqlalchemy import text

    expected = {}
    for path in sorted(folder.glob("*.txt")):
        rec = extract_file(path)
        expected[rec["id"]] = record_shape(rec)
    assert sum(len(shape["events"]) for shape in expected.values()) > 0
    with store.engine.connect() as conn:
        docs = conn.execute(text("SELECT id, seq FROM documents ORDER BY seq")).all()
        fts = conn.execute(text("SELECT count(*), count(DISTINCT document_id) FROM documents_fts")).one()
        linked = conn.execute(text("SELECT count(*), count(DISTINCT event_id) FROM incident_events")).one()
        events = conn.execute(text("SELECT count(*) FROM events")).scalar()
    assert [seq for _, seq in docs] == list(range(1, len(docs) + 1))
    assert {doc_id for doc_id, _ in docs} <= set(expected)
    assert tuple(fts) == (len(docs), len(docs)), "one text-index row per stored document"
    assert tuple(linked) == (events, events), "every stored event in exactly one incident"
    for doc_id, seq in docs:
        assert stored_shape(store, doc_id) == expected[doc_id], f"document {seq} is not whole"
