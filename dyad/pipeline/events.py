"""The dyad_events component (placeholder until its issue lands): sets ``doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory(
    "dyad_events",
    assigns=["doc._.events"],
    default_config={"lexicon_file": None, "max_sentence_tokens": 200},
)
def make_events(nlp: Language, name: str, lexicon_file: str | None, max_sentence_tokens: int) -> EventsComponent:
    return EventsComponent(nlp, name)
