"""Programmes (Flyktningguide, Vennefamilie, Mentor...): the terms a pairing starts with.

A programme sets a pairing's default length, the expected contact, the follow-up schedule (a code
such as "2w,1m,*2m", see `app.services.followup_schedule`), when its volunteers need a police
certificate (`always`, `children`: when the household has children under 18, `never`), which
onboarding steps a volunteer must have done, and the youngest age a volunteer may be.
"""

from __future__ import annotations

import math
import uuid as uuid_module
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Programme
from app.services import validation
from app.services.codes import PROGRAMME_CERTIFICATE_RULES
from app.services.followup_schedule import describe, from_text, to_text
from app.services.onboarding import RECORDED_STEPS
from app.services.text import fold, sort_key

MIN_MONTHS, MAX_MONTHS = 1, 60
MAX_HOURS_PER_MONTH = 200.0
MIN_AGE_LOWEST, MIN_AGE_HIGHEST = 16, 99
DEFAULT_STEPS: tuple[str, ...] = ("interview", "training", "confidentiality")


@dataclass(frozen=True)
class ProgrammeData:
    """What the programme form (or a script) gives, unvalidated."""

    name: str
    months: int = 12
    hours_per_month: float = 8.0
    follow_up_plan: str = "2w,1m,*2m"
    certificate: str = "children"  # always, children, never
    required_steps: tuple[str, ...] = DEFAULT_STEPS
    min_age: int = 18
    active: bool = True


@dataclass(frozen=True)
class ProgrammeRow:
    """One programme, as lists, forms and the pairing services read it."""

    id: str
    name: str
    months: int
    hours_per_month: float
    follow_up_plan: str
    plan_description: str  # "Etter 2 uker, 1 måned, deretter hver 2. måned"
    certificate: str
    required_steps: tuple[str, ...]
    min_age: int
    active: bool

    @property
    def data(self) -> ProgrammeData:
        return ProgrammeData(
            name=self.name, months=self.months, hours_per_month=self.hours_per_month,
            follow_up_plan=self.follow_up_plan, certificate=self.certificate,
            required_steps=self.required_steps, min_age=self.min_age, active=self.active,
        )  # fmt: skip


def split_steps(text: str | None) -> tuple[str, ...]:
    """The stored "interview,training" as a tuple of step codes."""
    return tuple(s for s in (part.strip() for part in (text or "").split(",")) if s)


def _row(p: Programme) -> ProgrammeRow:
    try:
        plan_text = describe(from_text(p.follow_up_plan))
    except ValueError:  # a plan typed into the database by hand: show it as it is
        plan_text = p.follow_up_plan
    return ProgrammeRow(
        id=p.uuid, name=p.name, months=p.months, hours_per_month=p.hours_per_month,
        follow_up_plan=p.follow_up_plan, plan_description=plan_text, certificate=p.certificate,
        required_steps=split_steps(p.required_steps), min_age=p.min_age, active=p.active,
    )  # fmt: skip


def validate_programme(data: ProgrammeData) -> dict[str, str]:
    """Every field problem, as plain sentences; empty when the programme can be saved."""
    errors: dict[str, str] = {}
    if message := validation.check_name(data.name):
        errors["name"] = message
    if not MIN_MONTHS <= data.months <= MAX_MONTHS:
        errors["months"] = _("Varigheten må være mellom {low} og {high} måneder.").format(
            low=MIN_MONTHS, high=MAX_MONTHS
        )
    hours = data.hours_per_month
    if not (isinstance(hours, int | float) and math.isfinite(hours)) or not (
        0 <= hours <= MAX_HOURS_PER_MONTH
    ):
        errors["hours_per_month"] = _("Timer i måneden må være mellom 0 og {high}.").format(
            high=int(MAX_HOURS_PER_MONTH)
        )
    try:
        from_text(data.follow_up_plan)
    except ValueError as exc:
        errors["follow_up_plan"] = str(exc) + " " + _("Eksempel: 2w,1m,*2m.")
    if data.certificate not in PROGRAMME_CERTIFICATE_RULES:
        errors["certificate"] = _("Velg når det trengs politiattest: alltid, når husstanden "
                                  "har barn under 18, eller aldri.")  # fmt: skip
    unknown = [s for s in data.required_steps if s not in RECORDED_STEPS]
    if unknown:
        errors["required_steps"] = _("Ukjent steg: {steps}.").format(steps=", ".join(unknown))
    if not MIN_AGE_LOWEST <= data.min_age <= MIN_AGE_HIGHEST:
        errors["min_age"] = _("Laveste alder må være mellom {low} og {high} år.").format(
            low=MIN_AGE_LOWEST, high=MIN_AGE_HIGHEST
        )
    return errors


