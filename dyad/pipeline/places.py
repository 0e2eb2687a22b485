"""The dyad_places component (placeholder until its issue lands): sets ``doc._.places``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class PlacesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = []
        return doc


@Language.factory("dyad_places", assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
