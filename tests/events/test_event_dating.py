"""Event dates and places: attached time expression, nearest one, publication date; the clause's place."""

from __future__ import annotations

from event_docs import coded

from dyad.events.coder import EventCoder
from dyad.events.lexicon import load_lexicon
from dyad.pipeline import lookup
from dyad.records import Place, Span


def test_attached_time_wins(nlp):
    _, events = coded(nlp, "In March, Russia attacked Ukraine, and in May Putin met Kim.", published="2024-06-19",
                      times=[("March", "2024-03"), ("May", "2024-05")])
    dates = {e.type: e.date for e in events}
    assert dates == {"ASSAULT": "2024-03", "CONSULT": "2024-05"}
    assert events[0].explain["date_basis"] == "attached"


def test_publication_date_for_asserted_past_events_only(nlp):
    _, events = coded(nlp, "Putin met Kim.", published="2024-06-19", times=[])
    assert events[0].date == "2024-06-19" and events[0].explain["date_basis"] == "published"
    _, events = coded(nlp, "Putin will meet Kim.", published="2024-06-19", times=[])
    assert events[0].date is None


def test_location_from_the_trigger_clause(nlp):
    doc, _ = coded(nlp, "Putin met Kim in Vladivostok.", published="2024-06-19", times=[])
    start = doc.text.index("Vladivostok")
    doc._.places = [Place(name="Vladivostok", country="RUS", lat=43.1, lon=131.9,
                          mentions=[Span(start, start + 11, "Vladivostok")])]
    lookup.reset(doc)
    events = EventCoder(load_lexicon())(doc)
    assert events[0].location is not None and events[0].location.name == "Vladivostok"
    assert events[0].location.country == "RUS"
