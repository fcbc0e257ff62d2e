"""The centre's settings as the window reads them while it starts: plain SQL, no ORM.

`app.services.centre` holds the rest (saving, staff); this part is on the start path, where
SQLAlchemy is not imported yet (see `Database.plain_read`).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database


@dataclass
class CentreInfo:
    """The centre's settings as plain values."""

    name: str = ""
    orgnr: str = ""
    address: str = ""
    postcode: str = ""
    place: str = ""
    municipality: str = ""
    manager_name: str = ""
    logo: bytes | None = None
    is_demo: bool = False

    @property
    def is_set_up(self) -> bool:
        """A centre is set up once it has a name (first-start set-up asks for it)."""
        return bool(self.name.strip())


TEXT_FIELDS = ("name", "orgnr", "address", "postcode", "place", "municipality", "manager_name")


def get_centre(db: Database) -> CentreInfo:
    """The centre's settings (empty ones before the first-start set-up has saved them)."""
    columns = ", ".join((*TEXT_FIELDS, "logo", "is_demo"))
    with db.plain_read() as read:
        rows = read(f"SELECT {columns} FROM centre ORDER BY id LIMIT 1")
    if not rows:
        return CentreInfo()
    *texts, logo, is_demo = rows[0]
    return CentreInfo(
        **{f: value or "" for f, value in zip(TEXT_FIELDS, texts, strict=True)},
        logo=logo,
        is_demo=bool(is_demo),
    )


def has_people(db: Database) -> bool:
    """Whether anyone is registered yet (a demo database is filled only once)."""
    with db.plain_read() as read:
        return bool(read("SELECT EXISTS (SELECT 1 FROM people)")[0][0])
