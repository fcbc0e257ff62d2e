"""The settings page: centre details, staff, language; and the crash hook's log."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from app.db import Database
from app.services.centre import list_staff
from app.services.centre_info import get_centre
from app.views import preferences
from app.views.crash import make_excepthook
from app.views.settings.settings_page import SettingsPage


def test_centre_settings_validate_and_save(qtbot, db: Database) -> None:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    page.show()
    fields = page.centre_fields
    qtbot.keyClicks(fields.edits["name"], "Fjellby frivilligsentral")
    qtbot.keyClicks(fields.edits["postcode"], "43")
    assert fields.error_labels["postcode"].isVisible()
    assert not page.save_button.isEnabled()
    qtbot.keyClicks(fields.edits["postcode"], "06")
    qtbot.keyClicks(fields.edits["manager_name"], "Kari Nordmann")
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(page.centre_saved):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    centre = get_centre(db)
    assert (centre.postcode, centre.manager_name) == ("4306", "Kari Nordmann")


def test_logo_is_previewed_and_saved(qtbot, db: Database, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    logo = tmp_path / "logo.png"
    image.save(str(logo))
    page = SettingsPage(db)
    qtbot.addWidget(page)
    page.centre_fields.edits["name"].setText("Fjellby")
    page.centre_fields.load_logo_file(str(logo))
    assert not page.centre_fields.logo_preview.pixmap().isNull()
    page.centre_fields.load_logo_file(__file__)  # not an image
    assert page.centre_fields.logo_error.isVisibleTo(page)
    page.centre_fields.validate()
    page.save_centre()
    assert get_centre(db).logo == logo.read_bytes()


def test_staff_add_and_deactivate(qtbot, db: Database) -> None:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    staff = page.staff_panel
    assert not staff.add_button.isEnabled()
    qtbot.keyClicks(staff.name_edit, "Ingrid Sæther")
    qtbot.keyClicks(staff.title_edit, "koordinator")
    qtbot.mouseClick(staff.add_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in list_staff(db)] == ["Ingrid Sæther"]
    assert staff.list.count() == 1
    staff.list.setCurrentRow(0)
    assert staff.toggle_button.text() == "Deaktiver"
    qtbot.mouseClick(staff.toggle_button, Qt.MouseButton.LeftButton)
    assert list_staff(db) == []
    assert staff.list.count() == 0
    staff.show_inactive.setChecked(True)
    assert "(deaktivert)" in staff.list.item(0).text()


def test_language_choice_is_stored_for_next_start(qtbot, db: Database) -> None:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    panel = page.language_panel
    panel.combo.setCurrentIndex(panel.combo.findData("nn"))
    assert preferences.saved_language() == "nn"
    assert panel.note.text() == "Språket endres neste gang Dugnad starter."


def test_crash_hook_logs_traceback_without_showing_it(tmp_path, capsys) -> None:
    log = tmp_path / "logs" / "dugnad-feil.log"
    hook = make_excepthook(log, show_box=False)
    try:
        raise RuntimeError("intern feil 42")
    except RuntimeError:
        hook(*sys.exc_info())
    assert "intern feil 42" in log.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Noe gikk galt" in err
    assert "Traceback" not in err


def test_hours_margin_is_saved_from_the_settings_page(qtbot, db: Database) -> None:
    from app.services.centre import get_hours_margin
    from app.views.settings.settings_page import SettingsPage

    page = SettingsPage(db)
    qtbot.addWidget(page)
    assert page.activity_settings.margin.value() == 2.0
    page.activity_settings.margin.setValue(1.5)
    assert get_hours_margin(db) == 1.5
