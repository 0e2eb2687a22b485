"""Ethnic and religious communities are coded by the state they live in (dyad/actors/communities.py).

Short sentences of our own through the real model and the dyad_actors component.
"""

from __future__ import annotations

import json

import pytest

from dyad.actors.communities import CommunityLexicon
from dyad.errors import DyadError
from dyad.records import DocMeta


def groups(nlp, text: str) -> dict[str, tuple[str | None, list[str]]]:
    """Community actors of ``text``: name -> (country, mention texts)."""
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published="2001-06-01")
    doc = nlp(doc)
    for m in doc._.mentions:
        assert doc.text[m.start:m.end] == m.text
    return {a.name: (a.country, [m.text for m in a.mentions]) for a in doc._.actors.values()
            if a.basis == "residence"}


def country_of(nlp, text: str, mention: str) -> str | None:
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published="2001-06-01")
    doc = nlp(doc)
    for a in doc._.actors.values():
        if any(m.text == mention for m in a.mentions):
            return a.country
    return None


def test_state_adjective_before_a_people_names_where_it_lives(actors_nlp):
    found = groups(actors_nlp, "Bosnian Croats rejected the new constitution on Monday.")
    assert found == {"Croats in Bosnia and Herzegovina": ("BIH", ["Bosnian Croats"])}


def test_state_before_an_ethnic_adjective_and_a_noun(actors_nlp):
    found = groups(actors_nlp, "The government will let Iraqi Kurd refugees return home.")
    assert found == {"Kurds in Iraq": ("IRQ", ["Iraqi Kurd"])}


def test_ethnic_people_in_a_state(actors_nlp):
    found = groups(actors_nlp, "Ethnic Hungarians in southern Slovakia held a large rally.")
    assert found == {"Hungarians in Slovakia": ("SVK", ["Ethnic Hungarians"])}


def test_people_of_a_state(actors_nlp):
    assert country_of(actors_nlp, "The Serbs of Croatia voted on Sunday.", "Serbs") == "HRV"


def test_ethnic_group_placed_by_its_sentence(actors_nlp):
    text = "Ethnic Russians protested against Latvia's new language law."
    assert groups(actors_nlp, text) == {"Russians in Latvia": ("LVA", ["Ethnic Russians"])}


def test_agent_noun_joins_the_mention_and_gives_the_role(actors_nlp):
    doc = actors_nlp.make_doc("Ethnic Albanian rebels in Macedonia seized two villages.")
    doc._.meta = DocMeta(published="2001-06-01")
    doc = actors_nlp(doc)
    rebels = [a for a in doc._.actors.values() if a.basis == "residence"]
    assert [(a.country, a.role, [m.text for m in a.mentions]) for a in rebels] == \
        [("MKD", "REB", ["Ethnic Albanian rebels"])]


def test_where_a_group_goes_or_comes_from_is_not_where_it_lives(actors_nlp):
    text = "Ethnic Uzbeks fled from Kyrgyzstan on Monday."
    assert groups(actors_nlp, text) == {}
    assert country_of(actors_nlp, text, "Uzbeks") == "UZB"  # unplaced: the bare demonym's coding stays


def test_bare_people_keeps_its_coding(actors_nlp):
    assert groups(actors_nlp, "Serbs marched through the capital on Friday.") == {}
    assert country_of(actors_nlp, "Serbs marched through the capital on Friday.", "Serbs") == "SRB"


def test_group_without_home_or_residence_is_no_actor(actors_nlp):
    assert groups(actors_nlp, "Kurds gathered for the spring festival.") == {}


def test_group_with_one_home(actors_nlp):
    assert groups(actors_nlp, "Yoruba leaders met on Friday.") == {"Yoruba": ("NGA", ["Yoruba leaders"])}


def test_religious_group_needs_a_stated_residence(actors_nlp):
    assert groups(actors_nlp, "The police dispersed Muslim demonstrators near Cairo.") == {}
    assert groups(actors_nlp, "Indian Muslims protested on Friday.") == {"Muslims in India": ("IND", ["Indian Muslims"])}


def test_minority_is_placed_only_by_a_stated_residence(actors_nlp):
    assert country_of(actors_nlp, "The Russian minority in Estonia complained.", "Russian") == "EST"
    assert groups(actors_nlp, "The Russian minority complained to Estonia.") == {}


def test_given_name_is_not_a_people(actors_nlp):
    assert groups(actors_nlp, "Karen Smith met the Thai minister in Bangkok.") == {}


def test_lexicon_rejects_an_entry_without_kind(tmp_path):
    path = tmp_path / "communities.jsonl"
    path.write_text(json.dumps({"id": "x", "name": "X", "nouns": ["Xs"]}) + "\n", encoding="utf-8")
    with pytest.raises(DyadError):
        CommunityLexicon.load(path)


def test_packaged_lexicon_homes_are_states():
    from dyad.actors.dictionary import ActorDictionary

    lexicon = CommunityLexicon.load()
    states = {e.id for e in ActorDictionary.load().entries.values() if e.kind == "state"}
    homes = {c.home for c, _ in lexicon.forms.values()}
    assert homes - {None} <= states
    assert lexicon.get("kurds") is not None and lexicon.get("Kurds")[0].home is None  # type: ignore[index]


def test_a_peoples_adjective_on_a_persons_title_is_no_group(actors_nlp):
    assert groups(actors_nlp, "Lebanon's Christian president met the pope.") == {}


def test_a_sponsor_is_not_a_home(actors_nlp):
    assert groups(actors_nlp, "Pro-Russian ethnic Hungarians rallied on Sunday.") == {}
    assert groups(actors_nlp, "US-backed ethnic Albanian rebels seized the town.") == {}


def test_a_group_without_home_is_placed_only_by_a_stated_residence(actors_nlp):
    assert groups(actors_nlp, "Turkish drones struck Kurdish militants on Monday.") == {}
    found = groups(actors_nlp, "Turkish drones struck Kurdish militants in northern Syria.")
    assert [c for c, _ in found.values()] == ["SYR"]
