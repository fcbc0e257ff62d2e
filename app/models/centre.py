"""Centre-wide settings (one row) and the staff who sign letters and follow-ups."""

from __future__ import annotations

from sqlalchemy import Boolean, Float, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Record


class Centre(Record):
    """The volunteer centre this database belongs to. Exactly one row."""

    __tablename__ = "centre"

    name: Mapped[str] = mapped_column(String(200), default="")
    orgnr: Mapped[str | None] = mapped_column(String(9))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(100))
    municipality: Mapped[str | None] = mapped_column(String(100))
    manager_name: Mapped[str | None] = mapped_column(String(200))
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    # A demo database is marked so the window title says DEMO and it never passes for real data.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # Hours a volunteer may be credited beyond a session's length (preparing, tidying up).
    extra_hours_margin: Mapped[float] = mapped_column(Float, default=2.0, server_default="2.0")
    # Police certificate policy (the centre's, not the law's): see services.certificates.
    certificate_max_age_months: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    certificate_renewal_years: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    certificate_reminder_days: Mapped[int] = mapped_column(Integer, default=60, server_default="60")
    certificate_grace_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    # Onboarding steps the centre uses (a centre can switch steps off).
    step_interview: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    step_training: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    step_confidentiality: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


class Staff(Record):
    """A staff member (ansatt) of the centre."""

    __tablename__ = "staff"

    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
