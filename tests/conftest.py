"""Shared fixtures: the real pipeline (built once per test session) and the example articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from dyad.pipeline import load

    return load()


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def example_records(nlp, example_paths):
    """dyad.document/1 records for the example articles (published dates as an analyst gives them)."""
    from dyad.extraction import extract

    given = {"000_66cd115ae380c893.txt": {"published": "2024-06-19"}}
    return {
        p.name: extract(p.read_text(encoding="utf-8"), id=p.name, nlp=nlp, **given.get(p.name, {}))
        for p in example_paths
    }
