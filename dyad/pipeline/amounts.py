"""The dyad_amounts component: sets ``doc._.amounts`` (figures with unit, object, qualifier, rate,
claimant).

Reads ``doc._.quotes`` (``dyad_quotes``) and ``doc._.mentions`` (``dyad_actors``) to find who
claims a figure; the work is done in ``dyad.amounts``; words live in
``dyad/data/amounts/lexicon.json``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.amounts.finder import extract_amounts
from dyad.amounts.lexicon import load_lexicon
from dyad.quotes.lexicon import load_lexicon as load_quote_lexicon


class AmountsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = load_lexicon()
        self.quote_lexicon = load_quote_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.amounts = extract_amounts(doc, self.lexicon, self.quote_lexicon)
        return doc


@Language.factory("dyad_amounts", assigns=["doc._.amounts"], requires=["doc._.quotes"])
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent(nlp, name)
