"""Why an event was coded: the trigger, the lexicon entry that fired, argument paths and cues.

``Event.explain`` holds this dict (``dyad extract --explain``); ``render`` prints it for
``dyad explain``.
"""

from __future__ import annotations

from typing import Any

from dyad.records import Event


def build(trigger: str, pattern: str, source_path: str | None, target_path: str | None,
          status_cues: list[str], **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "trigger": trigger,
        "pattern": pattern,
        "source_path": source_path,
        "target_path": target_path,
        "status_cues": status_cues,
    }
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def render(event: Event, actors: dict[str, str]) -> str:
    """One analyst-readable block for an event (``actors``: id -> display name)."""
    x = event.explain or {}
    src = actors.get(event.source or "", event.source or "-")
    tgt = actors.get(event.target or "", event.target or "-")
    lines = [
        f"{event.id} {event.type}{'/' + event.mode if event.mode else ''} (CAMEO {event.cameo or '-'}) "
        f"{src} -> {tgt}  [{event.status}]{'  ' + event.date if event.date else ''}",
        f"  trigger   {x.get('trigger')!r}  pattern {x.get('pattern')}",
        f"  source    {x.get('source_path') or '-'}   target {x.get('target_path') or '-'}",
    ]
    if x.get("status_cues"):
        lines.append(f"  status    {', '.join(x['status_cues'])}")
    for key in ("embedded", "rule", "date_basis", "reported_by_path"):
        if x.get(key):
            lines.append(f"  {key:<9} {x[key]}")
    lines.append(f"  evidence  {event.evidence.text!r}")
    return "\n".join(lines)
