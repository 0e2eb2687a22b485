"""Temporal expressions: find them in text and normalise them to TIMEX3-style values.

Modules, each with one concern::

    lexicon   the calendar and relative-time words (data files ``dyad/data/times/``), loaded once
    anchor    calendar arithmetic against an anchor (the publication date, at any precision)
    context   what the parse says about an expression: tense of its clause, entity types around it
    grammar   the patterns that find expressions and the rules that turn them into values
    infer     estimate a publication date from the absolute dates of a text

``dyad.pipeline.times`` (the ``dyad_times`` component) is the only caller inside dyad.
"""

from dyad.temporal.anchor import Anchor
from dyad.temporal.grammar import Grammar, TimeCandidate

__all__ = ["Anchor", "Grammar", "TimeCandidate"]
