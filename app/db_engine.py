"""The SQLAlchemy side of the database: the engine, its per-connection set-up and tombstones.

Imported the first time a service opens a session (`Database.engine`), not while the window
starts: SQLAlchemy and the mapped models take longer to import than the bare window takes to show.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.orm import Session

from app.db_file import BUSY_TIMEOUT_MS
from app.models import Record, Tombstone


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


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine
