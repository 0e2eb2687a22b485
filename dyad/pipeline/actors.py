"""The dyad_actors component (placeholder until its issue lands): sets ``doc._.actors``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ActorsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = {}
        doc._.mentions = []
        return doc


@Language.factory(
    "dyad_actors", assigns=["doc._.actors", "doc._.mentions"], default_config={"actors_file": None}
)
def make_actors(nlp: Language, name: str, actors_file: str | None) -> ActorsComponent:
    return ActorsComponent(nlp, name)
