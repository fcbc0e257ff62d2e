"""Volunteers taken into a pairing programme: a role that needs a police certificate at intake."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db import Database
from app.errors import ValidationFailed
from app.services.certificates import list_certificates, record_shown, request_certificate
from app.services.pairings import propose
from app.services.programme_members import join_programme, leave_programme, memberships
from app.services.programmes import find_programme
from app.services.volunteers import change_status
from tests.test_pairings import TODAY, household, participant, programme, volunteer, waiting

D = dt.date


def test_joining_a_programme_with_children_creates_the_certificate_need(db: Database) -> None:
    kari = volunteer(db, certificate=False)
    guide = find_programme(db, "Flyktningguide")
    join_programme(db, kari, guide.id, D(2026, 10, 1))
    rows = [r for r in list_certificates(db, today=TODAY) if r.volunteer_id == kari]
    assert [r.status for r in rows] == ["needed"]
    assert "Flyktningguide (frivillig i programmet)" in rows[0].role
    assert [(m.programme, m.to_date) for m in memberships(db, kari)] == [("Flyktningguide", None)]


def test_a_programme_that_never_needs_one_creates_no_need(db: Database) -> None:
    kari = volunteer(db, certificate=False)
    mentor = programme(db, "Vennefamilie", certificate="never")
    join_programme(db, kari, mentor, D(2026, 10, 1))
    assert [r for r in list_certificates(db, today=TODAY) if r.volunteer_id == kari] == []


def test_intake_then_certificate_then_a_proposal_for_a_family_with_children(
    db: Database,
) -> None:
    """The order a centre works in: take in, ask for the certificate, see it, then propose."""
    kari = volunteer(db, certificate=False)
    family = household(db, people=[participant(db)], children=[2018])
    pairing = waiting(db, family)
    with pytest.raises(ValidationFailed):
        propose(db, pairing, [kari], TODAY, today=TODAY)  # no certificate yet
    join_programme(db, kari, find_programme(db, "Flyktningguide").id, D(2026, 10, 1))
    request_certificate(db, kari, D(2026, 10, 2), today=TODAY)
    record_shown(db, kari, shown_on=D(2026, 10, 30), issued_on=D(2026, 10, 20),
                 without_remarks=True, today=TODAY)  # fmt: skip
    propose(db, pairing, [kari], TODAY, today=TODAY)


def test_membership_refusals_and_leaving(db: Database) -> None:
    kari = volunteer(db)
    guide = find_programme(db, "Flyktningguide").id
    join_programme(db, kari, guide, D(2026, 10, 1))
    with pytest.raises(ValidationFailed, match="allerede med"):
        join_programme(db, kari, guide, D(2026, 10, 2))
    with pytest.raises(ValidationFailed, match="før"):
        leave_programme(db, kari, guide, D(2026, 9, 1))
    leave_programme(db, kari, guide, D(2026, 11, 1))
    assert memberships(db, kari)[0].to_date == D(2026, 11, 1)
    join_programme(db, kari, guide, D(2026, 11, 10))  # back again
    assert memberships(db, kari)[0].to_date is None
    ended = volunteer(db, "Per Hansen")
    change_status(db, ended, "ended", D(2026, 11, 1), "Flyttet")
    with pytest.raises(ValidationFailed, match="sluttet"):
        join_programme(db, ended, guide, D(2026, 11, 10))
