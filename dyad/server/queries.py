"""Plain read functions over the corpus store: filters, deterministic order, a page and the total.

Each ``list_*`` function returns a ``Page`` (``total`` rows matching, the ``items`` of the page).
They take a ``Store`` and plain values, build SQLAlchemy expressions (bound parameters only, never
string-built SQL from user input) and return plain dicts, so the API, the UI and any script get
the same answers. Full-text search uses the store's index: FTS5 on SQLite, ``to_tsvector`` on
PostgreSQL, ``ILIKE`` elsewhere.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Float, String, func, literal, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from dyad.corpus import analysis
from dyad.corpus.store import (
    Actor,
    Amount,
    Document,
    Event,
    Incident,
    IncidentEvent,
    Mention,
    Place,
    Quote,
    Store,
    TimeExpression,
)
from dyad.errors import DyadError, Errors

_WORD = re.compile(r"\w+")
_SEQ = re.compile(r"[0-9]{1,9}")


def article_number(key: str) -> int | None:
    """``key`` as an article number (ASCII digits only), else ``None``."""
    return int(key) if _SEQ.fullmatch(key) else None


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def clean(value: str | None) -> str | None:
    """A filter value without NUL characters and surrounding space; ``None`` when empty."""
    if value is None:
        return None
    v = value.replace("\x00", "").strip()
    return v or None


def fts_query(q: str) -> str | None:
    """An FTS5 MATCH expression: every word of ``q`` as a quoted term (all must occur); no operators."""
    words = _WORD.findall(q)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words[:32])


def like_pattern(q: str) -> str:
    """``%q%`` with LIKE wildcards escaped (use with ``escape='\\\\'``)."""
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _newest_first(s: Session, col: Any) -> Any:
    """``col DESC`` with NULLs last (SQLite already sorts them last, and then keeps using the index)."""
    return col.desc() if s.get_bind().dialect.name == "sqlite" else col.desc().nulls_last()


def _page_keys(s: Session, keys: Any, limit: int, offset: int) -> tuple[int, list[Any]]:
    """Total and one page of ``keys`` (a filtered, ordered SELECT of primary keys): the cheap first step
    of two, so joins run for the page only."""
    total = int(s.scalar(select(func.count()).select_from(keys.order_by(None).subquery())) or 0)
    page = list(s.scalars(keys.limit(limit).offset(offset))) if total > offset else []
    return total, page


def _document_items(s: Session, model: Any, stmt: Any, document: str | None, row: Any,
                    limit: int, offset: int) -> Page:
    """One page of a per-document item table (quotes, amounts): ``stmt`` selects ``model.id``
    joined to its document; ``document`` (id or article number) narrows it; newest article first,
    then text order; ``row(item, document)`` shapes each item."""
    if document:
        stmt = stmt.where(or_(model.document_id == document, Document.seq == (article_number(document) or -1)))
    total, ids = _page_keys(s, stmt.order_by(Document.seq.desc(), model.start, model.id), limit, offset)
    rows = list(s.execute(select(model, Document).join(Document, Document.id == model.document_id)
                          .where(model.id.in_(ids)))) if ids else []
    return Page(total, limit, offset, [row(item, d) for item, d in _in_order(rows, ids, lambda r: r[0].id)])


def _in_order(rows: list[Any], keys: list[Any], key: Any) -> list[Any]:
    at = {k: i for i, k in enumerate(keys)}
    return sorted(rows, key=lambda r: at[key(r)])


def _page(s: Session, stmt: Any, limit: int, offset: int) -> tuple[int, list[Any]]:
    total = int(s.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)
    rows = list(s.execute(stmt.limit(limit).offset(offset))) if total > offset else []
    return total, rows


def _date_range(col: Any, date_from: str | None, date_to: str | None) -> list[ColumnElement[bool]]:
    """Dates of any precision (``2023``, ``2023-09``, ``2023-09-12``) that overlap the range."""
    conds: list[ColumnElement[bool]] = []
    if date_from:
        conds.append(col.is_not(None))
        conds.append(col >= date_from[:4])  # indexable prefilter
        conds.append(col >= func.substr(literal(date_from, String), 1, func.length(col)))
    if date_to:
        conds.append(col.is_not(None))
        conds.append(col <= func.substr(literal(date_to, String), 1, func.length(col)))
    return conds


def actor_keys(store: Store, value: str) -> list[str]:
    """What a dyad side may mean, as ``dyad dyad`` reads it: the value and the country (or id) it resolves to."""
    keys = {value, value.upper()}
    with contextlib.suppress(DyadError):
        keys.add(analysis.resolve(store, value))
    return sorted(keys)


def one_actor_keys(store: Store, value: str) -> list[str]:
    """What an actor filter means: that actor (by id or name); a state also as its country code."""
    with store.session() as s:
        actor = s.get(Actor, value) or s.scalar(select(Actor).where(func.lower(Actor.name) == value.casefold())
                                                .order_by(Actor.kind != "state", Actor.id).limit(1))
        if actor is not None:
            return sorted({actor.id} | ({actor.country} if actor.kind == "state" and actor.country else set()))
    return actor_keys(store, value)


# ---------------------------------------------------------------- documents
def _doc_row(d: Document) -> dict[str, Any]:
    return {"id": d.id, "seq": d.seq, "title": d.title, "outlet": d.outlet, "published": d.published,
            "published_date": d.published_date, "url": d.url, "path": d.path, "group_id": d.group_id,
            "language": d.language, "chars": len(d.text or "")}


def list_documents(store: Store, *, q: str | None = None, outlet: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Documents, newest article number first; with ``q``, full-text matches by relevance."""
    q, outlet = clean(q), clean(outlet)
    with store.session() as s:
        stmt = select(Document)
        snippet = None
        order: list[Any] = [Document.seq.desc()]
        if q:
            if store.fts and store.dialect == "sqlite":
                match = fts_query(q)
                if match is None:
                    return Page(0, limit, offset)
                f = (sql_text("SELECT document_id, rank, snippet(documents_fts, 2, '[', ']', '…', 16) AS snippet "
                              "FROM documents_fts WHERE documents_fts MATCH :fq")
                     .bindparams(fq=match).columns(document_id=String, rank=Float, snippet=String).subquery("f"))
                stmt = select(Document, f.c.snippet).join(f, f.c.document_id == Document.id)
                snippet = True
                order = [f.c.rank, Document.seq]
            elif store.dialect == "postgresql":
                stmt = stmt.where(func.to_tsvector("english", Document.text)
                                  .op("@@")(func.plainto_tsquery("english", q)))
            else:
                stmt = stmt.where(Document.text.ilike(like_pattern(q), escape="\\"))
        if outlet:
            stmt = stmt.where(Document.outlet == outlet)
        for cond in _date_range(Document.published_date, date_from, date_to):
            stmt = stmt.where(cond)
        total, rows = _page(s, stmt.order_by(*order), limit, offset)
        items = []
        for row in rows:
            item = _doc_row(row[0])
            item["snippet"] = row[1] if snippet else None
            items.append(item)
    return Page(total, limit, offset, items)


