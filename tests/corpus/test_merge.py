"""Merging events of different articles into incidents."""

from __future__ import annotations

from dyad.corpus.merge import Loc, dates_compatible, pair_key, places_compatible


def test_dates_compatible():
    assert dates_compatible("2023-09-13", "2023-09-13")
    assert dates_compatible("2023-09", "2023-09-13")
    assert dates_compatible("2023-09-12", "2023-09-14")
    assert not dates_compatible("2023-09-01", "2023-09-20")
    assert not dates_compatible("2023-09", "2024-06-19")
    assert dates_compatible(None, "2024-06-19")


def test_places_compatible():
    vostochny = Loc("Vostochny Cosmodrome", "RUS", 51.88, 128.33)
    russia = Loc("Russia", "RUS", None, None, area=True)
    far_east = Loc("Russian Far East", "RUS", 55.0, 135.0, area=True)
    indo_pacific = Loc("Indo-Pacific", None, 5.0, 120.0, area=True)
    pyongyang = Loc("Pyongyang", "PRK", 39.03, 125.75)
    assert places_compatible(vostochny, russia)
    assert places_compatible(vostochny, far_east)  # a region holds the cosmodrome
    assert not places_compatible(pyongyang, far_east)  # another country
    assert not places_compatible(Loc("Kyiv", "UKR", 50.45, 30.52), indo_pacific)
    assert not places_compatible(vostochny, pyongyang)
    assert places_compatible(vostochny, Loc(None, None, None, None))
    assert not places_compatible(Loc("Moscow", "RUS", 55.75, 37.62), Loc("Vladivostok", "RUS", 43.1, 131.9))


def test_symmetric_types_are_unordered():
    assert pair_key("CONSULT", "RUS", "PRK") == pair_key("CONSULT", "PRK", "RUS")
    assert pair_key("AID", "RUS", "PRK") != pair_key("AID", "PRK", "RUS")


def _incidents(corpus):
    return corpus.rows("incidents")


def test_last_summit_joins_the_september_summit(corpus, summit_records):
    corpus.add_records(summit_records)
    consult = [i for i in _incidents(corpus) if i["type"] == "CONSULT"]
    assert sorted(i["date"] for i in consult) == ["2023-09-12", "2024-06-19"]
    sept = next(i for i in consult if i["date"].startswith("2023-09"))
    assert sept["date_end"] == "2023-09-13"
    assert sept["location_name"] == "Vostochny Cosmodrome"
    assert sept["n_documents"] == 2 and sept["n_events"] == 3
    june = next(i for i in consult if i["date"] == "2024-06-19")
    assert june["location_name"] == "Pyongyang" and june["n_documents"] == 1


def test_merging_does_not_depend_on_ingest_order(corpus, summit_records):
    corpus.add_records(list(reversed(summit_records)))
    consult = [i for i in _incidents(corpus) if i["type"] == "CONSULT"]
    assert len(consult) == 2
    assert corpus.rebuild_incidents() == len(_incidents(corpus))


def test_undated_claims_stay_apart_and_types_never_mix(corpus, summit_records):
    corpus.add_records(summit_records)
    incs = _incidents(corpus)
    aid = [i for i in incs if i["type"] == "AID"]
    assert len(aid) == 5  # five separate aid claims, none of them dated
    assert all(i["date"] is None for i in aid)
    assert len({(i["type"], i["side_a"], i["side_b"], i["date"]) for i in incs if i["date"]}) == \
        len([i for i in incs if i["date"]])


def test_undated_event_joins_its_own_storys_incident(corpus, spec, build):
    s = spec("summit_2023")
    s["events"].append({"type": "CONSULT", "source": "Q7747", "target": "Q56226", "evidence": "Putin said at a dinner"})
    corpus.add_records([build(s)])
    consult = [i for i in _incidents(corpus) if i["type"] == "CONSULT"]
    assert len(consult) == 1 and consult[0]["n_events"] == 3


def test_dates_weeks_apart_do_not_chain(corpus, spec, build):
    s = spec("summit_2023")
    s["events"].append({"type": "CONSULT", "source": "Q7747", "target": "Q56226", "date": "2023-09-28",
                        "evidence": "Putin said at a dinner"})
    corpus.add_records([build(s)])
    dates = sorted(i["date"] for i in _incidents(corpus) if i["type"] == "CONSULT")
    assert dates == ["2023-09-12", "2023-09-28"]
