"""Households: a participant family waiting for a pairing, or a volunteer family offering one.

A household has members (registered people, or only a first name and a birth year for a child
who is not registered), a contact person among them, and an area (postcode, district) so pairs
can be kept close. The rules, each refused with a plain message:

* a person belongs to at most one household; adding them to a second names the first;
* the contact person must be a registered member of the household;
* a participant household's registered members must be participants;
* a volunteer family (`kind` volunteer) has at least one member who is a volunteer;
* a member who is not registered needs a first name or a birth year, and birth years are sane.

The ID seen outside is the household's UUID; a member has a UUID of its own, and a registered
member is named by the person's UUID (`person_id`). Each public function is one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.models import Household, HouseholdMember, Pairing, Participant, Person, Volunteer
from app.services import validation
from app.services.age_bands import age_at
from app.services.codes import GENDERS, HOUSEHOLD_KINDS
from app.services.participant_register import is_child
from app.services.text import sort_key

MAX_FIRST_NAME_LENGTH = 100
MAX_DISTRICT_LENGTH = 100
# Pairings that still involve the household: it cannot be deleted under them.
ONGOING_PAIRING_STATUSES = ("proposed", "active")


@dataclass(frozen=True)
class HouseholdData:
    """What the household form gives, unvalidated. `contact_person_id` is a person's UUID."""

    name: str
    kind: str = "participant"  # participant, volunteer
    postcode: str = ""
    district: str = ""
    notes: str = ""
    contact_person_id: str | None = None


@dataclass(frozen=True)
class MemberData:
    """A member: a registered person (`person_id`), or a first name and/or a birth year.

    For a registered person the name, birth year and gender are the person's own; the other
    fields are used only for members who are not registered.
    """

    person_id: str | None = None
    first_name: str = ""
    birth_year: int | None = None
    gender: str = "unknown"


@dataclass(frozen=True)
class MemberDetail:
    id: str
    person_id: str | None
    name: str  # the person's name, or the first name given, or ""
    birth_year: int | None
    age: int | None
    gender: str
    is_child: bool
    is_participant: bool
    is_volunteer: bool


@dataclass(frozen=True)
class HouseholdDetail:
    """Everything the household page shows."""

    id: str
    data: HouseholdData
    contact_name: str | None
    members: tuple[MemberDetail, ...]
    children: int  # members under 18 (by birth year, or by age band when no year is known)
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class HouseholdRow:
    """One line of the household list."""

    id: str
    name: str
    kind: str
    contact_name: str | None
    members: int
    children_ages: tuple[int, ...]  # ages of the children whose birth year is known, youngest first
    district: str | None
    postcode: str | None


@dataclass(frozen=True)
class _PersonInfo:
    id: int
    uuid: str
    name: str
    is_participant: bool
    is_volunteer: bool
    household_id: int | None
    household_name: str | None


# -- validation -------------------------------------------------------------------------------


def validate_household(data: HouseholdData) -> dict[str, str]:
    """Problems with the household's own fields, keyed by field name."""
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("Skriv et navn på husstanden, for eksempel «Familien Haddad».")
    elif message := validation.check_name(data.name):
        errors["name"] = message
    if data.kind not in HOUSEHOLD_KINDS:
        errors["kind"] = _("Ukjent type husstand «{value}».").format(value=data.kind)
    if message := validation.check_postcode(data.postcode):
        errors["postcode"] = message
    if len(data.district.strip()) > MAX_DISTRICT_LENGTH:
        errors["district"] = _("Bydelen er for lang (høyst {n} tegn).").format(
            n=MAX_DISTRICT_LENGTH
        )
    return errors


def validate_member(member: MemberData, today: dt.date) -> str | None:
    """The problem with one member's own fields, or None."""
    if member.gender not in GENDERS:
        return _("Ukjent kjønn «{value}».").format(value=member.gender)
    if member.person_id is not None:
        return None
    if not member.first_name.strip() and member.birth_year is None:
        return _("Skriv fornavn eller fødselsår for hvert medlem som ikke er registrert.")
    if len(member.first_name.strip()) > MAX_FIRST_NAME_LENGTH:
        return _("Fornavnet er for langt (høyst {n} tegn).").format(n=MAX_FIRST_NAME_LENGTH)
    return validation.check_birth_year(member.birth_year, today)


