"""Test helper for the event coder: run the real pipeline, then set the actors by hand.

Like spaCy's own tests build ``Doc`` objects by hand, this pins ``doc._.mentions`` and
``doc._.actors`` (and optionally ``doc._.times``) so that event tests depend on the parse and the
coder only, not on the actor resolver's current coverage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.pipeline import lookup
from dyad.records import Actor, DocMeta, Event, Mention, TimeX

# surface -> (actor id, kind, country)
ActorSpec = dict[str, tuple[str, str, str | None]]

STATES: ActorSpec = {
    "Russia": ("RUS", "state", "RUS"), "Moscow": ("RUS", "state", "RUS"), "Russian": ("RUS", "state", "RUS"),
    "North Korea": ("PRK", "state", "PRK"), "Pyongyang": ("PRK", "state", "PRK"), "North Korean": ("PRK", "state", "PRK"),
    "Ukraine": ("UKR", "state", "UKR"), "China": ("CHN", "state", "CHN"), "Beijing": ("CHN", "state", "CHN"),
    "United States": ("USA", "state", "USA"), "US": ("USA", "state", "USA"), "Washington": ("USA", "state", "USA"),
    "Japan": ("JPN", "state", "JPN"), "South Korea": ("KOR", "state", "KOR"), "Iran": ("IRN", "state", "IRN"),
    "the United Nations": ("UN", "organization", "UN"), "France": ("FRA", "state", "FRA"), "Germany": ("DEU", "state", "DEU"),
    "Putin": ("putin", "person", "RUS"), "Kim": ("kim", "person", "PRK"), "Blinken": ("blinken", "person", "USA"),
    "Syria": ("SYR", "state", "SYR"), "Israel": ("ISR", "state", "ISR"), "Lebanon": ("LBN", "state", "LBN"),
}


def coded(nlp: Language, text: str, actors: ActorSpec | None = None, published: str | None = None,
          times: list[tuple[str, str]] | None = None) -> tuple[Doc, list[Event]]:
    """``text`` through the pipeline with the given actors (default ``STATES``), events re-coded."""
    actors = STATES if actors is None else actors
    doc = nlp.make_doc(text)
    doc._.meta = DocMeta(published=published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    mentions: list[Mention] = []
    taken: set[int] = set()
    for surface in sorted(actors, key=len, reverse=True):
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            boundary = (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())
            if boundary and not taken.intersection(range(start, end)):
                mentions.append(Mention(start, end, surface, actor_id=actors[surface][0]))
                taken.update(range(start, end))
            start = text.find(surface, end)
    doc._.mentions = sorted(mentions, key=lambda m: m.start)
    doc._.actors = {aid: Actor(id=aid, name=aid, kind=kind, country=country)
                    for aid, kind, country in actors.values()}
    for m in doc._.mentions:
        doc._.actors[m.actor_id].mentions.append(m)
    if times is not None:
        tx = []
        for surface, value in times:
            s = text.find(surface)
            tx.append(TimeX(s, s + len(surface), surface, value=value))
        doc._.times = tx
    lookup.reset(doc)
    doc = nlp.get_pipe("dyad_events")(doc)
    return doc, list(doc._.events or [])


def summary(events: list[Event], doc: Doc) -> list[tuple[str, str | None, str | None, str]]:
    """(type, source country, target country, status) per event."""
    acts = doc._.actors or {}

    def cc(aid: str | None) -> str | None:
        return acts[aid].country if aid in acts else None

    return [(e.type, cc(e.source), cc(e.target), e.status) for e in events]
