"""People: one `Person` per human, with a volunteer role (and, later, a participant role).

A person who is both volunteer and participant has one row here and one UUID, so nobody is
registered twice. No national identity number exists anywhere in the schema, by design.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Record


class Person(Record):
    __tablename__ = "people"

    name: Mapped[str] = mapped_column(String(200))
    # Casefolded name, e-mail, phone, language and skill words: SQLite's LIKE folds only ASCII,
    # so searching "øde" must run against a column that is already folded.
    search_text: Mapped[str] = mapped_column(Text, default="", index=False)
    sort_name: Mapped[str] = mapped_column(String(200), default="", index=True)
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(100))
    district: Mapped[str | None] = mapped_column(String(100))  # bydel, for keeping pairs close
    birth_year: Mapped[int | None] = mapped_column(Integer)
    gender: Mapped[str] = mapped_column(String(10), default="unknown")

    languages: Mapped[list[PersonLanguage]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonLanguage.position"
    )
    tags: Mapped[list[PersonTag]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    volunteer: Mapped[Volunteer | None] = relationship(
        back_populates="person", cascade="all, delete-orphan", uselist=False
    )


class PersonLanguage(Base):
    """A language a person speaks, as an ISO 639 code (639-1 where one exists, else 639-3)."""

    __tablename__ = "person_languages"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship(back_populates="languages")


class Tag(Record):
    """One word of the shared vocabulary of skills and interests (e.g. "fotball", "matlaging")."""

    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(String(100))
    name_folded: Mapped[str] = mapped_column(String(100), unique=True)


class PersonTag(Base):
    """A tag on a person, as a skill (`skill`) or an interest (`interest`)."""

    __tablename__ = "person_tags"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)

    person: Mapped[Person] = relationship(back_populates="tags")
    tag: Mapped[Tag] = relationship()


class Volunteer(Record):
    """The volunteer role of a person: when they started, their status and availability."""

    __tablename__ = "volunteers"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="active", index=True)
    status_date: Mapped[dt.date | None] = mapped_column(Date)
    status_reason: Mapped[str | None] = mapped_column(Text)
    # Comma-separated slot codes such as "mon_day,thu_evening" (see services.availability).
    availability: Mapped[str] = mapped_column(String(200), default="")
    max_pairings: Mapped[int] = mapped_column(Integer, default=1)
    notes: Mapped[str | None] = mapped_column(Text)

    person: Mapped[Person] = relationship(back_populates="volunteer")
    history: Mapped[list[VolunteerStatusChange]] = relationship(
        back_populates="volunteer",
        cascade="all, delete-orphan",
        order_by="VolunteerStatusChange.id",
    )


class VolunteerStatusChange(Record):
    """Each change of a volunteer's status, so a year's active, new and ended can be counted."""

    __tablename__ = "volunteer_status_changes"

    volunteer_id: Mapped[int] = mapped_column(
        ForeignKey("volunteers.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(10))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)

    volunteer: Mapped[Volunteer] = relationship(back_populates="history")