def find_document(s: Session, key: str) -> Document:
    """A document by id, or by its article number (the ``1`` of citation ``[1:5]``); E404 otherwise."""
    doc = s.get(Document, key)
    seq = article_number(key)
    if doc is None and seq is not None:
        doc = s.scalar(select(Document).where(Document.seq == seq))
    if doc is None:
        raise DyadError(Errors.E404, what=f"document {key!r}")
    return doc


def _span(start: int, end: int, text: str) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text}


def get_document(store: Store, key: str) -> dict[str, Any]:
    """One document with its text, sentence offsets and every item stored for it."""
    with store.session() as s:
        d = find_document(s, key)
        out = _doc_row(d)
        out.update(text=d.text, sentences=list(d.sentences or []), authors=list(d.authors or []),
                   dateline=d.dateline, published_basis=d.published_basis)
        actors: dict[str, dict[str, Any]] = {}
        for m, a in s.execute(select(Mention, Actor).join(Actor, Actor.id == Mention.actor_id)
                              .where(Mention.document_id == d.id).order_by(Mention.start, Mention.id)):
            entry = actors.setdefault(a.id, {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                                             "role": a.role, "mentions": []})
            entry["mentions"].append({**_span(m.start, m.end, m.text), "sentence": m.sentence})
        out["actors"] = sorted(actors.values(), key=lambda a: (a["mentions"][0]["start"], a["id"]))
        out["events"] = [_event_row(*row) for row in s.execute(
            _event_select().where(Event.document_id == d.id).order_by(Event.evidence_start, Event.id))]
        out["quotes"] = [_quote_row(q, d) for q in s.scalars(
            select(Quote).where(Quote.document_id == d.id).order_by(Quote.start, Quote.id))]
        out["amounts"] = [_amount_row(a, d) for a in s.scalars(
            select(Amount).where(Amount.document_id == d.id).order_by(Amount.start, Amount.id))]
        out["times"] = [{"id": t.id, **_span(t.start, t.end, t.text), "value": t.value, "type": t.type,
                         "sentence": t.sentence}
                        for t in s.scalars(select(TimeExpression).where(TimeExpression.document_id == d.id)
                                           .order_by(TimeExpression.start, TimeExpression.id))]
        out["places"] = [{"id": p.id, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                          "kind": p.kind, "mentions": list(p.mentions or [])}
                         for p in s.scalars(select(Place).where(Place.document_id == d.id).order_by(Place.id))]
    return out


