"""The declarative base every table shares: naming convention, UUID, timestamps.

Rows have an integer primary key for fast joins and a stable `uuid` that the outside world sees
(CLI, JSON, exports). Deleting a row leaves a tombstone (see `Tombstone`) so that later exports can
carry deletions; the session hook in `app.db` writes it, so no service can forget.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Timestamps are stored in UTC without tzinfo (SQLite has no time zones)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Record(Base):
    """An abstract table with the columns every Dugnad record carries."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Tombstone(Base):
    """That a record existed and was deleted: table, UUID, when. Nothing of its content."""

    __tablename__ = "tombstones"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    uuid: Mapped[str] = mapped_column(String(36), index=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
