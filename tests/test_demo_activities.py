"""Demo activities: realistic weeks (holidays skipped, staffing gaps, cancellations), attendance
that obeys the product's rules, consent for everyone named, and the same data for the same seed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.errors import Cancelled
from app.models import (
    Activity,
    ActivityType,
    Consent,
    Enrolment,
    Headcount,
    Participant,
    ParticipantAttendance,
    Person,
    RosterEntry,
    ScheduleRule,
    Session,
    VolunteerAttendance,
)
from app.models.attendance import AGE_BAND_COLUMNS, GENDER_COLUMNS
from app.services.activities import add_activity_type, list_activities
from app.services.age_bands import age_at
from app.services.attendance import get_attendance_sheet
from app.services.codes import BUILTIN_ACTIVITY_TYPES, CHILD_CONSENT_GIVERS
from app.services.demo import fill_demo
from app.services.enrolment import list_enrolment
from app.services.holidays import holiday_name
from app.services.rosters import refusal
from app.services.schedule import WeeklyRule, session_hours
from app.services.sessions import list_sessions, save_rule

TODAY = dt.date(2026, 6, 1)
FIRST, LAST = dt.date(2025, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite", create=True)
    fill_demo(db, size="small", seed=3, today=TODAY)
    yield db
    db.close()


def test_small_demo_has_a_dozen_activities_of_several_types(demo: Database) -> None:
    rows = list_activities(demo)
    assert 10 <= len(rows) <= 15
    types = Counter(r.type_code for r in rows)
    assert len(types) >= 7
    assert {"sprakkafe", "leksehjelp", "kvinnegruppe", "tur", "klesutdeling",
            "informasjonsmote"} <= set(types)  # fmt: skip
    assert all(r.place for r in rows)
    assert {r.counting for r in rows} == {"headcount", "enrolled", "both"}
    assert any(r.requires_certificate for r in rows)
    cafe = next(r for r in rows if r.type_code == "sprakkafe" and r.counting == "headcount")
    assert cafe.schedule == "torsdag 18:00–20:00" and cafe.place == "Sandnes bibliotek"


def test_sessions_cover_a_year_back_and_a_term_ahead(demo: Database) -> None:
    rows = list_sessions(demo, FIRST, LAST)
    assert 300 <= len(rows) <= 900
    assert min(r.date for r in rows) >= TODAY - dt.timedelta(days=365)
    assert max(r.date for r in rows) >= TODAY + dt.timedelta(days=90)
    past = [r for r in rows if r.date < TODAY and not r.cancelled]
    assert sum(r.attendance_recorded for r in past) > 0.9 * len(past)
    assert not any(r.attendance_recorded for r in rows if r.date >= TODAY)


def test_sessions_skip_public_holidays(demo: Database) -> None:
    rows = list_sessions(demo, FIRST, LAST)
    assert not [r for r in rows if (r.date.month, r.date.day) in ((5, 17), (12, 25))]
    assert not [r for r in rows if holiday_name(r.date)]
    # Kristi himmelfartsdag 2026 is Thursday 14 May: the Thursday café skips it, not its neighbours.
    cafe = {r.date for r in rows if r.activity == "Språkkafé på biblioteket"}
    assert dt.date(2026, 5, 14) not in cafe
    assert {dt.date(2026, 5, 7), dt.date(2026, 5, 21)} <= cafe


def test_some_sessions_understaffed_and_some_cancelled_with_a_reason(demo: Database) -> None:
    rows = list_sessions(demo, FIRST, LAST)
    cancelled = [r for r in rows if r.cancelled]
    assert 0 < len(cancelled) < 0.1 * len(rows)
    assert all(r.cancel_reason for r in cancelled)
    assert all(not r.attendance_recorded for r in cancelled)
    understaffed = [r for r in rows if r.understaffed]
    assert understaffed and len(understaffed) < 0.4 * len(rows)
    assert any(r.date >= TODAY for r in understaffed)


def test_future_rosters_obey_the_roster_rules(demo: Database) -> None:
    with demo.read() as session:
        entries = session.execute(
            select(Person, Session)
            .join(RosterEntry, RosterEntry.person_id == Person.id)
            .join(Session, Session.id == RosterEntry.session_id)
            .where(Session.date >= TODAY, Session.cancelled.is_(False))
        ).all()
        assert len(entries) > 50
        refused = [(p.name, s.date, why) for p, s in entries if (why := refusal(session, p, s))]
    assert refused == []


def test_volunteer_hours_fit_the_session(demo: Database) -> None:
    with demo.read() as session:
        rows = session.execute(
            select(VolunteerAttendance.hours, Session.start_time, Session.end_time).join(
                Session, Session.id == VolunteerAttendance.session_id
            )
        ).all()
    assert len(rows) > 200
    for hours, start, end in rows:
        assert session_hours(start, end) <= hours <= session_hours(start, end) + 2


def test_headcount_splits_never_exceed_the_total(demo: Database) -> None:
    with demo.read() as session:
        counts = session.scalars(select(Headcount)).all()
    assert len(counts) > 50
    gender_split = age_split = 0
    for count in counts:
        genders = [getattr(count, c) for c in GENDER_COLUMNS]
        ages = [getattr(count, c) for c in AGE_BAND_COLUMNS]
        assert count.total > 0
        if genders[0] is not None:
            gender_split += 1
            assert min(genders) >= 0 and sum(genders) <= count.total
        if ages[0] is not None:
            age_split += 1
            assert min(ages) >= 0 and sum(ages) <= count.total
    assert gender_split and age_split and age_split < len(counts)  # splits are optional


def test_every_participant_has_consent_and_every_child_a_guardians(demo: Database) -> None:
    with demo.read() as session:
        rows = session.execute(
            select(Person.birth_year, Participant.registered_on, Consent)
            .join(Participant, Participant.person_id == Person.id)
            .outerjoin(Consent, Consent.person_id == Person.id)
        ).all()
        marked = set(session.scalars(select(ParticipantAttendance.person_id).distinct()))
        participants = set(session.scalars(select(Participant.person_id)))
    assert len(rows) >= 50
    assert marked <= participants  # nobody is marked present by name without being registered
    children = 0
    for birth_year, registered_on, consent in rows:
        assert consent is not None and consent.withdrawn_on is None
        assert consent.purpose == "registration" and consent.method in ("oral", "written")
        assert consent.given_on <= TODAY and consent.staff_id is not None
        if (age_at(birth_year, registered_on) or 0) < 18:
            children += 1
            assert consent.given_by in CHILD_CONSENT_GIVERS
        else:
            assert consent.given_by == "self"
    assert children >= 20


def test_fixed_groups_enrol_to_capacity_with_a_waiting_list(demo: Database) -> None:
    homework = next(r for r in list_activities(demo) if r.name == "Leksehjelp 1.–7. trinn")
    assert homework.requires_certificate and homework.capacity == 20
    rows = list_enrolment(demo, homework.id)
    enrolled = [r for r in rows if r.status == "enrolled"]
    waiting = [r for r in rows if r.status == "waiting"]
    assert len(enrolled) == 20
    assert [r.position for r in waiting] == list(range(1, len(waiting) + 1)) and waiting
    assert [r.signed_up_on for r in waiting] == sorted(r.signed_up_on for r in waiting)
    with demo.read() as session:
        for capacity, activity_id in session.execute(
            select(Activity.capacity, Activity.id).where(Activity.capacity.is_not(None))
        ):
            count = session.scalar(
                select(func.count()).where(
                    Enrolment.activity_id == activity_id, Enrolment.status == "enrolled"
                )
            )
            assert count <= capacity


def test_enrolled_children_are_ticked_on_the_attendance_sheet(demo: Database) -> None:
    homework = next(r for r in list_activities(demo) if r.name == "Leksehjelp 1.–7. trinn")
    held = [r for r in list_sessions(demo, TODAY - dt.timedelta(days=40), TODAY, [homework.id])
            if r.attendance_recorded]  # fmt: skip
    assert held
    sheet = get_attendance_sheet(demo, held[-1].id)
    present = [p for p in sheet.participants if p.present]
    assert 10 <= len(present) == held[-1].attendance.registered <= 20
    assert all(p.enrolled for p in present)
    assert sum(v.present for v in sheet.volunteers) == held[-1].attendance.volunteers


def _fingerprint(path: Path, seed: int) -> list[tuple[object, ...]]:
    db = Database.open(path, create=True)
    fill_demo(db, size="small", seed=seed, today=TODAY)
    rows: list[tuple[object, ...]] = [
        (r.activity, r.date, r.start, r.place, r.cancelled, r.cancel_reason,
         r.volunteers_assigned, r.attendance)
        for r in list_sessions(db, FIRST, LAST)
    ]  # fmt: skip
    rows += [(a.name, a.type_code, a.schedule, a.capacity) for a in list_activities(db)]
    db.close()
    return rows


def test_same_seed_same_activities_and_attendance(tmp_path: Path) -> None:
    first = _fingerprint(tmp_path / "a.sqlite", seed=11)
    assert first == _fingerprint(tmp_path / "b.sqlite", seed=11)
    assert first != _fingerprint(tmp_path / "c.sqlite", seed=12)


def test_force_keeps_the_builtin_activity_types(db: Database) -> None:
    fill_demo(db, seed=1, today=TODAY)
    add_activity_type(db, "Strikkekafé", "culture")
    fill_demo(db, seed=2, today=TODAY, force=True)
    with db.read() as session:
        codes = set(session.scalars(select(ActivityType.code)))
    assert codes == set(BUILTIN_ACTIVITY_TYPES)
    assert len(list_activities(db)) >= 10


def _contents(db: Database) -> tuple[object, ...]:
    with db.read() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        sessions = session.scalar(select(func.count()).select_from(Session))
        marks = session.scalar(select(func.count()).select_from(ParticipantAttendance))
    return people, sessions, marks, [a.name for a in list_activities(db)]


def test_progress_runs_through_activities_and_stopping_there_changes_nothing(
    db: Database,
) -> None:
    seen: list[tuple[int, int]] = []
    fill_demo(db, seed=1, today=TODAY, progress=lambda done, total: seen.append((done, total)))
    total = seen[-1][1]
    assert seen[-1] == (total, total) and total > 150
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    before = _contents(db)

    def stop_a_few_activities_in() -> bool:
        return bool(seen) and seen[-1][0] > 152

    seen.clear()
    with pytest.raises(Cancelled):
        fill_demo(db, seed=2, force=True, today=TODAY, should_stop=stop_a_few_activities_in,
                  progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen[-1][0] > 150  # it got past the volunteers, into the activities
    assert _contents(db) == before  # one transaction: the first demo is still there, whole


def test_saving_a_demo_rule_again_changes_no_session(db: Database) -> None:
    """The demo's sessions are what the app's own rules generate (same dates, same weeks)."""
    fill_demo(db, seed=5, today=TODAY)
    with db.read() as session:
        rules = session.execute(
            select(ScheduleRule, Activity.uuid).join(
                Activity, Activity.id == ScheduleRule.activity_id
            )
        ).all()
    assert len(rules) >= 9 and any(rule.every_weeks == 2 for rule, _a in rules)
    for rule, activity_id in rules:
        weekly = WeeklyRule(rule.weekday, rule.every_weeks, rule.start_time, rule.end_time,
                            rule.first_date, rule.last_date)  # fmt: skip
        result = save_rule(db, activity_id, weekly, rule_id=rule.uuid)
        assert result.changes.add == [] and result.changes.remove == [], activity_id
