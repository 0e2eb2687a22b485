"""dyad.clean.prepare: cleaning and metadata of one input record; given metadata wins."""

from __future__ import annotations

import pytest

from dyad.clean import prepare
from dyad.errors import DyadError, Errors
from dyad.io.readers import InputRecord

PARAS = [
    "The foreign ministers of the two countries met in the capital on Monday to discuss trade, energy and security.",
    "Officials said the talks covered energy supplies, border crossings and a new fisheries agreement for the coast.",
    "Both sides agreed to meet again in the spring, according to a joint statement released after the meeting ended.",
]
PAGE = (
    '<html><head><meta property="og:site_name" content="Globe Daily">'
    '<meta property="article:published_time" content="2024-03-02T10:15:00Z"></head><body>'
    '<nav><a href="/">Home</a></nav><article><h1>Ministers meet</h1>'
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article></body></html>"
)

RAW = (
    "Ministers meet to discuss trade and security\n\n"
    "Lisbon, PortugalWritten By: Ana CostaUpdated: Mar 02, 2024, 10:15 AM CET\n\n"
    "The foreign ministers of the two countries met in the capital on Monday to discuss trade and security.\n\n"
    "Officials said the talks covered energy supplies, border crossings and a new fisheries agreement.\n\n"
    "Discover more from Globe Daily 🇵🇹"
)


def test_text_record_metadata_from_text():
    text, meta = prepare(InputRecord(id="a", text=RAW))
    assert text.startswith("The foreign ministers") and text.endswith("fisheries agreement.")
    assert meta.title == "Ministers meet to discuss trade and security"
    assert meta.authors == ["Ana Costa"]
    assert meta.outlet == "Globe Daily"
    assert meta.published == "2024-03-02T10:15:00+01:00"
    assert meta.published_basis == "text"
    assert meta.dateline == "Lisbon, Portugal"
    assert meta.language == "en"
    assert {d["reason"] for d in meta.dropped} >= {"title", "byline", "boilerplate"}


def test_given_metadata_wins():
    record = InputRecord(id="a", text=RAW, meta={"published": "2024-03-01", "outlet": "Wire", "title": "T"})
    _, meta = prepare(record)
    assert (meta.published, meta.published_basis, meta.outlet, meta.title) == ("2024-03-01", "given", "Wire", "T")


def test_html_record():
    text, meta = prepare(InputRecord(id="h", html=PAGE))
    assert all(p in text for p in PARAS)
    assert meta.outlet == "Globe Daily"
    assert (meta.published, meta.published_basis) == ("2024-03-02T10:15:00+00:00", "text")


def test_html_without_article_is_e006():
    with pytest.raises(DyadError) as err:
        prepare(InputRecord(id="h", html="<html><body><nav>Home</nav></body></html>"))
    assert err.value.code is Errors.E006


def test_nothing_left_after_cleaning_is_e011():
    with pytest.raises(DyadError) as err:
        prepare(InputRecord(id="e", text="Home\nNews\nShare\nAdvertisement\n© 2024 Globe Media"))
    assert err.value.code is Errors.E011


def test_non_english_text_is_flagged():
    raw = "Le président a déclaré lundi que les discussions avec le pays voisin étaient utiles pour la paix et la sécurité."
    _, meta = prepare(InputRecord(id="f", text=raw))
    assert meta.language == "fr"
    assert meta.warnings and meta.warnings[0]["code"] == "E010"


def test_seed_articles(example_paths):
    for path in example_paths:
        text, meta = prepare(InputRecord(id=path.name, text=path.read_text(encoding="utf-8")))
        assert "Discover more from" not in text and "WATCH" not in text
        assert meta.outlet in ("Divya Bharat", "WION")
