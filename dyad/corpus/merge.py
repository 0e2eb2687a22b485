"""Cross-document merging: events that describe the same occurrence become one *incident*.

Two events can belong to one incident when they have

* the same PLOVER type and the same actor pair, compared by country code (the actor id when an
  actor has no country); for symmetric types (``SYMMETRIC``: meetings, agreements, cooperation)
  the pair is unordered;
* compatible dates: equal, one a prefix of the other (``2023-09`` and ``2023-09-13``), or two
  days at most ``DAY_WINDOW`` days apart. An event is checked against every dated member, so an
  incident cannot chain across weeks;
* compatible places: unknown on either side, the same name (or one containing the other), one
  an area (a country, region, peninsula: ``AREA_KINDS`` of the places stage) that can hold the
  other (same country, or within ``AREA_KM`` km when a country is unknown), or coordinates within
  ``KM_WINDOW`` km; places in different countries never merge.

An undated meeting or agreement (``OCCASIONS``) only joins an incident its own document group
already supports, the one dated closest to the document's publication date within
``UNDATED_DAYS`` days (an undated "the leaders met" in a news story is about the occasion the
story reports). Any other undated event (an aid claim, an accusation) stays its own incident. Near-duplicate documents (one group) never add a second incident: their events fall
into the incidents of the group's first document, and ``n_documents`` counts groups.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from dyad.corpus.store import Actor, Document, Event, Incident, IncidentEvent, Place

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
OCCASIONS = frozenset({"CONSULT", "AGREE"})
DAY_WINDOW = 3
KM_WINDOW = 150.0
AREA_KM = 2500.0
AREA_KINDS = frozenset({"country", "region", "state", "province", "admin1", "admin2", "peninsula", "island",
                        "continent", "sea", "ocean", "gulf", "strait"})
UNDATED_DAYS = 31
STATUS_ORDER = ("asserted", "reported", "planned", "alleged", "speculated", "denied", "negated")


def pair_key(type_: str, source: str | None, target: str | None) -> tuple[str | None, str | None, bool]:
    """The incident key's sides for an event: ordered, or sorted for symmetric types."""
    if type_ in SYMMETRIC:
        a, b = sorted([source or "", target or ""])
        return a or None, b or None, True
    return source, target, False


def _parse(d: str) -> date | None:
    try:
        return date.fromisoformat(d) if len(d) == 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None, days: int = DAY_WINDOW) -> bool:
    """Equal, one a prefix of the other, or two days within ``days`` of each other."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _parse(a), _parse(b)
    return bool(da and db and abs((da - db).days) <= days)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass
class Loc:
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    area: bool = False
    """A country, region or other area that can hold smaller places."""


def places_compatible(a: Loc, b: Loc, km: float = KM_WINDOW) -> bool:
    if not a.name or not b.name:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    na, nb = a.name.casefold(), b.name.casefold()
    if na == nb or na in nb or nb in na:
        return True
    both_coords = None not in (a.lat, a.lon, b.lat, b.lon)
    if a.area or b.area:
        if a.country and b.country:
            return True  # same country (checked above)
        return not both_coords or _km(a.lat, a.lon, b.lat, b.lon) <= AREA_KM  # type: ignore[arg-type]
    if both_coords:
        return _km(a.lat, a.lon, b.lat, b.lon) <= km  # type: ignore[arg-type]
    return bool(a.country and a.country == b.country)


def _specificity(d: str | None) -> int:
    return len(d) if d else 0


def _firmest(statuses: list[str]) -> str:
    ranked = [s for s in STATUS_ORDER if s in statuses]
    return ranked[0] if ranked else (statuses[0] if statuses else "asserted")


def incident_id(first_event_id: str) -> str:
    return "inc-" + hashlib.sha256(first_event_id.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Member:
    """What merging needs of an incident's event (distinct rows, so large incidents stay cheap)."""

    date: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    status: str
    group: str


