"""The volunteer list: one line per volunteer, read with plain, portable SQL.

The list opens with the window, before SQLAlchemy is imported (see `Database.plain_read`), so its
reads are SQL text run through a `Reader`. `app.services.volunteers` uses the same helpers inside
its sessions (`session_reader`), so each query is written once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from app.db import Database, Reader
from app.services.text import like_patterns, matches, search_terms

SKILL = "skill"
INTEREST = "interest"


@dataclass(frozen=True)
class VolunteerRow:
    """One line of the volunteer list."""

    id: str
    name: str
    sort_key: str
    phone: str | None
    email: str | None
    place: str | None
    birth_year: int | None
    gender: str
    status: str
    status_date: dt.date | None
    start_date: dt.date | None
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    search_text: str


def placeholders(values: list[object] | tuple[object, ...]) -> str:
    """`?, ?, ?` for an IN list of `values`."""
    return ", ".join("?" * len(values))


def as_date(value: str | dt.date | None) -> dt.date | None:
    """A DATE column as a date, whichever driver read it (sqlite3 gives the ISO text)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def tags_by_person(read: Reader, kind: str, person_ids: list[int] | None) -> dict[int, list[str]]:
    """Per person id, the names of their tags of `kind` (skill or interest), by name."""
    sql = (
        "SELECT pt.person_id, t.name FROM person_tags pt JOIN tags t ON t.id = pt.tag_id"
        " WHERE pt.kind = ?"
    )
    params: list[object] = [kind]
    if person_ids is not None:
        sql += f" AND pt.person_id IN ({placeholders(person_ids)})"
        params += person_ids
    result: dict[int, list[str]] = defaultdict(list)
    for person_id, name in read(sql + " ORDER BY t.name", params):
        result[person_id].append(name)
    return result


def languages_by_person(read: Reader, volunteers_only: bool = False) -> dict[int, list[str]]:
    """Per person id, their language codes in the order they were given."""
    result: dict[int, list[str]] = defaultdict(list)
    sql = "SELECT pl.person_id, pl.code FROM person_languages pl"
    if volunteers_only:  # the volunteer list: not the thousands of participants as well
        sql += " JOIN volunteers v ON v.person_id = pl.person_id"
    for person_id, code in read(sql + " ORDER BY pl.person_id, pl.position"):
        result[person_id].append(code)
    return result


def list_volunteers(
    db: Database,
    *,
    search: str | None = None,
    status: str | None = None,
    language: str | None = None,
) -> list[VolunteerRow]:
    """Volunteers sorted by name; `search` matches name, phone, e-mail, language and skill."""
    sql = (
        "SELECT p.id, p.uuid, p.name, p.sort_name, p.phone, p.email, p.place, p.birth_year,"
        " p.gender, p.search_text, v.status, v.status_date, v.start_date"
        " FROM people p JOIN volunteers v ON v.person_id = p.id WHERE 1 = 1"
    )
    params: list[object] = []
    if status:
        sql += " AND v.status = ?"
        params.append(status)
    if language:
        sql += " AND p.id IN (SELECT person_id FROM person_languages WHERE code = ?)"
        params.append(language)
    for pattern in like_patterns(search_terms(search)):
        sql += " AND p.search_text LIKE ? ESCAPE '\\'"
        params.append(pattern)
    with db.plain_read() as read:
        rows = read(sql + " ORDER BY p.sort_name, p.id", params)
        languages = languages_by_person(read, volunteers_only=True)
        skills = tags_by_person(read, SKILL, None)
    return [
        VolunteerRow(
            id=uuid,
            name=name,
            sort_key=sort_name,
            phone=phone,
            email=email,
            place=place,
            birth_year=birth_year,
            gender=gender,
            status=status_code,
            status_date=as_date(status_date),
            start_date=as_date(start_date),
            languages=tuple(languages.get(person_id, ())),
            skills=tuple(skills.get(person_id, ())),
            search_text=search_text,
        )
        for (
            person_id, uuid, name, sort_name, phone, email, place, birth_year, gender,
            search_text, status_code, status_date, start_date,
        ) in rows
    ]  # fmt: skip


def filter_rows(rows: list[VolunteerRow], search: str) -> list[VolunteerRow]:
    """The in-memory twin of `list_volunteers(search=...)`, for filtering as the user types."""
    terms = search_terms(search)
    return [r for r in rows if matches(r.search_text, terms)]
