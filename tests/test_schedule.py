"""Weekly schedules: generated dates, holiday skipping, rule validation and change planning."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.holidays import Period, is_public_holiday
from app.services.schedule import (
    ScheduleChanges,
    SkippedDate,
    WeeklyRule,
    generate_dates,
    overlaps,
    plan_changes,
    session_hours,
    validate_rule,
)

THURSDAY = 3


def rule(
    first: date,
    last: date,
    weekday: int = THURSDAY,
    every_weeks: int = 1,
    start: time = time(18, 0),
    end: time = time(20, 0),
) -> WeeklyRule:
    return WeeklyRule(weekday, every_weeks, start, end, first, last)


# --- generate_dates -------------------------------------------------------------------------


def test_weekly_thursdays_across_easter_skip_skjaertorsdag() -> None:
    dates, skipped = generate_dates(rule(date(2026, 3, 19), date(2026, 4, 16)))
    assert dates == [
        date(2026, 3, 19),
        date(2026, 3, 26),
        date(2026, 4, 9),
        date(2026, 4, 16),
    ]
    assert skipped == [SkippedDate(date(2026, 4, 2), "skjærtorsdag")]


def test_public_holidays_can_be_kept() -> None:
    dates, skipped = generate_dates(
        rule(date(2026, 3, 26), date(2026, 4, 9)), skip_public_holidays=False
    )
    assert dates == [date(2026, 3, 26), date(2026, 4, 2), date(2026, 4, 9)]
    assert skipped == []


def test_every_other_week_keeps_its_phase_after_a_skipped_date() -> None:
    # Fridays every other week from 20.3.2026: 20.3, 3.4 (langfredag), 17.4, 1.5 (offentlig
    # høytidsdag), 15.5. The skipped Fridays must not shift the group onto the other week.
    dates, skipped = generate_dates(
        rule(date(2026, 3, 20), date(2026, 5, 20), weekday=4, every_weeks=2)
    )
    assert dates == [date(2026, 3, 20), date(2026, 4, 17), date(2026, 5, 15)]
    assert skipped == [
        SkippedDate(date(2026, 4, 3), "langfredag"),
        SkippedDate(date(2026, 5, 1), "offentlig høytidsdag"),
    ]


def test_school_holiday_removes_the_thursday_inside_it() -> None:
    autumn = Period(date(2026, 10, 5), date(2026, 10, 9), "høstferie")
    dates, skipped = generate_dates(rule(date(2026, 10, 1), date(2026, 10, 15)), [autumn])
    assert dates == [date(2026, 10, 1), date(2026, 10, 15)]
    assert skipped == [SkippedDate(date(2026, 10, 8), "høstferie")]


def test_public_holiday_name_wins_over_a_school_holiday() -> None:
    easter_break = Period(date(2026, 3, 30), date(2026, 4, 6), "påskeferie")
    dates, skipped = generate_dates(rule(date(2026, 3, 26), date(2026, 4, 9)), [easter_break])
    assert dates == [date(2026, 3, 26), date(2026, 4, 9)]
    assert skipped == [SkippedDate(date(2026, 4, 2), "skjærtorsdag")]


def test_first_date_not_on_the_weekday_moves_to_the_next_one() -> None:
    # Friday 2.1.2026 -> first Thursday is 8.1.2026.
    dates, _skipped = generate_dates(rule(date(2026, 1, 2), date(2026, 1, 22)))
    assert dates == [date(2026, 1, 8), date(2026, 1, 15), date(2026, 1, 22)]


def test_empty_when_last_date_is_before_the_first_occurrence() -> None:
    # Friday 2.1 to Wednesday 7.1: no Thursday in between.
    assert generate_dates(rule(date(2026, 1, 2), date(2026, 1, 7))) == ([], [])
    assert generate_dates(rule(date(2026, 1, 8), date(2026, 1, 1))) == ([], [])


def test_last_date_is_included() -> None:
    dates, _skipped = generate_dates(rule(date(2026, 1, 8), date(2026, 1, 8)))
    assert dates == [date(2026, 1, 8)]


@pytest.mark.parametrize(("weekday", "every_weeks"), [(7, 1), (-1, 1), (3, 0), (3, -2)])
def test_generate_rejects_impossible_rules(weekday: int, every_weeks: int) -> None:
    with pytest.raises(ValueError):
        generate_dates(rule(date(2026, 1, 1), date(2026, 2, 1), weekday, every_weeks))


rules = st.builds(
    lambda first, days, weekday, every_weeks: rule(
        first, first + timedelta(days=days), weekday, every_weeks
    ),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=-10, max_value=3 * 366),
    st.integers(min_value=0, max_value=6),
    st.sampled_from([1, 2]),
)
school_holidays = st.lists(
    st.builds(
        lambda start, days, name: Period(start, start + timedelta(days=days), name),
        st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
        st.integers(min_value=0, max_value=14),
        st.sampled_from(["vinterferie", "påskeferie", "høstferie"]),
    ),
    max_size=4,
)


@given(rules, school_holidays)
def test_generated_dates_keep_weekday_range_and_phase(
    r: WeeklyRule, holidays: list[Period]
) -> None:
    dates, skipped = generate_dates(r, holidays)
    first_occurrence = next(
        r.first_date + timedelta(days=n)
        for n in range(7)
        if (r.first_date + timedelta(days=n)).weekday() == r.weekday
    )
    every = [*dates, *(s.day for s in skipped)]
    for day in every:
        assert day.weekday() == r.weekday
        assert r.first_date <= day <= r.last_date
        assert (day - first_occurrence).days % (7 * r.every_weeks) == 0
    assert dates == sorted(dates)
    assert set(dates).isdisjoint(s.day for s in skipped)
    # Nothing in phase is lost: produced + skipped is every in-phase date in the range.
    expected_count = (
        0
        if r.last_date < first_occurrence
        else (r.last_date - first_occurrence).days // (7 * r.every_weeks) + 1
    )
    assert len(every) == expected_count
    for day in dates:
        assert not is_public_holiday(day)
        assert not any(p.contains(day) for p in holidays)
    for s in skipped:
        assert is_public_holiday(s.day) or any(
            p.contains(s.day) and p.name == s.reason for p in holidays
        )


# --- validate_rule --------------------------------------------------------------------------


def test_valid_rule_has_no_errors() -> None:
    assert validate_rule(rule(date(2026, 1, 1), date(2026, 6, 30))) == {}
    assert validate_rule(rule(date(2024, 2, 29), date(2027, 2, 28))) == {}


def test_end_must_be_after_start() -> None:
    errors = validate_rule(rule(date(2026, 1, 1), date(2026, 6, 30), end=time(18, 0)))
    assert errors == {"end": "Slutt må være etter start."}


def test_last_date_not_before_first_date() -> None:
    errors = validate_rule(rule(date(2026, 6, 1), date(2026, 5, 31)))
    assert errors == {"last_date": "Sluttdatoen kan ikke være før startdatoen."}


def test_every_weeks_is_one_or_two() -> None:
    errors = validate_rule(rule(date(2026, 1, 1), date(2026, 6, 30), every_weeks=3))
    assert errors == {"every_weeks": "Velg hver uke eller annenhver uke."}


def test_weekday_is_zero_to_six() -> None:
    errors = validate_rule(rule(date(2026, 1, 1), date(2026, 6, 30), weekday=7))
    assert set(errors) == {"weekday"}


def test_period_at_most_three_years() -> None:
    assert validate_rule(rule(date(2026, 1, 1), date(2029, 1, 1))) == {}
    errors = validate_rule(rule(date(2026, 1, 1), date(2029, 1, 2)))
    assert errors == {"last_date": "Perioden kan være høyst tre år."}
    # 29 February counts three years to 28 February.
    assert set(validate_rule(rule(date(2024, 2, 29), date(2027, 3, 1)))) == {"last_date"}


def test_several_errors_at_once() -> None:
    bad = WeeklyRule(9, 5, time(20, 0), time(18, 0), date(2026, 2, 1), date(2026, 1, 1))
    assert set(validate_rule(bad)) == {"weekday", "every_weeks", "end", "last_date"}


def test_messages_are_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.schedule as schedule

    monkeypatch.setattr(schedule, "_", lambda message: f"<{message}>")
    errors = validate_rule(rule(date(2026, 1, 1), date(2026, 6, 30), end=time(17, 0)))
    assert errors == {"end": "<Slutt må være etter start.>"}


# --- plan_changes ---------------------------------------------------------------------------


def test_plan_changes_keeps_dates_with_attendance() -> None:
    d = [date(2026, 1, 1) + timedelta(weeks=n) for n in range(5)]
    existing = {d[0]: True, d[1]: False, d[2]: True, d[3]: False}
    changes = plan_changes(existing, [d[0], d[3], d[4]])
    assert changes == ScheduleChanges(add=[d[4]], remove=[d[1]], keep_with_attendance=[d[2]])


def test_plan_changes_with_nothing_existing_adds_everything_sorted() -> None:
    wanted = [date(2026, 3, 5), date(2026, 1, 1), date(2026, 1, 1)]
    changes = plan_changes({}, wanted)
    assert changes == ScheduleChanges([date(2026, 1, 1), date(2026, 3, 5)], [], [])


@given(
    st.dictionaries(st.dates(), st.booleans(), max_size=30),
    st.lists(st.dates(), max_size=30),
)
def test_plan_changes_never_removes_attendance(
    existing: dict[date, bool], wanted: list[date]
) -> None:
    changes = plan_changes(existing, wanted)
    assert not any(existing[day] for day in changes.remove)
    assert set(changes.add) == set(wanted) - set(existing)
    assert set(changes.remove) | set(changes.keep_with_attendance) == set(existing) - set(wanted)
    # After applying the plan every wanted date exists, and only attended extras remain.
    after = (set(existing) | set(changes.add)) - set(changes.remove)
    assert after == set(wanted) | set(changes.keep_with_attendance)


# --- times ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((18, 20), (20, 21), False),
        ((20, 21), (18, 20), False),
        ((18, 20), (19, 21), True),
        ((18, 21), (19, 20), True),
        ((18, 20), (18, 20), True),
        ((10, 11), (18, 20), False),
        ((19, 19), (18, 20), False),  # an empty range overlaps nothing
    ],
)
def test_overlaps(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert overlaps(time(a[0]), time(a[1]), time(b[0]), time(b[1])) is expected


@given(st.times(), st.times(), st.times(), st.times())
def test_overlaps_is_symmetric(a1: time, a2: time, b1: time, b2: time) -> None:
    assert overlaps(a1, a2, b1, b2) == overlaps(b1, b2, a1, a2)


def test_session_hours() -> None:
    assert session_hours(time(18, 0), time(20, 30)) == 2.5
    assert session_hours(time(9, 15), time(10, 0)) == 0.75
    assert session_hours(time(18, 0), time(18, 0)) == 0.0
    with pytest.raises(ValueError):
        session_hours(time(20, 0), time(18, 0))
