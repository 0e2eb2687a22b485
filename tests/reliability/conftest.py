"""Fixtures for the crash and concurrency tests (helpers that run ``dyad ingest`` are in ``ingest_runs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def generated_texts() -> list[str]:
    """Twelve distinct articles recombined from the example articles' paragraphs (fixed seed)."""
    from dyad.bench import build_corpus

    return build_corpus(12, seed=11)



@pytest.fixture(scope="session")
def extract_file(nlp):
    """``extract_file(path)``: the record a fresh in-process extraction gives for one file, as ingest reads it."""
    from dyad.extraction import extract_records
    from dyad.io import iter_inputs

    cache: dict[str, dict[str, Any]] = {}

    def run(path: Path) -> dict[str, Any]:
        text = path.read_text(encoding="utf-8")
        if text not in cache:
            cache[text] = next(extract_records(iter_inputs([str(path)]), nlp=nlp))
        return cache[text]

    return run

