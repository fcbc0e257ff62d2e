"""The database: one SQLite file, opened safely, upgraded by Alembic, used in short transactions.

`Database.open()` refuses anything that is not a Dugnad database of this version or older, before
writing a byte to it: a missing file (unless asked to create it), a read-only file, a foreign file
and a file from a newer Dugnad each raise `DatabaseProblem` with a plain message. An older database
is copied aside with SQLite's online backup API and then upgraded.

Every connection gets the pragmas from ARCHITECTURE.md. Writes start with `BEGIN IMMEDIATE` so a
read-then-write transaction never fails half-way because another writer came first.

SQLAlchemy is imported when the first session opens, not before: opening a database of the current
version needs only `sqlite3`, and so do the plain SQL reads (`plain_read`) that the window makes
while it starts. Those reads are portable SQL, written once and run through a session elsewhere
(`session_reader`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.db_file import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    backup,
    backup_path_for,
    inspect_file,
    is_locked,
    locked_problem,
)
from app.errors import DatabaseProblem
from app.i18n import _
from app.migrations import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

# reader(sql, params) -> rows: one portable SQL statement with `?` parameters.
Reader = Callable[..., list[tuple[Any, ...]]]

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "SQLITE_HEADER",
    "Database",
    "Reader",
    "backup",
    "backup_path_for",
    "inspect_file",
    "locked_problem",
    "session_reader",
]


def session_reader(session: Session) -> Reader:
    """A `Reader` inside an open session's transaction (for rules that run in a write).

    It runs on the driver's own cursor: plain tuples, without SQLAlchemy's per-row processing,
    which costs more than the queries themselves over thousands of rows. Pending ORM changes
    are flushed first, so the reads see what this transaction added or changed.
    """
    session.flush()
    raw = session.connection().connection.driver_connection
    assert raw is not None

    def read(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cursor = raw.cursor()
        try:
            cursor.execute(sql, tuple(params))
            return cursor.fetchall()  # type: ignore[no-any-return]
        finally:
            cursor.close()

    return read


class Database:
    """An open Dugnad database. Services take one and open one transaction per call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine_lock = threading.Lock()

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
        db = cls(path)
        if revision != HEAD_REVISION:
            db._upgrade(revision)
        return db

    def _upgrade(self, revision: str | None) -> None:
        from sqlalchemy.exc import OperationalError

        from app.migrations.runner import upgrade

        try:
            if revision is not None:
                backup(self.path, backup_path_for(self.path, revision))
            upgrade(self.engine)
            with self.engine.connect() as conn:
                conn.connection.driver_connection.execute(  # type: ignore[union-attr]
                    f"PRAGMA application_id={APPLICATION_ID}"
                )
        except OperationalError as exc:
            self.close()
            if is_locked(exc):
                raise locked_problem() from exc
            raise DatabaseProblem(
                _("Kan ikke skrive til databasen {path}.").format(path=self.path)
            ) from exc

    @cached_property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        with self._engine_lock:  # a page's first background read may race the main thread
            if "engine" in self.__dict__:
                return self.__dict__["engine"]  # type: ignore[no-any-return]
            from app.db_engine import make_engine

            return make_engine(self.path)

    @cached_property
    def _write_engine(self) -> Engine:
        return self.engine.execution_options(dugnad_write=True)

    def close(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()

    # -- transactions ------------------------------------------------------------------------
    @contextmanager
    def plain_read(self) -> Iterator[Reader]:
        """A read transaction on a plain `sqlite3` connection, without SQLAlchemy.

        For the few reads on the start path (the centre, the volunteer list and its badges). The
        statements are portable SQL so that a rule can run them in a session too.
        """
        try:
            conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise DatabaseProblem(
                _("Databasefilen {path} kan ikke leses.").format(path=self.path)
            ) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            conn.execute("BEGIN")

            def read(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
                return conn.execute(sql, tuple(params)).fetchall()

            yield read
        except sqlite3.OperationalError as exc:
            if is_locked(exc):
                raise locked_problem() from exc
            raise
        finally:
            conn.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction; objects stay usable (detached) after it ends.

        The session is closed, not rolled back: a rollback would expire every loaded object,
        and closing ends the transaction just the same (the pool rolls the connection back).
        """
        from sqlalchemy.exc import OperationalError
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except OperationalError as exc:
                if is_locked(exc):
                    raise locked_problem() from exc
                raise

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on error."""
        from sqlalchemy.exc import OperationalError
        from sqlalchemy.orm import Session

        with Session(self._write_engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                if is_locked(exc):
                    raise locked_problem() from exc
                raise
            except BaseException:
                session.rollback()
                raise
