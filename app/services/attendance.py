"""Attendance (oppmøte) for one session: volunteers with hours, named participants, headcount.

The sheet comes in one fixed order, which the paper sign-in sheet of the printouts issue follows,
so entering a sheet afterwards is a straight copy: volunteers on the roster, then the rest of the
team, then anyone else recorded; enrolled participants, then named walk-ins; then the headcount.
Recording the past is never refused by the roster rules: a paused volunteer who came, came.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_number
from app.models import (
    Activity,
    Centre,
    Enrolment,
    Headcount,
    Participant,
    ParticipantAttendance,
    Person,
    Place,
    RosterEntry,
    TeamMember,
    Volunteer,
    VolunteerAttendance,
)
from app.models.attendance import AGE_BAND_COLUMNS, GENDER_COLUMNS
from app.services.codes import AGE_BANDS, GENDERS
from app.services.participants import ConsentInput, ParticipantInput, create_participant_in
from app.services.schedule import session_hours
from app.services.sessions import load_session
from app.services.text import sort_key

# Gender and age-band codes (as in JSON) to Headcount columns.
GENDER_FIELDS = dict(zip(GENDERS, GENDER_COLUMNS, strict=True))
AGE_FIELDS = dict(zip(AGE_BANDS, AGE_BAND_COLUMNS, strict=True))
DEFAULT_HOURS_MARGIN = 2.0


@dataclass(frozen=True)
class VolunteerPresence:
    volunteer_id: str
    name: str
    role: str
    on_roster: bool
    present: bool
    hours: float


@dataclass(frozen=True)
class ParticipantPresence:
    participant_id: str
    name: str
    enrolled: bool
    present: bool


@dataclass
class HeadcountInput:
    """An anonymous count; the splits are optional and may not exceed the total."""

    total: int = 0
    by_gender: dict[str, int] | None = None
    by_age: dict[str, int] | None = None


@dataclass(frozen=True)
class AttendanceSheet:
    session_id: str
    activity: str
    date: dt.date
    start: dt.time
    end: dt.time
    place: str | None
    counting: str
    cancelled: bool
    default_hours: float
    max_hours: float
    recorded: bool
    volunteers: tuple[VolunteerPresence, ...]
    participants: tuple[ParticipantPresence, ...]
    headcount: HeadcountInput


@dataclass
class AttendanceInput:
    """What was entered: hours per present volunteer, present participants, the headcount."""

    volunteers: dict[str, float] = field(default_factory=dict)
    participants: set[str] = field(default_factory=set)
    headcount: HeadcountInput | None = None


def _margin(session: OrmSession) -> float:
    value = session.scalar(select(Centre.extra_hours_margin).order_by(Centre.id).limit(1))
    return DEFAULT_HOURS_MARGIN if value is None else float(value)


def get_attendance_sheet(db: Database, session_id: str) -> AttendanceSheet:
    """Everything the attendance screen and the sign-in sheet show, in their fixed order."""
    with db.read() as session:
        target = load_session(session, session_id)
        activity = session.get(Activity, target.activity_id)
        assert activity is not None
        place_id = target.place_id or activity.place_id
        place = session.get(Place, place_id) if place_id else None
        length = session_hours(target.start_time, target.end_time)

        recorded_hours = dict(
            session.execute(
                select(VolunteerAttendance.person_id, VolunteerAttendance.hours).where(
                    VolunteerAttendance.session_id == target.id
                )
            ).all()
        )
        roster = {
            pid: role
            for pid, role in session.execute(
                select(RosterEntry.person_id, RosterEntry.role).where(
                    RosterEntry.session_id == target.id
                )
            )
        }
        team = {
            pid: role
            for pid, role in session.execute(
                select(TeamMember.person_id, TeamMember.role).where(
                    TeamMember.activity_id == activity.id,
                    TeamMember.from_date <= target.date,
                    (TeamMember.to_date.is_(None)) | (TeamMember.to_date >= target.date),
                )
            )
        }
        volunteer_ids = list(roster) + [p for p in team if p not in roster]
        volunteer_ids += [p for p in recorded_hours if p not in roster and p not in team]
        names = _names(session, volunteer_ids)

        def group(pid: int) -> int:
            return 0 if pid in roster else 1 if pid in team else 2

        volunteers = tuple(
            VolunteerPresence(
                volunteer_id=names[pid][0],
                name=names[pid][1],
                role=roster.get(pid) or team.get(pid) or "",
                on_roster=pid in roster,
                present=pid in recorded_hours,
                hours=float(recorded_hours.get(pid, length)),
            )
            for pid in sorted(volunteer_ids, key=lambda p: (group(p), sort_key(names[p][1])))
        )

        # In the group on the session's date: an old session lists who was enrolled then,
        # including those who have left since.
        enrolled = set(
            session.scalars(
                select(Enrolment.person_id).where(
                    Enrolment.activity_id == activity.id,
                    Enrolment.status.in_(("enrolled", "left")),
                    Enrolment.enrolled_on.is_not(None),
                    Enrolment.enrolled_on <= target.date,
                    (Enrolment.left_on.is_(None)) | (Enrolment.left_on > target.date),
                )
            )
        )
        present = set(
            session.scalars(
                select(ParticipantAttendance.person_id).where(
                    ParticipantAttendance.session_id == target.id
                )
            )
        )
        participant_names = _names(session, list(enrolled | present))
        participants = tuple(
            ParticipantPresence(
                participant_id=participant_names[pid][0],
                name=participant_names[pid][1],
                enrolled=pid in enrolled,
                present=pid in present,
            )
            for pid in sorted(
                enrolled | present,
                key=lambda p: (p not in enrolled, sort_key(participant_names[p][1])),
            )
        )
        headcount = _headcount(session, target.id)
        return AttendanceSheet(
            session_id=target.uuid,
            activity=activity.name,
            date=target.date,
            start=target.start_time,
            end=target.end_time,
            place=place.name if place else None,
            counting=activity.counting,
            cancelled=target.cancelled,
            default_hours=length,
            max_hours=length + _margin(session),
            recorded=target.attendance_recorded,
            volunteers=volunteers,
            participants=participants,
            headcount=headcount,
        )


def _names(session: OrmSession, person_ids: list[int]) -> dict[int, tuple[str, str]]:
    if not person_ids:
        return {}
    rows = session.execute(
        select(Person.id, Person.uuid, Person.name).where(Person.id.in_(person_ids))
    ).all()
    return {pid: (uuid, name) for pid, uuid, name in rows}


def _headcount(session: OrmSession, session_id: int) -> HeadcountInput:
    row = session.scalars(select(Headcount).where(Headcount.session_id == session_id)).first()
    if row is None:
        return HeadcountInput()
    genders = {code: getattr(row, col) for code, col in GENDER_FIELDS.items()}
    ages = {code: getattr(row, col) for code, col in AGE_FIELDS.items()}
    return HeadcountInput(
        total=row.total,
        by_gender=None if all(v is None for v in genders.values()) else
        {k: v or 0 for k, v in genders.items()},
        by_age=None if all(v is None for v in ages.values()) else
        {k: v or 0 for k, v in ages.items()},
    )  # fmt: skip


def validate_headcount(count: HeadcountInput) -> dict[str, str]:
    """Negative numbers and a split larger than the total are refused, naming the field."""
    errors: dict[str, str] = {}
    if count.total < 0:
        errors["headcount.total"] = _("Antall frammøtte kan ikke være negativt.")
    for name, split, codes in (
        ("by_gender", count.by_gender, GENDERS),
        ("by_age", count.by_age, AGE_BANDS),
    ):
        if not split:
            continue
        unknown = [k for k in split if k not in codes]
        if unknown:
            errors[f"headcount.{name}"] = _("Ukjent inndeling: {codes}.").format(
                codes=", ".join(unknown)
            )
        elif any(v < 0 for v in split.values()):
            errors[f"headcount.{name}"] = _("Tallene kan ikke være negative.")
        elif sum(split.values()) > count.total:
            what = _("kjønn") if name == "by_gender" else _("alder")
            errors[f"headcount.{name}"] = _(
                "Fordelingen på {what} ({sum}) er større enn antall frammøtte ({total})."
            ).format(what=what, sum=sum(split.values()), total=count.total)
    return errors


def validate_attendance(data: AttendanceInput, max_hours: float) -> dict[str, str]:
    errors: dict[str, str] = {}
    for volunteer_id, hours in data.volunteers.items():
        if hours < 0:
            errors[f"hours.{volunteer_id}"] = _("Timer kan ikke være negative.")
        elif hours > max_hours:
            errors[f"hours.{volunteer_id}"] = _(
                "{hours} timer er mer enn økten varer, med margin ({max} timer)."
            ).format(hours=format_number(hours, 1), max=format_number(max_hours, 1))
    if data.headcount is not None:
        errors |= validate_headcount(data.headcount)
    return errors


def _person_ids(
    session: OrmSession, uuids: list[str], role_table: type, what: str
) -> dict[str, int]:
    if not uuids:
        return {}
    rows = session.execute(
        select(Person.uuid, Person.id)
        .join(role_table, role_table.person_id == Person.id)
        .where(Person.uuid.in_(uuids))
    ).all()
    found = dict(rows)
    missing = [u for u in uuids if u not in found]
    if missing:
        raise NotFound(_("Fant ingen {what} med ID {id}.").format(what=what, id=missing[0]))
    return found


def save_attendance(db: Database, session_id: str, data: AttendanceInput) -> None:
    """Replace the session's attendance with `data`, all or nothing."""
    with db.write() as session:
        target = load_session(session, session_id)
        max_hours = session_hours(target.start_time, target.end_time) + _margin(session)
        errors = validate_attendance(data, max_hours)
        if errors:
            raise ValidationFailed(errors)
        volunteers = _person_ids(session, list(data.volunteers), Volunteer, _("frivillig"))
        participants = _person_ids(session, list(data.participants), Participant, _("deltaker"))
        for model in (VolunteerAttendance, ParticipantAttendance):
            session.execute(delete(model).where(model.session_id == target.id))
        session.add_all(
            VolunteerAttendance(session_id=target.id, person_id=volunteers[u], hours=h)
            for u, h in data.volunteers.items()
        )
        session.add_all(
            ParticipantAttendance(session_id=target.id, person_id=participants[u])
            for u in data.participants
        )
        _store_headcount(session, target.id, data.headcount)
        target.attendance_recorded = True


