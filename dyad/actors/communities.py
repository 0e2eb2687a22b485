"""Ethnic and religious communities, coded by the state they live in (CAMEO and PLOVER practice).

Owns ``dyad/data/actors/communities.jsonl`` (a community's nouns, adjectives and home state) and
the residence rule the resolver applies to it. A community qualified by where it lives takes that
state: a state named right before it ("Bosnian Serbs", "Iraqi Kurds", "Turkish Kurd refugees",
"Serbia's Albanians"), a place after it ("ethnic Albanians in south Serbia", "the Albanians of
southern Serbia", "Kurdish rebels operating in Syria"). A group marked "ethnic" ("ethnic Turks",
"ethnic Russians": any state's people) takes the nearest other state its sentence names when
nothing closer says where it lives (not one it goes to or comes from, nor a sponsor: "US-backed"). A bare
community keeps its home ("Serbs" stays Serbia's; "Yoruba leaders" are Nigeria's); one with no
home and no residence is no actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from dyad.actors.agents import GROUP, TITLE, AgentLexicon
from dyad.actors.context import Ref, sentence_bounds
from dyad.actors.dictionary import DEMONYM, ActorDictionary
from dyad.actors.matcher import COMPASS, AgentSpan
from dyad.actors.tokens import hashes, positions
from dyad.datafiles import data_path, read_jsonl
from dyad.errors import DyadError, Errors

COMMUNITIES_FILE = "communities.jsonl"
ETHNIC, RELIGIOUS = "ethnic", "religious"
MARKERS = frozenset({"ethnic"})
# Nouns after a people's adjective that make it a community ("the Russian minority in Latvia").
GROUP_NOUNS = frozenset({"minority", "minorities", "community", "communities", "population", "populations",
                         "enclave", "enclaves"})
RESIDENCE_PREPS = frozenset({"in", "of", "inside", "across", "throughout"})
# A state after these is where a group goes or comes from, not where it lives ("from Kosovo",
# "send them back to Bulgaria"; "to" only after a verb of movement: "providing aid to Macedonia" is no move).
ORIGIN_PREPS = frozenset({"from"})
GOAL_PREPS = frozenset({"to", "into", "toward", "towards"})
MOVE_LEMMAS = frozenset({"send", "return", "deport", "expel", "flee", "go", "move", "come", "repatriate", "travel",
                         "migrate", "escape", "head", "bring", "force", "emigrate", "relocate", "resettle", "drive",
                         "push", "back", "home"})
# Roles an agent noun may give a community ("Kurdish rebels": REB); "leaders" of a people are no government.
KEPT_ROLES = frozenset({"MIL", "REB", "COP"})
_SKIP_ENTS = frozenset({"PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART"})


@dataclass(frozen=True)
class Community:
    id: str
    name: str
    kind: str
    home: str | None
    stated_only: bool = False
    """Lives across many states ("Arabs"): only a stated residence places it, never the sentence."""


@dataclass
class Placed:
    """A community mention resolved to the state it lives in."""

    start: int
    end: int
    name: str
    country: str
    role: str | None
    community: str


class CommunityLexicon:
    """Forms -> (community, is_noun), read once per process."""

    def __init__(self, forms: dict[str, tuple[Community, bool]]) -> None:
        self.forms = forms

    @classmethod
    def load(cls, path: Path | None = None) -> CommunityLexicon:
        path = path or data_path(f"actors/{COMMUNITIES_FILE}")
        forms: dict[str, tuple[Community, bool]] = {}
        if not path.exists():
            return cls(forms)
        for d in read_jsonl(path):
            if not isinstance(d.get("id"), str) or not isinstance(d.get("name"), str) \
                    or d.get("kind") not in {ETHNIC, RELIGIOUS}:
                raise DyadError(Errors.E103, path=str(path), detail=f"community needs id, name, kind: {str(d)[:80]}")
            c = Community(d["id"], d["name"], d["kind"], d.get("home") or None, bool(d.get("stated_only")))
            for noun, field in ((True, "nouns"), (False, "adjectives")):
                for f in d.get(field) or []:
                    forms.setdefault(str(f).lower(), (c, noun))
        return cls(forms)

    def get(self, text: str) -> tuple[Community, bool] | None:
        return self.forms.get(text.lower())


class CommunityReader:
    """Places the communities of one document: ``place(doc, refs, agent_spans)``."""

    def __init__(self, lexicon: CommunityLexicon, dictionary: ActorDictionary, agents: AgentLexicon) -> None:
        self.lexicon = lexicon
        self.dictionary = dictionary
        self.agents = agents
        self.form_hashes = hashes(lexicon.forms)

    def place(self, doc: Doc, refs: dict[int, Ref], agent_spans: list[AgentSpan],
              toks: list[Token] | None = None) -> list[Placed]:
        toks = toks if toks is not None else list(doc)
        agent_at = {a.start: a for a in agent_spans}
        out: list[Placed] = []
        taken = -1
        ents: Sequence[Span] | None = None
        # only a community's word or a one-word state's name can be a community (see _community)
        states = {i for i, ref in refs.items() if ref.kind == "state" and ref.end - ref.start == 1}
        for i in sorted({*states, *positions(doc, LOWER, self.form_hashes)}):
            t = toks[i]
            if i < taken or not t.text[:1].isupper():
                continue
            found = self._community(toks, t, refs)
            if found is None:
                continue
            if t.ent_type_ in _SKIP_ENTS:
                ents = doc.ents if ents is None else ents
                if self._inside_name(t, refs, ents):
                    continue
            community, noun, marked = found
            if not noun and not marked and not self._qualifies(doc, t, agent_at):
                continue  # "Karen Bass", "Catholic Church": not a people
            placed = self._place(doc, t, community, noun, marked, refs, agent_at)
            if placed is not None:
                out.append(placed)
                taken = placed.end
        return out

    # -- one mention -----------------------------------------------------------------------------

    def _inside_name(self, t: Token, refs: dict[int, Ref], ents: Sequence[Span]) -> bool:
        """Part of a longer name of a person or place ("Tamil Nadu", "Christian Lindner") the model
        tagged as one (``t.ent_type_`` in ``_SKIP_ENTS``); the model's label alone is not enough
        ("Bosnian Serbs" is often tagged PERSON)."""
        ent = next((e for e in ents if e.start <= t.i < e.end), None)
        if ent is None:
            return False
        return any(x.i != t.i and x.is_alpha and x.lower_ not in MARKERS and self.lexicon.get(x.text) is None
                   and not (x.i in refs and refs[x.i].kind == "state") for x in ent)

    def _community(self, toks: list[Token], t: Token, refs: dict[int, Ref]) -> tuple[Community, bool, bool] | None:
        marked = t.i > 0 and toks[t.i - 1].lower_ in MARKERS
        ref = refs.get(t.i)
        if ref is not None and (ref.kind != "state" or ref.end - ref.start > 1):
            return None  # inside a name the dictionary or the model knows
        entry = self.lexicon.get(t.text)
        if entry is not None:
            return entry[0], entry[1], marked
        minority = t.i + 1 < len(toks) and toks[t.i + 1].lower_ in GROUP_NOUNS
        if (marked or minority) and ref is not None and ref.country:  # "ethnic Russians", "the Russian minority"
            state = self.dictionary.entries.get(ref.key)
            if state is None:
                return None
            name = state.demonyms[0] if state.demonyms else state.name
            noun = any(k == DEMONYM for _, k in self.dictionary.lookup(t.text))
            # a "minority" is placed only by a stated residence ("the Serb minority" may live in Serbia)
            return Community(state.id.lower(), name, ETHNIC, ref.country, stated_only=not marked), noun, True
        return None

    def _qualifies(self, doc: Doc, t: Token, agent_at: dict[int, AgentSpan]) -> bool:
        """An adjective names a people when it qualifies a common noun ("Kurdish rebels")."""
        if t.i + 1 >= len(doc):
            return False
        agent = agent_at.get(t.i + 1)
        if agent is not None and self.agents.get(GROUP, agent.form) is not None:
            return True  # "Kurdish rebels"; not "Christian president" (a person's title)
        head = t.head
        if not (doc[t.i + 1].text[:1].islower() and t.dep_ in {"amod", "compound", "nmod"} and head.i > t.i
                and head.pos_ == "NOUN" and head.text[:1].islower()):
            return False
        # a group: "Tamil refugees", "the Albanian minority", "a Karen guerrilla stronghold" (attributive)
        nxt = doc[t.i + 1]
        return head.tag_ in {"NNS", "NNPS"} or head.lower_ in GROUP_NOUNS or head.dep_ in {"compound", "nmod"} \
            or (nxt.pos_ == "NOUN" and nxt.dep_ in {"compound", "nmod"} and self.agents.get(TITLE, nxt.text) is None)

    def _place(self, doc: Doc, t: Token, community: Community, noun: bool, marked: bool,
               refs: dict[int, Ref], agent_at: dict[int, AgentSpan]) -> Placed | None:
        start = t.i - 1 if marked and t.i > 0 and doc[t.i - 1].lower_ in MARKERS else t.i
        end = t.i + 1
        role = None
        agent = agent_at.get(end)
        if agent is not None:
            group = self.agents.get(GROUP, agent.form)
            a = group or self.agents.get(TITLE, agent.form)
            if a is not None and (group is not None or doc[agent.end - 1].tag_ in {"NNS", "NNPS"}):
                end = agent.end  # "ethnic Albanian guerrillas" is one mention
                role = a.role if a.role in KEPT_ROLES else None
        head = t.head if t.dep_ in {"amod", "compound", "nmod"} and t.head.pos_ in {"NOUN", "PROPN"} else t
        if head.i < t.i:
            head = t
        group_noun = head.lower_ in GROUP_NOUNS
        country = None
        before = self._state_before(doc, start, community, refs)
        if before is not None:
            country, start = before
        if country is None and (noun or marked or group_noun or community.home is None):
            country = self._state_after(doc, max(end, head.i + 1), head, community, refs)
        if country is None and marked and not community.stated_only:
            country = self._nearest_state(doc, start, end, head, community, refs)
        if country is None:
            if community.home is None or t.i in refs:
                return None  # no residence: a bare "Serbs" keeps its state's alias; "Kurds" alone no actor
            country = community.home
            name = community.name
        else:
            state = self.dictionary.entries.get(country)
            name = f"{community.name} in {state.name if state else country}"
        return Placed(start, end, name, country, role, community.name)

    def _state_before(self, doc: Doc, start: int, community: Community, refs: dict[int, Ref]
                      ) -> tuple[str, int] | None:
        """ "Bosnian Serbs", "Kosovo Albanians", "Serbia's ethnic Albanians": the state first named."""
        j = start - 1
        if j < 0:
            return None
        possessive = doc[j].lower_ in {"'s", "’s"}
        if possessive:
            j -= 1
        ref = refs.get(j)
        if ref is None or ref.kind != "state" or not ref.country or ref.end != j + 1:
            return None
        if ref.country == community.home or _patron(doc, ref):
            return None
        text = doc[ref.start:ref.end].text
        if any(k == DEMONYM for _, k in self.dictionary.lookup(text)):
            return None  # "Croats, Serbs": a list of peoples
        return ref.country, (start if possessive else ref.start)

    def _state_after(self, doc: Doc, end: int, head: Token, community: Community, refs: dict[int, Ref]) -> str | None:
        """ "in south Serbia", "of southern Serbia", "operating in Macedonia", "who live in Iraq"."""
        k = end
        if k < len(doc) and doc[k].tag_ in {"VBG", "VBN"}:
            k += 1
        if k < len(doc) and doc[k].lower_ in RESIDENCE_PREPS:
            k += 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            while k < len(doc) and doc[k].lower_ in COMPASS and k not in refs:
                k += 1
            country = self._state_ref(refs, k, community)
            if country is not None:
                return country
        for c in head.children:  # the parse: "Kurds who have lived in Iraq for decades"
            preps = [c] if c.dep_ == "prep" else [p for p in c.children if p.dep_ == "prep"] \
                if c.dep_ in {"acl", "relcl"} else []
            for p in preps:
                if p.lower_ not in RESIDENCE_PREPS:
                    continue
                for pobj in p.children:
                    if pobj.dep_ == "pobj":
                        country = self._state_ref(refs, pobj.i, community)
                        if country is not None:
                            return country
        return None

    def _state_ref(self, refs: dict[int, Ref], i: int, community: Community) -> str | None:
        ref = refs.get(i)
        if ref is None or ref.kind != "state" or not ref.country or ref.country == community.home:
            return None
        return ref.country

    def _nearest_state(self, doc: Doc, start: int, end: int, head: Token, community: Community,
                       refs: dict[int, Ref]) -> str | None:
        """The state nearest the group in its sentence, bar its own, where it goes or comes from, and
        the peoples listed with it ("Serb civilians and Montenegrin prisoners")."""
        s, e = sentence_bounds(doc, start)
        best: tuple[int, str] | None = None
        seen: set[int] = set()
        for i in range(s, e):
            ref = refs.get(i)
            if ref is None or id(ref) in seen or start <= i < end:
                continue
            seen.add(id(ref))
            if ref.kind != "state" or not ref.country or ref.country == community.home:
                continue
            if (ref.start > 0 and _movement(doc[ref.start - 1])) or _patron(doc, ref):
                continue
            if _listed_with(doc[ref.end - 1], head):
                continue
            distance = start - ref.end if ref.end <= start else ref.start - end
            if best is None or distance < best[0]:
                best = (distance, ref.country)
        return best[1] if best else None


def _patron(doc: Doc, ref: Ref) -> bool:
    """ "US-backed", "Iran-aligned", "pro-Russian", "anti-Serb": a state that sponsors or opposes, not a home."""
    if ref.end + 1 < len(doc) and doc[ref.end].text in {"-", "–"} and not doc[ref.end - 1].whitespace_:
        return True
    j = ref.start - 1
    if j >= 0 and doc[j].text in {"-", "–"}:
        j -= 1
    return j >= 0 and doc[j].lower_ in {"pro", "anti"}


def _movement(prep: Token) -> bool:
    if prep.lower_ in ORIGIN_PREPS:
        return True
    if prep.lower_ not in GOAL_PREPS:
        return False
    return prep.head.lemma_.lower() in MOVE_LEMMAS or prep.head.head.lemma_.lower() in MOVE_LEMMAS


def _listed_with(tok: Token, head: Token) -> bool:
    """Is ``tok`` in a noun phrase coordinated with ``head`` ("X civilians and Montenegrin prisoners")?"""
    noun = tok
    for _ in range(3):
        if noun.dep_ in {"amod", "compound", "nmod", "poss"} and noun.head != noun:
            noun = noun.head
        else:
            break
    return (noun.dep_ == "conj" and noun.head == head) or (head.dep_ == "conj" and head.head == noun)
