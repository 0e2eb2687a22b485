"""The calendar and relative-time vocabulary of the temporal grammar, read once from ``dyad/data/times/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from dyad.datafiles import packaged_json


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, ...]]
    parts_of_day: dict[str, str]
    quarters: dict[str, int]
    halves: dict[str, int]
    ordinals: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    units: dict[str, str]
    clock_units: frozenset[str]
    unit_plurals: dict[str, str]
    timezones: tuple[str, ...]
    deictic_days: dict[str, int]
    deictic_parts: dict[str, str]
    references: dict[str, str]
    shift: dict[str, int]
    duration_shift: tuple[str, ...]
    anaphoric_shifts: frozenset[str]
    positions: dict[str, str]
    approximators: tuple[str, ...]
    sets: dict[str, str]
    set_quantifiers: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_lemmas: frozenset[str]
    same_time_lemmas: frozenset[str]
    deferral_lemmas: frozenset[str]
    bare_unit_cues: frozenset[str]
    clock_cues: frozenset[str]
    not_year_after: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The packaged vocabulary (``times/calendar.json`` and ``times/relative.json``), parsed once."""
    cal: dict[str, Any] = packaged_json("times/calendar.json")
    rel: dict[str, Any] = packaged_json("times/relative.json")
    return Lexicon(
        months={k.lower(): int(v) for k, v in cal["months"].items()},
        ambiguous_months=frozenset(cal["ambiguous_months"]),
        weekdays={k.lower(): int(v) for k, v in cal["weekdays"].items()},
        seasons=dict(cal["seasons"]),
        season_months={k: tuple(v) for k, v in cal["season_months"].items()},
        parts_of_day=dict(cal["parts_of_day"]),
        quarters=dict(cal["quarters"]),
        halves=dict(cal["halves"]),
        ordinals=dict(cal["ordinals"]),
        numbers={k: float(v) for k, v in cal["numbers"].items()},
        vague_numbers=tuple(cal["vague_numbers"]),
        units=dict(cal["units"]),
        clock_units=frozenset(cal["clock_units"]),
        unit_plurals=dict(cal["unit_plurals"]),
        timezones=tuple(cal["timezones"]),
        deictic_days=dict(rel["deictic_days"]),
        deictic_parts=dict(rel["deictic_parts"]),
        references=dict(rel["references"]),
        shift=dict(rel["shift"]),
        duration_shift=tuple(rel["duration_shift"]),
        anaphoric_shifts=frozenset(rel["anaphoric_shifts"]),
        positions=dict(rel["positions"]),
        approximators=tuple(rel["approximators"]),
        sets=dict(rel["sets"]),
        set_quantifiers=tuple(rel["set_quantifiers"]),
        future_auxiliaries=frozenset(rel["future_auxiliaries"]),
        future_lemmas=frozenset(rel["future_lemmas"]),
        same_time_lemmas=frozenset(rel["same_time_lemmas"]),
        deferral_lemmas=frozenset(rel["deferral_lemmas"]),
        bare_unit_cues=frozenset(rel["bare_unit_cues"]),
        clock_cues=frozenset(rel["clock_cues"]),
        not_year_after=frozenset(rel["not_year_after"]),
    )
