"""Sessions (økter): generated from weekly rules or added one by one, moved, cancelled, listed.

Generating skips Norwegian public holidays and the school holidays the centre entered. Changing a
rule never silently deletes a session that has attendance: such sessions are kept and reported
back, so the screen can say so.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date
from app.models import (
    Activity,
    Certificate,
    Headcount,
    ParticipantAttendance,
    Place,
    RosterEntry,
    ScheduleRule,
    SchoolHoliday,
    Session,
    VolunteerAttendance,
)
from app.services.activities import load_activity
from app.services.certificate_need import valid_on
from app.services.holidays import Period
from app.services.schedule import (
    ScheduleChanges,
    SkippedDate,
    WeeklyRule,
    generate_dates,
    plan_changes,
    validate_rule,
)


@dataclass(frozen=True)
class RuleResult:
    """What saving a rule did: sessions added, removed, kept for their attendance, skipped."""

    rule_id: str
    changes: ScheduleChanges
    skipped: tuple[SkippedDate, ...]


@dataclass(frozen=True)
class SessionAttendance:
    volunteers: int
    volunteer_hours: float
    registered: int
    headcount: int


@dataclass(frozen=True)
class SessionRow:
    """One session in the week view, lists and `dugnad sessions`."""

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
    volunteers_assigned: int
    attendance_recorded: bool
    attendance: SessionAttendance
    # Volunteers on the roster whose police certificate expires before this session.
    certificate_warnings: int = 0

    @property
    def understaffed(self) -> bool:
        return not self.cancelled and self.volunteers_assigned < self.volunteers_needed


# -- school holidays ----------------------------------------------------------------------------


def list_school_holidays(db: Database) -> list[Period]:
    with db.read() as session:
        rows = session.scalars(select(SchoolHoliday).order_by(SchoolHoliday.start_date)).all()
        return [Period(r.start_date, r.end_date, r.name) for r in rows]


def add_school_holiday(db: Database, name: str, start: dt.date, end: dt.date) -> None:
    errors = {}
    if not name.strip():
        errors["name"] = _("Gi ferien et navn, f.eks. høstferie.")
    if end < start:
        errors["end_date"] = _("Sluttdatoen kan ikke være før startdatoen.")
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        session.add(SchoolHoliday(name=name.strip(), start_date=start, end_date=end))


# -- rules ----------------------------------------------------------------------------------------


def _validate_in_activity(rule: WeeklyRule, activity: Activity) -> dict[str, str]:
    errors = validate_rule(rule)
    if rule.first_date < activity.start_date:
        errors["first_date"] = _("Første dato er før aktiviteten starter ({date}).").format(
            date=format_date(activity.start_date)
        )
    if activity.end_date and rule.last_date > activity.end_date:
        errors["last_date"] = _("Siste dato er etter at aktiviteten slutter ({date}).").format(
            date=format_date(activity.end_date)
        )
    return errors


def _holidays(session: OrmSession) -> list[Period]:
    return [
        Period(h.start_date, h.end_date, h.name) for h in session.scalars(select(SchoolHoliday))
    ]


def _has_attendance(session: OrmSession, session_ids: list[int]) -> set[int]:
    found: set[int] = set()
    for model in (VolunteerAttendance, ParticipantAttendance, Headcount):
        found |= set(
            session.scalars(select(model.session_id).where(model.session_id.in_(session_ids)))
        )
    recorded = select(Session.id).where(Session.id.in_(session_ids), Session.attendance_recorded)
    return found | set(session.scalars(recorded))


def save_rule(
    db: Database, activity_id: str, rule: WeeklyRule, rule_id: str | None = None
) -> RuleResult:
    """Add a weekly rule to an activity, or change one, and bring its sessions in line."""
    with db.write() as session:
        activity = load_activity(session, activity_id)
        errors = _validate_in_activity(rule, activity)
        if errors:
            raise ValidationFailed(errors)
        if rule_id is None:
            row = ScheduleRule(activity_id=activity.id)
            session.add(row)
        else:
            row = session.scalars(
                select(ScheduleRule).where(
                    ScheduleRule.uuid == rule_id, ScheduleRule.activity_id == activity.id
                )
            ).one_or_none()
            if row is None:
                raise NotFound(_("Fant ingen tidsplan med ID {id}.").format(id=rule_id))
        row.weekday, row.every_weeks = rule.weekday, rule.every_weeks
        row.start_time, row.end_time = rule.start, rule.end
        row.first_date, row.last_date = rule.first_date, rule.last_date
        session.flush()
        wanted, skipped = generate_dates(rule, _holidays(session))
        existing = {
            s.date: s for s in session.scalars(select(Session).where(Session.rule_id == row.id))
        }
        with_attendance = _has_attendance(session, [s.id for s in existing.values()])
        changes = plan_changes({d: s.id in with_attendance for d, s in existing.items()}, wanted)
        for day in changes.remove:
            session.delete(existing[day])
        for day in wanted:
            if day in existing:  # keep the session, follow the new times
                current = existing[day]
                current.start_time, current.end_time = rule.start, rule.end
        session.add_all(
            Session(activity_id=activity.id, rule_id=row.id, date=day, start_time=rule.start,
                    end_time=rule.end)
            for day in changes.add
        )  # fmt: skip
        return RuleResult(row.uuid, changes, tuple(skipped))


def add_session(
    db: Database,
    activity_id: str,
    day: dt.date,
    start: dt.time,
    end: dt.time,
    place_id: str | None = None,
) -> str:
    """A one-off session (an outing, an extra evening)."""
    with db.write() as session:
        activity = load_activity(session, activity_id)
        errors = _validate_session_time(activity, day, start, end)
        if errors:
            raise ValidationFailed(errors)
        row = Session(activity_id=activity.id, date=day, start_time=start, end_time=end,
                      place_id=_place_id(session, place_id))  # fmt: skip
        session.add(row)
        session.flush()
        return row.uuid


def _place_id(session: OrmSession, place_id: str | None) -> int | None:
    if place_id is None:
        return None
    found = session.scalar(select(Place.id).where(Place.uuid == place_id))
    if found is None:
        raise NotFound(_("Fant ikke stedet med ID {id}.").format(id=place_id))
    return found


def _validate_session_time(
    activity: Activity, day: dt.date, start: dt.time, end: dt.time
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if end <= start:
        errors["end"] = _("Slutt må være etter start.")
    if day < activity.start_date or (activity.end_date and day > activity.end_date):
        errors["date"] = _("Datoen er utenfor aktivitetens periode.")
    return errors


def load_session(session: OrmSession, session_id: str) -> Session:
    row = session.scalars(select(Session).where(Session.uuid == session_id)).one_or_none()
    if row is None:
        raise NotFound(_("Fant ingen økt med ID {id}.").format(id=session_id))
    return row


def move_session(db: Database, session_id: str, day: dt.date, start: dt.time, end: dt.time) -> None:
    """Move one session to another date or time; it leaves its rule's series."""
    with db.write() as session:
        row = load_session(session, session_id)
        activity = session.get(Activity, row.activity_id)
        assert activity is not None
        errors = _validate_session_time(activity, day, start, end)
        if errors:
            raise ValidationFailed(errors)
        row.date, row.start_time, row.end_time = day, start, end
        row.rule_id = None  # a moved session is the user's, the rule no longer owns it


