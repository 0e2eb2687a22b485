"""The tense a clause gives its bare dates: complements of verbs that put them at their own time,
planning participles under a past main verb, and the contrasts that must keep their old reading."""

from __future__ import annotations

import pytest

from dyad.records import DocMeta


def _values(nlp, sentence: str, published: str) -> list[tuple[str, str | None]]:
    doc = nlp.make_doc(sentence)
    doc._.meta = DocMeta(published=published, published_basis="given")
    return [(t.text, t.value) for t in nlp(doc)._.times]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # an untensed complement of try/begin/manage/fail takes the governor's past tense
        ("I tried to enter the country on May 16.", "2019-11-20", [("May 16", "2019-05-16")]),
        ("Troops began shelling the town on May 16.", "2019-11-20", [("May 16", "2019-05-16")]),
        ("The envoy managed to reach Kabul in May.", "2019-11-20", [("May", "2019-05")]),
        ("The ministers failed to agree on April 30.", "2019-10-20", [("April 30", "2019-04-30")]),
        # a governor that looks ahead keeps the nearest occurrence: the meeting may be to come
        ("Russia agreed to hold talks on Dec. 2.", "2019-11-20", [("Dec. 2", "2019-12-02")]),
        # a present governor gives no past tense
        ("The envoy tries to reach Kabul on May 16.", "2019-11-20", [("May 16", "2020-05-16")]),
    ],
)
def test_a_complement_takes_the_tense_of_a_verb_that_sets_its_time(nlp, sentence, published, expected):
    assert _values(nlp, sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # a plan cancelled or announced in the past: the occurrence nearest the publication date
        ("Trump canceled an increase in tariffs planned for Oct. 15.", "2019-11-18", [("Oct. 15", "2019-10-15")]),
        ("Trump announced new tariffs scheduled for Dec. 15.", "2019-11-18", [("Dec. 15", "2019-12-15")]),
        ("Trump canceled the tariffs planned for October.", "2019-11-18", [("October", "2019-10")]),
        # a main clause about the future keeps the plan ahead
        ("Trump will cancel the tariffs planned for Oct. 15.", "2019-11-18", [("Oct. 15", "2020-10-15")]),
        ("The tariffs planned for Oct. 15 will take effect.", "2019-11-18", [("Oct. 15", "2020-10-15")]),
    ],
)
def test_a_planning_participle_under_a_past_verb_is_near_the_reference(nlp, sentence, published, expected):
    assert _values(nlp, sentence, published) == expected


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Speaking on May 16, Putin said the talks had failed.", "2019-11-20", [("May 16", "2019-05-16")]),
        ("Kim, arriving on May 16, met Putin.", "2019-11-20", [("May 16", "2019-05-16")]),
        ("Kicking off in June, the tour will mark the band's return.", "2019-11-20", [("June", "2020-06")]),
    ],
)
def test_a_participle_clause_takes_the_tense_of_the_verb_it_modifies(nlp, sentence, published, expected):
    assert _values(nlp, sentence, published) == expected


def test_a_trailing_participle_takes_a_past_tense_but_not_a_future(nlp):
    # the parser hangs "pointing" on "make": the year is still written, not a future one
    meta_text = ('The agency says that the law will "make coverage affordable," pointing to a 2009 analysis.')
    doc = nlp.make_doc(meta_text)
    doc._.meta = DocMeta()
    doc = nlp(doc)
    assert (doc._.meta.published, doc._.meta.published_basis) == ("2009", "inferred")
    assert _values(nlp, "Russia fired missiles, killing five people on May 16.", "2019-11-20") == [
        ("May 16", "2019-05-16")]


@pytest.mark.parametrize("text", ["", "  ", "Putin met Kim on May 16.  They  signed a pact.\n\nNext week: talks."])
def test_token_index_answers_as_char_span(nlp, text: str) -> None:
    from dyad.temporal.context import TokenIndex, token_at, tokens_in

    doc = nlp.make_doc(text)
    index = TokenIndex(doc)
    for char in range(-1, len(text) + 2):
        want = token_at(doc, char)
        got = index.at(char)
        assert (got.i if got is not None else None) == (want.i if want is not None else None)
        for end in range(char + 1, min(char + 12, len(text) + 2)):
            assert list(index.within(char, end)) == [t.i for t in tokens_in(doc, char, end)]
