"""Metadata found in the page text itself: title, authors, outlet, published date, dateline.

One function per field, each reading the lines the cleaner dropped (title, byline, furniture)
and the first body line (dateline). Outlet cues ("Discover more from X", "WATCH X LIVE",
"© 2024 X", "(Reuters) -") are patterns in ``dyad/data/clean/outlets.json``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from dyad.clean import patterns as P
from dyad.clean.cleaner import Cleaned
from dyad.clean.dates import find_dates
from dyad.datafiles import packaged_json

NAME_MAX_WORDS = 5
FOOTER_BYLINE_CHARS = 300  # a credit line right after the body ("Reporting by ...") still counts
# "By Simone McCarthy, CNN": a short all-capitals token after a name is the outlet, not an author
_AGENCY_CODE = re.compile(r"[A-Z]{2,6}")
# job titles that follow a byline name ("Meg James Staff Writer")
_ROLE = re.compile(
    r"(?i)[\s,]+(?:senior |chief |special |foreign |political |staff |deputy |associate |contributing )*"
    r"(?:staff writer|writer|correspondent|reporter|editor|contributor|columnist|journalist|bureau chief|analyst)s?$"
)


@cache
def _outlet_patterns() -> tuple[re.Pattern[str], ...]:
    data: dict[str, Any] = packaged_json("clean/outlets.json")
    return tuple(re.compile(p) for p in data["patterns"])


@cache
def _datelines() -> tuple[re.Pattern[str], ...]:
    data: dict[str, Any] = packaged_json("clean/outlets.json")
    return tuple(re.compile(p) for p in data["datelines"])


def clean_name(text: str) -> str:
    """A name without emoji, symbols and stray punctuation at its ends ("Divya Bharat 🇮🇳" -> "Divya Bharat")."""
    if re.match(r"(?i)^\s*(?:https?://|www\.)", text):
        text = re.sub(r"(?i)^\s*(?:https?://)?(?:www\.)?", "", text).split("/")[0]
    kept = "".join(ch for ch in text if not unicodedata.category(ch).startswith(("S", "C")))
    kept = re.sub(r"\s+", " ", kept.replace("\u00a0", " "))
    return kept.strip(" .,;:|-–—!?'\"“”‘’()[]")


def _dropped(cleaned: Cleaned, reason: str) -> list[str]:
    return [d["text"] for d in cleaned.dropped if d.get("reason") == reason]


def find_title(cleaned: Cleaned) -> str | None:
    """The dropped title line, without a trailing ' | Site' when a shorter repetition exists."""
    titles = _dropped(cleaned, "title")
    if not titles:
        return None
    shortest = min(titles, key=len)
    if shortest != titles[0]:
        return shortest.strip()
    return P.strip_site_suffix(titles[0])


def _split_names(text: str) -> list[str]:
    text = re.split(r"\s+[|•·]\s+|\s[-–—]\s", text)[0]
    parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*;\s*", text)
    out: list[str] = []
    for part in parts:
        name = _ROLE.sub("", clean_name(part)).strip()
        words = name.split()
        if 1 <= len(words) <= NAME_MAX_WORDS and all(w[:1].isupper() for w in words) and not find_dates(name):
            out.append(name)
    return out


def find_authors(lines: list[str]) -> list[str]:
    """Names after an author label ("Written By: X", "By X and Y", "Author: X") in byline lines."""
    authors: list[str] = []
    for line in lines:
        for kind, value in P.split_fields(line):
            if kind == "authors":
                authors.extend(n for n in _split_names(value) if n not in authors)
    return authors


def find_published(lines: list[str]) -> str | None:
    """The published date, else the updated date, else the first date of a byline line (ISO 8601)."""
    by_kind: dict[str, str] = {}
    for line in lines:
        for kind, value in P.split_fields(line):
            dates = find_dates(value)
            if dates:
                by_kind.setdefault(kind, dates[0][2])
    for kind in ("published", "updated", "lead", "authors"):
        if kind in by_kind:
            return by_kind[kind]
    return None


def find_outlet(raw_lines: list[str], title: str | None) -> str | None:
    """The outlet named by a promotion or copyright line, else a title's site suffix, else a wire dateline."""
    for pattern in _outlet_patterns():
        for line in raw_lines:
            m = pattern.search(line)
            if m:
                name = clean_name(m.group("outlet"))
                if name and len(name.split()) <= 6:
                    return name
    if title:
        site = P.site_suffix(title)
        if site:
            return clean_name(site)
    return None


def find_dateline(byline_lines: list[str], first_body: str | None) -> tuple[str | None, str | None]:
    """(place, agency): "SEOUL (Reuters) -" -> ("Seoul", "Reuters"); a byline's lead "Moscow, Russia"."""
    for pattern in _datelines() if first_body else ():
        m = pattern.match(first_body or "")
        if not m:
            continue
        place = (m.groupdict().get("place") or "").strip(" ,")
        if place.isupper():
            place = place.title()
        agency = m.groupdict().get("agency")
        if place or agency:
            return place or None, clean_name(agency) if agency else None
    for line in byline_lines:
        fields = P.split_fields(line)
        if len(fields) >= 2 and fields[0][0] == "lead":
            lead = clean_name(fields[0][1])
            words = lead.replace(",", " ").split()
            if 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not find_dates(lead):
                return lead, None
    return None, None


def _near_body(raw: str, cleaned: Cleaned, lines: list[str]) -> list[str]:
    """The lines that stand before the end of the body or just after it (not bylines of a footer's links)."""
    if not cleaned.kept_lines:
        return lines
    last = cleaned.kept_lines[-1]
    limit = raw.rfind(last) + len(last) + FOOTER_BYLINE_CHARS
    return [line for line in lines if 0 <= raw.find(line) <= limit]


def find_metadata(raw: str, cleaned: Cleaned) -> dict[str, Any]:
    """title, authors, outlet, published (ISO 8601 with zone when written), dateline, when found."""
    out: dict[str, Any] = {}
    raw_lines = [t.strip() for t in raw.splitlines() if t.strip()]
    title = find_title(cleaned)
    if title:
        out["title"] = title
    bylines = _near_body(raw, cleaned, _dropped(cleaned, "byline"))
    authors = [a for a in find_authors(bylines) if not _AGENCY_CODE.fullmatch(a)]
    if authors:
        out["authors"] = authors
    published = find_published(bylines)
    if published:
        out["published"] = published
    first_body = cleaned.kept_lines[0] if cleaned.kept_lines else None
    place, agency = find_dateline(bylines, first_body)
    if place:
        out["dateline"] = place
    titles = _dropped(cleaned, "title")
    outlet = find_outlet(raw_lines, titles[0] if titles else None) or agency
    if outlet:
        out["outlet"] = outlet
    return out
