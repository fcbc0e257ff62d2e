"""The volunteer table model and its filter proxy, without any window."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import Qt

from app.db import Database
from app.services.text import fold, sort_key
from app.services.volunteers import VolunteerRow, list_volunteers
from app.views.volunteers.filter_proxy import VolunteerFilterProxy
from app.views.volunteers.list_model import (
    NAME,
    PHONE,
    SORT_ROLE,
    START_DATE,
    STATUS,
    VolunteerTableModel,
)


def _row(n: int, name: str, status: str = "active", start: dt.date | None = None) -> VolunteerRow:
    return VolunteerRow(
        id=f"id-{n}", name=name, sort_key=sort_key(name), phone="+4791234567", email=None,
        place=None, birth_year=None, gender="unknown", status=status, status_date=None,
        start_date=start, languages=("no",), skills=(), search_text=fold(name),
    )  # fmt: skip


def test_model_passes_qt_model_tester(qtmodeltester, db: Database, some_volunteers) -> None:
    model = VolunteerTableModel(list_volunteers(db))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_empty_model_passes_qt_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(VolunteerTableModel([]))


def test_display_formats_phone_and_status(db: Database, some_volunteers) -> None:
    model = VolunteerTableModel(list_volunteers(db))
    names = [model.index(r, NAME).data() for r in range(3)]
    kari = names.index("Kari Ødegård")
    assert model.index(kari, PHONE).data() == "+47 912 34 567"
    assert model.index(kari, STATUS).data() == "Aktiv"


def test_sort_role_gives_raw_values_and_sorts_by_meaning() -> None:
    rows = [
        _row(1, "Åse Berg", start=dt.date(2024, 1, 5)),
        _row(2, "Zara Ali", status="ended", start=dt.date(2019, 3, 1)),
        _row(3, "Øyvind Lie", status="paused", start=None),
    ]
    model = VolunteerTableModel(rows)
    assert model.index(0, START_DATE).data(SORT_ROLE) == "2024-01-05"
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    # Norwegian order: Z, then Ø, then Å.
    assert [model.row_at(r).name for r in range(3)] == ["Zara Ali", "Øyvind Lie", "Åse Berg"]
    model.sort(START_DATE, Qt.SortOrder.DescendingOrder)
    assert model.row_at(0).name == "Åse Berg"
    assert model.row_at(2).name == "Øyvind Lie"  # no date sorts last when descending


def test_proxy_filters_with_the_service_rule() -> None:
    model = VolunteerTableModel([_row(1, "Kari Ødegård"), _row(2, "Ola Nordmann", "ended")])
    proxy = VolunteerFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search("øde")
    assert proxy.rowCount() == 1
    assert proxy.index(0, NAME).data() == "Kari Ødegård"
    proxy.set_search("")
    proxy.set_statuses(frozenset({"active", "paused"}))
    assert proxy.rowCount() == 1
    proxy.set_statuses(None)
    assert proxy.rowCount() == 2


def test_filtering_two_thousand_rows_is_fast() -> None:
    rows = [_row(n, f"Person Nummer{n} Ødegård{n % 7}") for n in range(2000)]
    model = VolunteerTableModel(rows)
    proxy = VolunteerFilterProxy()
    proxy.setSourceModel(model)
    typed = "nummer19"
    start = time.perf_counter()
    for n in range(1, len(typed) + 1):
        proxy.set_search(typed[:n])
        proxy.rowCount()
    per_keystroke = (time.perf_counter() - start) / len(typed)
    assert proxy.rowCount() == 111  # 19, 190-199, 1900-1999
    assert per_keystroke < 0.05
