"""``make demo``'s corpus part: ingest the example articles into a temporary SQLite store and print the
RUS–PRK briefing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from rich.console import Console
from rich.markdown import Markdown

from dyad.corpus.api import Corpus
from dyad.errors import DyadError


def brief_demo(paths: list[str], console: Console) -> int:
    from dyad.extraction import extract_records
    from dyad.io import iter_inputs

    with tempfile.TemporaryDirectory(prefix="dyad-demo-") as tmp:
        corpus = Corpus(f"sqlite:///{Path(tmp) / 'demo.db'}")
        try:
            # each example's metadata sidecar (story.meta.json) gives what the text does not say
            report = corpus.add_records(extract_records(iter_inputs(paths)))
            console.rule("[bold]corpus")
            console.print(f"{report.added} documents ingested, {report.errors} errors; "
                          + ", ".join(f"{k} {v}" for k, v in corpus.counts().items()))
            console.rule("[bold]RUS–PRK briefing")
            console.print(Markdown(corpus.brief("RUS", "PRK", "md")))
        except DyadError as e:
            console.print(f"[red]{e}[/]")
            return 1
        finally:
            corpus.close()
    return 0
