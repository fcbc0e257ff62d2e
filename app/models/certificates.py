"""Police certificates (politiattest), onboarding steps, courses, and the audit log.

Show, don't keep: a certificate record holds only dates, who checked it and whether it was
without remarks. There is deliberately no free-text, file or remark column in these tables.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record, utcnow


class Certificate(Record):
    """One volunteer's police certificate: needed → requested → cleared/not_cleared → expired."""

    __tablename__ = "certificates"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(12), index=True)
    needed_since: Mapped[dt.date] = mapped_column(Date)
    requested_on: Mapped[dt.date | None] = mapped_column(Date)
    shown_on: Mapped[dt.date | None] = mapped_column(Date)
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    # When the person last held a role that needs a certificate; the record is deleted after
    # the grace period (politiregisterforskriften § 37-2). None while a role is held.
    no_role_since: Mapped[dt.date | None] = mapped_column(Date)


class CertificateEvent(Record):
    """A change of a certificate's state: when, from, to, by which staff member."""

    __tablename__ = "certificate_events"

    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    on_date: Mapped[dt.date] = mapped_column(Date)
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class OnboardingStep(Record):
    """A completed onboarding step of a volunteer: interview, training, confidentiality."""

    __tablename__ = "onboarding_steps"
    __table_args__ = (UniqueConstraint("person_id", "step"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(20))
    done_on: Mapped[dt.date] = mapped_column(Date)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class Course(Record):
    """A training course (opplæring) in the centre's small course register."""

    __tablename__ = "courses"

    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)


class CourseAttendance(Base):
    __tablename__ = "course_attendance"

    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AuditEntry(Base):
    """Who did what to which record, and when, without copying any sensitive value."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    record_table: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str] = mapped_column(String(36))
