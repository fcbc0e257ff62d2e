"""Centre settings (name, organisation number, municipality, ...) and the staff list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Centre, Staff
from app.services import validation
from app.services.centre_info import TEXT_FIELDS, CentreInfo, get_centre


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    title: str
    active: bool


def _row(session: Session) -> Centre:
    centre = session.scalars(select(Centre).order_by(Centre.id)).first()
    if centre is None:
        centre = Centre(name="")
        session.add(centre)
    return centre


def validate_centre(info: CentreInfo) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not info.name.strip():
        errors["name"] = _("Skriv navnet på frivilligsentralen.")
    if message := validation.check_orgnr(info.orgnr):
        errors["orgnr"] = message
    if message := validation.check_postcode(info.postcode):
        errors["postcode"] = message
    return errors


def save_centre(db: Database, info: CentreInfo) -> None:
    """Save every field of the centre's settings after validating them."""
    errors = validate_centre(info)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        centre = _row(session)
        for name in TEXT_FIELDS:
            value = getattr(info, name).strip()
            if name == "orgnr":
                value = validation.normalise_orgnr(value)
            setattr(centre, name, value or None if name != "name" else value)
        centre.logo = info.logo


def validate_centre_changes(changes: dict[str, str | None]) -> dict[str, str]:
    """Problems with the settings named in `changes` (None means: leave that setting alone)."""
    errors: dict[str, str] = {}
    name = changes.get("name")
    if name is not None and not name.strip():
        errors["name"] = _("Skriv navnet på frivilligsentralen.")
    if (orgnr := changes.get("orgnr")) is not None and (message := validation.check_orgnr(orgnr)):
        errors["orgnr"] = message
    if (code := changes.get("postcode")) is not None and (
        message := validation.check_postcode(code)
    ):
        errors["postcode"] = message
    return errors


def update_centre(db: Database, **changes: str | None) -> CentreInfo:
    """Change only the named settings (None leaves one as it is), as `dugnad init` does."""
    unknown = set(changes) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"unknown centre settings: {sorted(unknown)}")
    errors = validate_centre_changes(changes)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        centre = _row(session)
        for key, value in changes.items():
            if value is None:
                continue
            value = value.strip()
            if key == "orgnr":
                value = validation.normalise_orgnr(value)
            setattr(centre, key, value if key == "name" else value or None)
    return get_centre(db)


def set_demo(db: Database, is_demo: bool) -> None:
    with db.write() as session:
        _row(session).is_demo = is_demo


def list_staff(db: Database, include_inactive: bool = False) -> list[StaffMember]:
    table = Staff.__table__
    query = select(table.c.uuid, table.c.name, table.c.title, table.c.active).order_by(table.c.name)
    if not include_inactive:
        query = query.where(table.c.active.is_(True))
    with db.read() as session:
        rows = session.connection().execute(query).all()
    return [
        StaffMember(uuid, name, title or "", bool(active)) for uuid, name, title, active in rows
    ]


def add_staff(db: Database, name: str, title: str = "") -> str:
    if message := validation.check_name(name):
        raise ValidationFailed({"name": message})
    with db.write() as session:
        member = Staff(name=" ".join(name.split()), title=title.strip() or None, active=True)
        session.add(member)
        session.flush()
        return member.uuid


def set_staff_active(db: Database, staff_id: str, active: bool) -> None:
    with db.write() as session:
        member = session.scalars(select(Staff).where(Staff.uuid == staff_id)).one_or_none()
        if member is None:
            raise NotFound(_("Fant ingen ansatt med ID {id}.").format(id=staff_id))
        member.active = active


MAX_HOURS_MARGIN = 12.0


def get_hours_margin(db: Database) -> float:
    """How many hours beyond a session's length a volunteer may be credited (a setting)."""
    table = Centre.__table__
    with db.read() as session:
        value = (
            session.connection()
            .execute(select(table.c.extra_hours_margin).order_by(table.c.id).limit(1))
            .scalar()
        )
    return 2.0 if value is None else float(value)


def set_hours_margin(db: Database, hours: float) -> None:
    if not 0 <= hours <= MAX_HOURS_MARGIN:
        raise ValidationFailed({"extra_hours_margin": _("Marginen må være mellom 0 og 12 timer.")})
    with db.write() as session:
        _row(session).extra_hours_margin = hours
