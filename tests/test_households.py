"""Households (participant families and volunteer families): their rules and refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.models import Household, HouseholdMember, Pairing, Programme, Tombstone
from app.services.households import (
    HouseholdData,
    MemberData,
    add_member,
    create_household,
    delete_household,
    get_household,
    household_of,
    list_households,
    remove_member,
    update_household,
)
from app.services.participant_register import ParticipantData, create_participant_full
from app.services.participants import ConsentInput
from app.services.volunteers import VolunteerInput, create_volunteer

TODAY = dt.date(2026, 11, 22)


def participant(db: Database, name: str, birth_year: int = 1985) -> str:
    given_by = "guardian" if TODAY.year - birth_year < 18 else "self"
    return create_participant_full(
        db,
        ParticipantData(name=name, birth_year=birth_year, gender="female"),
        ConsentInput(method="oral", given_by=given_by, given_on=TODAY),
        today=TODAY,
    )


def volunteer(db: Database, name: str = "Kari Nordmann") -> str:
    return create_volunteer(db, VolunteerInput(name=name, birth_year=1975), today=TODAY)


def haddad(db: Database) -> tuple[str, str, str]:
    """A participant family: mother (contact), a registered son, an unregistered daughter."""
    mother = participant(db, "Rania Haddad", 1988)
    son = participant(db, "Omar Haddad", 2014)
    family = create_household(
        db,
        HouseholdData(name="Familien Haddad", postcode="4306", district="Sentrum",
                      contact_person_id=mother),
        [MemberData(person_id=mother), MemberData(person_id=son),
         MemberData(first_name="Lina", birth_year=2020, gender="female")],
        today=TODAY,
    )  # fmt: skip
    return family, mother, son


def test_create_and_read_back(db: Database) -> None:
    family, mother, son = haddad(db)
    detail = get_household(db, family, today=TODAY)
    assert detail.data.name == "Familien Haddad" and detail.data.kind == "participant"
    assert (detail.data.postcode, detail.data.district) == ("4306", "Sentrum")
    assert detail.contact_name == "Rania Haddad" and detail.data.contact_person_id == mother
    assert [(m.name, m.age, m.is_child) for m in detail.members] == [
        ("Rania Haddad", 38, False),
        ("Omar Haddad", 12, True),
        ("Lina", 6, True),
    ]
    assert detail.children == 2
    assert detail.members[1].person_id == son and detail.members[2].person_id is None
    assert household_of(db, son) == family
    assert household_of(db, participant(db, "Alone")) is None


def test_list_counts_members_and_children_ages(db: Database) -> None:
    family, _mother, _son = haddad(db)
    kari = volunteer(db)
    team = create_household(
        db,
        HouseholdData(name="Familien Nordmann", kind="volunteer", contact_person_id=kari),
        [MemberData(person_id=kari), MemberData(first_name="Ola", birth_year=1974)],
        today=TODAY,
    )
    rows = list_households(db, today=TODAY)
    assert [r.name for r in rows] == ["Familien Haddad", "Familien Nordmann"]
    first = rows[0]
    assert (first.id, first.kind, first.contact_name, first.members) == (
        family,
        "participant",
        "Rania Haddad",
        3,
    )
    assert first.children_ages == (6, 12)
    assert (first.district, first.postcode) == ("Sentrum", "4306")
    assert [r.id for r in list_households(db, kind="volunteer", today=TODAY)] == [team]
    assert rows[1].children_ages == ()


def test_a_person_is_in_at_most_one_household(db: Database) -> None:
    family, mother, _son = haddad(db)
    with pytest.raises(ValidationFailed) as failure:
        create_household(db, HouseholdData(name="Ny familie"), [MemberData(person_id=mother)])
    assert "Rania Haddad" in failure.value.errors["members"]
    assert "Familien Haddad" in failure.value.errors["members"]
    with pytest.raises(ValidationFailed) as failure:
        add_member(db, family, MemberData(person_id=mother))
    assert "denne husstanden" in failure.value.errors["members"]
    with pytest.raises(ValidationFailed):
        create_household(
            db,
            HouseholdData(name="Dobbel"),
            [MemberData(person_id=mother), MemberData(person_id=mother)],
        )
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Household)) == 1


def test_contact_person_must_be_a_member(db: Database) -> None:
    family, mother, _son = haddad(db)
    outsider = participant(db, "Ali Hassan")
    with pytest.raises(ValidationFailed) as failure:
        create_household(
            db,
            HouseholdData(name="Familien Hassan", contact_person_id=mother),
            [MemberData(person_id=outsider)],
        )
    assert "Kontaktpersonen" in failure.value.errors["contact_person_id"]
    with pytest.raises(ValidationFailed) as failure:
        update_household(db, family, HouseholdData(name="X", contact_person_id=outsider))
    assert "contact_person_id" in failure.value.errors


def test_participant_household_members_must_be_participants(db: Database) -> None:
    kari = volunteer(db)
    with pytest.raises(ValidationFailed) as failure:
        create_household(db, HouseholdData(name="Feil"), [MemberData(person_id=kari)])
    assert "Kari Nordmann" in failure.value.errors["members"]
    assert "deltaker" in failure.value.errors["members"]
    family, _mother, _son = haddad(db)
    with pytest.raises(ValidationFailed):
        add_member(db, family, MemberData(person_id=kari))


def test_volunteer_family_needs_a_volunteer(db: Database) -> None:
    rania = participant(db, "Rania Haddad")
    with pytest.raises(ValidationFailed) as failure:
        create_household(
            db,
            HouseholdData(name="Familien", kind="volunteer"),
            [MemberData(first_name="Ola", birth_year=1970)],
        )
    assert "frivillig" in failure.value.errors["members"]
    with pytest.raises(ValidationFailed):
        create_household(
            db, HouseholdData(name="Familien", kind="volunteer"), [MemberData(person_id=rania)]
        )
    kari = volunteer(db)
    family = create_household(
        db,
        HouseholdData(name="Familien Nordmann", kind="volunteer"),
        [MemberData(person_id=kari), MemberData(first_name="Emil", birth_year=2016)],
        today=TODAY,
    )
    kari_row = get_household(db, family, today=TODAY).members[0]
    assert kari_row.is_volunteer
    with pytest.raises(ValidationFailed) as failure:
        remove_member(db, kari_row.id)  # the only volunteer
    assert "frivillig" in failure.value.errors["members"]
    # A volunteer family cannot turn into a participant family with a non-participant in it.
    with pytest.raises(ValidationFailed):
        update_household(db, family, HouseholdData(name="Familien Nordmann"))


def test_member_fields_are_checked(db: Database) -> None:
    with pytest.raises(ValidationFailed) as failure:
        create_household(
            db,
            HouseholdData(name=" ", kind="club", postcode="12"),
            [MemberData(), MemberData(first_name="Lina", birth_year=2031),
             MemberData(birth_year=1850), MemberData(birth_year=2000, gender="x")],
            today=TODAY,
        )  # fmt: skip
    errors = failure.value.errors
    assert set(errors) == {"name", "kind", "postcode", "members"}
    assert "fornavn eller fødselsår" in errors["members"]
    assert "2031" in errors["members"] and "1850" in errors["members"]
    assert "kjønn" in errors["members"]


def test_unknown_ids_are_not_found(db: Database) -> None:
    nobody = "00000000-0000-0000-0000-000000000000"
    with pytest.raises(NotFound):
        create_household(db, HouseholdData(name="X"), [MemberData(person_id=nobody)])
    with pytest.raises(NotFound):
        get_household(db, nobody)
    with pytest.raises(NotFound):
        remove_member(db, nobody)
    with pytest.raises(NotFound):
        add_member(db, nobody, MemberData(first_name="Lina"))


def test_add_and_remove_members_and_update(db: Database) -> None:
    family, mother, son = haddad(db)
    baby = add_member(db, family, MemberData(first_name="Nour", birth_year=2026), today=TODAY)
    assert get_household(db, family, today=TODAY).children == 3
    remove_member(db, baby)
    contact_row = next(m for m in get_household(db, family).members if m.person_id == mother)
    remove_member(db, contact_row.id)  # the contact leaves: no contact person any more
    detail = get_household(db, family, today=TODAY)
    assert detail.contact_name is None and len(detail.members) == 2
    assert household_of(db, mother) is None
    update_household(
        db, family,
        HouseholdData(name="Haddad", postcode="4310", district="Lura", notes="Liker tur",
                      contact_person_id=son),
    )  # fmt: skip
    detail = get_household(db, family, today=TODAY)
    assert (detail.data.name, detail.data.postcode, detail.data.district) == (
        "Haddad",
        "4310",
        "Lura",
    )
    assert detail.data.notes == "Liker tur" and detail.contact_name == "Omar Haddad"
    with db.read() as session:
        stones = {t.table_name for t in session.scalars(select(Tombstone))}
    assert stones == {"household_members"}


def test_delete_household_keeps_the_people(db: Database) -> None:
    family, mother, _son = haddad(db)
    delete_household(db, family)
    assert list_households(db) == [] and household_of(db, mother) is None
    with db.read() as session:
        stones = [t.table_name for t in session.scalars(select(Tombstone))]
        assert session.scalar(select(func.count()).select_from(HouseholdMember)) == 0
    assert sorted(stones) == ["household_members"] * 3 + ["households"]
    from app.services.participant_register import list_participants

    assert len(list_participants(db)) == 2


def test_delete_household_refused_during_an_active_pairing(db: Database) -> None:
    family, _mother, _son = haddad(db)
    with db.write() as session:
        programme = session.scalars(select(Programme).limit(1)).first()  # seeded by migration
        if programme is None:
            programme = Programme(name="Flyktningguide")
            session.add(programme)
            session.flush()
        household_pk = session.scalar(select(Household.id).where(Household.uuid == family))
        session.add(
            Pairing(programme_id=programme.id, household_id=household_pk, status="active",
                    referred_on=TODAY, start_date=TODAY)
        )  # fmt: skip
    with pytest.raises(ValidationFailed) as failure:
        delete_household(db, family)
    assert "kobling" in failure.value.errors["household"]
    assert len(list_households(db)) == 1
