"""The volunteer table model and its filter, without any window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.db import Database
from app.services.text import fold, sort_key
from app.services.volunteer_list import VolunteerRow, list_volunteers
from app.views.volunteers.list_model import (
    NAME,
    PHONE,
    SORT_ROLE,
    START_DATE,
    STATUS,
    VolunteerTableModel,
)
from app.views.volunteers.row_filter import VolunteerFilter


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


def test_filter_uses_the_service_rule() -> None:
    model = VolunteerTableModel([_row(1, "Kari Ødegård"), _row(2, "Ola Nordmann", "ended")])
    model.set_filter(VolunteerFilter().with_search("øde").accepts)
    assert model.rowCount() == 1
    assert model.index(0, NAME).data() == "Kari Ødegård"
    assert model.total_count() == 2
    model.set_filter(VolunteerFilter().with_statuses(frozenset({"active", "paused"})).accepts)
    assert [model.row_at(r).name for r in range(model.rowCount())] == ["Kari Ødegård"]
    model.set_filter(None)
    assert model.rowCount() == 2


def test_filter_survives_reload_and_sort(qtmodeltester) -> None:
    rows = [_row(n, f"Person Nummer{n} Ødegård{n % 7}") for n in range(2000)]
    model = VolunteerTableModel(rows)
    typed = "nummer19"
    for n in range(1, len(typed) + 1):
        model.set_filter(VolunteerFilter().with_search(typed[:n]).accepts)
    assert model.rowCount() == 111  # 19, 190-199, 1900-1999
    model.sort(NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 111
    assert model.row_at(0).name == "Person Nummer1999 Ødegård4"
    model.set_rows(rows[:200])  # a reload keeps the filter and the sort order
    assert [model.row_at(r).name for r in range(model.rowCount())] == [
        "Person Nummer199 Ødegård3", "Person Nummer198 Ødegård2", "Person Nummer197 Ødegård1",
        "Person Nummer196 Ødegård0", "Person Nummer195 Ødegård6", "Person Nummer194 Ødegård5",
        "Person Nummer193 Ødegård4", "Person Nummer192 Ødegård3", "Person Nummer191 Ødegård2",
        "Person Nummer190 Ødegård1", "Person Nummer19 Ødegård5",
    ]  # fmt: skip
    qtmodeltester.check(model)
