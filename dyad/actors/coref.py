"""Short forms within one document: "Putin", "Kim", "Dr Uttam" -> a person named in full.

Each person named in full is indexed by the lower-cased tokens of the name; a short form is a
contiguous run of those tokens. The nearest full name before the short form wins; failing that,
the first after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PersonIndex:
    people: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)
    """(token position of the full name, actor key, lower-cased name tokens)"""

    def add(self, position: int, key: str, tokens: list[str]) -> None:
        toks = tuple(t.lower() for t in tokens if any(c.isalpha() for c in t))
        if len(toks) >= 2:
            self.people.append((position, key, toks))

    def find(self, position: int, tokens: list[str]) -> str | None:
        """The person a short form at ``position`` refers to, or None when none or ambiguous."""
        short = tuple(t.lower() for t in tokens if any(c.isalpha() for c in t))
        if not short:
            return None
        hits = [(pos, key) for pos, key, toks in self.people if _contains(toks, short) and toks != short]
        if not hits:
            return None
        keys = {key for _, key in hits}
        if len(keys) == 1:
            return hits[0][1]
        before = [(pos, key) for pos, key in hits if pos < position]
        if before:
            return max(before)[1]
        return min(hits)[1]


def _contains(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(full[i:i + n] == short for i in range(len(full) - n + 1))
