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
from app.services.centre_info import get_centre
from app.views import demo_switch, preferences
from app.views.sections import VIEWS
from app.views.widgets import messages
from app.views.widgets.background import TaskRunner
from app.views.widgets.demo_banner import DemoBanner

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
        "participants": _("Deltakere"),
        "pairings": _("Koblinger"),
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

        # Pages are built, and their modules imported, when first shown, and load their data
        # then (and again after a change while hidden): the window starts with only the
        # volunteer list and the page on screen, which keeps the start short as sections grow.
        self._built: dict[str, QWidget] = {}
        self._stale: set[QWidget] = set()
        self.pages = QStackedWidget()
        for _name in VIEWS:
            self.pages.addWidget(QWidget())  # a placeholder until the page is built
        self.navigation.currentRowChanged.connect(self._row_selected)

        self.banner = DemoBanner()
        self.banner.back_requested.connect(self.back_to_real_data)

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
        self.page("volunteers").reload()  # type: ignore[attr-defined]
        if not self.show_view(view):
            self.show_view("home")
        self._update_title()

    # -- pages ------------------------------------------------------------------------------------
    def page(self, name: str) -> QWidget:
        """The page of section `name`, built (not loaded) on first use."""
        built = self._built.get(name)
        if built is not None:
            return built
        widget = getattr(self, f"_build_{name}")()
        index = VIEWS.index(name)
        placeholder = self.pages.widget(index)
        current = self.pages.currentIndex()
        self.pages.blockSignals(True)
        self.pages.removeWidget(placeholder)
        self.pages.insertWidget(index, widget)
        self.pages.setCurrentIndex(current)
        self.pages.blockSignals(False)
        placeholder.deleteLater()
        self._built[name] = widget
        if name != "volunteers":
            self._stale.add(widget)
        return widget

    home = property(lambda self: self.page("home"))
    week = property(lambda self: self.page("week"))
    activities = property(lambda self: self.page("activities"))
    volunteers = property(lambda self: self.page("volunteers"))
    participants = property(lambda self: self.page("participants"))
    pairings = property(lambda self: self.page("pairings"))
    certificates = property(lambda self: self.page("certificates"))
    onboarding = property(lambda self: self.page("onboarding"))
    settings_page = property(lambda self: self.page("settings"))

    def _build_home(self) -> QWidget:
        from app.views.home.home_page import HomePage

        home = HomePage(self.db, load=False)
        home.open_volunteers.connect(self._open_volunteers)
        home.add_volunteer_requested.connect(self._add_volunteer)
        home.demo_requested.connect(self.try_demo)
        home.open_week.connect(lambda: self.show_view("week"))
        home.open_certificates.connect(lambda: self.show_view("certificates"))
        home.open_onboarding.connect(lambda: self.show_view("onboarding"))
        home.open_pairings.connect(lambda: self.show_view("pairings"))
        return home

    def _build_week(self) -> QWidget:
        from app.views.week.week_page import WeekPage

        week = WeekPage(self.db, load=False)
        week.data_changed.connect(lambda: self.refresh_view("home"))
        return week

    def _build_activities(self) -> QWidget:
        from app.views.activities.list_view import ActivityListPage

        activities = ActivityListPage(self.db)
        for name in ("week", "home", "certificates", "onboarding"):
            activities.data_changed.connect(lambda name=name: self.refresh_view(name))
        return activities

    def _build_volunteers(self) -> QWidget:
        from app.views.volunteers.list_view import VolunteerListPage

        volunteers = VolunteerListPage(self.db)
        for name in ("home", "certificates", "onboarding"):
            volunteers.data_changed.connect(lambda name=name: self.refresh_view(name))
        return volunteers

    def _build_participants(self) -> QWidget:
        from app.views.participants.list_view import ParticipantListPage

        page = ParticipantListPage(self.db, load=False)
        for name in ("home", "pairings", "volunteers"):
            page.data_changed.connect(lambda name=name: self.refresh_view(name))
        return page

    def _build_pairings(self) -> QWidget:
        from app.views.pairings.board_page import PairingBoardPage

        page = PairingBoardPage(self.db, load=False)
        for name in ("home", "participants", "certificates", "volunteers"):
            page.data_changed.connect(lambda name=name: self.refresh_view(name))
        return page

    def _build_certificates(self) -> QWidget:
        from app.views.certificates.overview_page import CertificatesPage

        page = CertificatesPage(self.db, load=False)
        for name in ("home", "volunteers", "onboarding"):
            page.data_changed.connect(lambda name=name: self.refresh_view(name))
        return page

    def _build_onboarding(self) -> QWidget:
        from app.views.onboarding.board_page import OnboardingPage

        page = OnboardingPage(self.db, load=False)
        for name in ("home", "volunteers", "certificates"):
            page.data_changed.connect(lambda name=name: self.refresh_view(name))
        return page

    def _build_settings(self) -> QWidget:
        from app.views.settings.settings_page import SettingsPage

        page = SettingsPage(self.db, load=False)
        page.centre_saved.connect(self._update_title)
        page.centre_saved.connect(lambda: self.refresh_view("home"))
        for name in ("certificates", "onboarding", "home"):
            page.certificate_settings_changed.connect(lambda name=name: self.refresh_view(name))
        return page

    # -- loading ----------------------------------------------------------------------------------
    def refresh_view(self, name: str) -> None:
        """Refresh a section's page if it has been built (an unbuilt one loads fresh anyway)."""
        page = self._built.get(name)
        if page is not None:
            self.refresh(page)

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
        self._row_selected(VIEWS.index(name))  # the row may not change, e.g. the first view
        return True

    def _row_selected(self, row: int) -> None:
        if not 0 <= row < len(VIEWS):
            return
        self.page(VIEWS[row])
        self.pages.setCurrentIndex(row)
        self._load_if_stale()

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
        for name, page in self._built.items():
            if name != "volunteers":
                page.set_database(db, load=False)  # type: ignore[attr-defined]
                self._stale.add(page)
        self.page("volunteers").set_database(db)  # type: ignore[attr-defined]
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
