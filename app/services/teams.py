"""Volunteer teams: who regularly serves an activity, in which role, from when to when.

Joining a team is what gives a volunteer a role in the activity; the certificates issue hangs the
need for a police certificate on it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Person, TeamMember, Volunteer
from app.services.activities import load_activity
from app.services.text import sort_key


@dataclass(frozen=True)
class TeamMemberRow:
    id: str
    volunteer_id: str
    name: str
    role: str
    from_date: dt.date
    to_date: dt.date | None
    volunteer_status: str

    def active_on(self, day: dt.date) -> bool:
        return self.from_date <= day and (self.to_date is None or self.to_date >= day)


def _volunteer(session, volunteer_id: str) -> Person:  # type: ignore[no-untyped-def]
    person = session.scalars(select(Person).where(Person.uuid == volunteer_id)).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return person


def add_team_member(
    db: Database, activity_id: str, volunteer_id: str, role: str, from_date: dt.date
) -> str:
    """Put a volunteer on an activity's team; refused if they are already on it."""
    with db.write() as session:
        activity = load_activity(session, activity_id)
        person = _volunteer(session, volunteer_id)
        if person.volunteer.status == "ended":
            raise ValidationFailed(
                {"volunteer": _("{name} har sluttet som frivillig.").format(name=person.name)}
            )
        current = session.scalars(
            select(TeamMember).where(
                TeamMember.activity_id == activity.id,
                TeamMember.person_id == person.id,
                (TeamMember.to_date.is_(None)) | (TeamMember.to_date >= from_date),
            )
        ).first()
        if current is not None:
            raise ValidationFailed(
                {"volunteer": _("{name} er allerede med i teamet.").format(name=person.name)}
            )
        member = TeamMember(activity_id=activity.id, person_id=person.id,
                            role=role.strip(), from_date=from_date)  # fmt: skip
        session.add(member)
        session.flush()
        return member.uuid


def end_team_member(db: Database, member_id: str, to_date: dt.date) -> None:
    with db.write() as session:
        member = session.scalars(select(TeamMember).where(TeamMember.uuid == member_id)).first()
        if member is None:
            raise NotFound(_("Fant ingen i teamet med ID {id}.").format(id=member_id))
        if to_date < member.from_date:
            raise ValidationFailed({"to_date": _("Sluttdatoen kan ikke være før startdatoen.")})
        member.to_date = to_date


def list_team(db: Database, activity_id: str) -> list[TeamMemberRow]:
    with db.read() as session:
        activity = load_activity(session, activity_id)
        rows = session.execute(
            select(TeamMember, Person.uuid, Person.name, Volunteer.status)
            .join(Person, Person.id == TeamMember.person_id)
            .join(Volunteer, Volunteer.person_id == Person.id)
            .where(TeamMember.activity_id == activity.id)
        ).all()
        result = [
            TeamMemberRow(m.uuid, uuid, name, m.role, m.from_date, m.to_date, status)
            for m, uuid, name, status in rows
        ]
    return sorted(result, key=lambda r: (r.to_date is not None, sort_key(r.name)))
