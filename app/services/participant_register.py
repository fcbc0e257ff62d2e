"""The participant register: the minimum about each participant, kept only with consent.

A participant is a `Person` with a `Participant` role; the ID seen outside is the person's UUID,
so a participant who becomes a volunteer (`make_volunteer`) keeps it and is never registered
twice. What is kept is the minimum DOMAIN.md allows: name, birth year or age band, gender,
languages, interests (the same tag vocabulary as volunteers' interests), optional phone, arrival
year, the SSB's coarse background, who referred them, postcode and district. There is no field
for a national identity number, residence status or country of birth, by design.

Nobody is saved by name before consent is recorded (`create_participant_full` goes through
`participants.create_participant_in`); for a child under 18 (by birth year or by age band) the
consent must come from a parent or guardian, or a verge for an unaccompanied minor.

The list (`list_participants`) is plain, portable SQL through `Database.plain_read()`, like the
volunteer list, so a window opening on it does not wait for SQLAlchemy; that is why the functions
that write import the ORM inside their bodies rather than at the top of this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.services import validation
from app.services.age_bands import age_at, age_band
from app.services.codes import (
    AGE_BANDS,
    BACKGROUNDS,
    CHILD_CONSENT_GIVERS,
    GENDERS,
    REFERRERS,
)
from app.services.languages import is_known
from app.services.text import like_patterns, matches, search_terms
from app.services.volunteer_list import (
    INTEREST,
    SKILL,
    languages_by_person,
    tags_by_person,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.models import Participant, Person
    from app.services.participants import ConsentInput

ADULT_AGE = 18
OLDEST_ARRIVAL_YEAR = 1950
MAX_DISTRICT_LENGTH = 100
MAX_TAG_LENGTH = 100
# Age bands of children: consent for them must come from a parent, guardian or verge.
CHILD_AGE_BANDS = frozenset({"0-5", "6-12", "13-17"})


@dataclass(frozen=True)
class ParticipantData:
    """What the participant form (or an importer) gives, unvalidated. Minimum data only."""

    name: str
    birth_year: int | None = None
    age_band: str | None = None  # a code of AGE_BANDS, used when the birth year is not given
    gender: str = "unknown"
    phone: str = ""
    languages: Sequence[str] = ()  # ISO 639 codes, in the order given
    interests: Sequence[str] = ()  # tag names, the same vocabulary as volunteers' interests
    arrival_year: int | None = None  # in the municipality
    background: str | None = None  # a code of BACKGROUNDS
    referred_by: str | None = None  # a code of REFERRERS
    postcode: str = ""
    district: str = ""  # bydel


@dataclass(frozen=True)
class ConsentSummary:
    """The participant's registration consent, as the page shows it."""

    given_on: dt.date
    method: str  # oral, written
    given_by: str  # self, guardian, verge
    staff_name: str | None
    withdrawn_on: dt.date | None


@dataclass(frozen=True)
class ParticipantDetail:
    """Everything the participant page and form show."""

    id: str
    data: ParticipantData
    phone_e164: str | None
    registered_on: dt.date
    consent: ConsentSummary | None
    household_id: str | None
    household_name: str | None
    is_volunteer: bool
    became_volunteer_on: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class ParticipantListRow:
    """One line of the participant list."""

    id: str
    name: str
    sort_key: str
    birth_year: int | None
    age_band: str
    gender: str
    languages: tuple[str, ...]
    interests: tuple[str, ...]
    household_id: str | None
    household_name: str | None
    district: str | None
    postcode: str | None
    is_volunteer: bool
    search_text: str


# -- validation -------------------------------------------------------------------------------


def _blank(value: str | None) -> str | None:
    """An optional code: empty text means not given."""
    return value.strip() if value and value.strip() else None


def is_child(birth_year: int | None, band: str | None, today: dt.date) -> bool:
    """Under 18 by birth year, or, without one, by age band."""
    age = age_at(birth_year, today)
    if age is not None:
        return age < ADULT_AGE
    return _blank(band) in CHILD_AGE_BANDS


