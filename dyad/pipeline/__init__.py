"""Build the spaCy pipeline: a named English model plus dyad's components, once per process.

Component order (each reads what the earlier ones assign; see ``extensions``)::

    dyad_segments (before the parser: paragraph and dateline sentence starts), then after the model:
    dyad_actors -> dyad_times -> dyad_places -> dyad_quotes -> dyad_amounts -> dyad_events

Any spaCy English pipeline with a parser and an entity recogniser can be named instead of the
default model (``Settings.model``, ``--model``, ``DYAD_MODEL``), e.g. ``en_core_web_trf``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from dyad.errors import DyadError, Errors
from dyad.pipeline.extensions import register_extensions

if TYPE_CHECKING:
    from spacy.language import Language

    from dyad.settings import Settings

COMPONENTS = ("dyad_actors", "dyad_times", "dyad_places", "dyad_quotes", "dyad_amounts", "dyad_events")

_CACHE: dict[tuple[object, ...], Language] = {}
_LOCK = threading.Lock()


def _register_factories() -> None:
    # Importing the modules registers their factories with spaCy.
    from dyad.pipeline import (  # noqa: F401
        actors,
        amounts,
        events,
        places,
        quotes,
        segments,
        times,
    )


def component_config(name: str, settings: Settings) -> dict[str, object]:
    if name == "dyad_actors":
        return {"actors_file": str(settings.actors_file) if settings.actors_file else None}
    if name == "dyad_events":
        return {
            "lexicon_file": str(settings.lexicon_file) if settings.lexicon_file else None,
            "max_sentence_tokens": settings.max_sentence_tokens,
            "domestic_statements": settings.domestic_statements,
        }
    if name == "dyad_quotes":
        return {"named_reported_speech_only": settings.named_reported_speech_only}
    return {}


def build(settings: Settings) -> Language:
    """Load ``settings.model`` and add dyad's components (no caching)."""
    import spacy

    register_extensions()
    _register_factories()
    try:
        nlp = spacy.load(settings.model)
    except (OSError, ImportError, ValueError) as e:
        raise DyadError(Errors.E101, model=settings.model, detail=str(e).splitlines()[0]) from e
    if nlp.lang != "en":
        raise DyadError(Errors.E104, model=settings.model, lang=nlp.lang)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyad_segments", before="parser")
    for name in COMPONENTS:
        nlp.add_pipe(name, config=component_config(name, settings))
    return nlp


def load(model: str | None = None, settings: Settings | None = None) -> Language:
    """The pipeline for ``model`` (default: the settings' model), built once per process."""
    from dyad.settings import load_settings

    settings = settings or load_settings()
    if model:
        settings = settings.with_overrides(model=model)
    # every setting a component is built with is part of the key (not only the model and files)
    key = (settings.model, tuple((name, tuple(sorted(component_config(name, settings).items())))
                                 for name in COMPONENTS))
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None:
            nlp = _CACHE[key] = build(settings)
    return nlp
