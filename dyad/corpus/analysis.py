"""Dyad analysis: what the corpus says about a pair of actors A and B, every item cited.

``analyse(store, a, b)`` returns a plain dict (JSON-ready) with:

* ``incidents``: the timeline of merged incidents between A and B (dated first, oldest first);
* ``monthly``: per month, incident counts by PLOVER quad class and a cooperation–conflict score,
  the sum of each incident's weight times its status factor (``dyad/data/corpus/weights.json``,
  Goldstein-style values through the CAMEO root class; the events stage's crosswalk
  ``dyad/data/events/plover_cameo.json`` wins when it gives a weight);
* ``ledger``: what flows A→B and B→A: aid and cooperation events and accusations of transfers,
  their objects in the categories of ``dyad/data/corpus/ledger.json``, with status and denials;
* ``disputes``: claims (accusations, alleged events) next to the accused side's denial;
* ``statements``: attributed quotes by A, by B and by third parties in the dyad's articles;
* ``figures``: amounts in sentences about the dyad, with who claims them.

A citation is ``[article:sentence]``: the document's corpus number and the 1-based sentence.
Near-duplicate documents are read once (the first of each group).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from dyad.corpus.sentences import sentence_span
from dyad.corpus.store import (
    Actor,
    Amount,
    Document,
    DocumentGroup,
    Event,
    Incident,
    IncidentEvent,
    Mention,
    Quote,
    Store,
)
from dyad.datafiles import packaged_json
from dyad.errors import DyadError, Errors

FLOW_TYPES = ("AID", "COOPERATE")
TIME_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                        "minute", "minutes", "decade", "decades", "century", "centuries", "times"})
_ATTR_AFTER = re.compile(r"\b(?:according to|per|citing|cited by|as quoted by|quoted by|as per)\s+([^,.;:()]+)",
                         re.IGNORECASE)
_ATTR_BEFORE = re.compile(r"(?:^|[,;]\s*|\b(?:and|but)\s+)([^,;“”\"]{2,80}?)\s+(?:said|says|estimated|estimates|"
                          r"reported|reports|believe|believes|told)\b", re.IGNORECASE)


# ---------------------------------------------------------------- knowledge files
@cache
def weights() -> dict[str, Any]:
    """Type -> {quad, weight, label}, status factors, and CAMEO root -> weight.

    The events stage's crosswalk (``dyad/data/events/plover_cameo.json``) is the source of the
    Goldstein-style weights and quad classes when it is there: a type weighs what its default
    CAMEO code's root weighs, and an event coded with a CAMEO code weighs what its own root
    weighs. ``dyad/data/corpus/weights.json`` fills in whatever the crosswalk lacks.
    """
    base: dict[str, Any] = packaged_json("corpus/weights.json")
    types = {k: dict(v) for k, v in base["types"].items()}
    roots: dict[str, float] = {}
    source = "dyad/data/corpus/weights.json"
    try:
        crosswalk = packaged_json("events/plover_cameo.json")
    except DyadError:
        crosswalk = None
    if isinstance(crosswalk, dict) and isinstance(crosswalk.get("roots"), dict):
        for code, info in crosswalk["roots"].items():
            if isinstance(info, dict) and isinstance(info.get("weight"), int | float):
                roots[str(code)] = float(info["weight"])
        for t, info in (crosswalk.get("types") or {}).items():
            if not isinstance(info, dict):
                continue
            entry = types.setdefault(t, {"label": t.lower(), "quad": "other", "weight": 0.0})
            if info.get("quad"):
                entry["quad"] = info["quad"]
            default = str(info.get("cameo") or "")[:2] or (info.get("roots") or [""])[0]
            if default in roots:
                entry["weight"] = roots[default]
                entry["cameo_root"] = default
        if roots:
            source = ("dyad/data/events/plover_cameo.json (Goldstein-style weight of each CAMEO root), "
                      "with dyad/data/corpus/weights.json")
    return {"types": types, "roots": roots, "quads": list(base["quads"]),
            "status_factors": dict(base["status_factors"]), "source": source}


def event_weight(w: dict[str, Any], type_: str, cameo: str | None) -> float:
    """An event's weight: its own CAMEO root's, else its type's."""
    if cameo and cameo[:2] in w["roots"]:
        return float(w["roots"][cameo[:2]])
    return float(w["types"].get(type_, {}).get("weight", 0.0))