def validate_participant_data(data: ParticipantData, today: dt.date) -> dict[str, str]:
    """Every problem with `data`, keyed by field name; empty when it may be saved."""
    checks = {
        "name": validation.check_name(data.name),
        "birth_year": validation.check_birth_year(data.birth_year, today),
        "phone": validation.check_phone(data.phone),
        "postcode": validation.check_postcode(data.postcode),
    }
    errors = {k: v for k, v in checks.items() if v}
    band = _blank(data.age_band)
    if band is not None and band not in AGE_BANDS:
        errors["age_band"] = _("Ukjent aldersgruppe «{value}».").format(value=band)
    elif band not in (None, "unknown") and data.birth_year is not None:
        errors["age_band"] = _("Oppgi enten fødselsår eller aldersgruppe, ikke begge.")
    if data.gender not in GENDERS:
        errors["gender"] = _("Ukjent kjønn «{value}».").format(value=data.gender)
    unknown = [c for c in data.languages if not is_known(c)]
    if unknown:
        errors["languages"] = _("Ukjent språkkode: {codes}.").format(codes=", ".join(unknown))
    if any(len(" ".join(t.split())) > MAX_TAG_LENGTH for t in data.interests):
        errors["interests"] = _("En interesse kan være høyst {n} tegn.").format(n=MAX_TAG_LENGTH)
    if data.arrival_year is not None:
        if data.arrival_year > today.year:
            errors["arrival_year"] = _("Ankomståret {year} er i fremtiden.").format(
                year=data.arrival_year
            )
        elif data.arrival_year < OLDEST_ARRIVAL_YEAR:
            errors["arrival_year"] = _(
                "Ankomståret {year} er for langt tilbake (tidligst {first})."
            ).format(year=data.arrival_year, first=OLDEST_ARRIVAL_YEAR)
        elif data.birth_year is not None and data.arrival_year < data.birth_year:
            errors["arrival_year"] = _("Ankomståret kan ikke være før fødselsåret.")
    background = _blank(data.background)
    if background is not None and background not in BACKGROUNDS:
        errors["background"] = _("Ukjent bakgrunn «{value}».").format(value=background)
    referred_by = _blank(data.referred_by)
    if referred_by is not None and referred_by not in REFERRERS:
        errors["referred_by"] = _("Ukjent henviser «{value}».").format(value=referred_by)
    if len(data.district.strip()) > MAX_DISTRICT_LENGTH:
        errors["district"] = _("Bydelen er for lang (høyst {n} tegn).").format(
            n=MAX_DISTRICT_LENGTH
        )
    return errors


def _child_consent_message() -> str:
    return _("For et barn under 18 må samtykket gis av en forelder eller verge.")


def validate_consent(data: ParticipantData, consent: ConsentInput, today: dt.date) -> str | None:
    """The consent rules of `participants.validate_participant`, also for a child by age band."""
    from app.services.participants import ParticipantInput, validate_participant

    person = ParticipantInput(name=data.name or "-", birth_year=data.birth_year)
    message = validate_participant(person, consent, today).get("consent")
    if message:
        return message
    if is_child(data.birth_year, data.age_band, today) and (
        consent.given_by not in CHILD_CONSENT_GIVERS
    ):
        return _child_consent_message()
    return None


# -- writing ----------------------------------------------------------------------------------


def _apply(
    session: Session, person: Person, participant: Participant, data: ParticipantData
) -> None:
    from app.models import PersonLanguage, PersonTag
    from app.services.phones import parse_phone
    from app.services.tags import get_or_create_tags
    from app.services.text import sort_key
    from app.services.volunteers import build_search_text

    person.name = " ".join(data.name.split())
    person.sort_name = sort_key(person.name)
    person.phone = parse_phone(data.phone) if data.phone.strip() else None
    person.postcode = data.postcode.strip() or None
    person.district = " ".join(data.district.split()) or None
    person.birth_year = data.birth_year
    person.gender = data.gender
    codes = list(dict.fromkeys(data.languages))
    person.languages = [PersonLanguage(code=c, position=i) for i, c in enumerate(codes)]
    interests = get_or_create_tags(session, list(data.interests))
    session.flush()
    # A participant who is also a volunteer keeps their skills; interests are one shared set.
    kept = [t for t in person.tags if t.kind != INTEREST]
    person.tags = kept + [PersonTag(tag_id=t.id, kind=INTEREST) for t in interests]
    session.flush()
    skills = [t.tag.name for t in kept if t.kind == SKILL]
    person.search_text = build_search_text(
        person.name, person.email, person.phone, codes, skills + [t.name for t in interests]
    )
    band = _blank(data.age_band)
    participant.age_band = band if data.birth_year is None and band != "unknown" else None
    participant.arrival_year = data.arrival_year
    participant.background = _blank(data.background)
    participant.referred_by = _blank(data.referred_by)


def create_participant_full(
    db: Database, data: ParticipantData, consent: ConsentInput, today: dt.date | None = None
) -> str:
    """Register a participant with their consent, in one transaction; return the person's UUID."""
    from sqlalchemy import select

    from app.models import Participant
    from app.services.participants import ParticipantInput, create_participant_in

    today = today or dt.date.today()
    errors = validate_participant_data(data, today)
    if message := validate_consent(data, consent, today):
        errors["consent"] = message
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        person = create_participant_in(
            session,
            ParticipantInput(name=data.name, birth_year=data.birth_year, gender=data.gender),
            consent,
            today,
        )
        session.flush()
        participant = session.scalars(
            select(Participant).where(Participant.person_id == person.id)
        ).one()
        _apply(session, person, participant, data)
        session.flush()
        return person.uuid


