"""dyad.actors.tokens: span texts and word positions read without spaCy Span/Token objects."""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH

from dyad.actors.tokens import hashes, positions, span_text


def test_span_text_equals_spacy_span_text(actors_nlp):
    doc = actors_nlp.make_doc("Kim Jong-un met  Putin in Moscow's Kremlin (on Monday).\n\nThey talked.")
    toks = list(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(toks, start, end) == doc[start:end].text


def test_positions_find_words_by_lower_or_exact_form(actors_nlp):
    doc = actors_nlp.make_doc("The Kurds and the kurds met Kurdish leaders.")
    assert positions(doc, LOWER, hashes({"kurds"})) == [1, 4]
    assert positions(doc, ORTH, hashes({"Kurds"})) == [1]
    assert positions(doc, LOWER, hashes(set())) == []
    assert positions(actors_nlp.make_doc(""), LOWER, hashes({"kurds"})) == []
