"""Hand-made dyad.document/1 records for the corpus tests, built from short articles of our own.

``build_record`` takes spans as substrings of the text (``"text"`` or ``("text", occurrence)``) and
computes offsets, so the fixtures stay readable and always satisfy ``text[start:end] == span``.
The articles live in ``fixtures/*.json`` (a text plus its actors, events, quotes, amounts, times
and places, written as an extraction stage would emit them).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from dyad.serialize import document_id

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _span(text: str, ref: Any) -> dict[str, Any]:
    sub, nth = (ref, 0) if isinstance(ref, str) else (ref[0], ref[1])
    start = -1
    for _ in range(nth + 1):
        start = text.find(sub, start + 1)
        if start < 0:
            raise ValueError(f"{sub!r} not in text")
    return {"start": start, "end": start + len(sub), "text": sub}


def build_record(spec: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """A dyad.document/1 record from a fixture spec (optionally over another text, e.g. a syndicated copy)."""
    text = text if text is not None else spec["text"]
    rec: dict[str, Any] = {
        "schema": "dyad.document/1", "id": document_id(text),
        "source": {"id": spec.get("path"), "path": spec.get("path"), "url": spec.get("url")},
        "title": spec.get("title"), "outlet": spec.get("outlet"), "authors": spec.get("authors", []),
        "published": spec.get("published"), "published_basis": "given" if spec.get("published") else None,
        "language": "en", "text": text, "dropped": [],
    }
    rec["actors"] = [{**{k: a.get(k) for k in ("id", "name", "kind", "country", "role", "code", "wikidata")},
                      "mentions": [_span(text, m) for m in a.get("mentions", [])]} for a in spec.get("actors", [])]
    rec["events"] = []
    for i, e in enumerate(spec.get("events", [])):
        ev = {"id": f"e{i + 1}", "type": e["type"], "mode": e.get("mode"), "cameo": e.get("cameo"),
              "source": e.get("source"), "target": e.get("target"), "date": e.get("date"),
              "location": e.get("location"), "status": e.get("status", "asserted"),
              "reported_by": e.get("reported_by"), "evidence": _span(text, e["evidence"])}
        rec["events"].append(ev)
    rec["quotes"] = [{**_span(text, q["text"]), "direct": q.get("direct", True), "speaker": q.get("speaker"),
                      "speaker_name": q.get("speaker_name"), "cue": q.get("cue"), "via": q.get("via", [])}
                     for q in spec.get("quotes", [])]
    rec["amounts"] = [{**_span(text, a["text"]), "value": a["value"], "unit": a.get("unit"),
                       "object": a.get("object"), "qualifier": a.get("qualifier"), "per": a.get("per"),
                       "claimed_by": a.get("claimed_by")} for a in spec.get("amounts", [])]
    rec["times"] = [{**_span(text, t["text"]), "value": t.get("value"), "type": t.get("type", "DATE")}
                    for t in spec.get("times", [])]
    rec["places"] = [{"name": p["name"], "country": p.get("country"), "lat": p.get("lat"), "lon": p.get("lon"),
                      "kind": p.get("kind"), "mentions": [_span(text, m) for m in p.get("mentions", [])]}
                     for p in spec.get("places", [])]
    return rec


def load_spec(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def spec():
    """Fixture specs by name (fresh copies)."""
    return lambda name: copy.deepcopy(load_spec(name))


@pytest.fixture
def build():
    """``build(spec, text=None)``: a record from a fixture spec."""
    return build_record


@pytest.fixture
def summit_records() -> list[dict[str, Any]]:
    """Two articles on the Russia–North Korea relationship, nine months apart."""
    return [build_record(load_spec("summit_2023")), build_record(load_spec("summit_2024"))]


@pytest.fixture
def syndicated_record() -> dict[str, Any]:
    """The 2023 article as another outlet ran it: same body, other headline and footer."""
    spec = load_spec("summit_2023")
    text = ("WORLD NEWS | Asia-Pacific wire\n\n" + spec["text"]
            + "\n\nReporting by a staff correspondent; editing by the desk.\nSign up for our morning newsletter.")
    spec["path"] = "syndicated/summit_2023_copy.txt"
    spec["outlet"] = "Another Wire"
    return build_record(spec, text)


@pytest.fixture
def corpus(tmp_path):
    from dyad.corpus import Corpus

    c = Corpus(f"sqlite:///{tmp_path / 'corpus.db'}")
    yield c
    c.close()
