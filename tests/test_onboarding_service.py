"""Onboarding steps: recorded with dates, switched off by the centre, the board and its waits."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationFailed
from app.services.activities import ActivityInput, create_activity
from app.services.certificates import record_shown
from app.services.onboarding import add_course, onboarding_board, record_step, set_enabled_steps
from app.services.teams import add_team_member
from app.services.volunteers import VolunteerInput, create_volunteer

TODAY = dt.date(2026, 11, 22)


def new_volunteer(db: Database, name: str, days_ago: int) -> str:
    return create_volunteer(
        db, VolunteerInput(name=name, start_date=TODAY - dt.timedelta(days=days_ago)), today=TODAY
    )


def board(db: Database) -> dict[str, tuple[str, int]]:
    return {r.name: (r.step, r.days_in_step) for r in onboarding_board(db, today=TODAY)}


def test_steps_in_order_with_days_waiting(db: Database) -> None:
    a = new_volunteer(db, "Anna", 30)
    new_volunteer(db, "Bjørn", 10)
    record_step(db, a, "interview", TODAY - dt.timedelta(days=25), today=TODAY)
    add_course(db, "Innføringskurs", TODAY - dt.timedelta(days=20), [a])
    assert board(db) == {"Anna": ("confidentiality", 20), "Bjørn": ("interview", 10)}
    record_step(db, a, "confidentiality", TODAY - dt.timedelta(days=2), today=TODAY)
    assert board(db)["Anna"] == ("ready", 2)
    rows = {r.name: r for r in onboarding_board(db, today=TODAY)}
    assert not rows["Bjørn"].long_wait
    assert [s for s, _d in rows["Anna"].done] == ["interview", "training", "confidentiality"]


def test_certificate_step_only_for_requiring_roles(db: Database) -> None:
    a = new_volunteer(db, "Anna", 60)
    for step in ("interview", "training", "confidentiality"):
        record_step(db, a, step, TODAY - dt.timedelta(days=50), today=TODAY)
    homework = create_activity(
        db, ActivityInput(name="Leksehjelp", target_groups=["children"],
                          requires_certificate=True, start_date=TODAY - dt.timedelta(days=100)),
    )  # fmt: skip
    add_team_member(db, homework, a, "leksehjelper", TODAY - dt.timedelta(days=40))
    assert board(db)["Anna"] == ("certificate", 40)  # since the need arose
    assert {r.name: r.long_wait for r in onboarding_board(db, today=TODAY)}["Anna"]
    record_shown(
        db,
        a,
        shown_on=TODAY - dt.timedelta(days=1),
        issued_on=TODAY - dt.timedelta(days=10),
        without_remarks=True,
        today=TODAY,
    )
    assert board(db)["Anna"] == ("ready", 1)


def test_switched_off_steps_are_skipped_and_bad_input_refused(db: Database) -> None:
    a = new_volunteer(db, "Anna", 5)
    set_enabled_steps(db, {"confidentiality"})
    assert board(db)["Anna"] == ("confidentiality", 5)
    with pytest.raises(ValidationFailed):
        record_step(db, a, "dancing", TODAY, today=TODAY)
    with pytest.raises(ValidationFailed):
        record_step(db, a, "interview", TODAY + dt.timedelta(days=1), today=TODAY)
    with pytest.raises(ValidationFailed):
        set_enabled_steps(db, {"magic"})
