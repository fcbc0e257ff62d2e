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
from app.services.certificates import ensure_need
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


def load_volunteer(session, volunteer_id: str) -> Person:  # type: ignore[no-untyped-def]
    person = session.scalars(select(Person).where(Person.uuid == volunteer_id)).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return person


ADULT_AGE = 18
YOUTH_ROLE_AGE = 16


def age_problem(name: str, birth_year: int | None, on: dt.date, youth_role: bool) -> str | None:
    """Volunteers must be 18, or 16 in a youth role. With only a birth year stored, a person
    counts as the age they turn that year; an unknown birth year is not refused."""
    if birth_year is None:
        return None
    minimum = YOUTH_ROLE_AGE if youth_role else ADULT_AGE
    if on.year - birth_year >= minimum:
        return None
    if youth_role:
        return _("{name} er for ung: frivillige i en ungdomsrolle må være minst 16 år.").format(
            name=name
        )
    return _(
        "{name} er for ung: frivillige må være minst 18 år (16 år i en rolle merket som "
        "ungdomsrolle)."
    ).format(name=name)


def add_team_member(
    db: Database,
    activity_id: str,
    volunteer_id: str,
    role: str,
    from_date: dt.date,
    youth_role: bool = False,
) -> str:
    """Put a volunteer on an activity's team; refused if they are already on it or too young.

    Joining a team of an activity that requires a police certificate creates the need at once.
    """
    with db.write() as session:
        activity = load_activity(session, activity_id)
        person = load_volunteer(session, volunteer_id)
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
        if problem := age_problem(person.name, person.birth_year, from_date, youth_role):
            raise ValidationFailed({"volunteer": problem})
        member = TeamMember(activity_id=activity.id, person_id=person.id, role=role.strip(),
                            from_date=from_date, youth_role=youth_role)  # fmt: skip
        session.add(member)
        session.flush()
        if activity.requires_certificate:
            ensure_need(session, person.id, min(from_date, dt.date.today()))
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
