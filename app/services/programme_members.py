"""Which volunteers are in which pairing programme (taken in as flyktningguide, vennefamilie...).

Membership is a role. In a programme whose pairings may involve children (certificate rule
`always` or `children`) it needs a police certificate, so the centre asks for one at intake, before
the first pairing is proposed; a proposal checks for a valid certificate and could otherwise never
be made (`certificate_need.requiring_roles`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db import Database
from app.errors import ValidationFailed
from app.i18n import _
from app.models import ProgrammeVolunteer
from app.services.certificates import ensure_need
from app.services.programmes import load_programme
from app.services.teams import age_problem, load_volunteer

CERTIFICATE_RULES_NEEDING = ("always", "children")


@dataclass(frozen=True)
class Membership:
    programme_id: str
    programme: str
    from_date: dt.date
    to_date: dt.date | None


def join_programme(db: Database, volunteer_id: str, programme_id: str, on: dt.date) -> None:
    """Take the volunteer into the programme from `on` (again, if they left it before)."""
    with db.write() as session:
        person = load_volunteer(session, volunteer_id)
        programme = load_programme(session, programme_id)
        if person.volunteer is not None and person.volunteer.status == "ended":
            raise ValidationFailed(
                {"programme": _("{name} har sluttet som frivillig.").format(name=person.name)}
            )
        youth = programme.min_age < 18
        if problem := age_problem(person.name, person.birth_year, on, youth):
            raise ValidationFailed({"programme": problem})
        member = session.scalars(
            select(ProgrammeVolunteer).where(
                ProgrammeVolunteer.programme_id == programme.id,
                ProgrammeVolunteer.person_id == person.id,
            )
        ).first()
        if member is None:
            session.add(
                ProgrammeVolunteer(programme_id=programme.id, person_id=person.id, from_date=on)
            )
        elif member.to_date is None:
            raise ValidationFailed(
                {"programme": _("{name} er allerede med i {programme}.").format(
                    name=person.name, programme=programme.name)}
            )  # fmt: skip
        else:
            member.from_date, member.to_date = on, None
        session.flush()
        if programme.certificate in CERTIFICATE_RULES_NEEDING:
            ensure_need(session, person.id, min(on, dt.date.today()))


def leave_programme(db: Database, volunteer_id: str, programme_id: str, on: dt.date) -> None:
    """The volunteer is no longer in the programme after `on` (their pairings go on)."""
    with db.write() as session:
        person = load_volunteer(session, volunteer_id)
        programme = load_programme(session, programme_id)
        member = session.scalars(
            select(ProgrammeVolunteer).where(
                ProgrammeVolunteer.programme_id == programme.id,
                ProgrammeVolunteer.person_id == person.id,
                ProgrammeVolunteer.to_date.is_(None),
            )
        ).first()
        if member is None:
            raise ValidationFailed(
                {"programme": _("{name} er ikke med i {programme}.").format(
                    name=person.name, programme=programme.name)}
            )  # fmt: skip
        if on < member.from_date:
            raise ValidationFailed(
                {"programme": _("Sluttdatoen kan ikke være før {name} ble med.").format(
                    name=person.name)}
            )  # fmt: skip
        member.to_date = on


def memberships(db: Database, volunteer_id: str) -> list[Membership]:
    """The volunteer's programmes, current and past, by programme name."""
    sql = (
        "SELECT pr.uuid, pr.name, pv.from_date, pv.to_date FROM programme_volunteers pv"
        " JOIN programmes pr ON pr.id = pv.programme_id"
        " JOIN people p ON p.id = pv.person_id WHERE p.uuid = ? ORDER BY pr.name"
    )
    with db.plain_read() as read:
        rows = read(sql, [volunteer_id])
    return [
        Membership(uuid, name, dt.date.fromisoformat(start), end and dt.date.fromisoformat(end))
        for uuid, name, start, end in rows
    ]


MAX_PAIRINGS_LIMIT = 10


def get_max_pairings(db: Database, volunteer_id: str) -> int:
    """How many pairings the volunteer can have going at once (a hard rule for matching)."""
    sql = "SELECT v.max_pairings FROM volunteers v JOIN people p ON p.id = v.person_id"
    with db.plain_read() as read:
        rows = read(sql + " WHERE p.uuid = ?", [volunteer_id])
    return int(rows[0][0]) if rows else 1


def set_max_pairings(db: Database, volunteer_id: str, count: int) -> None:
    if not 0 <= count <= MAX_PAIRINGS_LIMIT:
        raise ValidationFailed(
            {"max_pairings": _("Velg et tall fra 0 til {n}.").format(n=MAX_PAIRINGS_LIMIT)}
        )
    with db.write() as session:
        person = load_volunteer(session, volunteer_id)
        assert person.volunteer is not None
        person.volunteer.max_pairings = count
