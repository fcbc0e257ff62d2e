"""Activities and what hangs on them: types, places, schedule rules, sessions, teams.

An activity (the Thursday language café) has a type, places, a weekly rule that generates
sessions (økter), and a team of volunteers with roles. Sessions are rows of their own so each can
be moved, cancelled or staffed one by one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record


class ActivityType(Record):
    """A kind of activity (språkkafé, leksehjelp, ...), mapped to a category of the annual report.

    Built-in types have a stable `code`; a centre's own types get a code made from their name.
    """

    __tablename__ = "activity_types"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    reporting_category: Mapped[str] = mapped_column(String(40))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Place(Record):
    """Where sessions happen: the library, a bydelshus, the centre itself."""

    __tablename__ = "places"

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))


class Activity(Record):
    __tablename__ = "activities"

    name: Mapped[str] = mapped_column(String(200))
    name_folded: Mapped[str] = mapped_column(String(200), default="")
    type_id: Mapped[int] = mapped_column(ForeignKey("activity_types.id"), index=True)
    # Comma-separated codes: children, youth, adults, families, women, men, everyone.
    target_groups: Mapped[str] = mapped_column(String(100), default="everyone")
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), index=True)
    coordinator_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    volunteers_needed: Mapped[int] = mapped_column(Integer, default=1)
    requires_certificate: Mapped[bool] = mapped_column(Boolean, default=False)
    capacity: Mapped[int | None] = mapped_column(Integer)
    # headcount (drop-in, anonymous), enrolled (fixed group, named) or both.
    counting: Mapped[str] = mapped_column(String(10), default="headcount")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)

    type: Mapped[ActivityType] = relationship()
    place: Mapped[Place | None] = relationship()
    languages: Mapped[list[ActivityLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="ActivityLanguage.position"
    )


class ActivityLanguage(Base):
    """A language used in an activity (ISO 639 code)."""

    __tablename__ = "activity_languages"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ScheduleRule(Record):
    """Weekly or every-other-week sessions: weekday, time, first and last date."""

    __tablename__ = "schedule_rules"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday, as date.weekday()
    every_weeks: Mapped[int] = mapped_column(Integer, default=1)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    first_date: Mapped[dt.date] = mapped_column(Date)
    last_date: Mapped[dt.date] = mapped_column(Date)


class SchoolHoliday(Record):
    """A school holiday the centre enters (høstferie, vinterferie); generation skips it."""

    __tablename__ = "school_holidays"

    name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)


class Session(Record):
    """One økt/samling of an activity: a date and time, maybe cancelled, with its staffing."""

    __tablename__ = "sessions"
    __table_args__ = (
        Index("ix_sessions_date_start", "date", "start_time"),
        Index("ix_sessions_activity_date", "activity_id", "date"),
    )

    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    rule_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_rules.id", ondelete="SET NULL"), index=True
    )
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"))
    volunteers_needed: Mapped[int | None] = mapped_column(Integer)  # None: the activity's
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    # Set when attendance was entered, even "nobody came": the week view shows it as done.
    attendance_recorded: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)


class TeamMember(Record):
    """A volunteer who regularly serves an activity, in a role, from a date (to a date)."""

    __tablename__ = "team_members"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(100), default="")
    # A youth role may be held from 16; every other role from 18.
    youth_role: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    from_date: Mapped[dt.date] = mapped_column(Date)
    to_date: Mapped[dt.date | None] = mapped_column(Date)


class RosterEntry(Record):
    """A volunteer on the vaktliste of a session."""

    __tablename__ = "roster_entries"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(100), default="")
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
