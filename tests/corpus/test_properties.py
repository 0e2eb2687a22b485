"""Property tests: any well-formed set of records ingests, merges and briefs without failing."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.corpus import Corpus

TEXT = ("Alpha met Beta in the capital on Monday. Beta accused Alpha of sending rockets and fuel. "
        "Gamma denied the report. \"We want peace,\" said the minister. Officials cited 5,000 tonnes of grain.")
SENTENCES = [m.span() for m in re.finditer(r"[^.]+\.", TEXT)]
COUNTRIES = ["AAA", "BBB", "CCC"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
STATUS = ["asserted", "reported", "alleged", "speculated", "planned", "denied", "negated"]
DATES = [None, "2023", "2023-09", "2023-09-12", "2023-09-14", "2023-10-01", "2024-06-19"]

event = st.fixed_dictionaries({
    "type": st.sampled_from(TYPES), "source": st.sampled_from([*COUNTRIES, None]),
    "target": st.sampled_from([*COUNTRIES, None]), "date": st.sampled_from(DATES),
    "status": st.sampled_from(STATUS), "sentence": st.integers(0, len(SENTENCES) - 1),
    "place": st.sampled_from([None, ("Capital", "AAA", 1.0, 1.0), ("Port", "BBB", None, None)]),
})


def record(n: int, events: list[dict], published: str | None) -> dict:
    text = f"Story {n}. " + TEXT
    shift = len(f"Story {n}. ")
    actors = [{"id": c, "name": f"Land {c}", "kind": "state", "country": c,
               "mentions": [{"start": shift, "end": shift + 5, "text": text[shift:shift + 5]}]} for c in COUNTRIES]
    evs = []
    for i, e in enumerate(events):
        a, b = SENTENCES[e["sentence"]]
        loc = None if e["place"] is None else dict(zip(("name", "country", "lat", "lon"), e["place"], strict=True))
        evs.append({"id": f"e{i}", "type": e["type"], "source": e["source"], "target": e["target"], "date": e["date"],
                    "status": e["status"], "location": loc,
                    "evidence": {"start": a + shift, "end": b + shift, "text": text[a + shift:b + shift]}})
    q0 = text.index("We want")
    a0 = text.index("5,000")
    return {"schema": "dyad.document/1", "id": f"{n:016x}", "source": {"id": n, "path": None, "url": None},
            "title": None, "outlet": None, "authors": [], "published": published, "text": text, "actors": actors,
            "events": evs, "quotes": [{"start": q0, "end": q0 + 13, "text": text[q0:q0 + 13], "speaker": "BBB",
                                       "speaker_name": "the minister", "direct": True, "via": []}],
            "amounts": [{"start": a0, "end": a0 + 12, "text": text[a0:a0 + 12], "value": 5000, "object": "grain",
                         "unit": "tonnes"}], "times": [], "places": []}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.lists(event, max_size=6), st.sampled_from([None, "2023-09-13", "2024-06"])),
                min_size=1, max_size=4))
def test_any_records_ingest_merge_and_brief(docs):
    with Corpus("sqlite://") as c:
        c.add_records(record(n, evs, pub) for n, (evs, pub) in enumerate(docs))
        counts = c.counts()
        assert counts["incident_events"] == counts["events"]
        c.add_records(record(n, evs, pub) for n, (evs, pub) in enumerate(docs))
        assert c.counts() == counts
        for inc in c.rows("incidents"):
            assert inc["n_events"] >= 1 and 1 <= inc["n_documents"] <= len(docs)
        result = c.dyad("AAA", "BBB")
        for fmt in ("md", "html", "json"):
            assert c.brief("AAA", "BBB", fmt)
        md = c.brief("AAA", "BBB", "md")
        content = [ln for ln in md.splitlines() if ln.startswith("- ") and not ln.startswith("- [")]
        if result["sources"]:
            assert all(re.search(r"\[\d+:\d+\]", ln) for ln in content), content
