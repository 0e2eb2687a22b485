"""Hostile inputs, generated here: each yields an error record with a catalogue code (or a
record), the batch completes, and the exit code follows the policy (0 if any succeeded, else 2)."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.errors import Errors
from dyad.extraction import extract_records
from dyad.io import iter_inputs
from dyad.schema import validation_errors

ROOT = Path(__file__).resolve().parents[2]
GOOD = ("Russia and North Korea signed a defence pact in Pyongyang on Wednesday, "
        "and China said it was watching closely.")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("hostile")
    files = {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\n   \n",
        "doc.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)),
        "image.png": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "latin1.txt": "Séoul a déclaré que la Corée du Nord".encode("latin-1"),
        "utf16.txt": codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"),
        "one_line.txt": ("The minister said that the talks with Seoul would continue. " * 17_500).encode(),
        "nested.html": ("<html><body>" + "<div>" * 5000 + "<p>" + GOOD + "</p>" + "</div>" * 5000
                        + "</body></html>").encode(),
        "scripts.html": b"<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>",
        "french.txt": ("Le gouvernement a annoncé mardi que les négociations avec la Russie reprendraient "
                       "la semaine prochaine, selon un communiqué publié dans la soirée par le ministère. " * 3).encode(),
        "good.txt": GOOD.encode(),
        "bad.jsonl": b'{"id": "ok", "text": "Japan urged North Korea to halt missile launches."}\n{oops\n"str"\n{"id": "x"}\n',
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    (d / "a_directory").mkdir()
    big = d / "big.txt"
    with big.open("wb") as fh:
        line = b"Officials met in Seoul to discuss trade and security cooperation.\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    return {p.name: p for p in d.iterdir()}


def _by_id(records):
    return {Path(str(r["source"]["id"])).name if r["source"].get("path") else r["source"]["id"]: r for r in records}


def test_every_hostile_input_gets_its_code(hostile):
    names = [n for n in sorted(hostile) if n != "bad.jsonl"]
    records = list(extract_records(iter_inputs([str(hostile[n]) for n in names])))
    assert len(records) == len(names)
    got = _by_id(records)
    expect = {
        "empty.txt": "E001", "whitespace.txt": "E001", "doc.pdf": "E002", "image.png": "E002",
        "latin1.txt": "E003", "a_directory": "E008", "big.txt": "E009", "one_line.txt": "E009",
        "scripts.html": "E006",
    }
    for name, code in expect.items():
        assert got[name].get("error", {}).get("code") == code, (name, got[name].get("error"))
    assert got["nested.html"].get("error", {}).get("code") in (None, "E006")
    for name in ("utf16.txt", "good.txt"):
        assert "error" not in got[name], (name, got[name].get("error"))
        assert validation_errors(got[name]) == []
    french = got["french.txt"]
    assert "error" not in french and french["language"] == "fr"
    assert french["events"] == [] and any(w["code"] == Errors.E010.name for w in french["warnings"])


def test_jsonl_with_bad_lines(hostile):
    records = list(extract_records(iter_inputs([], [str(hostile["bad.jsonl"])])))
    assert [r.get("error", {}).get("code") for r in records] == [None, "E004", "E004", "E005"]


def test_vanishing_file_mid_batch(hostile, tmp_path):
    doomed = tmp_path / "doomed.txt"
    doomed.write_text(GOOD)
    items = iter_inputs([str(hostile["good.txt"]), str(doomed), str(hostile["good.txt"])])
    first = next(items)
    doomed.unlink()
    records = list(extract_records([first, *items]))
    assert [r.get("error", {}).get("code") for r in records] == [None, "E007", None]


def test_cli_exit_codes(hostile):
    dyad = [sys.executable, "-m", "dyad.cli", "extract"]
    bad_only = subprocess.run([*dyad, str(hostile["empty.txt"]), str(hostile["doc.pdf"])],
                              capture_output=True, cwd=ROOT, timeout=300)
    assert bad_only.returncode == 2
    assert [json.loads(x)["error"]["code"] for x in bad_only.stdout.decode().splitlines()] == ["E001", "E002"]
    mixed = subprocess.run([*dyad, str(hostile["empty.txt"]), str(hostile["good.txt"])],
                           capture_output=True, cwd=ROOT, timeout=300)
    assert mixed.returncode == 0
    assert b"E001" in mixed.stderr
