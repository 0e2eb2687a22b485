"""dyad_amounts on short sentences of our own with the real pipeline: one test per amount form,
per qualifier and rate, per claimant pattern, and per thing that is not an amount."""

from __future__ import annotations

import pytest

from dyad.records import Amount


def run(nlp, text: str) -> list[Amount]:
    doc = nlp(text)
    for a in doc._.amounts:
        assert doc.text[a.start:a.end] == a.text
    return list(doc._.amounts)


def only(amounts: list[Amount]) -> Amount:
    assert len(amounts) == 1, amounts
    return amounts[0]


# --- forms -----------------------------------------------------------------------------------

def test_number_word_with_counted_noun(nlp):
    a = only(run(nlp, "North Korea has carried out six satellite launches since 1998."))
    assert a.value == 6 and a.object == "satellite launches" and a.unit is None


def test_digits_with_qualifier(nlp):
    a = only(run(nlp, "Russia has received more than 10,000 shipping containers from the North."))
    assert a.value == 10000 and a.object == "shipping containers" and a.qualifier == "more than"
    assert a.text == "more than 10,000 shipping containers"


def test_measure_unit_and_object(nlp):
    a = only(run(nlp, "The shipments held 260,000 metric tonnes of munitions."))
    assert a.value == 260000 and a.unit == "metric tonnes" and a.object == "munitions"


def test_at_least_and_a_hyphenated_modifier(nlp):
    a = only(run(nlp, "Russian forces launched at least 10 North Korea-made missiles on Ukraine."))
    assert a.value == 10 and a.qualifier == "at least" and a.object == "missiles"


def test_monthly_rate_before_the_number(nlp):
    a = only(run(nlp, "Moscow faces a monthly munition shortfall of 50,000 rounds."))
    assert a.value == 50000 and a.object == "rounds" and a.per == "month"


@pytest.mark.parametrize(("text", "per"), [
    ("The plant makes 5,000 shells a month for the front.", "month"),
    ("Pyongyang exports 300,000 tonnes of coal per year to its neighbour.", "year"),
    ("The army fires 20,000 artillery rounds every day in the east.", "day"),
])
def test_rate_after_the_noun(nlp, text, per):
    assert only(run(nlp, text)).per == per


def test_rate_after_a_unit(nlp):
    a = only(run(nlp, "Exports reached 2 million barrels per day in May."))
    assert a.value == 2e6 and a.unit == "barrels" and a.per == "day"


def test_money_with_scale(nlp):
    a = only(run(nlp, "Washington has approved $245 billion for the war effort."))
    assert a.value == 245e9 and a.unit == "USD"


def test_suffixed_scales(nlp):
    amounts = run(nlp, "The North has sent more than 1m shells, and Britain pledged \u00a32.5bn.")
    assert [(a.value, a.unit) for a in amounts] == [(1e6, None), (2.5e9, "GBP")]
    assert amounts[0].object == "shells" and amounts[0].qualifier == "more than"


def test_money_with_currency_word(nlp):
    a = only(run(nlp, "The contract is worth 3.5 million euros to the shipyard."))
    assert a.value == 3.5e6 and a.unit == "EUR"


def test_duration(nlp):
    a = only(run(nlp, "The two leaders were given 48 hours to respond to the offer."))
    assert a.value == 48 and a.unit == "hours"


def test_nearly_two_hours(nlp):
    a = only(run(nlp, "The meeting ended after nearly two hours of talks."))
    assert a.value == 2 and a.unit == "hours" and a.qualifier == "nearly"


def test_two_unsuccessful_attempts(nlp):
    a = only(run(nlp, "The launch followed two unsuccessful attempts earlier this year."))
    assert a.value == 2 and a.object == "unsuccessful attempts"


@pytest.mark.parametrize("text", ["Trade grew by 12 percent last year.", "Trade grew by 12% last year.",
                                  "Trade grew by 12 per cent last year."])
