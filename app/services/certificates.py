"""Police certificates: who needs one, the record's states and history, and deletion.

The need follows from roles: membership of the team of an activity marked "krever politiattest",
and a place in a proposed or active pairing of a programme whose certificate rule applies (always,
or when the household has children under 18; see `certificate_need.requiring_roles`). Joining such
a team, or being proposed for such a pairing, creates the record (`needed`) at once. When a
person holds no such role any more, the record is deleted after the grace period; the deletion is
logged (who, when), not what was deleted. A volunteer's pause is not the end of a role.

Who sees what: the details are for the responsible staff; every message to anyone else says only
"har ikke gyldig politiattest" (`NO_VALID_CERTIFICATE`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.db import Database, session_reader
from app.errors import NotFound, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date
from app.models import (
    Activity,
    AuditEntry,
    Centre,
    Certificate,
    CertificateEvent,
    Person,
    RosterEntry,
    Session,
    Staff,
)
from app.services.certificate_need import requiring_roles, valid_on
from app.services.certificate_rules import CertificatePolicy, check_shown, expires_on
from app.services.text import sort_key

NO_VALID_CERTIFICATE = "har ikke gyldig politiattest"
SYSTEM_ACTOR = "Dugnad"


@dataclass(frozen=True)
class CertificateRow:
    """One line of the certificates overview and of `dugnad certificates`."""

    id: str
    volunteer_id: str
    name: str
    role: str
    status: str
    needed_since: dt.date
    requested_on: dt.date | None
    shown_on: dt.date | None
    issued_on: dt.date | None
    expires_on: dt.date | None
    checked_by: str | None
    days_waiting: int | None
    expires_soon: bool


def policy(session: OrmSession) -> CertificatePolicy:
    centre = session.scalars(select(Centre).order_by(Centre.id)).first()
    if centre is None:
        return CertificatePolicy()
    return CertificatePolicy(
        max_age_months=centre.certificate_max_age_months,
        renewal_years=centre.certificate_renewal_years,
        reminder_days=centre.certificate_reminder_days,
        grace_days=centre.certificate_grace_days,
    )


def get_policy(db: Database) -> CertificatePolicy:
    with db.read() as session:
        return policy(session)


def set_policy(db: Database, new: CertificatePolicy) -> None:
    errors: dict[str, str] = {}
    if not 1 <= new.max_age_months <= 24:
        errors["max_age_months"] = _("Maksimal alder må være mellom 1 og 24 måneder.")
    if not 1 <= new.renewal_years <= 10:
        errors["renewal_years"] = _("Fornyelse må være mellom 1 og 10 år.")
    if not 0 <= new.reminder_days <= 365:
        errors["reminder_days"] = _("Varsel må være mellom 0 og 365 dager.")
    if not 0 <= new.grace_days <= 365:
        errors["grace_days"] = _("Fristen må være mellom 0 og 365 dager.")
    if errors:
        raise ValidationFailed(errors)
    with db.write() as session:
        centre = session.scalars(select(Centre).order_by(Centre.id)).first()
        if centre is None:
            centre = Centre(name="")
            session.add(centre)
        centre.certificate_max_age_months = new.max_age_months
        centre.certificate_renewal_years = new.renewal_years
        centre.certificate_reminder_days = new.reminder_days
        centre.certificate_grace_days = new.grace_days


# -- the need -----------------------------------------------------------------------------------


def _event(
    session: OrmSession, cert: Certificate, on: dt.date, to: str, staff_id: int | None
) -> None:
    session.add(CertificateEvent(certificate_id=cert.id, on_date=on, from_status=cert.status,
                                 to_status=to, staff_id=staff_id))  # fmt: skip
    cert.status = to


def sync_in(session: OrmSession, today: dt.date, actor: str = SYSTEM_ACTOR) -> None:
    """Bring every record in line with today's roles and dates (inside a transaction).

    Creates `needed` records for new roles, marks cleared certificates past their expiry as
    `expired`, and deletes records of people without a requiring role beyond the grace period.
    """
    rules = policy(session)
    roles = requiring_roles(session_reader(session), today)
    records = {c.person_id: c for c in session.scalars(select(Certificate))}
    for person_id in roles:
        cert = records.get(person_id)
        if cert is None:
            cert = Certificate(person_id=person_id, status="needed", needed_since=today)
            session.add(cert)
            session.flush()
            session.add(CertificateEvent(certificate_id=cert.id, on_date=today,
                                         from_status=None, to_status="needed"))  # fmt: skip
        cert.no_role_since = None
    for person_id, cert in records.items():
        if cert.status == "cleared" and cert.expires_on and cert.expires_on < today:
            _event(session, cert, cert.expires_on, "expired", None)
        if person_id in roles:
            continue
        if cert.no_role_since is None:
            cert.no_role_since = today
        elif (today - cert.no_role_since).days > rules.grace_days:
            session.add(AuditEntry(actor=actor, action="delete_certificate",
                                   record_table="certificates", record_uuid=cert.uuid))  # fmt: skip
            session.delete(cert)


def sync_certificates(db: Database, today: dt.date | None = None) -> None:
    with db.write() as session:
        sync_in(session, today or dt.date.today())


# -- validity (the rule that protects children) ---------------------------------------------------


def has_valid_certificate(session: OrmSession, person_id: int, on: dt.date) -> bool:
    cert = session.scalars(select(Certificate).where(Certificate.person_id == person_id)).first()
    return cert is not None and valid_on(cert.status, cert.expires_on, on)


# -- state changes --------------------------------------------------------------------------------


def _load(session: OrmSession, volunteer_id: str) -> tuple[Person, Certificate]:
    person = session.scalars(select(Person).where(Person.uuid == volunteer_id)).one_or_none()
    if person is None or person.volunteer is None:
        raise NotFound(_("Fant ingen frivillig med ID {id}.").format(id=volunteer_id))
    cert = session.scalars(select(Certificate).where(Certificate.person_id == person.id)).first()
    if cert is None:
        raise ValidationFailed(
            {"certificate": _("{name} har ingen rolle som krever politiattest.").format(
                name=person.name)}
        )  # fmt: skip
    return person, cert


def _staff(session: OrmSession, staff_id: str | None) -> int | None:
    if staff_id is None:
        return None
    found = session.scalar(select(Staff.id).where(Staff.uuid == staff_id))
    if found is None:
        raise NotFound(_("Fant ingen ansatt med ID {id}.").format(id=staff_id))
    return found


def request_certificate(
    db: Database,
    volunteer_id: str,
    on: dt.date,
    staff_id: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Record that the volunteer was asked (and given the purpose confirmation)."""
    today = today or dt.date.today()
    if on > today:
        raise ValidationFailed({"requested_on": _("Datoen kan ikke være i fremtiden.")})
    with db.write() as session:
        sync_in(session, today)
        _person, cert = _load(session, volunteer_id)
        if cert.status == "requested" and cert.requested_on == on:
            return
        rules = policy(session)
        if cert.status == "cleared" and cert.expires_on is not None:
            renew_from = cert.expires_on - dt.timedelta(days=rules.reminder_days)
            if on < renew_from:
                raise ValidationFailed(
                    {"certificate": _(
                        "Attesten er gyldig til {expires}. Fornyelse kan bes om fra {date}."
                    ).format(expires=format_date(cert.expires_on), date=format_date(renew_from))}
                )  # fmt: skip
        cert.requested_on = on
        _event(session, cert, on, "requested", _staff(session, staff_id))


