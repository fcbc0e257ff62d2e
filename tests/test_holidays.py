"""Easter and the Norwegian public holidays, checked against the official calendar."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.holidays import (
    Period,
    easter_sunday,
    holiday_name,
    is_public_holiday,
    public_holidays,
)


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),  # latest possible
        (2285, date(2285, 3, 22)),  # earliest possible
    ],
)
def test_easter_known_years(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


@given(st.integers(min_value=1583, max_value=9999))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.year == year
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


def test_public_holidays_2026() -> None:
    assert public_holidays(2026) == {
        date(2026, 1, 1): "1. nyttårsdag",
        date(2026, 4, 2): "skjærtorsdag",
        date(2026, 4, 3): "langfredag",
        date(2026, 4, 5): "1. påskedag",
        date(2026, 4, 6): "2. påskedag",
        date(2026, 5, 1): "offentlig høytidsdag",
        date(2026, 5, 14): "Kristi himmelfartsdag",
        date(2026, 5, 17): "grunnlovsdag",
        date(2026, 5, 24): "1. pinsedag",
        date(2026, 5, 25): "2. pinsedag",
        date(2026, 12, 25): "1. juledag",
        date(2026, 12, 26): "2. juledag",
    }


def test_public_holidays_are_in_date_order() -> None:
    days = list(public_holidays(2026))
    assert days == sorted(days)


def test_holidays_on_the_same_day_keep_both_names() -> None:
    # Easter 2007 was 8 April, so Kristi himmelfartsdag fell on 17 May.
    holidays_2007 = public_holidays(2007)
    assert holidays_2007[date(2007, 5, 17)] == "grunnlovsdag / Kristi himmelfartsdag"
    assert len(holidays_2007) == 11
    # Easter 2008 was 23 March, so Kristi himmelfartsdag fell on 1 May.
    assert public_holidays(2008)[date(2008, 5, 1)] == "offentlig høytidsdag / Kristi himmelfartsdag"


def test_editing_the_returned_dict_does_not_change_the_cache() -> None:
    holidays = public_holidays(2026)
    holidays.clear()
    assert is_public_holiday(date(2026, 12, 25))
    assert len(public_holidays(2026)) == 12


def test_is_public_holiday() -> None:
    assert is_public_holiday(date(2026, 4, 2))
    assert is_public_holiday(date(2026, 5, 17))
    assert not is_public_holiday(date(2026, 4, 4))  # påskeaften is not a helligdag
    assert not is_public_holiday(date(2026, 12, 24))  # nor is julaften
    assert not is_public_holiday(date(2026, 4, 12))  # an ordinary Sunday
    assert holiday_name(date(2026, 4, 3)) == "langfredag"
    assert holiday_name(date(2026, 4, 4)) is None


@given(st.dates(min_value=date(1583, 1, 1), max_value=date(9999, 12, 31)))
def test_is_public_holiday_agrees_with_the_list(day: date) -> None:
    assert is_public_holiday(day) == (day in public_holidays(day.year))


def test_period_contains_both_ends() -> None:
    autumn = Period(date(2026, 10, 5), date(2026, 10, 9), "høstferie")
    assert autumn.contains(date(2026, 10, 5))
    assert autumn.contains(date(2026, 10, 7))
    assert autumn.contains(date(2026, 10, 9))
    assert not autumn.contains(date(2026, 10, 4))
    assert not autumn.contains(date(2026, 10, 10))


@given(
    st.dates(max_value=date(9999, 11, 30)),
    st.integers(min_value=0, max_value=30),
    st.dates(),
)
def test_period_contains_matches_the_range(start: date, length: int, day: date) -> None:
    end = start + timedelta(days=length)
    assert Period(start, end).contains(day) == (start <= day <= end)
