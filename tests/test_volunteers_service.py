"""The volunteer register's rules, on a real temporary SQLite file, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.models import Person, Tombstone
from app.services.volunteer_list import filter_rows, list_volunteers
from app.services.volunteers import (
    VolunteerInput,
    change_status,
    create_volunteer,
    get_volunteer,
    update_volunteer,
    validate_volunteer,
    volunteer_figures,
)


def kari(**changes: object) -> VolunteerInput:
    data = VolunteerInput(
        name="Kari Ødegård",
        phone="912 34 567",
        email="kari@example.no",
        postcode="4306",
        place="Sandnes",
        birth_year=1980,
        gender="female",
        languages=["no", "ar"],
        skills=["Fotball", "matlaging"],
        interests=["friluftsliv"],
        availability=["thu_evening", "mon_day"],
        start_date=dt.date(2026, 1, 15),
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_create_and_read_back(db: Database) -> None:
    volunteer_id = create_volunteer(db, kari())
    detail = get_volunteer(db, volunteer_id)
    assert detail.id == volunteer_id
    assert detail.phone_e164 == "+4791234567"
    assert detail.input.phone == "+47 912 34 567"
    assert detail.input.languages == ["no", "ar"]
    assert detail.input.skills == ["fotball", "matlaging"]
    assert detail.input.interests == ["friluftsliv"]
    assert detail.input.availability == ["mon_day", "thu_evening"]
    assert detail.status == "active"
    assert [h.status for h in detail.history] == ["active"]


def test_validation_names_each_bad_field(db: Database) -> None:
    errors = validate_volunteer(
        kari(name=" ", phone="123", email="kari@", birth_year=2031, languages=["xx"]),
        today=dt.date(2026, 11, 22),
    )
    assert set(errors) == {"name", "phone", "email", "birth_year", "languages"}
    with pytest.raises(ValidationFailed) as failure:
        create_volunteer(db, kari(phone="123"))
    assert "123" in failure.value.errors["phone"]
    assert list_volunteers(db) == []  # nothing half-saved


def test_search_finds_aeoeaa_phone_language_and_skill(db: Database) -> None:
    create_volunteer(db, kari())
    create_volunteer(db, kari(name="Per Hansen", phone="", email="", languages=["uk"], skills=[]))
    names = lambda rows: [r.name for r in rows]  # noqa: E731
    assert names(list_volunteers(db, search="øde")) == ["Kari Ødegård"]
    assert names(list_volunteers(db, search="ØDEGÅRD")) == ["Kari Ødegård"]
    assert names(list_volunteers(db, search="912 34")) == ["Kari Ødegård"]
    assert names(list_volunteers(db, search="arabisk")) == ["Kari Ødegård"]
    assert names(list_volunteers(db, search="ukrainsk")) == ["Per Hansen"]
    assert names(list_volunteers(db, search="fotball")) == ["Kari Ødegård"]
    assert names(list_volunteers(db, language="uk")) == ["Per Hansen"]
    every = list_volunteers(db)
    for query in ("øde", "912 34", "arabisk", "fotball", "hansen ukr", "zzz"):
        assert filter_rows(every, query) == list_volunteers(db, search=query), query


def test_update_changes_search_text(db: Database) -> None:
    volunteer_id = create_volunteer(db, kari())
    update_volunteer(db, volunteer_id, kari(name="Kari Løvås", languages=["so"]))
    assert list_volunteers(db, search="øde") == []
    assert [r.id for r in list_volunteers(db, search="somali")] == [volunteer_id]


def test_pause_and_end_with_reason_and_history(db: Database) -> None:
    volunteer_id = create_volunteer(db, kari())
    with pytest.raises(ValidationFailed) as failure:
        change_status(db, volunteer_id, "paused", dt.date(2026, 3, 1), "")
    assert "reason" in failure.value.errors
    change_status(db, volunteer_id, "paused", dt.date(2026, 3, 1), "Eksamen")
    change_status(db, volunteer_id, "ended", dt.date(2026, 6, 1), "Flyttet")
    detail = get_volunteer(db, volunteer_id)
    assert detail.status == "ended" and detail.status_reason == "Flyttet"
    assert [(h.status, h.reason) for h in detail.history] == [
        ("active", None),
        ("paused", "Eksamen"),
        ("ended", "Flyttet"),
    ]
    assert [r.id for r in list_volunteers(db, status="ended")] == [volunteer_id]
    with pytest.raises(ValidationFailed):
        change_status(db, volunteer_id, "active", dt.date(2025, 1, 1), "")  # before start


def test_unknown_id_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        get_volunteer(db, "00000000-0000-0000-0000-000000000000")


def test_figures(db: Database) -> None:
    today = dt.date(2026, 11, 22)
    a = create_volunteer(db, kari(start_date=dt.date(2026, 2, 1)), today=today)
    create_volunteer(db, kari(name="B", start_date=dt.date(2020, 2, 1)), today=today)
    change_status(db, a, "paused", dt.date(2026, 5, 1), "Ferie")
    figures = volunteer_figures(db, today=today)
    assert (figures.active, figures.paused, figures.ended, figures.new_this_year) == (1, 1, 0, 1)
    assert figures.total == 2


def test_delete_leaves_a_tombstone(db: Database) -> None:
    volunteer_id = create_volunteer(db, kari())
    with db.write() as session:
        session.delete(session.scalars(select(Person)).one())
    with db.read() as session:
        stones = {(t.table_name, t.uuid) for t in session.scalars(select(Tombstone))}
    assert ("people", volunteer_id) in stones
    assert {t for t, _ in stones} >= {"people", "volunteers", "volunteer_status_changes"}
