"""The dyad_times component (placeholder until its issue lands): sets ``doc._.times``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class TimesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc


@Language.factory("dyad_times", assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent(nlp, name)
