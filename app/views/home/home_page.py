"""The "Oversikt" page: cards with the register's figures, each opening the matching list.

The figures come from `volunteer_figures`, the same service the reports use. When nobody is
registered yet the page shows the welcome instead.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.db import Database
from app.i18n import _, ngettext
from app.i18n.formatting import format_number
from app.services.centre_info import get_centre, has_people
from app.services.certificate_views_support import certificate_counts, onboarding_counts
from app.services.certificates import list_certificates
from app.services.onboarding import onboarding_board
from app.services.pairings import pairing_counts
from app.services.volunteers import volunteer_figures
from app.views.home.welcome_page import WelcomePage
from app.views.week.home_sessions import HomeSessions
from app.views.widgets.card import Card

CARDS_PER_ROW = 4


class HomePage(QStackedWidget):
    """Cards, or the welcome page when the register is empty."""

    open_volunteers = Signal(object)  # a status code, or None for the default list
    add_volunteer_requested = Signal()
    open_week = Signal()
    open_certificates = Signal()
    open_onboarding = Signal()
    open_pairings = Signal()
    demo_requested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.welcome = WelcomePage()
        self.welcome.add_volunteer_requested.connect(self.add_volunteer_requested)
        self.welcome.demo_requested.connect(self.demo_requested)

        self.dashboard = QWidget()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        section = QLabel(_("Frivillige"))
        section.setStyleSheet("font-size: 12pt; font-weight: 600; color: #57606a;")
        self.cards = {
            "active": Card(_("Aktive frivillige"), _("Kan settes opp på vakter")),
            "paused": Card(_("På pause"), _("Tar en pause for tiden")),
            "ended": Card(_("Sluttet"), _("Har avsluttet som frivillig")),
            "new": Card(_("Nye i år"), _("Startet i år")),
        }
        self.cards["active"].clicked.connect(lambda: self.open_volunteers.emit("active"))
        self.cards["paused"].clicked.connect(lambda: self.open_volunteers.emit("paused"))
        self.cards["ended"].clicked.connect(lambda: self.open_volunteers.emit("ended"))
        self.cards["new"].clicked.connect(lambda: self.open_volunteers.emit(None))
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(14)
        for n, card in enumerate(self.cards.values()):
            self.add_card(card, n)
        # Counts only, never names or dates: the home screen is not the responsible staff's.
        self.certificate_card = Card(_("Politiattester"), " ")
        self.certificate_card.clicked.connect(self.open_certificates)
        self.onboarding_card = Card(_("I oppstart"), " ")
        self.onboarding_card.clicked.connect(self.open_onboarding)
        self.add_card(self.certificate_card, len(self.cards))
        self.add_card(self.onboarding_card, len(self.cards) + 1)
        self.follow_up_card = Card(_("Oppfølging på etterskudd"), " ")
        self.follow_up_card.clicked.connect(self.open_pairings)
        self.waiting_card = Card(_("Venteliste for kobling"), " ")
        self.waiting_card.clicked.connect(self.open_pairings)
        self.add_card(self.follow_up_card, len(self.cards) + 2)
        self.add_card(self.waiting_card, len(self.cards) + 3)
        layout = QVBoxLayout(self.dashboard)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.heading)
        layout.addSpacing(10)
        layout.addWidget(section)
        layout.addLayout(self.card_grid)
        layout.addSpacing(16)
        sessions_title = QLabel(_("Økter"))
        sessions_title.setStyleSheet("font-size: 12pt; font-weight: 600; color: #57606a;")
        self.sessions = HomeSessions()
        self.sessions.open_week.connect(self.open_week)
        layout.addWidget(sessions_title)
        layout.addWidget(self.sessions)
        layout.addStretch(1)

        self.addWidget(self.welcome)
        self.addWidget(self.dashboard)
        if load:
            self.reload()

    def add_card(self, card: Card, position: int) -> None:
        """Place a card in the grid (later screens add their own cards this way)."""
        self.card_grid.addWidget(card, position // CARDS_PER_ROW, position % CARDS_PER_ROW)

    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        if load:
            self.reload()

    def reload(self) -> None:
        if not has_people(self.db):
            self.setCurrentWidget(self.welcome)
            return
        name = get_centre(self.db).name
        self.heading.setText(name or _("Oversikt"))
        figures = volunteer_figures(self.db)
        self.cards["active"].set_value(format_number(figures.active))
        self.cards["paused"].set_value(format_number(figures.paused))
        self.cards["ended"].set_value(format_number(figures.ended))
        self.cards["new"].set_value(format_number(figures.new_this_year))
        self._reload_certificates_and_onboarding()
        self._reload_pairings()
        self.sessions.reload(self.db)
        self.setCurrentWidget(self.dashboard)

    def _reload_certificates_and_onboarding(self) -> None:
        counts = certificate_counts(list_certificates(self.db))
        self.certificate_card.set_value(format_number(counts.to_request + counts.waiting
                                                      + counts.expiring))  # fmt: skip
        self.certificate_card.hint_label.setText(
            _("Må bes om: {request} · Venter: {waiting} · Utløper snart: {expiring}").format(
                request=format_number(counts.to_request), waiting=format_number(counts.waiting),
                expiring=format_number(counts.expiring))
        )  # fmt: skip
        board = onboarding_counts(onboarding_board(self.db))
        self.onboarding_card.set_value(format_number(board.waiting))
        self.onboarding_card.hint_label.setText(
            _("Venter på et steg · {long} har ventet lenge").format(
                long=format_number(board.long_waits))
        )  # fmt: skip

    def _reload_pairings(self) -> None:
        counts = pairing_counts(self.db)
        self.follow_up_card.set_value(format_number(counts.overdue))
        self.follow_up_card.hint_label.setText(
            ngettext("I {n} kobling", "I {n} koblinger", counts.overdue_pairings).format(
                n=format_number(counts.overdue_pairings))
            if counts.overdue else _("Ingen oppfølginger er forsinket")
        )  # fmt: skip
        self.waiting_card.set_value(format_number(counts.waiting))
        self.waiting_card.hint_label.setText(
            ngettext("Lengst ventet: {n} dag", "Lengst ventet: {n} dager",
                     counts.longest_wait_days).format(n=format_number(counts.longest_wait_days))
            if counts.longest_wait_days is not None else _("Ingen venter på kobling")
        )  # fmt: skip

    def showing_welcome(self) -> bool:
        return self.currentWidget() is self.welcome