@dataclass(frozen=True)
class Lexicon:
    categories: dict[str, re.Pattern[str]]
    transfer: re.Pattern[str]
    receive: re.Pattern[str]
    denial: re.Pattern[str]
    exchange: re.Pattern[str]
    breaks: re.Pattern[str]


def _words(terms: list[str]) -> re.Pattern[str]:
    alts = sorted({re.escape(t.lower()) for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    data = packaged_json("corpus/ledger.json")
    return Lexicon({name: _words(terms) for name, terms in data["categories"].items()},
                   _words(data["transfer_terms"]), _words(data["receive_terms"]), _words(data["denial_terms"]),
                   _words(data["exchange_terms"]),
                   re.compile("|".join(re.escape(b) for b in data["clause_breaks"]), re.IGNORECASE))


def categorise(text: str) -> dict[str, list[str]]:
    """Ledger categories found in ``text`` with the terms that matched, in order of first appearance."""
    out: dict[str, list[str]] = {}
    for name, pattern in lexicon().categories.items():
        terms: list[str] = []
        for m in pattern.finditer(text):
            t = m.group().lower()
            if t not in terms:
                terms.append(t)
        if terms:
            out[name] = terms
    return out


# ---------------------------------------------------------------- helpers
def human_date(d: str | None, end: str | None = None) -> str:
    """``2023-09-12`` -> ``12 Sep 2023``; with ``end`` ``2023-09-13`` -> ``12–13 Sep 2023``."""
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    if not d:
        return "undated"
    parts = d.split("-")
    try:
        if len(parts) == 1:
            return parts[0]
        mon = months[int(parts[1]) - 1]
        if len(parts) == 2:
            return f"{mon} {parts[0]}"
        day = int(parts[2])
        if end and len(end) == 10 and end[:7] == d[:7] and end != d:
            return f"{day}–{int(end[8:10])} {mon} {parts[0]}"
        if end and len(end) == 10 and end != d:
            return f"{day} {mon} {parts[0]} – {human_date(end)}"
        return f"{day} {mon} {parts[0]}"
    except (ValueError, IndexError):
        return d


def cite(seq: int, sentence: int) -> str:
    return f"[{seq}:{sentence}]"


class DyadReader:
    """Reads one dyad out of a store session (caches documents and actors)."""

    def __init__(self, s: Session, a: str, b: str) -> None:
        self.s, self.a, self.b = s, a, b
        self.sides = {a, b}
        self.docs: dict[str, Document] = {}
        self.primary: set[str] = set()
        self._actors: dict[str, Actor | None] = {}
        self.cited_docs: set[str] = set()
        self._names: dict[str, str] = {}
        self._primary_cache: dict[str, str] = {}

    def actor(self, actor_id: str | None) -> Actor | None:
        """An actor by id (read once, cached)."""
        if not actor_id:
            return None
        if actor_id not in self._actors:
            self._actors[actor_id] = self.s.get(Actor, actor_id)
        return self._actors[actor_id]

    # -- documents and sentences
    def doc(self, doc_id: str) -> Document:
        if doc_id not in self.docs:
            d = self.s.get(Document, doc_id)
            if d is None:
                raise DyadError(Errors.E404, what=f"document {doc_id}")
            self.docs[doc_id] = d
        return self.docs[doc_id]

    def is_primary(self, doc_id: str) -> bool:
        """True for the first document of its near-duplicate group (the one that is read)."""
        d = self.doc(doc_id)
        if d.group_id not in self._primary_cache:
            self._primary_cache[d.group_id] = self.s.scalar(
                select(DocumentGroup.primary_id).where(DocumentGroup.id == d.group_id)) or d.id
        return self._primary_cache[d.group_id] == doc_id

    def cite_at(self, doc_id: str, sentence: int) -> str:
        self.cited_docs.add(doc_id)
        return cite(self.doc(doc_id).seq, sentence)

    def sentence_text(self, doc_id: str, sentence: int) -> str:
        d = self.doc(doc_id)
        start, end = sentence_span(d.text, d.sentences or [0], sentence)
        return d.text[start:end]

    def name(self, code: str | None) -> str:
        """Display name of a country code or actor id."""
        if not code:
            return "unknown"
        if code not in self._names:
            found = state_name(self.s, code)
            actor = self.actor(code)
            self._names[code] = found or (actor.name if actor else code)
        return self._names[code]

    def actor_name(self, actor_id: str | None) -> str | None:
        if not actor_id:
            return None
        actor = self.actor(actor_id)
        return actor.name if actor else actor_id

    def side_of(self, country: str | None) -> str:
        return "a" if country == self.a else "b" if country == self.b else "third"

    def sentence_mentions(self, doc_id: str, sentence: int) -> set[str]:
        """Countries (or actor ids) mentioned in a sentence."""
        rows = self.s.execute(select(Mention.actor_id).where(Mention.document_id == doc_id,
                                                              Mention.sentence == sentence))
        out = set()
        for (aid,) in rows:
            actor = self.actor(aid)
            out.add(actor.country if actor and actor.country else aid)
        return out


def state_name(s: Session, code: str) -> str | None:
    """The name of the state actor of country ``code``: the one whose id is the code, else the most mentioned."""
    own = s.get(Actor, code)
    if own is not None and own.kind == "state":
        return own.name
    row = s.execute(select(Actor.name).join(Mention, Mention.actor_id == Actor.id, isouter=True)
                    .where(Actor.country == code, Actor.kind == "state")
                    .group_by(Actor.id, Actor.name).order_by(func.count(Mention.id).desc(), Actor.name)
                    .limit(1)).scalar()
    return str(row) if row else None


def resolve(store: Store, name: str) -> str:
    """A country code (or actor id) for a code or a name known to the corpus; E303 if unknown."""
    q = name.strip()
    if not q:
        raise DyadError(Errors.E303, name=name)
    with store.session() as s:
        up = q.upper()
        known = s.scalar(select(func.count()).select_from(Actor).where(Actor.country == up))
        if known or s.scalar(select(func.count()).select_from(Event).where(
                or_(Event.source_country == up, Event.target_country == up))):
            return up
        low = q.casefold()
        for row in s.scalars(select(Actor).where(func.lower(Actor.name) == low)
                             .order_by(Actor.kind != "state")):
            return row.country or row.id
        aid = s.scalar(select(Mention.actor_id).where(func.lower(Mention.text) == low)
                       .group_by(Mention.actor_id).order_by(func.count().desc()).limit(1))
        if aid:
            actor = s.get(Actor, aid)
            return (actor.country or actor.id) if actor else aid
        actor = s.get(Actor, q)
        if actor is not None:
            return actor.country or actor.id
    raise DyadError(Errors.E303, name=name)


# ---------------------------------------------------------------- the analysis
def analyse(store: Store, a: str, b: str) -> dict[str, Any]:
    """The full analysis of dyad ``a``–``b`` (codes or names)."""
    ca, cb = resolve(store, a), resolve(store, b)
    with store.session() as s:
        return _analyse(DyadReader(s, ca, cb))


def _dyad_events(r: DyadReader) -> list[Event]:
    s = r.s
    return list(s.scalars(select(Event).where(or_(
        (Event.source_country == r.a) & (Event.target_country == r.b),
        (Event.source_country == r.b) & (Event.target_country == r.a))).order_by(Event.document_id, Event.sentence)))


def _analyse(r: DyadReader) -> dict[str, Any]:
    w = weights()
    events = _dyad_events(r)
    doc_ids = sorted({e.document_id for e in events}, key=lambda d: r.doc(d).seq)
    incidents = _incidents(r, w)
    ledger, disputes = _ledger(r, events, doc_ids)
    statements = _statements(r, doc_ids)
    figures = _figures(r, events, doc_ids)
    monthly = _monthly(incidents, w)
    score = _score(incidents, w)
    out = {
        "dyad": {"a": r.a, "b": r.b, "a_name": r.name(r.a), "b_name": r.name(r.b)},
        "incidents": incidents,
        "monthly": monthly,
        "score": score,
        "ledger": ledger,
        "disputes": disputes,
        "statements": statements,
        "figures": figures,
    }
    out["summary"] = _summary(r, out)
    out["sources"] = [_source(r.doc(d)) for d in sorted(r.cited_docs, key=lambda d: r.doc(d).seq)]
    out["weights"] = {"source": w["source"], "types": {t: v["weight"] for t, v in w["types"].items()},
                      "quads": {t: v["quad"] for t, v in w["types"].items()}, "cameo_roots": w["roots"],
                      "status_factors": w["status_factors"]}
    return out


def _source(d: Document) -> dict[str, Any]:
    lead = " ".join(d.text[:200].split())
    lead = lead if len(lead) <= 90 else lead[:89].rsplit(" ", 1)[0] + "…"
    return {"seq": d.seq, "id": d.id, "title": d.title, "lead": lead, "outlet": d.outlet, "published": d.published,
            "path": d.path, "url": d.url, "group": d.group_id}


_SETTLED = ("asserted", "reported")


def _lead_key(e: Event) -> tuple[int, bool, bool, int]:
    """The event that best stands for its incident: the most precise date, a place, a settled
    status (not planned or alleged), then the one nearest its article's lead."""
    return (len(e.date or ""), e.location_name is not None, e.status in _SETTLED, -e.sentence)


def _incidents(r: DyadReader, w: dict[str, Any]) -> list[dict[str, Any]]:
    s = r.s
    rows = list(s.scalars(select(Incident).where(or_(
        (Incident.side_a == r.a) & (Incident.side_b == r.b),
        (Incident.side_a == r.b) & (Incident.side_b == r.a)))))
    out = []
    for inc in rows:
        members = list(s.scalars(select(Event).join(IncidentEvent, IncidentEvent.event_id == Event.id)
                                 .where(IncidentEvent.incident_id == inc.id)))
        members.sort(key=lambda e: (r.doc(e.document_id).seq, e.sentence))
        info = w["types"].get(inc.type, {"quad": "other", "weight": 0.0, "label": inc.type.lower()})
        weight = (sum(event_weight(w, e.type, e.cameo) for e in members) / len(members)) if members else info["weight"]
        seen: set[str] = set()
        evs = []
        for e in members:
            c = r.cite_at(e.document_id, e.sentence)
            if c in seen:
                continue
            seen.add(c)
            evs.append({"cite": c, "evidence": e.evidence_text, "status": e.status, "date": e.date,
                        "source": r.actor_name(e.source_id), "target": r.actor_name(e.target_id),
                        "document": r.doc(e.document_id).seq})
        lead = max(members, key=_lead_key) if members else None
        src = r.name(inc.side_a) if not inc.symmetric else r.name(r.a)
        tgt = r.name(inc.side_b) if not inc.symmetric else r.name(r.b)
        out.append({
            "id": inc.id, "type": inc.type, "label": info["label"], "quad": info["quad"],
            "weight": round(weight, 2), "symmetric": inc.symmetric,
            "source": inc.side_a, "target": inc.side_b, "source_name": src, "target_name": tgt,
            "date": inc.date, "date_end": inc.date_end, "when": human_date(inc.date, inc.date_end),
            "location": inc.location_name, "status": inc.status, "statuses": sorted({e.status for e in members}),
            "n_documents": inc.n_documents, "n_events": inc.n_events, "events": evs,
            "headline": lead.evidence_text if lead else "",
            "headline_cite": r.cite_at(lead.document_id, lead.sentence) if lead else "",
            "cites": [e["cite"] for e in evs],
        })
    out.sort(key=lambda i: (i["date"] is None, i["date"] or "", i["events"][0]["document"] if i["events"] else 0))
    return out


def _factor(w: dict[str, Any], status: str) -> float:
    return float(w["status_factors"].get(status, 1.0))


def _monthly(incidents: list[dict[str, Any]], w: dict[str, Any]) -> list[dict[str, Any]]:
    months: dict[str, dict[str, Any]] = {}
    for inc in incidents:
        d = inc["date"]
        factor = _factor(w, inc["status"])
        if not d or len(d) < 7 or factor == 0:
            continue
        m = months.setdefault(d[:7], {"month": d[:7], "counts": dict.fromkeys(w["quads"], 0),
                                      "score": 0.0, "cooperation": 0.0, "conflict": 0.0, "cites": []})
        if inc["quad"] in m["counts"]:
            m["counts"][inc["quad"]] += 1
        value = inc["weight"] * factor
        m["score"] = round(m["score"] + value, 2)
        key = "cooperation" if value >= 0 else "conflict"
        m[key] = round(m[key] + abs(value), 2)
        m["cites"].extend(inc["cites"][:2])
    return [months[k] for k in sorted(months)]


def _score(incidents: list[dict[str, Any]], w: dict[str, Any]) -> dict[str, Any]:
    total = coop = conf = 0.0
    n_coop = n_conf = 0
    for inc in incidents:
        v = inc["weight"] * _factor(w, inc["status"])
        total += v
        if v > 0:
            coop += v
            n_coop += 1
        elif v < 0:
            conf += -v
            n_conf += 1
    return {"total": round(total, 2), "cooperation": round(coop, 2), "conflict": round(conf, 2),
            "cooperative_incidents": n_coop, "conflictual_incidents": n_conf}


# ---------------------------------------------------------------- ledger and disputes
def clause_after(r: DyadReader, e: Event) -> tuple[str, str]:
    """The event's clause (its evidence to the first clause break or exchange term) and what an
    exchange term introduces ("in exchange for X": X), read from the event's sentence."""
    doc = r.doc(e.document_id)
    _start, end = sentence_span(doc.text, doc.sentences or [0], e.sentence)
    tail = doc.text[e.evidence_start:max(end, e.evidence_end)]
    lex = lexicon()
    cut = len(tail)
    m_break = lex.breaks.search(tail, len(e.evidence_text))
    if m_break:
        cut = m_break.start()
    m_ex = lex.exchange.search(tail, len(e.evidence_text))
    if m_ex and m_ex.start() < cut:
        return tail[:m_ex.start()], tail[m_ex.end():cut if m_break and m_break.start() > m_ex.end() else None]
    return tail[:cut], ""


def _flow_categories(r: DyadReader, e: Event, amounts: list[Amount]) -> tuple[dict[str, list[str]], str, str]:
    """Categories of what an event moves (its evidence and amounts, else its clause, else for aid the
    sentence before), the basis, and the counter-flow text ("in exchange for ...")."""
    found = categorise(e.evidence_text)
    for am in amounts:
        if am.document_id == e.document_id and am.sentence == e.sentence and am.object and \
                e.evidence_start <= am.start < e.evidence_end + 200:
            for k, v in categorise(am.object).items():
                found.setdefault(k, []).extend(t for t in v if t not in found.get(k, []))
    clause, counter = clause_after(r, e)
    if found:
        return found, "evidence", counter
    found = categorise(clause)
    if found:
        return found, "clause", counter
    if e.type == "AID" and e.sentence > 1:
        found = categorise(r.sentence_text(e.document_id, e.sentence - 1))
        if found:
            return found, "context", counter
    return {}, "", counter


def _ledger(r: DyadReader, events: list[Event], doc_ids: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    s = r.s
    lex = lexicon()
    primary = [d for d in doc_ids if r.is_primary(d)]
    amounts = list(s.scalars(select(Amount).where(Amount.document_id.in_(primary))))
    entries: list[dict[str, Any]] = []

    def add(giver: str, receiver: str, e: Event, cats: dict[str, list[str]], status: str, basis: str,
            kind: str) -> None:
        for cat, terms in cats.items():
            entries.append({
                "giver": giver, "receiver": receiver, "giver_name": r.name(giver), "receiver_name": r.name(receiver),
                "category": cat, "terms": terms, "status": status, "event_type": e.type, "kind": kind,
                "basis": basis, "evidence": e.evidence_text, "cite": r.cite_at(e.document_id, e.sentence),
                "document_id": e.document_id, "sentence": e.sentence,
                "reported_by": r.actor_name(e.reported_by), "denied_by": None, "denial_cite": None,
            })

    for e in events:
        if not r.is_primary(e.document_id):
            continue
        if e.type in FLOW_TYPES:
            cats, basis, counter = _flow_categories(r, e, amounts)
            if not cats and e.type == "AID":
                cats, basis = {"unspecified assistance": []}, "evidence"
            if cats:
                add(e.source_country or "", e.target_country or "", e, cats, e.status, basis, "event")
            back = categorise(counter) if counter else {}
            if back:  # "X provides Y with arms in exchange for food": food flows Y -> X
                add(e.target_country or "", e.source_country or "", e, back, e.status, "exchange", "event")
        elif e.type == "SUPPORT":
            add(e.source_country or "", e.target_country or "", e, {"diplomatic support": []}, e.status,
                "event", "event")
    # accusations that one side transfers something to the other
    accusations = list(s.scalars(select(Event).where(Event.type == "ACCUSE", Event.document_id.in_(primary),
                                                     Event.target_country.in_(r.sides))))
    for e in accusations:
        sent = r.sentence_text(e.document_id, e.sentence)
        accused = e.target_country or ""
        other = r.b if accused == r.a else r.a
        if not lex.transfer.search(sent) or other not in r.sentence_mentions(e.document_id, e.sentence) | {
                e.source_country}:
            continue
        doc = r.doc(e.document_id)
        claimed = doc.text[e.evidence_start:doc.text.find(sent) + len(sent)] if sent in doc.text else sent
        cats = categorise(e.evidence_text) or categorise(claimed)  # what the accusation says, not what precedes it
        if not cats:
            continue
        receive = bool(lex.receive.search(sent))
        giver, receiver = (other, accused) if receive else (accused, other)
        add(giver, receiver, e, cats, "alleged", "accusation", "accusation")
        entries[-1]["alleged_by"] = r.name(e.source_country) if e.source_country else None
    # a side blocking sanctions against the other (a veto): diplomatic support
    sanctioned = {(e.document_id, e.sentence, e.target_country) for e in s.scalars(select(Event).where(
        Event.type == "SANCTION", Event.document_id.in_(primary), Event.target_country.in_(r.sides)))}
    for e in s.scalars(select(Event).where(Event.type == "REJECT", Event.document_id.in_(primary),
                                           Event.source_country.in_(r.sides))):
        other = r.b if e.source_country == r.a else r.a
        if (e.document_id, e.sentence, other) in sanctioned and not lex.denial.search(e.evidence_text):
            terms = categorise(e.evidence_text).get("diplomatic support", [])
            add(e.source_country or "", other, e, {"diplomatic support": terms}, e.status, "sanctions", "event")
    # denials: a REJECT by a side, or an event held as denied, next to a claim about that side
    rejects = [e for e in s.scalars(select(Event).where(Event.type == "REJECT", Event.document_id.in_(primary),
                                                        Event.source_country.in_(r.sides)))
               if lex.denial.search(e.evidence_text) or lex.denial.search(e.mode or "")]
    disputes: list[dict[str, Any]] = []
    for entry in entries:
        for rej in rejects:
            if (rej.document_id == entry["document_id"] and rej.source_country == entry["giver"]
                    and abs(rej.sentence - entry["sentence"]) <= 1):
                entry["denied_by"] = r.name(rej.source_country)
                entry["denial_cite"] = r.cite_at(rej.document_id, rej.sentence)
                entry["denial"] = rej.evidence_text
        if entry["status"] == "denied" and not entry["denied_by"]:
            entry["denied_by"] = entry["giver_name"]
            entry["denial_cite"] = entry["cite"]
    claims = [*accusations, *[e for e in events if e.status == "alleged" and r.is_primary(e.document_id)]]
    for rej in rejects:
        for claim in claims:
            suspect = claim.target_country if claim.type == "ACCUSE" else claim.source_country
            if claim.document_id == rej.document_id and suspect == rej.source_country and \
                    abs(claim.sentence - rej.sentence) <= 1 and claim.id != rej.id:
                disputes.append({
                    "claim": claim.evidence_text, "claim_cite": r.cite_at(claim.document_id, claim.sentence),
                    "claim_sentence": r.sentence_text(claim.document_id, claim.sentence),
                    "claimant": r.name(claim.source_country) if claim.type == "ACCUSE"
                    else (r.actor_name(claim.reported_by) or "reports"),
                    "accused": r.name(suspect), "denial": rej.evidence_text,
                    "denial_cite": r.cite_at(rej.document_id, rej.sentence), "denied_by": r.name(rej.source_country),
                })
                break
    for e in events:
        if e.status == "denied" and r.is_primary(e.document_id):
            disputes.append({"claim": e.evidence_text, "claim_cite": r.cite_at(e.document_id, e.sentence),
                             "claim_sentence": r.sentence_text(e.document_id, e.sentence),
                             "claimant": r.actor_name(e.reported_by) or "reports", "accused": r.name(e.source_country),
                             "denial": e.evidence_text, "denial_cite": r.cite_at(e.document_id, e.sentence),
                             "denied_by": r.name(e.source_country)})
    merged: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for entry in entries:
        entry.pop("document_id", None)
        key = (entry["giver"], entry["receiver"], entry["category"], entry["cite"])
        if key in merged:  # an accusation and the alleged event it names: one entry
            first = merged[key]
            first["alleged_by"] = first.get("alleged_by") or entry.get("alleged_by")
            if entry["kind"] == "accusation" and first["status"] in {"asserted", "reported"}:
                first["status"] = "alleged"  # the event is the content of an accusation
            first["terms"] = _dedupe([*first["terms"], *entry["terms"]])
            continue
        merged[key] = entry
    entries = list(merged.values())
    entries.sort(key=lambda x: (x["giver"], x["receiver"], x["category"], x["cite"]))
    return entries, _unique(disputes, ("claim_cite", "denial_cite"))


def _unique(items: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    seen = set()
    out = []
    for it in items:
        k = tuple(it.get(x) for x in keys)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


# ---------------------------------------------------------------- statements and figures
def _statements(r: DyadReader, doc_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"a": [], "b": [], "third": []}
    primary = [d for d in doc_ids if r.is_primary(d)]
    quotes = list(r.s.scalars(select(Quote).where(Quote.document_id.in_(primary))))
    quotes.sort(key=lambda q: (r.doc(q.document_id).seq, q.start))
    seen = set()
    for q in quotes:
        if not (q.speaker_id or q.speaker_name):
            continue
        actor = r.actor(q.speaker_id or "")
        country = q.speaker_country or (actor.country if actor else None)
        speaker = q.speaker_name or (actor.name if actor else q.speaker_id)
        key = (speaker, q.text)
        if key in seen:
            continue
        seen.add(key)
        side = r.side_of(country)
        out[side].append({"speaker": speaker, "speaker_id": q.speaker_id, "country": country, "text": q.text,
                          "direct": q.direct, "cue": q.cue, "via": [r.actor_name(v) or v for v in q.via or []],
                          "cite": r.cite_at(q.document_id, q.sentence)})
    return out


def claimant(r: DyadReader, am: Amount, quotes: list[Quote], events: list[Event]) -> tuple[str, str]:
    """Who claims an amount, and how that was found (amount, quote, event, attribution, article)."""
    if am.claimed_by:
        return r.actor_name(am.claimed_by) or am.claimed_by, "amount"
    for q in quotes:
        if q.document_id == am.document_id and q.start <= am.start and am.end <= q.end and \
                (q.speaker_name or q.speaker_id):
            return q.speaker_name or r.actor_name(q.speaker_id) or "", "quote"
    for e in events:
        if e.document_id == am.document_id and e.sentence == am.sentence and e.reported_by:
            return r.actor_name(e.reported_by) or "", "event"
    sent = r.sentence_text(am.document_id, am.sentence)
    m = _ATTR_AFTER.search(sent) or _ATTR_BEFORE.search(sent)
    if m:
        phrase = m.group(1).strip()
        start = sent.find(phrase)
        doc = r.doc(am.document_id)
        s0, _ = sentence_span(doc.text, doc.sentences or [0], am.sentence)
        lo, hi = s0 + start, s0 + start + len(phrase)
        men = r.s.scalars(select(Mention).where(Mention.document_id == am.document_id, Mention.start >= lo,
                                                Mention.end <= hi).order_by(Mention.start)).first()
        if men is not None and phrase.lower().startswith(("the ", "a ", "an ")) is False:
            return r.actor_name(men.actor_id) or phrase, "attribution"
        return phrase, "attribution"
    doc = r.doc(am.document_id)
    return doc.outlet or "the article", "article"


def _figures(r: DyadReader, events: list[Event], doc_ids: list[str]) -> list[dict[str, Any]]:
    primary = [d for d in doc_ids if r.is_primary(d)]
    amounts = list(r.s.scalars(select(Amount).where(Amount.document_id.in_(primary))))
    quotes = list(r.s.scalars(select(Quote).where(Quote.document_id.in_(primary))))
    all_events = list(r.s.scalars(select(Event).where(Event.document_id.in_(primary))))
    event_sentences = {(e.document_id, e.sentence) for e in events}
    out = []
    for am in sorted(amounts, key=lambda x: (r.doc(x.document_id).seq, x.start)):
        obj = (am.object or am.unit or "").lower()
        if obj in TIME_UNITS or (am.unit or "").lower() in TIME_UNITS:
            continue
        mentioned = r.sentence_mentions(am.document_id, am.sentence)
        if not mentioned:
            sent = r.sentence_text(am.document_id, am.sentence).lower()
            mentioned = {c for c in r.sides if r.name(c).lower() in sent}
        about = (am.document_id, am.sentence) in event_sentences or r.sides <= mentioned
        if not about:
            continue
        who, basis = claimant(r, am, quotes, all_events)
        out.append({"value": am.value, "text": am.text, "unit": am.unit, "object": am.object,
                    "qualifier": am.qualifier, "per": am.per, "claimed_by": who, "claim_basis": basis,
                    "sentence": r.sentence_text(am.document_id, am.sentence),
                    "cite": r.cite_at(am.document_id, am.sentence)})
    return out


# ---------------------------------------------------------------- summary
def _summary(r: DyadReader, out: dict[str, Any]) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    a, b = out["dyad"]["a_name"], out["dyad"]["b_name"]
    incs = out["incidents"]
    dated = [i for i in incs if i["date"]]
    sc = out["score"]
    if incs:
        docs = {e["document"] for i in incs for e in i["events"]}
        span = f", {human_date(dated[0]['date'])} to {human_date(dated[-1]['date'])}" if dated else ""
        cites = _first_cites([dated[0], dated[-1]] if dated else incs[:2])
        n_inc = f"{len(incs)} incident{'s' if len(incs) != 1 else ''}"
        n_doc = f"{len(docs)} article{'s' if len(docs) != 1 else ''}"
        lines.append({"text": f"{n_inc} between {a} and {b} in {n_doc}{span}; "
                              f"cooperation–conflict score {sc['total']:+.1f} ({sc['cooperative_incidents']} "
                              f"cooperative, {sc['conflictual_incidents']} conflictual).", "cites": cites})
        meetings = [i for i in dated if i["type"] in {"CONSULT", "AGREE"} and i["status"] in {"asserted", "reported"}]
        best = sorted(meetings, key=lambda i: (-i["n_documents"], -i["n_events"], i["date"]))[:3]
        for i in sorted(best, key=lambda i: i["date"]):
            where = f" at {i['location']}" if i["location"] else ""
            lines.append({"text": f"{i['when']}: {i['label']} between {i['source_name']} and "
                                  f"{i['target_name']}{where} ({i['status']}).", "cites": i["cites"][:3]})
    for giver, receiver in ((r.b, r.a), (r.a, r.b)):
        flows = [x for x in out["ledger"] if x["giver"] == giver and x["receiver"] == receiver]
        if flows:
            cats = _dedupe(x["category"] for x in flows)
            lines.append({"text": f"{r.name(giver)} → {r.name(receiver)}: {', '.join(cats)}.",
                          "cites": _dedupe(x["cite"] for x in flows)[:4]})
    st = out["statements"]
    if any(st.values()):
        firsts = [q["cite"] for side in ("a", "b", "third") for q in st[side][:1]]
        speakers = {side: _dedupe(q["speaker"] for q in st[side]) for side in st}
        parts = [f"{label}: {', '.join(speakers[side][:4])}" for side, label in
                 (("a", a), ("b", b), ("third", "others")) if speakers[side]]
        lines.append({"text": "Who spoke — " + "; ".join(parts) + ".", "cites": firsts})
    if out["figures"]:
        figs = [f"{f['text']} ({f['claimed_by']})" for f in out["figures"][:4]]
        lines.append({"text": "Key figures: " + "; ".join(figs) + ".",
                      "cites": _dedupe(f["cite"] for f in out["figures"][:4])})
    for d in out["disputes"][:2]:
        claim = " ".join(d["claim_sentence"].split())
        claim = claim if len(claim) <= 120 else claim[:119].rsplit(" ", 1)[0] + "…"
        lines.append({"text": f"Disputed: {d['claimant']} claims “{claim}”; {d['denied_by']} denies it.",
                      "cites": [d["claim_cite"], d["denial_cite"]]})
    return lines


def _first_cites(incs: list[dict[str, Any]]) -> list[str]:
    return _dedupe(c for i in incs for c in i["cites"][:1])


def _dedupe(items: Any) -> list[Any]:
    seen: list[Any] = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return seen


def group_by_flow(ledger: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, list[dict[str, Any]]]]:
    """Ledger entries grouped by (giver, receiver) then category (for templates)."""
    out: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for e in ledger:
        out[(e["giver_name"], e["receiver_name"])][e["category"]].append(e)
    return out
