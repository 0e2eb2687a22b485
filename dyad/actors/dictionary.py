"""The actor dictionary: loads ``dyad/data/actors/*.jsonl`` (plus a user's file), indexes it.

Owns the ``Entry`` type (one actor of the dictionary, with its dated roles), alias lookup by
lower-cased surface form, and office-holder lookup ("the foreign minister of RUS at a date").
A user file (``actors_file``) adds entries, or overrides packaged ones field by field by ``id``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dyad.datafiles import data_path, read_jsonl
from dyad.errors import DyadError, Errors

ACTORS_DIR = "actors"
AGENTS_FILE = "agents.jsonl"
# Files of the folder that are not actor lists (read by the component itself).
NOT_ACTOR_FILES = frozenset({AGENTS_FILE, "communities.jsonl", "provinces.jsonl"})

# Alias kinds, by how strongly they name an actor (used to rank ambiguous aliases).
NAME, METONYM, ADJECTIVE, DEMONYM, SURNAME = "name", "metonym", "adjective", "demonym", "surname"

# Which office makes a person the "main" holder, when a person has several roles at one date.
OFFICE_RANK = ("supreme_leader", "head_of_state", "head_of_government", "foreign_minister",
               "defence_minister", "spokesperson")


_PARTICLE = re.compile(r"\b[AaEe][Ll][-‐‑ ](?=[A-Z])")
_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")


def spelling_variants(text: str) -> set[str]:
    """Common transliteration variants of a person's name: the Arabic article written "al-",
    "al ", "el-" or "el " ("Omar al-Bashir" = "Omar El Bashir"), and hyphens written as spaces
    ("Roh Tae-woo" = "Roh Tae Woo")."""
    out = {text}
    if _PARTICLE.search(text):
        out |= {_PARTICLE.sub(p, text) for p in ("al-", "al ", "el-", "el ")}
    out |= {_HYPHEN.sub(" ", v) for v in list(out) if _HYPHEN.search(v)}
    return out


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        try:  # "YYYY" or "YYYY-MM"
            parts = [int(p) for p in str(value).split("-")]
            return date(parts[0], parts[1] if len(parts) > 1 else 1, 1)
        except (ValueError, IndexError):
            return None


@dataclass(frozen=True)
class RoleSpell:
    """One office a person held, from ``start`` to ``end`` (``None``: open)."""

    office: str | None
    title: str | None
    of: str | None
    role: str | None
    start: date | None
    end: date | None

    def active(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RoleSpell:
        return cls(office=d.get("office"), title=d.get("title"), of=d.get("of"), role=d.get("role"),
                   start=_date(d.get("start")), end=_date(d.get("end")))


@dataclass
class Entry:
    """One actor of the dictionary."""

    id: str
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    wikidata: str | None = None
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    roles: list[RoleSpell] = field(default_factory=list)
    shared: dict[str, list[str]] = field(default_factory=dict)
    """lower-cased metonym -> other states with a place of that name ("Tripoli": LBN)"""
    seats: frozenset[str] = frozenset()
    """lower-cased metonyms that are buildings ("white house", "kremlin"), without a leading "the":
    a place, not the state, after a locative preposition"""
    generic: frozenset[str] = frozenset()
    """lower-cased names other bodies also go by ("Congress", "Foreign Office"): they name this actor
    only in a document that names its state otherwise"""

    @classmethod
    def from_dict(cls, d: dict[str, Any], source: str) -> Entry:
        if not isinstance(d.get("id"), str) or not d.get("id") or not isinstance(d.get("name"), str):
            raise DyadError(Errors.E103, path=source, detail=f"actor entry needs 'id' and 'name': {str(d)[:80]}")

        def strings(key: str) -> list[str]:
            v = d.get(key) or []
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list):
                raise DyadError(Errors.E103, path=source, detail=f"{d['id']}: {key!r} must be a list")
            return [s for s in v if isinstance(s, str) and s.strip()]

        roles = d.get("roles") or []
        if not isinstance(roles, list):
            raise DyadError(Errors.E103, path=source, detail=f"{d['id']}: 'roles' must be a list")
        kind = str(d.get("kind") or "organization")
        raw_shared = d.get("metonyms_shared") or {}
        if not isinstance(raw_shared, dict):
            raise DyadError(Errors.E103, path=source, detail=f"{d['id']}: 'metonyms_shared' must be an object")
        shared = {" ".join(str(k).lower().split()): [str(c) for c in v] for k, v in raw_shared.items()
                  if isinstance(v, list)}
        return cls(
            id=d["id"], name=d["name"], kind=kind, country=d.get("country"), role=d.get("role"),
            code=d.get("code"), wikidata=d.get("wikidata"),
            names=strings("names"), adjectives=strings("adjectives"), demonyms=strings("demonyms"),
            metonyms=strings("metonyms"),  # the data lists the capitals usable as metonyms; not every capital is
            surnames=strings("surnames"),
            roles=[RoleSpell.from_dict(r) for r in roles if isinstance(r, dict)],
            shared=shared,
            generic=frozenset(" ".join(g.lower().split()) for g in strings("generic_names")),
            seats=frozenset(re.sub(r"^the ", "", " ".join(g.lower().split())) for g in strings("seats")),
        )

    def role_at(self, on: date | None) -> RoleSpell | None:
        """The role held on ``on`` (the highest-ranked if several); without a date, the latest."""
        if not self.roles:
            return None
        if on is None:
            open_roles = [r for r in self.roles if r.end is None]
            pool = open_roles or sorted(self.roles, key=lambda r: r.end or date.max)[-1:]
        else:
            pool = [r for r in self.roles if r.active(on)]
        if not pool:
            return None
        return min(pool, key=lambda r: OFFICE_RANK.index(r.office) if r.office in OFFICE_RANK else len(OFFICE_RANK))

    def aliases(self) -> list[tuple[str, str]]:
        """Every surface form with its alias kind."""
        out = [(self.name, NAME)] + [(n, NAME) for n in self.names]
        out += [(a, ADJECTIVE) for a in self.adjectives] + [(a, DEMONYM) for a in self.demonyms]
        out += [(m, METONYM) for m in self.metonyms] + [(s, SURNAME) for s in self.surnames]
        return out


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A user entry overrides a packaged one field by field."""
    return {**base, **override}


