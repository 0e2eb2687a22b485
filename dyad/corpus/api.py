"""``dyad.Corpus``: the Python face of the corpus store (the CLI and the web API call the same methods).

    corpus = dyad.Corpus("sqlite:///dyad.db")      # or a path, or None for the configured default
    corpus.ingest(["articles/"])                    # extract and store files and folders
    corpus.events()                                 # pandas DataFrame
    corpus.brief("Russia", "North Korea", "md")     # the briefing
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dyad.corpus import analysis, brief, export
from dyad.corpus.ingest import IngestReport, ingest_paths, ingest_records
from dyad.corpus.merge import rebuild_incidents
from dyad.corpus.store import Store

if TYPE_CHECKING:
    import pandas as pd


class Corpus:
    """A corpus store at ``url`` (SQLAlchemy URL or SQLite path), created on first use."""

    def __init__(self, url: str | None = None) -> None:
        self.store = Store(url).init()
        self.url = self.store.url

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # writing
    def ingest(self, paths: Iterable[str], *, nlp: Any = None, settings: Any = None, progress: bool = False,
               replace: bool = False, **meta: Any) -> IngestReport:
        """Extract and store files and folders (``.txt``, ``.html``, ``.jsonl``); ``replace`` re-extracts
        articles already stored and replaces their analyses (same article number, same group)."""
        return ingest_paths(self.store, [str(p) for p in paths], nlp=nlp, settings=settings, progress=progress,
                            replace=replace, **meta)

    def add_records(self, records: Iterable[dict[str, Any]], replace: bool = False) -> IngestReport:
        """Store already extracted ``dyad.document/1`` records (and error records)."""
        return ingest_records(self.store, records, replace=replace)

    def rebuild_incidents(self) -> int:
        with self.store.session() as s:
            return rebuild_incidents(s)

    # reading
    def counts(self) -> dict[str, int]:
        return self.store.count_rows()

    def resolve(self, name: str) -> str:
        return analysis.resolve(self.store, name)

    def dyad(self, a: str, b: str) -> dict[str, Any]:
        return analysis.analyse(self.store, a, b)

    def brief(self, a: str, b: str, fmt: str = "md") -> str:
        return brief.render(self.dyad(a, b), fmt)

    def search(self, query: str, table: str = "documents", limit: int = 20) -> list[dict[str, Any]]:
        return self.store.search(query, table, limit)

    def rows(self, table: str, *, limit: int | None = None, offset: int = 0, **filters: Any) -> list[dict[str, Any]]:
        """Rows of ``table`` as dicts; filters per table in ``dyad.corpus.export.FILTERS``."""
        return list(export.iter_rows(self.store, table, limit=limit, offset=offset, **filters))

    def frame(self, table: str) -> pd.DataFrame:
        return export.dataframe(self.store, table)

    def events(self) -> pd.DataFrame:
        return self.frame("events")

    def documents(self) -> pd.DataFrame:
        return self.frame("documents")

    def quotes(self) -> pd.DataFrame:
        return self.frame("quotes")

    def amounts(self) -> pd.DataFrame:
        return self.frame("amounts")

    def incidents(self) -> pd.DataFrame:
        return self.frame("incidents")

    def export(self, table: str, fmt: str, output: str | None = None) -> int:
        return export.write(self.store, table, fmt, output)