def validate_members(members: list[MemberData], today: dt.date) -> dict[str, str]:
    """Problems with the members' own fields (one message per problem, under `members`)."""
    problems = [m for m in (validate_member(member, today) for member in members) if m]
    person_ids = [m.person_id for m in members if m.person_id is not None]
    if len(person_ids) != len(set(person_ids)):
        problems.append(_("Samme person er ført opp mer enn én gang."))
    return {"members": "\n".join(dict.fromkeys(problems))} if problems else {}


# -- rules that need the database ---------------------------------------------------------------


def _people(session: Session, person_ids: list[str]) -> dict[str, _PersonInfo]:
    """The registered people named by UUID; an unknown UUID is refused."""
    if not person_ids:
        return {}
    rows = session.execute(
        select(
            Person.id,
            Person.uuid,
            Person.name,
            Participant.id,
            Volunteer.id,
            Household.id,
            Household.name,
        )
        .outerjoin(Participant, Participant.person_id == Person.id)
        .outerjoin(Volunteer, Volunteer.person_id == Person.id)
        .outerjoin(HouseholdMember, HouseholdMember.person_id == Person.id)
        .outerjoin(Household, Household.id == HouseholdMember.household_id)
        .where(Person.uuid.in_(person_ids))
    ).all()
    found = {
        uuid: _PersonInfo(pid, uuid, name, part is not None, vol is not None, hid, hname)
        for pid, uuid, name, part, vol, hid, hname in rows
    }
    for person_id in person_ids:
        if person_id not in found:
            raise NotFound(_("Fant ingen person med ID {id}.").format(id=person_id))
    return found


def _membership_problems(
    people: list[_PersonInfo], kind: str, household_id: int | None
) -> list[str]:
    """Each named person may join a household of `kind` (`household_id`: the one they join)."""
    problems = []
    for person in people:
        if person.household_id is not None and person.household_id != household_id:
            problems.append(
                _("{name} er allerede med i husstanden «{household}».").format(
                    name=person.name, household=person.household_name
                )
            )
        elif person.household_id is not None:
            problems.append(
                _("{name} er allerede med i denne husstanden.").format(name=person.name)
            )
        if kind == "participant" and not person.is_participant:
            problems.append(
                _(
                    "{name} er ikke registrert som deltaker, og kan ikke være med i en "
                    "deltakerfamilie."
                ).format(name=person.name)
            )
    return problems


def _volunteer_family_message() -> str:
    return _("En frivillig familie må ha minst én registrert frivillig som medlem.")


def _contact_message() -> str:
    return _("Kontaktpersonen må være et registrert medlem av husstanden.")


def _kind_problems(kind: str, people: list[_PersonInfo]) -> dict[str, str]:
    """The rules that depend on the kind of household and its registered members."""
    if kind == "volunteer" and not any(p.is_volunteer for p in people):
        return {"members": _volunteer_family_message()}
    if kind == "participant":
        outsiders = [p.name for p in people if not p.is_participant]
        if outsiders:
            return {
                "members": _(
                    "Disse er ikke registrert som deltakere, og kan ikke være med i en "
                    "deltakerfamilie: {names}."
                ).format(names=", ".join(outsiders))
            }
    return {}


def _load(session: Session, household_id: str) -> Household:
    household = session.scalars(
        select(Household).where(Household.uuid == household_id)
    ).one_or_none()
    if household is None:
        raise NotFound(_("Fant ingen husstand med ID {id}.").format(id=household_id))
    return household


def _member_people(session: Session, household: Household) -> list[_PersonInfo]:
    uuids = session.scalars(
        select(Person.uuid)
        .join(HouseholdMember, HouseholdMember.person_id == Person.id)
        .where(HouseholdMember.household_id == household.id)
    ).all()
    return list(_people(session, list(uuids)).values())


def _apply(household: Household, data: HouseholdData) -> None:
    household.name = " ".join(data.name.split())
    household.kind = data.kind
    household.postcode = data.postcode.strip() or None
    household.district = " ".join(data.district.split()) or None
    household.notes = data.notes.strip() or None


