"""When and where: an event's date from ``doc._.times`` and its location from ``doc._.places``.

Date: a time inside the trigger's own phrase; else, for the object of an offset phrase ("two
months after the summit", "a week before the vote"), the anchoring time of that phrase shifted by
the offset; else the time attached to the trigger's clause, else the nearest one in the sentence
that sits in the trigger's own clause (not in a modifier clause of another word, not a "since"
starting point); else the publication date for an asserted past or present-perfect event
(precision: day). A planned event never takes a time before the publication date.
Location: a place attached to the trigger's clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from dyad.events.table import doc_values
from dyad.pipeline.children import children_of
from dyad.records import Location, Place, TimeX
from dyad.temporal.anchor import Anchor

PAST_TAGS = frozenset({"VBD"})
OFFSET_PREPS = frozenset({"after", "before"})
OFFSET_COMPARATIVES = {"later": "after", "earlier": "before", "sooner": "before"}
MODIFIER_CLAUSES = frozenset({"acl", "advcl", "relcl"})
_DURATION = re.compile(r"^P(\d+|X)(D|W|M|Y|DE|CE)$")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365, "DE": 3650, "CE": 36500}


def _date_value(value: str | None) -> str | None:
    """The YYYY[-MM[-DD]] part of a TIMEX3 value, or None (durations, sets, weeks...)."""
    if not value or len(value) < 4 or not value[:4].isdigit():
        return None
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[5:7].isdigit() and value[8:10].isdigit():
        return value[:10]
    if len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return value[:7]
    return value[:4]


def _attached(span: Span, anchors: set[int], hops: int = 6) -> bool:
    tok = span.root
    for _ in range(hops):
        if tok.i in anchors:
            return True
        if tok.head == tok:
            return False
        tok = tok.head
        if tok.i in anchors:
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return False
    return False


def _spans(doc: Doc, sent: Span, items: Iterable[tuple[int, int]]) -> list[Span]:
    out = []
    lo, hi = sent.start_char, sent.end_char
    spans = doc_values(doc).spans
    for start, end in items:
        if start < lo or end > hi:
            continue
        span = spans(start, end)
        if span is not None:
            out.append(span)
    return out


def is_past(trigger: Token, clause: Token | None) -> bool:
    verb = clause if clause is not None else trigger
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in PAST_TAGS:
        return True
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in children_of(verb)):
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in children_of(verb))
    if verb.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in children_of(verb)) or any(
            c.dep_ == "auxpass" and c.tag_ == "VBD" for c in children_of(verb))
    return False


def _offset_phrase(trigger: Token) -> tuple[Token, str] | None:
    """The preposition of an offset phrase whose object is ``trigger`` and its direction (after|before):
    "two months after the summit", "a week before the vote", "two years later than the treaty"."""
    head = trigger.head
    if trigger.dep_ != "pobj" or head == trigger:
        return None
    low = head.lower_
    if low in OFFSET_PREPS:
        return head, low
    if low == "than" and head.head.lower_ in OFFSET_COMPARATIVES:
        return head.head, OFFSET_COMPARATIVES[head.head.lower_]
    return None


def _shift(anchor: str, count: int, unit: str, sign: int) -> str | None:
    """``anchor`` moved by ``sign * count`` units, at the anchor's precision (a day-level offset of a
    month or a year is rounded to whole months or years)."""
    a = Anchor.parse(anchor)
    if a is None:
        return None
    months = count * {"Y": 12, "DE": 120, "CE": 1200, "M": 1}.get(unit, 0)
    if months == 0:  # days and weeks
        days = count * _UNIT_DAYS[unit]
        if a.day is not None:
            return a.day_offset(sign * days)
        months = round(days / 30)
    if a.month is None:
        return a.year_shift(sign * round(months / 12))
    value = a.month_shift(sign * months)
    if a.day is None or value is None:
        return value
    shifted = Anchor.parse(f"{value}-{a.day:02d}")
    return f"{value}-{a.day:02d}" if shifted is not None and shifted.day is not None else value


def _offset_date(doc: Doc, trigger: Token, times: list[tuple[TimeX, Span]],
                 all_spans: list[tuple[TimeX, Span]]) -> str | None:
    """The date of the object of an offset phrase: its anchoring time shifted by the offset."""
    phrase = _offset_phrase(trigger)
    if phrase is None:
        return None
    prep, direction = phrase
    duration: tuple[int, str] | None = None
    for t, span in all_spans:
        if t.type != "DURATION" or not t.value:
            continue
        if not (span.root.head == prep or span.root == prep or any(tok.head == prep for tok in span)):
            continue
        m = _DURATION.match(t.value)
        if m is None:
            continue
        count = 1 if m.group(1) == "X" else int(m.group(1))  # "days after": a vague few, at most a unit
        duration = (count, m.group(2))
        break
    if duration is None:
        return None
    phrase_toks = {t.i for t in prep.subtree}
    for t, span in times:
        if span.root.i in phrase_toks:
            continue
        if _attached(span, {prep.head.i}):
            value = _date_value(t.value)
            if value is None:
                continue
            return _shift(value, duration[0], duration[1], -1 if direction == "after" else 1)
    return None


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause ``tok`` sits in (the sentence root if none)."""
    t = tok
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" and t.dep_ != "auxpass":
            return t
        if t.head == t:
            return t
        t = t.head
    return t