def test_percent(nlp, text):
    a = only(run(nlp, text))
    assert a.value == 12 and a.unit == "percent"


def test_year_like_number_with_a_qualifier_is_a_count(nlp):
    a = only(run(nlp, "About 2000 troops crossed the border."))
    assert a.value == 2000 and a.qualifier == "about" and a.object == "troops"


def test_compound_number_words(nlp):
    a = only(run(nlp, "Officials counted twenty-five drones over the border."))
    assert a.value == 25 and a.object == "drones"


# --- claimants -------------------------------------------------------------------------------

def test_claimed_according_to(nlp):
    a = only(run(nlp, "According to a US statement, Russia has received 1,000 containers of shells."))
    assert a.claimed_by == "USA"


def test_claimed_per_organisation(nlp):
    doc = nlp("Russia needs 50,000 rounds a month, per the Center for Strategic and International Studies.")
    a = only(list(doc._.amounts))
    assert a.claimed_by is not None
    assert "Strategic and International" in doc._.actors[a.claimed_by].name


def test_claimed_by_a_named_outlet_rather_than_its_country(nlp):
    a = only(run(nlp, "As per Russian news agency TASS, the meeting ended after nearly two hours."))
    assert a.claimed_by == "TASS"


def test_claimed_by_the_speaker(nlp):
    a = only(run(nlp, "Russian forces have launched 10 missiles made in the North, a US official said."))
    assert a.claimed_by == "USA"


# --- not amounts -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The last satellite launch occurred in 2016.",
    "He raised the 2016 elections in the call.",
    "Kim arrived on April 25, 2019, by train.",
    "Kim arrived in Russia on September 12 for talks.",
    "It was the first visit in decades and the 1st summit.",
    "The statement was published at 04:09 PM local time.",
    "The talks began at 4 p.m. in the capital.",
    "Russia wants to buy the Su-35 and to lead the G20.",
    "Resolution 2231 was adopted by the council.",
    "The allies invoked article 5 of the treaty.",
    "But there is one more thing that North Korea wants.",
    "The two countries signed a treaty.",
    "Both countries and either side agreed.",
    "Among them, two have seemingly entered orbit.",
    "The deal marks a 10-day visit.",
    "Volker was one of the Three Amigos in Kyiv.",
    "The envoy visited Pyongyang four times.",
    "The service streams games in 4k resolution.",
])
def test_not_amounts(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text", ["", "   ", "$", "$ $ %", "one", "a million", "\u00a0" * 5,
                                  "9" * 400, "1,2,3,4,5,6 " * 100, "twenty - - five"])
def test_odd_input_does_not_crash(nlp, text):
    run(nlp, text)


def test_example_articles_amounts(example_records):
    found = {(a["value"], a["object"], a["unit"]) for r in example_records.values() for a in r["amounts"]}
    assert (50000, "rounds", None) in found and (260000, "munitions", "metric tonnes") in found
    for record in example_records.values():
        for a in record["amounts"]:
            assert record["text"][a["start"]:a["end"]] == a["text"]


def test_range_with_shared_scale_gives_both_ends(nlp):
    amounts = run(nlp, "Beijing agreed to buy $40-50 billion in American farm goods.")
    assert sorted(a.value for a in amounts) == [40e9, 50e9]
    assert {a.unit for a in amounts} == {"USD"}


def test_between_range_gives_both_ends(nlp):
    amounts = run(nlp, "The army sent between 10,000 and 12,000 troops to the border.")
    assert sorted(a.value for a in amounts) == [10000, 12000]
    assert all(a.object == "troops" for a in amounts)


def test_percent_range_and_change_from_to(nlp):
    assert sorted(a.value for a in run(nlp, "Vehicles contribute 40 to 80 percent of the pollution.")) == [40, 80]
    changes = run(nlp, "Output rose from 23% to 35% last year.")
    assert sorted((a.value, a.qualifier) for a in changes) == [(23, None), (35, None)]


