"""Opening borders, compensation, stranded prepositional recipients and attacks aimed at places."""

from __future__ import annotations

from event_docs import coded, summary


def code(nlp, text: str, actors=None):
    doc, events = coded(nlp, text, actors=actors, published="2024-06-19")
    return [s[:3] for s in summary(events, doc)]


def test_opening_a_border_to_allow_aid_is_one_retreat(nlp):
    got = code(nlp, "Iran opened the border crossing to allow the delivery of grain to Syria.")
    assert got == [("RETREAT", "IRN", "SYR")]


def test_a_purpose_clause_of_a_resignation_gives_it_no_recipient(nlp):
    got = code(nlp, "Putin resigned to allow Russia a fresh start.")
    assert got == [("RETREAT", "RUS", None)]


def test_paying_compensation_is_a_retreat(nlp):
    assert code(nlp, "Japan said it had paid compensation to Lebanon.") == [("RETREAT", "JPN", "LBN")]


def test_recipient_parsed_as_subject_of_a_reduced_relative(nlp):
    actors = {"Peru": ("PER", "state", "PER"), "Panamanian army": ("PAN", "organization", "PAN")}
    got = code(nlp, "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a residence.", actors)
    assert got == [("AID", "PER", "PAN")]


def test_attack_aimed_at_a_place_hits_its_state(nlp):
    actors = {"Israeli": ("ISR", "state", "ISR"), "the West Bank": ("PSE", "state", "PSE")}
    doc, events = coded(nlp, "Israeli tanks fired four shells at targets in Jericho, witnesses in the West Bank said.",
                        actors=actors, published="2024-06-19")
    fired = [e for e in events if e.trigger.text == "fired"]
    assert [(e.type, e.source, e.target, e.explain["target_path"]) for e in fired] == [("ASSAULT", "ISR", "PSE", "place")]
    assert all(doc.text[e.evidence.start:e.evidence.end] == e.evidence.text for e in fired)


def test_a_place_inside_a_clause_of_the_object_is_no_target(nlp):
    actors = {"Turkish": ("TUR", "state", "TUR"), "Iraq": ("IRQ", "state", "IRQ")}
    got = code(nlp, "Turkish police dispersed the crowd gathered to protest the sending of troops to Iraq.", actors)
    assert ("ASSAULT", "TUR", "IRQ") not in got and ("COERCE", "TUR", "IRQ") not in got