def _load(session: Session, participant_id: str) -> tuple[Person, Participant]:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from app.models import Participant, Person, PersonTag

    row = session.execute(
        select(Person, Participant)
        .join(Participant, Participant.person_id == Person.id)
        .where(Person.uuid == participant_id)
        .options(
            selectinload(Person.languages),
            selectinload(Person.tags).selectinload(PersonTag.tag),
            selectinload(Person.volunteer),
        )
    ).one_or_none()
    if row is None:
        raise NotFound(_("Fant ingen deltaker med ID {id}.").format(id=participant_id))
    return row[0], row[1]


def _current_consent(session: Session, person_id: int) -> ConsentSummary | None:
    from sqlalchemy import select

    from app.models import Consent, Staff

    row = session.execute(
        select(Consent, Staff.name)
        .outerjoin(Staff, Staff.id == Consent.staff_id)
        .where(Consent.person_id == person_id, Consent.purpose == "registration")
        .order_by(Consent.given_on.desc(), Consent.id.desc())
        .limit(1)
    ).one_or_none()
    if row is None:
        return None
    consent, staff_name = row
    return ConsentSummary(
        consent.given_on, consent.method, consent.given_by, staff_name, consent.withdrawn_on
    )


def update_participant(
    db: Database, participant_id: str, data: ParticipantData, today: dt.date | None = None
) -> None:
    """Save edited details of a participant.

    Refused when the edit makes the person a child whose recorded consent they gave themselves:
    record a guardian's or verge's consent first (`record_consent`).
    """
    today = today or dt.date.today()
    errors = validate_participant_data(data, today)
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        person, participant = _load(session, participant_id)
        consent = _current_consent(session, person.id)
        if (
            consent is not None
            and is_child(data.birth_year, data.age_band, today)
            and consent.given_by not in CHILD_CONSENT_GIVERS
        ):
            raise ValidationFailed(
                {
                    "consent": _(
                        "Samtykket er gitt av personen selv, men personen er under 18. "
                        "Registrer samtykke fra en forelder eller verge først."
                    )
                }
            )
        _apply(session, person, participant, data)


def record_consent(
    db: Database, participant_id: str, consent: ConsentInput, today: dt.date | None = None
) -> None:
    """Record a new registration consent (e.g. a guardian's), which becomes the current one."""
    from app.models import Consent
    from app.services.participants import _staff_id

    today = today or dt.date.today()
    with db.write() as session:
        person, participant = _load(session, participant_id)
        data = ParticipantData(
            name=person.name, birth_year=person.birth_year, age_band=participant.age_band
        )
        if message := validate_consent(data, consent, today):
            raise ValidationFailed({"consent": message})
        session.add(
            Consent(
                person_id=person.id,
                purpose="registration",
                given_on=consent.given_on or today,
                method=consent.method,
                given_by=consent.given_by,
                staff_id=_staff_id(session, consent.staff_id),
            )
        )


def delete_participant(db: Database, participant_id: str) -> None:
    """Delete a participant: the whole person, or only the participant role of a volunteer.

    Deleted rows leave tombstones (the session hook writes them for every row deleted here).
    """
    from sqlalchemy import select

    from app.models import Consent, HouseholdMember

    with db.write() as session:
        person, participant = _load(session, participant_id)
        session.delete(participant)
        if person.volunteer is not None:
            return
        for consent in session.scalars(select(Consent).where(Consent.person_id == person.id)):
            session.delete(consent)
        for member in session.scalars(
            select(HouseholdMember).where(HouseholdMember.person_id == person.id)
        ):
            session.delete(member)
        session.flush()
        session.delete(person)


def make_volunteer(db: Database, participant_id: str, on: dt.date) -> None:
    """From participant to volunteer: the same person (one UUID) gets a volunteer role.

    Refused when they already are a volunteer. `Participant.became_volunteer_on` keeps the date,
    the outcome funders ask about.
    """
    from app.models import Volunteer, VolunteerStatusChange

    if on > dt.date.today() + dt.timedelta(days=366):
        raise ValidationFailed({"date": _("Datoen er mer enn et år fram i tid.")})
    with db.write() as session:
        person, participant = _load(session, participant_id)
        if person.volunteer is not None:
            raise ValidationFailed(
                {"volunteer": _("{name} er allerede frivillig.").format(name=person.name)}
            )
        if on < participant.registered_on:
            raise ValidationFailed(
                {"date": _("Datoen kan ikke være før personen ble registrert som deltaker.")}
            )
        volunteer = Volunteer(status="active", start_date=on, status_date=on)
        volunteer.history = [VolunteerStatusChange(status="active", changed_on=on)]
        person.volunteer = volunteer
        participant.became_volunteer_on = on