def test_age_and_superlative_rank_are_not_amounts(nlp):
    assert run(nlp, "President Smith is 73 years old.") == []
    assert run(nlp, "Trade between the world's two largest economies slowed.") == []


def test_power_units_and_plural_nationality_objects(nlp):
    a = only(run(nlp, "Seoul plans to install 30.8 GW of solar panels."))
    assert (a.value, a.unit) == (30.8, "GW")
    b = only(run(nlp, "More than 600,000 Israelis live in settlements."))
    assert (b.value, b.object) == (600000, "Israelis")


def test_coordinated_adjectives_keep_the_counted_noun(nlp):
    a = only(run(nlp, "Trump has made more than 13,000 false or misleading claims since taking office."))
    assert (a.value, a.object) == (13000, "false or misleading claims")


# --- objects from the dependency parse ---------------------------------------------------------

@pytest.mark.parametrize(("text", "obj"), [
    ("Exporters feared a 20 percent levy on steel.", "levy"),
    ("Canada lifted the 10% duties on aluminium.", "duties"),
    ("Moscow signed a $400 billion gas deal with Beijing.", "gas deal"),
])
def test_figure_modifying_a_noun_counts_that_noun(nlp, text, obj):
    a = only(run(nlp, text))
    assert a.object == obj and a.text.endswith(obj)


def test_money_modifying_a_list_keeps_its_of_phrase(nlp):
    a = only(run(nlp, "The duties hit a $200 billion list of steel and farm goods."))
    assert a.object == "list of steel and farm goods" and a.value == 200e9


@pytest.mark.parametrize(("text", "obj"), [
    ("Ottawa raised duties to 25 percent in May.", "duties"),
    ("Exports fell by 12% after the ban.", "Exports"),
    ("The accord is worth $3 billion to the yard.", "accord"),
])
def test_figure_set_by_a_verb_counts_its_object_or_subject(nlp, text, obj):
    assert only(run(nlp, text)).object == obj


def test_percent_of_phrase(nlp):
    assert only(run(nlp, "Nearly 40 percent of the voters stayed home.")).object == "voters"


def test_money_amount_of_an_increase_and_analysts_as_claimants(nlp):
    a = only(run(nlp, "London-based analysts say Kenya could raise its tea exports to $2 billion a year."))
    assert (a.object, a.per) == ("tea exports", "year")
    assert a.claimed_by == "London-based analysts"


def test_bare_number_estimated_for_a_quantity_noun(nlp):
    a = only(run(nlp, "The population of the town is estimated at about 9,000."))
    assert (a.value, a.object, a.qualifier) == (9000, "population of the town", "about")


def test_bare_number_with_a_verb_that_sets_nothing_is_not_an_amount(nlp):
    assert run(nlp, "The striker scored 2 before the break.") == []


@pytest.mark.parametrize(("text", "value", "obj"), [
    ("Medics said as many as 80 have been killed in the clashes.", 80, "people killed"),
    ("At least 12 were arrested outside the embassy.", 12, "people arrested"),
    ("The blast killed 7 near the market.", 7, "people killed"),
    ("More than 30 died in the floods.", 30, "people died"),
])
def test_bare_number_harmed_counts_people(nlp, text, value, obj):
    a = only(run(nlp, text))
    assert (a.value, a.object) == (value, obj)


def test_coordinated_modifiers_of_one_plural_noun(nlp):
    a = only(run(nlp, "The panel heard three army and navy officers on Monday."))
    assert (a.value, a.object) == (3, "army and navy officers")


def test_number_word_after_a_weekday_is_a_count(nlp):
    a = only(run(nlp, "The committee heard on Thursday five senior diplomats."))
    assert (a.value, a.object) == (5, "senior diplomats")


