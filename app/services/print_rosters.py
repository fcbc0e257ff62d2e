"""What the vaktliste and the kontaktliste print: plain values read in one transaction each.

`roster_printout()` gathers the sessions of a period (one activity or all) with the volunteers on
each roster; `contact_list()` gathers an activity's team with phone and e-mail. The renderers in
`app/reports/roster.py` and `app/reports/contact_list.py` take these dataclasses and never touch
the database. No Qt, no reportlab here.

Cancelled sessions are kept in the roster, marked as cancelled with the reason: a roster on the
wall must tell the volunteers not to come, and the coordinator sees why the evening is empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.errors import NotFound
from app.i18n import _
from app.models import Activity, Person, Place, RosterEntry, Session, Staff, TeamMember, Volunteer
from app.services.centre_info import get_centre
from app.services.text import sort_key

# SQLite allows a limited number of bound parameters per statement.
_CHUNK = 900


@dataclass(frozen=True)
class RosteredVolunteer:
    """One volunteer on one session's roster."""

    name: str
    role: str
    confirmed: bool


@dataclass(frozen=True)
class RosterSession:
    """One session of the vaktliste."""

    id: str
    activity_id: str
    activity: str
    date: dt.date
    start: dt.time
    end: dt.time
    place: str | None
    cancelled: bool
    cancel_reason: str | None
    volunteers_needed: int
    volunteers: tuple[RosteredVolunteer, ...]

    @property
    def missing(self) -> int:
        """How many volunteers are still needed (0 for a cancelled session)."""
        if self.cancelled:
            return 0
        return max(0, self.volunteers_needed - len(self.volunteers))


@dataclass(frozen=True)
class RosterPrintout:
    """The vaktliste of `start`–`end` (inclusive) for one activity (`activity`) or all (None)."""

    centre_name: str
    logo: bytes | None
    start: dt.date
    end: dt.date
    activity: str | None
    sessions: tuple[RosterSession, ...]
    generated_on: dt.date

    @property
    def understaffed(self) -> int:
        return sum(1 for s in self.sessions if s.missing)

    @property
    def cancelled(self) -> int:
        return sum(1 for s in self.sessions if s.cancelled)


@dataclass(frozen=True)
class ContactRow:
    """One volunteer of the kontaktliste. `phone` is E.164 as stored; the report formats it."""

    name: str
    role: str
    phone: str | None
    email: str | None
    paused: bool
    from_date: dt.date
    to_date: dt.date | None


@dataclass(frozen=True)
class ContactListPrintout:
    """An activity's team with contact details, as on `generated_on`."""

    centre_name: str
    logo: bytes | None
    activity: str
    place: str | None
    coordinator: str | None
    members: tuple[ContactRow, ...]
    generated_on: dt.date


def coming_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of the month after `today`'s: the roster one usually prints."""
    first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def _activity_row(session, activity_id: str):  # type: ignore[no-untyped-def]
    a = Activity.__table__
    query = select(a.c.id, a.c.name, a.c.place_id, a.c.coordinator_id).where(
        a.c.uuid == activity_id
    )
    row = session.connection().execute(query).first()
    if row is None:
        raise NotFound(_("Fant ingen aktivitet med ID {id}.").format(id=activity_id))
    return row


