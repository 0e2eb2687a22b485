"""dyad_actors on short sentences with the real model, one test per resolution path.

The pipeline here is the model plus dyad_actors only, with a user actor file
(tests/pipeline/data/actors_user.jsonl) that adds an invented state, Zembla, whose office
holders have known dates; real names come from the packaged dictionary or that file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from dyad.pipeline.extensions import register_extensions
from dyad.records import Actor, DocMeta

USER_FILE = Path(__file__).parent / "data" / "actors_user.jsonl"


@pytest.fixture(scope="module")
def actors_nlp():
    from dyad.pipeline import actors  # noqa: F401  (registers the factory)
    from dyad.settings import Settings

    register_extensions()
    nlp = spacy.load(Settings().model)
    nlp.add_pipe("dyad_actors", config={"actors_file": str(USER_FILE)})
    return nlp


def run(nlp, text: str, published: str | None = None):
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published=published)
    doc = nlp(doc)
    for m in doc._.mentions:
        assert doc.text[m.start:m.end] == m.text
    assert [m.start for m in doc._.mentions] == sorted(m.start for m in doc._.mentions)
    return doc


def by_name(doc, name: str) -> Actor:
    hits = [a for a in doc._.actors.values() if a.name == name]
    assert hits, f"{name} not in {[a.name for a in doc._.actors.values()]}"
    return hits[0]


def texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_full_name_with_role_at_date(actors_nlp):
    doc = run(actors_nlp, "Zemblan President Karl Odin met Marek Volny in Onhava.", "2006-06-01")
    odin = by_name(doc, "Karl Odin")
    assert (odin.id, odin.country, odin.role, odin.code, odin.basis) == ("karl-odin", "XZB", "GOV", "XZBGOV", "dictionary")
    assert texts(by_name(doc, "Zembla")) == ["Zemblan", "Onhava"]


def test_role_that_ended_before_the_article_date(actors_nlp):
    doc = run(actors_nlp, "Marek Volny, a former foreign minister, met Karl Odin.", "2015-06-01")
    volny = by_name(doc, "Marek Volny")
    assert volny.country == "XZB"
    assert volny.role is None and volny.code is None
    doc = run(actors_nlp, "Marek Volny met Karl Odin.", "2005-06-01")
    assert by_name(doc, "Marek Volny").code == "XZBGOV"


def test_surname_resolves_to_person_named_in_document(actors_nlp):
    doc = run(actors_nlp, "Karl Odin met Marek Volny on Monday. Volny said Odin was tired.", "2006-06-01")
    assert texts(by_name(doc, "Marek Volny")) == ["Marek Volny", "Volny"]
    assert [m.basis for m in by_name(doc, "Karl Odin").mentions] == ["dictionary", "coreference"]


def test_surname_alone_resolves_to_unique_office_holder(actors_nlp):
    doc = run(actors_nlp, "Odin said the talks had failed.", "2006-06-01")
    assert texts(by_name(doc, "Karl Odin")) == ["Odin"]


def test_title_resolves_to_office_holder_at_date(actors_nlp):
    text = "Zembla's foreign minister said on Monday that Onhava would not back down."
    early = run(actors_nlp, text, "2005-06-01")
    late = run(actors_nlp, text, "2015-06-01")
    assert texts(by_name(early, "Marek Volny")) == ["foreign minister"]
    assert by_name(early, "Marek Volny").mentions[0].basis == "title"
    assert texts(by_name(late, "Irina Sokol")) == ["foreign minister"]
    assert "marek-volny" not in late._.actors


def test_title_attached_to_a_name_is_not_a_second_person(actors_nlp):
    doc = run(actors_nlp, "North Korean leader Kim Jong Un arrived in Russia.", "2023-09-13")
    people = [a for a in doc._.actors.values() if a.kind == "person"]
    assert [a.id for a in people] == ["kim-jong-un"]
    assert texts(by_name(doc, "North Korea")) == ["North Korean"]


def test_metonym_and_adjective(actors_nlp):
    doc = run(actors_nlp, "Pyongyang has denied any handover. In March, a Russian veto ended the monitoring.")
    assert texts(by_name(doc, "North Korea")) == ["Pyongyang"]
    assert texts(by_name(doc, "Russia")) == ["Russian"]


def test_hyphen_compounds_split_into_parts(actors_nlp):
    doc = run(actors_nlp, "The last Putin-Kim summit ended. North Korea-made missiles were fired after "
                          "a new axis between South Korea-US-Japan emerged.", "2024-06-19")
    assert texts(by_name(doc, "Vladimir Putin")) == ["Putin"]
    assert texts(by_name(doc, "Kim Jong Un")) == ["Kim"]
    assert texts(by_name(doc, "North Korea")) == ["North Korea"]
    assert [by_name(doc, n).country for n in ("South Korea", "United States", "Japan")] == ["KOR", "USA", "JPN"]


def test_inference_from_title_with_nationality(actors_nlp):
    doc = run(actors_nlp, "Zemblan Ministry of Foreign Affairs spokesman Tomas Brel said the visit was private.")
    brel = by_name(doc, "Tomas Brel")
    assert (brel.id, brel.country, brel.role, brel.basis) == ("tomas-brel", "XZB", "GOV", "title")


def test_inference_from_nationality(actors_nlp):
    doc = run(actors_nlp, "The Zemblan novelist Anna Dorf wrote the report.")
    dorf = by_name(doc, "Anna Dorf")
    assert (dorf.country, dorf.basis) == ("XZB", "nationality")


def test_inference_from_affiliation(actors_nlp):
    doc = run(actors_nlp, "\"It matters,\" said Tong Zhao of the Quillon Endowment for Dialogue, as quoted by Reuters.")
    zhao = by_name(doc, "Tong Zhao")
    assert (zhao.country, zhao.basis) == ("USA", "affiliation")


def test_affiliation_through_an_acronym_and_short_form(actors_nlp):
    doc = run(actors_nlp, "\"It matters,\" Dr Jitendra Uttam, Associate Professor at the Centre for East Asian "
                          "Studies, Zorvia University (ZIPS), told reporters. Dr Uttam added more.")
    uttam = by_name(doc, "Jitendra Uttam")
    assert (uttam.country, uttam.basis) == ("IND", "affiliation")
    assert texts(uttam) == ["Jitendra Uttam", "Uttam"]
    assert by_name(doc, "Zorvia Institute of Peace Studies").country == "IND"


def test_affiliation_with_an_organisation_located_by_its_seat(actors_nlp):
    doc = run(actors_nlp, "The risk is real, said Lars Ekholm, Director of the Nordic Institute for Maritime Policy "
                          "in Sweden.")
    assert by_name(doc, "Lars Ekholm").country == "SWE"
    assert by_name(doc, "Nordic Institute for Maritime Policy").country == "SWE"


def test_unknown_person_without_clues_has_no_country(actors_nlp):
    doc = run(actors_nlp, "Yesterday Peter Halloran arrived late to the meeting.")
    p = by_name(doc, "Peter Halloran")
    assert (p.country, p.basis, p.id) == (None, "model", "peter-halloran")


def test_user_file_adds_and_overrides(actors_nlp):
    doc = run(actors_nlp, "Rosenbad announced new measures.")
    assert by_name(doc, "Sweden").country == "SWE"


def test_junk_entities_are_dropped(actors_nlp):
    doc = run(actors_nlp, "They met in the port of Vladivostok. Photograph:(AFP)\nSubscribe to get the latest posts.")
    assert doc._.actors == {}


def test_lowercase_words_do_not_match_capitalised_aliases(actors_nlp):
    doc = run(actors_nlp, "Let us go and see the moon.")
    assert doc._.actors == {}


def test_empty_and_odd_input(actors_nlp):
    assert run(actors_nlp, "")._.actors == {}
    doc = run(actors_nlp, "\u200b\u00a0-- (( ))) 🇮🇳 Kim-")
    assert isinstance(doc._.mentions, list)


def test_ids_are_stable_across_documents(actors_nlp):
    a = run(actors_nlp, "Said Peter Halloran of the Quillon Endowment.")
    b = run(actors_nlp, "Peter Halloran left.")
    assert "peter-halloran" in a._.actors and "peter-halloran" in b._.actors


def test_nationality_with_agent_noun_stands_for_the_state(actors_nlp):
    doc = run(actors_nlp, "Zemblan troops crossed the river, a Zemblan official said.", "2006-06-01")
    assert texts(by_name(doc, "Zembla")) == ["Zemblan troops", "Zemblan official"]
    doc = run(actors_nlp, "State-controlled Zemblan news agency ZIPS reported the visit.")
    assert texts(by_name(doc, "Zembla")) == ["Zemblan"]


def test_aliases_inside_longer_place_names_are_not_actors(actors_nlp):
    doc = run(actors_nlp, "Israel reimposed blockades in the West Bank. Fighting resumed in Western Cambodia.")
    assert all(a.country != "WEST" for a in doc._.actors.values())


def test_title_prefix_tagged_as_organisation_keeps_its_nationality(actors_nlp):
    doc = run(actors_nlp, "Zemblan Defence Secretary Olaf Brun promised more aid.")
    brun = by_name(doc, "Olaf Brun")
    assert (brun.country, brun.basis) == ("XZB", "title")
    assert [a.kind for a in doc._.actors.values()].count("organization") == 0


def test_title_with_a_modifier_is_not_the_office_holder(actors_nlp):
    for text in ("Zembla's former foreign minister spoke.", "A Zemblan foreign minister spoke.",
                 "Zembla's deputy foreign minister spoke."):
        doc = run(actors_nlp, text, "2015-06-01")
        assert [a.kind for a in doc._.actors.values()] == ["state"], text


def test_nationality_is_the_outermost_state_and_not_a_topic(actors_nlp):
    doc = run(actors_nlp, "Zemblan Ambassador to Japan Peter Olsen said the talks went well.")
    assert by_name(doc, "Peter Olsen").country == "XZB"
    doc = run(actors_nlp, "The White House Japan adviser Thomas Keller said he was worried.")
    assert by_name(doc, "Thomas Keller").country == "USA"


def test_possessor_title_is_not_the_persons_title(actors_nlp):
    doc = run(actors_nlp, "The president's lawyer Rolf Amsel flew to Onhava.")
    amsel = by_name(doc, "Rolf Amsel")
    assert amsel.attributes.get("title") == "lawyer" and amsel.role is None
    assert amsel.country == "XZB"  # the president's (Zembla's, the one state named): in his service


def test_appositive_title_with_nationality(actors_nlp):
    doc = run(actors_nlp, "\"We will respond,\" said Peter Olsen, Zembla's chief negotiator, on Monday.")
    olsen = by_name(doc, "Peter Olsen")
    assert (olsen.country, olsen.basis, olsen.role) == ("XZB", "title", "GOV")


def test_title_prefers_the_office_holder_named_in_the_document(actors_nlp):
    doc = run(actors_nlp, "Zemblan Prime Minister Nora Lind arrived. The Zemblan leader urged talks.", "2015-06-01")
    assert texts(by_name(doc, "Nora Lind")) == ["Nora Lind", "leader"]
    doc = run(actors_nlp, "The Zemblan leader urged talks.", "2015-06-01")
    assert texts(by_name(doc, "Karl Odin")) == ["leader"]


def test_person_inside_an_organisation_entity(actors_nlp):
    doc = run(actors_nlp, "Another analyst, Ankit Panda of the Quillon Endowment, said the risks were growing.")
    assert by_name(doc, "Ankit Panda").country == "USA"


def test_international_official_carries_the_organisation_code(actors_nlp):
    doc = run(actors_nlp, "Mara Velt urged restraint.", "2020-01-01")
    velt = by_name(doc, "Mara Velt")
    assert (velt.country, velt.code) == ("UN", "UNIGO")
    assert by_name(run(actors_nlp, "Mara Velt urged restraint.", "2010-01-01"), "Mara Velt").country == "XZB"


def test_organisation_placed_by_a_possessive_state(actors_nlp):
    doc = run(actors_nlp, "Zembla's ruling Workers' Party praised the pact.")
    party = by_name(doc, "Workers' Party")
    assert (party.country, party.id) == ("XZB", "workers-party-xzb")


def test_example_articles_through_the_full_pipeline(example_records):
    record = example_records["000_66cd115ae380c893.txt"]
    actors = {a["id"]: a for a in record["actors"]}
    assert (actors["vladimir-putin"]["country"], actors["vladimir-putin"]["code"]) == ("RUS", "RUSGOV")
    assert actors["KCNA"]["country"] == "PRK"
    by_name_ = {a["name"]: a for a in record["actors"]}
    assert by_name_["Tong Zhao"]["basis"] == "affiliation"
    assert by_name_["Niklas Swanstrom"]["country"] == "SWE"
    for a in record["actors"]:
        for m in a["mentions"]:
            assert record["text"][m["start"]:m["end"]] == m["text"]


def codes(doc) -> dict[str, str | None]:
    return {m.text: doc._.actors[m.actor_id].code for m in doc._.mentions}


def test_palestinian_territories_and_the_west(actors_nlp):
    doc = run(actors_nlp, "Troops raided the West Bank and Gaza. The West said nothing.", "2006-06-01")
    got = codes(doc)
    assert got["the West Bank"] == "PSE" and got["Gaza"] == "PSE"
    assert got["The West"] == "WEST"


def test_demonyms_and_regions_of_other_states(actors_nlp):
    doc = run(actors_nlp, "Serb forces and the Kampuchean army clashed. Violence hit Northern Ireland.", "1990-06-01")
    got = codes(doc)
    assert got["Serb forces"] == "SRB" and got["Kampuchean army"] == "KHM"
    assert got["Northern Ireland"] == "GBR"


def test_labour_minister_is_not_the_labour_party(actors_nlp):
    doc = run(actors_nlp, "The Serbian Labour Minister resigned.", "2006-06-01")
    assert "GBR_LABOUR" not in doc._.actors


def test_shared_capital_name_follows_the_article_states(actors_nlp):
    libya = run(actors_nlp, "Tripoli rejected the demand.", "2006-06-01")
    assert codes(libya)["Tripoli"] == "LBY"
    lebanon = run(actors_nlp, "Lebanon sent troops. Tripoli was calm, officials said.", "2006-06-01")
    assert "LBY" not in lebanon._.actors


def test_possessive_state_constrains_a_short_name(actors_nlp):
    doc = run(actors_nlp, "Jordan's King Abdullah met the envoy.", "2005-06-01")
    assert codes(doc)["Abdullah"] == "JORGOV"
    assert "abdullah-abdullah" not in doc._.actors
    doc = run(actors_nlp, "King Abdullah of Jordan met the envoy.", "2005-06-01")
    assert codes(doc)["Abdullah"] == "JORGOV"


def test_shared_given_name_alone_resolves_to_nobody(actors_nlp):
    doc = run(actors_nlp, "Abdullah met the envoy on Monday.", "2005-06-01")
    assert not any(m.text == "Abdullah" for m in doc._.mentions)


def test_state_name_before_an_expert_is_a_topic_not_a_nationality(actors_nlp):
    doc = run(actors_nlp, "Derek Scissors, a China expert at the American Enterprise Institute, spoke.", "2024-06-01")
    assert by_name(doc, "Derek Scissors").country == "USA"
    doc = run(actors_nlp, "Ivan Petrov, a Russia watcher, spoke. Wang Lei, a Chinese analyst, agreed.", "2024-06-01")
    assert by_name(doc, "Ivan Petrov").country is None
    assert by_name(doc, "Wang Lei").country == "CHN"


def test_junk_entities_are_cleaned(actors_nlp):
    doc = run(actors_nlp, "The Key Security Council met. Vietnam’s Hoa Lo prison was closed.", "2024-06-01")
    assert not any(a.name.startswith(("Key", "’s")) for a in doc._.actors.values())
    assert "hoa-lo" not in doc._.actors
    assert codes(doc)["Security Council"] == "UNIGO"


def test_possessive_organisation_inherits_its_owner_country(actors_nlp):
    doc = run(actors_nlp, "Tufts University’s Feinstein International Center published a report.", "2024-06-01")
    center = next(a for a in doc._.actors.values() if a.name.endswith("Feinstein International Center"))
    assert (center.country, center.basis) == ("USA", "affiliation")


def test_undated_article_takes_the_latest_year_it_names(actors_nlp):
    doc = run(actors_nlp, "In March 1989, Bush said the talks would resume.")
    assert "george-h-w-bush" in doc._.actors and codes(doc)["Bush"] == "USAGOV"
    doc = run(actors_nlp, "In March 1989, Bush said the talks would resume.", "2005-06-01")
    assert "george-w-bush" in doc._.actors


def test_head_of_state_of_older_news_resolves_without_a_country(actors_nlp):
    doc = run(actors_nlp, "General Prosper Avril declared a state of siege.", "1989-06-01")
    assert codes(doc)["Prosper Avril"] == "HTIGOV"


def test_bare_title_resolves_only_to_the_one_holder_named_in_the_document(actors_nlp):
    doc = run(actors_nlp, "President Putin met officials. The president said talks would resume.", "2024-06-01")
    assert texts(by_name(doc, "Vladimir Putin")) == ["Putin", "president"]
    doc = run(actors_nlp, "President Putin met President Biden. The president said talks would resume.", "2024-06-01")
    assert not any(m.text == "president" for m in doc._.mentions)
    doc = run(actors_nlp, "Russia warned Ukraine. The foreign minister said talks would resume.", "2024-06-01")
    assert not any(m.text == "foreign minister" for m in doc._.mentions)


def test_titled_given_name_of_a_state_resolves_to_its_office_holder(actors_nlp):
    doc = run(actors_nlp, "King Hassan of Morocco said he would be ready.", "1990-06-01")
    assert codes(doc)["Hassan"] == "MARGOV"


def test_bare_title_in_a_one_state_document_is_that_state_office_holder(actors_nlp):
    doc = run(actors_nlp, "The curfew in Sudan was shortened. The president said the army would stay.", "1995-06-01")
    assert codes(doc)["president"] == "SDNGOV"
    doc = run(actors_nlp, "The Pentagon and Sudan disagreed. The president said the army would stay.", "1995-06-01")
    assert not any(m.text == "president" for m in doc._.mentions)


def test_a_blocs_word_inside_a_peoples_name_is_not_the_bloc(actors_nlp):
    doc = run(actors_nlp, "Benin admitted thousands of West Africans. Western leaders met in Paris.", "2006-06-01")
    west = [m.text for a in doc._.actors.values() if a.country == "WEST" for m in a.mentions]
    assert west == ["Western"]


def test_shared_alias_follows_the_other_names_of_the_document(actors_nlp):
    doc = run(actors_nlp, "Congolese troops entered Brazzaville on Monday.", "2006-06-01")
    assert codes(doc)["Congolese troops"] == "COG"
    doc = run(actors_nlp, "Congolese refugees crossed the border on Monday.", "2006-06-01")
    assert codes(doc)["Congolese"] == "COD"


def test_title_before_an_apposed_name_is_that_persons(actors_nlp):
    doc = run(actors_nlp, "In June, the then UK Home Secretary, Tomas Brel, formally approved the request.", "2024-06-19")
    brel = by_name(doc, "Tomas Brel")
    assert (brel.country, brel.basis, brel.role) == ("GBR", "title", "GOV")


def test_outlet_and_title_after_a_comma_are_an_affiliation(actors_nlp):
    doc = run(actors_nlp, "Anna Dorf, BBC diplomatic correspondent, said the talks had failed.", "2024-06-19")
    dorf = by_name(doc, "Anna Dorf")
    assert (dorf.country, dorf.basis, dorf.role) == ("GBR", "affiliation", "MED")


def test_born_compound_is_a_nationality(actors_nlp):
    doc = run(actors_nlp, "Australian-born journalist Anna Dorf said the talks had failed.", "2024-06-19")
    assert by_name(doc, "Anna Dorf").country == "AUS"


def test_curly_apostrophe_matches_the_dictionary_alias(actors_nlp):
    doc = run(actors_nlp, "The People’s Liberation Army held drills near Taiwan.", "2024-06-19")
    pla = by_name(doc, "People's Liberation Army")
    assert pla.country == "CHN" and texts(pla) == ["People’s Liberation Army"]


def test_name_tagged_as_organisation_with_an_apposed_title_is_a_person(actors_nlp):
    doc = run(actors_nlp, "Eswar Vasel, a trade professor at Cornell, said the deal was weak.", "2019-11-18")
    vasel = by_name(doc, "Eswar Vasel")
    assert (vasel.kind, vasel.country, vasel.basis) == ("person", "USA", "affiliation")


def test_state_glued_before_a_name_after_a_title_is_split_off(actors_nlp):
    doc = run(actors_nlp, "A diplomat, special envoy to Ukraine Kurt Volker, changed his story.", "2019-11-18")
    assert by_name(doc, "Kurt Volker").kind == "person"
    assert texts(by_name(doc, "Ukraine")) == ["Ukraine"]


def test_given_name_the_model_leaves_out_joins_the_name(actors_nlp):
    doc = run(actors_nlp, "The special envoy to Ukraine Kurt Volny said talks failed.", "2019-11-18")
    assert texts(by_name(doc, "Kurt Volny")) == ["Kurt Volny"]


def test_surname_he_before_a_name_is_no_pronoun(actors_nlp):
    doc = run(actors_nlp, "He Jianxiong, the former executive director for Zembla at the Quillon Endowment, said so.")
    assert texts(by_name(doc, "He Jianxiong")) == ["He Jianxiong"]
    doc = run(actors_nlp, "He met Karl Odin in Onhava.", "2006-06-01")
    assert texts(by_name(doc, "Karl Odin")) == ["Karl Odin"]


def test_name_written_without_its_apostrophe_matches(actors_nlp):
    doc = run(actors_nlp, "The Peoples Liberation Army held drills near Taiwan.", "2024-06-19")
    assert by_name(doc, "People's Liberation Army").country == "CHN"


def test_title_of_a_body_gives_the_bodys_country(actors_nlp):
    doc = run(actors_nlp, "Anna Dorf, the president of the Federal Reserve Bank of Chicago, said growth slowed.", "2019-11-18")
    assert (by_name(doc, "Anna Dorf").country, by_name(doc, "Federal Reserve Bank of Chicago").country) == ("USA", "USA")


def test_a_generic_party_name_follows_its_possessor(actors_nlp):
    doc = run(actors_nlp, "Vietnam watched as Xi's Communist Party tightened its grip.", "2019-11-18")
    assert texts(by_name(doc, "Chinese Communist Party")) == ["Communist Party"]
    doc = run(actors_nlp, "Xi met his comrades on the Standing Committee in China.", "2019-11-18")
    assert by_name(doc, "Politburo Standing Committee").country == "CHN"
    doc = run(actors_nlp, "Karl Odin met his comrades on the Standing Committee.", "2019-11-18")
    assert not any(a.name == "Politburo Standing Committee" for a in doc._.actors.values())


def test_person_from_a_region_is_of_its_state(actors_nlp):
    doc = run(actors_nlp, "Harjit Brar, 24, from Punjab’s Bhatinda, was deported to India.", "2019-11-18")
    assert by_name(doc, "Harjit Brar").country == "IND"
    assert not any(a.kind == "person" and "Bhatinda" in a.name for a in doc._.actors.values())
    doc = run(actors_nlp, "Harjit Brar, a farmer from Punjab, spoke.", "2019-11-18")
    assert by_name(doc, "Harjit Brar").country is None  # Punjab of India or of Pakistan


def test_state_as_the_topic_of_a_title_is_no_mention(actors_nlp):
    doc = run(actors_nlp, "The story was confirmed by former US Russia adviser Anna Dorf.", "2019-11-18")
    assert "Russia" not in [a.name for a in doc._.actors.values()]
    assert by_name(doc, "Anna Dorf").country == "USA"


def test_seat_of_power_as_a_location_is_no_mention(actors_nlp):
    doc = run(actors_nlp, "Karl Odin met Zemblan officials at the White House.", "2006-06-01")
    assert "United States" not in [a.name for a in doc._.actors.values()]
    doc = run(actors_nlp, "The White House said the visit would go ahead.", "2006-06-01")
    assert texts(by_name(doc, "United States")) == ["The White House"]


def test_name_the_model_misses_is_found_by_its_apposed_title(actors_nlp):
    doc = run(actors_nlp, "He Weilin, the former director at the Quillon Endowment, said the deal was weak.")
    assert by_name(doc, "He Weilin").country == "USA"
    doc = run(actors_nlp, "Hong Kong Chief Executive Carrie Lam said so.", "2019-11-18")
    assert "Carrie Lam" in [a.name for a in doc._.actors.values()]


def test_organisation_based_in_a_region_is_of_its_state(actors_nlp):
    doc = run(actors_nlp, "The risk is real, said Lars Ekholm of the Bellmar Institute, a Texas-based think tank.")
    assert (by_name(doc, "Bellmar Institute").country, by_name(doc, "Lars Ekholm").country) == ("USA", "USA")


def test_person_in_someones_service_is_of_their_state(actors_nlp):
    doc = run(actors_nlp, "Karl Odin's spokesman Ivan Dorf said no.", "2006-06-01")
    assert by_name(doc, "Ivan Dorf").country == "XZB"
    doc = run(actors_nlp, "Karl Odin's rival Ivan Dorf said no.", "2006-06-01")
    assert by_name(doc, "Ivan Dorf").country is None


def test_title_of_a_region_gives_its_state(actors_nlp):
    doc = run(actors_nlp, "Anna Dorf, the governor of Texas, said so.", "2019-11-18")
    assert by_name(doc, "Anna Dorf").country == "USA"
    doc = run(actors_nlp, "Anna Dorf of Texas Instruments said so.", "2019-11-18")
    assert by_name(doc, "Anna Dorf").country is None  # a longer name, not the region


def test_relative_clause_with_be_is_an_apposition(actors_nlp):
    doc = run(actors_nlp, "Anna Dorf, who was Zembla's top negotiator, said so.", "2019-11-18")
    assert by_name(doc, "Anna Dorf").country == "XZB"
    doc = run(actors_nlp, "Anna Dorf, who met Zemblan officials, said so.", "2019-11-18")
    assert by_name(doc, "Anna Dorf").country is None
