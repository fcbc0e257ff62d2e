"""Households, programmes and pairings (flyktningguide, vennefamilie) with their follow-ups.

A pairing is one volunteer, a team of volunteers or a volunteer family, with one participant or
one household. It moves waiting → proposed → active → ended; the waiting list is the pairings
still `waiting`. Follow-ups are planned from the programme's schedule when a pairing starts, and
logged in seconds; meetings the pair report count as volunteer hours.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Record


class Household(Record):
    """A family or other household: a participant family, or a volunteer family (`kind`)."""

    __tablename__ = "households"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12), default="participant")  # participant, volunteer
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL")
    )
    postcode: Mapped[str | None] = mapped_column(String(10))
    district: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)


class HouseholdMember(Record):
    """A member: a registered person, or only a first name (or nothing) and a birth year."""

    __tablename__ = "household_members"

    household_id: Mapped[int] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    # A person belongs to at most one household.
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), unique=True
    )
    first_name: Mapped[str | None] = mapped_column(String(100))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str] = mapped_column(String(10), default="unknown")


class Programme(Record):
    """Flyktningguide, Vennefamilie, Mentor...: the terms a pairing starts with."""

    __tablename__ = "programmes"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    months: Mapped[int] = mapped_column(Integer, default=12)
    hours_per_month: Mapped[float] = mapped_column(Float, default=8)
    follow_up_plan: Mapped[str] = mapped_column(String(100), default="2w,1m,*2m")
    certificate: Mapped[str] = mapped_column(String(12), default="children")  # always, ...
    required_steps: Mapped[str] = mapped_column(
        String(100), default="interview,training,confidentiality"
    )
    min_age: Mapped[int] = mapped_column(Integer, default=18)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ProgrammeVolunteer(Record):
    """A volunteer taken into a programme (a flyktningguide, a vennefamilie) from a date.

    Membership is a role: in a programme whose pairings may involve children it needs a police
    certificate, so the certificate can be asked for before the first pairing is proposed.
    """

    __tablename__ = "programme_volunteers"
    __table_args__ = (UniqueConstraint("programme_id", "person_id"),)

    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    from_date: Mapped[dt.date] = mapped_column(Date)
    to_date: Mapped[dt.date | None] = mapped_column(Date)


class Pairing(Record):
    """One pairing and its state; exactly one of `participant_id` and `household_id` is set."""

    __tablename__ = "pairings"

    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    household_id: Mapped[int | None] = mapped_column(
        ForeignKey("households.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default="waiting", index=True)
    referred_on: Mapped[dt.date] = mapped_column(Date)
    # A stated wish about the volunteer's gender: a hard rule for matching, never a weight.
    gender_wish: Mapped[str | None] = mapped_column(String(10))
    proposed_on: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    agreement_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)


class PairingVolunteer(Base):
    """A volunteer in a pairing (several make a team pairing)."""

    __tablename__ = "pairing_volunteers"

    pairing_id: Mapped[int] = mapped_column(
        ForeignKey("pairings.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PairingOutcome(Base):
    """An outcome recorded when a pairing ends (children in a club, in work, became volunteer)."""

    __tablename__ = "pairing_outcomes"

    pairing_id: Mapped[int] = mapped_column(
        ForeignKey("pairings.id", ondelete="CASCADE"), primary_key=True
    )
    outcome: Mapped[str] = mapped_column(String(20), primary_key=True)


class FollowUp(Record):
    """A planned follow-up (`due_on`) and, once done, how it went; or an unplanned one logged."""

    __tablename__ = "follow_ups"
    __table_args__ = (UniqueConstraint("pairing_id", "due_on"),)

    pairing_id: Mapped[int] = mapped_column(
        ForeignKey("pairings.id", ondelete="CASCADE"), index=True
    )
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    kind: Mapped[str | None] = mapped_column(String(10))  # phone, meeting, message
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    how: Mapped[str | None] = mapped_column(String(12))  # good, some_concern, needs_follow_up
    note: Mapped[str | None] = mapped_column(String(500))


class PairingMeeting(Record):
    """A meeting the pair reported: its hours count as the volunteers' hours."""

    __tablename__ = "pairing_meetings"

    pairing_id: Mapped[int] = mapped_column(
        ForeignKey("pairings.id", ondelete="CASCADE"), index=True
    )
    met_on: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(String(500))