def test_definite_count_of_things_counts_but_of_parties_refers(nlp):
    a = only(run(nlp, "He lost his savings in the three crossings."))
    assert (a.value, a.object) == (3, "crossings")
    assert run(nlp, "The three governments signed the pact.") == []


def test_of_phrase_after_a_counted_noun(nlp):
    a = only(run(nlp, "The raid wounded at least five members of the border police."))
    assert a.object == "members of the border police" and a.qualifier == "at least"


@pytest.mark.parametrize("text", [
    "The war brought a year or two of hardship.",
    "They stayed a day or two in the capital.",
    "The pact could bring two of great relief.",
])
def test_vague_alternatives_and_singular_of_phrases_are_not_amounts(nlp, text):
    assert run(nlp, text) == []


def test_number_in_a_short_quoted_slogan_is_not_an_amount(nlp):
    assert run(nlp, "Beijing backs the \u201cone nation, three systems\u201d model.") == []
    a = only(run(nlp, "He said: \u201cWe lost 300 soldiers.\u201d"))
    assert (a.value, a.object) == (300, "soldiers")


def test_over_as_a_preposition_is_not_a_qualifier(nlp):
    a = only(run(nlp, "The envoys met over four days in Oslo."))
    assert (a.value, a.unit, a.qualifier) == (4, "days", None)
    assert only(run(nlp, "Over 300 people attended.")).qualifier == "more than"


def test_money_spent_on_something(nlp):
    a = only(run(nlp, "She spent $9,000 on lawyers last year."))
    assert (a.value, a.object) == (9000, "lawyers")


def test_money_in_a_time_phrase_has_no_object(nlp):
    a = only(run(nlp, "The fund raised $2 million in recent weeks."))
    assert a.object is None and a.value == 2e6


@pytest.mark.parametrize(("text", "obj"), [
    ("The charity raised $2 million last month.", None),
    ("Arms sales topped $40 billion.", "Arms sales"),
])
def test_money_as_object_measures_the_subject_only_of_measuring_verbs(nlp, text, obj):
    assert only(run(nlp, text)).object == obj


@pytest.mark.parametrize(("text", "obj"), [
    ("The agency ran the campaign with a budget of $450,000.", "budget"),
    ("Duties of 25 percent hit steel.", "Duties"),
    ("A death toll of 90 was reported.", "death toll"),
])
def test_figure_in_an_of_phrase_measures_the_noun_before(nlp, text, obj):
    assert only(run(nlp, text)).object == obj


def test_bare_number_of_a_noun_that_is_no_quantity_is_not_an_amount(nlp):
    assert run(nlp, "The law of 1990 was repealed by a vote of 60.") == []


def test_score_is_not_an_amount_and_per_second_is_a_rate_not_a_claimant(nlp):
    a = only(run(nlp, "The Wild won 4-1 in front of 15,000 fans."))
    assert (a.value, a.object) == (15000, "fans")
    b = only(run(nlp, "The game runs at 60 frames per second."))
    assert (b.per, b.claimed_by) == ("second", None)


def test_claimant_that_is_no_source_is_left_out(nlp):
    a = only(run(nlp, "His health continued to decline over three months."))
    assert a.claimed_by is None


@pytest.mark.parametrize(("text", "obj"), [
    ("She sold the villa for $3 million.", "villa"),
    ("The takeover of the bank for $9 billion closed.", "takeover of the bank"),
    ("Congress approved $40 billion for the border wall.", "border wall"),
    ("The chain posted a loss of $30 million on sales of $90 million.", "loss"),
])
def test_what_a_sum_pays_for(nlp, text, obj):
    assert run(nlp, text)[0].object == obj


def test_compound_adjective_stays_in_a_predicate_object(nlp):
    assert only(run(nlp, "The firm has long-term debt of $700 million.")).object == "long-term debt"


def test_in_a_week_is_no_rate_but_a_share_is(nlp):
    assert only(run(nlp, "I lost 14 followers in a week.")).per is None
    assert only(run(nlp, "The fund bid $16.50 a share.")).per == "share"


