"""Unilateral steps (PLOVER RETREAT) need no recipient, nor do promises of them; answers take the asker."""

from __future__ import annotations

from event_docs import coded, summary


def code(nlp, text: str):
    doc, events = coded(nlp, text, published="2024-06-19")
    return [s[:4] for s in summary(events, doc)]


def test_promise_to_resign_is_an_untargeted_agreement(nlp):
    assert code(nlp, "Putin has agreed to resign.") == [("AGREE", "RUS", None, "planned")]


def test_future_resignation_stays_a_planned_retreat(nlp):
    assert code(nlp, "Putin will resign next month.") == [("RETREAT", "RUS", None, "planned")]


def test_promise_of_a_targeted_act_still_needs_a_recipient(nlp):
    assert code(nlp, "Russia has agreed to send.") == []


def test_rejected_offer_takes_its_author_as_recipient(nlp):
    assert [s[:3] for s in code(nlp, "Japan rejected a fresh offer from China for talks.")] == [("REJECT", "JPN", "CHN")]


def test_promised_step_in_a_condition_is_no_event(nlp):
    text = "Russia will boycott the talks unless Putin agrees to resign."
    assert ("AGREE", "RUS", None) not in [s[:3] for s in code(nlp, text)]
