"""The ``Doc._`` extensions dyad's components read and write: the contract between stages.

=================  =====================================  ==================
extension          value                                  set by
=================  =====================================  ==================
``doc._.meta``     ``DocMeta`` (given + cleaned metadata)  ``dyad.extract``
``doc._.actors``   ``dict[str, Actor]`` by actor id        ``dyad_actors``
``doc._.mentions`` ``list[Mention]`` sorted by start       ``dyad_actors``
``doc._.times``    ``list[TimeX]``                         ``dyad_times``
``doc._.places``   ``list[Place]``                         ``dyad_places``
``doc._.quotes``   ``list[Quote]``                         ``dyad_quotes``
``doc._.amounts``  ``list[Amount]``                        ``dyad_amounts``
``doc._.events``   ``list[Event]``                         ``dyad_events``
=================  =====================================  ==================
"""

from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS = ("meta", "actors", "mentions", "times", "places", "quotes", "amounts", "events")


def register_extensions() -> None:
    """Register every extension once (idempotent). Defaults are ``None``: a stage that did not
    run leaves its extension unset, and ``dyad.serialize`` writes an empty list."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_TEXT_KEY = "dyad.text"


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a ``Doc`` was made from as its ``doc_text`` (spaCy's tokenizer never alters
    text, so ``doc.text == text``); saves joining the tokens again."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document and shared by the components (spaCy joins the
    tokens again on every access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