def record_shown(
    db: Database,
    volunteer_id: str,
    *,
    shown_on: dt.date,
    issued_on: dt.date,
    without_remarks: bool,
    staff_id: str | None = None,
    today: dt.date | None = None,
) -> None:
    """Record that the certificate was shown: dates, who checked it, and the result only."""
    today = today or dt.date.today()
    with db.write() as session:
        sync_in(session, today)
        _person, cert = _load(session, volunteer_id)
        rules = policy(session)
        requested = cert.requested_on if cert.status == "requested" else None
        errors = check_shown(shown_on=shown_on, issued_on=issued_on, requested_on=requested,
                             today=today, policy=rules)  # fmt: skip
        if errors:
            raise ValidationFailed(errors)
        to = "cleared" if without_remarks else "not_cleared"
        if (cert.status, cert.shown_on, cert.issued_on) == (to, shown_on, issued_on):
            return  # recorded twice: nothing new
        cert.shown_on, cert.issued_on = shown_on, issued_on
        cert.expires_on = expires_on(issued_on, rules) if without_remarks else None
        cert.checked_by_id = _staff(session, staff_id)
        _event(session, cert, shown_on, to, cert.checked_by_id)
        if cert.expires_on is not None and cert.expires_on < today:
            _event(session, cert, cert.expires_on, "expired", None)


