"""Helpers for the crash and concurrency tests: generated article folders, real ``dyad ingest`` runs.

The articles are the example articles' paragraphs recombined into distinct stories
(``dyad.bench.build_corpus``), so every one is a real article the whole pipeline runs over.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

DYAD = [sys.executable, "-m", "dyad.cli"]
SMALL_BATCHES = {"DYAD_BATCH_SIZE": "2"}
"""Extraction batches of two: documents reach the store one after another, as in a long ingest."""


def write_folder(folder: Path, named: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in named.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def start_ingest(folder: Path, db: str, **env: str) -> subprocess.Popen[str]:
    """A real ``dyad ingest FOLDER --db DB`` in its own process (stdout and stderr captured)."""
    return subprocess.Popen([*DYAD, "ingest", str(folder), "--db", db, "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **SMALL_BATCHES, **env})


def finish(proc: subprocess.Popen[str], timeout: float = 600) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def stored_shape(store: Any, document_id: str) -> dict[str, Any]:
    """What the store holds for one document, in the terms of a record (to compare with an extraction)."""
    from sqlalchemy import select

    from dyad.corpus.store import Amount, Event, Mention, Place, Quote, TimeExpression

    with store.session() as s:
        def rows(model: Any, *cols: Any) -> list[tuple[Any, ...]]:
            return sorted(tuple(r) for r in s.execute(select(*cols).where(model.document_id == document_id)))

        return {
            "events": rows(Event, Event.local_id, Event.type, Event.source_id, Event.target_id,
                           Event.evidence_start, Event.evidence_end, Event.status),
            "quotes": rows(Quote, Quote.start, Quote.end, Quote.speaker_id),
            "amounts": rows(Amount, Amount.start, Amount.end, Amount.value),
            "times": rows(TimeExpression, TimeExpression.start, TimeExpression.end, TimeExpression.value),
            "places": len(rows(Place, Place.id)),
            "mentions": len(rows(Mention, Mention.id)),
        }


def record_shape(rec: dict[str, Any]) -> dict[str, Any]:
    """The same view of an extracted record as ``stored_shape`` gives of the stored document."""
    return {
        "events": sorted((str(e.get("id")), e["type"], e.get("source"), e.get("target"), e["evidence"]["start"],
                          e["evidence"]["end"], e.get("status") or "asserted") for e in rec.get("events") or []),
        "quotes": sorted((q["start"], q["end"], q.get("speaker")) for q in rec.get("quotes") or []),
        "amounts": sorted((a["start"], a["end"], float(a["value"])) for a in rec.get("amounts") or []),
        "times": sorted((t["start"], t["end"], t.get("value")) for t in rec.get("times") or []),
        "places": len(rec.get("places") or []),
        "mentions": sum(len(a.get("mentions") or []) for a in rec.get("actors") or [] if a.get("id")),
    }
