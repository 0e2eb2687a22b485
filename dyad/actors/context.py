"""Inference from context for actors the dictionary does not know.

Reads the words around a name: a title before it ("Chinese Ministry of Foreign Affairs spokesman
Lin Jian" -> CHN/GOV, basis ``title``), a nationality before it ("a Russian diplomat, Ivan ..."
-> ``nationality``), an affiliation after it ("Tong Zhao of the Carnegie Endowment", "X,
Associate Professor at ... University (JNU)" -> that organisation's country, ``affiliation``), and
for an organisation its seat ("the Institute ... in Sweden").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.actors.agents import GROUP, INSTITUTION, TITLE, Agent, AgentLexicon
from dyad.datafiles import data_path, read_jsonl
from dyad.errors import DyadError, Errors

# Words that may stand inside a noun phrase of titles before a name.
_NP_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"})
_NP_WORDS = frozenset({"of", "for", "and", "'s", "’s", "on", "to", "-", "–"})
_BORN = frozenset({"born", "raised"})  # "Australian-born X": a nationality before a name
_TOPIC_PREPS = frozenset({"to", "on", "for", "in", "at", "with", "about"})  # "envoy to Ukraine", "adviser on Russia"
_AFFIL_PREPS = frozenset({"of", "at", "from", "with", "for", "in"})
_STATE_AFFIL_PREPS = frozenset({"of", "from"})  # "Ahmed Ali of Egypt"; "X in Sweden" is where, not whose
_SEAT_PREPS = frozenset({"in", "of"})
_SEAT_WORDS = frozenset({"based", "headquartered"})
LEFT_WINDOW = 12
RIGHT_WINDOW = 20


_SENTS_KEY = "dyad.actors.sentence_starts"


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Start and end of the sentence holding token ``i`` (sentence starts indexed once per doc:
    ``Token.sent`` walks the sentence, too slow for run-on text)."""
    starts: list[int] | None = doc.user_data.get(_SENTS_KEY)
    if starts is None:
        starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        doc.user_data[_SENTS_KEY] = starts
    k = bisect_right(starts, i) - 1
    return starts[max(k, 0)], starts[k + 1] if k + 1 < len(starts) else len(doc)


def _after_topic_prep(doc: Doc, start: int) -> bool:
    j = start - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 0 and doc[j].lower_ in _TOPIC_PREPS


def _stops_affiliation(t: Token) -> bool:
    if t.pos_ in {"VERB", "AUX", "PRON", "SCONJ"} or t.is_quote:
        return True
    return t.is_punct and t.text not in {",", "(", ")", "-", "–"}


@dataclass
class Ref:
    """A candidate resolved to an actor key (dictionary id, or ``~slug`` for an inferred actor)."""

    start: int
    end: int
    key: str
    kind: str  # state|organization|person|group|region
    country: str | None
    basis: str = "dictionary"


@dataclass
class Clues:
    country: str | None = None
    basis: str | None = None  # title|nationality|affiliation
    role: str | None = None
    title: str | None = None
    affiliation: str | None = None


@dataclass
class Provinces:
    """Regions inside states (``dyad/data/actors/provinces.jsonl``): "from Punjab" -> IND or PAK."""

    by_name: dict[str, tuple[str, ...]]
    longest: int = 1

    @classmethod
    def load(cls, path: Path | None = None) -> Provinces:
        path = path or data_path("actors/provinces.jsonl")
        by_name: dict[str, tuple[str, ...]] = {}
        if path.exists():
            for d in read_jsonl(path):
                name, codes = d.get("name"), d.get("countries")
                if not isinstance(name, str) or not isinstance(codes, list) or not codes:
                    raise DyadError(Errors.E103, path=str(path), detail=f"province needs 'name' and 'countries': {d}")
                by_name[" ".join(name.lower().split())] = tuple(str(c) for c in codes)
        longest = max((len(re.split(r"[\s\-]+", n)) * 2 for n in by_name), default=1)
        return cls(by_name, longest)

    def at(self, doc: Doc, i: int) -> tuple[int, tuple[str, ...]] | None:
        """The longest region name starting at token ``i`` (capitalised): its end and states."""
        if i >= len(doc) or not doc[i].text[:1].isupper():
            return None
        for n in range(min(self.longest, len(doc) - i), 0, -1):
            codes = self.by_name.get(" ".join(doc[i:i + n].text.lower().split()))
            if codes is not None:
                return i + n, codes
        return None


