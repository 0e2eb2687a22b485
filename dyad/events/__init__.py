"""The event coder's parts: lexicon, triggers, arguments, status, dating, explanation.

``dyad.pipeline.events`` assembles them into the ``dyad_events`` spaCy component; each module here
owns one question (which words are events, who did it to whom, how the article holds it, when
and where) and reads only the parse and the earlier stages' ``Doc._`` values.
"""
