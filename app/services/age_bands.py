"""Age bands, fixed across the product: 0-5, 6-12, 13-17, 18-25, 26-66, 67+, unknown.

Dugnad stores birth years, never birth dates, so the age at a session is the session's year minus
the birth year: exact for anyone who has had their birthday that year, one year high before it.
Every report uses this one rule, so the same person lands in the same band everywhere.
"""

from __future__ import annotations

import datetime as dt

_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 5, "0-5"),
    (6, 12, "6-12"),
    (13, 17, "13-17"),
    (18, 25, "18-25"),
    (26, 66, "26-66"),
)


def age_at(birth_year: int | None, on: dt.date) -> int | None:
    if birth_year is None:
        return None
    return on.year - birth_year


def age_band(birth_year: int | None, on: dt.date) -> str:
    """The band code of a person born in `birth_year`, at date `on`."""
    age = age_at(birth_year, on)
    if age is None or age < 0:
        return "unknown"
    for low, high, code in _BANDS:
        if low <= age <= high:
            return code
    return "67+"
