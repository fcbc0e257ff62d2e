"""Pairings (flyktningguide, vennefamilie): the waiting list, the states, follow-ups and meetings.

A pairing is one volunteer, a team or a volunteer family with one participant or one household,
in a programme. It moves waiting → proposed → active → ended (`PAIRING_STATUSES`); a waiting or
proposed one may also end (the family moved away while waiting).

The hard rules of matching (status, capacity, onboarding steps, the police certificate, age, a
stated gender wish, never oneself or one's own household) are checked on `propose`, `activate`
and `set_volunteers` by `matching_rules.hard_rule_problems` on volunteers loaded by
`app.services.matching`: the very code that ranks the suggestions, so a pairing can never be made
that the matching screen would not have offered. Being proposed for a pairing whose programme
needs a certificate is a role that needs one (`certificate_need.requiring_roles`).

Follow-ups are planned when a pairing starts, from the programme's schedule over its length.
Logging one marks the earliest open planned follow-up that is due by then (or a little later,
`EARLY_DAYS`) as done, or adds an unplanned one. Meetings the pair report count as the
volunteers' hours (`meeting_hours`, `meeting_hours_by_person`).

Lists are read with a few set-based queries (Core, not ORM entities): `overdue_follow_ups` is one
statement, for the home screen card and the overdue list over ten years of pairings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.models import (
    FollowUp,
    Household,
    Pairing,
    PairingMeeting,
    PairingOutcome,
    PairingVolunteer,
    Participant,
    Person,
    Programme,
    Staff,
    Volunteer,
)
from app.services import matching
from app.services.certificate_rules import add_months
from app.services.certificates import ensure_need
from app.services.codes import (
    FOLLOW_UP_HOW,
    FOLLOW_UP_KINDS,
    PAIRING_END_REASONS,
    PAIRING_OUTCOMES,
    PAIRING_STATUSES,
)
from app.services.followup_schedule import due_dates, from_text
from app.services.hours import meeting_hours_by_person
from app.services.programmes import find_programme_in
from app.services.text import sort_key

# A follow-up logged up to this many days before a planned one is due counts as that one.
EARLY_DAYS = 14
MAX_NOTE = 500
MAX_NOTES = 2000
MAX_MEETING_HOURS = 24.0
GENDER_WISHES = ("female", "male", "other")
OPEN = ("waiting", "proposed", "active")
STATUS_ORDER = {code: i for i, code in enumerate(PAIRING_STATUSES)}


# -- what the services return ------------------------------------------------------------------


@dataclass(frozen=True)
class PairingRow:
    """One pairing in lists, on the board and in `dugnad pairings`."""

    id: str
    programme_id: str
    programme: str
    status: str
    volunteer_ids: tuple[str, ...]
    volunteer_names: tuple[str, ...]
    participant_id: str | None
    household_id: str | None
    seeker_name: str
    referred_on: dt.date
    days_waiting: int | None  # since the referral, while waiting or proposed
    start: dt.date | None
    end: dt.date | None
    next_follow_up: dt.date | None  # the earliest open planned follow-up of an active pairing
    overdue: bool  # that follow-up's day has passed


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    due_on: dt.date | None  # None: logged without being planned
    done_on: dt.date | None
    kind: str | None
    staff_id: str | None
    staff_name: str | None
    how: str | None
    note: str | None
    overdue: bool


@dataclass(frozen=True)
class MeetingRow:
    id: str
    met_on: dt.date
    hours: float
    note: str | None


@dataclass(frozen=True)
class PairingDetail:
    """The pairing page: the row, the terms, the follow-up timeline and the meetings."""

    row: PairingRow
    gender_wish: str | None
    proposed_on: dt.date | None
    agreement_date: dt.date | None
    end_reason: str | None
    outcomes: tuple[str, ...]
    notes: str | None
    planned_end: dt.date | None  # start plus the programme's months
    hours_per_month: float
    follow_ups: tuple[FollowUpRow, ...]  # by date: the day it was done, else the day it is due
    meetings: tuple[MeetingRow, ...]  # newest first
    meeting_hours: float


@dataclass(frozen=True)
class OverdueRow:
    """A planned follow-up of an active pairing whose day has passed."""

    follow_up_id: str
    pairing_id: str
    programme: str
    seeker_name: str
    volunteer_ids: tuple[str, ...]
    volunteer_names: tuple[str, ...]
    due_on: dt.date
    days_overdue: int


@dataclass(frozen=True)
class PairingCounts:
    """The home screen card."""

    waiting: int
    proposed: int
    active: int
    overdue: int  # overdue follow-ups
    overdue_pairings: int
    longest_wait_days: int | None


@dataclass(frozen=True)
class FollowUpData:
    """A follow-up as logged: date, how (phone, meeting, message), who, how it goes, a note."""

    done_on: dt.date
    kind: str
    staff_id: str | None = None
    how: str | None = None  # good, some_concern, needs_follow_up; None: not said
    note: str = ""


# -- loading -----------------------------------------------------------------------------------


def _pairing(session: OrmSession, pairing_id: str) -> Pairing:
    found = session.scalars(select(Pairing).where(Pairing.uuid == pairing_id)).first()
    if found is None:
        raise NotFound(_("Fant ingen kobling med ID {id}.").format(id=pairing_id))
    return found


def _volunteer_pks(session: OrmSession, volunteer_ids: Sequence[str]) -> list[int]:
    wanted = list(dict.fromkeys(v.strip() for v in volunteer_ids))
    if not wanted:
        raise ValidationFailed({"volunteers": _("Velg minst én frivillig.")})
    found = dict(
        session.execute(
            select(Person.uuid, Person.id)
            .join(Volunteer, Volunteer.person_id == Person.id)
            .where(Person.uuid.in_(wanted))
        ).all()
    )
    for volunteer_id in wanted:
        if volunteer_id not in found:
            raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    return [found[v] for v in wanted]


def _staff_pk(session: OrmSession, staff_id: str | None) -> int | None:
    if staff_id is None:
        return None
    found = session.scalar(select(Staff.id).where(Staff.uuid == staff_id))
    if found is None:
        raise NotFound(_("Fant ingen ansatt med ID {id}.").format(id=staff_id))
    return found


def _seeker_name(session: OrmSession, pairing: Pairing) -> str:
    if pairing.participant_id is not None:
        return session.scalar(select(Person.name).where(Person.id == pairing.participant_id)) or ""
    return session.scalar(select(Household.name).where(Household.id == pairing.household_id)) or ""


def _not_future(day: dt.date, today: dt.date, field: str) -> None:
    if day > today:
        raise ValidationFailed({field: _("Datoen kan ikke være i fremtiden.")})


def _same_seeker(pairing: Pairing):  # type: ignore[no-untyped-def]
    if pairing.participant_id is not None:
        return Pairing.participant_id == pairing.participant_id
    return Pairing.household_id == pairing.household_id


def _check_volunteers(
    session: OrmSession, pairing: Pairing, person_pks: list[int], on: dt.date, today: dt.date
) -> None:
    """Refuse unless every volunteer passes the hard rules for this pairing on `on`."""
    situation = matching.pairing_situation(session, pairing.id, on)
    problems = matching.volunteer_problems(session, situation, person_pks, on)
    messages = [
        _("{name}: {problems}.").format(name=c.name, problems="; ".join(p))
        for c, p in sorted(problems, key=lambda cp: sort_key(cp[0].sort_name))
        if p
    ]
    if messages:
        raise ValidationFailed({"volunteers": "\n".join(messages)})
    # The same volunteer and the same participant or household, paired twice at once.
    twice = session.execute(
        select(Person.name)
        .select_from(PairingVolunteer)
        .join(Pairing, Pairing.id == PairingVolunteer.pairing_id)
        .join(Person, Person.id == PairingVolunteer.person_id)
        .where(
            PairingVolunteer.person_id.in_(person_pks),
            Pairing.id != pairing.id,
            Pairing.status.in_(("proposed", "active")),
            _same_seeker(pairing),
        )
    ).first()
    if twice is not None:
        raise ValidationFailed(
            {"volunteers": _("{name} har allerede en kobling med {seeker}.").format(
                name=twice[0], seeker=_seeker_name(session, pairing))}
        )  # fmt: skip
    if situation.requirements.needs_certificate:
        for pk in person_pks:
            ensure_need(session, pk, min(on, today))


def _replace_volunteers(session: OrmSession, pairing: Pairing, person_pks: list[int]) -> None:
    current = set(
        session.scalars(
            select(PairingVolunteer.person_id).where(PairingVolunteer.pairing_id == pairing.id)
        )
    )
    for row in session.scalars(
        select(PairingVolunteer).where(
            PairingVolunteer.pairing_id == pairing.id,
            PairingVolunteer.person_id.not_in(person_pks),
        )
    ):
        session.delete(row)
    for pk in person_pks:
        if pk not in current:
            session.add(PairingVolunteer(pairing_id=pairing.id, person_id=pk))


# -- the waiting list and the states -----------------------------------------------------------


def add_to_waiting_list(
    db: Database,
    programme_id: str,
    *,
    participant_id: str | None = None,
    household_id: str | None = None,
    referred_on: dt.date,
    gender_wish: str | None = None,
    notes: str = "",
    today: dt.date | None = None,
) -> str:
    """Put one participant or one household on a programme's waiting list; returns the pairing's
    ID. `programme_id` may also be the programme's name."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if (participant_id is None) == (household_id is None):
        errors["seeker"] = _("Velg enten én deltaker eller én husstand.")
    wish = gender_wish or None
    if wish is not None and wish not in GENDER_WISHES:
        errors["gender_wish"] = _("Ukjent kjønn «{value}».").format(value=wish)
    if referred_on > today:
        errors["referred_on"] = _("Henvisningsdatoen kan ikke være i fremtiden.")
    if len(notes.strip()) > MAX_NOTES:
        errors["notes"] = _("Notatet er for langt (høyst {n} tegn).").format(
            n=format_number(MAX_NOTES)
        )
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        programme = find_programme_in(session, programme_id)
        if not programme.active:
            raise ValidationFailed(
                {"programme": _("Programmet {name} er ikke i bruk.").format(name=programme.name)}
            )
        if participant_id is not None:
            person = session.scalars(
                select(Person)
                .join(Participant, Participant.person_id == Person.id)
                .where(Person.uuid == participant_id)
            ).first()
            if person is None:
                raise NotFound(_("Fant ingen deltaker med ID {id}.").format(id=participant_id))
            seeker = {"participant_id": person.id}
            name, same = person.name, Pairing.participant_id == person.id
        else:
            household = session.scalars(
                select(Household).where(Household.uuid == household_id)
            ).first()
            if household is None:
                raise NotFound(_("Fant ingen husstand med ID {id}.").format(id=household_id))
            if household.kind == "volunteer":
                raise ValidationFailed(
                    {"seeker": _("{name} er en frivillig familie, ikke en familie som venter på "
                                 "en kobling.").format(name=household.name)}
                )  # fmt: skip
            seeker = {"household_id": household.id}
            name, same = household.name, Pairing.household_id == household.id
        existing = session.scalar(
            select(Pairing.status).where(
                same, Pairing.programme_id == programme.id, Pairing.status.in_(OPEN)
            )
        )
        if existing is not None:
            if existing == "waiting":
                message = _("{name} står allerede på ventelisten til {programme}.")
            else:
                message = _("{name} har allerede en kobling i {programme}.")
            raise ValidationFailed({"seeker": message.format(name=name, programme=programme.name)})
        pairing = Pairing(
            programme_id=programme.id, status="waiting", referred_on=referred_on,
            gender_wish=wish, notes=notes.strip() or None, **seeker,
        )  # fmt: skip
        session.add(pairing)
        session.flush()
        return pairing.uuid


