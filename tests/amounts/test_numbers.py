"""dyad.amounts.numbers: the cheap prefilter ``number_starts`` never drops a token ``read_number``
reads a number at, and the first-word index of ``match_seq`` keeps the longest-first order."""

from __future__ import annotations

from dyad.amounts.lexicon import index_seqs, load_lexicon
from dyad.amounts.numbers import match_seq, number_starts, read_number

SENTENCES = [
    "Russia sent 10,000 troops, US $50 million and a dozen tanks.",
    "Twenty-five ships, 3bn dollars, $3bn and 1m shells arrived; about 2.5 percent rose.",
    "A million people, an estimated hundred thousand refugees and £40-50 billion in aid.",
    "He said one of them fled, the two sides met and 15 per cent of the vote was counted.",
]


def test_number_starts_keeps_every_number(nlp):
    lex = load_lexicon()
    for text in SENTENCES:
        doc = nlp.make_doc(text)
        found = {i for i in range(len(doc)) if read_number(doc, i, lex) is not None}
        starts = number_starts(doc, lex)
        assert found and found <= set(starts), text
        assert len(starts) < len(doc)  # it filters
        assert starts == sorted(starts)


def test_number_starts_skips_plain_words(nlp):
    doc = nlp.make_doc("The talks in Geneva ended a day early.")
    assert number_starts(doc, load_lexicon()) == []


def test_match_seq_prefers_the_longest_sequence(nlp):
    index = index_seqs((("per", "cent", "points"), ("per", "cent"), ("percent",)))
    doc = nlp.make_doc("up 3 per cent points and 4 per cent or 5 percent")
    assert match_seq(doc, 2, index) == 3
    assert match_seq(doc, 7, index) == 2
    assert match_seq(doc, 11, index) == 1
    assert match_seq(doc, 0, index) == 0
    assert match_seq(doc, len(doc), index) == 0
