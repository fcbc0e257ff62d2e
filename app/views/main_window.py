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
from app.views.activities.list_view import ActivityListPage
from app.views.certificates.overview_page import CertificatesPage
from app.views.home.home_page import HomePage
from app.views.onboarding.board_page import OnboardingPage
from app.views.settings.settings_page import SettingsPage
from app.views.volunteers.list_view import VolunteerListPage
from app.views.week.week_page import WeekPage
from app.views.widgets import messages
from app.views.widgets.background import TaskRunner
from app.views.widgets.demo_banner import DemoBanner

VIEWS = ("home", "week", "activities", "volunteers", "certificates", "onboarding", "settings")

NAV_STYLE = """
QListWidget#navigation { background: #1f3b57; color: #e6edf3; border: none; font-size: 11pt;
                         padding-top: 12px; outline: 0; }
QListWidget#navigation::item { padding: 10px 16px; }
QListWidget#navigation::item:selected { background: #2f6fb3; color: white; }
QListWidget#navigation::item:hover:!selected { background: #2a4b6d; }
"""


def _view_titles() -> dict[str, str]:
    return {
        "home": _("Oversikt"),
        "week": _("Uke"),
        "activities": _("Aktiviteter"),
        "volunteers": _("Frivillige"),
        "certificates": _("Politiattester"),
        "onboarding": _("Oppstart"),
        "settings": _("Innstillinger"),
    }


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
        view: str = "home",
    ) -> None:
        """`view` is the section shown first; only it and the volunteer list load now."""
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

        # Pages load their data when first shown (and again after a change while hidden): the
        # window starts with only the volunteer list and the page on screen loaded.
        self.home = HomePage(db, load=False)
        self.week = WeekPage(db, load=False)
        self.activities = ActivityListPage(db)
        self.volunteers = VolunteerListPage(db)
        self.certificates = CertificatesPage(db, load=False)
        self.onboarding = OnboardingPage(db, load=False)
        self.settings_page = SettingsPage(db, load=False)
        self.pages = QStackedWidget()
        for page in (self.home, self.week, self.activities, self.volunteers, self.certificates,
                     self.onboarding, self.settings_page):  # fmt: skip
            self.pages.addWidget(page)
        self._stale: set[QWidget] = {self.home, self.week, self.activities, self.certificates,
                                     self.onboarding, self.settings_page}  # fmt: skip
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.pages.currentChanged.connect(lambda _index: self._load_if_stale())

        self.banner = DemoBanner()
        self.banner.back_requested.connect(self.back_to_real_data)

        self.home.open_volunteers.connect(self._open_volunteers)
        self.home.add_volunteer_requested.connect(self._add_volunteer)
        self.home.demo_requested.connect(self.try_demo)
        self.volunteers.data_changed.connect(lambda: self.refresh(self.home))
        self.home.open_week.connect(lambda: self.show_view("week"))
        self.week.data_changed.connect(lambda: self.refresh(self.home))
        self.activities.data_changed.connect(lambda: self.refresh(self.week))
        self.activities.data_changed.connect(lambda: self.refresh(self.home))
        self.settings_page.centre_saved.connect(self._update_title)
        self.settings_page.centre_saved.connect(lambda: self.refresh(self.home))
        # Certificates and onboarding depend on teams (activities), volunteers and settings.
        self.home.open_certificates.connect(lambda: self.show_view("certificates"))
        self.home.open_onboarding.connect(lambda: self.show_view("onboarding"))
        for source in (self.volunteers.data_changed, self.activities.data_changed,
                       self.settings_page.certificate_settings_changed):  # fmt: skip
            source.connect(lambda: self.refresh(self.certificates))
            source.connect(lambda: self.refresh(self.onboarding))
        self.settings_page.certificate_settings_changed.connect(lambda: self.refresh(self.home))
        for page in (self.certificates, self.onboarding):
            page.data_changed.connect(lambda: self.refresh(self.home))
            page.data_changed.connect(lambda: self.refresh(self.volunteers))
        self.certificates.data_changed.connect(lambda: self.refresh(self.onboarding))
        self.onboarding.data_changed.connect(lambda: self.refresh(self.certificates))

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
        self.volunteers.reload()
        if not self.show_view(view):
            self.show_view("home")
        self._update_title()

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self, page: QWidget) -> None:
        """Reload `page` now if it is on screen, else when it is next shown."""
        if page is self.pages.currentWidget():
            page.reload()  # type: ignore[attr-defined]
        else:
            self._stale.add(page)

    def _load_if_stale(self) -> None:
        page = self.pages.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            page.reload()  # type: ignore[attr-defined]

    # -- navigation -------------------------------------------------------------------------------
    def show_view(self, name: str) -> bool:
        """Select a section by name (see VIEWS); False if there is none."""
        if name not in VIEWS:
            return False
        self.navigation.setCurrentRow(VIEWS.index(name))
        self._load_if_stale()  # the row may not change, e.g. the first view
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
        for page in (self.home, self.week, self.activities, self.certificates, self.onboarding,
                     self.settings_page):  # fmt: skip
            page.set_database(db, load=False)
            self._stale.add(page)
        self.volunteers.set_database(db)
        self._load_if_stale()
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