def cancel_session(db: Database, session_id: str, reason: str) -> None:
    if not reason.strip():
        raise ValidationFailed({"reason": _("Skriv hvorfor økten er avlyst.")})
    with db.write() as session:
        row = load_session(session, session_id)
        row.cancelled, row.cancel_reason = True, reason.strip()


def restore_session(db: Database, session_id: str) -> None:
    with db.write() as session:
        row = load_session(session, session_id)
        row.cancelled, row.cancel_reason = False, None


def delete_session(db: Database, session_id: str) -> None:
    """Delete a session without attendance (one with attendance can only be cancelled)."""
    with db.write() as session:
        row = load_session(session, session_id)
        if _has_attendance(session, [row.id]):
            raise ValidationFailed(
                {"session": _("Økten har registrert oppmøte og kan bare avlyses, ikke slettes.")}
            )
        session.execute(delete(RosterEntry).where(RosterEntry.session_id == row.id))
        session.delete(row)


# -- reading ----------------------------------------------------------------------------------


def list_sessions(
    db: Database,
    start: dt.date,
    end: dt.date,
    activity_ids: list[str] | None = None,
) -> list[SessionRow]:
    """Sessions from `start` to `end` (inclusive), by date and time, with staffing and counts."""
    s, a = Session.__table__, Activity.__table__
    query = (
        select(s.c.id, s.c.uuid, a.c.uuid.label("activity_uuid"), a.c.name, s.c.date,
               s.c.start_time, s.c.end_time, s.c.place_id, a.c.place_id.label("activity_place"),
               s.c.cancelled, s.c.cancel_reason, s.c.volunteers_needed,
               a.c.volunteers_needed.label("activity_needed"), s.c.attendance_recorded)
        .join(a, a.c.id == s.c.activity_id)
        .where(s.c.date >= start, s.c.date <= end)
        .order_by(s.c.date, s.c.start_time, a.c.name)
    )  # fmt: skip
    if activity_ids:
        query = query.where(a.c.uuid.in_(activity_ids))
    with db.read() as session:
        conn = session.connection()
        rows = conn.execute(query).all()
        ids = [r.id for r in rows]
        places = dict(conn.execute(select(Place.__table__.c.id, Place.__table__.c.name)).all())
        assigned = _count_by_session(conn, RosterEntry.__table__, ids)
        volunteers = _count_by_session(conn, VolunteerAttendance.__table__, ids)
        registered = _count_by_session(conn, ParticipantAttendance.__table__, ids)
        hours = _sum_by_session(conn, VolunteerAttendance.__table__, "hours", ids)
        heads = _sum_by_session(conn, Headcount.__table__, "total", ids)
        warnings = _certificate_warnings(conn, start, end)
    return [
        SessionRow(
            id=r.uuid,
            activity_id=r.activity_uuid,
            activity=r.name,
            date=r.date,
            start=r.start_time,
            end=r.end_time,
            place=places.get(r.place_id or r.activity_place),
            cancelled=bool(r.cancelled),
            cancel_reason=r.cancel_reason,
            volunteers_needed=(
                r.volunteers_needed if r.volunteers_needed is not None else r.activity_needed
            ),
            volunteers_assigned=assigned.get(r.id, 0),
            attendance_recorded=bool(r.attendance_recorded),
            attendance=SessionAttendance(
                volunteers=volunteers.get(r.id, 0),
                volunteer_hours=float(hours.get(r.id, 0.0)),
                registered=registered.get(r.id, 0),
                headcount=int(heads.get(r.id, 0)),
            ),
            certificate_warnings=warnings.get(r.id, 0),
        )
        for r in rows
    ]