class ContextReader:
    def __init__(self, agents: AgentLexicon, provinces: Provinces | None = None) -> None:
        self.agents = agents
        self.provinces = provinces or Provinces({})

    def origin(self, doc: Doc, i: int, refs: dict[int, Ref]) -> str | None:
        """The state of a region named at ``i`` ("Punjab", "Punjab's Bhatinda"): its only state, or
        of its states the one the document names."""
        found = self.provinces.at(doc, i)
        if found is None:
            return None
        end, codes = found
        if end < len(doc) and doc[end].tag_ in {"NNP", "NNPS"}:
            return None  # the start of a longer name ("Texas Instruments")
        if len(codes) == 1:
            return codes[0]
        named = {r.country for r in refs.values() if r.kind == "state"} & set(codes)
        return named.pop() if len(named) == 1 else None

    def agent(self, form: str, *kinds: str) -> Agent | None:
        for k in kinds:
            a = self.agents.get(k, form)
            if a is not None:
                return a
        return None

    def before(self, doc: Doc, start: int, refs: dict[int, Ref], agents_at: dict[int, str]) -> Clues:
        """Title and nationality in the noun phrase just before a name.

        The title is the agent noun nearest the name, short of a possessive ("the president's
        lawyer X" is no president); the nationality is the outermost state in the phrase ("White
        House Russia adviser X" -> USA), bar states after "to", "on" ("envoy to Ukraine X").
        """
        clues = Clues()
        state: str | None = None
        org: str | None = None
        possessor = False
        sent_start = sentence_bounds(doc, start)[0]
        i = start - 1
        lowest = max(sent_start, start - LEFT_WINDOW)
        while i >= lowest:
            t = doc[i]
            if i in refs:
                ref = refs[i]
                if ref.kind == "person":
                    break
                if not _after_topic_prep(doc, ref.start) and ref.country and not self.topic_of(doc, ref, agents_at):
                    if ref.kind in {"state", "region"}:
                        state = ref.country
                    else:
                        org = ref.country
                i = ref.start - 1
                continue
            if i in agents_at:
                form = agents_at[i]
                a = self.agent(form, TITLE, GROUP)
                if a is not None and clues.title is None and not possessor:
                    clues.title, clues.role = form, a.role
                i -= 1
                continue
            if t.lower_ in {"'s", "’s", "'"}:
                possessor = True
            if t.pos_ in _NP_POS or t.lower_ in _NP_WORDS or _born(doc, i):
                i -= 1
                continue
            break
        clues.country = state or org
        if clues.title:
            clues.basis = "title"
        elif state:
            clues.basis = "nationality"
        elif org:
            clues.basis = "affiliation"
        return clues

    def after(self, doc: Doc, end: int, refs: dict[int, Ref], agents_at: dict[int, str]) -> Clues:
        """An affiliation after a name: "X of ORG", "X, Director of ORG", "X, professor at ORG"."""
        clues = Clues()
        sent_end = sentence_bounds(doc, end - 1)[1]
        i = end
        highest = min(sent_end, end + RIGHT_WINDOW)
        seen_prep = False
        while i < highest:
            t = doc[i]
            if i in refs:
                ref = refs[i]
                if ref.kind == "person":
                    break
                if ref.kind in {"organization", "group"} and seen_prep:
                    if ref.country:
                        clues.country, clues.basis = ref.country, "affiliation"
                        clues.affiliation = doc[ref.start:ref.end].text
                        return clues
                elif ref.kind in {"organization", "group"} and ref.country and doc[i - 1].text == ",":
                    title = self._title_after(doc, ref.end, agents_at)
                    if title is not None:  # "X, BBC diplomatic correspondent"
                        a = self.agent(title, TITLE, GROUP)
                        return Clues(country=ref.country, basis="affiliation", title=title,
                                     role=a.role if a else None, affiliation=doc[ref.start:ref.end].text)
                elif ref.kind in {"state", "region"} and seen_prep and doc[i - 1].lower_ in _STATE_AFFIL_PREPS:
                    clues.country, clues.basis = ref.country, "affiliation"
                    return clues
                elif ref.kind in {"state", "region"} and not seen_prep and ref.country \
                        and not self.topic_of(doc, ref, agents_at):
                    title = self._title_after(doc, ref.end, agents_at)
                    if title is not None:  # "X, China's foreign minister", "X, the Kremlin spokesman"
                        a = self.agent(title, TITLE, GROUP)
                        return Clues(country=ref.country, basis="title", title=title, role=a.role if a else None)
                i = ref.end
                continue
            if i in agents_at:
                form = agents_at[i]
                a = self.agent(form, TITLE)
                if a is not None and clues.title is None:
                    clues.title, clues.role = form, a.role
                i += 1
                continue
            low = t.lower_
            if low == "who" and i == end + 1 and doc[end].text == "," and i + 1 < highest \
                    and doc[i + 1].lemma_ == "be":
                i += 2  # "X, who is the US envoy, ...": as the apposition "X, the US envoy"
                continue
            if low in {"from", "of"} and (i + 1) not in refs:
                origin = self.origin(doc, i + 1, refs)
                if origin is not None:  # "X, 24, from Punjab", "X, the governor of Texas": of that state
                    return Clues(country=origin, basis="nationality", title=clues.title, role=clues.role)
            if low in _AFFIL_PREPS:
                seen_prep = True
            elif _stops_affiliation(t) or (i == end and low != ","):
                break  # an affiliation follows the name directly ("of", "at") or after a comma
            i += 1
        return Clues(title=clues.title, role=clues.role)

    def topic_of(self, doc: Doc, ref: Ref, agents_at: dict[int, str]) -> bool:
        """ "a China expert", "Russia watchers": a state's name (not its adjective, not an
        acronym such as "US") right before a topic title is what the person studies."""
        if ref.end not in agents_at or ref.kind not in {"state", "region"}:
            return False
        a = self.agent(agents_at[ref.end], TITLE, GROUP)
        last = doc[ref.end - 1]
        return a is not None and a.topic and last.pos_ == "PROPN" and not last.text.isupper() \
            and last.tag_ not in {"JJ", "NNPS"}

    def _title_after(self, doc: Doc, i: int, agents_at: dict[int, str]) -> str | None:
        """The title a nationality introduces: "China's [top] foreign minister", "a Russian diplomat"."""
        if i < len(doc) and doc[i].lower_ in {"'s", "’s"}:
            i += 1
        limit = min(len(doc), i + 3)
        while i < limit and i not in agents_at and doc[i].pos_ in {"ADJ", "NOUN", "PROPN"}:
            i += 1
        if i in agents_at and self.agent(agents_at[i], TITLE) is not None:
            return agents_at[i]
        return None

    def seat(self, doc: Doc, start: int, end: int, refs: dict[int, Ref]) -> str | None:
        """The country of an organisation from what follows it ("in Sweden", "based in Seoul")
        or the possessive before it ("South Korea's National Intelligence Service")."""
        i = end
        if i < len(doc) and doc[i].lower_ in _SEAT_WORDS:
            i += 1
        if i + 1 < len(doc) and doc[i].lower_ in _SEAT_PREPS and (i + 1) in refs:
            ref = refs[i + 1]
            if ref.kind == "state":
                return ref.country
        based = self._based_in(doc, end, refs)
        if based is not None:
            return based
        j = start - 1
        while j >= max(0, start - 3) and j not in refs and (doc[j].pos_ == "ADJ" or doc[j].tag_ in {"VBG", "VBN"}):
            j -= 1  # "North Korea's ruling Workers' Party"
        if j >= 1 and doc[j].lower_ in {"'s", "’s"}:
            j -= 1
        if j >= 0 and j in refs and refs[j].kind == "state":
            return refs[j].country
        return None

    def _based_in(self, doc: Doc, end: int, refs: dict[int, Ref]) -> str | None:
        """ "X, the Texas-based ...", "X, a London-based ...": the state of the place before "-based"."""
        k = end + 1 if end < len(doc) and doc[end].text == "," else end
        if k < len(doc) and doc[k].lower_ in {"a", "an", "the"}:
            k += 1
        for j in range(k + 1, min(len(doc) - 1, k + 5)):
            if doc[j].text in {"-", "–"} and doc[j + 1].lower_ == "based":
                ref = refs.get(k)
                if ref is not None and ref.kind == "state" and ref.end == j:
                    return ref.country
                found = self.provinces.at(doc, k)
                if found is not None and found[0] == j and len(found[1]) == 1:
                    return found[1][0]
                return None
        return None

    def institution(self, forms: list[str]) -> Agent | None:
        """The head word that makes a name an institution (Ministry, Institute, University)."""
        for form in forms:
            a = self.agents.get(INSTITUTION, form)
            if a is not None:
                return a
        return None


def _born(doc: Doc, i: int) -> bool:
    """``doc[i]`` is the participle of "Australian-born", "US-raised" (hyphenated to what precedes)."""
    return doc[i].lower_ in _BORN and i > 0 and doc[i - 1].text in {"-", "–"}