def _new_member(
    household_id: int, member: MemberData, people: dict[str, _PersonInfo]
) -> HouseholdMember:
    if member.person_id is not None:
        return HouseholdMember(
            household_id=household_id, person_id=people[member.person_id].id, gender="unknown"
        )
    return HouseholdMember(
        household_id=household_id,
        first_name=" ".join(member.first_name.split()) or None,
        birth_year=member.birth_year,
        gender=member.gender,
    )


# -- writing ----------------------------------------------------------------------------------


def create_household(
    db: Database, data: HouseholdData, members: list[MemberData], today: dt.date | None = None
) -> str:
    """Register a household with its members; return its UUID."""
    today = today or dt.date.today()
    errors = validate_household(data) | validate_members(members, today)
    if data.contact_person_id is not None and data.contact_person_id not in {
        m.person_id for m in members
    }:
        errors["contact_person_id"] = _contact_message()
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        people = _people(session, [m.person_id for m in members if m.person_id is not None])
        named = list(people.values())
        problems = _membership_problems(named, data.kind, None)
        if problems:
            raise ValidationFailed({"members": "\n".join(problems)})
        if kind_errors := _kind_problems(data.kind, named):
            raise ValidationFailed(kind_errors)
        household = Household()
        _apply(household, data)
        if data.contact_person_id is not None:
            household.contact_person_id = people[data.contact_person_id].id
        session.add(household)
        session.flush()
        session.add_all(_new_member(household.id, m, people) for m in members)
        session.flush()
        return household.uuid


def update_household(db: Database, household_id: str, data: HouseholdData) -> None:
    """Save the household's own fields (members change with `add_member`/`remove_member`)."""
    errors = validate_household(data)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        household = _load(session, household_id)
        people = _member_people(session, household)
        if kind_errors := _kind_problems(data.kind, people):
            raise ValidationFailed(kind_errors)
        contact_id = None
        if data.contact_person_id is not None:
            contact = next((p for p in people if p.uuid == data.contact_person_id), None)
            if contact is None:
                raise ValidationFailed({"contact_person_id": _contact_message()})
            contact_id = contact.id
        _apply(household, data)
        household.contact_person_id = contact_id


def add_member(
    db: Database, household_id: str, member: MemberData, today: dt.date | None = None
) -> str:
    """Add one member; return the member's UUID."""
    if message := validate_member(member, today or dt.date.today()):
        raise ValidationFailed({"members": message})
    with db.write() as session:
        household = _load(session, household_id)
        people = _people(session, [member.person_id] if member.person_id else [])
        problems = _membership_problems(list(people.values()), household.kind, household.id)
        if problems:
            raise ValidationFailed({"members": "\n".join(problems)})
        row = _new_member(household.id, member, people)
        session.add(row)
        session.flush()
        return row.uuid


def remove_member(db: Database, member_id: str) -> None:
    """Remove one member (by the member's UUID). The contact person stops being the contact."""
    with db.write() as session:
        member = session.scalars(
            select(HouseholdMember).where(HouseholdMember.uuid == member_id)
        ).one_or_none()
        if member is None:
            raise NotFound(_("Fant ingen husstandsmedlem med ID {id}.").format(id=member_id))
        household = session.get_one(Household, member.household_id)
        if household.kind == "volunteer" and member.person_id is not None:
            others = [p for p in _member_people(session, household) if p.id != member.person_id]
            if not any(p.is_volunteer for p in others):
                raise ValidationFailed({"members": _volunteer_family_message()})
        if member.person_id is not None and household.contact_person_id == member.person_id:
            household.contact_person_id = None
        session.delete(member)


def delete_household(db: Database, household_id: str) -> None:
    """Delete a household and its member rows (the people stay). Tombstones are written.

    Refused while the household is in a proposed or active pairing; its waiting and ended
    pairings go with it.
    """
    with db.write() as session:
        household = _load(session, household_id)
        ongoing = session.scalar(
            select(Pairing.id)
            .where(Pairing.household_id == household.id)
            .where(Pairing.status.in_(ONGOING_PAIRING_STATUSES))
            .limit(1)
        )
        if ongoing is not None:
            raise ValidationFailed(
                {
                    "household": _(
                        "Husstanden er med i en pågående kobling. Avslutt koblingen før du "
                        "sletter husstanden."
                    )
                }
            )
        for member in session.scalars(
            select(HouseholdMember).where(HouseholdMember.household_id == household.id)
        ):
            session.delete(member)
        for pairing in session.scalars(select(Pairing).where(Pairing.household_id == household.id)):
            session.delete(pairing)
        session.flush()
        session.delete(household)


