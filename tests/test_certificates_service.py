"""Police certificates: the need from roles, the state machine, dates, deletion, the guard."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.db import Database
from app.errors import ValidationFailed
from app.models import AuditEntry, Certificate
from app.services.activities import ActivityInput, create_activity, get_activity, update_activity
from app.services.certificate_rules import (
    CertificatePolicy,
    add_months,
    check_shown,
    expires_on,
    oldest_acceptable_issue,
)
from app.services.certificates import (
    certificate_history,
    list_certificates,
    record_shown,
    request_certificate,
    sync_certificates,
)
from app.services.rosters import roster_volunteer, session_roster
from app.services.teams import add_team_member, end_team_member
from app.services.volunteers import VolunteerInput, change_status, create_volunteer
from tests.services_fixtures import weekly

TODAY = dt.date.today()
POLICY = CertificatePolicy()


def homework(db: Database) -> str:
    return create_activity(
        db,
        ActivityInput(name="Leksehjelp", type_code="leksehjelp", target_groups=["children"],
                      requires_certificate=True, start_date=TODAY - dt.timedelta(days=400)),
    )  # fmt: skip


def kari(db: Database, birth_year: int | None = 1980) -> str:
    return create_volunteer(
        db, VolunteerInput(name="Kari Ødegård", birth_year=birth_year,
                           start_date=TODAY - dt.timedelta(days=300)),
    )  # fmt: skip


# -- arithmetic -----------------------------------------------------------------------------------


def test_month_arithmetic_across_month_ends_and_leap_years() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 5, 31), -3) == dt.date(2026, 2, 28)
    assert expires_on(dt.date(2024, 2, 29), POLICY) == dt.date(2027, 2, 28)
    assert oldest_acceptable_issue(dt.date(2026, 5, 31), POLICY) == dt.date(2026, 2, 28)


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), st.integers(-36, 36))
def test_add_months_lands_in_the_right_month(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == day.day or (result.day < day.day and (result + dt.timedelta(1)).day == 1)


def test_shown_date_rules() -> None:
    today = dt.date(2026, 11, 22)
    ok = dict(shown_on=dt.date(2026, 11, 20), issued_on=dt.date(2026, 10, 1),
              requested_on=dt.date(2026, 9, 15), today=today, policy=POLICY)  # fmt: skip
    assert check_shown(**ok) == {}
    assert "issued_on" in check_shown(**{**ok, "issued_on": dt.date(2026, 11, 30)})
    assert "shown_on" in check_shown(**{**ok, "shown_on": dt.date(2026, 9, 30)})  # < issued
    assert "shown_on" in check_shown(**{**ok, "issued_on": dt.date(2026, 9, 1),
                                        "shown_on": dt.date(2026, 9, 10)})  # fmt: skip
    too_old = check_shown(**{**ok, "issued_on": dt.date(2026, 8, 19)})
    assert "for gammel" in too_old["issued_on"]


# -- need, states, deletion -------------------------------------------------------------------


def test_joining_a_requiring_team_creates_the_need_at_once(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY)
    [row] = list_certificates(db)
    assert (row.name, row.status, row.role) == ("Kari Ødegård", "needed",
                                                 "Leksehjelp (leksehjelper)")  # fmt: skip


def test_state_machine_with_history_and_no_duplicates(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    request_certificate(db, volunteer, TODAY - dt.timedelta(days=50))
    [row] = list_certificates(db)
    assert row.status == "requested" and row.days_waiting == 50
    shown = TODAY - dt.timedelta(days=10)
    issued = TODAY - dt.timedelta(days=20)
    record_shown(db, volunteer, shown_on=shown, issued_on=issued, without_remarks=True)
    record_shown(db, volunteer, shown_on=shown, issued_on=issued, without_remarks=True)
    [row] = list_certificates(db)
    assert row.status == "cleared" and row.expires_on == expires_on(issued, POLICY)
    assert [to for _day, _from, to in certificate_history(db, volunteer)] == [
        "needed", "requested", "cleared"]  # fmt: skip
    with pytest.raises(ValidationFailed) as failure:
        record_shown(db, volunteer, shown_on=TODAY, issued_on=TODAY + dt.timedelta(days=1),
                     without_remarks=True)  # fmt: skip
    assert "issued_on" in failure.value.errors


def test_shown_before_requested_is_refused(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    request_certificate(db, volunteer, TODAY - dt.timedelta(days=5))
    with pytest.raises(ValidationFailed) as failure:
        record_shown(db, volunteer, shown_on=TODAY - dt.timedelta(days=6),
                     issued_on=TODAY - dt.timedelta(days=7), without_remarks=True)  # fmt: skip
    assert "bedt om" in failure.value.errors["shown_on"]


def test_expiry_and_due_within(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    issued = TODAY - dt.timedelta(days=30)
    record_shown(db, volunteer, shown_on=TODAY - dt.timedelta(days=1), issued_on=issued,
                 without_remarks=True)  # fmt: skip
    expiry = expires_on(issued, POLICY)
    assert list_certificates(db, due_within=30) == []
    soon = list_certificates(db, today=expiry - dt.timedelta(days=20))
    assert soon[0].expires_soon and soon[0].status == "cleared"
    later = list_certificates(db, today=expiry + dt.timedelta(days=1))
    assert later[0].status == "expired"
    assert list_certificates(db, status="expired", today=expiry + dt.timedelta(days=1))


def test_record_deleted_after_grace_not_during_a_pause(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    member = add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=90))
    change_status(db, volunteer, "paused", TODAY - dt.timedelta(days=80), "Eksamen")
    sync_certificates(db, TODAY)
    sync_certificates(db, TODAY + dt.timedelta(days=60))
    assert len(list_certificates(db, today=TODAY + dt.timedelta(days=61))) == 1  # paused: kept
    end_team_member(db, member, TODAY)
    sync_certificates(db, TODAY + dt.timedelta(days=1))  # no role since tomorrow
    sync_certificates(db, TODAY + dt.timedelta(days=20))
    assert len(list_certificates(db, today=TODAY + dt.timedelta(days=25))) == 1  # within grace
    sync_certificates(db, TODAY + dt.timedelta(days=40))
    assert list_certificates(db, today=TODAY + dt.timedelta(days=40)) == []
    with db.read() as session:
        [entry] = session.scalars(select(AuditEntry)).all()
        assert entry.action == "delete_certificate" and entry.record_table == "certificates"
        assert session.scalars(select(Certificate)).all() == []


def test_turning_the_flag_on_creates_needs_and_adults_only_warns(db: Database) -> None:
    activity = create_activity(
        db, ActivityInput(name="Språkkafé", type_code="sprakkafe", target_groups=["adults"],
                          start_date=TODAY - dt.timedelta(days=10)),
    )  # fmt: skip
    add_team_member(db, activity, kari(db), "vert", TODAY - dt.timedelta(days=5))
    assert list_certificates(db) == []
    data = get_activity(db, activity).input
    data.requires_certificate = True
    update_activity(db, activity, data)
    assert [r.status for r in list_certificates(db)] == ["needed"]


# -- the guard and the age rule -------------------------------------------------------------------


def test_rostering_requires_a_valid_certificate(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    session = weekly(db, activity, first=TODAY + dt.timedelta(days=1),
                     last=TODAY + dt.timedelta(days=60))[0]  # fmt: skip
    with pytest.raises(ValidationFailed) as failure:
        roster_volunteer(db, session.id, volunteer)
    message = failure.value.errors["volunteer"]
    assert "har ikke gyldig politiattest" in message and "merknad" not in message
    record_shown(db, volunteer, shown_on=TODAY, issued_on=TODAY - dt.timedelta(days=3),
                 without_remarks=True)  # fmt: skip
    roster_volunteer(db, session.id, volunteer)
    assert [r.name for r in session_roster(db, session.id)] == ["Kari Ødegård"]


def test_not_cleared_is_never_valid_and_messages_stay_generic(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    record_shown(db, volunteer, shown_on=TODAY, issued_on=TODAY - dt.timedelta(days=3),
                 without_remarks=False)  # fmt: skip
    session = weekly(db, activity, first=TODAY + dt.timedelta(days=1),
                     last=TODAY + dt.timedelta(days=30))[0]  # fmt: skip
    with pytest.raises(ValidationFailed) as failure:
        roster_volunteer(db, session.id, volunteer)
    assert "har ikke gyldig politiattest" in failure.value.errors["volunteer"]
    assert "merknad" not in failure.value.errors["volunteer"]


def test_age_rule_when_joining_a_team(db: Database) -> None:
    activity = homework(db)
    young = create_volunteer(db, VolunteerInput(name="Ung Frivillig",
                                                birth_year=TODAY.year - 17))  # fmt: skip
    with pytest.raises(ValidationFailed, match="minst 18"):
        add_team_member(db, activity, young, "leksehjelper", TODAY)
    add_team_member(db, activity, young, "ungdomsleder", TODAY, youth_role=True)
    younger = create_volunteer(db, VolunteerInput(name="Yngre", birth_year=TODAY.year - 15))
    with pytest.raises(ValidationFailed, match="minst 16"):
        add_team_member(db, activity, younger, "ungdomsleder", TODAY, youth_role=True)


def test_renewal_can_be_requested_within_the_reminder_and_keeps_validity(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    issued = TODAY - dt.timedelta(days=10)
    record_shown(db, volunteer, shown_on=TODAY, issued_on=issued, without_remarks=True)
    expiry = expires_on(issued, POLICY)
    with pytest.raises(ValidationFailed, match="Fornyelse kan bes om"):
        request_certificate(db, volunteer, TODAY)
    renew_day = expiry - dt.timedelta(days=30)
    request_certificate(db, volunteer, renew_day, today=renew_day)
    with db.read() as session:
        from app.services.certificates import has_valid_certificate

        person_id = session.scalars(select(Certificate.person_id)).one()
        assert has_valid_certificate(session, person_id, expiry)
        assert not has_valid_certificate(session, person_id, expiry + dt.timedelta(days=1))


def test_a_planned_role_keeps_the_need(db: Database) -> None:
    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY + dt.timedelta(days=60))
    sync_certificates(db, TODAY)
    sync_certificates(db, TODAY + dt.timedelta(days=45))
    [row] = list_certificates(db, today=TODAY + dt.timedelta(days=45))
    assert row.status == "needed" and row.role == "Leksehjelp (leksehjelper)"


def test_validity_by_volunteer_reads_without_changing(db: Database) -> None:
    from app.services.certificate_need import validity_by_volunteer

    activity, volunteer = homework(db), kari(db)
    other = create_volunteer(db, VolunteerInput(name="Per Hansen"))
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=5))
    assert validity_by_volunteer(db) == {volunteer: False}  # Per has no requiring role
    record_shown(db, volunteer, shown_on=TODAY, issued_on=TODAY - dt.timedelta(days=3),
                 without_remarks=True)  # fmt: skip
    assert validity_by_volunteer(db) == {volunteer: True}
    assert other not in validity_by_volunteer(db)


def test_rostered_sessions_after_expiry_are_warned(db: Database) -> None:
    from app.services.certificates import rostered_after_expiry
    from app.services.sessions import list_sessions

    activity, volunteer = homework(db), kari(db)
    add_team_member(db, activity, volunteer, "leksehjelper", TODAY - dt.timedelta(days=60))
    sessions = weekly(db, activity, first=TODAY + dt.timedelta(days=1),
                      last=TODAY + dt.timedelta(days=120))  # fmt: skip
    # A certificate issued long ago, shown in time, expiring within the next weeks.
    policy = CertificatePolicy(max_age_months=24)
    from app.services.certificates import set_policy

    set_policy(db, policy)
    issued = add_months(TODAY, -36) + dt.timedelta(days=30)
    record_shown(db, volunteer, shown_on=issued + dt.timedelta(days=5), issued_on=issued,
                 without_remarks=True, today=issued + dt.timedelta(days=5))  # fmt: skip
    expiry = expires_on(issued, policy)
    before = [s for s in sessions if s.date <= expiry]
    after = [s for s in sessions if s.date > expiry]
    assert before and after
    roster_volunteer(db, before[0].id, volunteer)
    # Rostering after expiry is refused; a roster made earlier can still end up there.
    with pytest.raises(ValidationFailed):
        roster_volunteer(db, after[0].id, volunteer)
    with db.write() as session:
        from app.models import Person, RosterEntry
        from app.models import Session as SessionRow

        pid = session.scalars(select(Person.id).where(Person.uuid == volunteer)).one()
        sid = session.scalars(select(SessionRow.id).where(SessionRow.uuid == after[0].id)).one()
        session.add(RosterEntry(session_id=sid, person_id=pid, role="leksehjelper"))
    warnings = rostered_after_expiry(db)
    assert [(w.name, w.session_date) for w in warnings] == [("Kari Ødegård", after[0].date)]
    rows = {r.id: r for r in list_sessions(db, TODAY, TODAY + dt.timedelta(days=120))}
    assert rows[after[0].id].certificate_warnings == 1
    assert rows[before[0].id].certificate_warnings == 0
