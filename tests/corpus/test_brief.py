"""The briefing in its three formats: every content line cites, the HTML carries an SVG chart."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from dyad.corpus.brief import render, svg_chart
from dyad.errors import DyadError

CITE = re.compile(r"\[\d+:\d+\]")


@pytest.fixture
def analysis(corpus, summit_records):
    corpus.add_records(summit_records)
    return corpus.dyad("RUS", "PRK")


def test_markdown_every_content_line_cites(analysis):
    md = render(analysis, "md")
    lines = [ln for ln in md.splitlines() if ln.startswith(("- ", "| 20"))]
    body = [ln for ln in lines if not ln.startswith("- [")]  # the source list itself
    assert body and all(CITE.search(ln) for ln in body), [ln for ln in body if not CITE.search(ln)]
    assert "## Sources" in md and "- [1] Kim and Putin meet at the cosmodrome" in md
    assert "**denied by North Korea**" in md
    assert "12–13 Sep 2023" in md and "19 Jun 2024" in md


def test_html_is_well_formed_with_svg_chart(analysis):
    html = render(analysis, "html")

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    p = Tags()
    p.feed(html)
    assert "svg" in p.tags and p.tags.count("rect") == 2 * len(analysis["monthly"])
    assert "<script" not in html
    assert "denied by North Korea" in html


def test_html_escapes_article_text(analysis):
    analysis["incidents"][0]["headline"] = "<script>alert(1)</script>"
    assert "<script>alert" not in render(analysis, "html")


def test_json_round_trips(analysis):
    data = json.loads(render(analysis, "json"))
    assert data["dyad"]["a"] == "RUS" and data["incidents"] and data["sources"]


def test_unknown_format():
    with pytest.raises(DyadError):
        render({}, "pdf")


def test_empty_chart():
    assert "No dated incidents" in svg_chart([])
