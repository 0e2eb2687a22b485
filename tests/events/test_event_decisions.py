"""Announced decisions, clauses pushed for and mandative subjunctives (PLOVER SANCTION / THREATEN / REQUEST)."""

from __future__ import annotations

from event_docs import coded, summary


def code(nlp, text: str):
    doc, events = coded(nlp, text, published="2024-06-19")
    return summary(events, doc)


def test_announced_cut_of_aid_is_a_planned_sanction(nlp):
    assert ("SANCTION", "USA", "SYR", "planned") in code(nlp, "The United States announced it would prohibit all aid to Syria.")


def test_a_future_cut_merely_said_stays_a_threat(nlp):
    got = code(nlp, "The United States said it would prohibit all aid to Syria.")
    assert ("THREATEN", "USA", "SYR") in [g[:3] for g in got]
    assert not [g for g in got if g[0] == "SANCTION"]


def test_an_announced_withdrawal_stays_a_threat(nlp):
    got = code(nlp, "Japan announced that it will withdraw its inspectors from Iran.")
    assert not [g for g in got if g[0] == "SANCTION"]


def test_pushing_for_a_clause_is_a_request_to_its_subject(nlp):
    got = code(nlp, "France is pushing hard for the US support its plan.")
    assert [g[:3] for g in got] == [("REQUEST", "FRA", "USA")]


def test_mandative_subjunctive_after_a_reporting_verb_is_a_request(nlp):
    got = code(nlp, "Japan reiterated its demand that Israel ease restrictions on trade.")
    assert [g[:3] for g in got] == [("REQUEST", "JPN", "ISR")]


def test_indicative_clause_is_no_request(nlp):
    got = code(nlp, "Japan said that Israel eased restrictions on trade.")
    assert not [g for g in got if g[0] == "REQUEST"]
