"""The vaktliste rules: paused, ended, not on the team, overlapping — refused with a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationFailed
from app.services.attendance import AttendanceInput, get_attendance_sheet, save_attendance
from app.services.rosters import roster_series, roster_volunteer, session_roster, unroster
from app.services.sessions import cancel_session, list_sessions
from app.services.teams import add_team_member, end_team_member, list_team
from app.services.volunteers import change_status
from tests.services_fixtures import activity, team, volunteer, weekly


def test_team_member_is_rostered_with_role(db: Database) -> None:
    a = activity(db)
    session = weekly(db, a)[0]
    kari = volunteer(db)
    team(db, a, kari, "vert")
    roster_volunteer(db, session.id, kari, confirmed=True)
    assert [(r.name, r.role, r.confirmed) for r in session_roster(db, session.id)] == [
        ("Kari Ødegård", "vert", True)
    ]
    roster_volunteer(db, session.id, kari)  # a second time changes nothing
    assert len(session_roster(db, session.id)) == 1
    unroster(db, session.id, kari)
    assert session_roster(db, session.id) == []


def test_paused_ended_and_outsiders_are_refused(db: Database) -> None:
    a = activity(db)
    session = weekly(db, a)[0]
    outsider = volunteer(db, "Per Hansen")
    with pytest.raises(ValidationFailed, match="ikke med i teamet"):
        roster_volunteer(db, session.id, outsider)
    paused = volunteer(db, "Åse Løvås")
    team(db, a, paused)
    change_status(db, paused, "paused", dt.date(2026, 2, 1), "Eksamen")
    with pytest.raises(ValidationFailed) as failure:
        roster_volunteer(db, session.id, paused)
    assert "Åse Løvås har pause" in failure.value.errors["volunteer"]
    change_status(db, paused, "ended", dt.date(2026, 2, 2), "Flyttet")
    with pytest.raises(ValidationFailed, match="sluttet"):
        roster_volunteer(db, session.id, paused)
    assert session_roster(db, session.id) == []


def test_overlapping_sessions_are_refused_naming_the_other(db: Database) -> None:
    cafe, homework = activity(db, "Språkkafé"), activity(db, "Leksehjelp")
    kari = volunteer(db)
    team(db, cafe, kari)
    team(db, homework, kari)
    first = weekly(db, cafe)[0]
    other = weekly(db, homework, start=dt.time(19), end=dt.time(21))[0]
    roster_volunteer(db, first.id, kari)
    with pytest.raises(ValidationFailed) as failure:
        roster_volunteer(db, other.id, kari)
    assert "Språkkafé" in failure.value.errors["volunteer"]
    assert "18:00–20:00" in failure.value.errors["volunteer"]
    later = weekly(db, homework, start=dt.time(20), end=dt.time(21))
    touching = next(s for s in later if s.date == first.date and s.start == dt.time(20))
    roster_volunteer(db, touching.id, kari)  # 20:00 start touches but does not overlap


def test_series_adds_and_lists_refusals(db: Database) -> None:
    a = activity(db)
    sessions = weekly(db, a)
    kari = volunteer(db)
    member = team(db, a, kari)
    cancel_session(db, sessions[1].id, "Stengt")
    end_team_member(db, member, sessions[4].date)  # leaves the team after the fifth session
    result = roster_series(db, a, kari, sessions[0].date, sessions[-1].date)
    assert result.added == tuple(s.date for s in (sessions[0], *sessions[2:5]))
    assert [d for d, _ in result.refused] == [s.date for s in sessions[5:]]
    assert all("ikke med i teamet" in reason for _, reason in result.refused)
    assert list_team(db, a)[0].to_date == sessions[4].date


def test_attendance_is_never_refused_by_roster_rules(db: Database) -> None:
    a = activity(db)
    session = weekly(db, a)[0]
    kari = volunteer(db)
    add_team_member(db, a, kari, "vert", dt.date(2026, 1, 1))
    change_status(db, kari, "paused", dt.date(2026, 2, 1), "Ferie")
    save_attendance(db, session.id, AttendanceInput(volunteers={kari: 2.0}))
    sheet = get_attendance_sheet(db, session.id)
    assert [(v.name, v.present, v.hours) for v in sheet.volunteers] == [("Kari Ødegård", True, 2.0)]
    row = list_sessions(db, session.date, session.date, [a])[0]
    assert row.attendance.volunteers == 1 and row.attendance.volunteer_hours == 2.0