# ---------------------------------------------------------------- actors
def list_actors(store: Store, *, q: str | None = None, kind: str | None = None, country: str | None = None,
                sort: str = "mentions", limit: int = 50, offset: int = 0) -> Page:
    """Actors with their mention counts; most mentioned first (or by name)."""
    q, kind, country = clean(q), clean(kind), clean(country)
    with store.session() as s:
        stmt = select(Actor)
        if q:
            stmt = stmt.where(or_(Actor.name.ilike(like_pattern(q), escape="\\"), Actor.id == q,
                                  Actor.country == q.upper()))
        if kind:
            stmt = stmt.where(Actor.kind == kind)
        if country:
            stmt = stmt.where(Actor.country == country.upper())
        if sort == "mentions":  # one pass over the mention index, then the page
            counts = (select(Mention.actor_id.label("actor_id"), func.count().label("n"))
                      .group_by(Mention.actor_id).subquery("c"))
            n = func.coalesce(counts.c.n, 0)
            stmt = (stmt.add_columns(n).join(counts, counts.c.actor_id == Actor.id, isouter=True)
                    .order_by(n.desc(), Actor.id))
            total, rows = _page(s, stmt, limit, offset)
        else:  # by name: count the page's mentions only
            total, rows = _page(s, stmt.order_by(Actor.name, Actor.id), limit, offset)
            ids = [r[0].id for r in rows]
            found: dict[str, int] = {}
            if ids:
                counted = select(Mention.actor_id, func.count()).where(Mention.actor_id.in_(ids))
                found = {aid: int(n) for aid, n in s.execute(counted.group_by(Mention.actor_id))}
            rows = [(r[0], found.get(r[0].id, 0)) for r in rows]
        items = [{**_actor_row(a), "mentions": int(m)} for a, m in rows]
    return Page(total, limit, offset, items)


def _actor_row(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "role": a.role, "code": a.code,
            "wikidata": a.wikidata}


def get_actor(store: Store, actor_id: str) -> dict[str, Any]:
    with store.session() as s:
        a = s.get(Actor, actor_id)
        if a is None:
            raise DyadError(Errors.E404, what=f"actor {actor_id!r}")
        out = _actor_row(a)
        out["mentions"] = int(s.scalar(select(func.count()).where(Mention.actor_id == a.id)) or 0)
        out["documents"] = int(s.scalar(select(func.count(func.distinct(Mention.document_id)))
                                        .where(Mention.actor_id == a.id)) or 0)
        out["events"] = int(s.scalar(select(func.count()).select_from(Event).where(
            or_(Event.source_id == a.id, Event.target_id == a.id))) or 0)
    return out


# ---------------------------------------------------------------- events
_Src = aliased(Actor, name="src")
_Tgt = aliased(Actor, name="tgt")


