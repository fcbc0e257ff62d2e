"""Demo police certificates and onboarding: every state and step, records that tell the story the
services would have written, rosters that obey the certificate rule, the same data for a seed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database, session_reader
from app.models import (
    Activity,
    ActivityType,
    AuditEntry,
    Base,
    Certificate,
    CertificateEvent,
    Course,
    CourseAttendance,
    OnboardingStep,
    Person,
    RosterEntry,
    Session,
    TeamMember,
)
from app.services.certificate_need import requiring_roles
from app.services.certificate_rules import check_shown, expires_on
from app.services.certificates import (
    has_valid_certificate,
    list_certificates,
    policy,
)
from app.services.demo import _clear, fill_demo
from app.services.onboarding import onboarding_board
from app.services.teams import age_problem

TODAY = dt.date(2026, 6, 1)
STATES = {"needed", "requested", "cleared", "not_cleared", "expired"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(tmp_path_factory.mktemp("certs") / "demo.sqlite", create=True)
    fill_demo(db, size="small", seed=3, today=TODAY)
    yield db
    db.close()


def _count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_every_state_is_in_the_small_demo(demo: Database) -> None:
    rows = list_certificates(demo, today=TODAY)
    assert {r.status for r in rows} == STATES
    assert any(r.expires_soon for r in rows)  # cleared, renewal due within 60 days
    waiting = [r.days_waiting for r in rows if r.status == "requested"]
    assert any(d > 42 for d in waiting) and any(d <= 42 for d in waiting)  # some over 6 weeks
    assert sum(r.status == "cleared" for r in rows) >= len(rows) / 3


def test_every_holder_has_a_record_and_reading_changes_nothing(demo: Database) -> None:
    with demo.read() as session:
        holders = set(requiring_roles(session_reader(session), TODAY))
        recorded = set(session.scalars(select(Certificate.person_id)))
    assert holders and holders <= recorded
    before = (_count(demo, Certificate), _count(demo, CertificateEvent), _count(demo, AuditEntry))
    list_certificates(demo, today=TODAY)  # brings records up to date: nothing to do
    assert (_count(demo, Certificate), _count(demo, CertificateEvent),
            _count(demo, AuditEntry)) == before  # fmt: skip


def test_future_rosters_on_requiring_activities_have_a_valid_certificate(demo: Database) -> None:
    with demo.read() as session:
        entries = session.execute(
            select(RosterEntry.person_id, Session.date)
            .join(Session, Session.id == RosterEntry.session_id)
            .join(Activity, Activity.id == Session.activity_id)
            .where(Session.date >= TODAY, Activity.requires_certificate.is_(True))
        ).all()
        assert len(entries) > 20
        invalid = [(p, d) for p, d in entries if not has_valid_certificate(session, p, d)]
    assert invalid == []


def test_records_and_their_history_agree(demo: Database) -> None:
    with demo.read() as session:
        rules = policy(session)
        records = session.scalars(select(Certificate)).all()
        events = session.scalars(select(CertificateEvent).order_by(CertificateEvent.id)).all()
        by_record: dict[int, list[CertificateEvent]] = {}
        for event in events:
            by_record.setdefault(event.certificate_id, []).append(event)
        for cert in records:
            history = by_record[cert.id]
            assert (history[0].from_status, history[0].to_status) == (None, "needed")
            assert history[0].on_date == cert.needed_since
            for before, after in zip(history, history[1:], strict=False):
                assert after.from_status == before.to_status
                assert after.on_date >= before.on_date
            assert history[-1].to_status == cert.status
            assert all(e.on_date <= TODAY for e in history)
            if cert.status in ("cleared", "not_cleared", "expired"):
                assert cert.shown_on and cert.issued_on and cert.checked_by_id
                assert check_shown(shown_on=cert.shown_on, issued_on=cert.issued_on,
                                   requested_on=cert.requested_on, today=TODAY,
                                   policy=rules) == {}  # fmt: skip
            if cert.status == "cleared":
                assert cert.expires_on == expires_on(cert.issued_on, rules) >= TODAY
            if cert.status == "expired":
                assert cert.expires_on == expires_on(cert.issued_on, rules) < TODAY
            if cert.status == "not_cleared":
                assert cert.expires_on is None
            if cert.status == "needed":
                assert cert.requested_on is cert.shown_on is cert.issued_on is None
            if cert.status == "requested":
                assert cert.requested_on and history[-1].on_date == cert.requested_on
            if cert.no_role_since is not None:
                assert (TODAY - cert.no_role_since).days <= rules.grace_days
    assert any(len(h) > 4 for h in by_record.values())  # renewed at least once


def test_team_members_obey_the_age_rule(demo: Database) -> None:
    with demo.read() as session:
        rows = session.execute(
            select(
                Person.name, Person.birth_year, TeamMember.from_date, TeamMember.youth_role
            ).join(TeamMember, TeamMember.person_id == Person.id)
        ).all()
    assert rows
    assert [r for r in rows if age_problem(r[0], r[1], r[2], r[3])] == []


def test_onboarding_board_has_every_step_and_long_waits(demo: Database) -> None:
    board = onboarding_board(demo, today=TODAY)
    steps = {r.step for r in board}
    assert {"interview", "training", "confidentiality", "certificate", "ready"} <= steps
    assert any(r.long_wait and r.step != "certificate" for r in board)
    assert sum(r.step == "ready" for r in board) > len(board) / 2
    with demo.read() as session:
        assert session.scalar(select(func.count()).select_from(Course)) >= 5
        trained = session.execute(
            select(OnboardingStep.done_on, Course.held_on, Course.name)
            .join(CourseAttendance, CourseAttendance.person_id == OnboardingStep.person_id)
            .join(Course, Course.id == CourseAttendance.course_id)
            .where(OnboardingStep.step == "training", Course.name == "Grunnkurs for frivillige")
        ).all()
        steps_rows = session.scalars(select(OnboardingStep)).all()
    assert trained and all(done == held for done, held, _n in trained)
    assert all(s.done_on <= TODAY and s.staff_id is not None for s in steps_rows)


def _fingerprint(path: Path, seed: int) -> list[tuple[object, ...]]:
    db = Database.open(path, create=True)
    fill_demo(db, size="small", seed=seed, today=TODAY)
    rows: list[tuple[object, ...]] = [
        (r.name, r.role, r.status, r.needed_since, r.requested_on, r.shown_on, r.issued_on,
         r.expires_on, r.checked_by)
        for r in list_certificates(db, today=TODAY)
    ]  # fmt: skip
    rows += [(r.name, r.step, r.since, r.done) for r in onboarding_board(db, today=TODAY)]
    db.close()
    return rows


def test_same_seed_same_certificates_and_onboarding(tmp_path: Path) -> None:
    first = _fingerprint(tmp_path / "a.sqlite", seed=11)
    assert first == _fingerprint(tmp_path / "b.sqlite", seed=11)
    assert first != _fingerprint(tmp_path / "c.sqlite", seed=12)


def test_replacing_the_demo_clears_every_table_but_the_centre(db: Database) -> None:
    fill_demo(db, seed=1, today=TODAY)
    with db.write() as session:
        session.add(AuditEntry(actor="test", action="delete_certificate",
                               record_table="certificates", record_uuid="x"))  # fmt: skip
    with db.write() as session:
        _clear(session)
    with db.read() as session:
        left = {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }
        builtin = session.scalar(select(func.count()).select_from(ActivityType))
    assert left.pop("centre") == 1 and left.pop("activity_types") == builtin > 0
    assert {name: n for name, n in left.items() if n} == {}
