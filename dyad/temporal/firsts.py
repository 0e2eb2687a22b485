"""The characters every match of a regular expression starts with, as a character class.

``first_class(pattern, flags)`` reads the pattern with Python's own regex parser and returns
e.g. ``"[\\dajs]"``, or None when it cannot tell (the pattern may match the empty string, or starts
with something other than literals, classes, groups, repeats, alternatives and zero-width
assertions). A lookahead ``(?=[...])`` of it before the pattern changes no match (each match starts
with such a character; under the same flags the class matches what the pattern's first pieces
match) and lets the regex engine reject the other positions at once.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_parser: Any = importlib.import_module("re._parser")  # the parser of the re module (no stub)

_CATEGORIES = {
    _parser.CATEGORY_DIGIT: r"\d", _parser.CATEGORY_NOT_DIGIT: r"\D", _parser.CATEGORY_SPACE: r"\s",
    _parser.CATEGORY_NOT_SPACE: r"\S", _parser.CATEGORY_WORD: r"\w", _parser.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT)
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT)


class _Unknown(Exception):
    """A piece whose first characters are not worked out."""


def first_class(pattern: str, flags: int = 0) -> str | None:
    try:
        firsts, empty = _sequence(_parser.parse(pattern, flags).data)
    except (_Unknown, re.error, TypeError, ValueError, AttributeError):
        return None
    if empty or not firsts:
        return None
    return "[" + "".join(sorted(firsts)) + "]"


def _char(code: int) -> str:
    return re.escape(chr(code))


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The class pieces the sequence can start with, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        firsts, empty = _item(op, av)
        out |= firsts
        if not empty:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is _parser.LITERAL:
        return {_char(av)}, False
    if op is _parser.IN:
        pieces: set[str] = set()
        for kind, value in av:
            if kind is _parser.LITERAL:
                pieces.add(_char(value))
            elif kind is _parser.RANGE:
                pieces.add(_char(value[0]) + "-" + _char(value[1]))
            elif kind is _parser.CATEGORY and value in _CATEGORIES:
                pieces.add(_CATEGORIES[value])
            else:
                raise _Unknown(kind)  # a negated class, a class of another kind
        return pieces, False
    if op is _parser.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            firsts, may_be_empty = _sequence(branch.data)
            out |= firsts
            empty = empty or may_be_empty
        return out, empty
    if op is _parser.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            raise _Unknown(op)  # inline flags change what the class would match
        return _sequence(sub.data)
    if op in _REPEATS:
        low, _high, sub = av
        firsts, empty = _sequence(sub.data)
        return firsts, empty or low == 0
    if op in _ZERO_WIDTH:
        return set(), True
    raise _Unknown(op)  # any character, a back reference, a conditional group...
