"""Amounts: numbers with what they count, their unit, qualifier, rate and claimant.

``finder.extract_amounts`` is the entry point (used by ``dyad.pipeline.amounts``); ``numbers``
reads a number at a token, ``objects`` finds what a figure counts from the dependency parse,
``claims`` who claims it, ``context`` the qualifier before a number and what makes it no amount,
``lexicon`` loads the words of ``dyad/data/amounts/lexicon.json``.
"""
