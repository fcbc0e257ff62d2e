"""Participants, as little as possible of them, and only with consent.

This issue needs the minimum: a named walk-in saved with recorded consent (for a child, given by a
parent or guardian), so that fixed groups and attendance can name people. The pairings issue
builds the full participant register on top.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Consent, Participant, Person, Staff
from app.services import validation
from app.services.age_bands import age_at
from app.services.codes import CHILD_CONSENT_GIVERS, CONSENT_GIVERS, CONSENT_METHODS, GENDERS
from app.services.text import fold, like_patterns, search_terms, sort_key

ADULT_AGE = 18


@dataclass(frozen=True)
class ConsentInput:
    """How consent to keep someone by name was given: "samtykke gitt"."""

    method: str  # oral, written
    given_by: str = "self"  # self, guardian
    given_on: dt.date | None = None
    staff_id: str | None = None


@dataclass(frozen=True)
class ParticipantInput:
    name: str
    birth_year: int | None = None
    gender: str = "unknown"


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    name: str
    birth_year: int | None
    gender: str


def validate_participant(
    data: ParticipantInput, consent: ConsentInput, today: dt.date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if message := validation.check_name(data.name):
        errors["name"] = message
    if message := validation.check_birth_year(data.birth_year, today):
        errors["birth_year"] = message
    if data.gender not in GENDERS:
        errors["gender"] = _("Ukjent kjønn «{value}».").format(value=data.gender)
    if consent.method not in CONSENT_METHODS:
        errors["consent"] = _("Velg hvordan samtykket ble gitt: muntlig eller skriftlig.")
    elif consent.given_by not in CONSENT_GIVERS:
        errors["consent"] = _("Velg hvem som ga samtykket.")
    elif consent.given_on and consent.given_on > today:
        errors["consent"] = _("Samtykket kan ikke være gitt i fremtiden.")
    else:
        age = age_at(data.birth_year, today)
        if age is not None and age < ADULT_AGE and consent.given_by not in CHILD_CONSENT_GIVERS:
            errors["consent"] = _(
                "For et barn under 18 må samtykket gis av en forelder eller verge."
            )
    return errors


def _staff_id(session: OrmSession, staff_uuid: str | None) -> int | None:
    if staff_uuid is None:
        return None
    found = session.scalar(select(Staff.id).where(Staff.uuid == staff_uuid))
    if found is None:
        raise NotFound(_("Fant ingen ansatt med ID {id}.").format(id=staff_uuid))
    return found


def create_participant_in(
    session: OrmSession, data: ParticipantInput, consent: ConsentInput, today: dt.date
) -> Person:
    """Inside an open transaction: save a participant with their consent (validated)."""
    errors = validate_participant(data, consent, today)
    if errors:
        raise ValidationFailed(errors)
    name = " ".join(data.name.split())
    person = Person(name=name, sort_name=sort_key(name), search_text=fold(name),
                    birth_year=data.birth_year, gender=data.gender)  # fmt: skip
    session.add(person)
    session.flush()
    session.add(Participant(person_id=person.id, registered_on=today))
    session.add(
        Consent(person_id=person.id, purpose="registration", given_on=consent.given_on or today,
                method=consent.method, given_by=consent.given_by,
                staff_id=_staff_id(session, consent.staff_id))
    )  # fmt: skip
    return person


def create_participant(
    db: Database, data: ParticipantInput, consent: ConsentInput, today: dt.date | None = None
) -> str:
    with db.write() as session:
        person = create_participant_in(session, data, consent, today or dt.date.today())
        session.flush()
        return person.uuid


def find_participants(db: Database, search: str = "", limit: int = 50) -> list[ParticipantRow]:
    """Registered participants whose name matches `search`, for pickers."""
    query = select(Person.uuid, Person.name, Person.birth_year, Person.gender).join(
        Participant, Participant.person_id == Person.id
    )
    for pattern in like_patterns(search_terms(search)):
        query = query.where(Person.search_text.like(pattern, escape="\\"))
    with db.read() as session:
        rows = session.execute(query.order_by(Person.sort_name).limit(limit)).all()
    return [ParticipantRow(*r) for r in rows]
