"""Labelling verbs ("called the visit an act of desperation") and misparsed possessed verbs."""

from __future__ import annotations

from event_docs import coded, summary


def test_calling_an_act_desperate_is_an_accusation_of_its_doer(nlp):
    doc, events = coded(nlp, "Blinken has called Putin's visit to North Korea a sign of desperation.",
                        published="2024-06-19", times=[])
    got = summary(events, doc)
    assert ("ACCUSE", "USA", "RUS", "asserted") in got
    assert ("CONSULT", "RUS", "PRK", "asserted") in got  # the labelled visit happened; it is not alleged


def test_the_reasons_given_by_a_label_are_no_event_of_the_labeller(nlp):
    doc, events = coded(nlp, "Blinken called Putin's visit to North Korea an act of desperation, to strengthen ties with Iran.",
                        published="2024-06-19", times=[])
    assert not [s for s in summary(events, doc) if s[0] == "SUPPORT"]


def test_calling_without_a_pejorative_is_no_accusation(nlp):
    doc, events = coded(nlp, "Blinken called Putin's visit to North Korea a historic step.", published="2024-06-19", times=[])
    assert not [s for s in summary(events, doc) if s[0] == "ACCUSE"]


def test_a_verb_after_a_possessive_subject_is_a_misparsed_noun(nlp):
    # the parse the model gives inside a long sentence, built by hand (short sentences parse right)
    from spacy.tokens import Doc

    from dyad.events.triggers import possessed_verb

    words = ["Chinese", "officials", "’", "visit", "coincide", "with", "Putin", "’s", "visit"]
    heads = [1, 3, 1, 3, 3, 4, 8, 6, 5]
    deps = ["amod", "nsubj", "case", "ROOT", "dobj", "prep", "poss", "case", "pobj"]
    pos = ["ADJ", "NOUN", "PUNCT", "VERB", "NOUN", "ADP", "PROPN", "PART", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert possessed_verb(doc[3])
    real = nlp("Chinese officials visit Moscow.")
    assert not possessed_verb(real[2])
