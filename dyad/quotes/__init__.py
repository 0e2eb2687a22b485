"""Quotes and reported speech: quotation marks, cue verbs, speakers, relay chains.

``finder.extract_quotes`` is the entry point (used by ``dyad.pipeline.quotes``); ``marks`` finds
quoted stretches in raw text, ``direct`` tells speech from labels and finds the cue, ``speakers``
names and resolves speakers, ``reported`` finds reported speech, ``lexicon`` loads the cue words.
"""
