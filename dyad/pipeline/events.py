"""The dyad_events component: PLOVER-coded events (with CAMEO codes) into ``doc._.events``.

Reads ``doc._.mentions``/``doc._.actors`` (dyad_actors), ``doc._.times`` (dyad_times),
``doc._.places`` (dyad_places) and the parse; the coding itself lives in ``dyad.events``.
The lexicon (packaged + ``lexicon_file``) is compiled once, when the component is built.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.events.coder import EventCoder
from dyad.events.lexicon import load_lexicon


class EventsComponent:
    def __init__(self, nlp: Language, name: str, lexicon_file: str | None = None,
                 max_sentence_tokens: int = 200, domestic_statements: bool = False) -> None:
        self.name = name
        self.lexicon = load_lexicon(lexicon_file)
        self.coder = EventCoder(self.lexicon, max_sentence_tokens=max_sentence_tokens,
                                domestic_statements=domestic_statements)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.coder(doc)
        return doc


@Language.factory(
    "dyad_events",
    assigns=["doc._.events"],
    requires=["doc._.mentions", "doc._.actors"],
    default_config={"lexicon_file": None, "max_sentence_tokens": 200, "domestic_statements": False},
)
def make_events(nlp: Language, name: str, lexicon_file: str | None, max_sentence_tokens: int,
                domestic_statements: bool) -> EventsComponent:
    return EventsComponent(nlp, name, lexicon_file=lexicon_file, max_sentence_tokens=max_sentence_tokens,
                           domestic_statements=domestic_statements)
