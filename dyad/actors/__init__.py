"""Actor resolution logic behind the ``dyad_actors`` component (``dyad.pipeline.actors``).

``dictionary`` loads and indexes the actor files (and a user's file), ``agents`` the agent nouns
and titles, ``matcher`` finds candidate mentions, ``context`` infers a country and role from the
words around a name, ``coref`` links short forms to full names, and ``resolve`` puts these
together for one document.
"""
