"""The week view: the week's sessions, keyboard navigation, understaffed and cancelled marks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.db import Database
from app.services.sessions import list_sessions
from app.views.activities.session_model import DATE, PLACE, STAFFING, TIME, SessionTableModel
from app.views.week.day_column import STATE_ROLE
from app.views.week.home_sessions import HomeSessions
from app.views.week.week_page import WeekPage
from bench.activity_views import build_centre

TODAY = dt.date(2026, 11, 19)  # Thursday of week 47
MONDAY = dt.date(2026, 11, 16)


def _states(page: WeekPage) -> dict[str, str]:
    found = {}
    for column in page.days:
        for i in range(column.list.count()):
            item = column.list.item(i)
            if item.data(STATE_ROLE):
                found[item.text().splitlines()[1] + " " + column.day.isoformat()] = item.data(
                    STATE_ROLE
                )
    return found


def test_week_shows_sessions_and_keyboard_moves_weeks(qtbot, db: Database) -> None:
    centre = build_centre(db, TODAY)
    page = WeekPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    assert page.shown_dates() == [MONDAY + dt.timedelta(days=n) for n in range(7)]
    thursday = page.days[3]
    assert any("Språkkafé" in thursday.list.item(i).text() for i in range(thursday.list.count()))
    assert "Uke 47" in page.week_label.text()
    ids = {sid for column in page.days for sid in column.session_ids()}
    week = list_sessions(db, MONDAY, MONDAY + dt.timedelta(days=6))
    assert ids == {r.id for r in week}

    page.days[0].list.setFocus()
    qtbot.keyClick(page.days[0].list, Qt.Key.Key_PageDown)
    assert page.shown_dates()[0] == MONDAY + dt.timedelta(weeks=1)
    qtbot.keyClick(page.days[0].list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.shown_dates()[0] == MONDAY + dt.timedelta(weeks=2)
    qtbot.keyClick(page.days[0].list, Qt.Key.Key_PageUp)
    qtbot.keyClick(page.days[0].list, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.shown_dates()[0] == MONDAY
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.this_week_button, Qt.MouseButton.LeftButton)
    assert page.shown_dates()[0] == MONDAY
    assert centre.activities


def test_understaffed_and_cancelled_are_marked(qtbot, db: Database) -> None:
    build_centre(db, TODAY)
    page = WeekPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.move_weeks(1)  # next week: café 2 of 3, homework help cancelled
    states = _states(page)
    assert states["Språkkafé 2026-11-26"] == "understaffed"
    assert states["Leksehjelp 2026-11-24"] == "cancelled"
    assert states["Kvinnegruppa 2026-11-26"] == "ok"
    cafe = next(
        page.days[3].list.item(i) for i in range(page.days[3].list.count())
        if "Språkkafé" in page.days[3].list.item(i).text()
    )  # fmt: skip
    assert "Frivillige 2/3" in cafe.text()
    assert page.understaffed_model.rowCount() >= 1
    assert page.understaffed_model.index(0, 4).data() == "2 av 3"


def test_double_click_opens_attendance(qtbot, db: Database) -> None:
    build_centre(db, TODAY)
    page = WeekPage(db, today=TODAY)
    qtbot.addWidget(page)
    column = page.days[3]
    item = column.list.item(0)
    column.list.itemActivated.emit(item)
    assert page.current_dialog is not None
    assert page.current_dialog.sheet.date == column.day
    page.current_dialog.done(0)


def test_home_sessions_count_today_and_week(qtbot, db: Database) -> None:
    build_centre(db, TODAY)
    home = HomeSessions(today=TODAY)
    qtbot.addWidget(home)
    home.reload(db)
    assert home.today_card.value_label.text() == "2"  # café and the women's group
    with qtbot.waitSignal(home.open_week):
        home.today_card.clicked.emit()


def test_session_model(qtmodeltester, db: Database) -> None:
    build_centre(db, TODAY)
    model = SessionTableModel([DATE, TIME, PLACE, STAFFING], list_sessions(db, MONDAY, TODAY))
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_certificate_warning_shows_on_the_session() -> None:
    import dataclasses
    import datetime as dt

    from app.services.sessions import SessionAttendance, SessionRow
    from app.views.week.day_column import session_text, session_tooltip

    row = SessionRow(
        id="s", activity_id="a", activity="Leksehjelp", date=dt.date(2026, 12, 1),
        start=dt.time(17), end=dt.time(19), place="Biblioteket", cancelled=False,
        cancel_reason=None, volunteers_needed=2, volunteers_assigned=2,
        attendance_recorded=False, attendance=SessionAttendance(0, 0.0, 0, 0),
    )  # fmt: skip
    assert "Politiattest" not in session_text(row)
    warned = dataclasses.replace(row, certificate_warnings=1)
    assert "⚠ Politiattest går ut før økten" in session_text(warned)
    assert "1 på vaktlisten har ikke gyldig politiattest" in session_tooltip(warned)
