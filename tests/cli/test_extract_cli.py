"""``dyad extract`` end to end, as a user runs it (a real subprocess, the real model)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DYAD = [sys.executable, "-m", "dyad.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*DYAD, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)


def test_batch_keeps_order_and_reports_errors(tmp_path, example_paths):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"%PDF-1.4 binary")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    p = run("extract", str(example_paths[0]), str(bad), str(empty), str(example_paths[1]))
    assert p.returncode == 0, p.stderr.decode()
    recs = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [("error" in r) for r in recs] == [False, True, True, False]
    assert recs[1]["error"]["code"] == "E002"
    assert recs[2]["error"]["code"] == "E001"
    assert recs[0]["source"]["path"] == str(example_paths[0])
    assert b"E002" in p.stderr and b"E001" in p.stderr


def test_exit_2_when_nothing_succeeds(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    p = run("extract", str(empty))
    assert p.returncode == 2
    assert json.loads(p.stdout)["error"]["code"] == "E001"


def test_jsonl_input_carries_ids_and_given_metadata(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(
        json.dumps({"id": "doc-1", "text": "China and Russia signed a trade agreement on Monday.",
                    "published": "2024-05-20", "outlet": "Example Wire"}) + "\n" + "{broken\n",
        encoding="utf-8")
    p = run("extract", "--jsonl", str(inp))
    assert p.returncode == 0
    good, bad = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert good["source"]["id"] == "doc-1"
    assert good["published"] == "2024-05-20" and good["published_basis"] == "given"
    assert good["outlet"] == "Example Wire"
    assert bad["error"]["code"] == "E004"


def test_stdin(tmp_path):
    p = run("extract", "-", stdin=b"Japan urged North Korea to stop missile tests.")
    assert p.returncode == 0
    assert json.loads(p.stdout)["source"]["id"] == "-"


def test_output_file(tmp_path, example_paths):
    out = tmp_path / "out.jsonl"
    p = run("extract", str(example_paths[1]), "-o", str(out))
    assert p.returncode == 0
    assert json.loads(out.read_text())["schema"] == "dyad.document/1"