def packaged_files() -> list[Path]:
    folder = data_path(ACTORS_DIR)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.jsonl") if p.name not in NOT_ACTOR_FILES)


@dataclass
class ActorDictionary:
    """All entries by id, with the indexes the resolver needs."""

    entries: dict[str, Entry]
    by_alias: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """lower-cased alias -> [(entry id, alias kind)]"""
    surface: dict[str, set[str]] = field(default_factory=dict)
    """lower-cased alias -> the cased spellings the data gives"""
    offices: dict[tuple[str, str], list[tuple[Entry, RoleSpell]]] = field(default_factory=dict)
    """(state, office) -> people who held it, with the spell"""

    @classmethod
    def load(cls, user_file: str | Path | None = None, files: list[Path] | None = None) -> ActorDictionary:
        raw: dict[str, dict[str, Any]] = {}
        origin: dict[str, str] = {}
        for path in packaged_files() if files is None else files:
            for d in read_jsonl(path):
                if isinstance(d.get("id"), str):
                    raw[d["id"]] = merge(raw[d["id"]], d) if d["id"] in raw else d
                    origin[d["id"]] = str(path)
                else:
                    raise DyadError(Errors.E103, path=str(path), detail=f"actor entry without 'id': {str(d)[:80]}")
        if user_file:
            for d in read_jsonl(user_file):
                if not isinstance(d.get("id"), str):
                    raise DyadError(Errors.E103, path=str(user_file), detail=f"actor entry without 'id': {str(d)[:80]}")
                raw[d["id"]] = merge(raw.get(d["id"], {}), d)
                origin[d["id"]] = str(user_file)
        entries = {k: Entry.from_dict(v, origin[k]) for k, v in raw.items()}
        return cls(entries).index()

    def index(self) -> ActorDictionary:
        by_alias: dict[str, list[tuple[str, str]]] = defaultdict(list)
        surface: dict[str, set[str]] = defaultdict(set)
        for e in self.entries.values():
            for alias, kind in e.aliases():
                forms = spelling_variants(alias) if e.kind == "person" and kind in {NAME, SURNAME} else {alias}
                for text in sorted(forms):
                    key = " ".join(text.lower().split())
                    if (e.id, kind) not in by_alias[key]:
                        by_alias[key].append((e.id, kind))
                    surface[key].add(text.strip())
        offices: dict[tuple[str, str], list[tuple[Entry, RoleSpell]]] = defaultdict(list)
        for e in self.entries.values():
            for r in e.roles:
                if r.of and r.office:
                    offices[(r.of, r.office)].append((e, r))
        self.by_alias = dict(by_alias)
        self.surface = dict(surface)
        self.offices = dict(offices)
        return self

    def lookup(self, text: str) -> list[tuple[str, str]]:
        return self.by_alias.get(" ".join(text.lower().split()), [])

    def holders(self, country: str, offices: list[str], on: date | None) -> list[Entry]:
        """People holding one of ``offices`` of ``country`` at ``on`` (first office with a holder)."""
        for office in offices:
            found: list[Entry] = []
            for e, r in self.offices.get((country, office), []):
                if (r.active(on) if on is not None else r.end is None) and e not in found:
                    found.append(e)
            if found:
                return found
        return []

    def state_of(self, entry_id: str) -> str | None:
        """The country code an entry stands for or belongs to."""
        e = self.entries.get(entry_id)
        return e.country if e else None
