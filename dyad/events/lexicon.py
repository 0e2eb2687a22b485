"""The trigger lexicon: lemmas and patterns -> PLOVER type, mode and CAMEO code, plus the crosswalk.

``dyad/data/events/lexicon.jsonl`` holds one trigger per line; a user file (``lexicon_file``) adds
entries, and an entry with an existing ``id`` replaces it. Fields:

``id``        unique name, shown in ``explain`` as the pattern that fired
``lemma``     the trigger word's lemma; ``pos``: VERB, NOUN or ADJ
``type``      PLOVER type (null for a pure governor such as "plan"); ``mode``, ``cameo`` optional
``prt``       a required particle ("step down"); ``prep``: a required preposition ("call for")
``obj``       verbs: the object's lemma must be one of these ("impose sanctions", "open fire")
``mods``      nouns: a modifier's lemma must be one of these ("hunger strike", "air strike")
``support``   nouns: only counted under one of these verbs ("expressed concern", "declared a ceasefire")
``of``        nouns: whether an "of" phrase names the ``source`` or the ``target`` (default)
``compound``  nouns: whether a proper-noun compound names the ``source`` (default) or the ``target``
              ("the Ukraine war")
``targets``   prepositions whose object is the recipient (default: to, with, against, on, at)
``inverse``   the grammatical subject is the recipient ("received arms from X")
``role``      ``intent`` (an embedded act becomes a promise or a threat), ``absorb`` (the embedded
              act is the content of a demand, rejection or threat and is not coded apart), ``deny``
``actor_object``  type/mode/cameo to use when the object is itself an actor ("welcomed Kim")
``require_actor_object`` / ``require_person_object``  only fire with such an object
``governor_only`` never an event itself, only an intent governor ("plan to", "consider")
``intransitive``  only without an object or clause ("demonstrated in the capital", not "demonstrated that")
``require_object``  only with a direct object ("returned weapons", not "returned home")
``theme_obj``  the object is what is moved, not the recipient ("extradited X to Britain")
``subj`` / ``subj_not``  verbs: the subject's lemma must (not) be one of these ("troops arrived" is no visit)
``comp``      verbs: a word of the predicate said of the object must be one of these ("called the visit a
              provocation", "called it illegal", "called the trip an act of desperation")
``actor_clause``  verbs: only with an infinitive clause whose subject (or the verb's object) is an actor
              ("wants Trump to eliminate", not "wants to eliminate")
``kinds``     a word of the object (or of the noun's own modifiers or ``prep`` phrase) -> a finer CAMEO code
              ("withheld military aid": 1622, "froze humanitarian aid": 1623)

Aid halted (CAMEO 162x, PLOVER SANCTION 'discontinue': "curtail ... material exchanges"): the halting
verb or noun is the trigger ("withheld aid to X", "the hold on US aid to X", "aid cuts to X"); the
aid noun below it is no AID event of its own (``triggers.absorber``) and lends it its owner and
recipient. The ``*_aid`` entries sit before the generic ``*_tie`` ones so that they win on aid.
A trade war (``war_trade.n``) is a SANCTION (tariffs, CAMEO 163) between its two sides; ending one
is ``end_war.v`` (CONCEDE), and an agreement to end it an AGREE between the sides named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.datafiles import packaged_json, packaged_jsonl, read_jsonl
from dyad.errors import DyadError, Errors

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
POS = ("VERB", "NOUN", "ADJ")
DEFAULT_TARGETS = ("to", "with", "against", "on", "at")


@dataclass(frozen=True)
class Entry:
    id: str
    lemma: str
    pos: str
    type: str | None
    mode: str | None = None
    cameo: str | None = None
    prt: str | None = None
    prep: str | None = None
    obj: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    support: frozenset[str] = frozenset()
    of: str = "target"
    compound: str = "source"
    targets: tuple[str, ...] = DEFAULT_TARGETS
    inverse: bool = False
    role: str | None = None
    actor_object: dict[str, str] | None = None
    require_actor_object: bool = False
    require_person_object: bool = False
    governor_only: bool = False
    intransitive: bool = False
    subj: frozenset[str] = frozenset()
    theme_obj: bool = False
    require_object: bool = False
    subj_not: frozenset[str] = frozenset()
    comp: frozenset[str] = frozenset()
    actor_clause: bool = False
    kinds: tuple[tuple[str, str], ...] = ()

    @property
    def specificity(self) -> int:
        """How many constraints the entry carries: the most specific matching entry wins."""
        return sum(bool(x) for x in (self.prt, self.prep, self.obj, self.mods, self.support, self.subj, self.comp,
                                      self.actor_clause))


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    crosswalk: dict[str, Any] = field(default_factory=dict)
    people: frozenset[str] = frozenset()
    """Nouns for unnamed groups of people (``recipients.json``): a domestic recipient."""
    domestic_modes: frozenset[str] = frozenset()
    domestic_objects: frozenset[str] = frozenset()
    pressure_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    """Nouns for places: a national adjective on one makes no domestic recipient (``recipients.json``)."""
    """Nouns of pressure ("despite pressure by X"): whom a refusal rejects (``recipients.json``)."""
    support_verbs: frozenset[str] = frozenset()
    """Light verbs whose subject does a noun event (``grammar.json``)."""
    decision_verbs: frozenset[str] = frozenset()
    """Verbs announcing a decision: a future sanction below them stays a sanction (``grammar.json``)."""
    decision_modes: frozenset[str] = frozenset()
    """The SANCTION modes that rule covers."""
    enabling_verbs: frozenset[str] = frozenset()
    """Verbs whose purpose clause under a cooperative act is that act ("opened ... to allow")."""
    sending_verbs: frozenset[str] = frozenset()
    command_verbs: frozenset[str] = frozenset()
    """Verbs of command: an order to the source's own people is COERCE (``grammar.json``)."""
    """Verbs of sending people: "sent ... to investigate" is the investigation (``grammar.json``)."""
    form_cache: dict[tuple[int, int, str], list[Entry]] = field(default_factory=dict, repr=False, compare=False)
    """``triggers.candidates_of`` answers, by (lemma hash, lowercase form hash, part of speech)."""

    def candidates(self, lemma: str, pos: str) -> list[Entry]:
        return self.index.get((lemma, pos), [])

    def cameo_for(self, type_: str, mode: str | None) -> str | None:
        info = (self.crosswalk.get("types") or {}).get(type_) or {}
        if mode and mode in (info.get("modes") or {}):
            return str(info["modes"][mode])
        return info.get("cameo")

    def requires_target(self, type_: str) -> bool:
        info = (self.crosswalk.get("types") or {}).get(type_) or {}
        return bool(info.get("requires_target"))

    def weight(self, cameo: str | None) -> float | None:
        """The Goldstein-style weight of a CAMEO code's root, for analysis."""
        if not cameo:
            return None
        root = (self.crosswalk.get("roots") or {}).get(cameo[:2]) or {}
        w = root.get("weight")
        return float(w) if w is not None else None