class Merger:
    """Merges the events of one document into the incidents of a session's store."""

    def __init__(self, session: Session) -> None:
        self.s = session
        self._area: dict[str, bool] = {}
        self._members: dict[str, set[Member]] = {}

    def area(self, name: str | None) -> bool:
        """True when the places stage (or the actor dictionary, for states) knows ``name`` as an area."""
        if not name:
            return False
        key = name.casefold()
        if key not in self._area:
            place = self.s.scalar(select(Place.id).where(Place.name == name, Place.kind.in_(AREA_KINDS)).limit(1))
            state = self.s.scalar(select(Actor.id).where(Actor.name == name, Actor.kind == "state").limit(1))
            self._area[key] = bool(place or state)
        return self._area[key]

    def loc(self, m: Event | Member) -> Loc:
        return Loc(m.location_name, m.location_country, m.lat, m.lon, self.area(m.location_name))

    def members(self, inc: Incident) -> set[Member]:
        """The distinct (date, place, status, document group) rows of an incident's events."""
        if inc.id not in self._members:
            rows = self.s.execute(
                select(Event.date, Event.location_name, Event.location_country, Event.lat, Event.lon, Event.status,
                       Document.group_id).distinct()
                .join(IncidentEvent, IncidentEvent.event_id == Event.id)
                .join(Document, Document.id == Event.document_id)
                .where(IncidentEvent.incident_id == inc.id)).all()
            self._members[inc.id] = {Member(*row) for row in rows}
        return self._members[inc.id]

    def same_sentence(self, inc: Incident, ev: Event, group: str) -> bool:
        """True when the incident already holds this sentence from a copy in the same document group."""
        return self.s.scalar(
            select(IncidentEvent.event_id).join(Event, Event.id == IncidentEvent.event_id)
            .join(Document, Document.id == Event.document_id)
            .where(IncidentEvent.incident_id == inc.id, Document.group_id == group,
                   Event.evidence_text == ev.evidence_text).limit(1)) is not None

    def candidates(self, ev: Event, a: str | None, b: str | None, group: str) -> list[Incident]:
        """Incidents ``ev`` might join, narrowed in SQL (type, sides, year or document group)."""
        q = select(Incident).where(
            Incident.type == ev.type,
            Incident.side_a.is_(None) if a is None else Incident.side_a == a,
            Incident.side_b.is_(None) if b is None else Incident.side_b == b)
        in_group = (select(IncidentEvent.incident_id)
                    .join(Event, Event.id == IncidentEvent.event_id)
                    .join(Document, Document.id == Event.document_id)
                    .where(Document.group_id == group))
        if ev.date:
            year = ev.date[:4]
            if year.isdigit():
                years = [str(int(year) + k) for k in (-1, 0, 1)]
                q = q.where(or_(*[Incident.date.like(f"{y}%") for y in years]))
            else:
                q = q.where(Incident.date.is_not(None))
        elif ev.type in OCCASIONS:
            q = q.where(Incident.id.in_(in_group))
        else:
            q = q.where(Incident.id.in_(in_group.where(Event.evidence_text == ev.evidence_text)))
        return list(self.s.scalars(q))

    def merge_document(self, doc: Document, events: list[Event]) -> list[str]:
        """Put each of ``doc``'s events into an incident (joined or new); returns their incident ids."""
        group = doc.group_id
        published = _published(doc.published_date)
        out = []
        for ev in sorted(events, key=lambda e: (-_specificity(e.date), e.evidence_start)):
            a, b, sym = pair_key(ev.type, ev.source_country, ev.target_country)
            chosen = self._choose(ev, group, published, self.candidates(ev, a, b, group))
            if chosen is None:
                chosen = Incident(id=incident_id(ev.id), type=ev.type, side_a=a, side_b=b, symmetric=sym,
                                  status=ev.status, n_events=0, n_documents=0)
                self.s.add(chosen)
                self._members[chosen.id] = set()
            self.s.add(IncidentEvent(incident_id=chosen.id, event_id=ev.id))
            self.members(chosen).add(Member(ev.date, ev.location_name, ev.location_country, ev.lat, ev.lon,
                                            ev.status, group))
            chosen.n_events = (chosen.n_events or 0) + 1
            self.refresh(chosen)
            self.s.flush()
            out.append(chosen.id)
        return out

    def _choose(self, ev: Event, group: str, published: date | None, candidates: list[Incident]) -> Incident | None:
        best: tuple[tuple[int, int], Incident] | None = None
        loc = self.loc(ev)
        for inc in candidates:
            members = self.members(inc)
            groups = {m.group for m in members}
            dated = [m for m in members if m.date]
            if group in groups and self.same_sentence(inc, ev, group):
                return inc  # the same sentence in a near-duplicate copy
            if not all(places_compatible(loc, self.loc(m)) for m in members):
                continue
            if ev.date:
                if not dated or not all(dates_compatible(ev.date, m.date) for m in dated):
                    continue
                rank = (0, -max(_specificity(m.date) for m in dated))
            else:
                if ev.type not in OCCASIONS or group not in groups or not inc.date or published is None:
                    continue
                ref = inc.date_end or inc.date
                d = _parse(ref) if len(ref) == 10 else _month_start(ref)
                if d is None:
                    continue
                gap = (published - d).days
                if gap < -1 or gap > UNDATED_DAYS:
                    continue
                rank = (1, gap)
            if best is None or rank < best[0]:
                best = (rank, inc)
        return best[1] if best else None

    def refresh(self, inc: Incident) -> None:
        """Recompute an incident's date, place, status and document count from its members."""
        members = self.members(inc)
        dated = [m.date for m in members if m.date]
        if dated:
            top = max(len(d) for d in dated)
            level = sorted(d for d in dated if len(d) == top)
            inc.date, inc.date_end = level[0], (level[-1] if level[-1] != level[0] else None)
        located = [m for m in members if m.location_name]
        if located:
            located.sort(key=lambda m: (self.area(m.location_name), m.lat is None, -_specificity(m.date),
                                        m.location_name or ""))
            inc.location_name, inc.location_country = located[0].location_name, located[0].location_country
        inc.status = _firmest([m.status for m in members])
        inc.n_documents = len({m.group for m in members})


def _published(d: str | None) -> date | None:
    """A publication date as a day: a month-precise one counts as the month's last day."""
    if not d:
        return None
    if len(d) >= 10:
        return _parse(d[:10])
    if len(d) == 7:
        try:
            y, m = int(d[:4]), int(d[5:7])
            return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
        except ValueError:
            return None
    return None


def _month_start(d: str | None) -> date | None:
    if not d:
        return None
    try:
        if len(d) == 7:
            return date.fromisoformat(d + "-01")
        if len(d) == 4:
            return date(int(d), 12, 31)
    except ValueError:
        return None
    return None


def merge_document(session: Session, doc: Document, events: list[Event]) -> list[str]:
    return Merger(session).merge_document(doc, events)


def rebuild_incidents(session: Session) -> int:
    """Drop every incident and merge all documents again, in ingest order. Returns the incident count."""
    session.execute(delete(IncidentEvent))
    session.execute(delete(Incident))
    session.flush()
    merger = Merger(session)
    for doc in session.scalars(select(Document).order_by(Document.seq)):
        events = list(session.scalars(select(Event).where(Event.document_id == doc.id)))
        merger.merge_document(doc, events)
    return len(list(session.scalars(select(Incident.id))))
