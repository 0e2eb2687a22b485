"""Raw scraped text to clean article body (first cut: blank lines and whitespace only)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Cleaned:
    text: str
    dropped: list[dict[str, str]] = field(default_factory=list)
    kept_lines: list[str] = field(default_factory=list)


def clean_text(raw: str) -> Cleaned:
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    kept = [line for line in lines if line]
    return Cleaned(text="\n\n".join(kept), kept_lines=kept)
