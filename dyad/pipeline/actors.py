"""The dyad_actors component: finds actor mentions and resolves them (``doc._.actors``, ``doc._.mentions``).

The logic lives in ``dyad.actors`` (dictionary, matcher, context inference, short forms); this
module compiles it once per pipeline and runs it per document. The article's date
(``doc._.meta.published_date``) decides who holds an office and whether a person is coded GOV;
without one, the latest year the text names as a date stands in (``text_year``).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.agents import AgentLexicon
from dyad.actors.communities import CommunityLexicon
from dyad.actors.context import Provinces
from dyad.actors.dictionary import ActorDictionary
from dyad.actors.matcher import ActorMatcher
from dyad.actors.resolve import Resolver
from dyad.records import DocMeta


@lru_cache(maxsize=8)
def knowledge(actors_file: str | None) -> tuple[ActorDictionary, AgentLexicon, CommunityLexicon, Provinces]:
    """The dictionary, agent lexicon, communities and regions, read once per process (per user file)."""
    return (ActorDictionary.load(Path(actors_file) if actors_file else None), AgentLexicon.load(),
            CommunityLexicon.load(), Provinces.load())


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, actors_file: str | None = None) -> None:
        self.name = name
        self.dictionary, self.agents, communities, provinces = knowledge(actors_file)
        self.matcher = ActorMatcher(nlp, self.dictionary, self.agents)
        self.resolver = Resolver(self.matcher, self.dictionary, self.agents, communities, provinces)

    def __call__(self, doc: Doc) -> Doc:
        meta: DocMeta | None = doc._.meta
        if len(doc) == 0:
            doc._.actors, doc._.mentions = {}, []
            return doc
        on = meta.published_date if meta is not None else None
        if on is None:
            on = text_year(doc)
        authors = list(meta.authors) if meta is not None else []
        doc._.actors, doc._.mentions = self.resolver.resolve(doc, on, authors)
        return doc


def text_year(doc: Doc) -> date | None:
    """Mid-year of the latest absolute year in the text's date expressions ("in March 1989"), not
    later than this year: the role date of an undated article. None when the text names no year."""
    this_year = date.today().year
    years = [int(t.text) for ent in doc.ents if ent.label_ == "DATE" for t in ent
             if len(t.text) == 4 and t.text.isdigit() and 1900 <= int(t.text) <= this_year]
    return date(max(years), 7, 1) if years else None


@Language.factory(
    "dyad_actors", assigns=["doc._.actors", "doc._.mentions"], default_config={"actors_file": None}
)
def make_actors(nlp: Language, name: str, actors_file: str | None) -> ActorsComponent:
    return ActorsComponent(nlp, name, actors_file)
