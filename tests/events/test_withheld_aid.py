"""Aid that is stopped is a SANCTION (CAMEO 162x), not an AID; a trade war is a SANCTION between its sides."""

from __future__ import annotations

import pytest
from event_docs import STATES, coded

from dyad.events.lexicon import load_lexicon
from dyad.events.triggers import absorber, find_triggers

ACTORS = {**STATES, "Pakistan": ("PAK", "state", "PAK"), "Egypt": ("EGY", "state", "EGY"),
          "Trump": ("trump", "person", "USA"), "the European Union": ("EU", "organization", "EU"),
          "Niger": ("NER", "state", "NER")}


def code(nlp, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc, events = coded(nlp, text, actors=ACTORS, published="2024-06-19")
    countries = {a.id: a.country for a in doc._.actors.values()}
    return [(e.type, countries.get(e.source or ""), countries.get(e.target or ""), e.cameo) for e in events]


@pytest.mark.parametrize(("text", "cameo"), [
    ("Washington withheld military aid to Ukraine.", "1622"),
    ("Washington suspended aid to Pakistan.", "162"),
    ("Washington cut off funding to Egypt.", "1621"),
    ("Germany paused humanitarian assistance to Niger.", "1623"),
    ("Washington halted weapons shipments to Israel.", "1622"),
    ("Washington delayed arms deliveries to Ukraine.", "1622"),
    ("Trump put a hold on aid to Ukraine.", "162"),
])
def test_a_halting_verb_is_a_sanction_by_the_giver(nlp, text, cameo):
    out = code(nlp, text)
    assert len(out) == 1, out  # the aid noun is no AID of its own
    assert out[0][0] == "SANCTION" and out[0][3] == cameo
    assert out[0][1] in ("USA", "DEU") and out[0][2] in ("UKR", "PAK", "EGY", "NER", "ISR")


@pytest.mark.parametrize(("text", "expected"), [
    ("He defended the hold on US security assistance to Ukraine.", ("SANCTION", "USA", "UKR")),
    ("Germany announced a freeze of aid to Niger.", ("SANCTION", "DEU", "NER")),
    ("Washington announced aid cuts to Pakistan.", ("SANCTION", "USA", "PAK")),
])
def test_a_halting_noun_takes_the_aid_s_sides(nlp, text, expected):
    assert [x[:3] for x in code(nlp, text)] == [expected]


def test_a_participle_misread_as_modifier_still_halts(nlp):
    # the small model reads "froze" as a modifier of "aid": the aid noun becomes the halt
    assert [x[:3] for x in code(nlp, "The US froze aid to Pakistan.")] == [("SANCTION", "USA", "PAK")]


def test_giving_aid_stays_aid(nlp):
    assert [x[:3] for x in code(nlp, "The US sent aid to Ukraine.")] == [("AID", "USA", "UKR")]


def test_the_halted_aid_is_absorbed(nlp):
    doc, _ = coded(nlp, "Washington withheld aid to Ukraine.", actors=ACTORS)
    trigs = find_triggers(next(doc.sents), load_lexicon())
    by_i = {t.token.i: t for t in trigs}
    aid = next(t for t in trigs if t.token.text == "aid")
    assert absorber(aid, by_i) is by_i[1]
    assert absorber(by_i[1], by_i) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("The US-China trade war hurt farmers.", ("SANCTION", "USA", "CHN")),
    ("Trump started a trade war with China.", ("SANCTION", "USA", "CHN")),
    ("A trade war between the United States and China hurt farmers.", ("SANCTION", "USA", "CHN")),
])
def test_a_trade_war_is_a_sanction_between_its_sides(nlp, text, expected):
    out = [x[:3] for x in code(nlp, text)]
    assert out == [expected]


def test_an_agreement_to_end_a_trade_war_is_an_agreement_between_its_sides(nlp):
    out = code(nlp, "The two sides agreed to end the trade war between the United States and China.")
    assert [x[:3] for x in out] == [("AGREE", "USA", "CHN")]


def test_a_war_of_arms_is_no_trade_war(nlp):
    assert [x[0] for x in code(nlp, "Russia started a war with Ukraine.")] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "The US imposed tariffs on imports from the European Union.",
    "Tariffs were imposed by the US on imports from the European Union.",
])
def test_tariffs_on_imports_from_x_target_x(nlp, text):
    assert [x[:3] for x in code(nlp, text)] == [("SANCTION", "USA", "EU")]


def test_tariffs_without_a_source_are_not_coded(nlp):
    assert code(nlp, "Tariffs have also been imposed on imports from the European Union.") == []