def propose(
    db: Database,
    pairing_id: str,
    volunteer_ids: Sequence[str],
    on: dt.date,
    today: dt.date | None = None,
) -> None:
    """Propose one volunteer (or a team) for a waiting pairing, or change a proposal."""
    today = today or dt.date.today()
    _not_future(on, today, "proposed_on")
    with db.write() as session:
        pairing = _pairing(session, pairing_id)
        if pairing.status not in ("waiting", "proposed"):
            raise ValidationFailed(
                {"status": _("Koblingen er {status}; bare en ventende kobling kan foreslås.")
                 .format(status=_(PAIRING_STATUSES[pairing.status]).lower())}
            )  # fmt: skip
        if on < pairing.referred_on:
            raise ValidationFailed(
                {"proposed_on": _("Forslaget kan ikke være før henvisningen ({date}).").format(
                    date=format_date(pairing.referred_on))}
            )  # fmt: skip
        person_pks = _volunteer_pks(session, volunteer_ids)
        _check_volunteers(session, pairing, person_pks, on, today)
        _replace_volunteers(session, pairing, person_pks)
        pairing.status = "proposed"
        pairing.proposed_on = on


def activate(
    db: Database,
    pairing_id: str,
    start: dt.date,
    agreement_date: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """Start a proposed pairing on `start` and plan its follow-ups from the programme."""
    today = today or dt.date.today()
    with db.write() as session:
        pairing = _pairing(session, pairing_id)
        if pairing.status == "waiting":
            raise ValidationFailed({"status": _("Foreslå en frivillig før koblingen starter.")})
        if pairing.status != "proposed":
            raise ValidationFailed(
                {"status": _("Koblingen er allerede {status}.").format(
                    status=_(PAIRING_STATUSES[pairing.status]).lower())}
            )  # fmt: skip
        earliest = pairing.proposed_on or pairing.referred_on
        if start < earliest:
            raise ValidationFailed(
                {"start": _("Koblingen kan ikke starte før den ble foreslått ({date}).").format(
                    date=format_date(earliest))}
            )  # fmt: skip
        if agreement_date is not None and agreement_date < pairing.referred_on:
            raise ValidationFailed(
                {"agreement_date": _("Avtalen kan ikke være før henvisningen ({date}).").format(
                    date=format_date(pairing.referred_on))}
            )  # fmt: skip
        programme = session.get(Programme, pairing.programme_id)
        assert programme is not None
        try:
            plan = from_text(programme.follow_up_plan)
        except ValueError as exc:
            raise ValidationFailed({"programme": str(exc)}) from exc
        person_pks = list(
            session.scalars(
                select(PairingVolunteer.person_id).where(PairingVolunteer.pairing_id == pairing.id)
            )
        )
        if not person_pks:
            raise ValidationFailed({"volunteers": _("Foreslå en frivillig før koblingen starter.")})
        _check_volunteers(session, pairing, person_pks, start, today)
        for due in due_dates(plan, start, add_months(start, programme.months)):
            session.add(FollowUp(pairing_id=pairing.id, due_on=due))
        pairing.status = "active"
        pairing.start_date = start
        pairing.agreement_date = agreement_date


def set_volunteers(
    db: Database,
    pairing_id: str,
    volunteer_ids: Sequence[str],
    on: dt.date | None = None,
    today: dt.date | None = None,
) -> None:
    """Change who is in a proposed or active pairing (a team). Newcomers must pass the hard
    rules on `on` (default today); those who stay are kept as they are."""
    today = today or dt.date.today()
    on = on or today
    with db.write() as session:
        pairing = _pairing(session, pairing_id)
        if pairing.status not in ("proposed", "active"):
            raise ValidationFailed(
                {"status": _("Bare en foreslått eller aktiv kobling kan endre frivillige.")}
            )
        person_pks = _volunteer_pks(session, volunteer_ids)
        current = set(
            session.scalars(
                select(PairingVolunteer.person_id).where(PairingVolunteer.pairing_id == pairing.id)
            )
        )
        newcomers = [pk for pk in person_pks if pk not in current]
        if newcomers:
            _check_volunteers(session, pairing, newcomers, on, today)
        _replace_volunteers(session, pairing, person_pks)


def end_pairing(
    db: Database,
    pairing_id: str,
    on: dt.date,
    reason: str,
    outcomes: Iterable[str] = (),
    today: dt.date | None = None,
) -> None:
    """End a pairing (or take a seeker off the waiting list) with a reason and the outcomes.

    Planned follow-ups after the end that were never done are dropped.
    """
    today = today or dt.date.today()
    wanted = list(dict.fromkeys(outcomes))
    errors: dict[str, str] = {}
    if reason not in PAIRING_END_REASONS:
        errors["reason"] = _("Velg hvorfor koblingen avsluttes.")
    unknown = [o for o in wanted if o not in PAIRING_OUTCOMES]
    if unknown:
        errors["outcomes"] = _("Ukjent resultat: {codes}.").format(codes=", ".join(unknown))
    if on > today:
        errors["end"] = _("Sluttdatoen kan ikke være i fremtiden.")
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        pairing = _pairing(session, pairing_id)
        if pairing.status == "ended":
            raise ValidationFailed({"status": _("Koblingen er allerede avsluttet.")})
        if pairing.start_date is not None and on < pairing.start_date:
            raise ValidationFailed(
                {"end": _("Koblingen kan ikke avsluttes før den startet ({date}).").format(
                    date=format_date(pairing.start_date))}
            )  # fmt: skip
        if on < pairing.referred_on:
            raise ValidationFailed(
                {"end": _("Koblingen kan ikke avsluttes før henvisningen ({date}).").format(
                    date=format_date(pairing.referred_on))}
            )  # fmt: skip
        for follow_up in session.scalars(
            select(FollowUp).where(
                FollowUp.pairing_id == pairing.id,
                FollowUp.done_on.is_(None),
                FollowUp.due_on > on,
            )
        ):
            session.delete(follow_up)
        for outcome in wanted:
            session.add(PairingOutcome(pairing_id=pairing.id, outcome=outcome))
        pairing.status = "ended"
        pairing.end_date = on
        pairing.end_reason = reason


# -- follow-ups and meetings -------------------------------------------------------------------


def _started(pairing: Pairing, day: dt.date, field: str, what: str) -> None:
    if pairing.start_date is None or pairing.status not in ("active", "ended"):
        raise ValidationFailed({field: _("Koblingen har ikke startet ennå.")})
    if day < pairing.start_date:
        raise ValidationFailed({field: what.format(date=format_date(pairing.start_date))})


def planned_follow_up_completed(open_due: Iterable[dt.date], done_on: dt.date) -> dt.date | None:
    """Which open planned follow-up (by its due date) one done on `done_on` completes: the
    earliest due by `done_on` + `EARLY_DAYS`; None makes it an extra, unplanned one."""
    return min((due for due in open_due if due <= done_on + dt.timedelta(days=EARLY_DAYS)),
               default=None)  # fmt: skip


def log_follow_up(
    db: Database, pairing_id: str, data: FollowUpData, today: dt.date | None = None
) -> str:
    """Log a follow-up; returns its ID. It completes the earliest open planned follow-up due by
    `done_on` + `EARLY_DAYS`, or else is recorded as an extra (unplanned) one."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if data.kind not in FOLLOW_UP_KINDS:
        errors["kind"] = _("Velg telefon, møte eller melding.")
    if data.how is not None and data.how not in FOLLOW_UP_HOW:
        errors["how"] = _("Velg hvordan det går: bra, noe bekymring eller trenger oppfølging.")
    if len(data.note.strip()) > MAX_NOTE:
        errors["note"] = _("Notatet er for langt (høyst {n} tegn).").format(n=MAX_NOTE)
    if data.done_on > today:
        errors["done_on"] = _("Datoen kan ikke være i fremtiden.")
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        pairing = _pairing(session, pairing_id)
        _started(pairing, data.done_on, "done_on",
                 _("En oppfølging kan ikke være før koblingen startet ({date})."))  # fmt: skip
        staff = _staff_pk(session, data.staff_id)
        open_planned = {
            f.due_on: f
            for f in session.scalars(
                select(FollowUp).where(
                    FollowUp.pairing_id == pairing.id,
                    FollowUp.done_on.is_(None),
                    FollowUp.due_on.is_not(None),
                )
            )
        }
        due = planned_follow_up_completed(open_planned, data.done_on)
        planned = open_planned[due] if due is not None else None
        follow_up = planned or FollowUp(pairing_id=pairing.id, due_on=None)
        follow_up.done_on = data.done_on
        follow_up.kind = data.kind
        follow_up.staff_id = staff
        follow_up.how = data.how
        follow_up.note = data.note.strip() or None
        session.add(follow_up)
        session.flush()
        return follow_up.uuid


def log_meeting(
    db: Database,
    pairing_id: str,
    met_on: dt.date,
    hours: float,
    note: str = "",
    today: dt.date | None = None,
) -> str:
    """Log a meeting the pair reported; its hours count for each volunteer in the pairing."""
    today = today or dt.date.today()
    errors: dict[str, str] = {}
    if not 0 < hours <= MAX_MEETING_HOURS:
        errors["hours"] = _("Timer må være mellom 0 og 24.")
    if met_on > today:
        errors["met_on"] = _("Datoen kan ikke være i fremtiden.")
    if len(note.strip()) > MAX_NOTE:
        errors["note"] = _("Notatet er for langt (høyst {n} tegn).").format(n=MAX_NOTE)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        pairing = _pairing(session, pairing_id)
        _started(pairing, met_on, "met_on",
                 _("Et møte kan ikke være før koblingen startet ({date})."))  # fmt: skip
        if pairing.end_date is not None and met_on > pairing.end_date:
            raise ValidationFailed(
                {"met_on": _("Et møte kan ikke være etter at koblingen ble avsluttet ({date}).")
                 .format(date=format_date(pairing.end_date))}
            )  # fmt: skip
        meeting = PairingMeeting(pairing_id=pairing.id, met_on=met_on, hours=float(hours),
                                 note=note.strip() or None)  # fmt: skip
        session.add(meeting)
        session.flush()
        return meeting.uuid


def meeting_hours(
    db: Database, volunteer_id: str, start: dt.date | None = None, end: dt.date | None = None
) -> float:
    """A volunteer's hours from pair meetings (all time, or between two dates)."""
    with db.read() as session:
        [pk] = _volunteer_pks(session, [volunteer_id])
        return meeting_hours_by_person(session, [pk], start, end).get(pk, 0.0)


# -- reading -----------------------------------------------------------------------------------


def _rows(session: OrmSession, conditions: list, today: dt.date) -> list[PairingRow]:  # type: ignore[type-arg]
    """Pairings matching `conditions`, in three set-based queries."""
    seeker_person = Person.__table__.alias("seeker")
    base = (
        select(
            Pairing.id, Pairing.uuid, Programme.uuid, Programme.name, Pairing.status,
            seeker_person.c.uuid, seeker_person.c.name, Household.uuid, Household.name,
            Pairing.referred_on, Pairing.start_date, Pairing.end_date,
        )
        .join(Programme, Programme.id == Pairing.programme_id)
        .outerjoin(seeker_person, seeker_person.c.id == Pairing.participant_id)
        .outerjoin(Household, Household.id == Pairing.household_id)
        .where(*conditions)
    )  # fmt: skip
    rows = session.execute(base).all()
    if not rows:
        return []
    chosen = select(Pairing.id).where(*conditions).correlate(None).scalar_subquery()
    volunteers: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for pk, uuid, name, sort_name in session.execute(
        select(PairingVolunteer.pairing_id, Person.uuid, Person.name, Person.sort_name)
        .join(Person, Person.id == PairingVolunteer.person_id)
        .where(PairingVolunteer.pairing_id.in_(chosen))
    ):
        volunteers[pk].append((sort_key(sort_name or name), uuid, name))
    next_due = dict(
        session.execute(
            select(FollowUp.pairing_id, func.min(FollowUp.due_on))
            .join(Pairing, Pairing.id == FollowUp.pairing_id)
            .where(
                Pairing.status == "active",
                FollowUp.done_on.is_(None),
                FollowUp.due_on.is_not(None),
                FollowUp.pairing_id.in_(chosen),
            )
            .group_by(FollowUp.pairing_id)
        ).all()
    )
    result = []
    for (pk, uuid, prog_id, prog, status, p_uuid, p_name, h_uuid, h_name, referred, start,
         end) in rows:  # fmt: skip
        team = sorted(volunteers.get(pk, []))
        due = next_due.get(pk) if status == "active" else None
        result.append(
            PairingRow(
                id=uuid, programme_id=prog_id, programme=prog, status=status,
                volunteer_ids=tuple(v[1] for v in team), volunteer_names=tuple(v[2] for v in team),
                participant_id=p_uuid, household_id=h_uuid, seeker_name=p_name or h_name or "",
                referred_on=referred,
                days_waiting=(today - referred).days if status in ("waiting", "proposed") else None,
                start=start, end=end, next_follow_up=due, overdue=due is not None and due < today,
            )
        )  # fmt: skip
    return result


def _row_order(row: PairingRow) -> tuple[object, ...]:
    return (STATUS_ORDER.get(row.status, 9), row.referred_on, sort_key(row.seeker_name), row.id)


def list_pairings(
    db: Database,
    status: str | None = None,
    programme: str | None = None,
    today: dt.date | None = None,
) -> list[PairingRow]:
    """Pairings by state (waiting, proposed, active, ended), oldest referral first within each.

    `programme` is a programme's name (any case) or UUID.
    """
    today = today or dt.date.today()
    if status is not None and status not in PAIRING_STATUSES:
        raise ValidationFailed({"status": _("Ukjent status «{value}».").format(value=status)})
    with db.read() as session:
        conditions = []
        if status is not None:
            conditions.append(Pairing.status == status)
        if programme is not None:
            conditions.append(Pairing.programme_id == find_programme_in(session, programme).id)
        rows = _rows(session, conditions, today)
    return sorted(rows, key=_row_order)


def waiting_list(
    db: Database, programme: str | None = None, today: dt.date | None = None
) -> list[PairingRow]:
    """Who waits for a pairing, longest waiting first, with days waiting."""
    return list_pairings(db, status="waiting", programme=programme, today=today)


def get_pairing(db: Database, pairing_id: str, today: dt.date | None = None) -> PairingDetail:
    """The pairing page: state, people, terms, follow-up timeline and meetings."""
    today = today or dt.date.today()
    with db.read() as session:
        pairing = _pairing(session, pairing_id)
        [row] = _rows(session, [Pairing.id == pairing.id], today)
        programme = session.get(Programme, pairing.programme_id)
        assert programme is not None
        outcomes = tuple(
            session.scalars(
                select(PairingOutcome.outcome).where(PairingOutcome.pairing_id == pairing.id)
            )
        )
        follow_ups = session.execute(
            select(FollowUp.uuid, FollowUp.due_on, FollowUp.done_on, FollowUp.kind, Staff.uuid,
                   Staff.name, FollowUp.how, FollowUp.note)
            .outerjoin(Staff, Staff.id == FollowUp.staff_id)
            .where(FollowUp.pairing_id == pairing.id)
        ).all()  # fmt: skip
        meetings = session.execute(
            select(PairingMeeting.uuid, PairingMeeting.met_on, PairingMeeting.hours,
                   PairingMeeting.note)
            .where(PairingMeeting.pairing_id == pairing.id)
        ).all()  # fmt: skip
        detail_fields = (pairing.gender_wish, pairing.proposed_on, pairing.agreement_date,
                         pairing.end_reason, pairing.notes)  # fmt: skip
        months, hours_per_month = programme.months, programme.hours_per_month
    active = row.status == "active"
    timeline = sorted(
        (
            FollowUpRow(id=u, due_on=due, done_on=done, kind=kind, staff_id=s_id, staff_name=s_nm,
                        how=how, note=note,
                        overdue=active and done is None and due is not None and due < today)
            for u, due, done, kind, s_id, s_nm, how, note in follow_ups
        ),
        key=lambda f: (f.done_on or f.due_on or dt.date.max, f.id),
    )  # fmt: skip
    meeting_rows = sorted(
        (MeetingRow(u, met_on, float(hours), note) for u, met_on, hours, note in meetings),
        key=lambda m: (m.met_on, m.id),
        reverse=True,
    )
    wish, proposed_on, agreement, end_reason, notes = detail_fields
    return PairingDetail(
        row=row, gender_wish=wish, proposed_on=proposed_on, agreement_date=agreement,
        end_reason=end_reason, outcomes=tuple(sorted(outcomes, key=list(PAIRING_OUTCOMES).index)),
        notes=notes, planned_end=add_months(row.start, months) if row.start else None,
        hours_per_month=hours_per_month, follow_ups=tuple(timeline),
        meetings=tuple(meeting_rows), meeting_hours=sum(m.hours for m in meeting_rows),
    )  # fmt: skip


def overdue_follow_ups(db: Database, today: dt.date | None = None) -> list[OverdueRow]:
    """Planned follow-ups of active pairings whose day has passed, oldest first (one query)."""
    today = today or dt.date.today()
    seeker_person = Person.__table__.alias("seeker")
    helper = Person.__table__.alias("helper")
    query = (
        select(
            FollowUp.uuid, Pairing.uuid, Programme.name, seeker_person.c.name, Household.name,
            FollowUp.due_on, helper.c.uuid, helper.c.name, helper.c.sort_name,
        )
        .join(Pairing, Pairing.id == FollowUp.pairing_id)
        .join(Programme, Programme.id == Pairing.programme_id)
        .outerjoin(seeker_person, seeker_person.c.id == Pairing.participant_id)
        .outerjoin(Household, Household.id == Pairing.household_id)
        .outerjoin(PairingVolunteer, PairingVolunteer.pairing_id == Pairing.id)
        .outerjoin(helper, helper.c.id == PairingVolunteer.person_id)
        .where(
            Pairing.status == "active",
            FollowUp.done_on.is_(None),
            FollowUp.due_on.is_not(None),
            FollowUp.due_on < today,
        )
        .order_by(FollowUp.due_on, FollowUp.id)
    )  # fmt: skip
    with db.read() as session:
        rows = session.execute(query).all()
    found: dict[str, list] = {}  # type: ignore[type-arg]
    team: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for fu_id, pairing, programme, p_name, h_name, due, v_id, v_name, v_sort in rows:
        if fu_id not in found:
            found[fu_id] = [pairing, programme, p_name or h_name or "", due]
        if v_id is not None:
            team[fu_id].append((sort_key(v_sort or v_name), v_id, v_name))
    result = []
    for fu_id, (pairing, programme, seeker, due) in found.items():
        members = sorted(team.get(fu_id, []))
        result.append(
            OverdueRow(
                follow_up_id=fu_id, pairing_id=pairing, programme=programme, seeker_name=seeker,
                volunteer_ids=tuple(m[1] for m in members),
                volunteer_names=tuple(m[2] for m in members),
                due_on=due, days_overdue=(today - due).days,
            )
        )  # fmt: skip
    return result


def pairing_counts(db: Database, today: dt.date | None = None) -> PairingCounts:
    """For the home screen: how many wait, are proposed or active, and the overdue follow-ups."""
    today = today or dt.date.today()
    overdue_filter = and_(
        Pairing.status == "active",
        FollowUp.done_on.is_(None),
        FollowUp.due_on.is_not(None),
        FollowUp.due_on < today,
    )
    with db.read() as session:
        by_status = dict(
            session.execute(select(Pairing.status, func.count()).group_by(Pairing.status)).all()
        )
        oldest = session.scalar(
            select(func.min(Pairing.referred_on)).where(Pairing.status == "waiting")
        )
        overdue, pairings = session.execute(
            select(func.count(), func.count(func.distinct(FollowUp.pairing_id)))
            .select_from(FollowUp)
            .join(Pairing, Pairing.id == FollowUp.pairing_id)
            .where(overdue_filter)
        ).one()
    return PairingCounts(
        waiting=by_status.get("waiting", 0), proposed=by_status.get("proposed", 0),
        active=by_status.get("active", 0), overdue=overdue, overdue_pairings=pairings,
        longest_wait_days=(today - oldest).days if oldest is not None else None,
    )  # fmt: skip


__all__ = [
    "EARLY_DAYS",
    "planned_follow_up_completed",
    "FollowUpData",
    "FollowUpRow",
    "MeetingRow",
    "OverdueRow",
    "PairingCounts",
    "PairingDetail",
    "PairingRow",
    "activate",
    "add_to_waiting_list",
    "end_pairing",
    "get_pairing",
    "list_pairings",
    "log_follow_up",
    "log_meeting",
    "meeting_hours",
    "meeting_hours_by_person",
    "overdue_follow_ups",
    "pairing_counts",
    "propose",
    "set_volunteers",
    "waiting_list",
]
