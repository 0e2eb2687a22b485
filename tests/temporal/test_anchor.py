"""Calendar arithmetic against the publication date: year boundaries, leap days, coarse anchors."""

from __future__ import annotations

import pytest

from dyad.temporal import Anchor


@pytest.mark.parametrize(
    ("anchor", "month", "direction", "strict", "value"),
    [
        ("2024-01-05", 12, "past", False, "2023-12"),
        ("2024-01-05", 1, "past", False, "2024-01"),
        ("2024-01-05", 1, "past", True, "2023-01"),
        ("2023-12-20", 1, "future", False, "2024-01"),
        ("2024-06-19", 9, "past", False, "2023-09"),
        ("2024-06-19", 6, "future", True, "2025-06"),
    ],
)
def test_month_occurrence(anchor, month, direction, strict, value):
    a = Anchor.parse(anchor)
    assert a is not None
    assert a.month_occurrence(month, direction, strict) == value


@pytest.mark.parametrize(
    ("anchor", "month", "day", "direction", "value"),
    [
        ("2024-03-10", 2, 29, "past", "2024-02-29"),
        ("2023-03-10", 2, 29, "past", "2020-02-29"),
        ("2023-01-10", 2, 29, "future", "2024-02-29"),
        ("2024-01-02", 12, 30, "nearest", "2023-12-30"),
        ("2023-12-30", 1, 2, "nearest", "2024-01-02"),
        ("2023-09-13", 9, 12, "nearest", "2023-09-12"),
    ],
)
def test_month_day(anchor, month, day, direction, value):
    a = Anchor.parse(anchor)
    assert a is not None
    assert a.month_day(month, day, direction) == value


def test_weeks_cross_the_year():
    a = Anchor.parse("2024-01-03")
    assert a is not None
    assert a.week(-1) == "2023-W52"
    assert a.week(0) == "2024-W01"
    assert Anchor(2021, 1, 1).week(0) == "2020-W53"


def test_weekday_past_future_and_shifted():
    a = Anchor(2024, 6, 19)  # a Wednesday
    assert a.weekday(3, "past") == "2024-06-19"
    assert a.weekday(5, "past") == "2024-06-14"
    assert a.weekday(5, "future") == "2024-06-21"
    assert a.weekday(3, "past", shift=-1) == "2024-06-12"
    assert a.weekday(3, "future", shift=1) == "2024-06-26"
    assert a.week_day(1) == "2024-06-17"


def test_day_offset_over_a_leap_day():
    assert Anchor(2024, 3, 1).day_offset(-1) == "2024-02-29"
    assert Anchor(2023, 3, 1).day_offset(-1) == "2023-02-28"


def test_seasons_and_quarters():
    a = Anchor(2024, 1, 15)  # winter that began in December 2023
    season_months = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
    assert a.season("WI", season_months, -1, "past") == "2022-WI"
    assert a.season("SU", season_months, -1, "past") == "2023-SU"
    assert a.season("WI", season_months, 0, "nearest") == "2023-WI"
    assert a.quarter_shift(-1) == "2023-Q4"
    assert a.quarter_occurrence(3, "past") == "2023-Q3"


def test_coarse_anchor_answers_only_what_it_can():
    a = Anchor.parse("2023")
    assert a is not None
    assert a.year_shift(0) == "2023"
    assert a.month_shift(-1) is None
    assert a.weekday(3, "past") is None
    assert a.week(0) is None
    m = Anchor.parse("2023-09")
    assert m is not None and m.month_shift(-1) == "2023-08" and m.day_offset(-1) is None


@pytest.mark.parametrize("text", ["", "soon", "2023-02-30", "20x3"])
def test_parse_rejects_or_truncates_bad_dates(text):
    a = Anchor.parse(text)
    assert a is None or a.date is None
