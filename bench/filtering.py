"""Filtering the volunteer list per keystroke, against a plain SQL query over the same rows."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.db import Database
from app.services.text import like_patterns, search_terms
from bench.report import line

QUERIES = ("ødegård", "arabisk", "912", "fotball sandnes")


def _prefixes() -> list[str]:
    return [q[:n] for q in QUERIES for n in range(1, len(q) + 1)]


def bench_filtering(db_path: Path, repeat: int = 3) -> None:
    from PySide6.QtWidgets import QApplication

    from app.views.volunteers.list_view import VolunteerListPage

    app = QApplication.instance() or QApplication([])
    db = Database.open(db_path)
    page = VolunteerListPage(db)
    page.resize(1200, 800)
    page.show()
    page.reload()
    app.processEvents()
    box = page.search
    keystrokes = _prefixes()

    def type_all() -> list[float]:
        times = []
        for text in keystrokes:
            start = time.perf_counter()
            box.setText(text)
            app.processEvents()
            times.append(time.perf_counter() - start)
        box.clear()
        app.processEvents()
        return times

    gui_times = sorted(t for _ in range(repeat) for t in type_all())
    raw = sqlite3.connect(db_path)

    def sql_all() -> list[float]:
        times = []
        for text in keystrokes:
            patterns = like_patterns(search_terms(text))
            where = " AND ".join("p.search_text LIKE ? ESCAPE '\\'" for _ in patterns)
            start = time.perf_counter()
            raw.execute(
                "SELECT p.uuid, p.name, p.phone, p.email, v.status FROM people p "
                f"JOIN volunteers v ON v.person_id = p.id WHERE {where} ORDER BY p.sort_name",
                patterns,
            ).fetchall()
            times.append(time.perf_counter() - start)
        return times

    sql_times = sorted(t for _ in range(repeat) for t in sql_all())
    raw.close()
    page.close()
    page.deleteLater()  # delete the page while the QApplication still exists
    app.processEvents()
    db.close()
    worst_gui = gui_times[int(len(gui_times) * 0.95) - 1]
    worst_sql = sql_times[int(len(sql_times) * 0.95) - 1]
    line(
        f"filter per keystroke, p95 ({page.model.rowCount()} rows)",
        f"{worst_gui * 1000:.1f} ms",
        f"{worst_sql * 1000:.1f} ms",
        worst_gui / worst_sql,
        "<= 50 ms",
        worst_gui <= 0.050,
    )
