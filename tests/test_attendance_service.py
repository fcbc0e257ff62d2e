"""Attendance: fixed order, hours limits, headcount splits, walk-ins with and without consent."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationFailed
from app.services.attendance import (
    AttendanceInput,
    HeadcountInput,
    add_walk_in,
    get_attendance_sheet,
    save_attendance,
    validate_headcount,
)
from app.services.enrolment import enrol
from app.services.participants import ConsentInput, ParticipantInput, find_participants
from app.services.rosters import roster_volunteer
from app.services.sessions import list_sessions
from tests.services_fixtures import TODAY, activity, participant, team, volunteer, weekly


def test_sheet_order_roster_then_team_then_enrolled(db: Database) -> None:
    a = activity(db, counting="both")
    session = weekly(db, a)[0]
    zara, bjorn, ase = volunteer(db, "Zara Ali"), volunteer(db, "Bjørn Dahl"), volunteer(db, "Åse")
    for v in (zara, bjorn, ase):
        team(db, a, v)
    roster_volunteer(db, session.id, zara)
    for name in ("Ølve", "Amina"):
        enrol(db, a, participant(db, name), dt.date(2026, 1, 5))
    sheet = get_attendance_sheet(db, session.id)
    assert [v.name for v in sheet.volunteers] == ["Zara Ali", "Bjørn Dahl", "Åse"]
    assert [v.on_roster for v in sheet.volunteers] == [True, False, False]
    assert [p.name for p in sheet.participants] == ["Amina", "Ølve"]
    assert sheet.default_hours == 2.0 and sheet.volunteers[1].hours == 2.0


def test_save_and_reload(db: Database) -> None:
    a = activity(db, counting="both")
    session = weekly(db, a)[0]
    kari = volunteer(db)
    amina = participant(db)
    data = AttendanceInput(
        volunteers={kari: 2.5},
        participants={amina},
        headcount=HeadcountInput(total=12, by_gender={"female": 7, "male": 4},
                                 by_age={"18-25": 3, "26-66": 8, "unknown": 1}),
    )  # fmt: skip
    save_attendance(db, session.id, data)
    sheet = get_attendance_sheet(db, session.id)
    assert sheet.recorded
    assert [(v.name, v.hours) for v in sheet.volunteers if v.present] == [("Kari Ødegård", 2.5)]
    assert [(p.name, p.present, p.enrolled) for p in sheet.participants] == [
        ("Amina Warsame", True, False)
    ]
    assert sheet.headcount.total == 12
    assert sheet.headcount.by_gender == {"female": 7, "male": 4, "other": 0, "unknown": 0}
    assert sheet.headcount.by_age["26-66"] == 8
    row = list_sessions(db, session.date, session.date, [a])[0]
    assert (row.attendance.volunteers, row.attendance.registered, row.attendance.headcount) == (
        1, 1, 12)  # fmt: skip


def test_bad_numbers_are_refused_and_nothing_saved(db: Database) -> None:
    a = activity(db)
    session = weekly(db, a)[0]
    kari = volunteer(db)
    save_attendance(db, session.id, AttendanceInput(headcount=HeadcountInput(total=5)))
    for bad, field in (
        (AttendanceInput(volunteers={kari: -1}), f"hours.{kari}"),
        (AttendanceInput(volunteers={kari: 4.5}), f"hours.{kari}"),  # 2 h + 2 h margin
        (AttendanceInput(headcount=HeadcountInput(total=-3)), "headcount.total"),
        (AttendanceInput(headcount=HeadcountInput(total=4, by_gender={"female": 5})),
         "headcount.by_gender"),
        (AttendanceInput(headcount=HeadcountInput(total=4, by_age={"0-5": -1})),
         "headcount.by_age"),
    ):  # fmt: skip
        with pytest.raises(ValidationFailed) as failure:
            save_attendance(db, session.id, bad)
        assert field in failure.value.errors
    assert get_attendance_sheet(db, session.id).headcount.total == 5
    save_attendance(db, session.id, AttendanceInput(volunteers={kari: 4.0}))  # within margin


def test_split_message_names_numbers() -> None:
    errors = validate_headcount(HeadcountInput(total=4, by_gender={"female": 3, "male": 2}))
    assert "(5)" in errors["headcount.by_gender"] and "(4)" in errors["headcount.by_gender"]


def test_walk_in_with_consent_is_named_without_is_counted(db: Database) -> None:
    a = activity(db)
    session = weekly(db, a)[0]
    new_id = add_walk_in(
        db, session.id, ParticipantInput("Olena Kovalenko", 1985, "female"),
        ConsentInput(method="written", given_on=TODAY), today=TODAY,
    )  # fmt: skip
    assert new_id is not None
    assert [p.name for p in find_participants(db, "olena")] == ["Olena Kovalenko"]
    assert add_walk_in(db, session.id, ParticipantInput("Ukjent"), None, today=TODAY) is None
    assert add_walk_in(db, session.id, ParticipantInput("Ukjent 2"), None, today=TODAY) is None
    sheet = get_attendance_sheet(db, session.id)
    assert [p.name for p in sheet.participants if p.present] == ["Olena Kovalenko"]
    assert sheet.headcount.total == 2
    assert find_participants(db, "ukjent") == []


def test_a_child_needs_a_guardians_consent(db: Database) -> None:
    a = activity(db)
    session = weekly(db, a)[0]
    child = ParticipantInput("Yonas Tesfay", 2016, "male")
    with pytest.raises(ValidationFailed) as failure:
        add_walk_in(db, session.id, child, ConsentInput(method="oral"), today=TODAY)
    assert "forelder eller verge" in failure.value.errors["consent"]
    assert get_attendance_sheet(db, session.id).participants == ()
    add_walk_in(db, session.id, child, ConsentInput(method="oral", given_by="guardian"),
                today=TODAY)  # fmt: skip
    assert [p.name for p in get_attendance_sheet(db, session.id).participants] == ["Yonas Tesfay"]


def test_old_sessions_list_who_was_enrolled_then(db: Database) -> None:
    from app.services.enrolment import leave

    a = activity(db, counting="enrolled")
    sessions = weekly(db, a)
    amina = participant(db)
    enrol(db, a, amina, dt.date(2026, 3, 1))
    leave(db, a, amina, sessions[2].date)
    listed = [[p.name for p in get_attendance_sheet(db, s.id).participants] for s in sessions[:4]]
    assert listed == [["Amina Warsame"], ["Amina Warsame"], [], []]


def test_hours_margin_is_a_setting(db: Database) -> None:
    from app.services.centre import get_hours_margin, set_hours_margin

    a = activity(db)
    session = weekly(db, a)[0]
    kari = volunteer(db)
    assert get_hours_margin(db) == 2.0
    set_hours_margin(db, 0.5)
    assert get_attendance_sheet(db, session.id).max_hours == 2.5
    with pytest.raises(ValidationFailed):
        save_attendance(db, session.id, AttendanceInput(volunteers={kari: 3.0}))
    with pytest.raises(ValidationFailed):
        set_hours_margin(db, -1)
