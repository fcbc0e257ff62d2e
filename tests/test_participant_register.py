"""The participant register's rules, on a real temporary SQLite file, without Qt."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.models import Consent, Participant, Person, Tombstone
from app.services.households import HouseholdData, MemberData, create_household
from app.services.participant_register import (
    ParticipantData,
    create_participant_full,
    delete_participant,
    filter_participant_rows,
    get_participant,
    list_participants,
    make_volunteer,
    record_consent,
    update_participant,
    validate_participant_data,
)
from app.services.participants import ConsentInput
from app.services.volunteer_list import list_volunteers
from app.services.volunteers import VolunteerInput, create_volunteer, get_volunteer

TODAY = dt.date(2026, 11, 22)
ORAL = ConsentInput(method="oral", given_by="self", given_on=TODAY)
GUARDIAN = ConsentInput(method="written", given_by="guardian", given_on=TODAY)
VERGE = ConsentInput(method="oral", given_by="verge", given_on=TODAY)


def amina(**changes: object) -> ParticipantData:
    data = ParticipantData(
        name="Amina  Ødegård",
        birth_year=1990,
        gender="female",
        phone="912 34 567",
        languages=["ar", "no"],
        interests=["Fotball", "matlaging"],
        arrival_year=2023,
        background="immigrant",
        referred_by="refugee_service",
        postcode="4306",
        district="Sentrum",
    )
    return dataclasses.replace(data, **changes)


def people_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def test_only_the_minimum_can_be_recorded() -> None:
    names = {f.name for f in dataclasses.fields(ParticipantData)}
    assert names == {
        "name", "birth_year", "age_band", "gender", "phone", "languages", "interests",
        "arrival_year", "background", "referred_by", "postcode", "district",
    }  # fmt: skip
    assert not {c.name for c in Participant.__table__.columns} & {
        "national_id",
        "fodselsnummer",
        "residence_status",
        "country_of_birth",
    }


def test_create_and_read_back(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    detail = get_participant(db, person_id)
    assert detail.id == person_id
    assert detail.data.name == "Amina Ødegård"
    assert detail.phone_e164 == "+4791234567"
    assert detail.data.phone == "+47 912 34 567"
    assert list(detail.data.languages) == ["ar", "no"]
    assert list(detail.data.interests) == ["fotball", "matlaging"]
    assert (detail.data.arrival_year, detail.data.background, detail.data.referred_by) == (
        2023,
        "immigrant",
        "refugee_service",
    )
    assert (detail.data.postcode, detail.data.district) == ("4306", "Sentrum")
    assert detail.data.age_band is None  # a birth year is given, so no band is stored
    assert detail.registered_on == TODAY
    assert detail.consent is not None
    assert (detail.consent.method, detail.consent.given_by, detail.consent.given_on) == (
        "oral",
        "self",
        TODAY,
    )
    assert detail.household_id is None and not detail.is_volunteer
    assert detail.became_volunteer_on is None


def test_validation_names_each_bad_field() -> None:
    errors = validate_participant_data(
        amina(name=" ", phone="123", birth_year=2031, languages=["xx"], arrival_year=2027,
              background="syria", referred_by="police", postcode="43", gender="x"),
        TODAY,
    )  # fmt: skip
    assert set(errors) == {
        "name", "phone", "birth_year", "languages", "arrival_year", "background",
        "referred_by", "postcode", "gender",
    }  # fmt: skip
    assert "2027" in errors["arrival_year"] and "fremtiden" in errors["arrival_year"]
    assert "1950" in validate_participant_data(amina(arrival_year=1949), TODAY)["arrival_year"]
    assert validate_participant_data(amina(arrival_year=1950, birth_year=1940), TODAY) == {}
    both = validate_participant_data(amina(age_band="26-66"), TODAY)
    assert "ikke begge" in both["age_band"]
    assert "age_band" in validate_participant_data(amina(birth_year=None, age_band="old"), TODAY)
    assert validate_participant_data(amina(birth_year=None, age_band="26-66"), TODAY) == {}
    assert validate_participant_data(amina(phone="", background="", referred_by=None), TODAY) == {}


def test_invalid_data_saves_nothing(db: Database) -> None:
    with pytest.raises(ValidationFailed) as failure:
        create_participant_full(db, amina(phone="123"), ORAL, today=TODAY)
    assert "123" in failure.value.errors["phone"]
    assert people_count(db) == 0


@pytest.mark.parametrize("consent", [GUARDIAN, VERGE])
def test_a_childs_consent_from_a_guardian_or_verge_is_recorded(
    db: Database, consent: ConsentInput
) -> None:
    child = create_participant_full(db, amina(name="Yonas", birth_year=2015), consent, today=TODAY)
    summary = get_participant(db, child).consent
    assert summary is not None and summary.given_by == consent.given_by
    assert summary.method == consent.method


def test_a_child_cannot_consent_for_themselves(db: Database) -> None:
    with pytest.raises(ValidationFailed) as failure:
        create_participant_full(db, amina(name="Yonas", birth_year=2015), ORAL, today=TODAY)
    assert "forelder eller verge" in failure.value.errors["consent"]
    # A child by age band only is a child too.
    with pytest.raises(ValidationFailed) as failure:
        create_participant_full(
            db, amina(name="Yonas", birth_year=None, age_band="13-17"), ORAL, today=TODAY
        )
    assert "forelder eller verge" in failure.value.errors["consent"]
    assert people_count(db) == 0  # nobody saved by name without valid consent


def test_consent_must_say_how_and_not_be_in_the_future(db: Database) -> None:
    for consent in (
        ConsentInput(method="email"),
        ConsentInput(method="oral", given_by="neighbour"),
        ConsentInput(method="oral", given_on=TODAY + dt.timedelta(days=1)),
    ):
        with pytest.raises(ValidationFailed) as failure:
            create_participant_full(db, amina(), consent, today=TODAY)
        assert "consent" in failure.value.errors
    with pytest.raises(NotFound):
        staff = "00000000-0000-0000-0000-000000000000"
        create_participant_full(
            db, amina(), ConsentInput(method="oral", staff_id=staff), today=TODAY
        )
    assert people_count(db) == 0


def test_search_finds_aeoeaa_phone_language_and_interest(db: Database) -> None:
    create_participant_full(db, amina(), ORAL, today=TODAY)
    create_participant_full(
        db, amina(name="Olena Kovalenko", phone="", languages=["uk"], interests=["sjakk"]),
        ORAL, today=TODAY,
    )  # fmt: skip
    names = lambda rows: [r.name for r in rows]  # noqa: E731
    assert names(list_participants(db, search="øde")) == ["Amina Ødegård"]
    assert names(list_participants(db, search="ØDEGÅRD")) == ["Amina Ødegård"]
    assert names(list_participants(db, search="912 34")) == ["Amina Ødegård"]
    assert names(list_participants(db, search="arabisk")) == ["Amina Ødegård"]
    assert names(list_participants(db, search="ukrainsk")) == ["Olena Kovalenko"]
    assert names(list_participants(db, search="fotball")) == ["Amina Ødegård"]
    assert names(list_participants(db)) == ["Amina Ødegård", "Olena Kovalenko"]
    every = list_participants(db)
    for query in ("øde", "912 34", "arabisk", "sjakk", "kovalenko ukr", "zzz", "", "  "):
        assert filter_participant_rows(every, query) == list_participants(db, search=query), query


def test_list_rows_derive_age_band_and_show_household(db: Database) -> None:
    adult = create_participant_full(db, amina(), ORAL, today=TODAY)
    banded = create_participant_full(
        db, amina(name="Ali", birth_year=None, age_band="67+", phone=""), ORAL, today=TODAY
    )
    unknown = create_participant_full(db, amina(name="Bo", birth_year=None, phone=""), ORAL, TODAY)
    family = create_household(
        db, HouseholdData(name="Familien Ødegård", contact_person_id=adult),
        [MemberData(person_id=adult), MemberData(first_name="Sara", birth_year=2019)],
        today=TODAY,
    )  # fmt: skip
    rows = {r.id: r for r in list_participants(db, today=TODAY)}
    assert rows[adult].age_band == "26-66" and rows[adult].birth_year == 1990
    assert rows[banded].age_band == "67+" and rows[banded].birth_year is None
    assert rows[unknown].age_band == "unknown"
    assert (rows[adult].household_id, rows[adult].household_name) == (family, "Familien Ødegård")
    assert rows[banded].household_id is None
    assert rows[adult].languages == ("ar", "no")
    assert rows[adult].interests == ("fotball", "matlaging")
    assert get_participant(db, adult).household_name == "Familien Ødegård"


def test_update_changes_fields_and_search_text(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    update_participant(
        db, person_id, amina(name="Amina Løvås", languages=["so"], interests=["sjakk"],
                             birth_year=None, age_band="26-66", referred_by="nav"),
        today=TODAY,
    )  # fmt: skip
    assert list_participants(db, search="øde") == []
    assert [r.id for r in list_participants(db, search="somali sjakk")] == [person_id]
    detail = get_participant(db, person_id)
    assert detail.data.age_band == "26-66" and detail.data.birth_year is None
    assert detail.data.referred_by == "nav" and list(detail.data.interests) == ["sjakk"]
    with pytest.raises(NotFound):
        update_participant(db, "00000000-0000-0000-0000-000000000000", amina(), today=TODAY)


def test_becoming_a_child_needs_a_guardians_consent(db: Database) -> None:
    person_id = create_participant_full(db, amina(name="Yonas", birth_year=2000), ORAL, TODAY)
    with pytest.raises(ValidationFailed) as failure:
        update_participant(db, person_id, amina(name="Yonas", birth_year=2012), today=TODAY)
    assert "forelder eller verge" in failure.value.errors["consent"]
    record_consent(db, person_id, GUARDIAN, today=TODAY)
    update_participant(db, person_id, amina(name="Yonas", birth_year=2012), today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        record_consent(db, person_id, ORAL, today=TODAY)  # now a child: not from themselves
    assert "forelder eller verge" in failure.value.errors["consent"]
    detail = get_participant(db, person_id)
    assert detail.data.birth_year == 2012
    assert detail.consent is not None and detail.consent.given_by == "guardian"


def test_make_volunteer_keeps_one_uuid_and_the_date(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    on = dt.date(2026, 12, 1)
    make_volunteer(db, person_id, on)
    detail = get_participant(db, person_id)
    assert detail.is_volunteer and detail.became_volunteer_on == on
    volunteer = get_volunteer(db, person_id)  # the same UUID is now a volunteer's ID
    assert volunteer.status == "active" and volunteer.input.start_date == on
    assert [r.id for r in list_volunteers(db)] == [person_id]
    assert [r.is_volunteer for r in list_participants(db)] == [True]
    assert people_count(db) == 1
    with pytest.raises(ValidationFailed) as failure:
        make_volunteer(db, person_id, on)
    assert "allerede frivillig" in failure.value.errors["volunteer"]


def test_make_volunteer_refuses_a_date_before_registration(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        make_volunteer(db, person_id, TODAY - dt.timedelta(days=1))
    assert "date" in failure.value.errors
    volunteer_id = create_volunteer(db, VolunteerInput(name="Per Hansen"), today=TODAY)
    with pytest.raises(NotFound):
        make_volunteer(db, volunteer_id, TODAY)  # a volunteer who is not a participant


def test_participant_update_keeps_volunteer_skills(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    make_volunteer(db, person_id, TODAY)
    with db.write() as session:  # a skill recorded on the volunteer side
        from app.models import PersonTag
        from app.services.tags import get_or_create_tags

        (tag,) = get_or_create_tags(session, ["tolking"])
        session.flush()
        person = session.scalars(select(Person)).one()
        session.add(PersonTag(person_id=person.id, tag_id=tag.id, kind="skill"))
    update_participant(db, person_id, amina(interests=["sjakk"]), today=TODAY)
    assert get_volunteer(db, person_id).input.skills == ["tolking"]
    assert list(get_participant(db, person_id).data.interests) == ["sjakk"]
    assert [r.id for r in list_participants(db, search="tolking")] == [person_id]


def test_delete_a_participant_leaves_tombstones(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    family = create_household(
        db, HouseholdData(name="Familien Ødegård", contact_person_id=person_id),
        [MemberData(person_id=person_id)], today=TODAY,
    )  # fmt: skip
    delete_participant(db, person_id)
    assert people_count(db) == 0
    with db.read() as session:
        stones = {t.table_name for t in session.scalars(select(Tombstone))}
        assert session.scalar(select(func.count()).select_from(Consent)) == 0
    assert {"people", "participants", "consents", "household_members"} <= stones
    with pytest.raises(NotFound):
        get_participant(db, person_id)
    from app.services.households import get_household

    assert get_household(db, family, today=TODAY).contact_name is None


def test_delete_keeps_a_volunteer_and_removes_the_participant_role(db: Database) -> None:
    person_id = create_participant_full(db, amina(), ORAL, today=TODAY)
    make_volunteer(db, person_id, TODAY)
    delete_participant(db, person_id)
    assert list_participants(db) == []
    assert [r.id for r in list_volunteers(db)] == [person_id]
    with db.read() as session:
        stones = {(t.table_name, t.uuid) for t in session.scalars(select(Tombstone))}
    assert {t for t, _ in stones} == {"participants"}
    with pytest.raises(NotFound):
        delete_participant(db, person_id)


CHILD = """
import json, sys
from app.db import Database
from app.services.participant_register import filter_participant_rows, list_participants
rows = list_participants(Database.open(sys.argv[1]), search="øde")
heavy = [m for m in ("sqlalchemy", "app.models") if m in sys.modules]
print(json.dumps({"names": [r.name for r in rows], "heavy": heavy}))
"""


def test_the_list_is_read_without_the_orm(db: Database, db_path: Path) -> None:
    create_participant_full(db, amina(), ORAL, today=TODAY)
    db.close()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "names": ["Amina Ødegård"],
        "heavy": [],
    }, result.stderr
