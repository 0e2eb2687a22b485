"""Validate the packaged people list (dyad/data/actors/people.jsonl): keys, ids, offices, codes and role dates."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from itertools import pairwise
from typing import Any

import pytest

from dyad.datafiles import data_path, read_jsonl

PEOPLE = data_path("actors/people.jsonl")
REQUIRED = ("id", "name", "kind", "country", "names", "surnames", "roles")
ROLE_KEYS = ("office", "title", "of", "role", "start", "end")
OFFICES = {
    "head_of_state", "head_of_government", "supreme_leader", "foreign_minister", "defence_minister",
    "interior_minister", "finance_minister", "national_security_adviser", "spokesperson", "un_ambassador",
    "secretary_general", "vice_president", "deputy_head", "intelligence_chief", "military_chief",
    "party_leader", "other",
}
ROLES = {"GOV", "MIL", "SPY", "IGO", "OPP", "LEG", "REB", "UAF", "JUD", "PTY", "REL", "COP"}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CODE = re.compile(r"^[A-Z][A-Z_]{1,30}$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
# Short forms that are also common sentence-initial English words or month names: a person must not own them.
COMMON_WORDS = {"No", "He", "She", "It", "We", "May", "March", "June", "April", "August", "Will", "Can", "The", "In", "On", "As", "If", "So", "Do", "Us"}
# Names written family name first (the short form is the family name).
FAMILY_FIRST = {"CHN", "PRK", "KOR", "TWN"}


@pytest.fixture(scope="module")
def people() -> list[dict[str, Any]]:
    return read_jsonl(PEOPLE)


@pytest.fixture(scope="module")
def by_id(people) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in people}


@pytest.fixture(scope="module")
def polities() -> set[str]:
    """Ids of states and IGOs when their files are present (they are another engineer's files)."""
    ids: set[str] = set()
    for name in ("states.jsonl", "igos.jsonl"):
        path = data_path(f"actors/{name}")
        if path.exists():
            ids |= {a["id"] for a in read_jsonl(path)}
    return ids


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().casefold()


def test_enough_people(people):
    assert len(people) >= 300


def test_required_keys_and_types(people):
    for p in people:
        for key in REQUIRED:
            assert key in p, (p.get("id"), key)
        assert p["kind"] == "person", p["id"]
        assert p["name"] == p["names"][0], p["id"]
        assert isinstance(p["country"], str) and CODE.fullmatch(p["country"]), p["id"]
        for field in ("names", "surnames"):
            values = p[field]
            assert isinstance(values, list), (p["id"], field)
            assert len(values) == len(set(values)), (p["id"], field)
            for v in values:
                assert isinstance(v, str) and v and v == v.strip() and "  " not in v, (p["id"], field, v)
        assert p["roles"], p["id"]


def test_ids_are_unique_slugs(people):
    seen: set[str] = set()
    for p in people:
        assert ID.fullmatch(p["id"]), p["id"]
        assert p["id"] not in seen, p["id"]
        seen.add(p["id"])


def test_no_full_name_names_two_people(people):
    owner: dict[str, str] = {}
    for p in people:
        for n in p["names"]:
            key = n.casefold()
            assert owner.setdefault(key, p["id"]) == p["id"], (n, owner[key], p["id"])


def test_surnames_are_part_of_a_name(people):
    for p in people:
        words = {w for n in p["names"] for w in re.split(r"[\s-]+", _fold(n))}
        for s in p["surnames"]:
            for w in re.split(r"[\s-]+", _fold(s)):
                assert w in words, (p["id"], s)


def test_surnames_are_not_common_words(people):
    for p in people:
        for s in p["surnames"]:
            assert s not in COMMON_WORDS, (p["id"], s)


def test_family_name_first_for_east_asian_names(people):
    for p in people:
        if p["country"] in FAMILY_FIRST and p["surnames"]:
            firsts = {n.split()[0] for n in p["names"]}
            assert p["surnames"][0] in firsts, (p["id"], p["surnames"])


def test_wikidata_ids(people):
    seen: dict[str, str] = {}
    for p in people:
        q = p.get("wikidata")
        if q is None:
            continue
        assert WIKIDATA.fullmatch(q), (p["id"], q)
        assert q not in seen, (q, seen[q], p["id"])
        seen[q] = p["id"]


def test_roles(people, polities):
    for p in people:
        for r in p["roles"]:
            assert set(r) == set(ROLE_KEYS), (p["id"], r)
            assert r["office"] in OFFICES, (p["id"], r["office"])
            assert r["role"] in ROLES, (p["id"], r["role"])
            assert isinstance(r["title"], str) and r["title"].strip(), (p["id"], r)
            assert CODE.fullmatch(r["of"]), (p["id"], r["of"])
            if polities:
                assert r["of"] in polities, (p["id"], r["of"])
            assert isinstance(r["start"], str) and DATE.fullmatch(r["start"]), (p["id"], r)
            assert r["end"] is None or DATE.fullmatch(r["end"]), (p["id"], r)
            if r["end"] is not None:
                assert r["start"] <= r["end"], (p["id"], r)


def test_same_office_terms_do_not_overlap(people):
    for p in people:
        terms: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
        for r in p["roles"]:
            terms[(r["office"], r["title"], r["of"])].append((r["start"], r["end"] or "9999"))
        for spans in terms.values():
            spans.sort()
            for (_, end), (start, _) in pairwise(spans):
                assert end <= start, (p["id"], spans)


def _in_office(p: dict[str, Any], office: str, of: str, date: str) -> bool:
    return any(
        r["office"] == office and r["of"] == of and r["start"] <= date and (r["end"] is None or date < r["end"])
        for r in p["roles"]
    )


@pytest.mark.parametrize(
    ("person", "office", "of", "date", "expected"),
    [
        ("donald-trump", "head_of_state", "USA", "2019-06-01", True),
        ("donald-trump", "head_of_state", "USA", "2023-06-01", False),
        ("donald-trump", "head_of_state", "USA", "2025-06-01", True),
        ("vladimir-putin", "head_of_state", "RUS", "2010-01-01", False),
        ("vladimir-putin", "head_of_government", "RUS", "2010-01-01", True),
        ("kim-jong-un", "supreme_leader", "PRK", "2024-06-19", True),
        ("kim-jong-il", "supreme_leader", "PRK", "2012-01-01", False),
        ("antony-blinken", "foreign_minister", "USA", "2024-06-19", True),
        ("antony-blinken", "foreign_minister", "USA", "2025-03-01", False),
        ("choe-son-hui", "foreign_minister", "PRK", "2024-06-19", True),
        ("lee-jae-myung", "head_of_state", "KOR", "2025-07-01", True),
        ("yoon-suk-yeol", "head_of_state", "KOR", "2025-07-01", False),
        ("dmytro-kuleba", "foreign_minister", "UKR", "2024-10-01", False),
        ("andrii-sybiha", "foreign_minister", "UKR", "2024-10-01", True),
        ("antonio-guterres", "secretary_general", "UN", "2024-06-19", True),
    ],
)
def test_known_terms(by_id, person, office, of, date, expected):
    assert _in_office(by_id[person], office, of, date) is expected


@pytest.mark.parametrize(
    ("person", "name", "surname"),
    [
        ("kim-jong-un", "Kim Jong-un", "Kim"),
        ("xi-jinping", "Xi Jinping", "Xi"),
        ("volodymyr-zelensky", "Volodymyr Zelenskyy", "Zelenskyy"),
        ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "Erdoğan"),
        ("mohammed-bin-salman", "MBS", "bin Salman"),
        ("lin-jian", "Lin Jian", "Lin"),
        ("john-kirby", "John Kirby", "Kirby"),
    ],
)
def test_known_spellings(by_id, person, name, surname):
    p = by_id[person]
    assert name in p["names"]
    assert surname in p["surnames"]


def test_older_heads_of_state_have_dated_roles(people):
    by_id = {p["id"]: p for p in people}
    for pid, country, year in [("prosper-avril", "HTI", "1989"), ("elias-hrawi", "LBN", "1990"),
                               ("carlos-menem", "ARG", "1995"), ("ronald-reagan", "USA", "1985")]:
        roles = by_id[pid]["roles"]
        assert any(r["of"] == country and r["start"][:4] <= year <= r["end"][:4] for r in roles), pid
