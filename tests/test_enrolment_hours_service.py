"""Fixed groups with a waiting list; hours from sessions and outside them; age bands."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db import Database
from app.errors import ValidationFailed
from app.services.age_bands import age_band
from app.services.attendance import AttendanceInput, save_attendance
from app.services.enrolment import enrol, leave, list_enrolment, promote, waiting_list
from app.services.hours import hours_summary, log_hours
from tests.services_fixtures import TODAY, activity, participant, volunteer, weekly


def test_waiting_list_in_sign_up_order_and_next_proposed(db: Database) -> None:
    a = activity(db, "Leksehjelp", counting="enrolled", capacity=2)
    people = [participant(db, name, 2012) for name in ("Ali", "Berit", "Cem", "Dina")]
    statuses = [enrol(db, a, p, dt.date(2026, 1, 1) + dt.timedelta(days=i))
                for i, p in enumerate(people)]  # fmt: skip
    assert statuses == ["enrolled", "enrolled", "waiting", "waiting"]
    assert [(r.name, r.position) for r in waiting_list(db, a)] == [("Cem", 1), ("Dina", 2)]
    with pytest.raises(ValidationFailed):
        enrol(db, a, people[0], dt.date(2026, 2, 1))
    with pytest.raises(ValidationFailed, match="full"):
        promote(db, a, people[3], dt.date(2026, 2, 1))
    proposal = leave(db, a, people[0], dt.date(2026, 2, 1))
    assert proposal is not None and proposal.name == "Cem"
    promote(db, a, proposal.participant_id, dt.date(2026, 2, 2))
    assert [(r.name, r.status) for r in list_enrolment(db, a)] == [
        ("Berit", "enrolled"), ("Cem", "enrolled"), ("Dina", "waiting")]  # fmt: skip
    assert leave(db, a, people[3], dt.date(2026, 2, 3)) is None  # leaving the list frees nothing


def test_headcount_only_activity_has_no_enrolment(db: Database) -> None:
    a = activity(db, counting="headcount")
    with pytest.raises(ValidationFailed):
        enrol(db, a, participant(db), dt.date(2026, 1, 1))


def test_hours_from_sessions_and_logged(db: Database) -> None:
    a = activity(db, start=dt.date(2025, 1, 1))
    sessions = weekly(db, a, first=dt.date(2025, 11, 1), last=dt.date(2026, 3, 31))
    kari = volunteer(db)
    save_attendance(db, sessions[0].id, AttendanceInput(volunteers={kari: 2.0}))  # 2025
    save_attendance(db, sessions[-1].id, AttendanceInput(volunteers={kari: 1.5}))  # 2026
    log_hours(db, kari, dt.date(2026, 5, 17), 3.0, "driving", today=TODAY)
    summary = hours_summary(db, kari, today=TODAY)
    assert (summary.this_year, summary.total) == (4.5, 6.5)
    for hours, category, day in (
        (0, "driving", TODAY),
        (25, "driving", TODAY),
        (2, "x", TODAY),
        (2, "event", TODAY + dt.timedelta(days=1)),
    ):
        with pytest.raises(ValidationFailed):
            log_hours(db, kari, day, hours, category, today=TODAY)  # fmt: skip


def test_age_band_at_the_session_date() -> None:
    assert age_band(2014, dt.date(2026, 12, 31)) == "6-12"
    assert age_band(2014, dt.date(2027, 1, 1)) == "13-17"  # changes during a period
    assert age_band(None, dt.date(2026, 1, 1)) == "unknown"
    assert age_band(1959, dt.date(2026, 1, 1)) == "67+"
    assert age_band(2030, dt.date(2026, 1, 1)) == "unknown"


@given(st.integers(1900, 2026), st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
def test_age_band_boundaries(birth_year: int, day: dt.date) -> None:
    age = day.year - birth_year
    band = age_band(birth_year, day)
    if age < 0:
        assert band == "unknown"
    elif band == "67+":
        assert age >= 67
    else:
        low, high = (int(x) for x in band.split("-"))
        assert low <= age <= high
