"""The attendance screen, driven with the keyboard and mouse like a centre manager would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.services.attendance import get_attendance_sheet
from app.services.participants import find_participants
from app.services.sessions import list_sessions
from app.views.attendance.attendance_dialog import AttendanceDialog
from bench.activity_views import Centre, build_centre

TODAY = dt.date(2026, 11, 19)  # a Thursday


@pytest.fixture
def centre(db: Database) -> Centre:
    return build_centre(db, TODAY, enrolled=6)


def _session(db: Database, centre: Centre, key: str, day: dt.date) -> str:
    [row] = list_sessions(db, day, day, [centre.activities[key]])
    return row.id


def _open(qtbot, db: Database, session_id: str) -> AttendanceDialog:  # noqa: ANN001
    dialog = AttendanceDialog(db, session_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def test_tick_volunteer_change_hours_and_tick_participant(qtbot, db, centre) -> None:
    session_id = _session(db, centre, "cafe", TODAY)  # today: nothing recorded yet
    dialog = _open(qtbot, db, session_id)
    per = centre.volunteers["Per Hansen"]
    box, spin = dialog.volunteers.boxes[per], dialog.volunteers.spins[per]
    assert not spin.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert spin.isEnabled() and spin.value() == 2.0  # default: the session's length
    spin.setValue(2.5)
    assert spin.singleStep() == 0.5
    assert spin.maximum() == get_attendance_sheet(db, session_id).max_hours
    qtbot.keyClick(spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.save_error.text()
    sheet = get_attendance_sheet(db, session_id)
    [present] = [v for v in sheet.volunteers if v.present]
    assert (present.volunteer_id, present.hours) == (per, 2.5)


def test_tick_enrolled_participant(qtbot, db, centre) -> None:
    day = TODAY - dt.timedelta(days=2)  # Tuesday's homework help, already recorded
    session_id = _session(db, centre, "homework", day)
    dialog = _open(qtbot, db, session_id)
    target = centre.participants[-1]
    assert not dialog.participants.boxes[target].isChecked()
    qtbot.keyClick(dialog.participants.boxes[target], Qt.Key.Key_Space)
    assert dialog.save()
    present = {p.participant_id for p in get_attendance_sheet(db, session_id).participants
               if p.present}  # fmt: skip
    assert target in present


def test_split_larger_than_total_shows_message_and_does_not_save(qtbot, db, centre) -> None:
    session_id = _session(db, centre, "cafe", TODAY)
    dialog = _open(qtbot, db, session_id)
    dialog.headcount.total_spin.setValue(5)
    dialog.headcount.gender.setChecked(True)
    dialog.headcount.gender.spins["female"].setValue(4)
    dialog.headcount.gender.spins["male"].setValue(3)
    assert "større enn antall frammøtte" in dialog.headcount.gender.error.text()
    assert dialog.headcount.gender.error.isVisible()
    assert dialog.headcount.gender.sum_label.text() == "Sum: 7 av 5"
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.headcount.total_spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert not get_attendance_sheet(db, session_id).recorded
    dialog.headcount.gender.spins["male"].setValue(1)
    assert dialog.save_button.isEnabled()
    assert dialog.save()
    count = get_attendance_sheet(db, session_id).headcount
    assert (count.total, count.by_gender["female"], count.by_age) == (5, 4, None)


def test_walk_in_with_consent_becomes_named_participant(qtbot, db, centre) -> None:
    session_id = _session(db, centre, "cafe", TODAY)
    dialog = _open(qtbot, db, session_id)
    row = dialog.walk_in
    qtbot.keyClicks(row.name_edit, "Lina Ahmadi")
    qtbot.keyClicks(row.year_edit, "2015")
    row.consent_combo.setCurrentIndex(1)  # Ja, muntlig
    assert row.guardian_box.isVisible()  # a child: consent must come from a parent
    assert not row.add_button.isEnabled()
    assert "forelder eller verge" in row.error.text()
    row.guardian_box.setChecked(True)
    assert row.add_button.isEnabled()
    qtbot.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    [found] = find_participants(db, "Lina")
    assert dialog.participants.boxes[found.id].isChecked()
    assert dialog.save()
    names = [p.name for p in get_attendance_sheet(db, session_id).participants if p.present]
    assert names == ["Lina Ahmadi"]


def test_walk_in_without_consent_increases_headcount(qtbot, db, centre) -> None:
    session_id = _session(db, centre, "cafe", TODAY)
    dialog = _open(qtbot, db, session_id)
    dialog.headcount.total_spin.setValue(3)
    qtbot.keyClicks(dialog.walk_in.name_edit, "Noen")
    assert dialog.walk_in.consent_combo.currentData() is None
    qtbot.mouseClick(dialog.walk_in.add_button, Qt.MouseButton.LeftButton)
    assert dialog.headcount.total_spin.value() == 4
    assert find_participants(db, "Noen") == []
    assert dialog.save()
    assert get_attendance_sheet(db, session_id).headcount.total == 4


def test_tab_order_follows_the_sheet_and_enter_moves_on(qtbot, db, centre) -> None:
    session_id = _session(db, centre, "homework", TODAY - dt.timedelta(days=2))
    dialog = _open(qtbot, db, session_id)
    order = dialog.focus_order()
    sheet = get_attendance_sheet(db, session_id)
    boxes = [w for w in order if w in dialog.volunteers.boxes.values()]
    assert [b.text() for b in boxes] == [v.name for v in sheet.volunteers]
    ticks = [w for w in order if w in dialog.participants.boxes.values()]
    assert [b.text() for b in ticks] == [p.name for p in sheet.participants]
    assert order.index(ticks[0]) > order.index(boxes[-1])
    assert order.index(dialog.headcount.total_spin) > order.index(dialog.walk_in.name_edit)
    first = order[0]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter never saves or closes by accident


def test_volunteer_form_shows_hours_and_logs_more(qtbot, db, centre) -> None:
    from app.views.volunteers.form import VolunteerForm

    form = VolunteerForm(db, centre.volunteers["Kari Ødegård"])
    qtbot.addWidget(form)
    assert form.hours_label.text().startswith("Timer i år:")
    before = form.hours_label.text()
    dialog = form.open_hours_dialog()
    dialog.hours_spin.setValue(3.5)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("driving"))
    assert dialog.submit()
    assert form.hours_label.text() != before