def load_programme(session: OrmSession, programme_id: str) -> Programme:
    """The programme with this UUID, inside an open transaction."""
    found = session.scalars(select(Programme).where(Programme.uuid == programme_id)).first()
    if found is None:
        raise NotFound(_("Fant ikke noe program med ID {id}.").format(id=programme_id))
    return found


def find_programme_in(session: OrmSession, name_or_id: str) -> Programme:
    """By UUID or by name (case-insensitive, also æøå); NotFound lists the known names."""
    wanted = name_or_id.strip()
    programmes = list(session.scalars(select(Programme)))
    for p in programmes:
        if p.uuid == wanted:
            return p
    for p in programmes:
        if fold(p.name).strip() == fold(wanted):
            return p
    names = sorted((p.name for p in programmes), key=sort_key)
    if _looks_like_uuid(wanted):
        message = _("Fant ikke noe program med ID {id}.").format(id=wanted)
    else:
        message = _("Fant ikke noe program som heter «{name}».").format(name=wanted)
    if names:
        message += " " + _("Programmene er: {names}.").format(names=", ".join(names))
    raise NotFound(message)


def _looks_like_uuid(text: str) -> bool:
    try:
        uuid_module.UUID(text)
    except ValueError:
        return False
    return True


def list_programmes(db: Database, include_inactive: bool = False) -> list[ProgrammeRow]:
    """The programmes, by name; those switched off only with `include_inactive`."""
    with db.read() as session:
        query = select(Programme)
        if not include_inactive:
            query = query.where(Programme.active.is_(True))
        rows = [_row(p) for p in session.scalars(query)]
    return sorted(rows, key=lambda r: (sort_key(r.name), r.id))


def get_programme(db: Database, programme_id: str) -> ProgrammeRow:
    with db.read() as session:
        return _row(load_programme(session, programme_id))


def find_programme(db: Database, name_or_id: str) -> ProgrammeRow:
    """The programme named (any case) or with this UUID, e.g. for `--programme NAME`."""
    with db.read() as session:
        return _row(find_programme_in(session, name_or_id))


def save_programme(db: Database, data: ProgrammeData, programme_id: str | None = None) -> str:
    """Create a programme (no `programme_id`) or change one; returns its UUID.

    A changed schedule or length applies to pairings that start afterwards; the follow-ups of
    pairings already running stay as they were planned.
    """
    errors = validate_programme(data)
    if errors:
        raise ValidationFailed(errors)
    name = " ".join(data.name.split())
    with db.write() as session:
        programme = None if programme_id is None else load_programme(session, programme_id)
        for other in session.scalars(select(Programme)):
            if other is not programme and fold(other.name) == fold(name):
                raise ValidationFailed(
                    {"name": _("Det finnes allerede et program som heter «{name}».").format(
                        name=other.name)}
                )  # fmt: skip
        if programme is None:
            programme = Programme(name=name)
            session.add(programme)
        programme.name = name
        programme.months = data.months
        programme.hours_per_month = float(data.hours_per_month)
        programme.follow_up_plan = to_text(from_text(data.follow_up_plan))
        programme.certificate = data.certificate
        programme.required_steps = ",".join(dict.fromkeys(data.required_steps))
        programme.min_age = data.min_age
        programme.active = data.active
        session.flush()
        return programme.uuid
