"""Resolve one document's candidates to actors: ``Resolver(doc) -> (actors, mentions)``.

Order: dictionary aliases (full names, adjectives, metonyms; an alias two actors share goes to
the one the document names otherwise) -> organisations the dictionary does not know (kept when
they have a country or look like an institution) -> people the dictionary does not know (a titled
name one or two letters from a known person's is that person; else inferred from title,
nationality, affiliation) -> short forms (surnames, "Dr X") to a person named in the document,
else to a unique person in office at the article's date (else, for one state's holders of that
name, the one nearest the date) -> ethnic and religious communities to the state they live in
(``communities.py``) -> titles standing alone ("the North Korean leader") to the office holder at
that date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from dyad.actors.agents import GROUP, HONORIFIC, TITLE, AgentLexicon
from dyad.actors.communities import CommunityLexicon, CommunityReader
from dyad.actors.context import Clues, ContextReader, Provinces, Ref
from dyad.actors.coref import PersonIndex
from dyad.actors.dictionary import (
    METONYM,
    NAME,
    OFFICE_RANK,
    SURNAME,
    ActorDictionary,
    Entry,
    RoleSpell,
    spelling_variants,
)
from dyad.actors.matcher import ActorMatcher, AgentSpan, Candidate
from dyad.actors.tokens import hashes, positions, span_text
from dyad.records import Actor, Mention

PLACE_NOUNS = frozenset({"port", "city", "town", "village", "capital", "province", "region", "island",
                         "district", "county", "state", "republic", "oblast", "prefecture"})
# Words before a title that make it someone other than the office holder at the date.
NOT_THE_HOLDER = frozenset({"a", "an", "another", "former", "ex", "late", "then", "deputy", "vice", "assistant",
                            "junior", "shadow", "his", "her", "their", "its", "future", "next", "previous", "one",
                            "some", "any", "two", "three", "both", "several"})
# Nouns after a name that make it a place or a building ("Hoa Lo prison", "Evin prison").
FACILITY_NOUNS = frozenset({"prison", "jail", "camp", "airport", "airbase", "base", "square", "street", "avenue",
                            "road", "bridge", "hospital", "stadium", "palace", "mosque", "church", "temple",
                            "station", "dam", "canal", "strait", "hotel", "university", "school", "museum"})
# Prepositions after which a seat of power ("the Oval Office") is where something happens.
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "outside", "into", "near", "within"})
KIND_ORDER = {"state": 0, "organization": 1, "region": 2, "group": 3, "person": 4}


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "actor"


@dataclass
class Unknown:
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    basis: str = "model"
    attributes: dict[str, Any] = field(default_factory=dict)


class Resolver:
    """Everything compiled once; ``resolve(doc, on)`` per document."""

    def __init__(self, matcher: ActorMatcher, dictionary: ActorDictionary, agents: AgentLexicon,
                 communities: CommunityLexicon | None = None, provinces: Provinces | None = None) -> None:
        self.matcher = matcher
        self.dictionary = dictionary
        self.agents = agents
        self.context = ContextReader(agents, provinces)
        self.communities = CommunityReader(communities or CommunityLexicon({}), dictionary, agents)
        self.name_tokens: dict[str, set[str]] = {}
        """lower-cased token of a person's name -> the people whose names hold it"""
        self.given: dict[str, set[str]] = {}
        """lower-cased first name -> the people whose given name it is (not their surname)"""
        self.spellings: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = {}
        """(word count, first letter of the last word) -> folded full names of people, with their ids"""
        self.alias_entry: dict[str, Entry | None] = {}
        """alias key -> the actor it names outright (``_alias_entry``), memoised"""
        self.seat_keys = {key for key, targets in dictionary.by_alias.items()
                          if any(kind == METONYM and re.sub(r"^the ", "", key) in dictionary.entries[i].seats
                                 for i, kind in targets)}
        """aliases that name a state by its seat of power ("the Kremlin", "the Oval Office")"""
        lead = {form for (kind, form) in agents.by_form if kind in {TITLE, HONORIFIC}}
        for e in dictionary.entries.values():
            if e.kind != "person":
                continue
            surnames = {x.lower() for x in e.surnames}
            for n in [e.name, *e.names]:
                toks = [t for t in re.split(r"[\s\-‐‑]+", n.lower()) if t]
                for t in toks:
                    self.name_tokens.setdefault(t, set()).add(e.id)
                while toks and toks[0] in lead:
                    toks = toks[1:]
                if len(toks) > 1 and toks[0] not in surnames:
                    self.given.setdefault(toks[0], set()).add(e.id)
            for n in {v for name in [e.name, *e.names] for v in spelling_variants(name)}:
                words = _fold(n)
                if len(words) > 1:
                    self.spellings.setdefault((len(words), words[-1][:1]), []).append((words, e.id))

    # -- per document ----------------------------------------------------------------------------

    def resolve(self, doc: Doc, on: date | None, authors: list[str] | None = None
                ) -> tuple[dict[str, Actor], list[Mention]]:
        toks = list(doc)  # indexed instead of doc[i], which builds a new Token each time
        cands, agent_spans = self.matcher.candidates(doc, toks)
        agents_at = {i: a.form for a in agent_spans for i in range(a.start, a.end)}
        refs: dict[int, Ref] = {}
        unknown: dict[str, Unknown] = {}
        deferred: list[Candidate] = []

        def put(ref: Ref) -> None:
            for i in range(ref.start, ref.end):
                refs[i] = ref

        # 1. dictionary aliases that name an actor outright
        for c in cands:
            if c.source == "alias":
                ref = self._alias(c)
                if ref is None:
                    deferred.append(c)
                else:
                    put(ref)
        self._drop_shared_metonyms(cands, refs)
        self._pick_shared_by_context(doc, cands, refs)
        self._drop_generic_names(doc, cands, refs)
        self._drop_topics_and_seats(doc, cands, refs, agents_at)
        # 2. organisations, then 3. people, the dictionary does not know
        for c in cands:
            if c.source == "entity" and c.label == "ORG":
                ref = self._organization(doc, c, refs, unknown, agents_at)
                if ref is not None:
                    put(ref)
                    continue
                if not c.parts and self._titled_name(doc, c, agents_at):
                    c.label = "PERSON"  # "Eswar Prasad, a trade professor at Cornell" tagged ORG
                    continue
                for part in c.parts:  # not an organisation: its nationality still counts
                    ref = self._alias(part)
                    if ref is not None and not any(i in refs for i in range(part.start, part.end)):
                        put(ref)
        people = PersonIndex()
        for c in cands:
            if c.start in refs and refs[c.start].kind == "person":
                people.add(c.start, refs[c.start].key, [t.text for t in toks[c.start:c.end]])
        author_names = {" ".join(a.lower().split()) for a in authors or []}
        for c in cands:
            if c.source == "entity" and c.label == "PERSON":
                if c.size < 2 or span_text(toks, c.start, c.end).lower() in self.dictionary.by_alias:
                    deferred.append(c)
                    continue
                found = people.find(c.start, [t.text for t in toks[c.start:c.end]])
                if found is not None:
                    put(Ref(c.start, c.end, found, "person", None, "coreference"))
                    continue
                if _place_like(doc, c.start, c.end) or self._region_name(doc, c):
                    continue
                ref = self._variant(doc, c, agents_at) or self._person(doc, c, refs, unknown, agents_at, author_names)
                put(ref)
                people.add(c.start, ref.key, [t.text for t in toks[c.start:c.end]])
        # 4. short forms: candidates, then surnames of inferred people the model did not tag
        for c in sorted(deferred, key=lambda c: c.start):
            ref = self._short_form(doc, c, people, on, refs, agents_at)
            if ref is not None:
                put(ref)
        surnames = {u.name.split()[-1] for u in unknown.values() if u.kind == "person" and len(u.name.split()) > 1}
        if surnames:
            for i in positions(doc, ORTH, hashes(surnames)):
                text = toks[i].text
                if i not in refs and text[:1].isupper():
                    found = people.find(i, [text])
                    if found is not None:
                        put(Ref(i, i + 1, found, "person", None, "coreference"))
        # 5. ethnic and religious communities, coded by the state they live in ("Bosnian Serbs")
        for p in self.communities.place(doc, refs, agent_spans, toks):
            key = "~" + slug(p.name)
            u = unknown.setdefault(key, Unknown(p.name, "group", p.country, p.role, "residence",
                                                {"community": p.community}))
            put(Ref(p.start, p.end, key, "group", u.country, "residence"))
        # 6. titles standing for an office holder
        in_office = self._in_office(refs, on)
        for a in agent_spans:
            ref = self._title_alone(doc, a, refs, on, in_office)
            if ref is not None:
                put(ref)
        # 7. "Russian forces", "US officials": a nationality before an agent noun stands for the state
        for a in agent_spans:
            ref = self._state_agent(doc, a, refs)
            if ref is not None:
                put(ref)
        # 8. "Putin's spokesman X", "Trump's lawyer X": a person in someone's service is of their state
        if any(u.kind == "person" and u.country is None for u in unknown.values()):
            for ref in {id(r): r for r in refs.values()}.values():
                served = unknown.get(ref.key)
                if served is not None and served.kind == "person" and served.country is None:
                    country = self._employer_country(doc, ref.start, refs, agents_at)
                    if country is not None:
                        served.country, served.basis = country, "affiliation"
        return self._build(toks, refs, unknown, on)

    # -- steps -----------------------------------------------------------------------------------

    def _alias(self, c: Candidate) -> Ref | None:
        key = c.key or ""
        if key in self.alias_entry:
            e = self.alias_entry[key]
        else:
            e = self.alias_entry[key] = self._alias_entry(key)
        return Ref(c.start, c.end, e.id, e.kind, e.country) if e is not None else None

    def _alias_entry(self, key: str) -> Entry | None:
        """The actor an alias names outright: a full name before another kind of alias, then by kind."""
        targets = self.dictionary.by_alias.get(key, [])
        if not targets or all(kind == SURNAME for _, kind in targets):
            return None
        named = [(i, k) for i, k in targets if k != SURNAME]
        named.sort(key=lambda t: (t[1] != NAME, KIND_ORDER.get(self.dictionary.entries[t[0]].kind, 9)))
        return self.dictionary.entries[named[0][0]]

    def _named_entry(self, c: Candidate) -> Entry | None:
        """The organisation or group an alias names outright."""
        for eid, kind in self.dictionary.by_alias.get(c.key or "", []):
            e = self.dictionary.entries[eid]
            if kind == NAME and e.kind in {"organization", "group"}:
                return e
        return None

    def _drop_shared_metonyms(self, cands: list[Candidate], refs: dict[int, Ref]) -> None:
        """ "Tripoli" is Libya's capital and a Lebanese city: in an article that names Lebanon and
        not Libya, it is not Libya."""
        named = {ref.country for ref in refs.values() if ref.kind == "state"}
        for c in cands:
            ref = refs.get(c.start)
            if c.source != "alias" or ref is None or ref.kind != "state" or ref.start != c.start:
                continue
            e = self.dictionary.entries.get(ref.key)
            others = e.shared.get(c.key or "", []) if e is not None else []
            if others and any(o in named for o in others) and not self._named_otherwise(cands, refs, ref):
                for i in range(ref.start, ref.end):
                    refs.pop(i, None)

    def _possessor_country(self, doc: Doc, start: int, refs: dict[int, Ref]) -> str | None:
        """The country of the possessor before ``start`` ("Xi's Communist Party", "Japan's SDF"):
        a resolved actor, or a name all of whose dictionary bearers share one country."""
        if start < 2 or doc[start - 1].lower_ not in {"'s", "’s"}:
            return None
        ref = refs.get(start - 2)
        if ref is not None:
            return ref.country
        k = start - 2
        while k > 0 and doc[k - 1].tag_ == "NNP" and start - 2 - k < 3:
            k -= 1
        for j in range(k, start - 1):
            found = {self.dictionary.entries[i].country for i, _ in self.dictionary.by_alias.get(doc[j:start - 1].text.lower(), [])}
            if len(found) == 1:
                return found.pop()
        return None

    def _pick_shared_by_context(self, doc: Doc, cands: list[Candidate], refs: dict[int, Ref]) -> None:
        """An alias two actors share ("Congolese", "SDF") names the one its possessor belongs to
        ("Xi's Communist Party"), else the one the rest of the document names otherwise, or the one
        whose state it names ("Japan ... the SDF")."""
        shared: dict[int, list[Entry]] = {}
        for c in cands:
            ref = refs.get(c.start)
            if c.source != "alias" or ref is None or ref.start != c.start:
                continue
            ids = {i for i, k in self.dictionary.by_alias.get(c.key or "", []) if k != SURNAME}
            if len(ids) > 1:
                shared[c.start] = [self.dictionary.entries[i] for i in sorted(ids)]
        if not shared:
            return
        plain = [r for r in {id(r): r for r in refs.values()}.values() if r.start not in shared]
        keys = {r.key for r in plain}
        countries = {r.country for r in plain if r.kind == "state" and r.country}
        for start, options in shared.items():
            ref = refs[start]
            owner = self._possessor_country(doc, start, refs)
            pick = [e for e in options if e.country == owner] if owner else []
            if len(pick) != 1:
                pick = [e for e in options if e.id in keys]
            if len(pick) != 1:
                pick = [e for e in options if e.kind != "state" and e.country in countries]
            if len(pick) == 1 and pick[0].id != ref.key:
                e = pick[0]
                new = Ref(ref.start, ref.end, e.id, e.kind, e.country, ref.basis)
                for i in range(ref.start, ref.end):
                    refs[i] = new

    def _drop_generic_names(self, doc: Doc, cands: list[Candidate], refs: dict[int, Ref]) -> None:
        """ "Congress", "the Foreign Office", "Conservatives": names other states' bodies also go by
        stand for the dictionary's body only in a document that names its state otherwise, or after
        a possessor of that state ("Xi's Communist Party")."""
        generic: list[Ref] = []
        for c in cands:
            ref = refs.get(c.start)
            if c.source != "alias" or ref is None or ref.start != c.start:
                continue
            e = self.dictionary.entries.get(ref.key)
            if e is not None and (c.key or "") in e.generic:
                generic.append(ref)
        if not generic:
            return
        ids = {id(r) for r in generic}
        named = {r.country for r in refs.values() if id(r) not in ids and r.country}
        for ref in generic:
            if ref.country not in named and self._possessor_country(doc, ref.start, refs) != ref.country:
                for i in range(ref.start, ref.end):
                    refs.pop(i, None)

    def _drop_topics_and_seats(self, doc: Doc, cands: list[Candidate], refs: dict[int, Ref],
                               agents_at: dict[int, str]) -> None:
        """A state's name as the topic of a title ("a Russia adviser", "China experts") and a seat of
        power as a location ("a meeting in the Oval Office", "talks at the Kremlin") are no mention
        of the state as an actor."""
        for c in cands:
            ref = refs.get(c.start)
            if c.source != "alias" or ref is None or ref.start != c.start or ref.kind != "state":
                continue
            if self.context.topic_of(doc, ref, agents_at) or self._seat_as_place(doc, c):
                for i in range(ref.start, ref.end):
                    refs.pop(i, None)

    def _seat_as_place(self, doc: Doc, c: Candidate) -> bool:
        """ "in the Oval Office", "at the Kremlin": a seat of power (a building, not a capital or a
        territory: "in Moscow", "in the West Bank" stay) after a locative preposition."""
        if c.key not in self.seat_keys:
            return False
        j = c.start - 1
        if j >= 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 0 or doc[j].lower_ not in LOCATIVE_PREPS:
            return False
        return c.end >= len(doc) or doc[c.end].lower_ not in {"'s", "’s"}

    def _named_otherwise(self, cands: list[Candidate], refs: dict[int, Ref], ref: Ref) -> bool:
        """Is the state of ``ref`` also named by another alias than the shared metonym?"""
        return any(r.key == ref.key and r.start != ref.start for r in refs.values())

    def _organization(self, doc: Doc, c: Candidate, refs: dict[int, Ref], unknown: dict[str, Unknown],
                      agents_at: dict[int, str]) -> Ref | None:
        span = doc[c.start:c.end]
        # "Jawaharlal Nehru University (JNU)": the acronym the dictionary knows names it
        if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")" and (c.end + 1) in refs:
            inner = refs[c.end + 1]
            if inner.kind in {"organization", "group"}:
                return Ref(c.start, c.end, inner.key, inner.kind, inner.country)
        country, basis = None, "model"
        for key in c.inner:
            for eid, _ in self.dictionary.by_alias.get(key, []):
                e = self.dictionary.entries[eid]
                if e.kind == "state" and e.country:
                    country, basis = e.country, "nationality"
                    break
            if country:
                break
        if country is None:  # "Tufts University's Feinstein Center": the owner's country
            for part in c.parts:
                owner = self._named_entry(part)
                if owner is not None and owner.country and part.end < c.end and doc[part.end].lower_ in {"'s", "’s"}:
                    country, basis = owner.country, "affiliation"
                    break
        if country is None:
            country = self.context.seat(doc, c.start, c.end, refs)
            basis = "affiliation" if country else basis
        forms = [agents_at[i] for i in range(c.start, c.end) if i in agents_at]
        head = self.context.institution(forms)
        if head is None or (country is None and c.size == 1):
            return None  # "Subscribe", "British Defence [Secretary]", a lone "Parliament": not an institution
        name = span.text
        key = "~" + slug(name)
        u = unknown.setdefault(key, Unknown(name, "organization"))
        if u.country is None and country:
            u.country, u.basis = country, basis
        if head is not None and u.role is None:
            u.role = head.role
        return Ref(c.start, c.end, key, "organization", u.country, "model")

    def _employer_country(self, doc: Doc, start: int, refs: dict[int, Ref], agents_at: dict[int, str]) -> str | None:
        """The country of the possessor of the title right before a name ("Putin's spokesman X",
        "Trump's personal lawyer X"; not "Trump's X", which may be anything)."""
        j = start - 1
        if j not in agents_at or self.agents.get(TITLE, agents_at[j]) is None:
            return None
        lowest = max(0, start - 5)
        while j >= lowest and j not in refs and (j in agents_at or doc[j].pos_ in {"NOUN", "ADJ"}):
            j -= 1
        if j == start - 1 or j < 1 or doc[j].lower_ not in {"'s", "’s"}:
            return None
        owner = refs.get(j - 1)
        if owner is None or owner.kind not in {"person", "state"}:
            return None
        return owner.country

    def _region_name(self, doc: Doc, c: Candidate) -> bool:
        """A "person" that is a region's name, or begins with a region's possessive ("Punjab's
        Bhatinda")."""
        found = self.context.provinces.at(doc, c.start)
        if found is None:
            return False
        end = found[0]
        return end == c.end or (end < c.end and doc[end].lower_ in {"'s", "’s"})

    def _titled_name(self, doc: Doc, c: Candidate, agents_at: dict[int, str]) -> bool:
        """Is an ORG entity that is no institution a person's name, by the title apposed to it
        ("X Y, a trade professor at Z", "X Y, the former executive director") or just before it
        ("economist X Y")?"""
        span = doc[c.start:c.end]
        if not 2 <= len(span) <= 4 or any(i in agents_at for i in range(c.start, c.end)) \
                or not all(t.tag_ == "NNP" and t.is_alpha and t.text[:1].isupper() for t in span):
            return False
        j = c.start - 1
        if j >= 0 and j in agents_at and self.agents.get(TITLE, agents_at[j]) is not None \
                and (j - 1 < 0 or doc[j - 1].lower_ not in {"of", "at", "from", "'s", "’s"}):
            return True
        j = c.end
        if j >= len(doc) or doc[j].text != ",":
            return False
        j += 1
        if j < len(doc) and doc[j].lower_ in {"a", "an", "the"}:
            j += 1
        limit = min(len(doc), j + 4)
        while j < limit and j not in agents_at and doc[j].pos_ in {"ADJ", "NOUN", "PROPN"}:
            j += 1
        return j in agents_at and self.agents.get(TITLE, agents_at[j]) is not None \
            and self.agents.get(GROUP, agents_at[j]) is None and doc[j].tag_ == "NN"

    def _person(self, doc: Doc, c: Candidate, refs: dict[int, Ref], unknown: dict[str, Unknown],
                agents_at: dict[int, str], authors: set[str]) -> Ref:
        name = doc[c.start:c.end].text
        key = "~" + slug(name)
        u = unknown.get(key)
        if u is None:
            u = unknown[key] = Unknown(name, "person")
        if " ".join(name.lower().split()) in authors:
            return Ref(c.start, c.end, key, "person", None, "model")
        if u.basis == "model":
            before = self.context.before(doc, c.start, refs, agents_at)
            if not before.basis and _apposed(doc, c):  # "the UK Home Secretary, Sajid Javid, said"
                before = self.context.before(doc, c.start - 1, refs, agents_at)
            after = self.context.after(doc, c.end, refs, agents_at)
            clues = _pick(before, after)
            if before.title and self.agents.get(TITLE, before.title) is None and before.role == "MED" \
                    and doc[c.start - 1].lower_ == before.title.split()[-1]:
                u.kind = "organization"  # "the opposition newspaper La Prensa"
            if clues.basis:
                u.country, u.basis = clues.country, clues.basis
                u.role = clues.role or (before.role if before.title else None)  # "President X of Pakistan"
            title = before.title or after.title
            if title:
                u.attributes.setdefault("title", title)
            if after.affiliation:
                u.attributes.setdefault("affiliation", after.affiliation)
        return Ref(c.start, c.end, key, "person", u.country, "model")

    def _variant(self, doc: Doc, c: Candidate, agents_at: dict[int, str]) -> Ref | None:
        """A titled full name the dictionary knows in another spelling ("President Abdelaziz
        Bouteflicka", "Juvenal Habyariman"): each word within a letter or two of one person's name."""
        j = c.start - 1
        if j < 0 or j not in agents_at or self.agents.get(TITLE, agents_at[j]) is None:
            return None
        words = _fold(doc[c.start:c.end].text)
        if len(words) < 2:
            return None
        found = {eid for known, eid in self.spellings.get((len(words), words[-1][:1]), [])
                 if all(_near(a, b) for a, b in zip(words, known, strict=True))}
        if len(found) != 1:
            return None
        e = self.dictionary.entries[found.pop()]
        return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")

    def _short_form(self, doc: Doc, c: Candidate, people: PersonIndex, on: date | None,
                    refs: dict[int, Ref], agents_at: dict[int, str]) -> Ref | None:
        tokens = [t.text for t in doc[c.start:c.end]]
        found = people.find(c.start, tokens)
        if found is not None:
            return Ref(c.start, c.end, found, "person", None, "coreference")
        country = self._state_of_title(doc, c.start, c.end, refs, agents_at)
        if country is not None:  # "Jordan's King Abdullah", "King Hassan of Morocco": a person of that state
            return self._named_of(c, tokens, country, on)
        if c.source != "alias":
            return None
        targets = [self.dictionary.entries[i] for i, k in self.dictionary.by_alias.get(c.key or "", [])
                   if k == SURNAME]
        if c.size == 1 and self.given.get(c.key or "", set()) - {e.id for e in targets}:
            return None  # "Abdullah" alone: the given name of other people too
        ranked = sorted((_rank(r.office), e.id) for e in targets if (r := e.role_at(on)) is not None)
        if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] < ranked[1][0]):
            e = self.dictionary.entries[ranked[0][1]]
            return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")
        if on is None and ranked:  # no date at all: the latest of the equal office holders
            tied = [self.dictionary.entries[i] for rank, i in ranked if rank == ranked[0][0]]
            e = max(tied, key=lambda x: max((r.start or date.min) for r in x.roles))
            return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")
        if not ranked and len(targets) == 1:  # out of office at the date, but the only one of that name
            e = targets[0]
            return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")
        if not ranked and on is not None and len({e.country for e in targets}) == 1 and targets[0].country:
            # "President Bush" between two Bushes' terms: one state's office holders of that name,
            # the one whose office lies nearest the date
            near = sorted((_distance(e, on), e.id) for e in targets)
            e = self.dictionary.entries[near[0][1]]
            return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")
        return None

    def _state_of_title(self, doc: Doc, start: int, end: int, refs: dict[int, Ref],
                        agents_at: dict[int, str]) -> str | None:
        """The state a short name is tied to: "Jordan's King X", "Jordanian King X", "King X of Jordan"."""
        j = start - 1
        titled = False
        while j >= 0 and j in agents_at and j not in refs:
            titled = True
            j -= 1
        if j >= 0 and doc[j].lower_ in {"'s", "’s"}:
            j -= 1
        if j >= 0 and j in refs and refs[j].kind == "state" and (titled or doc[j + 1].lower_ in {"'s", "’s"}):
            return refs[j].country
        if end + 1 < len(doc) and doc[end].lower_ == "of" and (end + 1) in refs and refs[end + 1].kind == "state":
            return refs[end + 1].country
        return None

    def _named_of(self, c: Candidate, tokens: list[str], country: str, on: date | None) -> Ref | None:
        words = [w for t in tokens for w in re.split(r"[\s\-‐‑]+", t.lower()) if w]
        if not words:
            return None
        ids = set.intersection(*(self.name_tokens.get(w, set()) for w in words))
        pool = [e for i in sorted(ids) if (e := self.dictionary.entries[i]).country == country
                or any(r.of == country for r in e.roles)]
        if on is not None or len(pool) > 1:
            ranked = sorted((_rank(r.office), e.id) for e in pool
                            if (r := e.role_at(on)) is not None and (on is not None or r.end is None))
            if len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] < ranked[1][0]):
                e = self.dictionary.entries[ranked[0][1]]
                return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")
            if ranked or on is None:
                return None
        if len(pool) == 1:
            e = pool[0]
            return Ref(c.start, c.end, e.id, "person", e.country, "dictionary")
        return None

    def _title_alone(self, doc: Doc, a: AgentSpan, refs: dict[int, Ref], on: date | None,
                     in_office: list[tuple[Entry, RoleSpell]]) -> Ref | None:
        agent = self.agents.get(TITLE, a.form)
        if agent is None or not agent.offices or a.start in refs:
            return None
        head = doc[a.end - 1]
        if head.tag_ in {"NNS", "NNPS"} or self.agents.get(GROUP, a.form) is not None:
            return None
        # a title attached to a name ("leader Kim Jong Un") belongs to that name
        nxt = a.end
        while nxt < len(doc) and doc[nxt].is_punct and doc[nxt].text in {",", "-"}:
            nxt += 1
        if nxt in refs and refs[nxt].kind == "person":
            return None
        if any(t.lower_ in NOT_THE_HOLDER for t in head.lefts):
            return None  # "a Russian minister", "Russia's deputy prime minister", "the former president"
        if _appositive_of_person(doc, a.start, refs):
            return None  # "Ahmed Farooqi, Pakistan's president, ...": the title is the named person's
        country = None
        j = a.start - 1
        if j >= 0 and doc[j].lower_ in {"'s", "’s"}:
            j -= 1
        while j >= 0 and j not in refs and doc[j].pos_ in {"ADJ"}:
            j -= 1
        if j >= 0 and j in refs and refs[j].kind == "state":
            country = refs[j].country
        elif a.end + 1 < len(doc) and doc[a.end].lower_ == "of" and (a.end + 1) in refs:
            r = refs[a.end + 1]
            country = r.country if r.kind == "state" else None
        elif a.end + 2 < len(doc) and doc[a.end].lower_ == "of" and doc[a.end + 1].lower_ == "the" \
                and (a.end + 2) in refs:
            r = refs[a.end + 2]
            country = r.country if r.kind == "state" else None
        if country is None:  # "the president" alone: the one holder of that office the document names
            if a.start == 0 or doc[a.start - 1].lower_ != "the":
                return None  # "his president", "Acme's president", "new president": not a bare title
            named = {e.id: e for e, spell in in_office if spell.office in agent.offices}
            if not named:  # nobody named: the office of the one state the document names
                states = {r.country for r in refs.values() if r.country}
                if len(states) == 1 and any(r.kind == "state" for r in refs.values()):
                    named = {e.id: e for e in self.dictionary.holders(next(iter(states)) or "", list(agent.offices), on)}
            if len(named) != 1:
                return None
            e = next(iter(named.values()))
            return Ref(a.start, a.end, e.id, "person", e.country, "title")
        holders = _named_holders(in_office, country, agent.offices) or \
            self.dictionary.holders(country, list(agent.offices), on)
        if len(holders) != 1:
            return None
        e = holders[0]
        return Ref(a.start, a.end, e.id, "person", e.country, "title")

    def _in_office(self, refs: dict[int, Ref], on: date | None) -> list[tuple[Entry, RoleSpell]]:
        """Dictionary people named in the document, with the role each holds at the date."""
        keys = {ref.key for ref in refs.values() if ref.kind == "person"}
        out = []
        for key in sorted(keys):
            e = self.dictionary.entries.get(key)
            spell = e.role_at(on) if e else None
            if e is not None and spell is not None:
                out.append((e, spell))
        return out

    def _state_agent(self, doc: Doc, a: AgentSpan, refs: dict[int, Ref]) -> Ref | None:
        if a.start in refs or a.start == 0:
            return None
        agent = self.agents.get(GROUP, a.form) or self.agents.get(TITLE, a.form)
        prev = refs.get(a.start - 1)
        if agent is None or agent.role is None or prev is None or prev.kind != "state":
            return None
        if a.end in refs:
            return None  # "Russian President Vladimir Putin", "news agency KCNA": the noun belongs to the name
        return Ref(prev.start, a.end, prev.key, prev.kind, prev.country, prev.basis)

    # -- records ---------------------------------------------------------------------------------

    def _build(self, toks: list[Token], refs: dict[int, Ref], unknown: dict[str, Unknown], on: date | None
               ) -> tuple[dict[str, Actor], list[Mention]]:
        actors: dict[str, Actor] = {}
        mentions: list[Mention] = []
        seen: set[int] = set()
        for i in sorted(refs):
            ref = refs[i]
            if id(ref) in seen:
                continue
            seen.add(id(ref))
            actor = actors.get(ref.key) or self._actor(ref.key, unknown, on)
            if actor is None:
                continue
            actors[ref.key] = actor
            last = toks[ref.end - 1]
            m = Mention(toks[ref.start].idx, last.idx + len(last), span_text(toks, ref.start, ref.end),
                        actor_id=actor.id, basis=ref.basis)
            actor.mentions.append(m)
            mentions.append(m)
        out = {a.id: a for a in actors.values()}
        mentions.sort(key=lambda m: (m.start, m.end))
        return out, mentions

    def _actor(self, key: str, unknown: dict[str, Unknown], on: date | None) -> Actor | None:
        if key.startswith("~"):
            u = unknown.get(key)
            if u is None:
                return None
            aid = key[1:]
            if u.kind == "organization" and u.country and u.basis == "affiliation":
                aid += "-" + slug(u.country)  # "Workers' Party" of North Korea, not of Brazil
            code = (u.country or "") + (u.role or "") if u.country else None
            return Actor(id=aid, name=u.name, kind=u.kind, country=u.country, role=u.role, code=code,
                         basis=u.basis, attributes=dict(u.attributes))
        e = self.dictionary.entries.get(key)
        return actor_from_entry(e, on) if e else None


