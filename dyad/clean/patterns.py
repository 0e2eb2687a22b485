"""Compiled cue patterns of page furniture (built once per process from ``dyad/data/clean/``).

``cues()`` answers "is this line navigation / promotion / an end-of-article marker / a photo
caption?"; ``is_byline`` and ``split_fields`` read byline and date fields, glued or not
("Moscow, RussiaWritten By: X Updated: ..."), from the field labels in ``fields.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from dyad.datafiles import packaged_json

WORD = re.compile(r"\w+", re.UNICODE)
CLOSERS = " \t\u00a0\"'”’»)]}*」』"
TERMINALS = ".!?…。！？"
QUOTE_ATTRIBUTION = re.compile(r"[,.!?…][\"”’']\s+\S")
SITE_SEPARATORS = re.compile(r"\s+[|\-–—:•·»]\s+")


@cache
def stopwords(lang: str) -> frozenset[str]:
    data: dict[str, Any] = packaged_json("clean/stopwords.json")
    return frozenset(data.get(lang, []))


PHRASE_TOKEN = re.compile(r"[\w'’@#]+|[:|©]")


@lru_cache(maxsize=4096)
def _phrase_key(text: str) -> str:
    """Lower-cased words of a line joined by single spaces (punctuation kept only for ':' and '|').

    Cached: each line is asked about by several cues in turn."""
    return " ".join(PHRASE_TOKEN.findall(text.lower().replace("’", "'")))


def _alt(phrases: list[str]) -> str:
    keys = sorted({_phrase_key(p) for p in phrases if _phrase_key(p)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


@dataclass(frozen=True)
class Cues:
    whole: frozenset[str]
    end: frozenset[str]
    box: frozenset[str]
    prefix: re.Pattern[str]
    anywhere: re.Pattern[str]
    patterns: re.Pattern[str]
    """The line patterns of ``cues.json``, as one alternation."""
    cap_prefix: re.Pattern[str]
    cap_inside: re.Pattern[str]
    cap_suffix: re.Pattern[str]
    cap_exact: re.Pattern[str]
    cue_max: int
    prefix_max: int
    caption_max: int

    def is_end_marker(self, text: str, words: list[str]) -> bool:
        """A heading that opens the page's footer: related links, comments, tags, share bar."""
        return len(words) <= 6 and _phrase_key(text).rstrip(" :") in self.end

    def is_boilerplate(self, text: str, words: list[str]) -> bool:
        key = _phrase_key(text)
        if key.rstrip(" :|") in self.whole or not words:
            return True
        low = text.strip().lower()
        if self.patterns.search(low):
            return True
        if len(words) <= self.prefix_max and self.prefix.match(key):
            return True
        return len(words) <= self.cue_max and bool(self.anywhere.search(key))

    def is_box_label(self, text: str) -> bool:
        """A label over inline links inside an article ("Also Read", "Related stories")."""
        return _phrase_key(text).rstrip(" :|") in self.box

    def is_caption(self, text: str, words: list[str]) -> bool:
        if len(words) > self.caption_max:
            return False
        key = _phrase_key(text)
        low = text.lower()
        return bool(
            self.cap_prefix.match(key)
            or self.cap_inside.search(low)
            or self.cap_suffix.search(low)
            or self.cap_exact.search(text)
        )


@cache
def cues() -> Cues:
    data: dict[str, Any] = packaged_json("clean/cues.json")
    caps = data["captions"]
    inside = "|".join(re.escape(s) for s in sorted(caps["inside"], key=len, reverse=True))
    suffix = "|".join(re.escape(s) for s in sorted(caps["suffixes"], key=len, reverse=True))
    return Cues(
        whole=frozenset(_phrase_key(p).rstrip(" :|") for p in data["whole_lines"]),
        end=frozenset(_phrase_key(p).rstrip(" :|") for p in data["end_markers"]),
        box=frozenset(_phrase_key(p).rstrip(" :|") for p in data["box_labels"]),
        prefix=re.compile(rf"(?:{_alt(data['prefixes'])})(?:\s|$)"),
        anywhere=re.compile(rf"(?:^|\s)(?:{_alt(data['anywhere'])})(?:\s|$)"),
        patterns=re.compile("|".join(f"(?:{p})" for p in data["patterns"])),
        cap_prefix=re.compile(rf"(?:{_alt(caps['prefixes'])})(?:\s|$)"),
        cap_inside=re.compile(rf"(?:{inside})"),
        # "(AFP)", "(Photo: Reuters)", "/ Getty Images" or "Photograph: AFP" closing the line
        cap_suffix=re.compile(
            rf"(?:[.!?\"”’:]\s*\((?:[^()]{{0,40}}[\s:/])?(?:{suffix})(?:[\s/][^()]{{0,40}})?\)"
            rf"|\[(?:[^\[\]]{{0,60}}[\s:/])?(?:{suffix})(?:[\s/][^\[\]]{{0,40}})?\]"
            rf"|/\s*(?:{suffix})\b[^()]{{0,40}})\W*$"
        ),
        # agency credits as agencies write them ("REUTERS/Kim Hong-Ji", "AP Photo/"), case kept
        cap_exact=re.compile("|".join(re.escape(s) for s in caps["inside_exact"])),
        cue_max=int(data["limits"]["cue_max_words"]),
        prefix_max=int(data["limits"]["prefix_max_words"]),
        caption_max=int(data["limits"]["caption_max_words"]),
    )