def _certificate_warnings(conn, start: dt.date, end: dt.date) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Per session of an activity that requires a police certificate: how many rostered
    volunteers have a certificate that expires before the session (or none valid at all)."""
    s, a, r, c = (Session.__table__, Activity.__table__, RosterEntry.__table__,
                  Certificate.__table__)  # fmt: skip
    query = (
        select(s.c.id, s.c.date, c.c.status, c.c.expires_on)
        .join(a, a.c.id == s.c.activity_id)
        .join(r, r.c.session_id == s.c.id)
        .outerjoin(c, c.c.person_id == r.c.person_id)
        .where(a.c.requires_certificate.is_(True), s.c.cancelled.is_(False),
               s.c.date >= start, s.c.date <= end)
    )  # fmt: skip
    result: dict[int, int] = defaultdict(int)
    for session_id, day, status, expires in conn.execute(query):
        if status is None or not valid_on(status, expires, day):
            result[session_id] += 1
    return result


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    # SQLite limits bound parameters per statement; a year of sessions can exceed it.
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _count_by_session(conn, table, ids: list[int]) -> dict[int, int]:  # type: ignore[no-untyped-def]
    result: dict[int, int] = defaultdict(int)
    for chunk in _chunks(ids):
        query = (
            select(table.c.session_id, func.count())
            .where(table.c.session_id.in_(chunk))
            .group_by(table.c.session_id)
        )
        result.update(dict(conn.execute(query).all()))
    return result


def _sum_by_session(conn, table, column: str, ids: list[int]) -> dict[int, float]:  # type: ignore[no-untyped-def]
    result: dict[int, float] = {}
    for chunk in _chunks(ids):
        query = (
            select(table.c.session_id, func.sum(table.c[column]))
            .where(table.c.session_id.in_(chunk))
            .group_by(table.c.session_id)
        )
        result.update(dict(conn.execute(query).all()))
    return result


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week `day` is in."""
    return day - dt.timedelta(days=day.weekday())


def week_sessions(db: Database, any_day: dt.date) -> list[SessionRow]:
    monday = week_start(any_day)
    return list_sessions(db, monday, monday + dt.timedelta(days=6))


def understaffed_sessions(db: Database, start: dt.date, end: dt.date) -> list[SessionRow]:
    return [r for r in list_sessions(db, start, end) if r.understaffed]