def actor_from_entry(e: Entry, on: date | None) -> Actor:
    role, code, country = e.role, e.code, e.country
    attributes: dict[str, Any] = {}
    if e.kind == "person":
        spell = e.role_at(on)
        role = spell.role if spell else None
        code = ((spell.of or e.country or "") + (spell.role or "")) if spell and spell.role else None
        if spell is not None:
            attributes = {k: v for k, v in (("title", spell.title), ("office", spell.office)) if v}
            if spell.role == "IGO" and spell.of:
                country = spell.of  # an international official speaks for the organisation
    elif code is None and e.country:
        code = e.country + (e.role or "") if e.kind != "state" else e.country
    return Actor(id=e.id, name=e.name, kind=e.kind, country=country, role=role, code=code or None,
                 wikidata=e.wikidata, basis="dictionary", attributes=attributes)


def _pick(before: Clues, after: Clues) -> Clues:
    """A title with a nationality beats an affiliation; an affiliation beats a bare title."""
    if before.basis and before.country:
        return before
    if after.basis and after.country:
        return after
    return before if before.basis else after


def _named_holders(in_office: list[tuple[Entry, RoleSpell]], country: str, offices: tuple[str, ...]) -> list[Entry]:
    """People already named in the document who hold one of ``offices`` of ``country``
    ("Pakistani Prime Minister Shehbaz Sharif ... the Pakistani leader"), best office first."""
    found = {e.id: (offices.index(spell.office), e) for e, spell in in_office
             if spell.of == country and spell.office in offices}
    if not found:
        return []
    best = min(rank for rank, _ in found.values())
    return [e for rank, e in found.values() if rank == best]


