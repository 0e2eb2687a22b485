"""``dyad ingest``, ``dyad dyad``, ``dyad brief`` and ``dyad export`` as a user runs them (real subprocesses)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
DYAD = [sys.executable, "-m", "dyad.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*DYAD, *args], capture_output=True, cwd=ROOT, timeout=600, text=True)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'dyad.db'}"
    p = run("ingest", str(ROOT / "examples" / "articles"), "--db", url)
    assert p.returncode == 0, p.stderr
    assert "docs/s" in p.stderr and "2 added" in p.stderr
    return url


def test_ingest_again_reports_unchanged(db):
    p = run("ingest", str(ROOT / "examples" / "articles"), "--db", db, "--no-progress")
    assert p.returncode == 0, p.stderr
    assert "0 added" in p.stderr and "2 unchanged" in p.stderr


def test_ingest_reads_metadata_sidecars(db):
    p = run("export", "--table", "documents", "--format", "jsonl", "--db", db)
    assert p.returncode == 0, p.stderr
    published = {Path(d["path"]).name: (d["published"], d["published_basis"])
                 for d in map(json.loads, p.stdout.splitlines())}
    assert published["000_66cd115ae380c893.txt"] == ("2024-06-19", "given")  # from its .meta.json
    assert published["004_4a83f7daf512b5e4.txt"][0][:10] == "2023-09-13"  # found in the text


def _pair(db: str) -> tuple[str, str]:
    p = run("export", "--table", "events", "--format", "jsonl", "--db", db)
    pairs = sorted({(e["source_country"], e["target_country"]) for e in map(json.loads, p.stdout.splitlines())
                    if e["source_country"] and e["target_country"] and e["source_country"] != e["target_country"]})
    if not pairs:
        pytest.skip("the extraction stages found no dyad yet")
    return pairs[0]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_brief_formats(db, fmt, tmp_path):
    a, b = _pair(db)
    out = tmp_path / f"brief.{fmt}"
    p = run("brief", a, b, "--db", db, "--format", fmt, "-o", str(out))
    assert p.returncode == 0, p.stderr
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert json.loads(text)["dyad"]["a"] == a
    elif fmt == "html":
        assert text.startswith("<!doctype html>") and "<svg" in text
    else:
        assert text.startswith("# ") and "## Sources" in text


def test_dyad_command_prints_tables(db):
    a, b = _pair(db)
    p = run("dyad", a, b, "--db", db)
    assert p.returncode == 0, p.stderr
    assert "incidents" in p.stdout and "exchange ledger" in p.stdout


def test_unknown_actor_exits_1(db):
    p = run("brief", "Atlantis", "Lemuria", "--db", db)
    assert p.returncode == 1 and "E303" in p.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(db, fmt, tmp_path):
    out = tmp_path / f"documents.{fmt}"
    p = run("export", "--table", "documents", "--format", fmt, "--db", db, "-o", str(out))
    assert p.returncode == 0, p.stderr
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == 2
    elif fmt == "jsonl":
        assert len(out.read_text().splitlines()) == 2
    else:
        assert len(out.read_text().splitlines()) >= 3


def test_export_bad_table_exits_1(db):
    p = run("export", "--table", "nope", "--db", db)
    assert p.returncode == 1 and "E305" in p.stderr