def _event_select() -> Any:
    return (select(Event, _Src.name, _Tgt.name, Document.seq, Document.title, Document.published_date,
                   IncidentEvent.incident_id)
            .join(Document, Document.id == Event.document_id)
            .join(_Src, _Src.id == Event.source_id, isouter=True)
            .join(_Tgt, _Tgt.id == Event.target_id, isouter=True)
            .join(IncidentEvent, IncidentEvent.event_id == Event.id, isouter=True))


def _event_row(e: Event, src: str | None, tgt: str | None, seq: int, title: str | None, published: str | None,
               incident: str | None) -> dict[str, Any]:
    return {"id": e.id, "document_id": e.document_id, "document_seq": seq, "document_title": title,
            "document_published": published, "local_id": e.local_id, "type": e.type, "mode": e.mode,
            "cameo": e.cameo, "source_id": e.source_id, "source_name": src, "source_country": e.source_country,
            "target_id": e.target_id, "target_name": tgt, "target_country": e.target_country, "date": e.date,
            "location_name": e.location_name, "location_country": e.location_country, "status": e.status,
            "reported_by": e.reported_by, "evidence": _span(e.evidence_start, e.evidence_end, e.evidence_text),
            "sentence": e.sentence, "incident_id": incident}


def _either(cols: tuple[Any, ...], keys: list[str]) -> ColumnElement[bool]:
    return or_(*[c.in_(keys) for c in cols])


def list_events(store: Store, *, actor: str | None = None, a: str | None = None, b: str | None = None,
                types: list[str] | None = None, status: list[str] | None = None, date_from: str | None = None,
                date_to: str | None = None, document: str | None = None, limit: int = 50,
                offset: int = 0) -> Page:
    """Events, newest date first (undated last), filtered by actor, dyad ``a``–``b`` (either direction),
    PLOVER type, status, date range and document."""
    actor, a, b, document = clean(actor), clean(a), clean(b), clean(document)
    types = [t.upper() for t in (clean(t) for t in types or []) if t]
    statuses = [x for x in (clean(x) for x in status or []) if x]
    side = (Event.source_id, Event.target_id, Event.source_country, Event.target_country)
    with store.session() as s:
        stmt = select(Event.id)
        if actor:
            stmt = stmt.where(_either(side, one_actor_keys(store, actor)))
        if a or b:
            ka = actor_keys(store, a) if a else None
            kb = actor_keys(store, b) if b else None
            src = (Event.source_id, Event.source_country)
            tgt = (Event.target_id, Event.target_country)
            if ka and kb:
                stmt = stmt.where(or_(_either(src, ka) & _either(tgt, kb), _either(src, kb) & _either(tgt, ka)))
            else:
                stmt = stmt.where(_either(side, ka or kb or []))
        if types:
            stmt = stmt.where(Event.type.in_(types))
        if statuses:
            stmt = stmt.where(Event.status.in_(statuses))
        if document:
            doc = s.get(Document, document)
            seq = article_number(document)
            if doc is None and seq is not None:
                doc = s.scalar(select(Document).where(Document.seq == seq))
            stmt = stmt.where(Event.document_id == (doc.id if doc else document))
        for cond in _date_range(Event.date, date_from, date_to):
            stmt = stmt.where(cond)
        total, ids = _page_keys(s, stmt.order_by(_newest_first(s, Event.date), Event.id.desc()), limit, offset)
        rows = list(s.execute(_event_select().where(Event.id.in_(ids)))) if ids else []
        items = [_event_row(*row) for row in _in_order(rows, ids, lambda r: r[0].id)]
    return Page(total, limit, offset, items)


def event_facets(store: Store) -> dict[str, Any]:
    """Event types and statuses present in the store, with counts, and the type labels and quads."""
    w = analysis.weights()
    with store.session() as s:
        types = [{"type": t, "count": int(n), "label": w["types"].get(t, {}).get("label", t.lower()),
                  "quad": w["types"].get(t, {}).get("quad", "other")}
                 for t, n in s.execute(select(Event.type, func.count()).group_by(Event.type).order_by(Event.type))]
        statuses = [{"status": st, "count": int(n)} for st, n in
                    s.execute(select(Event.status, func.count()).group_by(Event.status).order_by(Event.status))]
    return {"types": types, "statuses": statuses}


