"""The database: one SQLite file, opened safely, upgraded by Alembic, used in short transactions.

`Database.open()` refuses anything that is not a Dugnad database of this version or older, before
writing a byte to it: a missing file (unless asked to create it), a read-only file, a foreign file
and a file from a newer Dugnad each raise `DatabaseProblem` with a plain message. An older database
is copied aside with SQLite's online backup API and then upgraded.

Every connection gets the pragmas from ARCHITECTURE.md. Writes start with `BEGIN IMMEDIATE` so a
read-then-write transaction never fails half-way because another writer came first.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.errors import DatabaseProblem
from app.i18n import _
from app.migrations import HEAD_REVISION, KNOWN_REVISIONS
from app.models import Record, Tombstone

# PRAGMA application_id marks a file as Dugnad's ("DUGD"), so a foreign SQLite file is refused.
APPLICATION_ID = 0x44554744
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Take transaction control away from pysqlite: SQLAlchemy's "begin" event emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(conn) -> None:  # type: ignore[no-untyped-def]
    write = conn.get_execution_options().get("dugnad_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _record_tombstones(session: Session, _flush_context: object) -> None:
    rows = [
        {"table_name": obj.__tablename__, "uuid": obj.uuid, "deleted_at": dt.datetime.now(dt.UTC)}
        for obj in session.deleted
        if isinstance(obj, Record)
    ]
    if rows:
        session.connection().execute(insert(Tombstone), rows)


event.listen(Session, "after_flush", _record_tombstones)


def _is_locked(exc: BaseException) -> bool:
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def locked_problem() -> DatabaseProblem:
    return DatabaseProblem(
        _("Databasen er i bruk av et annet program. Lukk det andre vinduet og prøv igjen.")
    )


class Database:
    """An open Dugnad database. Services take one and open one transaction per call."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._write_engine = engine.execution_options(dugnad_write=True)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = False) -> Database:
        """Open (or with `create`, make) the database at `path`, upgrading it if it is older."""
        path = Path(path).expanduser()
        if not path.exists():
            if not create:
                raise DatabaseProblem(_("Databasefilen {path} finnes ikke.").format(path=path))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseProblem(
                    _("Kan ikke opprette mappen {path}: {reason}").format(
                        path=path.parent, reason=exc.strerror
                    )
                ) from exc
            revision = None
        else:
            revision = inspect_file(path)
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _set_pragmas)
        event.listen(engine, "begin", _begin)
        db = cls(path, engine)
        try:
            if revision != HEAD_REVISION:
                if revision is not None:
                    backup(path, backup_path_for(path, revision))
                from app.migrations.runner import upgrade

                upgrade(engine)
                with engine.connect() as conn:
                    conn.connection.driver_connection.execute(
                        f"PRAGMA application_id={APPLICATION_ID}"
                    )
        except OperationalError as exc:
            engine.dispose()
            if _is_locked(exc):
                raise locked_problem() from exc
            raise DatabaseProblem(
                _("Kan ikke skrive til databasen {path}.").format(path=path)
            ) from exc
        return db

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction; objects stay usable (detached) after it ends.

        The session is closed, not rolled back: a rollback would expire every loaded object,
        and closing ends the transaction just the same (the pool rolls the connection back).
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except OperationalError as exc:
                if _is_locked(exc):
                    raise locked_problem() from exc
                raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on error."""
        with Session(self._write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                if _is_locked(exc):
                    raise locked_problem() from exc
                raise
            except BaseException:
                session.rollback()
                raise


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
        if _is_locked(exc):
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