def roster_printout(
    db: Database,
    start: dt.date,
    end: dt.date,
    activity_id: str | None = None,
    today: dt.date | None = None,
) -> RosterPrintout:
    """The sessions from `start` to `end` (inclusive), by date and time, with their rosters.

    `activity_id` limits the roster to one activity (NotFound if there is none with that ID).
    Cancelled sessions are included and marked; an empty period gives an empty `sessions`.
    """
    s, a, p = Session.__table__, Activity.__table__, Place.__table__
    r, person = RosterEntry.__table__, Person.__table__
    query = (
        select(s.c.id, s.c.uuid, a.c.uuid.label("activity_uuid"), a.c.name, s.c.date,
               s.c.start_time, s.c.end_time, s.c.place_id, a.c.place_id.label("activity_place"),
               s.c.cancelled, s.c.cancel_reason, s.c.volunteers_needed,
               a.c.volunteers_needed.label("activity_needed"))
        .join(a, a.c.id == s.c.activity_id)
        .where(s.c.date >= start, s.c.date <= end)
        .order_by(s.c.date, s.c.start_time, a.c.name, s.c.id)
    )  # fmt: skip
    with db.read() as session:
        activity_name = None
        if activity_id is not None:
            activity = _activity_row(session, activity_id)
            activity_name = activity.name
            query = query.where(s.c.activity_id == activity.id)
        conn = session.connection()
        rows = conn.execute(query).all()
        places = dict(conn.execute(select(p.c.id, p.c.name)).all())
        rostered: dict[int, list[tuple[str, str, str, bool]]] = {}
        ids = [row.id for row in rows]
        for i in range(0, len(ids), _CHUNK):
            entries = conn.execute(
                select(r.c.session_id, person.c.name, person.c.sort_name, r.c.role, r.c.confirmed)
                .join(person, person.c.id == r.c.person_id)
                .where(r.c.session_id.in_(ids[i : i + _CHUNK]))
            )  # fmt: skip
            for session_id, name, sort_name, role, confirmed in entries:
                rostered.setdefault(session_id, []).append(
                    (sort_name or sort_key(name), name, role or "", bool(confirmed))
                )
    centre = get_centre(db)
    sessions = tuple(
        RosterSession(
            id=row.uuid,
            activity_id=row.activity_uuid,
            activity=row.name,
            date=row.date,
            start=row.start_time,
            end=row.end_time,
            place=places.get(row.place_id or row.activity_place),
            cancelled=bool(row.cancelled),
            cancel_reason=row.cancel_reason,
            volunteers_needed=(
                row.volunteers_needed if row.volunteers_needed is not None else row.activity_needed
            ),
            volunteers=tuple(
                RosteredVolunteer(name, role, confirmed)
                for _key, name, role, confirmed in sorted(rostered.get(row.id, ()))
            ),
        )
        for row in rows
    )
    return RosterPrintout(
        centre_name=centre.name,
        logo=centre.logo,
        start=start,
        end=end,
        activity=activity_name,
        sessions=sessions,
        generated_on=today or dt.date.today(),
    )


def contact_list(
    db: Database, activity_id: str, today: dt.date | None = None
) -> ContactListPrintout:
    """The activity's team as on `today`: current members and those who join later.

    Members whose time on the team has ended, and volunteers who have ended, are left out;
    paused volunteers stay on the list, marked. NotFound for an unknown activity.
    """
    today = today or dt.date.today()
    t, person, v = TeamMember.__table__, Person.__table__, Volunteer.__table__
    with db.read() as session:
        activity = _activity_row(session, activity_id)
        conn = session.connection()
        p, staff = Place.__table__, Staff.__table__
        place = conn.execute(select(p.c.name).where(p.c.id == activity.place_id)).scalar()
        coordinator = conn.execute(
            select(staff.c.name).where(staff.c.id == activity.coordinator_id)
        ).scalar()
        rows = conn.execute(
            select(person.c.id, person.c.name, person.c.sort_name, person.c.phone,
                   person.c.email, v.c.status, t.c.role, t.c.from_date, t.c.to_date)
            .join(person, person.c.id == t.c.person_id)
            .join(v, v.c.person_id == person.c.id)
            .where(t.c.activity_id == activity.id, v.c.status != "ended",
                   (t.c.to_date.is_(None)) | (t.c.to_date >= today))
            .order_by(t.c.from_date)
        ).all()  # fmt: skip
    centre = get_centre(db)
    members: dict[int, ContactRow] = {}
    order: dict[int, str] = {}
    for row in rows:
        if row.id in members:  # one line per person, from their earliest current membership
            continue
        members[row.id] = ContactRow(
            name=row.name,
            role=row.role or "",
            phone=row.phone,
            email=row.email,
            paused=row.status == "paused",
            from_date=row.from_date,
            to_date=row.to_date,
        )
        order[row.id] = row.sort_name or sort_key(row.name)
    return ContactListPrintout(
        centre_name=centre.name,
        logo=centre.logo,
        activity=activity.name,
        place=place,
        coordinator=coordinator,
        members=tuple(members[k] for k in sorted(members, key=lambda k: order[k])),
        generated_on=today,
    )
