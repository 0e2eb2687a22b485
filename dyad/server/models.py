"""Pydantic response models: what ``/openapi.json`` promises each route returns.

Rows mirror the dicts of ``dyad.server.queries``; the dyad analysis and briefing keep the nested
shape ``dyad.corpus.analysis`` produces (typed at the top, open below), so the API never drifts
from the CLI's ``dyad dyad --json``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorBody(BaseModel):
    code: str = Field(pattern=r"^E\d{3}$", examples=["E404"])
    message: str


class ErrorResponse(BaseModel):
    """Every 4xx and 5xx response."""

    error: ErrorBody


class Span(BaseModel):
    start: int
    end: int
    text: str


class PageBase(BaseModel):
    total: int = Field(description="Rows matching the filters (all pages).")
    limit: int
    offset: int


class DocumentRow(BaseModel):
    id: str
    seq: int = Field(description="Article number used in citations [seq:sentence].")
    title: str | None
    outlet: str | None
    published: str | None
    published_date: str | None
    url: str | None
    path: str | None
    group_id: str
    language: str | None
    chars: int
    snippet: str | None = Field(None, description="Full-text search: the matching passage.")


class MentionOut(Span):
    sentence: int


class DocumentActor(BaseModel):
    id: str
    name: str
    kind: str | None
    country: str | None
    role: str | None
    mentions: list[MentionOut]


class EventRow(BaseModel):
    id: str
    document_id: str
    document_seq: int
    document_title: str | None
    document_published: str | None
    local_id: str
    type: str
    mode: str | None
    cameo: str | None
    source_id: str | None
    source_name: str | None
    source_country: str | None
    target_id: str | None
    target_name: str | None
    target_country: str | None
    date: str | None
    location_name: str | None
    location_country: str | None
    status: str
    reported_by: str | None
    evidence: Span
    sentence: int
    incident_id: str | None


class QuoteRow(BaseModel):
    id: str
    document_id: str
    document_seq: int
    document_title: str | None
    document_published: str | None
    start: int
    end: int
    text: str
    direct: bool
    speaker_id: str | None
    speaker_name: str | None
    speaker_country: str | None
    cue: str | None
    via: list[Any]
    sentence: int


class AmountRow(BaseModel):
    id: str
    document_id: str
    document_seq: int
    document_title: str | None
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    object: str | None
    qualifier: str | None
    per: str | None
    claimed_by: str | None
    sentence: int


class TimeOut(Span):
    id: str
    value: str | None
    type: str | None
    sentence: int


class PlaceOut(BaseModel):
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None
    mentions: list[Any]


class DocumentOut(DocumentRow):
    text: str
    sentences: list[int] = Field(description="Start offset of each sentence (sentence n is sentences[n-1]).")
    authors: list[Any]
    dateline: str | None
    published_basis: str | None
    actors: list[DocumentActor]
    events: list[EventRow]
    quotes: list[QuoteRow]
    amounts: list[AmountRow]
    times: list[TimeOut]
    places: list[PlaceOut]


class ActorRow(BaseModel):
    id: str
    name: str
    kind: str | None
    country: str | None
    role: str | None
    code: str | None
    wikidata: str | None
    mentions: int


class ActorOut(ActorRow):
    documents: int
    events: int


class IncidentRow(BaseModel):
    id: str
    type: str
    label: str
    quad: str
    side_a: str | None
    side_a_name: str | None
    side_b: str | None
    side_b_name: str | None
    symmetric: bool
    date: str | None
    date_end: str | None
    location_name: str | None
    location_country: str | None
    status: str
    n_events: int
    n_documents: int


class IncidentOut(IncidentRow):
    events: list[EventRow]


class DocumentPage(PageBase):
    items: list[DocumentRow]


class ActorPage(PageBase):
    items: list[ActorRow]


class EventPage(PageBase):
    items: list[EventRow]


class IncidentPage(PageBase):
    items: list[IncidentRow]


class QuotePage(PageBase):
    items: list[QuoteRow]


class AmountPage(PageBase):
    items: list[AmountRow]


class TypeFacet(BaseModel):
    type: str
    count: int
    label: str
    quad: str


class StatusFacet(BaseModel):
    status: str
    count: int


class EventFacets(BaseModel):
    types: list[TypeFacet]
    statuses: list[StatusFacet]


class NetworkNode(BaseModel):
    id: str
    name: str
    events: int


class NetworkEdge(BaseModel):
    a: str
    b: str
    events: int
    cooperation: int
    conflict: int


class Network(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class DyadPair(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: str
    b: str
    a_name: str
    b_name: str


class Month(BaseModel):
    model_config = ConfigDict(extra="allow")
    month: str
    score: float
    cooperation: float
    conflict: float


class DyadAnalysis(BaseModel):
    """``dyad.corpus.analysis.analyse``: the same JSON as ``dyad dyad A B --json``."""

    model_config = ConfigDict(extra="allow")
    dyad: DyadPair
    incidents: list[dict[str, Any]]
    monthly: list[Month]
    score: dict[str, Any]
    ledger: list[dict[str, Any]]
    disputes: list[dict[str, Any]]
    statements: dict[str, Any]
    figures: list[dict[str, Any]]
    summary: list[dict[str, Any]]
    sources: list[dict[str, Any]]


class DyadTimeline(BaseModel):
    dyad: DyadPair
    incidents: list[dict[str, Any]]
    monthly: list[Month]


class IngestResult(BaseModel):
    id: str = Field(description="The document id (a hash of its clean text).")
    seq: int | None
    outcome: str = Field(description="added, grouped (a near-duplicate joined its group) or unchanged.")
    counts: dict[str, int] = Field(description="Items extracted: actors, events, quotes, amounts, times, places.")


class ArticleIn(BaseModel):
    """An article to extract and store: ``text`` (plain) or ``html`` (a whole page), with optional metadata."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, max_length=2_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    id: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    authors: list[str] | None = Field(None, max_length=50)


class Health(BaseModel):
    status: str
    version: str
    counts: dict[str, int]
    writes: bool = Field(description="Whether a token is configured (POST /api/documents enabled).")
