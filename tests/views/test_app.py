"""Starting the GUI: the smoke test path, the first-start set-up, demo data and errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app import paths
from app.db import Database
from app.services.centre import update_centre
from app.services.centre_info import get_centre, has_people
from app.views import preferences
from app.views.app import run_gui, warm_up
from app.views.main_window import MainWindow
from app.views.setup_dialog import SetupDialog


def test_smoke_test_returns_zero_and_writes_screenshot(qtbot, db_path: Path, tmp_path) -> None:
    shot = tmp_path / "shots" / "main.png"
    code = run_gui(db_path, "nb", smoke_test=True, screenshot=shot, view="volunteers")
    assert code == 0
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 900
    assert db_path.exists()  # the database was created
    assert preferences.saved_view() is None  # a smoke test leaves the user's settings alone


def test_warm_up_makes_the_engine_the_first_click_needs(db_path: Path) -> None:
    fresh = Database.open(db_path, create=True)
    fresh.close()
    opened = Database.open(db_path)  # current version: opened without SQLAlchemy
    assert "engine" not in vars(opened)
    warm_up(opened)
    assert "engine" in vars(opened)
    opened.close()


def test_smoke_test_with_unusable_database_returns_two(qtbot, tmp_path, capsys) -> None:
    foreign = tmp_path / "not-dugnad.sqlite"
    foreign.write_text("hello")
    assert run_gui(foreign, None, smoke_test=True) == 2
    assert "ikke en Dugnad-database" in capsys.readouterr().err


def test_setup_dialog_rejects_bad_orgnr(qtbot, db: Database) -> None:
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()  # the name is required
    qtbot.keyClicks(dialog.fields.edits["name"], "Fjellby frivilligsentral")
    assert dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.fields.edits["orgnr"], "123456789")
    message = dialog.fields.error_labels["orgnr"]
    assert message.isVisible()
    assert "organisasjonsnummer" in message.text()
    assert not dialog.save_button.isEnabled()

    dialog.fields.edits["orgnr"].clear()
    qtbot.keyClicks(dialog.fields.edits["orgnr"], "974 760 673")  # valid MOD11
    assert not message.isVisible()
    qtbot.keyClicks(dialog.fields.edits["municipality"], "Fjellby")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    centre = get_centre(db)
    assert (centre.name, centre.orgnr, centre.municipality) == (
        "Fjellby frivilligsentral", "974760673", "Fjellby")  # fmt: skip


def test_empty_register_shows_welcome_then_demo_gives_demo_title(qtbot, db, runner) -> None:
    update_centre(db, name="Fjellby frivilligsentral")
    window = MainWindow(db, runner=runner, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    assert window.home.showing_welcome()
    assert window.windowTitle() == "Dugnad – Fjellby frivilligsentral"
    assert not window.banner.isVisible()

    qtbot.mouseClick(window.home.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.db.path == paths.demo_database_path()
    assert window.windowTitle().startswith("Dugnad – DEMO – ")
    assert window.banner.isVisible()
    assert not window.home.showing_welcome()
    assert window.volunteers.model.rowCount() > 100

    qtbot.mouseClick(window.banner.back_button, Qt.MouseButton.LeftButton)
    assert window.db.path == db.path
    assert window.windowTitle() == "Dugnad – Fjellby frivilligsentral"
    assert not window.banner.isVisible()
    assert not has_people(window.db)  # the demo never touched the real register
    window.db.close()


def test_view_argument_and_remembered_view(qtbot, db: Database) -> None:
    window = MainWindow(db, remember_state=True)
    qtbot.addWidget(window)
    assert window.show_view("settings")
    assert window.pages.currentWidget() is window.settings_page
    assert not window.show_view("nonsense")
    window.close()
    assert preferences.saved_view() == "settings"


def test_home_card_opens_filtered_list(qtbot, db: Database, some_volunteers) -> None:
    window = MainWindow(db, remember_state=False)
    qtbot.addWidget(window)
    window.show()
    assert window.home.cards["active"].value_label.text() == "3"
    qtbot.mouseClick(window.home.cards["active"], Qt.MouseButton.LeftButton)
    assert window.current_view() == "volunteers"
    assert window.volunteers.model.rowCount() == 3


def test_demo_fill_runs_on_the_thread_pool(qtbot, db: Database) -> None:
    window = MainWindow(db, remember_state=False)  # the real, threaded runner
    qtbot.addWidget(window)
    window.try_demo()
    qtbot.waitUntil(lambda: "DEMO" in window.windowTitle(), timeout=30_000)
    assert window.volunteers.model.rowCount() > 100
    window.back_to_real_data()
    window.db.close()