def _in_since(span: Span, trigger: Token) -> bool:
    """Whether a time sits in a "since" phrase (a starting point) that does not hold the trigger."""
    t = span.root
    for _ in range(40):
        if t == trigger or t.is_ancestor(trigger):
            return False
        if t.dep_ == "prep" and t.lower_ == "since":
            return True
        if t.head == t:
            return False
        t = t.head
    return False


def _own_clause(span: Span, trigger: Token, clause: Token | None) -> bool:
    """Whether a time sits in the trigger's own clause or one that contains it: not in a modifier
    clause (acl/advcl/relcl) that leaves the trigger outside, not inside a "since" phrase."""
    if _in_since(span, trigger):
        return False
    home = _clause_head(span.root)
    own = clause if clause is not None else _clause_head(trigger)
    if home in (own, trigger) or home.head == trigger:  # "the summit held in June": the trigger's own
        return True
    return not (home.dep_ in MODIFIER_CLAUSES and not home.is_ancestor(trigger))


def event_date(doc: Doc, sent: Span, trigger: Token, clause: Token | None, status: str,
               published: str | None) -> tuple[str | None, str | None]:
    """The event's date and how it was found (own|offset|attached|nearest|published)."""
    anchors = {trigger.i} | ({clause.i} if clause is not None else set())
    times: list[tuple[TimeX, Span]] = []
    all_spans: list[tuple[TimeX, Span]] = []
    floor = _date_value(published) if status == "planned" else None
    lo, hi = sent.start_char, sent.end_char
    values = doc_values(doc)
    for t in values.times:
        if t.start < lo or t.end > hi:
            continue
        span = values.spans(t.start, t.end)
        if span is None:
            continue
        all_spans.append((t, span))
        value = _date_value(t.value)
        if value is None or t.type not in ("DATE", "TIME"):
            continue
        if floor is not None and value[:len(floor)] < floor[:len(value)]:
            continue  # a planned event is not dated before the article
        times.append((t, span))
    own_toks = {t.i for t in trigger.subtree} if times and trigger.pos_ in ("NOUN", "PROPN") else set()
    for t, span in times:
        if span.root.i in own_toks and _attached(span, {trigger.i}):
            return _date_value(t.value), "attached"
    offset = _offset_date(doc, trigger, times, all_spans)
    if offset is not None:
        return offset, "offset"
    for t, span in times:
        if _attached(span, anchors) and not _in_since(span, trigger):
            return _date_value(t.value), "attached"
    near = [(t, span) for t, span in times if _own_clause(span, trigger, clause)]
    if near:
        t, _ = min(near, key=lambda ts: abs(ts[1].start - trigger.i))
        return _date_value(t.value), "nearest"
    if published and status in ("asserted", "reported") and is_past(trigger, clause):
        return _date_value(published), "published"
    return None, None


def event_location(doc: Doc, sent: Span, trigger: Token, clause: Token | None) -> Location | None:
    anchors = {trigger.i} | ({clause.i} if clause is not None else set())
    for place in doc_values(doc).places:
        p: Place = place
        for span in _spans(doc, sent, [(m.start, m.end) for m in p.mentions]):
            if _attached(span, anchors, hops=4):
                return Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon)
    return None
