"""The briefing: a dyad analysis rendered as Markdown, HTML (with an inline SVG chart) or JSON.

Templates live in ``dyad/corpus/templates/`` (Jinja2, no language model): every line they print
carries the citations ``[article:sentence]`` the analysis attached, and a Sources list closes
the briefing.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from dyad.corpus.analysis import group_by_flow
from dyad.errors import DyadError, Errors

FORMATS = ("md", "html", "json")


def _cites(items: list[str]) -> str:
    return "".join(dict.fromkeys(items))


def _trunc(text: str | None, n: int = 160) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def _terms(entries: list[dict[str, Any]]) -> str:
    seen: list[str] = []
    for e in entries:
        for t in e.get("terms") or []:
            if t not in seen:
                seen.append(t)
    return ", ".join(seen[:8])


def _flows(ledger: list[dict[str, Any]]) -> list[tuple[tuple[str, str], dict[str, list[dict[str, Any]]]]]:
    return [(k, dict(v)) for k, v in group_by_flow(ledger).items()]


def _first_cite(sources: list[dict[str, Any]]) -> str:
    return f"[{sources[0]['seq']}:1]" if sources else ""


@cache
def _env(autoescape: bool) -> Environment:
    env = Environment(loader=PackageLoader("dyad.corpus", "templates"), trim_blocks=True, lstrip_blocks=True,
                      autoescape=select_autoescape(["html.j2"]) if autoescape else False, keep_trailing_newline=True)
    env.filters.update(cites=_cites, trunc=_trunc, terms=_terms, flows=_flows, first_cite=_first_cite)
    return env


def svg_chart(monthly: list[dict[str, Any]], width: int = 640, height: int = 220) -> Markup:
    """An inline SVG bar chart: cooperation above the axis, conflict below, one pair of bars per month."""
    if not monthly:
        return Markup('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="40" role="img" '
                      'aria-label="no dated incidents"><text x="4" y="24">No dated incidents.</text></svg>')
    pad_l, pad_b, pad_t = 36, 34, 10
    peak = max(max(m["cooperation"], m["conflict"]) for m in monthly) or 1.0
    plot_h = height - pad_b - pad_t
    mid = pad_t + plot_h / 2
    step = (width - pad_l - 8) / len(monthly)
    bar = max(4.0, min(28.0, step * 0.6))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="monthly cooperation and conflict">',
             f'<line x1="{pad_l}" y1="{mid:.1f}" x2="{width - 4}" y2="{mid:.1f}" stroke="#888"/>',
             f'<text x="2" y="{pad_t + 10}" font-size="10">+{peak:g}</text>',
             f'<text x="2" y="{height - pad_b}" font-size="10">−{peak:g}</text>']
    for i, m in enumerate(monthly):
        x = pad_l + i * step + (step - bar) / 2
        up = m["cooperation"] / peak * (plot_h / 2)
        down = m["conflict"] / peak * (plot_h / 2)
        title = escape(f"{m['month']}: cooperation {m['cooperation']:g}, conflict {m['conflict']:g}, "
                       f"score {m['score']:+g}")
        parts.append(f'<g><title>{title}</title>'
                     f'<rect x="{x:.1f}" y="{mid - up:.1f}" width="{bar:.1f}" height="{up:.1f}" fill="#2b7bb9"/>'
                     f'<rect x="{x:.1f}" y="{mid:.1f}" width="{bar:.1f}" height="{down:.1f}" fill="#c0392b"/></g>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - pad_b + 14}" font-size="10" '
                     f'text-anchor="middle">{escape(m["month"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def render(analysis: dict[str, Any], fmt: str = "md") -> str:
    """The briefing of an analysis (``dyad.corpus.analysis.analyse``) in ``fmt``: md, html or json."""
    if fmt == "json":
        return json.dumps(analysis, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _env(False).get_template("brief.md.j2").render(d=analysis)
    if fmt == "html":
        return _env(True).get_template("brief.html.j2").render(d=analysis, chart=svg_chart(analysis["monthly"]))
    raise DyadError(Errors.E305, what="format", value=fmt, choices=", ".join(FORMATS))
