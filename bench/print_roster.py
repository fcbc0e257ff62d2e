"""Printing a vaktliste of about 1,000 sessions (a term of a whole centre): data and PDF.

The period ends today and starts where the 1,000th latest session lies, every activity. The
figure is `roster_printout` (the service) plus `render_roster` (the PDF, into memory), set beside
a hand-written `sqlite3` read of the same sessions and roster names: the floor for the data alone.
"""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from pathlib import Path

from app.db import Database
from app.i18n.formatting import format_number
from bench.report import line, median_seconds

TARGET_ROWS = 1_000


def _period(conn: sqlite3.Connection, today: dt.date) -> tuple[dt.date, dt.date]:
    """From the date of the 1,000th latest session up to today, to today."""
    row = conn.execute(
        "SELECT date FROM sessions WHERE date <= ? ORDER BY date DESC LIMIT 1 OFFSET ?",
        (today.isoformat(), TARGET_ROWS - 1),
    ).fetchone()
    if row is None:
        raise RuntimeError("too few sessions: run `dugnad demo --size large`")
    return dt.date.fromisoformat(row[0]), today


def _raw_read(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> int:
    """The roster's sessions and names by hand: two queries, no objects."""
    sessions = conn.execute(
        """
        SELECT s.id, s.uuid, a.uuid, a.name, s.date, s.start_time, s.end_time,
               COALESCE(sp.name, ap.name), s.cancelled, s.cancel_reason,
               COALESCE(s.volunteers_needed, a.volunteers_needed)
        FROM sessions s JOIN activities a ON a.id = s.activity_id
        LEFT JOIN places sp ON sp.id = s.place_id LEFT JOIN places ap ON ap.id = a.place_id
        WHERE s.date >= ? AND s.date <= ?
        ORDER BY s.date, s.start_time, a.name
        """,
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    names = conn.execute(
        """
        SELECT r.session_id, p.name, p.sort_name, r.role, r.confirmed
        FROM roster_entries r JOIN people p ON p.id = r.person_id
        JOIN sessions s ON s.id = r.session_id
        WHERE s.date >= ? AND s.date <= ?
        ORDER BY r.session_id, p.sort_name
        """,
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    return len(sessions) + len(names)


def bench_print_roster(db_path: Path, repeat: int = 5) -> None:
    from app.reports.roster import render_roster
    from app.services.print_rosters import roster_printout

    db = Database.open(db_path)
    conn = sqlite3.connect(db_path)
    try:
        start, end = _period(conn, dt.date.today())

        def print_roster() -> int:
            buffer = io.BytesIO()
            render_roster(roster_printout(db, start, end), buffer)
            return len(buffer.getvalue())

        roster = roster_printout(db, start, end)
        print_roster()  # warm: fonts registered, statements compiled
        app_time = median_seconds(print_roster, repeat)
        raw_time = median_seconds(lambda: _raw_read(conn, start, end), repeat)
        names = sum(len(s.volunteers) for s in roster.sessions)
        line(
            f"print roster ({format_number(len(roster.sessions))} sessions, "
            f"{format_number(names)} names)".replace("\u00a0", " "),
            f"{app_time * 1000:.0f} ms",
            f"{raw_time * 1000:.1f} ms",
            app_time / raw_time,
            "<= 1 s (data + PDF)",
            app_time <= 1.0,
        )
    finally:
        conn.close()
        db.close()


if __name__ == "__main__":
    import sys

    bench_print_roster(Path(sys.argv[1]))
