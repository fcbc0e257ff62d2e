"""Settings → pairing programmes: change the follow-up schedule without codes, add a programme."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.db import Database
from app.services.programmes import find_programme, list_programmes
from app.views.settings.programme_settings import ProgrammeSettings


def test_change_the_schedule_and_add_a_programme(qtbot, db: Database) -> None:
    panel = ProgrammeSettings(db)
    qtbot.addWidget(panel)
    assert panel.list.count() == 2  # the starter programmes
    panel.list.setCurrentRow(0)
    dialog = panel.open_dialog(panel.list.currentItem().data(Qt.ItemDataRole.UserRole))
    assert dialog.plan.code() == "2w,1m,*2m"
    assert "deretter hver 2. måned" in dialog.plan.description.text()
    dialog.plan.repeat.amount.setValue(1)  # every month instead
    dialog.certificate.setCurrentIndex(dialog.certificate.findData("always"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = find_programme(db, "Flyktningguide")
    assert (saved.follow_up_plan, saved.certificate) == ("2w,1m,*1m", "always")

    new = panel.open_dialog(None)
    assert not new.save_button.isEnabled()  # a name is needed
    qtbot.keyClicks(new.name_edit, "Mentor")
    new.months.setValue(6)
    new.plan.repeat_box.setChecked(False)
    new.plan._remove_last()
    assert new.plan.code() == "2w"
    qtbot.mouseClick(new.save_button, Qt.MouseButton.LeftButton)
    mentor = find_programme(db, "mentor")
    assert (mentor.months, mentor.follow_up_plan) == (6, "2w")
    assert len(list_programmes(db)) == 3 and panel.list.count() == 3

    again = panel.open_dialog(None)
    qtbot.keyClicks(again.name_edit, "MENTOR")
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert again.isVisible() and again.error.text()  # the name is taken: said, nothing saved
    assert len(list_programmes(db)) == 3
