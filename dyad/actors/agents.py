"""Agent nouns and titles (``dyad/data/actors/agents.jsonl``): "foreign minister" -> office + role.

Four kinds: ``title`` (a person's title, may name an office), ``group`` (a collective agent noun:
"troops", "officials"), ``honorific`` (Dr, Mr) and ``institution`` (the head word of an
organisation's name: Ministry, Institute, University).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.datafiles import data_path, read_jsonl
from dyad.errors import DyadError, Errors

TITLE, GROUP, HONORIFIC, INSTITUTION = "title", "group", "honorific", "institution"
KINDS = (TITLE, GROUP, HONORIFIC, INSTITUTION)


@dataclass(frozen=True)
class Agent:
    form: str
    kind: str
    role: str | None
    offices: tuple[str, ...] = ()
    topic: bool = False
    """A state's name before it is a subject, not a nationality ("a China expert")."""


@dataclass
class AgentLexicon:
    by_form: dict[tuple[str, str], Agent] = field(default_factory=dict)
    """(kind, lower-cased form) -> agent"""

    @classmethod
    def load(cls, path: Path | None = None) -> AgentLexicon:
        path = path or data_path("actors/agents.jsonl")
        lex = cls()
        if not path.exists():
            return lex
        for d in read_jsonl(path):
            lex.add(d, str(path))
        return lex

    def add(self, d: dict[str, Any], source: str) -> None:
        kind = d.get("kind")
        forms = d.get("forms")
        if kind not in KINDS or not isinstance(forms, list):
            raise DyadError(Errors.E103, path=source, detail=f"agent entry needs 'forms' and a kind in {KINDS}")
        offices = d.get("office") or []
        offices = [offices] if isinstance(offices, str) else offices
        for f in forms:
            form = " ".join(str(f).lower().split())
            self.by_form[(kind, form)] = Agent(form, kind, d.get("role"), tuple(offices), bool(d.get("topic")))

    def get(self, kind: str, text: str) -> Agent | None:
        return self.by_form.get((kind, " ".join(text.lower().split())))

    def forms(self) -> set[str]:
        return {form for _, form in self.by_form}
