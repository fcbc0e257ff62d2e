"""The volunteer register: create, edit, find, pause and end volunteers.

A volunteer is a `Person` with a `Volunteer` role; the ID seen outside is the person's UUID, so the
same person later found as a participant keeps it. Each public function is one transaction and
returns plain dataclasses, never live ORM objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.db import Database, session_reader
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Person, PersonLanguage, PersonTag, Volunteer, VolunteerStatusChange
from app.services import validation
from app.services.codes import AVAILABILITY_SLOTS, GENDERS, VOLUNTEER_STATUSES
from app.services.languages import all_names_of, is_known
from app.services.phones import format_phone, parse_phone, phone_search_forms
from app.services.tags import get_or_create_tags
from app.services.text import fold, sort_key
from app.services.volunteer_list import (
    INTEREST,
    SKILL,
    tags_by_person,
)


@dataclass
class VolunteerInput:
    """What a user types into the volunteer form (or the CLI, or an importer), unvalidated."""

    name: str
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    place: str = ""
    birth_year: int | None = None
    gender: str = "unknown"
    languages: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    availability: list[str] = field(default_factory=list)
    start_date: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class StatusChange:
    status: str
    changed_on: dt.date
    reason: str | None


@dataclass(frozen=True)
class VolunteerDetail:
    """Everything the volunteer page and form show."""

    id: str
    input: VolunteerInput
    phone_e164: str | None
    status: str
    status_date: dt.date | None
    status_reason: str | None
    history: tuple[StatusChange, ...]
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class VolunteerFigures:
    """The volunteer numbers on the home screen."""

    active: int
    paused: int
    ended: int
    new_this_year: int

    @property
    def total(self) -> int:
        return self.active + self.paused + self.ended


# -- validation -------------------------------------------------------------------------------


def validate_volunteer(data: VolunteerInput, today: dt.date | None = None) -> dict[str, str]:
    """Every problem with `data`, keyed by field name; empty when it may be saved."""
    today = today or dt.date.today()
    checks = {
        "name": validation.check_name(data.name),
        "phone": validation.check_phone(data.phone),
        "email": validation.check_email(data.email),
        "postcode": validation.check_postcode(data.postcode),
        "birth_year": validation.check_birth_year(data.birth_year, today),
    }
    errors = {k: v for k, v in checks.items() if v}
    if data.gender not in GENDERS:
        errors["gender"] = _("Ukjent kjønn «{value}».").format(value=data.gender)
    unknown = [c for c in data.languages if not is_known(c)]
    if unknown:
        errors["languages"] = _("Ukjent språkkode: {codes}.").format(codes=", ".join(unknown))
    bad_slots = [s for s in data.availability if s not in AVAILABILITY_SLOTS]
    if bad_slots:
        errors["availability"] = _("Ukjent tidspunkt: {slots}.").format(slots=", ".join(bad_slots))
    if data.start_date and data.start_date > today + dt.timedelta(days=366):
        errors["start_date"] = _("Startdatoen er mer enn et år fram i tid.")
    return errors


def build_search_text(
    name: str, email: str | None, phone: str | None, languages: list[str], tags: list[str]
) -> str:
    """The folded text a search runs against: name, e-mail, phone, languages, skills."""
    parts = [name, email or "", phone_search_forms(phone)]
    parts += [f"{code} {all_names_of(code)}" for code in languages]
    parts += tags
    return fold(" ".join(p for p in parts if p))


def _apply(session: Session, person: Person, volunteer: Volunteer, data: VolunteerInput) -> None:
    person.name = " ".join(data.name.split())
    person.sort_name = sort_key(person.name)
    person.phone = parse_phone(data.phone) if data.phone.strip() else None
    person.email = data.email.strip() or None
    person.address = data.address.strip() or None
    person.postcode = data.postcode.strip() or None
    person.place = data.place.strip() or None
    person.birth_year = data.birth_year
    person.gender = data.gender
    codes = list(dict.fromkeys(data.languages))
    person.languages = [PersonLanguage(code=c, position=i) for i, c in enumerate(codes)]
    skills = get_or_create_tags(session, data.skills)
    interests = get_or_create_tags(session, data.interests)
    session.flush()
    person.tags = [PersonTag(tag_id=t.id, kind=SKILL) for t in skills] + [
        PersonTag(tag_id=t.id, kind=INTEREST) for t in interests
    ]
    person.search_text = build_search_text(
        person.name, person.email, person.phone, codes, [t.name for t in skills + interests]
    )
    volunteer.start_date = data.start_date
    volunteer.availability = ",".join(s for s in AVAILABILITY_SLOTS if s in data.availability)
    volunteer.notes = data.notes.strip() or None


# -- writing ----------------------------------------------------------------------------------


def create_volunteer(db: Database, data: VolunteerInput, today: dt.date | None = None) -> str:
    """Register a new, active volunteer and return their ID (the person's UUID)."""
    today = today or dt.date.today()
    errors = validate_volunteer(data, today)
    if errors:
        raise ValidationFailed(errors)
    if data.start_date is None:
        data = VolunteerInput(**{**data.__dict__, "start_date": today})
    with db.write() as session:
        person = Person(name="")
        volunteer = Volunteer(status="active", status_date=data.start_date)
        person.volunteer = volunteer
        session.add(person)
        _apply(session, person, volunteer, data)
        volunteer.history = [
            VolunteerStatusChange(status="active", changed_on=data.start_date or today)
        ]
        session.flush()
        return person.uuid


def _load(session: Session, volunteer_id: str) -> Person:
    person = session.scalars(
        select(Person)
        .where(Person.uuid == volunteer_id)
        .options(selectinload(Person.volunteer), selectinload(Person.languages))
    ).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return person


def update_volunteer(db: Database, volunteer_id: str, data: VolunteerInput) -> None:
    """Save edited details of a volunteer (status is changed by `change_status`)."""
    errors = validate_volunteer(data)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        person = _load(session, volunteer_id)
        assert person.volunteer is not None
        _apply(session, person, person.volunteer, data)


def change_status(
    db: Database, volunteer_id: str, status: str, on: dt.date, reason: str = ""
) -> None:
    """Pause, end or reactivate a volunteer from date `on`, with a reason for pause and end."""
    errors: dict[str, str] = {}
    if status not in VOLUNTEER_STATUSES:
        errors["status"] = _("Ukjent status «{value}».").format(value=status)
    if status in ("paused", "ended") and not reason.strip():
        errors["reason"] = _("Skriv en kort begrunnelse.")
    if on > dt.date.today() + dt.timedelta(days=366):
        errors["date"] = _("Datoen er mer enn et år fram i tid.")
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        person = _load(session, volunteer_id)
        volunteer = person.volunteer
        assert volunteer is not None
        if volunteer.start_date and on < volunteer.start_date:
            raise ValidationFailed({"date": _("Datoen kan ikke være før den frivillige startet.")})
        if volunteer.status == status:
            raise ValidationFailed({"status": _("Den frivillige har allerede denne statusen.")})
        volunteer.status = status
        volunteer.status_date = on
        volunteer.status_reason = reason.strip() or None
        session.add(
            VolunteerStatusChange(
                volunteer_id=volunteer.id,
                status=status,
                changed_on=on,
                reason=reason.strip() or None,
            )
        )


# -- reading ----------------------------------------------------------------------------------


def get_volunteer(db: Database, volunteer_id: str) -> VolunteerDetail:
    """One volunteer with everything the form and page show."""
    with db.read() as session:
        person = _load(session, volunteer_id)
        volunteer = person.volunteer
        assert volunteer is not None
        skills = tags_by_person(session_reader(session), SKILL, [person.id]).get(person.id, [])
        interests = tags_by_person(session_reader(session), INTEREST, [person.id]).get(
            person.id, []
        )
        history = tuple(StatusChange(h.status, h.changed_on, h.reason) for h in volunteer.history)
        data = VolunteerInput(
            name=person.name,
            phone=format_phone(person.phone),
            email=person.email or "",
            address=person.address or "",
            postcode=person.postcode or "",
            place=person.place or "",
            birth_year=person.birth_year,
            gender=person.gender,
            languages=[lang.code for lang in person.languages],
            skills=skills,
            interests=interests,
            availability=[s for s in volunteer.availability.split(",") if s],
            start_date=volunteer.start_date,
            notes=volunteer.notes or "",
        )
        return VolunteerDetail(
            id=person.uuid,
            input=data,
            phone_e164=person.phone,
            status=volunteer.status,
            status_date=volunteer.status_date,
            status_reason=volunteer.status_reason,
            history=history,
            created_at=person.created_at,
            updated_at=person.updated_at,
        )


def volunteer_figures(db: Database, today: dt.date | None = None) -> VolunteerFigures:
    """Active, paused and ended volunteers, and how many started this year."""
    today = today or dt.date.today()
    table = Volunteer.__table__
    with db.read() as session:
        conn = session.connection()
        counts = dict(
            conn.execute(select(table.c.status, func.count()).group_by(table.c.status)).all()
        )
        new = conn.execute(
            select(func.count())
            .select_from(table)
            .where(table.c.start_date >= dt.date(today.year, 1, 1))
            .where(table.c.start_date <= today)
        ).scalar()
    return VolunteerFigures(
        active=counts.get("active", 0),
        paused=counts.get("paused", 0),
        ended=counts.get("ended", 0),
        new_this_year=new or 0,
    )
