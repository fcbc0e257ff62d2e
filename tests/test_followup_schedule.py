"""Follow-up schedules: due dates across month ends, the storage code, the wording."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.followup_schedule import (
    DEFAULT_PLAN,
    MAX_DATES,
    Offset,
    Plan,
    add,
    describe,
    due_dates,
    from_text,
    to_text,
)

D = dt.date


def test_default_plan_from_the_end_of_january() -> None:
    assert due_dates(DEFAULT_PLAN, D(2026, 1, 31), D(2026, 10, 31)) == [
        D(2026, 2, 14),
        D(2026, 2, 28),
        D(2026, 4, 30),
        D(2026, 6, 30),
        D(2026, 8, 31),
        D(2026, 10, 31),
    ]


def test_default_plan_text() -> None:
    assert DEFAULT_PLAN == Plan((Offset(2, "weeks"), Offset(1, "months")), Offset(2, "months"))
    assert to_text(DEFAULT_PLAN) == "2w,1m,*2m"


def test_months_clamp_to_the_month_end() -> None:
    assert add(D(2026, 1, 31), Offset(1, "months")) == D(2026, 2, 28)
    assert add(D(2028, 1, 31), Offset(1, "months")) == D(2028, 2, 29)
    assert add(D(2026, 3, 31), Offset(1, "months")) == D(2026, 4, 30)
    assert add(D(2026, 12, 15), Offset(2, "months")) == D(2027, 2, 15)
    assert add(D(2026, 1, 31), Offset(2, "weeks")) == D(2026, 2, 14)
    assert add(D(2026, 12, 30), Offset(5, "days")) == D(2027, 1, 4)


def test_repeat_never_drifts_after_a_short_month() -> None:
    monthly = from_text("*1m")
    dates = due_dates(monthly, D(2026, 1, 31), D(2026, 5, 31))
    assert dates == [D(2026, 2, 28), D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 31)]


def test_end_is_inclusive_and_start_exclusive() -> None:
    start = D(2026, 3, 1)
    assert due_dates(DEFAULT_PLAN, start, D(2026, 3, 15)) == [D(2026, 3, 15)]
    assert due_dates(DEFAULT_PLAN, start, D(2026, 3, 14)) == []
    assert due_dates(DEFAULT_PLAN, start, start) == []
    assert due_dates(DEFAULT_PLAN, start, D(2025, 1, 1)) == []


def test_repeat_counts_from_the_last_offset_in_other_units() -> None:
    plan = from_text("1w,*2w")
    assert due_dates(plan, D(2026, 1, 1), D(2026, 2, 15)) == [
        D(2026, 1, 8),
        D(2026, 1, 22),
        D(2026, 2, 5),
    ]
    mixed = from_text("10d,*1m")
    assert due_dates(mixed, D(2026, 1, 21), D(2026, 5, 1)) == [
        D(2026, 1, 31),
        D(2026, 2, 28),
        D(2026, 3, 31),
        D(2026, 4, 30),
    ]


def test_no_repeat_stops_after_the_fixed_offsets() -> None:
    assert due_dates(from_text("1m,3m"), D(2026, 1, 1), D(2030, 1, 1)) == [
        D(2026, 2, 1),
        D(2026, 4, 1),
    ]


def test_daily_repeat_is_capped() -> None:
    dates = due_dates(from_text("*1d"), D(2000, 1, 1), D(9999, 12, 31))
    assert len(dates) == MAX_DATES
    far = due_dates(from_text("*999m"), D(9000, 1, 1), D(9999, 12, 31))
    assert far[:2] == [D(9083, 4, 1), D(9166, 7, 1)]
    assert len(far) == 12  # the 13th would be after year 9999: no overflow, just the end


def test_zero_or_unknown_offsets_are_refused() -> None:
    with pytest.raises(ValueError):
        Offset(0, "months")
    with pytest.raises(ValueError):
        Offset(1, "years")


@pytest.mark.parametrize(
    "text",
    ["x", "2", "w", "0m", "2w,*1m,3m", "*1m,*2m", "2w,,1m", "2mm", "-1w", "1y", "**2m", "1000d"],
)
def test_bad_text_raises_with_a_message(text: str) -> None:
    with pytest.raises(ValueError) as error:
        from_text(text)
    assert str(error.value) == f"Ugyldig oppfølgingsplan: «{text}»"


def test_from_text_tolerates_spaces_and_case() -> None:
    assert from_text(" 2W, 1m ,*2M ") == DEFAULT_PLAN
    assert from_text("") == Plan((), None)


OFFSETS = st.builds(
    Offset, amount=st.integers(1, 999), unit=st.sampled_from(["days", "weeks", "months"])
)
PLANS = st.builds(
    Plan, offsets=st.lists(OFFSETS, max_size=5).map(tuple), repeat=st.none() | OFFSETS
)


@given(PLANS)
def test_text_round_trips(plan: Plan) -> None:
    assert from_text(to_text(plan)) == plan
    assert to_text(from_text(to_text(plan))) == to_text(plan)


@given(PLANS, st.dates(D(2000, 1, 1), D(2100, 12, 31)), st.integers(0, 4000))
def test_due_dates_are_sorted_unique_and_in_range(plan: Plan, start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    dates = due_dates(plan, start, end)
    assert dates == sorted(set(dates))
    assert all(start < day <= end for day in dates)
    assert len(dates) <= MAX_DATES
    for offset in plan.offsets:
        if add(start, offset) <= end:
            # Every fixed follow-up is planned, unless the cap cut the list short before it.
            assert add(start, offset) in dates or (
                len(dates) == MAX_DATES and add(start, offset) > dates[-1]
            )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2w,1m,*2m", "Etter 2 uker, 1 måned, deretter hver 2. måned"),
        ("1w,3m,*1w", "Etter 1 uke, 3 måneder, deretter hver uke"),
        ("5d,1d,*2w", "Etter 5 dager, 1 dag, deretter hver 2. uke"),
        ("*1m", "Hver måned fra start"),
        ("*3d", "Hver 3. dag fra start"),
        ("*1d", "Hver dag fra start"),
        ("1m", "Etter 1 måned"),
        ("", "Ingen oppfølging planlagt"),
    ],
)
def test_describe(text: str, words: str) -> None:
    assert describe(from_text(text)) == words
