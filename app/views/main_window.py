"""The main window: navigation on the left, one page per section, the demo banner on top.

It only wires pages together and swaps the database (real ↔ demo); each page loads its own data
through services and lives in its own package.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError
from app.i18n import _
from app.services.centre import get_centre
from app.views import demo_switch, preferences
from app.views.home.home_page import HomePage
from app.views.settings.settings_page import SettingsPage
from app.views.volunteers.list_view import VolunteerListPage
from app.views.widgets import messages
from app.views.widgets.background import TaskRunner
from app.views.widgets.demo_banner import DemoBanner

VIEWS = ("home", "volunteers", "settings")

NAV_STYLE = """
QListWidget#navigation { background: #1f3b57; color: #e6edf3; border: none; font-size: 11pt;
                         padding-top: 12px; outline: 0; }
QListWidget#navigation::item { padding: 10px 16px; }
QListWidget#navigation::item:selected { background: #2f6fb3; color: white; }
QListWidget#navigation::item:hover:!selected { background: #2a4b6d; }
"""


def _view_titles() -> dict[str, str]:
    return {"home": _("Oversikt"), "volunteers": _("Frivillige"), "settings": _("Innstillinger")}


def window_title(db: Database) -> str:
    """ "Dugnad – <centre>", with DEMO in it whenever the database is a demo database."""
    centre = get_centre(db)
    parts = ["Dugnad"]
    if centre.is_demo:
        parts.append(_("DEMO"))
    if centre.name:
        parts.append(centre.name)
    return " – ".join(parts)


class MainWindow(QMainWindow):
    """Holds the open database and the pages showing it."""

    def __init__(
        self,
        db: Database,
        *,
        real_path: Path | None = None,
        runner: TaskRunner | None = None,
        remember_state: bool = True,
    ) -> None:
        super().__init__()
        self.db = db
        self.real_path = real_path or db.path
        self.runner = runner or TaskRunner()
        self.remember_state = remember_state

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(NAV_STYLE)
        self.navigation.setFixedWidth(190)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for name, title in _view_titles().items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.navigation.addItem(item)

        self.home = HomePage(db)
        self.volunteers = VolunteerListPage(db)
        self.settings_page = SettingsPage(db)
        self.pages = QStackedWidget()
        for page in (self.home, self.volunteers, self.settings_page):
            self.pages.addWidget(page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        self.banner = DemoBanner()
        self.banner.back_requested.connect(self.back_to_real_data)

        self.home.open_volunteers.connect(self._open_volunteers)
        self.home.add_volunteer_requested.connect(self._add_volunteer)
        self.home.demo_requested.connect(self.try_demo)
        self.volunteers.data_changed.connect(self.home.reload)
        self.settings_page.centre_saved.connect(self._update_title)
        self.settings_page.centre_saved.connect(self.home.reload)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self.resize(1180, 760)
        self.setMinimumSize(900, 560)
        if remember_state and (geometry := preferences.saved_geometry()) is not None:
            self.restoreGeometry(geometry)
        self.show_view("home")
        self.volunteers.reload()
        self._update_title()

    # -- navigation -------------------------------------------------------------------------------
    def show_view(self, name: str) -> bool:
        """Select a section by name (home, volunteers, settings); False if there is none."""
        if name not in VIEWS:
            return False
        self.navigation.setCurrentRow(VIEWS.index(name))
        return True

    def current_view(self) -> str:
        return VIEWS[max(self.navigation.currentRow(), 0)]

    def _open_volunteers(self, status: str | None) -> None:
        self.volunteers.set_status_filter(status)
        self.show_view("volunteers")

    def _add_volunteer(self) -> None:
        self.show_view("volunteers")
        self.volunteers.open_form(None)

    # -- database ---------------------------------------------------------------------------------
    def is_demo(self) -> bool:
        return get_centre(self.db).is_demo

    def set_database(self, db: Database) -> None:
        """Show another database (demo or real) in every page; close the one shown before."""
        old = self.db
        self.db = db
        self.home.set_database(db)
        self.volunteers.set_database(db)
        self.settings_page.set_database(db)
        self._update_title()
        if old is not db:
            old.close()

    def try_demo(self) -> None:
        demo_switch.open_demo(self, self.runner, self._show_demo, self._show_problem)

    def _show_demo(self, db: Database) -> None:
        self.set_database(db)
        self.show_view("home")

    def back_to_real_data(self) -> None:
        try:
            db = Database.open(self.real_path, create=True)
        except DugnadError as exc:
            self._show_problem(exc.message)
            return
        self.set_database(db)
        self.show_view("home")

    def _show_problem(self, message: str) -> None:
        messages.show_error(self, message)

    def _update_title(self) -> None:
        self.setWindowTitle(window_title(self.db))
        demo = self.is_demo()
        self.banner.setVisible(demo)
        self.banner.back_button.setVisible(demo and self.db.path != self.real_path)

    # -- closing ----------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.remember_state:
            preferences.save_geometry(self.saveGeometry())
            preferences.save_view(self.current_view())
        self.runner.wait()
        super().closeEvent(event)
