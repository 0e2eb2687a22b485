"""The dyad_quotes component (placeholder until its issue lands): sets ``doc._.quotes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory(
    "dyad_quotes", assigns=["doc._.quotes"], default_config={"named_reported_speech_only": True}
)
def make_quotes(nlp: Language, name: str, named_reported_speech_only: bool) -> QuotesComponent:
    return QuotesComponent(nlp, name)
