"""Fixed groups: enrolment up to capacity, then a waiting list in order of sign-up.

When a place frees, `leave()` proposes the next on the waiting list; a coordinator confirms with
`promote()`. Nobody is moved up silently: the person may no longer want the place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Activity, Enrolment, Participant, Person
from app.services.activities import load_activity


@dataclass(frozen=True)
class EnrolmentRow:
    participant_id: str
    name: str
    status: str
    signed_up_on: dt.date
    position: int | None  # place on the waiting list, from 1


def _participant(session: OrmSession, participant_id: str) -> Person:
    person = session.scalars(
        select(Person)
        .join(Participant, Participant.person_id == Person.id)
        .where(Person.uuid == participant_id)
    ).one_or_none()
    if person is None:
        raise NotFound(_("Fant ingen deltaker med ID {id}.").format(id=participant_id))
    return person


def _enrolled_count(session: OrmSession, activity_id: int) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Enrolment)
            .where(Enrolment.activity_id == activity_id, Enrolment.status == "enrolled")
        )
        or 0
    )


def _has_room(session: OrmSession, activity: Activity) -> bool:
    return activity.capacity is None or _enrolled_count(session, activity.id) < activity.capacity


def enrol(db: Database, activity_id: str, participant_id: str, on: dt.date) -> str:
    """Sign a participant up; returns `enrolled`, or `waiting` when the group is full."""
    with db.write() as session:
        activity = load_activity(session, activity_id)
        if activity.counting == "headcount":
            raise ValidationFailed(
                {"activity": _("{name} teller bare antall frammøtte og har ingen påmelding.")
                 .format(name=activity.name)}
            )  # fmt: skip
        person = _participant(session, participant_id)
        row = session.scalars(
            select(Enrolment).where(
                Enrolment.activity_id == activity.id, Enrolment.person_id == person.id
            )
        ).first()
        if row is not None and row.status != "left":
            raise ValidationFailed(
                {"participant": _("{name} er allerede påmeldt eller på ventelisten.")
                 .format(name=person.name)}
            )  # fmt: skip
        status = "enrolled" if _has_room(session, activity) else "waiting"
        if row is None:
            row = Enrolment(activity_id=activity.id, person_id=person.id, status=status,
                            signed_up_on=on)  # fmt: skip
            session.add(row)
        row.status, row.signed_up_on, row.left_on = status, on, None
        row.enrolled_on = on if status == "enrolled" else None
        return status


def waiting_list(db: Database, activity_id: str) -> list[EnrolmentRow]:
    return [r for r in list_enrolment(db, activity_id) if r.status == "waiting"]


def list_enrolment(db: Database, activity_id: str) -> list[EnrolmentRow]:
    """Enrolled participants by name, then the waiting list in sign-up order."""
    with db.read() as session:
        activity = load_activity(session, activity_id)
        rows = session.execute(
            select(Enrolment, Person.uuid, Person.name, Person.sort_name)
            .join(Person, Person.id == Enrolment.person_id)
            .where(Enrolment.activity_id == activity.id, Enrolment.status != "left")
        ).all()
    enrolled = sorted((r for r in rows if r[0].status == "enrolled"), key=lambda r: r[3])
    waiting = sorted(
        (r for r in rows if r[0].status == "waiting"), key=lambda r: (r[0].signed_up_on, r[0].id)
    )
    result = [EnrolmentRow(u, n, "enrolled", e.signed_up_on, None) for e, u, n, _s in enrolled]
    result += [
        EnrolmentRow(u, n, "waiting", e.signed_up_on, i)
        for i, (e, u, n, _s) in enumerate(waiting, start=1)
    ]
    return result


def leave(db: Database, activity_id: str, participant_id: str, on: dt.date) -> EnrolmentRow | None:
    """Take a participant out of the group (or off the waiting list); propose who is next."""
    with db.write() as session:
        activity = load_activity(session, activity_id)
        person = _participant(session, participant_id)
        row = session.scalars(
            select(Enrolment).where(
                Enrolment.activity_id == activity.id,
                Enrolment.person_id == person.id,
                Enrolment.status != "left",
            )
        ).first()
        if row is None:
            raise NotFound(_("{name} er ikke påmeldt.").format(name=person.name))
        freed = row.status == "enrolled"
        row.status, row.left_on = "left", on
    if not freed:
        return None
    waiting = waiting_list(db, activity_id)
    return waiting[0] if waiting else None


def promote(db: Database, activity_id: str, participant_id: str, on: dt.date) -> None:
    """Give a waiting participant a free place."""
    with db.write() as session:
        activity = load_activity(session, activity_id)
        person = _participant(session, participant_id)
        row = session.scalars(
            select(Enrolment).where(
                Enrolment.activity_id == activity.id,
                Enrolment.person_id == person.id,
                Enrolment.status == "waiting",
            )
        ).first()
        if row is None:
            raise NotFound(_("{name} står ikke på ventelisten.").format(name=person.name))
        if not _has_room(session, activity):
            raise ValidationFailed({"capacity": _("Gruppen er full.")})
        row.status, row.enrolled_on = "enrolled", on
