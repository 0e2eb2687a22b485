"""The dyad_events component in the real pipeline: contract, robustness, offsets, integration."""

from __future__ import annotations

from event_docs import coded, summary

from dyad.events.coder import EventCoder
from dyad.events.lexicon import PLOVER_TYPES, load_lexicon


def test_component_sets_events_with_exact_offsets(nlp):
    doc, events = coded(nlp, "Putin met Kim in Pyongyang on Wednesday. The US imposed sanctions on Iran.")
    assert summary(events, doc) == [("CONSULT", "RUS", "PRK", "asserted"), ("SANCTION", "USA", "IRN", "asserted")]
    for e in events:
        assert doc.text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.trigger is not None and doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.type in PLOVER_TYPES
        assert e.cameo
    assert [e.id for e in events] == ["e1", "e2"]


def test_empty_and_odd_input_survive(nlp):
    for text in ("", " ", "\u200b\u00a0!!", "Russia " * 400 + "attacked Ukraine."):
        _doc, events = coded(nlp, text)
        assert isinstance(events, list)


def test_no_actor_no_event(nlp):
    _doc, events = coded(nlp, "The company signed a contract with its suppliers.")
    assert events == []


def test_one_event_per_occurrence(nlp):
    doc, events = coded(nlp, "Moscow launched its invasion of Ukraine.")
    assert summary(events, doc) == [("ASSAULT", "RUS", "UKR", "asserted")]


def test_long_sentences_are_skipped(nlp):
    doc, events = coded(nlp, "Putin met Kim in Pyongyang on a sunny Wednesday.")
    assert events  # the default limit codes it
    assert EventCoder(load_lexicon(), max_sentence_tokens=5)(doc) == []


def test_example_articles_code_the_summit(example_records):
    record = example_records["000_66cd115ae380c893.txt"]
    actors = {a["id"]: a for a in record["actors"]}
    pairs = {(e["type"], actors.get(e["source"], {}).get("country"), actors.get(e["target"], {}).get("country"))
             for e in record["events"]}
    assert ("CONSULT", "RUS", "PRK") in pairs
    for e in record["events"]:
        ev = e["evidence"]
        assert record["text"][ev["start"]:ev["end"]] == ev["text"]
