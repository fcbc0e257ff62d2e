"""Saving a session's attendance, and listing a year of sessions, on the large dataset.

Saving goes through `save_attendance` (validation, lookups, delete and insert, the headcount, one
BEGIN IMMEDIATE transaction) and is set beside a hand-written `sqlite3` transaction that deletes
and inserts the same rows on a connection with the same pragmas: the floor for this work.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

from app.db import BUSY_TIMEOUT_MS, Database
from app.services.attendance import AttendanceInput, get_attendance_sheet, save_attendance
from app.services.sessions import SessionRow, list_sessions
from bench.report import line, median_seconds

TARGET_PARTICIPANTS = 40


def _pick_session(db: Database, today: dt.date) -> SessionRow:
    """A held session of a fixed group with about 40 present and a few volunteers."""
    rows = list_sessions(db, today - dt.timedelta(days=365), today)
    held = [r for r in rows if r.attendance_recorded and r.attendance.volunteers >= 2]
    if not held:
        raise RuntimeError("the database has no held sessions: run `dugnad demo --size large`")
    return min(held, key=lambda r: (abs(r.attendance.registered - TARGET_PARTICIPANTS), r.date))


def _raw_connection(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path, isolation_level=None)
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL",
                   f"busy_timeout={BUSY_TIMEOUT_MS}"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _raw_save(conn: sqlite3.Connection, session_uuid: str, data: AttendanceInput) -> None:
    """The same rows as `save_attendance`, by hand: delete, insert, headcount, flag, commit."""
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.execute("BEGIN IMMEDIATE")
    (session_id,) = conn.execute(
        "SELECT id FROM sessions WHERE uuid = ?", (session_uuid,)
    ).fetchone()
    uuids = [*data.volunteers, *data.participants]
    marks = ",".join("?" * len(uuids))
    people = dict(conn.execute(f"SELECT uuid, id FROM people WHERE uuid IN ({marks})", uuids))
    conn.execute("DELETE FROM volunteer_attendance WHERE session_id = ?", (session_id,))
    conn.execute("DELETE FROM participant_attendance WHERE session_id = ?", (session_id,))
    conn.executemany(
        "INSERT INTO volunteer_attendance (uuid, session_id, person_id, hours, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (str(uuid.uuid4()), session_id, people[u], h, now, now)
            for u, h in data.volunteers.items()
        ],  # fmt: skip
    )
    conn.executemany(
        "INSERT INTO participant_attendance (uuid, session_id, person_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(str(uuid.uuid4()), session_id, people[u], now, now) for u in data.participants],
    )
    if data.headcount is None or data.headcount.total == 0:
        conn.execute("DELETE FROM headcounts WHERE session_id = ?", (session_id,))
    else:
        conn.execute(
            "UPDATE headcounts SET total = ?, updated_at = ? WHERE session_id = ?",
            (data.headcount.total, now, session_id),
        )
    conn.execute("UPDATE sessions SET attendance_recorded = 1, updated_at = ? WHERE id = ?",
                 (now, session_id))  # fmt: skip
    conn.execute("COMMIT")


def _raw_year(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> list[tuple[object, ...]]:
    """One year of sessions with staffing and attendance counts, as one hand-written query."""
    return conn.execute(
        """
        SELECT s.uuid, a.uuid, a.name, s.date, s.start_time, s.end_time,
               COALESCE(sp.name, ap.name), s.cancelled, s.cancel_reason,
               COALESCE(s.volunteers_needed, a.volunteers_needed), s.attendance_recorded,
               (SELECT count(*) FROM roster_entries r WHERE r.session_id = s.id),
               (SELECT count(*) FROM volunteer_attendance v WHERE v.session_id = s.id),
               (SELECT coalesce(sum(v.hours), 0) FROM volunteer_attendance v
                 WHERE v.session_id = s.id),
               (SELECT count(*) FROM participant_attendance p WHERE p.session_id = s.id),
               (SELECT coalesce(sum(h.total), 0) FROM headcounts h WHERE h.session_id = s.id)
        FROM sessions s JOIN activities a ON a.id = s.activity_id
        LEFT JOIN places sp ON sp.id = s.place_id LEFT JOIN places ap ON ap.id = a.place_id
        WHERE s.date >= ? AND s.date <= ?
        ORDER BY s.date, s.start_time, a.name
        """,
        (start.isoformat(), end.isoformat()),
    ).fetchall()


def bench_sessions(db_path: Path, repeat: int = 15) -> None:
    today = dt.date.today()
    db = Database.open(db_path)
    conn = _raw_connection(db_path)
    try:
        row = _pick_session(db, today)
        sheet = get_attendance_sheet(db, row.id)
        data = AttendanceInput(
            volunteers={v.volunteer_id: v.hours for v in sheet.volunteers if v.present},
            participants={p.participant_id for p in sheet.participants if p.present},
            headcount=sheet.headcount,
        )
        marks = f"{len(data.participants)} named + {len(data.volunteers)} volunteers"

        save_attendance(db, row.id, data)  # warm caches and statement compilation once
        _raw_save(conn, row.id, data)
        app_time = median_seconds(lambda: save_attendance(db, row.id, data), repeat)
        raw_time = median_seconds(lambda: _raw_save(conn, row.id, data), repeat)
        line(
            f"save attendance ({marks})",
            f"{app_time * 1000:.1f} ms",
            f"{raw_time * 1000:.1f} ms",
            app_time / raw_time,
            "<= 50 ms",
            app_time <= 0.050,
        )

        sheet_time = median_seconds(lambda: get_attendance_sheet(db, row.id), repeat)
        line(
            f"attendance sheet, service ({len(sheet.participants)} named)",
            f"{sheet_time * 1000:.1f} ms",
            "-",
            1.0,
            "information",
            True,
        )

        start, end = today - dt.timedelta(days=365), today
        count = len(list_sessions(db, start, end))
        list_time = median_seconds(lambda: list_sessions(db, start, end), max(3, repeat // 3))
        sql_time = median_seconds(lambda: _raw_year(conn, start, end), max(3, repeat // 3))
        line(
            f"list_sessions, 1 year, all ({count} sessions)",
            f"{list_time * 1000:.0f} ms",
            f"{sql_time * 1000:.0f} ms",
            list_time / sql_time,
            "information",
            True,
        )
    finally:
        conn.close()
        db.close()


if __name__ == "__main__":
    import sys

    bench_sessions(Path(sys.argv[1]))
