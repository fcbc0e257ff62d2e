"""The participant role of a person, and consent (samtykke) to keep them by name.

Nobody is saved by name without recorded consent: the date, how it was given (oral or written),
by whom (the person, or a parent or guardian for a child) and which staff member recorded it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record


class Participant(Record):
    """That a person is a participant, and since when."""

    __tablename__ = "participants"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    registered_on: Mapped[dt.date] = mapped_column(Date)
    # An age band when the birth year is not known (or not wanted).
    age_band: Mapped[str | None] = mapped_column(String(10))
    arrival_year: Mapped[int | None] = mapped_column(Integer)  # in the municipality
    # SSB's coarse categories only: immigrant, born_to_immigrants, other. No country of birth.
    background: Mapped[str | None] = mapped_column(String(20))
    referred_by: Mapped[str | None] = mapped_column(String(20))
    # "From participant to volunteer", an outcome funders ask about.
    became_volunteer_on: Mapped[dt.date | None] = mapped_column(Date)


class Consent(Record):
    """A consent for one purpose; withdrawn consent keeps its row with `withdrawn_on`."""

    __tablename__ = "consents"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(30), default="registration")
    given_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # oral, written
    given_by: Mapped[str] = mapped_column(String(10), default="self")  # self, guardian
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