def _store_headcount(session: OrmSession, session_id: int, count: HeadcountInput | None) -> None:
    row = session.scalars(select(Headcount).where(Headcount.session_id == session_id)).first()
    if count is None or (count.total == 0 and not count.by_gender and not count.by_age):
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = Headcount(session_id=session_id, total=0)
        session.add(row)
    row.total = count.total
    for code, column in GENDER_FIELDS.items():
        setattr(row, column, count.by_gender.get(code, 0) if count.by_gender else None)
    for code, column in AGE_FIELDS.items():
        setattr(row, column, count.by_age.get(code, 0) if count.by_age else None)


def add_walk_in(
    db: Database,
    session_id: str,
    data: ParticipantInput,
    consent: ConsentInput | None,
    today: dt.date | None = None,
) -> str | None:
    """A walk-in: saved by name with consent and marked present; without consent only counted.

    Returns the new participant's ID, or None when they went into the headcount instead.
    """
    today = today or dt.date.today()
    with db.write() as session:
        target = load_session(session, session_id)
        if consent is None:
            row = session.scalars(
                select(Headcount).where(Headcount.session_id == target.id)
            ).first()
            if row is None:
                session.add(Headcount(session_id=target.id, total=1))
            else:
                row.total += 1
            target.attendance_recorded = True
            return None
        person = create_participant_in(session, data, consent, today)
        session.add(ParticipantAttendance(session_id=target.id, person_id=person.id))
        target.attendance_recorded = True
        session.flush()
        return person.uuid