# ---------------------------------------------------------------- incidents
def _incident_row(i: Incident, names: dict[str, str]) -> dict[str, Any]:
    info = analysis.weights()["types"].get(i.type, {})
    return {"id": i.id, "type": i.type, "label": info.get("label", i.type.lower()), "quad": info.get("quad", "other"),
            "side_a": i.side_a, "side_a_name": names.get(i.side_a or "", i.side_a), "side_b": i.side_b,
            "side_b_name": names.get(i.side_b or "", i.side_b), "symmetric": bool(i.symmetric), "date": i.date,
            "date_end": i.date_end, "location_name": i.location_name, "location_country": i.location_country,
            "status": i.status, "n_events": i.n_events, "n_documents": i.n_documents}


def _names(s: Session, codes: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for code in sorted(c for c in codes if c):
        out[code] = analysis.state_name(s, code) or (getattr(s.get(Actor, code), "name", None) or code)
    return out


def list_incidents(store: Store, *, actor: str | None = None, a: str | None = None, b: str | None = None,
                   types: list[str] | None = None, status: list[str] | None = None, date_from: str | None = None,
                   date_to: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Incidents (events merged across articles), newest first, with the same filters as events."""
    actor, a, b = clean(actor), clean(a), clean(b)
    types = [t.upper() for t in (clean(t) for t in types or []) if t]
    statuses = [x for x in (clean(x) for x in status or []) if x]
    sides = (Incident.side_a, Incident.side_b)
    with store.session() as s:
        stmt = select(Incident)
        if actor:
            stmt = stmt.where(_either(sides, one_actor_keys(store, actor)))
        if a and b:
            ka, kb = actor_keys(store, a), actor_keys(store, b)
            stmt = stmt.where(or_(Incident.side_a.in_(ka) & Incident.side_b.in_(kb),
                                  Incident.side_a.in_(kb) & Incident.side_b.in_(ka)))
        elif a or b:
            stmt = stmt.where(_either(sides, actor_keys(store, a or b or "")))
        if types:
            stmt = stmt.where(Incident.type.in_(types))
        if statuses:
            stmt = stmt.where(Incident.status.in_(statuses))
        for cond in _date_range(Incident.date, date_from, date_to):
            stmt = stmt.where(cond)
        stmt = stmt.order_by(_newest_first(s, Incident.date), Incident.id.desc())
        total, rows = _page(s, stmt, limit, offset)
        incidents = [r[0] for r in rows]
        names = _names(s, {x for i in incidents for x in (i.side_a, i.side_b) if x})
        items = [_incident_row(i, names) for i in incidents]
    return Page(total, limit, offset, items)


def get_incident(store: Store, incident_id: str) -> dict[str, Any]:
    """One incident with its events (each with its document and evidence span)."""
    with store.session() as s:
        inc = s.get(Incident, incident_id)
        if inc is None:
            raise DyadError(Errors.E404, what=f"incident {incident_id!r}")
        out = _incident_row(inc, _names(s, {x for x in (inc.side_a, inc.side_b) if x}))
        out["events"] = [_event_row(*row) for row in s.execute(
            _event_select().where(IncidentEvent.incident_id == inc.id)
            .order_by(Document.seq, Event.evidence_start, Event.id))]
    return out


# ---------------------------------------------------------------- quotes and amounts
def _quote_row(q: Quote, d: Document) -> dict[str, Any]:
    return {"id": q.id, "document_id": q.document_id, "document_seq": d.seq, "document_title": d.title,
            "document_published": d.published_date, "start": q.start, "end": q.end, "text": q.text,
            "direct": bool(q.direct), "speaker_id": q.speaker_id, "speaker_name": q.speaker_name,
            "speaker_country": q.speaker_country, "cue": q.cue, "via": list(q.via or []), "sentence": q.sentence}


def list_quotes(store: Store, *, q: str | None = None, speaker: str | None = None, document: str | None = None,
                limit: int = 50, offset: int = 0) -> Page:
    """Quotes whose text holds every word of ``q`` and whose speaker matches ``speaker`` (id, country or name)."""
    q, speaker, document = clean(q), clean(speaker), clean(document)
    with store.session() as s:
        stmt = select(Quote.id).join(Document, Document.id == Quote.document_id)
        if q:
            if store.fts and store.dialect == "sqlite":
                match = fts_query(q)
                if match is None:
                    return Page(0, limit, offset)
                matching = (sql_text("SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH :fq")
                            .bindparams(fq=f"text : ({match})").columns(quote_id=String))
                stmt = stmt.where(Quote.id.in_(matching))
            elif store.dialect == "postgresql":
                stmt = stmt.where(func.to_tsvector("english", Quote.text).op("@@")(func.plainto_tsquery("english", q)))
            else:
                stmt = stmt.where(Quote.text.ilike(like_pattern(q), escape="\\"))
        if speaker:
            stmt = stmt.where(or_(Quote.speaker_id == speaker, Quote.speaker_country == speaker.upper(),
                                  Quote.speaker_name.ilike(like_pattern(speaker), escape="\\")))
        return _document_items(s, Quote, stmt, document, _quote_row, limit, offset)


def _amount_row(a: Amount, d: Document) -> dict[str, Any]:
    return {"id": a.id, "document_id": a.document_id, "document_seq": d.seq, "document_title": d.title,
            "start": a.start, "end": a.end, "text": a.text, "value": a.value, "unit": a.unit, "object": a.object,
            "qualifier": a.qualifier, "per": a.per, "claimed_by": a.claimed_by, "sentence": a.sentence}


def list_amounts(store: Store, *, q: str | None = None, unit: str | None = None, claimed_by: str | None = None,
                 document: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Amounts (figures with unit, object and claimant); ``q`` matches the object or the text."""
    q, unit, claimed_by, document = clean(q), clean(unit), clean(claimed_by), clean(document)
    with store.session() as s:
        stmt = select(Amount.id).join(Document, Document.id == Amount.document_id)
        if q:
            pat = like_pattern(q)
            stmt = stmt.where(or_(Amount.object.ilike(pat, escape="\\"), Amount.text.ilike(pat, escape="\\")))
        if unit:
            stmt = stmt.where(Amount.unit == unit)
        if claimed_by:
            stmt = stmt.where(Amount.claimed_by.ilike(like_pattern(claimed_by), escape="\\"))
        return _document_items(s, Amount, stmt, document, _amount_row, limit, offset)


# ---------------------------------------------------------------- network
def network(store: Store, *, limit: int = 40, min_events: int = 1) -> dict[str, Any]:
    """The actor network: countries (or actors without one) joined by the events between them.

    Nodes are the ``limit`` best connected; each edge counts events per quad (cooperation/conflict).
    """
    types = analysis.weights()["types"]
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    with store.session() as s:
        rows = s.execute(select(Event.source_country, Event.target_country, Event.type, func.count())
                         .where(Event.source_country.is_not(None), Event.target_country.is_not(None),
                                Event.source_country != Event.target_country)
                         .group_by(Event.source_country, Event.target_country, Event.type))
        for src, tgt, etype, n in rows:
            pair = sorted((str(src), str(tgt)))
            key = (pair[0], pair[1])
            edge = pairs.setdefault(key, {"a": key[0], "b": key[1], "events": 0, "cooperation": 0, "conflict": 0})
            edge["events"] += int(n)
            quad = types.get(etype, {}).get("quad", "")
            if "cooperation" in quad:
                edge["cooperation"] += int(n)
            elif "conflict" in quad:
                edge["conflict"] += int(n)
        edges = [e for e in pairs.values() if e["events"] >= min_events]
        degree: dict[str, int] = {}
        for e in edges:
            degree[e["a"]] = degree.get(e["a"], 0) + e["events"]
            degree[e["b"]] = degree.get(e["b"], 0) + e["events"]
        keep = sorted(degree, key=lambda k: (-degree[k], k))[:limit]
        kept = set(keep)
        names = _names(s, kept)
        nodes = [{"id": k, "name": names.get(k, k), "events": degree[k]} for k in keep]
    edges = sorted((e for e in edges if e["a"] in kept and e["b"] in kept),
                   key=lambda e: (-e["events"], e["a"], e["b"]))
    return {"nodes": nodes, "edges": edges}
