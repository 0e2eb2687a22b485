"""Dyad analysis on hand-made records: timeline, ledger, disputes, statements, figures, score."""

from __future__ import annotations

import pytest

from dyad.corpus.analysis import categorise, human_date
from dyad.errors import DyadError


@pytest.fixture
def result(corpus, summit_records):
    corpus.add_records(summit_records)
    return corpus.dyad("Russia", "north korea")


def test_names_and_codes_resolve(corpus, summit_records):
    corpus.add_records(summit_records)
    assert corpus.resolve("RUS") == "RUS"
    assert corpus.resolve("North Korea") == "PRK"
    assert corpus.resolve("Pyongyang") == "PRK"  # through the mentions table
    assert corpus.resolve("Kim Jong Un") == "PRK"
    with pytest.raises(DyadError) as e:
        corpus.resolve("Atlantis")
    assert e.value.code.name == "E303"


def test_timeline_is_dated_and_cited(result):
    dated = [i for i in result["incidents"] if i["date"]]
    assert [i["date"] for i in dated] == sorted(i["date"] for i in dated)
    sept = next(i for i in dated if i["type"] == "CONSULT" and i["date"].startswith("2023-09"))
    assert sept["when"] == "12–13 Sep 2023" and sept["location"] == "Vostochny Cosmodrome"
    assert set(sept["cites"]) == {"[1:1]", "[1:2]", "[2:3]"}
    assert all(i["cites"] for i in result["incidents"])


def test_ledger_directions_categories_and_denial(result):
    flows = {(e["giver"], e["receiver"], e["category"]): e for e in result["ledger"]}
    arms = [e for e in result["ledger"] if (e["giver"], e["category"]) == ("PRK", "arms and munitions")]
    assert {e["status"] for e in arms} == {"alleged", "reported"}
    alleged = next(e for e in arms if e["status"] == "alleged")
    assert alleged["denied_by"] == "North Korea" and alleged["denial_cite"] == "[1:5]"
    assert ("RUS", "PRK", "food") in flows and flows[("RUS", "PRK", "food")]["status"] == "speculated"
    assert ("RUS", "PRK", "fuel") in flows
    tech = [e for e in result["ledger"] if (e["giver"], e["category"]) == ("RUS", "technology")]
    assert {e["status"] for e in tech} == {"planned", "speculated"}
    assert ("PRK", "RUS", "diplomatic support") in flows  # Kim's promise of support
    assert not any(e["giver"] == "RUS" and e["category"] == "arms and munitions" for e in result["ledger"])


def test_disputes_pair_claim_and_denial(result):
    (d,) = result["disputes"]
    assert d["claimant"] == "United States" and d["denied_by"] == "North Korea"
    assert d["claim_cite"] == "[1:4]" and d["denial_cite"] == "[1:5]"


def test_statements_by_side(result):
    st = result["statements"]
    assert [q["speaker"] for q in st["a"]] == ["Vladimir Putin"]
    assert [q["speaker"] for q in st["b"]] == ["Kim Jong Un", "Kim Jong Un"]
    assert {q["speaker"] for q in st["third"]} == {"Mina Park", "John Kirby"}
    assert all(q["cite"].startswith("[") for side in st.values() for q in side)


def test_figures_skip_durations_and_name_the_claimant(result):
    (fig,) = result["figures"]
    assert fig["value"] == 10000 and fig["claimed_by"] == "United States" and fig["cite"] == "[2:4]"


def test_monthly_counts_and_score(result):
    months = {m["month"]: m for m in result["monthly"]}
    assert set(months) == {"2023-09", "2024-06"}
    assert months["2024-06"]["counts"]["verbal cooperation"] == 2
    assert months["2024-06"]["score"] == pytest.approx(4.0 + 1.0)
    assert result["score"]["conflictual_incidents"] == 0 and result["score"]["total"] > 0


def test_sources_are_exactly_the_cited_articles(result):
    assert [s["seq"] for s in result["sources"]] == [1, 2]


def test_categorise_and_dates():
    assert categorise("supplying artillery shells and food")["arms and munitions"] == ["artillery", "shells"]
    assert "food" in categorise("supplying artillery shells and food")
    assert categorise("a friendly meeting") == {}
    assert human_date("2023-09-12", "2023-09-13") == "12–13 Sep 2023"
    assert human_date("2024-06") == "Jun 2024" and human_date(None) == "undated"


def test_exchange_clause_and_veto_give_counter_flows(corpus, build):
    text = ("Russia vetoed new UN sanctions against North Korea on Friday. "
            "Officials say North Korea sells shells to Russia in exchange for fuel and food.")
    spec = {
        "path": "veto.txt", "published": "2024-03-29", "text": text,
        "actors": [
            {"id": "RUS", "name": "Russia", "kind": "state", "country": "RUS", "mentions": ["Russia", ("Russia", 1)]},
            {"id": "PRK", "name": "North Korea", "kind": "state", "country": "PRK",
             "mentions": ["North Korea", ("North Korea", 1)]},
            {"id": "UN", "name": "United Nations", "kind": "organization", "country": "UN", "mentions": ["UN"]},
        ],
        "events": [
            {"type": "REJECT", "source": "RUS", "target": "UN", "date": "2024-03-29", "evidence": "Russia vetoed"},
            {"type": "SANCTION", "source": "UN", "target": "PRK", "status": "negated",
             "evidence": "UN sanctions against North Korea"},
            {"type": "AID", "source": "PRK", "target": "RUS", "status": "reported",
             "evidence": "North Korea sells shells to Russia"},
        ],
    }
    corpus.add_records([build(spec)])
    flows = {(e["giver"], e["receiver"], e["category"]): e for e in corpus.dyad("RUS", "PRK")["ledger"]}
    assert flows[("RUS", "PRK", "diplomatic support")]["terms"] == ["vetoed"]
    assert flows[("PRK", "RUS", "arms and munitions")]["basis"] == "evidence"
    assert flows[("RUS", "PRK", "fuel")]["basis"] == "exchange"
    assert ("RUS", "PRK", "food") in flows
    assert not any(g == "PRK" and c in {"fuel", "food"} for g, _, c in flows)
