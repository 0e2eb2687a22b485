"""Dates written in bylines and datelines, to ISO 8601 with their time zone.

"Sep 13, 2023, 04:09 PM IST" -> "2023-09-13T16:09:00+05:30"; "13 September 2023" ->
"2023-09-13"; "2019-11-18T23:03:00Z" -> "2019-11-18T23:03:00+00:00". Month names and zone
abbreviations come from ``dyad/data/clean/fields.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from dyad.datafiles import packaged_json


@dataclass(frozen=True)
class DatePatterns:
    regex: re.Pattern[str]
    months: dict[str, int]
    zones: dict[str, str]
    time_before: re.Pattern[str]


@cache
def date_patterns() -> DatePatterns:
    data: dict[str, Any] = packaged_json("clean/fields.json")
    months: dict[str, int] = {k.lower(): int(v) for k, v in data["months"].items()}
    zones: dict[str, str] = dict(data["zones"])
    mon = "|".join(sorted(months, key=len, reverse=True))
    zone = "|".join(re.escape(z) for z in sorted(zones, key=len, reverse=True))
    time = (
        r"(?:\s*,?\s*(?:at\s+|\|\s*|[-–—]\s*|T)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?"
        r"\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
        rf"(?:\s*\(?(?P<tz>(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|(?-i:{zone})(?![A-Za-z])|[+-]\d{{2}}:?\d{{2}}|Z)\)?)?)?"
    )
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    regex = re.compile(
        rf"(?i)(?<![\w])(?:"
        rf"(?P<mon1>{mon})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
        rf"|{day}\s+(?P<mon2>{mon})\.?,?\s+(?P<y2>\d{{4}})"
        rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
        rf"){time}"
    )
    before = re.compile(
        rf"(?i)(?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?P<ampm>[ap]\.?\s?m\.?)?"
        rf"(?:\s*(?P<tz>(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|(?-i:{zone})(?![A-Za-z])))?"
        rf"[\s,|]*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$"
    )
    return DatePatterns(regex=regex, months=months, zones=zones, time_before=before)


def _offset(tz: str, zones: dict[str, str]) -> timezone | None:
    tz = tz.strip()
    if tz in zones:
        tz = zones[tz]
    m = re.fullmatch(r"(?:GMT|UTC)?\s*([+-])\s*(\d{1,2}):?(\d{2})?", tz)
    if not m:
        return None
    sign = -1 if m.group(1) == "-" else 1
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _to_iso(m: re.Match[str], dp: DatePatterns) -> str | None:
    g = dict(m.groupdict())
    if g["h"] is None:
        # "9:04 AM EDT, Wed June 19, 2024": the time stands before the date
        t = dp.time_before.search(m.string[max(0, m.start() - 30) : m.start()])
        if t:
            g.update({k: v for k, v in t.groupdict().items()})
            g["s"] = None
    try:
        if g["y1"]:
            d = date(int(g["y1"]), dp.months[g["mon1"].lower()], int(g["d1"]))
        elif g["y2"]:
            d = date(int(g["y2"]), dp.months[g["mon2"].lower()], int(g["d"]))
        else:
            d = date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    except (ValueError, KeyError):
        return None
    if g["h"] is None:
        return d.isoformat()
    hour, minute, second = int(g["h"]), int(g["mi"]), int(g["s"] or 0)
    ampm = (g["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return d.isoformat()
    tz = _offset(g["tz"], dp.zones) if g["tz"] else None
    return datetime(d.year, d.month, d.day, hour, minute, second, tzinfo=tz).isoformat()


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO value) of every date written in ``text``."""
    dp = date_patterns()
    out: list[tuple[int, int, str]] = []
    for m in dp.regex.finditer(text):
        iso = _to_iso(m, dp)
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601, or None."""
    found = find_dates(text)
    return found[0][2] if found else None