# -- reading ----------------------------------------------------------------------------------


def get_household(db: Database, household_id: str, today: dt.date | None = None) -> HouseholdDetail:
    """One household with its members (registered first, then the others), oldest first."""
    today = today or dt.date.today()
    with db.read() as session:
        household = _load(session, household_id)
        rows = session.execute(
            select(HouseholdMember, Person, Participant.id, Participant.age_band, Volunteer.id)
            .outerjoin(Person, Person.id == HouseholdMember.person_id)
            .outerjoin(Participant, Participant.person_id == HouseholdMember.person_id)
            .outerjoin(Volunteer, Volunteer.person_id == HouseholdMember.person_id)
            .where(HouseholdMember.household_id == household.id)
            .order_by(HouseholdMember.id)
        ).all()
        members = []
        contact_uuid = contact_name = None
        for member, person, participant, band, volunteer in rows:
            birth_year = person.birth_year if person else member.birth_year
            members.append(
                MemberDetail(
                    id=member.uuid,
                    person_id=person.uuid if person else None,
                    name=person.name if person else member.first_name or "",
                    birth_year=birth_year,
                    age=age_at(birth_year, today),
                    gender=person.gender if person else member.gender,
                    is_child=is_child(birth_year, band, today),
                    is_participant=participant is not None,
                    is_volunteer=volunteer is not None,
                )
            )
            if person is not None and person.id == household.contact_person_id:
                contact_uuid, contact_name = person.uuid, person.name
        members.sort(key=lambda m: (m.birth_year is None, m.birth_year or 0))
        data = HouseholdData(
            name=household.name,
            kind=household.kind,
            postcode=household.postcode or "",
            district=household.district or "",
            notes=household.notes or "",
            contact_person_id=contact_uuid,
        )
        return HouseholdDetail(
            id=household.uuid,
            data=data,
            contact_name=contact_name,
            members=tuple(members),
            children=sum(m.is_child for m in members),
            created_at=household.created_at,
            updated_at=household.updated_at,
        )


def list_households(
    db: Database, kind: str | None = None, today: dt.date | None = None
) -> list[HouseholdRow]:
    """Households sorted by name, optionally only one `kind`, read with plain portable SQL."""
    today = today or dt.date.today()
    sql = (
        "SELECT h.id, h.uuid, h.name, h.kind, c.name, h.district, h.postcode"
        " FROM households h LEFT JOIN people c ON c.id = h.contact_person_id"
    )
    params: list[object] = []
    if kind:
        sql += " WHERE h.kind = ?"
        params.append(kind)
    member_sql = (
        "SELECT hm.household_id, COALESCE(p.birth_year, hm.birth_year), pa.age_band"
        " FROM household_members hm LEFT JOIN people p ON p.id = hm.person_id"
        " LEFT JOIN participants pa ON pa.person_id = hm.person_id"
    )
    with db.plain_read() as read:
        households = read(sql, params)
        member_rows = read(member_sql)
    counts: dict[int, int] = defaultdict(int)
    ages: dict[int, list[int]] = defaultdict(list)
    for household, birth_year, band in member_rows:
        counts[household] += 1
        age = age_at(birth_year, today)
        if age is not None and is_child(birth_year, band, today) and age >= 0:
            ages[household].append(age)
    rows = [
        HouseholdRow(
            id=uuid,
            name=name,
            kind=kind_code,
            contact_name=contact,
            members=counts.get(pk, 0),
            children_ages=tuple(sorted(ages.get(pk, ()))),
            district=district,
            postcode=postcode,
        )
        for pk, uuid, name, kind_code, contact, district, postcode in households
    ]
    return sorted(rows, key=lambda r: (sort_key(r.name), r.id))


def household_of(db: Database, person_id: str) -> str | None:
    """The UUID of the household the person (by UUID) belongs to, or None."""
    with db.plain_read() as read:
        rows = read(
            "SELECT h.uuid FROM households h"
            " JOIN household_members hm ON hm.household_id = h.id"
            " JOIN people p ON p.id = hm.person_id WHERE p.uuid = ?",
            [person_id],
        )
    return rows[0][0] if rows else None
