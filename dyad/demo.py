"""``make demo``: extract the bundled example articles and print what dyad found.

When the corpus store is available it also ingests them and prints the RUS–PRK briefing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def summarise(records: list[dict], console: Console) -> None:
    for rec in records:
        if "error" in rec:
            console.print(f"[red]{rec['error']['message']}[/]")
            continue
        console.rule(f"[bold]{rec.get('title') or rec['source'].get('path')}")
        console.print(f"outlet: {rec.get('outlet')}  published: {rec.get('published')} "
                      f"({rec.get('published_basis')})  authors: {', '.join(rec.get('authors') or []) or '-'}")
        names = {a["id"]: a["name"] for a in rec["actors"]}
        table = Table("type", "source", "target", "date", "status", "evidence", title="events")
        for ev in rec["events"]:
            table.add_row(ev["type"], names.get(ev["source"] or "", "-"), names.get(ev["target"] or "", "-"),
                          ev.get("date") or "-", ev["status"], ev["evidence"]["text"][:80])
        console.print(table)
        quotes = Table("speaker", "quote", "via", title="quotes")
        for q in rec["quotes"]:
            quotes.add_row(q.get("speaker_name") or "-", q["text"][:90], ", ".join(q.get("via") or []))
        console.print(quotes)
        amounts = Table("value", "object", "qualifier", "text", title="amounts")
        for a in rec["amounts"]:
            amounts.add_row(str(a["value"]), a.get("object") or "-", a.get("qualifier") or "-", a["text"])
        console.print(amounts)
        console.print(f"{len(rec['actors'])} actors, {len(rec['times'])} time expressions, "
                      f"{len(rec.get('places') or [])} places, {len(rec.get('dropped') or [])} lines dropped")


def main() -> int:
    from dyad.extraction import extract_records
    from dyad.io import iter_inputs

    console = Console()
    paths = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    records = list(extract_records(iter_inputs(paths)))
    summarise(records, console)
    try:
        from dyad.corpus.demo import brief_demo
    except ModuleNotFoundError:
        return 0
    return brief_demo(paths, console)


if __name__ == "__main__":
    sys.exit(main())
