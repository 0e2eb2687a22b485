"""dyad.clean.html: article text and meta tags from a page; a page with no article is E006."""

from __future__ import annotations

import pytest

from dyad.clean.html import html_to_text
from dyad.errors import DyadError, Errors

PARAS = [
    "The foreign ministers of the two countries met in the capital on Monday to discuss trade, energy and security.",
    "Officials said the talks covered energy supplies, border crossings and a new fisheries agreement for the coast.",
    "Both sides agreed to meet again in the spring, according to a joint statement released after the meeting ended.",
]

PAGE = f"""<!doctype html><html><head><title>Ministers meet | Globe Daily</title>
<meta property="og:site_name" content="Globe Daily">
<meta property="og:title" content="Ministers meet to discuss trade">
<meta property="article:published_time" content="2024-03-02T10:15:00+01:00">
<meta name="author" content="Ana Costa">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Ministers meet to discuss trade</h1>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<footer><p>© 2024 Globe Media. All rights reserved.</p></footer>
</body></html>"""


def test_article_text_and_meta_tags():
    text, meta = html_to_text(PAGE)
    for p in PARAS:
        assert p in text
    assert "Home" not in text.split("\n")
    assert meta["outlet"] == "Globe Daily"
    assert meta["title"] == "Ministers meet to discuss trade"
    assert meta["published"] == "2024-03-02T10:15:00+01:00"
    assert meta["authors"] == ["Ana Costa"]


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "",
    ],
)
def test_page_without_article_is_e006(html):
    with pytest.raises(DyadError) as err:
        html_to_text(html)
    assert err.value.code is Errors.E006
