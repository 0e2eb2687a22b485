"""The dyad_places component: own entries, gazetteer cities, countries as locations, ambiguity."""

from __future__ import annotations

from dyad.records import DocMeta


def _places(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published="2024-06-19")
    doc = nlp(doc)
    for p in doc._.places:
        for m in p.mentions:
            assert doc.text[m.start:m.end] == m.text
    return {p.name: p for p in doc._.places}


def test_facility_region_and_sea(nlp):
    places = _places(nlp, "Kim toured the Vostochny Cosmodrome in the Amur region before ships sailed the East Sea.")
    cosmo = places["Vostochny Cosmodrome"]
    assert (cosmo.country, cosmo.kind) == ("RUS", "facility")
    assert cosmo.lat is not None and 50 < cosmo.lat < 53
    assert places["Amur region"].country == "RUS"
    assert places["Sea of Japan"].kind == "sea"
    assert places["Sea of Japan"].mentions[0].text == "East Sea"


def test_seat_of_government_as_place_not_as_actor(nlp):
    places = _places(nlp, "The Kremlin said the talks at the Kremlin lasted two hours.")
    kremlin = places["Kremlin"]
    assert kremlin.kind == "seat" and kremlin.country == "RUS"
    assert len(kremlin.mentions) == 1  # "The Kremlin said" is the government speaking


def test_country_only_where_used_as_a_location(nlp):
    places = _places(nlp, "Russia said it would send troops to Belarus.")
    assert "Belarus" in places and places["Belarus"].kind == "country"
    assert "Russia" not in places


def test_ambiguous_city_prefers_the_article_country(nlp):
    ukr = _places(nlp, "Ukraine said Russian forces struck Odessa. Ukraine's army answered.")
    assert ukr["Odesa"].country == "UKR"
    usa = _places(nlp, "The rally was held in Odessa, Texas, where Texas officials spoke.")
    assert any(p.country == "USA" for p in usa.values() if p.kind == "city")


def test_city_after_comma_country(nlp):
    places = _places(nlp, "The summit opened in Portland, Oregon.")
    assert places["Portland"].country == "USA"


def test_empty_and_placeless_text(nlp):
    assert _places(nlp, "") == {}
    assert _places(nlp, "He said it was fine.") == {}


def test_place_in_span_prefers_the_most_specific(nlp):
    from dyad.pipeline.places import place_in

    text = "Kim arrived in Russia and met Putin at the Vostochny Cosmodrome. Nothing else happened."
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published="2024-06-19")
    doc = nlp(doc)
    cut = text.index("Nothing")
    place = place_in(doc._.places, 0, cut)
    assert place is not None and place.name == "Vostochny Cosmodrome"
    assert place_in(doc._.places, cut, len(text)) is None
