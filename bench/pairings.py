"""Pairings on the large dataset: ranking every volunteer for one household, the overdue
follow-up list, and filtering the participant list per keystroke.

Each is set beside a plain `sqlite3` read of the same rows, the floor under the work: the
volunteers' rows for the ranking, a count of the overdue follow-ups for the list, and a LIKE over
the participants' search text for the filter.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from app.db import Database
from app.services.matching import rank_for_seeker
from app.services.pairings import overdue_follow_ups
from app.services.participant_register import filter_participant_rows, list_participants
from app.services.text import like_patterns, search_terms
from bench.report import line, median_seconds

QUERIES = ("warsame", "arabisk", "915", "fotball mat")


def _prefixes() -> list[str]:
    return [q[:n] for q in QUERIES for n in range(1, len(q) + 1)]


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _waiting_household(raw: sqlite3.Connection) -> str:
    """The household that has waited longest for a Vennefamilie (children: certificate rule)."""
    found = raw.execute(
        "SELECT h.uuid FROM pairings pa JOIN households h ON h.id = pa.household_id"
        " JOIN programmes pr ON pr.id = pa.programme_id"
        " WHERE pa.status = 'waiting' ORDER BY pr.name = 'Vennefamilie' DESC, pa.referred_on,"
        " pa.id LIMIT 1"
    ).fetchone()
    if found is None:
        raise RuntimeError("no household waits: run `dugnad demo --size large`")
    return str(found[0])


def bench_pairings(db_path: Path, repeat: int = 7) -> None:
    db = Database.open(db_path)
    raw = sqlite3.connect(db_path)
    today = dt.date.today()

    # 1. Ranking all volunteers for one household.
    household = _waiting_household(raw)
    ranked = rank_for_seeker(db, household_id=household, today=today)  # warm-up
    rank_time = median_seconds(lambda: rank_for_seeker(db, household_id=household, today=today),
                               repeat)  # fmt: skip
    volunteers_sql = (
        "SELECT p.id, p.uuid, p.name, p.sort_name, v.status, p.gender, p.birth_year,"
        " p.postcode, p.district, v.max_pairings"
        " FROM volunteers v JOIN people p ON p.id = v.person_id WHERE v.status = 'active'"
    )
    volunteers = len(raw.execute(volunteers_sql).fetchall())
    read_time = median_seconds(lambda: raw.execute(volunteers_sql).fetchall(), repeat)
    line(
        f"rank for one household ({len(ranked)} of {volunteers})",
        f"{rank_time * 1000:.1f} ms",
        f"{read_time * 1000:.1f} ms",
        rank_time / read_time,
        "<= 200 ms",
        rank_time <= 0.200,
    )

    # 2. The overdue follow-up list.
    overdue = overdue_follow_ups(db, today=today)  # warm-up
    list_time = median_seconds(lambda: overdue_follow_ups(db, today=today), repeat)
    count_sql = (
        "SELECT COUNT(*) FROM follow_ups f JOIN pairings pa ON pa.id = f.pairing_id"
        " WHERE pa.status = 'active' AND f.done_on IS NULL AND f.due_on IS NOT NULL"
        " AND f.due_on < ?"
    )
    day = today.isoformat()
    count_time = median_seconds(lambda: raw.execute(count_sql, (day,)).fetchone(), repeat)
    line(
        f"overdue follow-ups ({len(overdue)} rows)",
        f"{list_time * 1000:.1f} ms",
        f"{count_time * 1000:.1f} ms",
        list_time / count_time,
        "<= 100 ms",
        list_time <= 0.100,
    )

    # 3. Filtering the participant list per keystroke (the rows are loaded once, as the page does).
    rows = list_participants(db, today=today)
    keystrokes = _prefixes()

    def filter_all() -> list[float]:
        times = []
        for text in keystrokes:
            start = time.perf_counter()
            filter_participant_rows(rows, text)
            times.append(time.perf_counter() - start)
        return times

    def sql_all() -> list[float]:
        times = []
        for text in keystrokes:
            patterns = like_patterns(search_terms(text))
            where = " AND ".join("p.search_text LIKE ? ESCAPE '\\'" for _ in patterns)
            start = time.perf_counter()
            raw.execute(
                "SELECT p.uuid, p.name, p.birth_year, p.gender FROM people p"
                f" JOIN participants pa ON pa.person_id = p.id WHERE {where} ORDER BY p.sort_name",
                patterns,
            ).fetchall()
            times.append(time.perf_counter() - start)
        return times

    filter_p95 = _p95([t for _ in range(3) for t in filter_all()])
    sql_p95 = _p95([t for _ in range(3) for t in sql_all()])
    line(
        f"filter participants, p95 ({len(rows)} rows)",
        f"{filter_p95 * 1000:.1f} ms",
        f"{sql_p95 * 1000:.1f} ms",
        filter_p95 / sql_p95,
        "<= 50 ms",
        filter_p95 <= 0.050,
    )
    raw.close()
    db.close()
