"""What the two printouts about people hold: the pairing agreement and the volunteer's attest.

`pairing_agreement` gathers the agreement a volunteer (or a team) and a participant or household
sign when a pairing starts: the programme's terms (expected contact, length, follow-up plan), the
people and the centre. Minimum data: adults by name, children only as a birth year ("barn
(f. 2016)"), no contact details, no notes, no wish about gender.

`volunteer_attest` gathers the attest for a job application: the volunteer's period, tasks and
roles (team memberships, programmes and pairings, never naming the family or person paired with),
and hours from the same rules as `app.services.hours.volunteer_hours` (session attendance, logged
hours, pair meetings), in total, per year and per task. Nothing sensitive: no police certificate,
no notes, no contact details.

Both refuse with a plain message (`DugnadError`, exit 2 on the command line) when the document
cannot be made: a pairing still waiting for a volunteer has nobody to sign, and an attest needs the
manager's name to be signed. Plain frozen dataclasses out; the renderers in `app/reports` take them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database
from app.errors import DugnadError
from app.i18n import _
from app.models import (
    Activity,
    Household,
    HouseholdMember,
    Pairing,
    PairingMeeting,
    PairingVolunteer,
    Participant,
    Person,
    Programme,
    ProgrammeVolunteer,
    Session,
    TeamMember,
    VolunteerAttendance,
    VolunteerHours,
)
from app.services.centre_info import get_centre
from app.services.codes import HOURS_CATEGORIES, label
from app.services.hours import volunteer_hours
from app.services.pairings import get_pairing
from app.services.participant_register import is_child
from app.services.programmes import get_programme
from app.services.teams import load_volunteer
from app.services.text import sort_key

# -- the centre, as both printouts show it -------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The centre as a printout names it; `manager_name` signs the attest."""

    name: str
    address: str
    postcode_place: str
    orgnr: str
    manager_name: str
    logo: bytes | None = None


def letterhead(db: Database) -> Letterhead:
    centre = get_centre(db)
    return Letterhead(
        name=centre.name.strip(),
        address=centre.address.strip(),
        postcode_place=f"{centre.postcode.strip()} {centre.place.strip()}".strip(),
        orgnr=centre.orgnr.strip(),
        manager_name=centre.manager_name.strip(),
        logo=centre.logo,
    )


