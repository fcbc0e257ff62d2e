"""Small builders for service tests: a volunteer, an activity with a weekly rule, a participant."""

from __future__ import annotations

import datetime as dt

from app.db import Database
from app.services.activities import ActivityInput, create_activity
from app.services.participants import ConsentInput, ParticipantInput, create_participant
from app.services.schedule import WeeklyRule
from app.services.sessions import list_sessions, save_rule
from app.services.teams import add_team_member
from app.services.volunteers import VolunteerInput, create_volunteer

THURSDAY = 3
TODAY = dt.date(2026, 11, 22)


def volunteer(db: Database, name: str = "Kari Ødegård", start: dt.date | None = None) -> str:
    return create_volunteer(
        db, VolunteerInput(name=name, start_date=start or dt.date(2025, 1, 1)), today=TODAY
    )


def activity(
    db: Database,
    name: str = "Språkkafé",
    counting: str = "headcount",
    capacity: int | None = None,
    needed: int = 2,
    start: dt.date = dt.date(2026, 1, 1),
) -> str:
    return create_activity(
        db,
        ActivityInput(name=name, type_code="sprakkafe", counting=counting, capacity=capacity,
                      volunteers_needed=needed, start_date=start),
    )  # fmt: skip


def weekly(
    db: Database,
    activity_id: str,
    first: dt.date = dt.date(2026, 3, 1),
    last: dt.date = dt.date(2026, 4, 30),
    weekday: int = THURSDAY,
    start: dt.time = dt.time(18, 0),
    end: dt.time = dt.time(20, 0),
) -> list:
    save_rule(db, activity_id, WeeklyRule(weekday, 1, start, end, first, last))
    return list_sessions(db, first, last, [activity_id])


def team(db: Database, activity_id: str, volunteer_id: str, role: str = "vert") -> str:
    return add_team_member(db, activity_id, volunteer_id, role, dt.date(2026, 1, 1))


def participant(db: Database, name: str = "Amina Warsame", birth_year: int = 1990) -> str:
    given_by = "guardian" if TODAY.year - birth_year < 18 else "self"
    return create_participant(
        db,
        ParticipantInput(name=name, birth_year=birth_year, gender="female"),
        ConsentInput(method="oral", given_by=given_by, given_on=TODAY),
        today=TODAY,
    )