def _appositive_of_person(doc: Doc, start: int, refs: dict[int, Ref]) -> bool:
    """Does the phrase ending in the title at ``start`` follow "NAME," ("X, Pakistan's president")?"""
    j = start - 1
    while j >= max(0, start - 6):
        t = doc[j]
        if j in refs and refs[j].kind != "person":
            j = refs[j].start - 1
            continue
        if t.lower_ in {"the", "'s", "’s"} or t.pos_ in {"ADJ", "DET"}:
            j -= 1
            continue
        break
    return j >= 1 and doc[j].text == "," and (j - 1) in refs and refs[j - 1].kind == "person"


def _fold(name: str) -> tuple[str, ...]:
    """A name's words without accents, case or hyphens ("Juvénal" = "juvenal")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return tuple(w for w in re.split(r"[\s\-‐‑.]+", s) if w)


def _near(a: str, b: str) -> bool:
    """Spellings of one word: equal, or (from five letters) one edit apart, two from eight letters,
    with the same first letter (an edit is an insertion, deletion, substitution or transposition)."""
    if a == b:
        return True
    if a[:1] != b[:1] or min(len(a), len(b)) < 5:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    return _edits(a, b, limit) <= limit


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, stopping early once every cell exceeds ``limit``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _distance(e: Entry, on: date) -> int:
    """Days between ``on`` and the nearest of a person's offices (0 inside one)."""
    best = None
    for r in e.roles:
        if r.start is not None and on < r.start:
            d = (r.start - on).days
        elif r.end is not None and on > r.end:
            d = (on - r.end).days
        else:
            d = 0
        best = d if best is None else min(best, d)
    return best if best is not None else 10 ** 6


def _rank(office: str | None) -> int:
    return OFFICE_RANK.index(office) if office in OFFICE_RANK else len(OFFICE_RANK)


def _place_like(doc: Doc, start: int, end: int | None = None) -> bool:
    """A name after "in", "at", "near" or "the port of", or before "prison", "airport", is a place,
    whatever the model says."""
    if end is not None and end < len(doc) and doc[end].lower_ in FACILITY_NOUNS:
        return True
    if start == 0:
        return False
    prev = doc[start - 1].lower_
    if prev in {"in", "at", "near", "outside"}:
        return True
    return prev == "of" and start >= 2 and doc[start - 2].lemma_.lower() in PLACE_NOUNS


def _apposed(doc: Doc, c: Candidate) -> bool:
    """The name stands between commas right after a noun phrase: "the Home Secretary, X, said"."""
    return c.start >= 2 and c.end < len(doc) and doc[c.start - 1].text == "," and doc[c.end].text == "," \
        and doc[c.start - 2].pos_ in {"NOUN", "PROPN"}
