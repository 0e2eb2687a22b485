"""Promises reported next to another clause ("Kim said ..., and promised ..."), and their dates."""

from __future__ import annotations

from event_docs import coded, summary


def test_a_verb_coordinated_with_a_reported_clause_belongs_to_the_reporter(nlp):
    doc, events = coded(nlp, "Kim said the friendship is closer than ever, and promised full support to Russia.",
                        published="2024-06-19", times=[])
    assert ("AGREE", "PRK", "RUS", "planned") in summary(events, doc)


def test_a_coordinated_verb_sharing_the_clause_tense_stays_in_the_clause(nlp):
    doc, events = coded(nlp, "Officials said Japan has established ties with and opened an embassy in Iran.",
                        published="2024-06-19", times=[])
    assert [s[:3] for s in summary(events, doc) if s[0] == "SUPPORT"] == [("SUPPORT", "JPN", "IRN")]


def test_a_promise_made_in_the_past_is_dated_when_reported(nlp):
    _, events = coded(nlp, "Kim promised full support to Russia.", published="2024-06-19", times=[])
    agree = [e for e in events if e.type == "AGREE"]
    assert [(e.status, e.date, e.explain["date_basis"]) for e in agree] == [("planned", "2024-06-19", "published")]


def test_a_future_promise_gets_no_publication_date(nlp):
    _, events = coded(nlp, "Kim will promise full support to Russia.", published="2024-06-19", times=[])
    assert all(e.date is None for e in events)
