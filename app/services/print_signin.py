"""What the printed sign-in sheet (oppmøteliste) of one session holds, as plain values.

The sheet is the paper twin of the attendance screen, so it is read from the same service call,
`get_attendance_sheet`, in the same order: the volunteers on the roster, then the rest of the team,
then anyone else recorded; the enrolled participants, then named walk-ins already recorded. Only
who is listed is printed, never what was recorded (ticks and hours are for the pen), so a sheet
printed after the session is still a blank form to fill in. The renderer is
`app.reports.signin_sheet`; the GUI and `dugnad print signin` both call `get_signin_sheet`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import Database
from app.services.attendance import get_attendance_sheet
from app.services.centre_info import get_centre


@dataclass(frozen=True)
class SigninVolunteer:
    """A volunteer line: the name, and the role on the roster or in the team ("" if none)."""

    name: str
    role: str
    on_roster: bool


@dataclass(frozen=True)
class SigninParticipant:
    """A participant line: enrolled in the group, or a walk-in already recorded by name."""

    name: str
    enrolled: bool


@dataclass(frozen=True)
class SigninSheet:
    """Everything the sign-in sheet prints, for `app.reports.signin_sheet.render_signin_sheet`.

    `counting` is the activity's way of counting (headcount, enrolled or both); `hours` is the
    session's length, which the attendance screen fills in for a volunteer who came.
    """

    centre_name: str
    logo: bytes | None
    session_id: str
    activity: str
    date: dt.date
    start: dt.time
    end: dt.time
    place: str | None
    counting: str
    cancelled: bool
    hours: float
    volunteers: tuple[SigninVolunteer, ...]
    participants: tuple[SigninParticipant, ...]
    generated_on: dt.date


def get_signin_sheet(db: Database, session_id: str, today: dt.date | None = None) -> SigninSheet:
    """The sign-in sheet of session `session_id` (NotFound for an unknown ID)."""
    sheet = get_attendance_sheet(db, session_id)
    centre = get_centre(db)
    return SigninSheet(
        centre_name=centre.name.strip() or "Dugnad",
        logo=centre.logo,
        session_id=sheet.session_id,
        activity=sheet.activity,
        date=sheet.date,
        start=sheet.start,
        end=sheet.end,
        place=sheet.place,
        counting=sheet.counting,
        cancelled=sheet.cancelled,
        hours=sheet.default_hours,
        volunteers=tuple(
            SigninVolunteer(name=v.name, role=v.role, on_roster=v.on_roster)
            for v in sheet.volunteers
        ),
        participants=tuple(
            SigninParticipant(name=p.name, enrolled=p.enrolled) for p in sheet.participants
        ),
        generated_on=today or dt.date.today(),
    )
