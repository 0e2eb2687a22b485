"""``dyad ingest``, ``dyad dyad``, ``dyad brief``, ``dyad export``: the corpus commands over ``dyad.Corpus``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dyad.cli.common import err_console, fail, settings_from
from dyad.errors import DyadError, Errors

DB_HELP = "SQLAlchemy URL or SQLite file of the corpus (default: the 'db' setting, sqlite:///dyad.db)."


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("dyad")(dyad_command)
    app.command("brief")(brief_command)
    app.command("export")(export_command)


def _open(db: str | None):
    from dyad.corpus import Corpus

    settings = settings_from(db=db)
    try:
        return Corpus(settings.db)
    except DyadError as e:
        fail(e)
        raise  # unreachable


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .htm, .jsonl; folders recurse).")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) for plain files.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy English pipeline to use.")] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    replace: Annotated[bool, typer.Option(help="Extract stored articles again and replace their analyses.")] = False,
) -> None:
    """Extract articles and store them in the corpus (ingesting the same article again changes nothing)."""
    from dyad.pipeline import load

    settings = settings_from(db=db, model=model)
    corpus = _open(settings.db)
    try:
        nlp = load(settings=settings)
        report = corpus.ingest(paths, nlp=nlp, settings=settings, progress=progress, published=published,
                               replace=replace)
    except DyadError as e:
        fail(e)
        raise
    finally:
        corpus.close()
    replaced = f", {report.replaced} replaced" if replace else ""
    err_console.print(f"{report.added} added ({report.grouped} near-duplicates grouped), {report.unchanged} "
                      f"unchanged{replaced}, {report.errors} errors in {report.seconds:.1f}s -> {corpus.url}")
    if report.ok == 0 and report.errors:
        raise typer.Exit(2)


def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor: a code (RUS) or a name known to the corpus (Russia).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole analysis as JSON.")] = False,
) -> None:
    """The dyad's incident timeline, monthly quad counts and score, exchange ledger, statements, figures."""
    from rich.console import Console
    from rich.table import Table

    corpus = _open(db)
    try:
        result = corpus.dyad(a, b)
    except DyadError as e:
        fail(e)
        raise
    finally:
        corpus.close()
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(highlight=False)
    d = result["dyad"]
    console.rule(f"[bold]{d['a_name']} – {d['b_name']} ({d['a']}–{d['b']})")
    timeline = Table("when", "type", "direction", "place", "status", "sources", title="incidents")
    for i in result["incidents"]:
        arrow = "↔" if i["symmetric"] else "→"
        timeline.add_row(i["when"], i["type"], f"{i['source_name']} {arrow} {i['target_name']}",
                         i["location"] or "-", i["status"], "".join(i["cites"]))
    console.print(timeline)
    quads = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
    monthly = Table("month", "verb. coop", "mat. coop", "verb. confl", "mat. confl", "score", title="monthly")
    for m in result["monthly"]:
        monthly.add_row(m["month"], *[str(m["counts"].get(q, 0)) for q in quads], f"{m['score']:+.1f}")
    console.print(monthly)
    sc = result["score"]
    console.print(f"cooperation–conflict score {sc['total']:+.1f} (cooperation {sc['cooperation']}, "
                  f"conflict {sc['conflict']}; weights: {result['weights']['source']})")
    ledger = Table("flow", "category", "terms", "status", "source", title="exchange ledger")
    for x in result["ledger"]:
        status = x["status"] + (f", denied by {x['denied_by']} {x['denial_cite']}" if x["denied_by"] else "")
        ledger.add_row(f"{x['giver_name']} → {x['receiver_name']}", x["category"], ", ".join(x["terms"]), status,
                       x["cite"])
    console.print(ledger)
    quotes = Table("side", "speaker", "quote", "source", title="statements")
    for side in ("a", "b", "third"):
        for q in result["statements"][side]:
            label = d["a_name"] if side == "a" else d["b_name"] if side == "b" else "third party"
            quotes.add_row(label, q["speaker"] or "-", q["text"][:100], q["cite"])
    console.print(quotes)
    figures = Table("figure", "object", "claimed by", "source", title="key figures")
    for f in result["figures"]:
        figures.add_row(f["text"], f["object"] or "-", f["claimed_by"], f["cite"])
    console.print(figures)


def brief_command(
    a: Annotated[str, typer.Argument(help="First actor: a code or a name known to the corpus.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html or json.")] = "md",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """A cited briefing on a dyad: summary, timeline, what each side gets, who said what, disputes, figures."""
    corpus = _open(db)
    try:
        text = corpus.brief(a, b, fmt)
    except DyadError as e:
        fail(e)
        raise
    finally:
        corpus.close()
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def export_command(
    table: Annotated[str, typer.Option("--table", help="events, documents, quotes, amounts or incidents.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file (required for parquet).")] = None,
    partition_by: Annotated[str | None, typer.Option(
        "--partition-by", help="month: write a Parquet dataset directory (-o) with hive-style "
        "published_month=YYYY-MM/ partitions, for DuckDB and Spark.")] = None,
) -> None:
    """Export a corpus table as JSON Lines, CSV or Parquet (optionally partitioned by publication month)."""
    if partition_by is not None and (partition_by != "month" or fmt != "parquet" or output is None):
        fail(DyadError(Errors.E305, what="partitioning", value=f"--partition-by {partition_by} --format {fmt}",
                       choices="--partition-by month with --format parquet and -o DIRECTORY"))
    corpus = _open(db)
    try:
        if partition_by is not None:
            from dyad.corpus.parquet import write_partitioned

            n = sum(write_partitioned(corpus.store, table, str(output)).values())
        else:
            n = corpus.export(table, fmt, str(output) if output else None)
    except DyadError as e:
        fail(e)
        raise
    finally:
        corpus.close()
    err_console.print(f"{n} rows exported")
