"""dyad.quotes.tokens: the per-document token table agrees with spaCy's own Token/Span answers."""

from __future__ import annotations

from dyad.quotes.direct import _is_cue_verb
from dyad.quotes.lexicon import load_lexicon
from dyad.quotes.tokens import TABLE_KEY, TokenTable, table_of, table_scope, within

TEXT = ("Russia will respond, Foreign Minister Sergey Lavrov said on Tuesday, according to TASS.\n\n"
        "Beijing believes the talks failed. \"We are ready,\" he told reporters in Moscow by phone.")


def test_table_matches_tokens(nlp):
    doc = nlp(TEXT)
    lex = load_lexicon()
    table = TokenTable(doc)
    assert table.heads == [t.head.i for t in doc]
    assert table.lemmas == [t.lemma for t in doc]
    for t in doc:
        assert table.sent_of(t.i) == t.sent
        ent = table.ent_of(t.i)
        expected = next(((e.start, e.end) for e in doc.ents if e.start <= t.i < e.end), None)
        assert ((ent.start, ent.end) if ent is not None else None) == expected
    assert table.words(0, len(doc)) == sum(1 for t in doc if t.is_alpha or t.like_num)
    assert table.attribution_candidates == [t.i for t in doc if t.lower_ in ("according", "per", "as", "in")]
    cues = set(table.cue_candidates(lex))
    assert {t.i for t in doc if _is_cue_verb(t, lex, False)} <= cues
    assert {t.lemma_ for t in doc if t.i in cues} >= {"say", "believe", "tell"}
    relays = {doc[i].lower_ for i in table.relay_candidates(lex)}
    assert {"told", "by", "to"} <= relays


def test_within_and_scope(nlp):
    assert list(within([1, 4, 7, 9], 4, 9)) == [4, 7]
    assert list(within([], 0, 5)) == []
    doc = nlp("Kim said so.")
    with table_scope(doc) as table:
        assert table_of(doc) is table
    assert TABLE_KEY not in doc.user_data
    assert table_of(doc) is not table
