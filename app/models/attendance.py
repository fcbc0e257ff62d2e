"""Attendance (oppmøte): volunteers with hours, named participants, and anonymous headcounts.

Named and anonymous counting coexist in one session and are never mixed: a headcount is a number
of people nobody registered, so reports can say which is which.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record

AGE_BAND_COLUMNS = ("age_0_5", "age_6_12", "age_13_17", "age_18_25", "age_26_66", "age_67",
                    "age_unknown")  # fmt: skip
GENDER_COLUMNS = ("female", "male", "other", "gender_unknown")


class VolunteerAttendance(Record):
    """A volunteer who served at a session, with the hours they gave."""

    __tablename__ = "volunteer_attendance"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    hours: Mapped[float] = mapped_column(Float)


class ParticipantAttendance(Record):
    """A registered (named) participant present at a session."""

    __tablename__ = "participant_attendance"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)


class Headcount(Record):
    """The anonymous count of a session, optionally split by gender and by age band.

    A split column is NULL when that split was not recorded; a recorded split never adds up to
    more than `total`.
    """

    __tablename__ = "headcounts"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    total: Mapped[int] = mapped_column(Integer)
    female: Mapped[int | None] = mapped_column(Integer)
    male: Mapped[int | None] = mapped_column(Integer)
    other: Mapped[int | None] = mapped_column(Integer)
    gender_unknown: Mapped[int | None] = mapped_column(Integer)
    age_0_5: Mapped[int | None] = mapped_column(Integer)
    age_6_12: Mapped[int | None] = mapped_column(Integer)
    age_13_17: Mapped[int | None] = mapped_column(Integer)
    age_18_25: Mapped[int | None] = mapped_column(Integer)
    age_26_66: Mapped[int | None] = mapped_column(Integer)
    age_67: Mapped[int | None] = mapped_column(Integer)
    age_unknown: Mapped[int | None] = mapped_column(Integer)


class Enrolment(Record):
    """A participant in a fixed group, or on its waiting list (`waiting`), in sign-up order."""

    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("activity_id", "person_id"),)

    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10))  # enrolled, waiting, left
    signed_up_on: Mapped[dt.date] = mapped_column(Date)
    enrolled_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)


class VolunteerHours(Record):
    """Hours a volunteer gave outside sessions: driving, an event, board work."""

    __tablename__ = "volunteer_hours"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), index=True
    )
    category: Mapped[str] = mapped_column(String(20))  # activity, event, driving, board, other
    hours: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)