def test_change_taken_as_object_measures_the_subject(nlp):
    assert only(run(nlp, "Truck sales plunged 10 percent in May.")).object == "Truck sales"


def test_a_day_earlier_is_no_rate(nlp):
    assert only(run(nlp, "Troops sealed the town after the deaths of two soldiers a day earlier.")).per is None


def test_but_ends_a_counted_noun(nlp):
    a = only(run(nlp, "They agreed to a truce after two days of fierce fighting but media reports said clashes went on."))
    assert a.object == "fierce fighting"


def test_hyphenated_strength_and_membership_are_counts(nlp):
    a = only(run(nlp, "Troops joined a 900-strong Nepali battalion."))
    assert (a.value, a.object) == (900, "battalion")
    b = only(run(nlp, "A 5,000-member peacekeeping force was sent."))
    assert b.value == 5000 and "member" in b.object and "force" in b.object
    assert run(nlp, "The 27-nation bloc agreed.") == []
    assert run(nlp, "They back a two-nation solution.") == []


def test_money_in_purchases_keeps_what_is_purchased(nlp):
    a = only(run(nlp, "Beijing promised $30 billion in purchases of farm goods."))
    assert a.object == "purchases of farm goods"


def test_bare_number_before_a_date_counts_nothing(nlp):
    assert run(nlp, "It rose to 5 last week.") == []


def test_quantity_noun_keeps_its_of_phrase(nlp):
    a = only(run(nlp, "The number of refugees rose to 9,000."))
    assert (a.value, a.object) == (9000, "number of refugees")


def test_part_of_a_counted_whole(nlp):
    amounts = run(nlp, "Kyiv said it downed 25 of 30 drones and five of the 12 missiles.")
    assert {(a.value, a.object) for a in amounts} == {(25, "drones"), (30, "drones"), (5, "missiles"),
                                                       (12, "missiles")}


def test_noun_worth_a_sum(nlp):
    assert only(run(nlp, "Seoul signed an arms package worth $2 billion.")).object == "arms package"


def test_many_figures_in_one_giant_sentence(nlp):
    text = " ".join(f"about {i},000 troops and ${i} billion in aid, according to officials;" for i in range(1, 120))
    amounts = run(nlp, text)
    assert len(amounts) == 238 and all(a.claimed_by == "officials" for a in amounts)


def test_annual_inside_a_money_object_is_a_rate(nlp):
    a = only(run(nlp, "Beijing pledged $30 billion in annual purchases."))
    assert (a.object, a.per) == ("annual purchases", "year")
    b = only(run(nlp, "Leaders held two annual summits."))
    assert (b.object, b.per) == ("annual summits", None)


def test_a_sum_after_or_is_no_vague_alternative(nlp):
    amounts = run(nlp, "They paid $13 a share or $117.9 million.")
    assert sorted(a.value for a in amounts) == [13, 117.9e6]


def test_number_in_a_quoted_sentence_still_counts(nlp):
    a = only(run(nlp, "\u201cAfter two more years of this,\u201d he asked, \u201cwhat is left?\u201d"))
    assert (a.value, a.object) == (2, "more years")


def test_us_dollar_sign_keeps_its_qualifier(nlp):
    a = only(run(nlp, "He misused up to US $50 million in public funds."))
    assert (a.value, a.unit, a.qualifier, a.object) == (50e6, "USD", "up to", "public funds")


def test_both_ends_of_a_change_measure_the_subject(nlp):
    amounts = run(nlp, "Problem use rose by 37 percent, from 0.90 percent to 1.23 percent, after the law.")
    assert [a.object for a in amounts] == ["Problem use"] * 3


def test_money_in_a_quoted_noun(nlp):
    a = only(run(nlp, "He hopes to save up to $300 million in \u201csynergies\u201d next year."))
    assert a.object == "synergies" and a.text.endswith("\u201d")