# -- reading ----------------------------------------------------------------------------------


def get_participant(db: Database, participant_id: str) -> ParticipantDetail:
    """One participant with everything the page and form show."""
    from sqlalchemy import select

    from app.models import Household, HouseholdMember
    from app.services.phones import format_phone

    with db.read() as session:
        person, participant = _load(session, participant_id)
        household = session.execute(
            select(Household.uuid, Household.name)
            .join(HouseholdMember, HouseholdMember.household_id == Household.id)
            .where(HouseholdMember.person_id == person.id)
        ).one_or_none()
        interests = sorted(t.tag.name for t in person.tags if t.kind == INTEREST)
        data = ParticipantData(
            name=person.name,
            birth_year=person.birth_year,
            age_band=participant.age_band,
            gender=person.gender,
            phone=format_phone(person.phone),
            languages=[lang.code for lang in person.languages],
            interests=interests,
            arrival_year=participant.arrival_year,
            background=participant.background,
            referred_by=participant.referred_by,
            postcode=person.postcode or "",
            district=person.district or "",
        )
        return ParticipantDetail(
            id=person.uuid,
            data=data,
            phone_e164=person.phone,
            registered_on=participant.registered_on,
            consent=_current_consent(session, person.id),
            household_id=household[0] if household else None,
            household_name=household[1] if household else None,
            is_volunteer=person.volunteer is not None,
            became_volunteer_on=participant.became_volunteer_on,
            created_at=person.created_at,
            updated_at=person.updated_at,
        )


def list_participants(
    db: Database, search: str | None = None, today: dt.date | None = None
) -> list[ParticipantListRow]:
    """Participants sorted by name; `search` matches name, phone, languages and interests.

    `age_band` is the band of the birth year today when it is known, else the band recorded.
    """
    today = today or dt.date.today()
    sql = (
        "SELECT p.id, p.uuid, p.name, p.sort_name, p.birth_year, p.gender, p.postcode,"
        " p.district, p.search_text, pa.age_band, h.uuid, h.name,"
        " CASE WHEN v.id IS NULL THEN 0 ELSE 1 END"
        " FROM people p JOIN participants pa ON pa.person_id = p.id"
        " LEFT JOIN household_members hm ON hm.person_id = p.id"
        " LEFT JOIN households h ON h.id = hm.household_id"
        " LEFT JOIN volunteers v ON v.person_id = p.id WHERE 1 = 1"
    )
    params: list[object] = []
    for pattern in like_patterns(search_terms(search)):
        sql += " AND p.search_text LIKE ? ESCAPE '\\'"
        params.append(pattern)
    with db.plain_read() as read:
        rows = read(sql + " ORDER BY p.sort_name, p.id", params)
        languages = languages_by_person(read)
        interests = tags_by_person(read, INTEREST, None)
    return [
        ParticipantListRow(
            id=uuid,
            name=name,
            sort_key=sort_name,
            birth_year=birth_year,
            age_band=age_band(birth_year, today) if birth_year is not None else band or "unknown",
            gender=gender,
            languages=tuple(languages.get(person_id, ())),
            interests=tuple(interests.get(person_id, ())),
            household_id=household_id,
            household_name=household_name,
            district=district,
            postcode=postcode,
            is_volunteer=bool(is_volunteer),
            search_text=search_text,
        )
        for (
            person_id, uuid, name, sort_name, birth_year, gender, postcode, district,
            search_text, band, household_id, household_name, is_volunteer,
        ) in rows
    ]  # fmt: skip


def filter_participant_rows(
    rows: Sequence[ParticipantListRow], text: str | None
) -> list[ParticipantListRow]:
    """The in-memory twin of `list_participants(search=...)`, for filtering as the user types."""
    terms = search_terms(text)
    if not terms:
        return list(rows)
    return [r for r in rows if matches(r.search_text, terms)]


__all__ = [
    "ConsentSummary",
    "ParticipantData",
    "ParticipantDetail",
    "ParticipantListRow",
    "create_participant_full",
    "delete_participant",
    "filter_participant_rows",
    "get_participant",
    "is_child",
    "list_participants",
    "make_volunteer",
    "record_consent",
    "update_participant",
    "validate_consent",
    "validate_participant_data",
]
