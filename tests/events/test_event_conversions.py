"""Sending people to investigate, forcing an organisation out, victims at a foreign place, and allies."""

from __future__ import annotations

from event_docs import coded, summary


def code(nlp, text: str, actors=None):
    doc, events = coded(nlp, text, actors=actors, published="2024-06-19", times=[])
    return [s[:3] for s in summary(events, doc)]


def test_sending_personnel_to_investigate_is_an_investigation(nlp):
    actors = {"The United Nations": ("UN", "organization", "UN"), "Syria": ("SYR", "state", "SYR")}
    got = code(nlp, "The United Nations has sent 21 military personnel to Syria to investigate the attack.", actors)
    assert ("ACCUSE", "UN", "SYR") in got and ("AID", "UN", "SYR") not in got


def test_forcing_an_organisation_out_is_an_expulsion(nlp):
    actors = {"Jakarta": ("IDN", "state", "IDN"), "UNHCR": ("UNHCR", "organization", "UN")}
    assert code(nlp, "Jakarta forced UNHCR out of the country.", actors) == [("SANCTION", "IDN", "UN")]


def test_unnamed_victims_at_a_foreign_place_belong_to_its_state(nlp):
    actors = {"Palestinian": ("PSE", "state", "PSE"), "Israel": ("ISR", "state", "ISR")}
    got = code(nlp, "Two Palestinian bombers killed 23 people when they blew themselves up in Tel Aviv, Israel said.", actors)
    assert ("ASSAULT", "PSE", "ISR") in got


def test_an_ally_is_not_its_patron(nlp):
    actors = {"Hezbollah": ("HEZ", "organization", "LBN"), "Israel": ("ISR", "state", "ISR")}
    got = code(nlp, "Hezbollah killed the deputy chief of Israel's militia ally.", actors)
    assert ("ASSAULT", "LBN", "ISR") not in got


def test_bombs_exploded_at_home_hit_the_source_state(nlp):
    actors = {"Afghan": ("AFG", "state", "AFG")}
    got = code(nlp, "Afghan rebels exploded a series of bombs in the capital Kabul.", actors)
    assert got == [("ASSAULT", "AFG", "AFG")]


def test_victims_of_a_bombing_are_not_its_doers(nlp):
    actors = {"Iraqi": ("IRQ", "state", "IRQ"), "Baghdad": ("IRQ", "state", "IRQ")}
    assert code(nlp, "Three Iraqi civilians have been killed in a car bombing in central Baghdad.", actors) == []


def test_an_order_to_the_states_own_newspaper_is_coercion(nlp):
    actors = {"Nicaragua": ("NIC", "state", "NIC")}
    got = code(nlp, "Nicaragua's government ordered the opposition newspaper La Prensa to suspend publication.", actors)
    assert got == [("COERCE", "NIC", "NIC")]


def test_an_order_to_another_state_stays_a_request(nlp):
    assert code(nlp, "Japan ordered Iran to release the tanker.") == [("REQUEST", "JPN", "IRN")]
