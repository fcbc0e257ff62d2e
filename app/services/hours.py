"""Volunteer hours: from attendance at sessions, plus hours logged outside them.

One function (`volunteer_hours`) adds them up, so the volunteer page, the annual report and the
funding reports count hours the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import (
    Activity,
    PairingMeeting,
    PairingVolunteer,
    Person,
    Session,
    VolunteerAttendance,
    VolunteerHours,
)
from app.services.codes import HOURS_CATEGORIES

MAX_HOURS_PER_DAY = 24.0


@dataclass(frozen=True)
class HoursSummary:
    this_year: float
    total: float


def _person_id(session: OrmSession, volunteer_id: str) -> int:
    person = session.scalars(select(Person).where(Person.uuid == volunteer_id)).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return person.id


def log_hours(
    db: Database,
    volunteer_id: str,
    day: dt.date,
    hours: float,
    category: str,
    activity_id: str | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> None:
    """Log hours given outside a session (driving, an event, board work)."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if not 0 < hours <= MAX_HOURS_PER_DAY:
        errors["hours"] = _("Timer må være mellom 0 og 24.")
    if category not in HOURS_CATEGORIES:
        errors["category"] = _("Velg en kategori.")
    if day > today:
        errors["date"] = _("Timer kan ikke føres på en dato i fremtiden.")
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        person_id = _person_id(session, volunteer_id)
        activity = None
        if activity_id is not None:
            activity = session.scalar(select(Activity.id).where(Activity.uuid == activity_id))
            if activity is None:
                raise NotFound(_("Fant ingen aktivitet med ID {id}.").format(id=activity_id))
        entry = VolunteerHours(person_id=person_id, date=day, activity_id=activity,
                               category=category, hours=hours)  # fmt: skip
        entry.note = note.strip() or None
        session.add(entry)


def volunteer_hours(
    session: OrmSession, person_ids: list[int] | None, start: dt.date | None, end: dt.date | None
) -> dict[int, float]:
    """Hours per person from attendance, logged hours and pair meetings, between two dates
    (inclusive)."""
    att = (
        select(VolunteerAttendance.person_id, func.sum(VolunteerAttendance.hours))
        .join(Session, Session.id == VolunteerAttendance.session_id)
        .where(Session.cancelled.is_(False))
        .group_by(VolunteerAttendance.person_id)
    )
    logged = select(VolunteerHours.person_id, func.sum(VolunteerHours.hours)).group_by(
        VolunteerHours.person_id
    )
    if start is not None:
        att, logged = att.where(Session.date >= start), logged.where(VolunteerHours.date >= start)
    if end is not None:
        att, logged = att.where(Session.date <= end), logged.where(VolunteerHours.date <= end)
    if person_ids is not None:
        att = att.where(VolunteerAttendance.person_id.in_(person_ids))
        logged = logged.where(VolunteerHours.person_id.in_(person_ids))
    totals: dict[int, float] = {}
    for query in (att, logged):
        for pid, hours in session.execute(query):
            totals[pid] = totals.get(pid, 0.0) + float(hours or 0)
    for pid, hours in meeting_hours_by_person(session, person_ids, start, end).items():
        totals[pid] = totals.get(pid, 0.0) + hours
    return totals


def meeting_hours_by_person(
    session: OrmSession,
    person_ids: list[int] | None,
    start: dt.date | None,
    end: dt.date | None,
) -> dict[int, float]:
    """Hours from pair meetings per volunteer (person row id), between two dates (inclusive).

    A meeting of a team pairing counts for each volunteer in it.
    """
    query = (
        select(PairingVolunteer.person_id, func.sum(PairingMeeting.hours))
        .join(PairingMeeting, PairingMeeting.pairing_id == PairingVolunteer.pairing_id)
        .group_by(PairingVolunteer.person_id)
    )
    if start is not None:
        query = query.where(PairingMeeting.met_on >= start)
    if end is not None:
        query = query.where(PairingMeeting.met_on <= end)
    if person_ids is not None:
        query = query.where(PairingVolunteer.person_id.in_(person_ids))
    return {pk: float(hours or 0) for pk, hours in session.execute(query)}


def hours_summary(db: Database, volunteer_id: str, today: dt.date | None = None) -> HoursSummary:
    """A volunteer's hours this year and in total, as the volunteer page shows them."""
    today = today or dt.date.today()
    with db.read() as session:
        pid = _person_id(session, volunteer_id)
        year = volunteer_hours(session, [pid], dt.date(today.year, 1, 1), today)
        total = volunteer_hours(session, [pid], None, None)
    return HoursSummary(this_year=year.get(pid, 0.0), total=total.get(pid, 0.0))
