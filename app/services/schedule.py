"""Recurring activity schedules: which dates a weekly rule produces, and how to apply a change.

Pure functions over dates and times, no database: the session service stores what these compute,
so the rule "changing a schedule never silently deletes a session with attendance" is decided
here, once, where the tests can reach it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.i18n import _
from app.services.holidays import Period, holiday_name

WEEK_CHOICES = (1, 2)
MAX_PERIOD_YEARS = 3


@dataclass(frozen=True)
class WeeklyRule:
    """A session every week or every other week on one weekday, between two dates.

    `weekday` counts like `date.weekday()`: 0 is Monday, 6 is Sunday.
    """

    weekday: int
    every_weeks: int
    start: time
    end: time
    first_date: date
    last_date: date


@dataclass(frozen=True)
class SkippedDate:
    """A date the rule would produce but a holiday takes; `reason` is the holiday's name."""

    day: date
    reason: str


@dataclass(frozen=True)
class ScheduleChanges:
    """What to do to existing sessions so they match a (changed) rule.

    `keep_with_attendance` are sessions the new rule no longer wants but which have attendance
    recorded; they stay, and the caller tells the user, because attendance is the centre's record
    of work actually done.
    """

    add: list[date]
    remove: list[date]
    keep_with_attendance: list[date]


def _years_after(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def validate_rule(rule: WeeklyRule) -> dict[str, str]:
    """Field name -> message for everything wrong with `rule`; empty when it is valid.

    Keys are the `WeeklyRule` field names so a form can show each message beside its field.
    The three-year limit keeps an accidental "2206" from generating thousands of sessions.
    """
    errors: dict[str, str] = {}
    if rule.weekday not in range(7):
        errors["weekday"] = _("Velg en ukedag.")
    if rule.every_weeks not in WEEK_CHOICES:
        errors["every_weeks"] = _("Velg hver uke eller annenhver uke.")
    if rule.end <= rule.start:
        errors["end"] = _("Slutt må være etter start.")
    if rule.last_date < rule.first_date:
        errors["last_date"] = _("Sluttdatoen kan ikke være før startdatoen.")
    elif rule.first_date.year + MAX_PERIOD_YEARS <= date.max.year and rule.last_date > _years_after(
        rule.first_date, MAX_PERIOD_YEARS
    ):
        errors["last_date"] = _("Perioden kan være høyst tre år.")
    return errors


def _skip_reason(
    day: date, school_holidays: Sequence[Period], skip_public_holidays: bool
) -> str | None:
    """Why `day` gets no session, or None; a public holiday is named before a school holiday."""
    if skip_public_holidays:
        name = holiday_name(day)
        if name is not None:
            return name
    for period in school_holidays:
        if period.contains(day):
            return period.name
    return None


def generate_dates(
    rule: WeeklyRule,
    school_holidays: Sequence[Period] = (),
    skip_public_holidays: bool = True,
) -> tuple[list[date], list[SkippedDate]]:
    """The session dates `rule` produces, and the dates left out because of a holiday.

    Counting starts at the first `weekday` on or after `first_date` and steps `every_weeks` weeks
    from there, so a skipped holiday never shifts an every-other-week group onto the other week.
    Raises ValueError for a weekday or interval that `validate_rule` would reject, since those
    would otherwise loop forever or produce nonsense.
    """
    if rule.weekday not in range(7):
        raise ValueError(f"weekday must be 0-6, not {rule.weekday!r}")
    if rule.every_weeks < 1:
        raise ValueError(f"every_weeks must be at least 1, not {rule.every_weeks!r}")
    step = timedelta(weeks=rule.every_weeks)
    day = rule.first_date + timedelta(days=(rule.weekday - rule.first_date.weekday()) % 7)
    dates: list[date] = []
    skipped: list[SkippedDate] = []
    while day <= rule.last_date:
        reason = _skip_reason(day, school_holidays, skip_public_holidays)
        if reason is None:
            dates.append(day)
        else:
            skipped.append(SkippedDate(day, reason))
        day += step
    return dates, skipped


def plan_changes(existing: Mapping[date, bool], wanted: Sequence[date]) -> ScheduleChanges:
    """How to turn the `existing` sessions (date -> has attendance) into the `wanted` dates.

    Sessions with attendance are never in `remove`: they go to `keep_with_attendance` instead.
    All three lists are sorted and free of duplicates.
    """
    wanted_set = set(wanted)
    unwanted = [day for day in existing if day not in wanted_set]
    return ScheduleChanges(
        add=sorted(wanted_set.difference(existing)),
        remove=sorted(day for day in unwanted if not existing[day]),
        keep_with_attendance=sorted(day for day in unwanted if existing[day]),
    )


def overlaps(a_start: time, a_end: time, b_start: time, b_end: time) -> bool:
    """Whether two time ranges share any moment, treating each as [start, end).

    Back-to-back sessions (18-20 and 20-21) do not overlap, and an empty range overlaps nothing.
    """
    if a_end <= a_start or b_end <= b_start:
        return False
    return a_start < b_end and b_start < a_end


def session_hours(start: time, end: time) -> float:
    """Length of a session in hours (18:00-20:30 is 2.5), for volunteer-hour totals.

    Sessions do not cross midnight, so an end before the start is a ValueError, not a negative.
    """
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    span = datetime.combine(date.min, end) - datetime.combine(date.min, start)
    return span.total_seconds() / 3600
