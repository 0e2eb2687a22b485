"""The corpus: many articles stored, merged across documents, and analysed by dyad.

=============  ==========================================================================
module         owns
=============  ==========================================================================
``store``      SQLAlchemy models, engine setup (SQLite WAL/FTS5, PostgreSQL), schema version
``ingest``     records and files into the store, one transaction per document
``dedup``      document identity and near-duplicate groups (MinHash + LSH bands)
``merge``      events of different articles into incidents
``analysis``   one dyad: timeline, monthly quad counts and score, ledger, statements, figures
``brief``      the briefing (md / html / json) from templates
``export``     tables as DataFrames and JSON Lines / CSV / Parquet files
``api``        ``Corpus``: the Python API the CLI and the web API share
=============  ==========================================================================
"""

from dyad.corpus.api import Corpus

__all__ = ["Corpus"]