# -- the pairing agreement -----------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A member of the household as the agreement shows them: an adult by name, a child by year.

    `name` is empty for a child (children are never named on the agreement) and for an adult
    registered without a name; `birth_year` is shown for children only.
    """

    name: str
    is_child: bool
    birth_year: int | None


@dataclass(frozen=True)
class PairingAgreement:
    """Everything the agreement prints. `seeker_kind` is "participant" or "household"."""

    centre: Letterhead
    programme: str
    status: str  # proposed, active or ended (a waiting pairing has no agreement)
    volunteers: tuple[str, ...]
    seeker_kind: str
    seeker_name: str  # the participant's name, or the household's ("Familien Hassan")
    seeker_is_child: bool  # a participant under 18: a guardian signs with them
    members: tuple[Member, ...]  # the household's members (empty for a participant)
    contact_name: str | None  # the household's contact person, who signs for it
    start: dt.date | None  # None while proposed: written by hand at the start meeting
    planned_end: dt.date | None
    end: dt.date | None  # an ended pairing
    months: int
    hours_per_month: float
    follow_up_plan: str  # "Etter 2 uker, 1 måned, deretter hver 2. måned"
    has_follow_ups: bool  # the plan has at least one follow-up
    printed_on: dt.date


def pairing_agreement(
    db: Database, pairing_id: str, today: dt.date | None = None
) -> PairingAgreement:
    """The agreement of a proposed, active or ended pairing; NotFound for an unknown ID.

    A waiting pairing has no volunteer yet, so there is nobody to sign: refused with a message.
    """
    today = today or dt.date.today()
    pairing_id = pairing_id.strip()
    detail = get_pairing(db, pairing_id, today=today)
    row = detail.row
    if row.status == "waiting" or not row.volunteer_names:
        raise DugnadError(
            _("{seeker} venter fortsatt på en frivillig. Avtalen kan skrives ut når en frivillig "
              "er foreslått.").format(seeker=row.seeker_name)
        )  # fmt: skip
    programme = get_programme(db, row.programme_id)
    members: list[Member] = []
    contact_name: str | None = None
    seeker_is_child = False
    with db.read() as session:
        household_pk, participant_pk = session.execute(
            select(Pairing.household_id, Pairing.participant_id).where(Pairing.uuid == row.id)
        ).one()
        if household_pk is not None:
            members, contact_name = _household_members(session, household_pk, today)
        else:
            found = session.execute(
                select(Person.birth_year, Participant.age_band)
                .outerjoin(Participant, Participant.person_id == Person.id)
                .where(Person.id == participant_pk)
            ).first()
            if found is not None:
                seeker_is_child = is_child(found[0], found[1], today)
    return PairingAgreement(
        centre=letterhead(db),
        programme=row.programme,
        status=row.status,
        volunteers=row.volunteer_names,
        seeker_kind="household" if row.household_id is not None else "participant",
        seeker_name=row.seeker_name,
        seeker_is_child=seeker_is_child,
        members=tuple(members),
        contact_name=contact_name,
        start=row.start,
        planned_end=detail.planned_end,
        end=row.end,
        months=programme.months,
        hours_per_month=detail.hours_per_month,
        follow_up_plan=programme.plan_description,
        has_follow_ups=bool(programme.follow_up_plan.strip()),
        printed_on=today,
    )


def _household_members(
    session: OrmSession, household_pk: int, today: dt.date
) -> tuple[list[Member], str | None]:
    """Adults first (the contact person first of them), then children, each oldest first."""
    household = session.get(Household, household_pk)
    contact_pk = household.contact_person_id if household is not None else None
    rows = session.execute(
        select(HouseholdMember.first_name, HouseholdMember.birth_year, Person.id, Person.name,
               Person.birth_year, Participant.age_band)
        .outerjoin(Person, Person.id == HouseholdMember.person_id)
        .outerjoin(Participant, Participant.person_id == HouseholdMember.person_id)
        .where(HouseholdMember.household_id == household_pk)
        .order_by(HouseholdMember.id)
    ).all()  # fmt: skip
    contact_name = None
    ordered: list[tuple[tuple[bool, bool, int], Member]] = []
    for first_name, member_year, person_pk, person_name, person_year, band in rows:
        registered = person_pk is not None
        year = person_year if registered else member_year
        child = is_child(year, band, today)
        is_contact = registered and person_pk == contact_pk
        if is_contact:
            contact_name = person_name
        # A child is never named: "barn (født 2016)" is all the agreement says.
        name = "" if child else ((person_name if registered else first_name) or "")
        ordered.append(((child, not is_contact, year or 9999), Member(name, child, year)))
    ordered.sort(key=lambda entry: entry[0])
    return [member for _order, member in ordered], contact_name


# -- the attest ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttestRole:
    """A task the volunteer held: an activity's team, a programme, a pairing in a programme."""

    task: str  # the activity's or programme's name
    role: str  # "Vert", "Fast kontakt for en familie", "Frivillig i programmet"
    start: dt.date
    end: dt.date | None  # None: still going


@dataclass(frozen=True)
class HoursLine:
    what: str  # an activity, a programme (pair meetings), or a kind of logged hours
    hours: float


@dataclass(frozen=True)
class VolunteerAttest:
    centre: Letterhead
    volunteer_name: str
    start: dt.date  # when they started (or their first recorded task)
    end: dt.date  # the day they ended, or the day the attest is printed
    ongoing: bool  # still a volunteer (active or paused)
    roles: tuple[AttestRole, ...]  # by start date
    total_hours: float
    hours_by_year: tuple[tuple[int, float], ...]  # years with hours, oldest first
    hours_by_task: tuple[HoursLine, ...]  # most hours first
    printed_on: dt.date


def volunteer_attest(
    db: Database, volunteer_id: str, today: dt.date | None = None
) -> VolunteerAttest:
    """The attest of a volunteer (active, paused or ended); NotFound for an unknown ID.

    Refused with a message when the centre's settings lack the manager's name: the manager
    signs the attest.
    """
    today = today or dt.date.today()
    volunteer_id = volunteer_id.strip()
    centre = letterhead(db)
    with db.read() as session:
        person = load_volunteer(session, volunteer_id)
        volunteer = person.volunteer
        assert volunteer is not None
        pk, name = person.id, person.name
        status, status_date = volunteer.status, volunteer.status_date
        start = volunteer.start_date
        roles = _roles(session, pk)
        by_task, by_year = _hours_breakdown(session, pk)
        total = volunteer_hours(session, [pk], None, None).get(pk, 0.0)
    if not centre.manager_name:
        raise DugnadError(
            _("Sentralen mangler navnet på daglig leder, som signerer attesten. Fyll det inn "
              "under Innstillinger.")
        )  # fmt: skip
    ended = status == "ended"
    end = status_date if ended and status_date is not None else today
    if ended:  # a task left open when they ended, ended with them
        roles = [r if r.end is not None and r.end <= end else dataclasses.replace(r, end=end)
                 for r in roles if r.start <= end]  # fmt: skip
    if start is None:  # registered without a start date: the first recorded task
        start = min((r.start for r in roles), default=end)
    return VolunteerAttest(
        centre=centre,
        volunteer_name=name,
        start=start,
        end=max(end, start),
        ongoing=not ended,
        roles=tuple(roles),
        total_hours=total,
        hours_by_year=tuple(sorted(by_year.items())),
        hours_by_task=tuple(
            HoursLine(what, hours)
            for what, hours in sorted(by_task.items(), key=lambda wh: (-wh[1], sort_key(wh[0])))
        ),
        printed_on=today,
    )