def _entry(obj: dict[str, Any], where: str) -> Entry:
    try:
        eid, lemma, pos = str(obj["id"]), str(obj["lemma"]).lower(), str(obj.get("pos", "VERB")).upper()
    except KeyError as e:
        raise DyadError(Errors.E103, path=where, detail=f"lexicon entry without {e.args[0]!r}: {obj}") from e
    type_ = obj.get("type")
    if pos not in POS:
        raise DyadError(Errors.E103, path=where, detail=f"entry {eid}: pos must be one of {POS}")
    if type_ is not None and type_ not in PLOVER_TYPES:
        raise DyadError(Errors.E103, path=where, detail=f"entry {eid}: unknown PLOVER type {type_!r}")
    targets = obj.get("targets")
    return Entry(
        id=eid, lemma=lemma, pos=pos, type=type_, mode=obj.get("mode"), cameo=obj.get("cameo"),
        prt=obj.get("prt"), prep=obj.get("prep"),
        obj=frozenset(str(x).lower() for x in obj.get("obj") or ()),
        mods=frozenset(str(x).lower() for x in obj.get("mods") or ()),
        support=frozenset(str(x).lower() for x in obj.get("support") or ()),
        of=str(obj.get("of") or "target"),
        compound=str(obj.get("compound") or "source"),
        targets=tuple(targets) if targets is not None else DEFAULT_TARGETS,
        inverse=bool(obj.get("inverse")), role=obj.get("role"),
        actor_object=obj.get("actor_object"),
        require_actor_object=bool(obj.get("require_actor_object")),
        require_person_object=bool(obj.get("require_person_object")),
        governor_only=bool(obj.get("governor_only")),
        intransitive=bool(obj.get("intransitive")),
        subj=frozenset(str(x).lower() for x in obj.get("subj") or ()),
        theme_obj=bool(obj.get("theme_obj")),
        require_object=bool(obj.get("require_object")),
        subj_not=frozenset(str(x).lower() for x in obj.get("subj_not") or ()),
        comp=frozenset(str(x).lower() for x in obj.get("comp") or ()),
        actor_clause=bool(obj.get("actor_clause")),
        kinds=tuple((str(k).lower(), str(v)) for k, v in (obj.get("kinds") or {}).items()),
    )


def load_lexicon(user_file: str | Path | None = None) -> Lexicon:
    """The packaged lexicon plus ``user_file`` (entries with a known id replace the packaged ones)."""
    lex = Lexicon(crosswalk=dict(packaged_json("events/plover_cameo.json")))
    groups = packaged_json("events/recipients.json")
    lex.people = frozenset(groups.get("people") or ())
    lex.domestic_modes = frozenset(groups.get("domestic_modes") or ())
    lex.domestic_objects = frozenset(groups.get("domestic_objects") or ())
    lex.pressure_nouns = frozenset(groups.get("pressure_nouns") or ())
    lex.place_nouns = frozenset(groups.get("place_nouns") or ())
    grammar = packaged_json("events/grammar.json")
    lex.support_verbs = frozenset(grammar.get("support_verbs") or ())
    lex.decision_verbs = frozenset(grammar.get("decision_verbs") or ())
    lex.decision_modes = frozenset(grammar.get("decision_modes") or ())
    lex.enabling_verbs = frozenset(grammar.get("enabling_verbs") or ())
    lex.sending_verbs = frozenset(grammar.get("sending_verbs") or ())
    lex.command_verbs = frozenset(grammar.get("command_verbs") or ())
    for obj in packaged_jsonl("events/lexicon.jsonl"):
        e = _entry(obj, "events/lexicon.jsonl")
        lex.entries[e.id] = e
    if user_file:
        for obj in read_jsonl(user_file):
            e = _entry(obj, str(user_file))
            lex.entries[e.id] = e
    lex.support_verbs = lex.support_verbs | frozenset(s for e in lex.entries.values() for s in e.support)
    for e in lex.entries.values():
        if e.cameo is None and e.type:
            e = Entry(**{**e.__dict__, "cameo": lex.cameo_for(e.type, e.mode)})
            lex.entries[e.id] = e
        lex.index.setdefault((e.lemma, e.pos), []).append(e)
    for cands in lex.index.values():
        cands.sort(key=lambda x: -x.specificity)
    return lex
