"""The record types every stage produces, one dataclass per item kind of ``dyad.document/1``.

Components set lists of these on ``Doc._`` extensions (see ``dyad.pipeline.extensions``);
``dyad.serialize`` turns them into the JSON document. Offsets are character offsets into the
clean text, end exclusive, and ``text[start:end] == span text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Mention(Span):
    """A stretch of text that refers to an actor."""

    actor_id: str = ""
    basis: str = "dictionary"
    """How the mention was resolved: dictionary, title, affiliation, nationality, model, coreference."""


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person|state|organization|group|region
    country: str | None = None
    role: str | None = None
    code: str | None = None
    wikidata: str | None = None
    basis: str = "dictionary"
    mentions: list[Mention] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    """Free-form facts the resolver found (title, affiliation), serialised when non-empty."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "role": self.role,
            "code": self.code,
            "wikidata": self.wikidata,
            "basis": self.basis,
            "mentions": [m.to_dict() for m in sorted(self.mentions, key=lambda m: m.start)],
        }
        if self.attributes:
            out["attributes"] = self.attributes
        return out


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class TimeX(Span):
    """A time expression with its TIMEX3-style value (None when it cannot be resolved)."""

    value: str | None = None
    type: str = "DATE"  # DATE|DURATION|TIME|SET

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "value": self.value, "type": self.type}


@dataclass
class Quote(Span):
    direct: bool = True
    speaker: str | None = None
    speaker_name: str | None = None
    cue: str | None = None
    via: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            **super().to_dict(),
            "direct": self.direct,
            "speaker": self.speaker,
            "speaker_name": self.speaker_name,
            "cue": self.cue,
            "via": list(self.via),
        }


@dataclass
class Amount(Span):
    value: float = 0.0
    unit: str | None = None
    object: str | None = None
    qualifier: str | None = None
    per: str | None = None
    claimed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            **super().to_dict(),
            "value": value,
            "unit": self.unit,
            "object": self.object,
            "qualifier": self.qualifier,
            "per": self.per,
            "claimed_by": self.claimed_by,
        }


@dataclass
class Event:
    id: str
    type: str
    evidence: Span
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    location: Location | None = None
    status: str = "asserted"
    reported_by: str | None = None
    trigger: Span | None = None
    explain: dict[str, Any] = field(default_factory=dict)
    """Why it was coded: the pattern that fired and the argument paths (``--explain``)."""

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "source": self.source,
            "target": self.target,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "status": self.status,
            "reported_by": self.reported_by,
            "evidence": self.evidence.to_dict(),
        }
        if self.trigger is not None:
            out["trigger"] = self.trigger.to_dict()
        if explain:
            out["explain"] = self.explain
        return out


@dataclass
class DocMeta:
    """What is known about a document before NLP: given metadata and what the cleaner found."""

    source_id: Any = None
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    """ISO date or datetime string."""
    published_basis: str | None = None  # given|text|inferred
    dateline: str | None = None
    language: str = "en"
    dropped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)

    @property
    def published_date(self) -> date | None:
        """The publication date (anchor for relative time expressions), if known."""
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()
        except ValueError:
            try:
                return date.fromisoformat(self.published[:10])
            except ValueError:
                return None
