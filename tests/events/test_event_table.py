"""The coder's per-document token table and held values give what the Token API gives."""

from __future__ import annotations

from dyad.events.table import DocTable, doc_values, holding
from dyad.events.triggers import token_kind
from dyad.pipeline.children import children_of

TEXT = ("According to officials, Russia must stop the attacks. Moscow said that Kyiv end the war. "
        "China and Japan held talks in Beijing on Tuesday.")


def test_table_selects_the_tokens_the_scans_read(nlp):
    doc = nlp(TEXT)
    table = DocTable(doc)
    assert [w[:2] for w in table.words] == [(t.i, token_kind(t)) for t in doc if token_kind(t)]
    assert table.musts == [t.i for t in doc if (t.dep_ == "aux" and t.lower_ in ("must", "should"))
                           or (t.tag_ == "VB" and t.dep_ == "ccomp")]
    assert table.according == [t.i for t in doc if t.lower_ == "according" and t.dep_ == "prep"]
    for t in doc:
        assert table.according_in(t.i) == [a for a in table.according if t.sent.start <= a < t.sent.end]
    for s in doc.sents:
        assert [w[0] for w in table.words_in(s.start, s.end)] == [w[0] for w in table.words if s.start <= w[0] < s.end]


def test_empty_doc_has_an_empty_table(nlp):
    table = DocTable(nlp.make_doc(""))
    assert table.words == [] and table.musts == [] and table.according_in(0) == []


def test_held_values_match_the_doc_and_leave_nothing_behind(nlp):
    doc = nlp(TEXT)
    keys = set(doc.user_data)
    with holding(doc) as values:
        assert doc_values(doc) is values
        assert values.mentions == (doc._.mentions or [])
        for t in doc:
            assert list(children_of(t)) == list(t.children)
            assert children_of(t) is children_of(t)  # kept, not rebuilt
        span = values.spans(doc[2].idx, doc[2].idx + 3)
        assert span is not None and span.start == 2
    assert set(doc.user_data) == keys
    assert list(children_of(doc[5])) == list(doc[5].children)
