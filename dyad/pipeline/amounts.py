"""The dyad_amounts component (placeholder until its issue lands): sets ``doc._.amounts``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class AmountsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.amounts = []
        return doc


@Language.factory("dyad_amounts", assigns=["doc._.amounts"])
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent(nlp, name)
