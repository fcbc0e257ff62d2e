"""Activities, their types and places: create, edit and list what the centre runs.

The ID seen outside is the activity's UUID. Built-in types are shown by their translated names;
a centre's own types by the name it gave them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_time
from app.models import Activity, ActivityLanguage, ActivityType, Place, ScheduleRule, Staff
from app.services import validation
from app.services.certificates import sync_in
from app.services.codes import (
    BUILTIN_ACTIVITY_TYPES,
    COUNTING,
    REPORTING_CATEGORIES,
    TARGET_GROUPS,
    WEEKDAYS,
    label,
)
from app.services.languages import is_known
from app.services.text import fold, sort_key

MAX_AGE = 120


@dataclass
class ActivityInput:
    """What the activity form (or the CLI, or demo data) gives, unvalidated."""

    name: str
    type_code: str = "annet"
    target_groups: list[str] = field(default_factory=lambda: ["everyone"])
    min_age: int | None = None
    max_age: int | None = None
    place_id: str | None = None
    languages: list[str] = field(default_factory=list)
    coordinator_id: str | None = None
    volunteers_needed: int = 1
    requires_certificate: bool = False
    capacity: int | None = None
    counting: str = "headcount"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    description: str = ""


@dataclass(frozen=True)
class ActivityTypeInfo:
    code: str
    name: str
    reporting_category: str
    builtin: bool


@dataclass(frozen=True)
class PlaceInfo:
    id: str
    name: str
    address: str


@dataclass(frozen=True)
class ActivityRow:
    """One activity in lists, the CLI and the week view's legend."""

    id: str
    name: str
    type_code: str
    type_name: str
    reporting_category: str
    place: str | None
    target_groups: tuple[str, ...]
    languages: tuple[str, ...]
    requires_certificate: bool
    counting: str
    capacity: int | None
    volunteers_needed: int
    start_date: dt.date
    end_date: dt.date | None
    schedule: str

    def is_running(self, on: dt.date) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)


@dataclass(frozen=True)
class ActivityDetail:
    id: str
    row: ActivityRow
    input: ActivityInput
    coordinator: str | None


# -- types and places ---------------------------------------------------------------------------


def type_name(code: str, stored_name: str) -> str:
    return _(BUILTIN_ACTIVITY_TYPES[code]) if code in BUILTIN_ACTIVITY_TYPES else stored_name


def list_activity_types(db: Database) -> list[ActivityTypeInfo]:
    table = ActivityType.__table__
    with db.read() as session:
        rows = session.connection().execute(select(table).order_by(table.c.id)).mappings().all()
    return [
        ActivityTypeInfo(r["code"], type_name(r["code"], r["name"]), r["reporting_category"],
                         bool(r["builtin"]))
        for r in rows
    ]  # fmt: skip


def add_activity_type(db: Database, name: str, reporting_category: str) -> str:
    """Add a centre's own activity type; returns its code (made from the name)."""
    errors: dict[str, str] = {}
    if message := validation.check_name(name):
        errors["name"] = message
    if reporting_category not in REPORTING_CATEGORIES:
        errors["reporting_category"] = _("Velg en rapportkategori.")
    code = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")[:40] or "type"
    with db.write() as session:
        taken = set(session.scalars(select(ActivityType.code)))
        names = {fold(n) for n in session.scalars(select(ActivityType.name))}
        if fold(name.strip()) in names | {fold(_(n)) for n in BUILTIN_ACTIVITY_TYPES.values()}:
            errors["name"] = _("Aktivitetstypen «{name}» finnes allerede.").format(name=name)
        if errors:
            raise ValidationFailed(errors)
        base, n = code, 2
        while code in taken:
            code, n = f"{base}_{n}", n + 1
        session.add(
            ActivityType(code=code, name=" ".join(name.split()),
                         reporting_category=reporting_category, builtin=False)
        )  # fmt: skip
    return code


def list_places(db: Database) -> list[PlaceInfo]:
    with db.read() as session:
        places = session.scalars(select(Place)).all()
        result = [PlaceInfo(p.uuid, p.name, p.address or "") for p in places]
    return sorted(result, key=lambda p: sort_key(p.name))


def add_place(db: Database, name: str, address: str = "") -> str:
    if message := validation.check_name(name):
        raise ValidationFailed({"name": message})
    with db.write() as session:
        existing = session.scalars(select(Place)).all()
        for place in existing:
            if fold(place.name) == fold(name.strip()):
                return place.uuid
        place = Place(name=" ".join(name.split()), address=address.strip() or None)
        session.add(place)
        session.flush()
        return place.uuid


# -- validation -------------------------------------------------------------------------------


