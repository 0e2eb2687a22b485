"""Triggers and arguments, one construction per test, on short sentences of our own."""

from __future__ import annotations

import pytest
from event_docs import coded, summary


def code(nlp, text: str):
    doc, events = coded(nlp, text, published="2024-06-19")
    return summary(events, doc)


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin met Kim in Pyongyang.", ("CONSULT", "RUS", "PRK")),
    ("Washington accused Beijing of spying.", ("ACCUSE", "USA", "CHN")),
    ("Russia launched missiles at Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ("Iran has been supplying Russia with drones.", ("AID", "IRN", "RUS")),
    ("Russia vetoed a resolution at the United Nations.", ("REJECT", "RUS", "UN")),
    ("The US imposed sanctions on Iran.", ("SANCTION", "USA", "IRN")),
])
def test_verbal_triggers(nlp, text, expected):
    assert [s[:3] for s in code(nlp, text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Putin's visit to North Korea worried Washington.", ("CONSULT", "RUS", "PRK")),
    ("A Russian veto at the United Nations ended the mission.", ("REJECT", "RUS", "UN")),
    ("The talks came a year after the last Putin-Kim summit.", ("CONSULT", "RUS", "PRK")),
    ("Russia faces sanctions by the US.", ("SANCTION", "USA", "RUS")),
    ("Moscow launched its invasion of Ukraine.", ("ASSAULT", "RUS", "UKR")),
])
def test_nominal_triggers(nlp, text, expected):
    assert [s[:3] for s in code(nlp, text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("China held talks with Japan.", ("CONSULT", "CHN", "JPN")),
    ("Japan expressed concern about China's drills.", ("ACCUSE", "JPN", "CHN")),
    ("France made a pledge to help Ukraine.", ("AGREE", "FRA", "UKR")),
])
def test_light_verbs(nlp, text, expected):
    assert [s[:3] for s in code(nlp, text)] == [expected]


def test_passive_voice(nlp):
    assert [s[:3] for s in code(nlp, "Ukraine was attacked by Russia.")] == [("ASSAULT", "RUS", "UKR")]


def test_coordinated_subjects_make_one_reciprocal_event(nlp):
    assert code(nlp, "Russia and North Korea signed a partnership treaty.") == [("AGREE", "RUS", "PRK", "asserted")]
    assert code(nlp, "Russia and North Korea are considering joint military exercises.") == [
        ("COOPERATE", "RUS", "PRK", "planned")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany sent tanks to Ukraine.", ("AID", "DEU", "UKR")),
    ("China cooperates closely with Russia.", ("COOPERATE", "CHN", "RUS")),
    ("Russia launched a drone attack against Ukraine.", ("ASSAULT", "RUS", "UKR")),
    ("The US imposed sanctions on Iran.", ("SANCTION", "USA", "IRN")),
])
def test_prepositional_recipients(nlp, text, expected):
    assert [s[:3] for s in code(nlp, text)] == [expected]


def test_relative_clause_subject(nlp):
    got = code(nlp, "Iran, which supplies Russia with drones, denied the report.")
    assert ("AID", "IRN", "RUS", "asserted") in got


def test_reported_speech_keeps_the_event_and_its_source(nlp):
    doc, events = coded(nlp, "The United States said Russia attacked Ukraine.")
    assert summary(events, doc) == [("ASSAULT", "RUS", "UKR", "reported")]
    assert events[0].reported_by == "USA"


def test_persons_count_through_their_country(nlp):
    doc, events = coded(nlp, "Putin met Kim in Pyongyang.")
    assert (events[0].source, events[0].target) == ("putin", "kim")
    assert summary(events, doc)[0][1:3] == ("RUS", "PRK")


def test_said_that_must_is_a_request(nlp):
    assert code(nlp, "Japan said that China must stop its drills.") == [("REQUEST", "JPN", "CHN", "asserted")]


def test_threat_absorbs_its_content(nlp):
    assert code(nlp, "Israel threatened to impose sanctions on Lebanon.") == [("THREATEN", "ISR", "LBN", "asserted")]


def test_rejected_request_is_one_rejection(nlp):
    assert [s[:3] for s in code(nlp, "France rejected Germany's request to send troops to Ukraine.")] == [
        ("REJECT", "FRA", "DEU")]


def test_unnamed_group_of_the_same_state_is_a_domestic_recipient(nlp):
    actors = {"Turkish police": ("TUR", "state", "TUR")}
    doc, events = coded(nlp, "Turkish police arrested dozens of students in Ankara.", actors=actors)
    assert summary(events, doc) == [("COERCE", "TUR", "TUR", "asserted")]
    assert events[0].explain["target_path"].startswith("domestic")


def test_conditional_threat(nlp):
    assert [s[:3] for s in code(nlp, "Russia will cut gas supplies to Ukraine unless Kyiv pays its debts.")] == [
        ("THREATEN", "RUS", "UKR")]


def test_noun_under_a_content_verb_takes_no_doer_from_it(nlp):
    # "worried" is no support verb: the visit's doer comes from the possessive, not from Washington
    assert [s[:3] for s in code(nlp, "Washington worried about Putin's visit to North Korea.")] == [
        ("CONSULT", "RUS", "PRK")]
