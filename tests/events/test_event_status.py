"""How the article holds an event: negation, hedges, denials, plans, attribution."""

from __future__ import annotations

import pytest
from event_docs import coded, summary


def code(nlp, text: str):
    doc, events = coded(nlp, text, published="2024-06-19")
    return doc, events, summary(events, doc)


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing did not send weapons to Russia.", ("AID", "CHN", "RUS", "negated")),
    ("Beijing has so far avoided providing weapons to Russia.", ("AID", "CHN", "RUS", "negated")),
    ("Russia is likely providing North Korea with fuel.", ("AID", "RUS", "PRK", "speculated")),
    ("North Korea may supply Russia with shells.", ("AID", "PRK", "RUS", "speculated")),
    ("Russia reportedly supplied Iran with jets.", ("AID", "RUS", "IRN", "reported")),
    ("There are suspicions that North Korea supplied Russia with shells.", ("AID", "PRK", "RUS", "alleged")),
])
def test_status_cues(nlp, text, expected):
    assert code(nlp, text)[2] == [expected]


def test_denial_is_a_rejection_and_marks_the_act(nlp):
    _, _events, got = code(nlp, "Pyongyang denied sending shells to Russia.")
    assert got[0][:2] == ("REJECT", "PRK")
    assert ("AID", "PRK", "RUS", "denied") in got
    _, _, got = code(nlp, "Pyongyang has denied any such handover.")
    assert got == [("REJECT", "PRK", None, "asserted")]


def test_plans_and_promises(nlp):
    assert code(nlp, "Russia will supply Iran with jets.")[2] == [("AGREE", "RUS", "IRN", "planned")]
    assert code(nlp, "Russia pledged to help North Korea.")[2] == [("AGREE", "RUS", "PRK", "planned")]


def test_refused_promise_is_a_rejection(nlp):
    assert code(nlp, "Syria said it will not accept refugees from Lebanon.")[2] == [("REJECT", "SYR", "LBN", "asserted")]


def test_attribution(nlp):
    _, events, got = code(nlp, "According to a US statement, North Korea shipped shells to Russia.")
    assert got == [("AID", "PRK", "RUS", "reported")]
    assert events[0].reported_by == "USA"
    assert "according to" in events[0].explain["status_cues"]