def validate_activity(data: ActivityInput, known_types: set[str] | None = None) -> dict[str, str]:
    """Every problem with `data`, keyed by field name; empty when it may be saved."""
    errors: dict[str, str] = {}
    if message := validation.check_name(data.name):
        errors["name"] = message
    if known_types is not None and data.type_code not in known_types:
        errors["type_code"] = _("Velg en aktivitetstype.")
    unknown_groups = [g for g in data.target_groups if g not in TARGET_GROUPS]
    if not data.target_groups:
        errors["target_groups"] = _("Velg minst én målgruppe.")
    elif unknown_groups:
        errors["target_groups"] = _("Ukjent målgruppe: {codes}.").format(
            codes=", ".join(unknown_groups)
        )
    for key, value in (("min_age", data.min_age), ("max_age", data.max_age)):
        if value is not None and not 0 <= value <= MAX_AGE:
            errors[key] = _("Alderen må være mellom 0 og {max}.").format(max=MAX_AGE)
    if (
        data.min_age is not None
        and data.max_age is not None
        and data.min_age > data.max_age
        and "max_age" not in errors
    ):
        errors["max_age"] = _("Høyeste alder kan ikke være lavere enn laveste.")
    if data.volunteers_needed < 0:
        errors["volunteers_needed"] = _("Antall frivillige kan ikke være negativt.")
    if data.capacity is not None and data.capacity < 1:
        errors["capacity"] = _("Kapasiteten må være minst 1, eller stå tom.")
    if data.counting not in COUNTING:
        errors["counting"] = _("Velg hvordan deltakerne telles.")
    unknown = [c for c in data.languages if not is_known(c)]
    if unknown:
        errors["languages"] = _("Ukjent språkkode: {codes}.").format(codes=", ".join(unknown))
    if data.start_date is None:
        errors["start_date"] = _("Velg en startdato.")
    elif data.end_date is not None and data.end_date < data.start_date:
        errors["end_date"] = _("Sluttdatoen kan ikke være før startdatoen.")
    return errors


def certificate_warning(data: ActivityInput) -> str | None:
    """A warning (not an error) when a certificate is required but the legal basis seems absent.

    The law allows asking for a police certificate for tasks involving minors or people with
    developmental disabilities; an activity for adults only may still keep the flag.
    """
    adults_only = set(data.target_groups) <= {"adults", "women", "men"} and (
        data.min_age is None or data.min_age >= 18
    )
    if data.requires_certificate and adults_only:
        return _(
            "Aktiviteten er bare for voksne. Politiattest kan bare kreves for oppgaver med "
            "mindreårige eller personer med utviklingshemming. Du kan likevel beholde kravet."
        )
    return None


# -- writing ----------------------------------------------------------------------------------


def _find(session: OrmSession, model: type, uuid: str | None, what: str) -> int | None:
    if uuid is None:
        return None
    row_id = session.scalar(select(model.id).where(model.uuid == uuid))
    if row_id is None:
        raise NotFound(_("Fant ingen {what} med ID {id}.").format(what=what, id=uuid))
    return row_id


def _apply(session: OrmSession, activity: Activity, data: ActivityInput) -> None:
    with session.no_autoflush:  # the row is complete only at the end
        type_id = session.scalar(select(ActivityType.id).where(ActivityType.code == data.type_code))
        activity.name = " ".join(data.name.split())
        activity.name_folded = fold(activity.name)
        activity.type_id = type_id
        activity.target_groups = ",".join(g for g in TARGET_GROUPS if g in data.target_groups)
        activity.min_age, activity.max_age = data.min_age, data.max_age
        activity.place_id = _find(session, Place, data.place_id, _("sted"))
        activity.coordinator_id = _find(session, Staff, data.coordinator_id, _("ansatt"))
        activity.volunteers_needed = data.volunteers_needed
        activity.requires_certificate = data.requires_certificate
        activity.capacity = data.capacity
        activity.counting = data.counting
        activity.start_date = data.start_date  # type: ignore[assignment]
        activity.end_date = data.end_date
        activity.description = data.description.strip() or None
        codes = list(dict.fromkeys(data.languages))
        activity.languages = [ActivityLanguage(code=c, position=i) for i, c in enumerate(codes)]


def _known_types(session: OrmSession) -> set[str]:
    return set(session.scalars(select(ActivityType.code)))


def create_activity(db: Database, data: ActivityInput) -> str:
    with db.write() as session:
        errors = validate_activity(data, _known_types(session))
        if errors:
            raise ValidationFailed(errors)
        activity = Activity(name="")
        session.add(activity)
        _apply(session, activity, data)
        session.flush()
        return activity.uuid