def _roles(session: OrmSession, pk: int) -> list[AttestRole]:
    roles: list[AttestRole] = []
    for activity, role, start, end in session.execute(
        select(Activity.name, TeamMember.role, TeamMember.from_date, TeamMember.to_date)
        .select_from(TeamMember)
        .join(Activity, Activity.id == TeamMember.activity_id)
        .where(TeamMember.person_id == pk)
    ):
        shown = " ".join((role or "").split())
        shown = (shown[:1].upper() + shown[1:]) or _("Frivillig")
        roles.append(AttestRole(activity, shown, start, end))
    paired_in: set[str] = set()
    for programme, household, start, end in session.execute(
        select(Programme.name, Pairing.household_id, Pairing.start_date, Pairing.end_date)
        .select_from(PairingVolunteer)
        .join(Pairing, Pairing.id == PairingVolunteer.pairing_id)
        .join(Programme, Programme.id == Pairing.programme_id)
        .where(PairingVolunteer.person_id == pk, Pairing.start_date.is_not(None))
    ):
        # Never who: a job application must not name a refugee family.
        role = _("Fast kontakt for en familie") if household is not None else _(
            "Fast kontakt for én person")  # fmt: skip
        roles.append(AttestRole(programme, role, start, end))
        paired_in.add(programme)
    for programme, start, end in session.execute(
        select(Programme.name, ProgrammeVolunteer.from_date, ProgrammeVolunteer.to_date)
        .select_from(ProgrammeVolunteer)
        .join(Programme, Programme.id == ProgrammeVolunteer.programme_id)
        .where(ProgrammeVolunteer.person_id == pk)
    ):
        if programme not in paired_in:
            roles.append(AttestRole(programme, _("Frivillig i programmet"), start, end))
    return sorted(roles, key=lambda r: (r.start, sort_key(r.task), sort_key(r.role)))


def _hours_breakdown(session: OrmSession, pk: int) -> tuple[dict[str, float], dict[int, float]]:
    """Hours per task and per year, by the rules of `volunteer_hours` (their sum is its total)."""
    by_task: dict[str, float] = defaultdict(float)
    by_year: dict[int, float] = defaultdict(float)

    def add(what: str, day: dt.date, hours: float | None) -> None:
        by_task[what] += float(hours or 0)
        by_year[day.year] += float(hours or 0)

    for activity, day, hours in session.execute(
        select(Activity.name, Session.date, VolunteerAttendance.hours)
        .select_from(VolunteerAttendance)
        .join(Session, Session.id == VolunteerAttendance.session_id)
        .join(Activity, Activity.id == Session.activity_id)
        .where(VolunteerAttendance.person_id == pk, Session.cancelled.is_(False))
    ):
        add(activity, day, hours)
    for activity, category, day, hours in session.execute(
        select(Activity.name, VolunteerHours.category, VolunteerHours.date, VolunteerHours.hours)
        .select_from(VolunteerHours)
        .outerjoin(Activity, Activity.id == VolunteerHours.activity_id)
        .where(VolunteerHours.person_id == pk)
    ):
        if activity is None and category == "other":
            activity = _("Annet frivillig arbeid")
        add(activity or label(HOURS_CATEGORIES, category), day, hours)
    for programme, day, hours in session.execute(
        select(Programme.name, PairingMeeting.met_on, PairingMeeting.hours)
        .select_from(PairingMeeting)
        .join(Pairing, Pairing.id == PairingMeeting.pairing_id)
        .join(PairingVolunteer, PairingVolunteer.pairing_id == Pairing.id)
        .join(Programme, Programme.id == Pairing.programme_id)
        .where(PairingVolunteer.person_id == pk)
    ):
        add(programme, day, hours)
    keep = {k: v for k, v in by_task.items() if v > 0}
    return keep, {y: v for y, v in by_year.items() if v > 0}


__all__ = [
    "AttestRole",
    "HoursLine",
    "Letterhead",
    "Member",
    "PairingAgreement",
    "VolunteerAttest",
    "letterhead",
    "pairing_agreement",
    "volunteer_attest",
]
