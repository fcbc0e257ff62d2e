"""The home screen's sessions: today's and this week's, with their staffing.

Two cards (today, this week with how many lack volunteers) and today's sessions listed with
"2/3", red when understaffed. One `week_sessions` call gives both; any click opens the week view.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_number, format_time
from app.services.sessions import week_sessions
from app.views.week.day_column import CANCELLED, UNDERSTAFFED
from app.views.widgets.card import Card

LIST_STYLE = """
QListWidget { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; padding: 6px; }
QListWidget::item { padding: 4px; }
"""


class HomeSessions(QWidget):
    """Cards and today's list; `open_week` on any click."""

    open_week = Signal()

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        self.today_card = Card(_("Økter i dag"), _("Klikk for å se uken"))
        self.week_card = Card(_("Økter denne uken"))
        self.short_card = Card(_("Mangler frivillige"), _("Økter denne uken med for få på vakt"))
        self.list = QListWidget()
        self.list.setStyleSheet(LIST_STYLE)
        self.list.setMinimumHeight(120)
        self.list_title = QLabel(_("I dag"))
        self.list_title.setStyleSheet("font-weight: 600;")
        for card in (self.today_card, self.week_card, self.short_card):
            card.clicked.connect(self.open_week)
        self.list.itemActivated.connect(lambda _item: self.open_week.emit())
        self.list.itemClicked.connect(lambda _item: self.open_week.emit())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(14)
        grid.addWidget(self.today_card, 0, 0)
        grid.addWidget(self.week_card, 0, 1)
        grid.addWidget(self.short_card, 0, 2)
        grid.addWidget(self.list_title, 1, 0, 1, 3)
        grid.addWidget(self.list, 2, 0, 1, 4)

    def reload(self, db: Database) -> None:
        rows = week_sessions(db, self.today)
        live = [r for r in rows if not r.cancelled]
        todays = [r for r in rows if r.date == self.today]
        self.today_card.set_value(format_number(sum(1 for r in todays if not r.cancelled)))
        self.week_card.set_value(format_number(len(live)))
        short = sum(1 for r in live if r.understaffed)
        self.short_card.set_value(format_number(short))
        self.short_card.value_label.setStyleSheet("color: #b3261e;" if short else "")
        self.list.clear()
        for row in todays:
            staffing = (
                _("Avlyst")
                if row.cancelled
                else _("{a}/{n} frivillige").format(
                    a=format_number(row.volunteers_assigned), n=format_number(row.volunteers_needed)
                )
            )
            place = f" · {row.place}" if row.place else ""
            item = QListWidgetItem(f"{format_time(row.start)}–{format_time(row.end)}  "
                                   f"{row.activity}{place} · {staffing}")  # fmt: skip
            if row.cancelled:
                item.setForeground(QBrush(CANCELLED))
            elif row.understaffed:
                item.setForeground(QBrush(UNDERSTAFFED))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        if not todays:
            self.list.addItem(_("Ingen økter i dag."))
        self.list.setFixedHeight(min(max(self.list.count(), 2), 8) * 28 + 16)
