"""Activities, rules and sessions: generation around holidays, changes that keep attendance."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationFailed
from app.services.activities import (
    ActivityInput,
    add_activity_type,
    certificate_warning,
    get_activity,
    list_activities,
    list_activity_types,
    validate_activity,
)
from app.services.attendance import AttendanceInput, HeadcountInput, save_attendance
from app.services.schedule import WeeklyRule
from app.services.sessions import (
    add_school_holiday,
    add_session,
    cancel_session,
    delete_session,
    list_sessions,
    move_session,
    save_rule,
    understaffed_sessions,
    week_sessions,
)
from tests.services_fixtures import THURSDAY, activity, weekly


def test_builtin_types_and_own_type(db: Database) -> None:
    codes = {t.code for t in list_activity_types(db)}
    assert {"sprakkafe", "leksehjelp", "kvinnegruppe", "tur", "annet"} <= codes
    code = add_activity_type(db, "Strikkekafé", "social")
    assert code == "strikkekafe"
    assert {t.code: t.reporting_category for t in list_activity_types(db)}[code] == "social"
    with pytest.raises(ValidationFailed):
        add_activity_type(db, "strikkekafé", "social")  # same name, other case


def test_activity_validation_names_fields() -> None:
    data = ActivityInput(name="", target_groups=[], min_age=20, max_age=10,
                         volunteers_needed=-1, capacity=0, counting="x",
                         start_date=dt.date(2026, 5, 1), end_date=dt.date(2026, 4, 1))  # fmt: skip
    errors = validate_activity(data, {"annet"})
    assert set(errors) >= {"name", "target_groups", "max_age", "volunteers_needed", "capacity",
                           "counting", "end_date"}  # fmt: skip


def test_certificate_for_adults_only_warns() -> None:
    adults = ActivityInput(name="Norsk", target_groups=["adults"], requires_certificate=True)
    assert certificate_warning(adults) is not None
    kids = ActivityInput(name="Lekser", target_groups=["children"], requires_certificate=True)
    assert certificate_warning(kids) is None


def test_weekly_rule_skips_easter_and_school_holiday(db: Database) -> None:
    add_school_holiday(db, "Vinterferie", dt.date(2026, 3, 2), dt.date(2026, 3, 6))
    a = activity(db)
    result = save_rule(
        db, a, WeeklyRule(THURSDAY, 1, dt.time(18), dt.time(20), dt.date(2026, 3, 1),
                          dt.date(2026, 4, 30))
    )  # fmt: skip
    days = [s.date for s in list_sessions(db, dt.date(2026, 3, 1), dt.date(2026, 4, 30), [a])]
    assert dt.date(2026, 4, 2) not in days  # skjærtorsdag
    assert dt.date(2026, 3, 5) not in days  # vinterferie
    assert days[0] == dt.date(2026, 3, 12) and days[-1] == dt.date(2026, 4, 30)
    reasons = {s.day: s.reason for s in result.skipped}
    assert reasons[dt.date(2026, 4, 2)] == "skjærtorsdag"
    assert reasons[dt.date(2026, 3, 5)] == "Vinterferie"
    assert get_activity(db, a).row.schedule == "torsdag 18:00–20:00"


def test_every_other_week_summary_and_dates(db: Database) -> None:
    a = activity(db)
    save_rule(db, a, WeeklyRule(6, 2, dt.time(11), dt.time(15), dt.date(2026, 8, 2),
                                dt.date(2026, 9, 30)))  # fmt: skip
    days = [s.date for s in list_sessions(db, dt.date(2026, 8, 1), dt.date(2026, 9, 30), [a])]
    assert days == [dt.date(2026, 8, 2), dt.date(2026, 8, 16), dt.date(2026, 8, 30),
                    dt.date(2026, 9, 13), dt.date(2026, 9, 27)]  # fmt: skip
    assert list_activities(db)[0].schedule == "annenhver søndag 11:00–15:00"


def test_changing_a_rule_keeps_sessions_with_attendance(db: Database) -> None:
    a = activity(db)
    rule_id = save_rule(
        db, a, WeeklyRule(THURSDAY, 1, dt.time(18), dt.time(20), dt.date(2026, 3, 1),
                          dt.date(2026, 4, 30))
    ).rule_id  # fmt: skip
    kept = list_sessions(db, dt.date(2026, 3, 1), dt.date(2026, 4, 30), [a])[0]
    save_attendance(db, kept.id, AttendanceInput(headcount=HeadcountInput(total=7)))
    # Move the series to Tuesdays: Thursday sessions go, except the one with attendance.
    result = save_rule(
        db, a, WeeklyRule(1, 1, dt.time(17), dt.time(19), dt.date(2026, 3, 1),
                          dt.date(2026, 4, 30)), rule_id
    )  # fmt: skip
    days = {s.date for s in list_sessions(db, dt.date(2026, 3, 1), dt.date(2026, 4, 30), [a])}
    assert kept.date in days
    assert result.changes.keep_with_attendance == [kept.date]
    assert all(d.weekday() == 1 for d in days - {kept.date})


def test_one_off_session_outside_activity_is_refused(db: Database) -> None:
    a = activity(db, start=dt.date(2026, 1, 1))
    with pytest.raises(ValidationFailed) as failure:
        add_session(db, a, dt.date(2025, 12, 1), dt.time(18), dt.time(20))
    assert "date" in failure.value.errors
    with pytest.raises(ValidationFailed) as failure:
        add_session(db, a, dt.date(2026, 2, 1), dt.time(20), dt.time(18))
    assert "end" in failure.value.errors
    assert list_sessions(db, dt.date(2025, 1, 1), dt.date(2027, 1, 1), [a]) == []


def test_cancel_move_delete(db: Database) -> None:
    a = activity(db, needed=2)
    first, second = weekly(db, a)[:2]
    with pytest.raises(ValidationFailed):
        cancel_session(db, first.id, " ")
    cancel_session(db, first.id, "Biblioteket stengt")
    move_session(db, second.id, dt.date(2026, 3, 21), dt.time(12), dt.time(14))
    rows = {r.id: r for r in list_sessions(db, dt.date(2026, 3, 1), dt.date(2026, 4, 30), [a])}
    assert rows[first.id].cancelled and rows[first.id].cancel_reason == "Biblioteket stengt"
    assert rows[second.id].date == dt.date(2026, 3, 21)
    assert not rows[first.id].understaffed  # a cancelled session needs nobody
    assert rows[second.id].understaffed  # 0 of 2
    assert second.id in {r.id for r in understaffed_sessions(db, dt.date(2026, 3, 1),
                                                             dt.date(2026, 4, 30))}  # fmt: skip
    assert {r.date for r in week_sessions(db, dt.date(2026, 3, 19))} == {
        dt.date(2026, 3, 19), dt.date(2026, 3, 21)}  # fmt: skip
    save_attendance(db, second.id, AttendanceInput(headcount=HeadcountInput(total=3)))
    with pytest.raises(ValidationFailed):
        delete_session(db, second.id)
    delete_session(db, first.id)
    assert first.id not in {r.id for r in list_sessions(db, dt.date(2026, 3, 1),
                                                         dt.date(2026, 4, 30), [a])}  # fmt: skip


def test_summary_leaves_out_rules_that_have_run_out(db: Database) -> None:
    today = dt.date.today()
    a = activity(db, start=today - dt.timedelta(days=400))
    save_rule(db, a, WeeklyRule(1, 1, dt.time(17), dt.time(19), today - dt.timedelta(days=390),
                                today - dt.timedelta(days=200)))  # fmt: skip
    assert get_activity(db, a).row.schedule == "tirsdag 17:00–19:00"  # only rule, ended
    save_rule(
        db,
        a,
        WeeklyRule(
            THURSDAY,
            1,
            dt.time(18),
            dt.time(20),
            today - dt.timedelta(days=100),
            today + dt.timedelta(days=300),
        ),
    )
    assert get_activity(db, a).row.schedule == "torsdag 18:00–20:00"
