"""Onboarding: registered → interview → training → confidentiality → certificate → ready.

Each step is recorded with its date and staff member; a centre can switch steps off. The board
shows where each new volunteer stands and for how long, because slow onboarding loses people.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database, session_reader
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import (
    Centre,
    Certificate,
    Course,
    CourseAttendance,
    OnboardingStep,
    Person,
    Staff,
    Volunteer,
)
from app.services.certificate_need import requiring_roles
from app.services.certificates import sync_in
from app.services.text import sort_key

RECORDED_STEPS = ("interview", "training", "confidentiality")
LONG_WAIT_DAYS = 14


@dataclass(frozen=True)
class OnboardingRow:
    volunteer_id: str
    name: str
    step: str  # the step the volunteer is waiting for, or "ready"
    since: dt.date
    days_in_step: int
    done: tuple[tuple[str, dt.date], ...]

    @property
    def long_wait(self) -> bool:
        return self.step != "ready" and self.days_in_step > LONG_WAIT_DAYS


def enabled_steps(session: OrmSession) -> tuple[str, ...]:
    centre = session.scalars(select(Centre).order_by(Centre.id)).first()
    if centre is None:
        return RECORDED_STEPS
    flags = {
        "interview": centre.step_interview,
        "training": centre.step_training,
        "confidentiality": centre.step_confidentiality,
    }
    return tuple(step for step in RECORDED_STEPS if flags[step])


def set_enabled_steps(db: Database, steps: set[str]) -> None:
    unknown = steps - set(RECORDED_STEPS)
    if unknown:
        raise ValidationFailed(
            {"steps": _("Ukjent steg: {steps}.").format(steps=", ".join(unknown))}
        )
    with db.write() as session:
        centre = session.scalars(select(Centre).order_by(Centre.id)).first()
        if centre is None:
            centre = Centre(name="")
            session.add(centre)
        centre.step_interview = "interview" in steps
        centre.step_training = "training" in steps
        centre.step_confidentiality = "confidentiality" in steps


def _person(session: OrmSession, volunteer_id: str) -> Person:
    person = session.scalars(select(Person).where(Person.uuid == volunteer_id)).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return person


def record_step(
    db: Database,
    volunteer_id: str,
    step: str,
    on: dt.date,
    staff_id: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Mark an onboarding step done on `on` (recording it again moves the date)."""
    today = today or dt.date.today()
    if step not in RECORDED_STEPS:
        raise ValidationFailed({"step": _("Ukjent steg «{step}».").format(step=step)})
    if on > today:
        raise ValidationFailed({"date": _("Datoen kan ikke være i fremtiden.")})
    with db.write() as session:
        person = _person(session, volunteer_id)
        staff = None
        if staff_id is not None:
            staff = session.scalar(select(Staff.id).where(Staff.uuid == staff_id))
            if staff is None:
                raise NotFound(_("Fant ingen ansatt med ID {id}.").format(id=staff_id))
        row = session.scalars(
            select(OnboardingStep).where(
                OnboardingStep.person_id == person.id, OnboardingStep.step == step
            )
        ).first()
        if row is None:
            row = OnboardingStep(person_id=person.id, step=step, done_on=on)
            session.add(row)
        row.done_on, row.staff_id = on, staff


def add_course(db: Database, name: str, held_on: dt.date, volunteer_ids: list[str]) -> str:
    """A training course and who attended; attending marks the training step done."""
    if not name.strip():
        raise ValidationFailed({"name": _("Gi kurset et navn.")})
    with db.write() as session:
        course = Course(name=name.strip(), held_on=held_on)
        session.add(course)
        session.flush()
        for volunteer_id in dict.fromkeys(volunteer_ids):
            person = _person(session, volunteer_id)
            session.add(CourseAttendance(course_id=course.id, person_id=person.id))
            step = session.scalars(
                select(OnboardingStep).where(
                    OnboardingStep.person_id == person.id, OnboardingStep.step == "training"
                )
            ).first()
            if step is None:
                session.add(OnboardingStep(person_id=person.id, step="training", done_on=held_on))
        return course.uuid


def onboarding_board(db: Database, today: dt.date | None = None) -> list[OnboardingRow]:
    """Every active or paused volunteer, with the step they wait for and for how long."""
    today = today or dt.date.today()
    with db.write() as session:
        sync_in(session, today)
        steps = enabled_steps(session)
        needs = requiring_roles(session_reader(session), today)
        certificates = {c.person_id: c for c in session.scalars(select(Certificate))}
        done: dict[int, dict[str, dt.date]] = {}
        for row in session.scalars(select(OnboardingStep)):
            done.setdefault(row.person_id, {})[row.step] = row.done_on
        people = session.execute(
            select(Person.id, Person.uuid, Person.name, Volunteer.start_date, Volunteer.created_at)
            .join(Volunteer, Volunteer.person_id == Person.id)
            .where(Volunteer.status != "ended")
        ).all()
    result = []
    for pid, uuid, name, start, created in people:
        since = start or created.date()
        mine = done.get(pid, {})
        waiting_for = "ready"
        for step in steps:
            if step not in mine:
                waiting_for = step
                break
            since = max(since, mine[step])
        cert = certificates.get(pid)
        if waiting_for == "ready" and pid in needs and cert is not None:
            if cert.status == "cleared" and cert.shown_on is not None:
                since = max(since, cert.shown_on)
            else:
                # Waiting since the need arose or the request was made, whichever is later.
                waiting_for = "certificate"
                since = max(since, cert.requested_on or cert.needed_since)
        completed = tuple((s, mine[s]) for s in steps if s in mine)
        result.append(OnboardingRow(uuid, name, waiting_for, since, (today - since).days,
                                    completed))  # fmt: skip
    return sorted(result, key=lambda r: (r.step == "ready", -r.days_in_step, sort_key(r.name)))
