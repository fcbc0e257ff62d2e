"""Benchmarks of the activity screens, and the small centre they can be measured on.

`bench_activity_views` measures (a) opening a session's attendance screen with 60 enrolled
participants and (b) a week change in the week view, each beside the bare service call it is
built on, so the figure shows what the screen itself costs. When the database has no activities
yet (before `dugnad demo` fills them), it builds a quick dataset of its own in a temp DB.

`build_centre` is also what the view tests and screenshots use: a believable week at a centre,
made through the services only.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from app.db import Database
from app.services.activities import ActivityInput, add_place, count_activities, create_activity
from app.services.attendance import AttendanceInput, HeadcountInput, save_attendance
from app.services.centre import add_staff
from app.services.enrolment import enrol
from app.services.participants import ConsentInput, ParticipantInput, create_participant
from app.services.rosters import roster_series, roster_volunteer
from app.services.schedule import WeeklyRule
from app.services.sessions import (
    add_school_holiday,
    cancel_session,
    list_sessions,
    save_rule,
    week_sessions,
    week_start,
)
from app.services.teams import add_team_member
from app.services.volunteers import VolunteerInput, change_status, create_volunteer
from bench.report import line, median_seconds

VOLUNTEER_NAMES = (
    "Kari Ødegård", "Ola Nordmann", "Amina Hassan", "Per Hansen", "Ingrid Berg", "Yusuf Ali",
    "Marte Lie", "Olena Kovalenko", "Jonas Dahl", "Sara Haile",
)  # fmt: skip
PARTICIPANT_FIRST = ("Ali", "Fatima", "Daniel", "Mariam", "Oksana", "Ahmed", "Liya", "Omar",
                     "Hana", "Petro", "Aisha", "Samir")  # fmt: skip
PARTICIPANT_LAST = ("Mohamed", "Tesfay", "Shevchenko", "Rahimi", "Nowak", "Abdi", "Yusuf")


@dataclass
class Centre:
    """IDs of what `build_centre` made, for tests and screenshots to open."""

    today: dt.date
    staff: str = ""
    volunteers: dict[str, str] = field(default_factory=dict)
    activities: dict[str, str] = field(default_factory=dict)
    participants: list[str] = field(default_factory=list)
    places: dict[str, str] = field(default_factory=dict)


def _rule(weekday: int, start: int, end: int, first: dt.date, last: dt.date) -> WeeklyRule:
    return WeeklyRule(weekday, 1, dt.time(start), dt.time(end), first, last)


def build_centre(db: Database, today: dt.date, enrolled: int = 12) -> Centre:
    """A centre with four activities around `today`: staffed, understaffed, cancelled, recorded."""
    centre = Centre(today=today)
    first = week_start(today) - dt.timedelta(weeks=8)
    last = week_start(today) + dt.timedelta(weeks=12)
    centre.staff = add_staff(db, "Hilde Koordinator")
    centre.places["library"] = add_place(db, "Biblioteket", "Storgata 1")
    centre.places["centre"] = add_place(db, "Frivilligsentralen", "Kirkeveien 4")
    for name in VOLUNTEER_NAMES:
        centre.volunteers[name] = create_volunteer(
            db, VolunteerInput(name=name, start_date=first - dt.timedelta(days=30))
        )
    add_school_holiday(db, "Vinterferie", dt.date(today.year, 2, 23), dt.date(today.year, 2, 27))

    def activity(key: str, **kwargs: object) -> str:
        data = ActivityInput(start_date=first, coordinator_id=centre.staff, **kwargs)  # type: ignore[arg-type]
        centre.activities[key] = create_activity(db, data)
        return centre.activities[key]

    cafe = activity("cafe", name="Språkkafé", type_code="sprakkafe", target_groups=["adults"],
                    place_id=centre.places["library"], languages=["no", "ar", "uk"],
                    volunteers_needed=3, counting="headcount")  # fmt: skip
    homework = activity("homework", name="Leksehjelp", type_code="leksehjelp",
                        target_groups=["children", "youth"], min_age=6, max_age=16,
                        place_id=centre.places["centre"], volunteers_needed=2,
                        requires_certificate=True, capacity=max(enrolled, 10),
                        counting="enrolled")  # fmt: skip
    women = activity("women", name="Kvinnegruppa", type_code="kvinnegruppe",
                     target_groups=["women"], place_id=centre.places["centre"],
                     volunteers_needed=1, capacity=8, counting="both")  # fmt: skip
    save_rule(db, cafe, _rule(3, 18, 20, first, last))
    save_rule(db, homework, _rule(1, 17, 19, first, last))
    save_rule(db, women, _rule(today.weekday(), 11, 13, first, last))

    v = centre.volunteers
    for name in VOLUNTEER_NAMES[:4]:
        add_team_member(db, cafe, v[name], "vert", first)
    for name in VOLUNTEER_NAMES[4:7]:
        add_team_member(db, homework, v[name], "leksehjelper", first)
    add_team_member(db, women, v["Sara Haile"], "vert", first)
    add_team_member(db, women, v["Jonas Dahl"], "sjåfør", first)
    for name in VOLUNTEER_NAMES[:2]:
        roster_series(db, cafe, v[name], first, last, confirmed=True)
    roster_series(db, homework, v["Ingrid Berg"], first, last)
    roster_series(db, homework, v["Yusuf Ali"], first, last, confirmed=True)
    roster_series(db, women, v["Sara Haile"], first, last, confirmed=True)
    this_week = list_sessions(db, week_start(today), week_start(today) + dt.timedelta(days=6),
                              [cafe])  # fmt: skip
    if this_week:
        roster_volunteer(db, this_week[0].id, v["Per Hansen"])
    change_status(db, v["Marte Lie"], "paused", first, "Eksamen")

    for n in range(enrolled):
        name = f"{PARTICIPANT_FIRST[n % 12]} {PARTICIPANT_LAST[n % 7]}"
        if n >= 12 * 7:
            name += f" {n}"
        pid = create_participant(
            db, ParticipantInput(name, today.year - 9 - n % 6, "unknown"),
            ConsentInput("written", "guardian", first, centre.staff), today=first,
        )  # fmt: skip
        centre.participants.append(pid)
        enrol(db, homework, pid, first)
    for n in range(2):
        pid = create_participant(
            db, ParticipantInput(f"Venter {PARTICIPANT_LAST[n]}", None, "female"),
            ConsentInput("oral", "self", first, centre.staff), today=first,
        )  # fmt: skip
        enrol(db, women, pid, first)

    past = list_sessions(db, first, today - dt.timedelta(days=1))
    for row in past:
        if row.activity_id == cafe:
            save_attendance(db, row.id, AttendanceInput(
                volunteers={v["Kari Ødegård"]: 2.0, v["Ola Nordmann"]: 2.0},
                headcount=HeadcountInput(14, {"female": 8, "male": 5, "other": 0, "unknown": 1}),
            ))  # fmt: skip
        elif row.activity_id == homework:
            save_attendance(db, row.id, AttendanceInput(
                volunteers={v["Yusuf Ali"]: 2.0},
                participants=set(centre.participants[: max(1, enrolled // 2)]),
            ))  # fmt: skip
    upcoming = list_sessions(db, today, today + dt.timedelta(days=14), [homework])
    if upcoming:
        cancel_session(db, upcoming[0].id, "Skolen er stengt")
    return centre


def build_many(db: Database, today: dt.date, activities: int = 150) -> Centre:
    """The large case: `activities` weekly activities over two years, one with 60 enrolled."""
    centre = build_centre(db, today, enrolled=60)
    first = today - dt.timedelta(days=365)
    last = today + dt.timedelta(days=300)
    for n in range(activities - len(centre.activities)):
        aid = create_activity(db, ActivityInput(name=f"Aktivitet {n + 1:03d}", start_date=first,
                                                volunteers_needed=1 + n % 3))  # fmt: skip
        save_rule(db, aid, _rule(n % 7, 10 + n % 10, 12 + n % 10, first, last))
    return centre


def _homework_session(db: Database, centre_id: str, today: dt.date) -> str:
    rows = list_sessions(db, today - dt.timedelta(days=60), today, [centre_id])
    return rows[-1].id


def bench_activity_views(db_path: Path, repeat: int = 7) -> None:
    """Print the two screen figures beside their service baselines."""
    from PySide6.QtWidgets import QApplication

    from app.services.attendance import get_attendance_sheet
    from app.views.attendance.attendance_dialog import AttendanceDialog
    from app.views.week.week_page import WeekPage

    app = QApplication.instance() or QApplication([])
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(db_path)
        if count_activities(db) == 0:
            db.close()
            db = Database.open(Path(tmp) / "activities.sqlite", create=True)
            centre = build_many(db, today)
            session_id = _homework_session(db, centre.activities["homework"], today)
        else:
            session_id = _largest_session(db, today)
        sheet = get_attendance_sheet(db, session_id)

        def open_dialog() -> None:
            dialog = AttendanceDialog(db, session_id)
            dialog.show()
            app.processEvents()
            dialog.close()
            dialog.deleteLater()

        screen = median_seconds(open_dialog, repeat)
        bare = median_seconds(lambda: get_attendance_sheet(db, session_id), repeat)
        line(f"attendance screen ({len(sheet.participants)} participants)",
             f"{screen * 1000:.1f} ms", f"{bare * 1000:.1f} ms", screen / bare, "<= 100 ms",
             screen <= 0.100)  # fmt: skip

        page = WeekPage(db)
        page.resize(1280, 800)
        page.show()
        app.processEvents()
        weeks = iter(range(1, 1000))

        def change_week() -> None:
            page.show_week(today + dt.timedelta(weeks=next(weeks) % 20 - 10))
            app.processEvents()

        page_time = median_seconds(change_week, repeat)
        service = median_seconds(lambda: week_sessions(db, today), repeat)
        count = len(week_sessions(db, today))
        line(f"week change ({count} sessions)", f"{page_time * 1000:.1f} ms",
             f"{service * 1000:.1f} ms", page_time / service, "<= 200 ms",
             page_time <= 0.200)  # fmt: skip
        page.close()
        page.deleteLater()
        app.processEvents()
        db.close()


def _largest_session(db: Database, today: dt.date) -> str:
    """The recent session with the most named participants on its sheet (the demo's case)."""
    from app.services.enrolment import list_enrolment

    rows = list_sessions(db, today - dt.timedelta(days=120), today)
    best, best_count = rows[-1].id, -1
    for activity_id in {r.activity_id for r in rows}:
        enrolled = sum(1 for e in list_enrolment(db, activity_id) if e.status == "enrolled")
        if enrolled > best_count:
            best_count = enrolled
            best = [r for r in rows if r.activity_id == activity_id][-1].id
    return best
