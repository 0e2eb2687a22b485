"""The spaCy model with only the dyad_actors component (packaged dictionary), for the actor tests."""

from __future__ import annotations

import pytest
import spacy


@pytest.fixture(scope="session")
def actors_nlp():
    from dyad.pipeline import actors  # noqa: F401  (registers the factory)
    from dyad.pipeline.extensions import register_extensions
    from dyad.settings import Settings

    register_extensions()
    nlp = spacy.load(Settings().model)
    nlp.add_pipe("dyad_actors")
    return nlp
