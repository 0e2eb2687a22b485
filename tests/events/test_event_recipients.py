"""Recipients found beyond the verb's own objects: the pressure a refusal resists, the doer of an
infinitival relative ("a rally to protest"), and a national adjective on a place that names no recipient."""

from __future__ import annotations

from event_docs import coded, summary


def code(nlp, text: str, actors=None):
    doc, events = coded(nlp, text, actors=actors, published="2024-06-19", times=[])
    return [s[:3] for s in summary(events, doc)]


def test_a_refusal_despite_pressure_rejects_who_pressed(nlp):
    assert ("REJECT", "RUS", "JPN") in code(nlp, "Putin has declined to resign despite growing pressure by Japan.")


def test_a_refusal_with_no_pressure_named_has_no_recipient(nlp):
    assert not [g for g in code(nlp, "Putin has declined to resign despite a scandal in Japan.") if g[0] == "REJECT"]


def test_a_rally_to_protest_is_done_by_those_converging(nlp):
    actors = {"Nigerians": ("NGA", "state", "NGA"), "Lagos": ("NGA", "state", "NGA")}
    got = code(nlp, "Thousands of Nigerians were converging for a rally to protest the new tax.", actors)
    assert ("PROTEST", "NGA", "NGA") in got


def test_withdrawal_from_a_town_of_ones_own_country_has_no_recipient(nlp):
    actors = {"Bosnian Serbs": ("bosnian-serbs", "group", "BIH"), "Bosnian": ("BIH", "state", "BIH")}
    _, events = coded(nlp, "Bosnian Serbs completed their withdrawal from the Bosnian town of Gorazde.", actors=actors,
                        published="2024-06-19", times=[])
    assert [(e.type, e.target) for e in events if e.trigger.text == "withdrawal"] == [("RETREAT", None)]


def test_withdrawal_from_a_foreign_town_keeps_its_recipient(nlp):
    actors = {"Syrian": ("SYR", "state", "SYR"), "Lebanese": ("LBN", "state", "LBN")}
    assert ("RETREAT", "SYR", "LBN") in code(nlp, "Syrian troops completed their withdrawal from the Lebanese town of Zahle.", actors)
