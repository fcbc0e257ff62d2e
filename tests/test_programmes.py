"""Programmes: the seeded two, saving with validation, finding by name or ID."""

from __future__ import annotations

import dataclasses

import pytest

from app.db import Database
from app.errors import NotFound, ValidationFailed
from app.services.programmes import (
    ProgrammeData,
    find_programme,
    get_programme,
    list_programmes,
    save_programme,
    validate_programme,
)

MENTOR = ProgrammeData(name="Mentor", months=6, hours_per_month=4, follow_up_plan="1m,*1m",
                       certificate="never", required_steps=("interview",), min_age=20)  # fmt: skip


def test_the_two_starter_programmes_are_there(db: Database) -> None:
    rows = list_programmes(db)
    assert [r.name for r in rows] == ["Flyktningguide", "Vennefamilie"]
    guide = rows[0]
    assert (guide.months, guide.hours_per_month, guide.follow_up_plan, guide.certificate) == (
        12, 8.0, "2w,1m,*2m", "children")  # fmt: skip
    assert guide.required_steps == ("interview", "training", "confidentiality")
    assert guide.plan_description == "Etter 2 uker, 1 måned, deretter hver 2. måned"
    assert guide.min_age == 18 and guide.active


def test_save_and_change_a_programme(db: Database) -> None:
    mentor = save_programme(db, MENTOR)
    row = get_programme(db, mentor)
    assert row.data == dataclasses.replace(MENTOR, hours_per_month=4.0)
    assert row.plan_description == "Etter 1 måned, deretter hver måned"
    # The plan is stored in its tidy form; switching off hides it from the usual list.
    save_programme(db, dataclasses.replace(MENTOR, follow_up_plan=" 1M, *1M ", active=False),
                   mentor)  # fmt: skip
    assert get_programme(db, mentor).follow_up_plan == "1m,*1m"
    assert "Mentor" not in [r.name for r in list_programmes(db)]
    assert "Mentor" in [r.name for r in list_programmes(db, include_inactive=True)]
    # Renaming to its own name in other case is fine; to another programme's name is not.
    save_programme(db, dataclasses.replace(MENTOR, name="MENTOR"), mentor)
    with pytest.raises(ValidationFailed) as failure:
        save_programme(db, dataclasses.replace(MENTOR, name="vennefamilie"), mentor)
    assert "finnes allerede" in failure.value.errors["name"]
    with pytest.raises(ValidationFailed):
        save_programme(db, dataclasses.replace(MENTOR, name="flyktningguide"))
    with pytest.raises(NotFound):
        save_programme(db, MENTOR, "no-such-id")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"months": 0}, "months"),
        ({"months": 61}, "months"),
        ({"hours_per_month": -1}, "hours_per_month"),
        ({"hours_per_month": float("nan")}, "hours_per_month"),
        ({"follow_up_plan": "every month"}, "follow_up_plan"),
        ({"follow_up_plan": "*1m,2w"}, "follow_up_plan"),
        ({"certificate": "sometimes"}, "certificate"),
        ({"required_steps": ("interview", "haircut")}, "required_steps"),
        ({"min_age": 12}, "min_age"),
    ],
)
def test_validation(change: dict, field: str) -> None:
    errors = validate_programme(dataclasses.replace(MENTOR, **change))
    assert list(errors) == [field]
    assert errors[field].strip()


def test_valid_edges() -> None:
    for change in ({"months": 1}, {"months": 60}, {"hours_per_month": 0},
                   {"follow_up_plan": ""}, {"required_steps": ()}, {"min_age": 16}):  # fmt: skip
        assert validate_programme(dataclasses.replace(MENTOR, **change)) == {}


def test_find_by_name_in_any_case_or_by_id(db: Database) -> None:
    family = find_programme(db, "vennefamilie")
    assert family.name == "Vennefamilie"
    assert find_programme(db, family.id) == family
    assert find_programme(db, "  VENNEFAMILIE ") == family
    with pytest.raises(NotFound) as failure:
        find_programme(db, "Mentor")
    message = failure.value.message
    assert "«Mentor»" in message and "Flyktningguide, Vennefamilie" in message
    with pytest.raises(NotFound) as failure:
        find_programme(db, "3f0c1d2e-0000-4000-8000-000000000000")
    assert "ID" in failure.value.message
