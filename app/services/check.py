"""`dugnad check`: is the database file whole, consistent and of this app's schema version?"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from app.db import Database
from app.i18n import _
from app.migrations import HEAD_REVISION


@dataclass(frozen=True)
class CheckResult:
    revision: str | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckResult:
    """Run SQLite's integrity and foreign-key checks and compare the schema version."""
    problems: list[str] = []
    with db.read() as session:
        integrity = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems += [_("Integritetsfeil: {detail}").format(detail=d) for d in integrity]
        for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
            problems.append(
                _("Rad {rowid} i tabellen {table} viser til en rad som mangler i {parent}.").format(
                    rowid=rowid, table=table, parent=parent
                )
            )
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision != HEAD_REVISION:
        problems.append(
            _("Databasen har skjemaversjon {found}, men Dugnad venter {expected}.").format(
                found=revision, expected=HEAD_REVISION
            )
        )
    return CheckResult(revision=revision, problems=tuple(problems))
