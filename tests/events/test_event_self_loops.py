"""No event has one side on both ends: same actor, or a person and their own state itself."""

from __future__ import annotations

from event_docs import coded, summary

ACTORS = {
    "Jordan": ("Jordan", "state", "JOR"), "Israel": ("Israel", "state", "ISR"),
    "Esper": ("Esper", "person", "USA"), "United States": ("United States", "state", "USA"),
    "Croatia": ("Croatia", "state", "HRV"), "Croatian": ("Croatia", "state", "HRV"),
    "Zimbabwe": ("Zimbabwe", "state", "ZWE"), "Mugabe": ("Mugabe", "person", "ZWE"),
}


def code(nlp, text: str):
    doc, events = coded(nlp, text, actors=ACTORS)
    return summary(events, doc)


def test_person_meeting_unnamed_leaders_is_no_self_loop(nlp):
    assert code(nlp, "Esper met with leaders in Bangkok.") == []


def test_state_itself_protesting_has_no_domestic_recipient(nlp):
    assert code(nlp, "Jordan protested the decision.") == []


def test_person_and_own_state_are_one_side(nlp):
    assert code(nlp, "Esper criticized the United States.") == []


def test_group_named_by_nationality_stays_domestic(nlp):
    assert [s[:3] for s in code(nlp, "Croatia is investigating war crimes by Croatian extremists.")] == [
        ("ACCUSE", "HRV", "HRV")]


def test_part_of_a_state_acting_on_its_leader_is_coded_when_domestic_statements_are_kept(nlp):
    text = "Opposition groups in Zimbabwe demanded that Mugabe abandon his plan."
    assert code(nlp, text) == []  # by default a statement inside one state is no event
    coder = nlp.get_pipe("dyad_events").coder
    coder.domestic_statements = True
    try:
        assert [s[:3] for s in code(nlp, text)] == [("REQUEST", "ZWE", "ZWE")]
    finally:
        coder.domestic_statements = False


def test_foreign_recipient_unaffected(nlp):
    assert [s[:3] for s in code(nlp, "Jordan protested against Israel.")] == [("PROTEST", "JOR", "ISR")]


def test_organisation_inside_a_persons_title_is_the_same_side(nlp):
    actors = {**ACTORS, "Hamas": ("Hamas", "organization", "PSE"), "Haniyeh": ("Haniyeh", "person", "PSE")}
    doc, events = coded(nlp, "Jordan criticized a visit by Hamas leader Haniyeh.", actors=actors)
    assert ("CONSULT", "PSE", "PSE") not in [s[:3] for s in summary(events, doc)]


def test_state_body_and_its_own_state_are_one_side(nlp):
    actors = {**ACTORS, "Knesset": ("Knesset", "organization", "ISR")}
    doc, events = coded(nlp, "The Knesset criticized Israel.", actors=actors)
    assert summary(events, doc) == []
