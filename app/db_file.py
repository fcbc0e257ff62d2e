"""Checks and copies of a database file with the standard library's `sqlite3` only.

Kept apart from `app.db` so that opening a database of the current version, and the plain reads
the window makes while it starts, never import SQLAlchemy (a third of a second on office PCs).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from app.errors import DatabaseProblem
from app.i18n import _
from app.migrations import KNOWN_REVISIONS

# PRAGMA application_id marks a file as Dugnad's ("DUGD"), so a foreign SQLite file is refused.
APPLICATION_ID = 0x44554744
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def is_locked(exc: BaseException) -> bool:
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def locked_problem() -> DatabaseProblem:
    return DatabaseProblem(
        _("Databasen er i bruk av et annet program. Lukk det andre vinduet og prøv igjen.")
    )


def inspect_file(path: Path) -> str | None:
    """Check an existing file without changing it; return its schema revision (None if empty).

    Raises DatabaseProblem for an unreadable, read-only, foreign or newer file.
    """
    if path.is_dir():
        raise DatabaseProblem(_("{path} er en mappe, ikke en databasefil.").format(path=path))
    if not os.access(path, os.R_OK):
        raise DatabaseProblem(_("Databasefilen {path} kan ikke leses.").format(path=path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseProblem(
            _("Databasefilen {path} er skrivebeskyttet. Dugnad må kunne lagre i den.").format(
                path=path
            )
        )
    with path.open("rb") as fh:
        header = fh.read(16)
    if not header:
        return None  # an empty file: a new database
    foreign = DatabaseProblem(_("{path} er ikke en Dugnad-database.").format(path=path))
    if header != SQLITE_HEADER:
        raise foreign
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if app_id != APPLICATION_ID:
                if tables:
                    raise foreign
                return None
            if "alembic_version" not in tables:
                raise foreign
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_locked(exc):
            raise locked_problem() from exc
        raise foreign from exc
    revision = row[0] if row else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise DatabaseProblem(
            _(
                "Databasen {path} er laget av en nyere versjon av Dugnad. "
                "Oppdater Dugnad for å åpne den."
            ).format(path=path)
        )
    return revision


def backup_path_for(path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")


def backup(source: Path, target: Path) -> None:
    """Copy a live database with SQLite's online backup API and verify the copy."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if result != "ok":
        target.unlink(missing_ok=True)
        raise DatabaseProblem(
            _("Sikkerhetskopien av {path} ble ikke riktig. Ingenting er endret.").format(
                path=source
            )
        )
