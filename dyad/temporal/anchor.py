"""Calendar arithmetic against an anchor: the publication date at day, month or year precision.

Every method returns a TIMEX3-style value string, or ``None`` when the anchor is too coarse for
the question (a weekday needs a day anchor; "last month" needs at least a month): never a guess.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

Direction = str  # "past" | "future" | "present" | "nearest"

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Anchor:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an ISO datetime; ``None`` if unparseable."""
        m = _ISO.match((value or "").strip())
        if not m:
            return None
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None:
            return cls(year)
        mo = int(month)
        if not 1 <= mo <= 12:
            return cls(year)
        if day is None:
            return cls(year, mo)
        if valid_date(year, mo, int(day)) is None:
            return cls(year, mo)
        return cls(year, mo, int(day))

    @classmethod
    def of(cls, d: date) -> Anchor:
        return cls(d.year, d.month, d.day)

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)

    # -- day-level ---------------------------------------------------------------------------
    def day_offset(self, days: int) -> str | None:
        d = self.date
        return None if d is None else (d + timedelta(days=days)).isoformat()

    def weekday(self, target: int, direction: Direction, shift: int = 0) -> str | None:
        """The date of ISO weekday ``target`` (1 = Monday) as news uses a bare weekday.

        ``shift`` 0: the nearest past one (today included) or, for ``future``, the next one (today
        included). ``shift`` -1 ("last Friday"): the one before today; +1 ("next Friday"): after
        today. ``direction`` "this" with shift 0 and ``this=True`` semantics is ``week_day``.
        """
        d = self.date
        if d is None:
            return None
        cur = d.isoweekday()
        if shift < 0:
            back = (cur - target) % 7 or 7
            return (d - timedelta(days=back)).isoformat()
        if shift > 0 or direction == "future":
            fwd = (target - cur) % 7
            if shift > 0 and fwd == 0:
                fwd = 7
            return (d + timedelta(days=fwd)).isoformat()
        back = (cur - target) % 7
        if direction == "present" and 0 < (target - cur) % 7 < back:
            return (d + timedelta(days=(target - cur) % 7)).isoformat()
        return (d - timedelta(days=back)).isoformat()

    def week_day(self, target: int) -> str | None:
        """``this Friday``: the ISO weekday ``target`` of the anchor's own week."""
        d = self.date
        if d is None:
            return None
        return (d + timedelta(days=target - d.isoweekday())).isoformat()

    # -- week, month, year ------------------------------------------------------------------
    def week(self, shift: int = 0) -> str | None:
        d = self.date
        if d is None:
            return None
        y, w, _ = (d + timedelta(weeks=shift)).isocalendar()
        return f"{y}-W{w:02d}"

    def month_shift(self, shift: int = 0) -> str | None:
        if self.month is None:
            return None
        idx = self.year * 12 + (self.month - 1) + shift
        return f"{idx // 12:04d}-{idx % 12 + 1:02d}"

    def year_shift(self, shift: int = 0) -> str:
        return f"{self.year + shift:04d}"

    def decade_shift(self, shift: int = 0) -> str:
        return f"{self.year // 10 + shift:03d}"

    def century_shift(self, shift: int = 0) -> str:
        return f"{self.year // 100 + shift:02d}"

    def quarter_shift(self, shift: int = 0) -> str | None:
        if self.month is None:
            return None
        idx = self.year * 4 + (self.month - 1) // 3 + shift
        return f"{idx // 4:04d}-Q{idx % 4 + 1}"

    def month_occurrence(self, month: int, direction: Direction, strict: bool = False) -> str | None:
        """A bare month name: the most recent one not after the anchor (``past``), the next one
        not before it (``future``); ``strict`` excludes the anchor's own month ("last May")."""
        if self.month is None:
            return None
        if direction in ("present", "nearest") and not strict:
            ahead = (month - self.month) % 12
            direction = "future" if 0 < ahead < 12 - ahead else "past"
        if direction == "future":
            year = self.year if (month > self.month or (month == self.month and not strict)) else self.year + 1
        else:
            year = self.year if (month < self.month or (month == self.month and not strict)) else self.year - 1
        return f"{year:04d}-{month:02d}"

    def month_day(self, month: int, day: int, direction: Direction) -> str | None:
        """``September 12`` without a year: the occurrence in the anchor's year unless the tense
        or the distance says the previous or next year (a leap day takes the nearest leap year)."""
        if self.date is None:
            if self.month is None:
                return None
            # month anchor: the same logic at month precision
            ym = self.month_occurrence(month, "future" if direction == "future" else "past")
            if ym is None:
                return None
            y = int(ym[:4])
            d0 = valid_date(y, month, day)
            return d0.isoformat() if d0 else None
        a = self.date
        cands = [d for d in (valid_date(y, month, day) for y in range(a.year - 4, a.year + 5)) if d is not None]
        if not cands:
            return None
        slack = timedelta(days=1)
        if direction == "past":
            pool = [d for d in cands if d <= a + slack]
            best = max(pool) if pool else min(cands, key=lambda d: abs(d - a))
        elif direction == "future":
            pool = [d for d in cands if d >= a - slack]
            best = min(pool) if pool else min(cands, key=lambda d: abs(d - a))
        else:
            best = min(cands, key=lambda d: (abs(d - a), d > a))
        return best.isoformat()

    def season(self, code: str, season_months: dict[str, tuple[int, ...]], shift: int,
               direction: Direction) -> str | None:
        """``last summer`` / ``this winter`` / ``the summer``: ``YYYY-SU`` (winter is named by the
        year it starts in)."""
        if self.month is None:
            if shift == 0:
                return f"{self.year:04d}-{code}"
            return None
        cur = self._season_of(self.month, season_months)
        cur_year = self.year - 1 if cur == "WI" and self.month in (1, 2) else self.year

        def idx(year: int, s: str) -> int:  # seasons on one line: SP, SU, FA, WI of each year
            return year * 4 + ("SP", "SU", "FA", "WI").index(s)

        cur_idx = idx(cur_year, cur)
        same_year_idx = idx(self.year, code) if code != "WI" or self.month >= 3 else idx(self.year - 1, code)
        cands = [idx(y, code) for y in (self.year - 2, self.year - 1, self.year, self.year + 1)]
        if shift < 0:
            target = max(c for c in cands if c < cur_idx)
        elif shift > 0:
            target = min(c for c in cands if c > cur_idx)
        elif direction == "future":
            target = min(c for c in cands if c >= cur_idx)
        elif direction == "past":
            target = max(c for c in cands if c <= cur_idx)
        else:
            target = same_year_idx
        return f"{target // 4:04d}-{code}"

    @staticmethod
    def _season_of(month: int, season_months: dict[str, tuple[int, ...]]) -> str:
        for code, months in season_months.items():
            if month in months:
                return code
        return "WI"

    def quarter_occurrence(self, quarter: int, direction: Direction) -> str:
        """``the third quarter`` without a year: this year's, or last year's when it has not begun
        and the clause is not about the future."""
        if self.month is None:
            return f"{self.year:04d}-Q{quarter}"
        cur = (self.month - 1) // 3 + 1
        year = self.year
        if quarter > cur and direction != "future":
            year -= 1
        return f"{year:04d}-Q{quarter}"

    def unit_offset(self, unit: str, amount: int) -> str | None:
        """``N units ago`` (negative ``amount``) or ``in N units``: the point at the unit's precision."""
        if unit == "day":
            return self.day_offset(amount)
        if unit == "week":
            return self.week(amount)
        if unit == "month":
            return self.month_shift(amount)
        if unit == "year":
            return self.year_shift(amount)
        if unit == "decade":
            return self.year_shift(10 * amount)
        if unit == "century":
            return self.year_shift(100 * amount)
        return None


def is_leap(year: int) -> bool:
    return calendar.isleap(year)
