"""dyad_segments: paragraphs and wire datelines start sentences, so the parser reads them as written."""

from __future__ import annotations

from dyad.pipeline.segments import sentence_starts


def test_paragraph_and_dateline_offsets():
    text = "SEOUL (Reuters) - North Korea fired a missile.\n\nKim Jong Un told KCNA\n\nThe launch followed talks."
    starts = sentence_starts(text)
    assert text[starts[0]:].startswith("North Korea fired")
    assert text[starts[1]:].startswith("Kim Jong Un")
    assert text[starts[2]:].startswith("The launch")


def test_dateline_is_not_the_subject(nlp):
    doc = nlp("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion.")
    sents = [s.text for s in doc.sents]
    assert sents[0] == "HANOI, Vietnam (AP) —"
    accused = next(t for t in doc if t.lemma_ == "accuse")
    assert [c.text for c in accused.children if c.dep_ == "nsubj"] == ["Esper"]


def test_unpunctuated_paragraph_does_not_run_on(nlp):
    doc = nlp("The objective is to bypass sanctions, an analyst told WION\n\nRussia and China are supporting North Korea.")
    assert any(s.text.startswith("Russia and China") for s in doc.sents)


def test_ordinary_capitals_are_not_datelines():
    assert sentence_starts("NATO - the alliance - met in Brussels.") == []