def load_activity(session: OrmSession, activity_id: str) -> Activity:
    activity = session.scalars(select(Activity).where(Activity.uuid == activity_id)).one_or_none()
    if activity is None:
        raise NotFound(_("Fant ingen aktivitet med ID {id}.").format(id=activity_id))
    return activity


def update_activity(db: Database, activity_id: str, data: ActivityInput) -> None:
    """Save an activity; turning "krever politiattest" on creates the team's needs at once."""
    with db.write() as session:
        errors = validate_activity(data, _known_types(session))
        if errors:
            raise ValidationFailed(errors)
        _apply(session, load_activity(session, activity_id), data)
        session.flush()
        sync_in(session, dt.date.today())


# -- reading ----------------------------------------------------------------------------------


def schedule_summary(rules: list[ScheduleRule], today: dt.date | None = None) -> str:
    """`torsdag 18:00–20:00`, `annenhver tirsdag 17:00–19:00`, or `enkeltøkter`.

    Rules that have run out are left out while another is current; an activity whose rules have
    all ended is described by its last one.
    """
    if not rules:
        return _("enkeltøkter")
    today = today or dt.date.today()
    current = [r for r in rules if r.last_date >= today]
    if not current:
        current = [max(rules, key=lambda r: r.last_date)]
    parts = []
    for rule in sorted(current, key=lambda r: (r.weekday, r.start_time)):
        day = label(WEEKDAYS, list(WEEKDAYS)[rule.weekday])
        when = f"{format_time(rule.start_time)}–{format_time(rule.end_time)}"
        if rule.every_weeks == 2:
            parts.append(_("annenhver {day} {when}").format(day=day, when=when))
        else:
            parts.append(f"{day} {when}")
    return ", ".join(parts)


def list_activities(db: Database) -> list[ActivityRow]:
    """Every activity, sorted by name, with a readable schedule."""
    with db.read() as session:
        activities = session.scalars(select(Activity)).all()
        types = {t.id: t for t in session.scalars(select(ActivityType))}
        places = {p.id: p.name for p in session.scalars(select(Place))}
        rules: dict[int, list[ScheduleRule]] = defaultdict(list)
        for rule in session.scalars(select(ScheduleRule)):
            rules[rule.activity_id].append(rule)
        languages: dict[int, list[str]] = defaultdict(list)
        for lang in session.scalars(select(ActivityLanguage).order_by(ActivityLanguage.position)):
            languages[lang.activity_id].append(lang.code)
        rows = [_row(a, types[a.type_id], places, rules[a.id], languages[a.id]) for a in activities]
    return sorted(rows, key=lambda r: sort_key(r.name))


def _row(
    a: Activity,
    kind: ActivityType,
    places: dict[int, str],
    rules: list[ScheduleRule],
    languages: list[str],
) -> ActivityRow:
    return ActivityRow(
        id=a.uuid,
        name=a.name,
        type_code=kind.code,
        type_name=type_name(kind.code, kind.name),
        reporting_category=kind.reporting_category,
        place=places.get(a.place_id) if a.place_id else None,
        target_groups=tuple(g for g in a.target_groups.split(",") if g),
        languages=tuple(languages),
        requires_certificate=a.requires_certificate,
        counting=a.counting,
        capacity=a.capacity,
        volunteers_needed=a.volunteers_needed,
        start_date=a.start_date,
        end_date=a.end_date,
        schedule=schedule_summary(rules),
    )


def get_activity(db: Database, activity_id: str) -> ActivityDetail:
    with db.read() as session:
        a = load_activity(session, activity_id)
        kind = session.get(ActivityType, a.type_id)
        assert kind is not None
        place = session.get(Place, a.place_id) if a.place_id else None
        coordinator = session.get(Staff, a.coordinator_id) if a.coordinator_id else None
        rules = list(session.scalars(select(ScheduleRule).where(ScheduleRule.activity_id == a.id)))
        codes = [lang.code for lang in a.languages]
        row = _row(a, kind, {place.id: place.name} if place else {}, rules, codes)
        data = ActivityInput(
            name=a.name,
            type_code=kind.code,
            target_groups=list(row.target_groups),
            min_age=a.min_age,
            max_age=a.max_age,
            place_id=place.uuid if place else None,
            languages=codes,
            coordinator_id=coordinator.uuid if coordinator else None,
            volunteers_needed=a.volunteers_needed,
            requires_certificate=a.requires_certificate,
            capacity=a.capacity,
            counting=a.counting,
            start_date=a.start_date,
            end_date=a.end_date,
            description=a.description or "",
        )
        return ActivityDetail(a.uuid, row, data, coordinator.name if coordinator else None)


def count_activities(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Activity)) or 0
