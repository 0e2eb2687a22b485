"""When and where: an event's date from ``doc._.times`` and its location from ``doc._.places``.

Date: the time expression attached to the trigger's clause, else the nearest one in the sentence,
else the publication date for an asserted past or present-perfect event (precision: day).
Location: a place attached to the trigger's clause.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from dyad.records import Location, Place, TimeX

PAST_TAGS = frozenset({"VBD"})


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
    for start, end in items:
        if start < sent.start_char or end > sent.end_char:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def is_past(trigger: Token, clause: Token | None) -> bool:
    verb = clause if clause is not None else trigger
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in PAST_TAGS:
        return True
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children):
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if verb.tag_ == "VBN":
        return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) or any(
            c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    return False


def event_date(doc: Doc, sent: Span, trigger: Token, clause: Token | None, status: str,
               published: str | None) -> tuple[str | None, str | None]:
    """The event's date and how it was found (attached|nearest|published)."""
    anchors = {trigger.i} | ({clause.i} if clause is not None else set())
    times: list[tuple[TimeX, Span]] = []
    for t in doc._.times or []:
        if _date_value(t.value) is None or t.type not in ("DATE", "TIME"):
            continue
        spans = _spans(doc, sent, [(t.start, t.end)])
        if spans:
            times.append((t, spans[0]))
    for t, span in times:
        if _attached(span, anchors):
            return _date_value(t.value), "attached"
    if times:
        t, _ = min(times, key=lambda ts: abs(ts[1].start - trigger.i))
        return _date_value(t.value), "nearest"
    if published and status in ("asserted", "reported") and is_past(trigger, clause):
        return _date_value(published), "published"
    return None, None


def event_location(doc: Doc, sent: Span, trigger: Token, clause: Token | None) -> Location | None:
    anchors = {trigger.i} | ({clause.i} if clause is not None else set())
    for place in doc._.places or []:
        p: Place = place
        for span in _spans(doc, sent, [(m.start, m.end) for m in p.mentions]):
            if _attached(span, anchors, hops=4):
                return Location(name=p.name, country=p.country, lat=p.lat, lon=p.lon)
    return None
