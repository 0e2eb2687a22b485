"""Words of an event that name no occurrence: aims of abstract nouns, figurative uses, far owners."""

from __future__ import annotations

from event_docs import coded, summary


def code(nlp, text: str):
    doc, events = coded(nlp, text, published="2024-06-19")
    return [s[:3] for s in summary(events, doc)]


def test_infinitival_aim_of_an_abstract_noun_is_no_event(nlp):
    assert code(nlp, "It was the latest move by the US to try to force Iran to give aid to Syria.") == []


def test_same_verb_outside_such_a_clause_is_coded(nlp):
    assert code(nlp, "Iran gave aid to Syria.") == [("AID", "IRN", "SYR")]


def test_give_away_is_figurative(nlp):
    assert code(nlp, "Officials worried that China was giving away too much to the United States.") == []


def test_noun_pronoun_owner_is_not_sought_in_another_sentence(nlp):
    text = "China detained two diplomats from the United States last month. Their release came after talks."
    assert ("RETREAT", "USA", None) not in code(nlp, text)


def test_coordinated_verb_that_does_not_agree_takes_no_subject(nlp):
    text = "Many voters believe China has long taken advantage of the United States and support Putin."
    assert ("SUPPORT", "CHN", "RUS") not in code(nlp, text)


def test_coordinated_verb_that_agrees_shares_the_subject(nlp):
    assert ("SUPPORT", "CHN", "RUS") in code(nlp, "China has criticized Japan and supported Russia.")


def test_negated_content_predicate_does_not_negate_a_noun_event(nlp):
    assert code(nlp, "Japan was never satisfied with China's concessions to Russia.") == [("CONCEDE", "CHN", "RUS")]


def test_support_verb_in_a_relative_clause_is_the_nouns_event(nlp):
    assert code(nlp, "Japan studied the concessions that China offered Russia.").count(("CONCEDE", "CHN", "RUS")) == 1
