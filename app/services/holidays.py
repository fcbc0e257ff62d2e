"""Norwegian public holidays (helligdager) and the school-holiday periods a centre enters.

Pure calendar arithmetic, standard library only, so the schedule generator, reports and tests all
agree on which days are holidays without a database or a network lookup. Holiday names are
Bokmål data (like a name in the database), not UI strings: the display layer translates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

# Two holidays on one day (17 May can be Kristi himmelfartsdag) keep both names, joined by this.
NAME_SEPARATOR = " / "

# Movable holidays as days relative to Easter Sunday, in the order they are listed officially.
_EASTER_OFFSETS: tuple[tuple[int, str], ...] = (
    (-3, "skjærtorsdag"),
    (-2, "langfredag"),
    (0, "1. påskedag"),
    (1, "2. påskedag"),
    (39, "Kristi himmelfartsdag"),
    (49, "1. pinsedag"),
    (50, "2. pinsedag"),
)
# Fixed holidays as (month, day).
_FIXED: tuple[tuple[int, int, str], ...] = (
    (1, 1, "1. nyttårsdag"),
    (5, 1, "offentlig høytidsdag"),
    (5, 17, "grunnlovsdag"),
    (12, 25, "1. juledag"),
    (12, 26, "2. juledag"),
)


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday by the anonymous Meeus/Jones/Butcher algorithm.

    Computed here rather than with dateutil so the app has no dependency for eleven lines of
    integer arithmetic. Valid for every Gregorian year `date` can represent (1583 onwards).
    """
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_correction = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_correction) // 451
    month, day = divmod(h + weekday_correction - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def _holidays_of(year: int) -> Mapping[date, str]:
    """The holidays of `year`, cached read-only: a schedule asks once per generated date."""
    names: dict[date, list[str]] = {}
    for month, day, name in _FIXED:
        names.setdefault(date(year, month, day), []).append(name)
    easter = easter_sunday(year)
    for offset, name in _EASTER_OFFSETS:
        names.setdefault(easter + timedelta(days=offset), []).append(name)
    return MappingProxyType({day: NAME_SEPARATOR.join(names[day]) for day in sorted(names)})


def public_holidays(year: int) -> dict[date, str]:
    """Norway's public holidays in `year`, date -> Bokmål name, in date order.

    Returns a fresh dict so a caller that edits it cannot corrupt the cache.
    """
    return dict(_holidays_of(year))


def holiday_name(day: date) -> str | None:
    """The Bokmål name of the public holiday on `day`, or None on an ordinary day."""
    return _holidays_of(day.year).get(day)


def is_public_holiday(day: date) -> bool:
    """Whether `day` is a Norwegian public holiday (Sundays alone do not count)."""
    return day in _holidays_of(day.year)


@dataclass(frozen=True)
class Period:
    """A span of days the centre enters itself, such as a school holiday (høstferie)."""

    start: date
    end: date
    name: str = ""

    def contains(self, day: date) -> bool:
        """Whether `day` is inside the period; both ends count as inside."""
        return self.start <= day <= self.end