# -- reading --------------------------------------------------------------------------------------


def list_certificates(
    db: Database,
    *,
    status: str | None = None,
    due_within: int | None = None,
    today: dt.date | None = None,
) -> list[CertificateRow]:
    """The overview: every record, brought up to date first. `due_within` keeps records whose
    renewal is due within that many days (and those already expired)."""
    today = today or dt.date.today()
    with db.write() as session:
        sync_in(session, today)
        rules = policy(session)
        roles = requiring_roles(session_reader(session), today)
        rows = session.execute(
            select(Certificate, Person.uuid, Person.name, Staff.name)
            .join(Person, Person.id == Certificate.person_id)
            .outerjoin(Staff, Staff.id == Certificate.checked_by_id)
        ).all()
        result = []
        for cert, uuid, name, checker in rows:
            soon = (
                cert.status == "cleared"
                and cert.expires_on is not None
                and (cert.expires_on - today).days <= rules.reminder_days
            )
            result.append(
                CertificateRow(
                    id=cert.uuid, volunteer_id=uuid, name=name,
                    role=", ".join(roles.get(cert.person_id, [])),
                    status=cert.status, needed_since=cert.needed_since,
                    requested_on=cert.requested_on, shown_on=cert.shown_on,
                    issued_on=cert.issued_on, expires_on=cert.expires_on, checked_by=checker,
                    days_waiting=(today - cert.requested_on).days
                    if cert.status == "requested" and cert.requested_on else None,
                    expires_soon=soon,
                )
            )  # fmt: skip
    if status:
        result = [r for r in result if r.status == status]
    if due_within is not None:
        limit = today + dt.timedelta(days=due_within)
        result = [
            r for r in result
            if r.status == "expired" or (r.expires_on is not None and r.expires_on <= limit)
        ]  # fmt: skip
    return sorted(result, key=lambda r: sort_key(r.name))


def certificate_history(db: Database, volunteer_id: str) -> list[tuple[dt.date, str | None, str]]:
    with db.read() as session:
        _person, cert = _load(session, volunteer_id)
        events = session.scalars(
            select(CertificateEvent)
            .where(CertificateEvent.certificate_id == cert.id)
            .order_by(CertificateEvent.id)
        ).all()
        return [(e.on_date, e.from_status, e.to_status) for e in events]


def ensure_need(session: OrmSession, person_id: int, on: dt.date) -> None:
    """Create the `needed` record at once when a person takes a role that requires one."""
    cert = session.scalars(select(Certificate).where(Certificate.person_id == person_id)).first()
    if cert is None:
        cert = Certificate(person_id=person_id, status="needed", needed_since=on)
        session.add(cert)
        session.flush()
        session.add(CertificateEvent(certificate_id=cert.id, on_date=on, from_status=None,
                                     to_status="needed"))  # fmt: skip
    cert.no_role_since = None


@dataclass(frozen=True)
class ExpiryWarning:
    """A volunteer rostered on a session after their certificate expires (or without one)."""

    volunteer_id: str
    name: str
    activity: str
    session_date: dt.date
    expires_on: dt.date | None


def rostered_after_expiry(db: Database, today: dt.date | None = None) -> list[ExpiryWarning]:
    """Future rosters on activities that require a certificate, where the volunteer's is not
    valid on the session's date: the overview warns so a renewal can be asked for in time."""
    today = today or dt.date.today()
    with db.read() as session:
        rows = session.execute(
            select(Person.uuid, Person.name, Activity.name, Session.date, Certificate.status,
                   Certificate.expires_on)
            .join(RosterEntry, RosterEntry.person_id == Person.id)
            .join(Session, Session.id == RosterEntry.session_id)
            .join(Activity, Activity.id == Session.activity_id)
            .outerjoin(Certificate, Certificate.person_id == Person.id)
            .where(Activity.requires_certificate.is_(True), Session.cancelled.is_(False),
                   Session.date >= today)
            .order_by(Session.date)
        ).all()  # fmt: skip
    return [
        ExpiryWarning(uuid, name, activity, day, expires)
        for uuid, name, activity, day, status, expires in rows
        if status is None or not valid_on(status, expires, day)
    ]