@dataclass(frozen=True)
class FieldPatterns:
    label: re.Pattern[str]
    kinds: dict[str, str]
    by: re.Pattern[str]


def _variants(label: str) -> set[str]:
    return {label, label.upper(), label.title(), label[:1].upper() + label[1:].lower()}


@cache
def field_patterns() -> FieldPatterns:
    data: dict[str, Any] = packaged_json("clean/fields.json")
    kinds: dict[str, str] = {}
    for kind, labels in data["labels"].items():
        for label in labels:
            if label.lower() == "by":
                continue
            for v in _variants(label):
                kinds.setdefault(v, kind)
    alt = "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))
    # a label starts a field when it opens the line or follows a non-letter or a lower-case
    # letter (glued: "RussiaWritten By:"), and is followed by ':' or a capital or a digit
    label = re.compile(rf"(?:(?<=^)|(?<=[^A-Za-z])|(?<=[a-z]))({alt})(?:\s*[:|\-–—]\s*|\s+(?=[A-Z0-9]))")
    by = re.compile(r"(?:^\s*(?:By|BY|by)|(?:(?<=[a-z|•·,])|(?<=[|•·,]\s))\s*(?:By|BY))\s*:?\s+(?=[A-Z])")
    return FieldPatterns(label=label, kinds=kinds, by=by)


def split_fields(text: str) -> list[tuple[str, str]]:
    """A byline cut at its field labels: [("lead", "Moscow, Russia"), ("authors", "X"), ("updated", "...")]."""
    fp = field_patterns()
    marks: list[tuple[int, int, str]] = []
    for m in fp.label.finditer(text):
        marks.append((m.start(), m.end(), fp.kinds.get(m.group(1), "published")))
    covered = [(s, e) for s, e, _ in marks]
    for m in fp.by.finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            marks.append((m.start(), m.end(), "authors"))
    marks.sort()
    out: list[tuple[str, str]] = []
    pos, kind = 0, "lead"
    for s, e, k in marks:
        if s < pos:
            continue
        seg = text[pos:s].strip(" \t\u00a0|,;-–—")
        if seg:
            out.append((kind, seg))
        pos, kind = e, k
    seg = text[pos:].strip(" \t\u00a0|,;-–—")
    if seg:
        out.append((kind, seg))
    return out


def strip_site_suffix(title: str) -> str:
    """'Headline | Site' -> 'Headline' when the last part is a short name (at most 4 words)."""
    parts = SITE_SEPARATORS.split(title.strip())
    if len(parts) >= 2 and len(WORD.findall(parts[-1])) <= 4 and len(WORD.findall(parts[0])) >= 3:
        head = title.strip()
        m = list(SITE_SEPARATORS.finditer(head))[-1]
        return head[: m.start()].strip()
    return title.strip()


def site_suffix(title: str) -> str | None:
    """The 'Site' of 'Headline | Site', if the title has one."""
    stripped = strip_site_suffix(title)
    if stripped == title.strip():
        return None
    rest = SITE_SEPARATORS.split(title.strip())[-1].strip()
    return rest or None


BYLINE_MAX_WORDS = 24
DATE_LINE_REST = 4


def _is_name(text: str) -> bool:
    words = text.replace(",", " ").replace("&", " ").split()
    names = [w for w in words if w.lower() not in ("and", "with")]
    return 1 <= len(names) <= 12 and all(w[:1].isupper() for w in names)


RELATIVE_TIME = re.compile(
    r"(?i)^(?:posted\s+|updated\s+|published\s+)?(?:\d+|an?|one)\s*(?:s|m|h|d|w|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)"
    r"\s+ago\b(?:\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\W*$"
)


def is_byline(text: str, words: list[str]) -> bool:
    """A byline or date line: labelled fields (author, published, updated), 'By X', or a bare date."""
    from dyad.clean.dates import find_dates

    if len(words) > BYLINE_MAX_WORDS or "(@" in text:
        return False
    if RELATIVE_TIME.match(text.strip()):
        return True
    fields = split_fields(text)
    kinds = {k for k, _ in fields}
    named = "authors" in kinds and any(k == "authors" and _is_name(v) for k, v in fields)
    if named and (fields[0][0] != "lead" or len(WORD.findall(fields[0][1])) <= 6):
        return True
    dates = find_dates(text)
    if dates and kinds & {"published", "updated"}:
        return True
    if dates and not text.rstrip(CLOSERS).endswith("."):
        rest = text
        for s, e, _ in reversed(dates):
            rest = rest[:s] + " " + rest[e:]
        rest_words = WORD.findall(rest)
        return len(rest_words) <= DATE_LINE_REST
    return False


TIME_OF_DAY = re.compile(r"(?i)\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|\bago\b|\b(?:said|says|wrote|writes)\s*:")


def is_post_stamp(text: str) -> bool:
    """A date line of a post or comment: it carries a time of day, a relative time or 'said:'."""
    return bool(TIME_OF_DAY.search(text))
