"""The vaktliste: which volunteers serve which sessions, and the rules for putting them there.

Every caller (the GUI, the CLI, importers) goes through `refusal()`, so the same rule holds
everywhere: a volunteer who is paused or has ended, is not on the activity's team on that date,
or is already rostered on an overlapping session, is refused with a message that says why.
Rosters plan; attendance records the past and is never refused by these rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date, format_time
from app.models import Activity, Person, RosterEntry, Session, TeamMember, Volunteer
from app.services.activities import load_activity
from app.services.certificates import has_valid_certificate
from app.services.schedule import overlaps
from app.services.sessions import load_session
from app.services.text import sort_key


@dataclass(frozen=True)
class RosterRow:
    volunteer_id: str
    name: str
    role: str
    confirmed: bool


@dataclass(frozen=True)
class SeriesResult:
    """Sessions a volunteer was put on, and those refused with the reason."""

    added: tuple[dt.date, ...]
    refused: tuple[tuple[dt.date, str], ...]


def _person(session: OrmSession, volunteer_id: str) -> Person:
    person = session.scalars(select(Person).where(Person.uuid == volunteer_id)).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return person


def _team_role(session: OrmSession, activity_id: int, person_id: int, day: dt.date) -> str | None:
    member = session.scalars(
        select(TeamMember).where(
            TeamMember.activity_id == activity_id,
            TeamMember.person_id == person_id,
            TeamMember.from_date <= day,
            (TeamMember.to_date.is_(None)) | (TeamMember.to_date >= day),
        )
    ).first()
    return None if member is None else member.role


def refusal(session: OrmSession, person: Person, target: Session) -> str | None:
    """Why `person` may not be put on the roster of `target`, or None when they may."""
    volunteer: Volunteer | None = person.volunteer
    if volunteer is None:
        return _("{name} er ikke registrert som frivillig.").format(name=person.name)
    if target.cancelled:
        return _("Økten {date} er avlyst.").format(date=format_date(target.date))
    if volunteer.status == "paused":
        return _("{name} har pause og kan ikke settes opp på vakter nå.").format(name=person.name)
    if volunteer.status == "ended":
        return _("{name} har sluttet som frivillig.").format(name=person.name)
    if _team_role(session, target.activity_id, person.id, target.date) is None:
        return _(
            "{name} er ikke med i teamet til aktiviteten {date}. Legg {name} til i teamet først."
        ).format(name=person.name, date=format_date(target.date))
    activity = session.get(Activity, target.activity_id)
    if (
        activity is not None
        and activity.requires_certificate
        and not has_valid_certificate(session, person.id, target.date)
    ):
        return _(
            "{name} har ikke gyldig politiattest {date}. Be om politiattest under "
            "Politiattester før {name} settes opp her."
        ).format(name=person.name, date=format_date(target.date))
    others = session.execute(
        select(Session, Activity.name)
        .join(RosterEntry, RosterEntry.session_id == Session.id)
        .join(Activity, Activity.id == Session.activity_id)
        .where(
            RosterEntry.person_id == person.id,
            Session.date == target.date,
            Session.id != target.id,
            Session.cancelled.is_(False),
        )
    ).all()
    for other, activity_name in others:
        if overlaps(other.start_time, other.end_time, target.start_time, target.end_time):
            return _(
                "{name} står allerede på vaktlisten til {activity} {date} "
                "{start}–{end}, som overlapper."
            ).format(
                name=person.name,
                activity=activity_name,
                date=format_date(other.date),
                start=format_time(other.start_time),
                end=format_time(other.end_time),
            )
    return None


def _add(session: OrmSession, person: Person, target: Session, confirmed: bool) -> str | None:
    exists = session.scalars(
        select(RosterEntry).where(
            RosterEntry.session_id == target.id, RosterEntry.person_id == person.id
        )
    ).first()
    if exists is not None:
        exists.confirmed = exists.confirmed or confirmed
        return None
    reason = refusal(session, person, target)
    if reason is None:
        role = _team_role(session, target.activity_id, person.id, target.date) or ""
        session.add(RosterEntry(session_id=target.id, person_id=person.id, role=role,
                                confirmed=confirmed))  # fmt: skip
    return reason


def roster_volunteer(
    db: Database, session_id: str, volunteer_id: str, confirmed: bool = False
) -> None:
    """Put one volunteer on one session's roster; ValidationFailed says why not."""
    with db.write() as session:
        reason = _add(session, _person(session, volunteer_id), load_session(session, session_id),
                      confirmed)  # fmt: skip
        if reason:
            raise ValidationFailed({"volunteer": reason})


def roster_series(
    db: Database,
    activity_id: str,
    volunteer_id: str,
    start: dt.date,
    end: dt.date,
    confirmed: bool = False,
) -> SeriesResult:
    """Put a volunteer on every session of an activity from `start` to `end` ("every
    Thursday until Easter"); sessions where a rule refuses are listed with the reason."""
    if end < start:
        raise ValidationFailed({"end": _("Sluttdatoen kan ikke være før startdatoen.")})
    added, refused = [], []
    with db.write() as session:
        activity = load_activity(session, activity_id)
        person = _person(session, volunteer_id)
        targets = session.scalars(
            select(Session)
            .where(Session.activity_id == activity.id, Session.date >= start, Session.date <= end)
            .order_by(Session.date, Session.start_time)
        ).all()
        for target in targets:
            if target.cancelled:
                continue
            reason = _add(session, person, target, confirmed)
            session.flush()
            if reason:
                refused.append((target.date, reason))
            else:
                added.append(target.date)
    return SeriesResult(tuple(added), tuple(refused))


def unroster(db: Database, session_id: str, volunteer_id: str) -> None:
    with db.write() as session:
        target = load_session(session, session_id)
        person = _person(session, volunteer_id)
        entry = session.scalars(
            select(RosterEntry).where(
                RosterEntry.session_id == target.id, RosterEntry.person_id == person.id
            )
        ).first()
        if entry is not None:
            session.delete(entry)


def set_confirmed(db: Database, session_id: str, volunteer_id: str, confirmed: bool) -> None:
    with db.write() as session:
        target = load_session(session, session_id)
        person = _person(session, volunteer_id)
        entry = session.scalars(
            select(RosterEntry).where(
                RosterEntry.session_id == target.id, RosterEntry.person_id == person.id
            )
        ).first()
        if entry is None:
            raise NotFound(_("{name} står ikke på vaktlisten.").format(name=person.name))
        entry.confirmed = confirmed


def session_roster(db: Database, session_id: str) -> list[RosterRow]:
    with db.read() as session:
        target = load_session(session, session_id)
        rows = session.execute(
            select(Person.uuid, Person.name, RosterEntry.role, RosterEntry.confirmed)
            .join(RosterEntry, RosterEntry.person_id == Person.id)
            .where(RosterEntry.session_id == target.id)
        ).all()
    return sorted(
        (RosterRow(uuid, name, role, bool(ok)) for uuid, name, role, ok in rows),
        key=lambda r: sort_key(r.name),
    )
