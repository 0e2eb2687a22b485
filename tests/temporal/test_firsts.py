"""dyad.temporal.firsts: the characters a pattern's matches start with."""

from __future__ import annotations

import re

import pytest

from dyad.temporal.firsts import first_class


def test_first_characters_through_groups_options_and_alternatives():
    assert first_class(r"(?:\bthe\s+)?(?P<d>[0-3]?\d)(?:st|nd)?\s+(?:jan|feb)") == r"[0-3\dt]"
    assert first_class(r"\b(?=\w)(?:Q[1-4]|(?P<q>[1-4])Q)") == r"[1-4Q]"
    assert first_class(r"(?<!\d)(?:mid|late)?-?(?P<y>\d{4})") == r"[\-\dlm]"


@pytest.mark.parametrize("pattern", [r"(?:a|b)?", r"x*", r".bc", r"[^a]bc", r"(?P<a>a)?(?(a)b|c)", r"(?i:a)b", r"\1"])
def test_unknown_or_empty_starts_give_no_class(pattern):
    assert first_class(pattern) is None


def test_a_lookahead_of_the_class_changes_no_match():
    text = "Late 1990s, mid-2024 and the 3rd of Jan.; Q3 and 4Q; late-1999 THE 12 FEB, ſt 9 jan 1 feb"
    for pattern in (r"(?:\bthe\s+)?(?P<d>[0-3]?\d)(?:st|rd)?\s+(?:of\s+)?(?:jan|feb)",
                    r"(?:Q[1-4]|(?P<q>[1-4])Q)", r"(?:mid|late)?-?(?P<y>\d{4})", r"(?:\bst|the)\s+\d"):
        plain = re.compile(pattern, re.IGNORECASE)
        first = first_class(pattern, re.IGNORECASE)
        assert first is not None
        led = re.compile(f"(?={first})" + pattern, re.IGNORECASE)
        found = [m.span() for m in plain.finditer(text)]
        assert found and [m.span() for m in led.finditer(text)] == found
