"""The dyad_quotes component: sets ``doc._.quotes`` (direct quotes and reported speech with speakers).

Reads ``doc._.mentions``/``doc._.actors`` (``dyad_actors``) to turn speakers into actor ids; the
work is done in ``dyad.quotes`` (marks, cues, speakers, reported speech); cue words live in
``dyad/data/quotes/cues.json``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.quotes.finder import extract_quotes
from dyad.quotes.lexicon import load_lexicon


class QuotesComponent:
    def __init__(self, nlp: Language, name: str, named_reported_speech_only: bool = True) -> None:
        self.name = name
        self.named_reported_speech_only = named_reported_speech_only
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc, self.lexicon, self.named_reported_speech_only)
        return doc


@Language.factory(
    "dyad_quotes", assigns=["doc._.quotes"], default_config={"named_reported_speech_only": True}
)
def make_quotes(nlp: Language, name: str, named_reported_speech_only: bool) -> QuotesComponent:
    return QuotesComponent(nlp, name, named_reported_speech_only)
