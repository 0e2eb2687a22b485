"""Plural pair references ("both leaders", "the two countries") as event arguments."""

from __future__ import annotations

from event_docs import coded, summary


def test_both_leaders_resolve_to_the_pair_named_before(nlp):
    _, events = coded(nlp, "Putin met Kim in Pyongyang. Both leaders signed a mutual defence agreement.",
                      published="2024-06-20")
    signed = [e for e in events if e.trigger.text == "signed"]
    assert [(e.source, e.target) for e in signed] == [("putin", "kim")]
    assert signed[0].type == "AGREE"


def test_the_two_countries_resolve_to_states(nlp):
    doc, events = coded(nlp, "Russia hosted North Korea for talks. The two countries signed a treaty.",
                        published="2024-06-20")
    assert ("AGREE", "RUS", "PRK", "asserted") in summary(events, doc)


def test_no_pair_when_only_one_actor_was_named(nlp):
    _, events = coded(nlp, "Putin spoke on Monday. Both leaders signed a treaty.", published="2024-06-20")
    assert [e for e in events if e.trigger.text == "signed"] == []


def test_three_uncoordinated_people_resolve_to_nobody(nlp):
    _, events = coded(nlp, "Putin met Kim while Blinken watched. Both leaders signed a treaty.", published="2024-06-20")
    assert [e for e in events if e.trigger.text == "signed"] == []


def test_a_coordinated_pair_among_three_is_the_pair(nlp):
    _, events = coded(nlp, "Blinken said Putin and Kim met. Both leaders signed a treaty.", published="2024-06-20")
    assert [(e.source, e.target) for e in events if e.trigger.text == "signed"] == [("putin", "kim")]
