"""Short forms within one document: "Putin", "Kim", "Dr Uttam" -> a person named in full.

Each person named in full is indexed by the lower-cased tokens of the name; a short form is a
contiguous run of those tokens. The nearest full name before the short form wins; failing that,
the first after it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class PersonIndex:
    positions: dict[tuple[str, tuple[str, ...]], list[int]] = field(default_factory=lambda: defaultdict(list))
    """(actor key, lower-cased name tokens) -> token positions of the full name, ascending"""
    by_token: dict[str, set[tuple[str, tuple[str, ...]]]] = field(default_factory=lambda: defaultdict(set))

    def add(self, position: int, key: str, tokens: list[str]) -> None:
        toks = tuple(t.lower() for t in tokens if any(c.isalpha() for c in t))
        if len(toks) < 2:
            return
        name = (key, toks)
        spots = self.positions[name]
        spots.insert(bisect_left(spots, position), position)
        for t in toks:
            self.by_token[t].add(name)

    def find(self, position: int, tokens: list[str]) -> str | None:
        """The person a short form at ``position`` refers to, or None when there is none."""
        short = tuple(t.lower() for t in tokens if any(c.isalpha() for c in t))
        if not short:
            return None
        names = [n for n in self.by_token.get(short[0], ()) if n[1] != short and _contains(n[1], short)]
        if not names:
            return None
        if len({key for key, _ in names}) == 1:
            return names[0][0]
        best_before: tuple[int, str] | None = None
        best_after: tuple[int, str] | None = None
        for name in names:
            spots = self.positions[name]
            k = bisect_left(spots, position)
            if k > 0 and (best_before is None or spots[k - 1] > best_before[0]):
                best_before = (spots[k - 1], name[0])
            if k < len(spots) and (best_after is None or spots[k] < best_after[0]):
                best_after = (spots[k], name[0])
        chosen = best_before or best_after
        return chosen[1] if chosen else None


def _contains(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(full[i:i + n] == short for i in range(len(full) - n + 1))
