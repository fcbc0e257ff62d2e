"""One day of the week view: the day's name and date over its sessions.

A `QListWidget` per day (items, not widgets, so 40 sessions a day stay cheap). Each item shows
time, activity, place, staffing "3/4" and ✓ when attendance is entered; understaffed items are
red, cancelled ones grey and struck through, so the week reads at a glance.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.i18n import _
from app.i18n.formatting import format_date, format_number, format_time
from app.services.codes import WEEKDAYS, label
from app.services.sessions import SessionRow

SESSION_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1  # "cancelled", "understaffed" or "ok", for tests

UNDERSTAFFED = QColor("#b3261e")
UNDERSTAFFED_BACKGROUND = QColor("#fdecea")
CANCELLED = QColor("#8c959f")
TODAY_STYLE = "background: #2f6fb3; color: white; border-radius: 4px; padding: 4px;"
DAY_STYLE = "background: #e8eef4; color: #1f3b57; border-radius: 4px; padding: 4px;"
LIST_STYLE = "QListWidget::item { border-bottom: 1px solid #d0d7de; padding: 4px 2px; }"


def session_text(row: SessionRow) -> str:
    """Three short lines: time, activity, place and staffing."""
    when = f"{format_time(row.start)}–{format_time(row.end)}"
    if row.attendance_recorded:
        when += "  ✓"
    if row.cancelled:
        status = _("Avlyst")
    else:
        status = _("Frivillige {assigned}/{needed}").format(
            assigned=format_number(row.volunteers_assigned),
            needed=format_number(row.volunteers_needed),
        )
    lines = [when, row.activity, f"{row.place} · {status}" if row.place else status]
    if row.certificate_warnings and not row.cancelled:
        lines.append("⚠ " + _("Politiattest går ut før økten"))
    return "\n".join(lines)


def session_state(row: SessionRow) -> str:
    if row.cancelled:
        return "cancelled"
    return "understaffed" if row.understaffed else "ok"


def session_tooltip(row: SessionRow) -> str:
    parts = [row.activity]
    if row.cancelled:
        parts.append(_("Avlyst: {reason}").format(reason=row.cancel_reason or ""))
    elif row.understaffed:
        parts.append(_("For få frivillige: {assigned} av {needed}").format(
            assigned=row.volunteers_assigned, needed=row.volunteers_needed))  # fmt: skip
    if row.certificate_warnings and not row.cancelled:
        parts.append(
            _("{n} på vaktlisten har ikke gyldig politiattest på datoen.").format(
                n=row.certificate_warnings
            )
        )
    parts.append(_("Oppmøte ført") if row.attendance_recorded else _("Oppmøte ikke ført"))
    parts.append(_("Dobbeltklikk for å føre oppmøte."))
    return "\n".join(parts)


class DayColumn(QWidget):
    """A day's heading and list; `session_opened(session_id)` on double-click or Enter."""

    session_opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setStyleSheet(LIST_STYLE)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._activated)
        self.day = dt.date.min
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)

    def show_day(self, day: dt.date, rows: list[SessionRow], today: dt.date) -> None:
        self.day = day
        name = label(WEEKDAYS, list(WEEKDAYS)[day.weekday()]).capitalize()
        self.heading.setText(f"{name}\n{format_date(day)}")
        self.heading.setStyleSheet(TODAY_STYLE if day == today else DAY_STYLE)
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(session_text(row))
            item.setData(SESSION_ROLE, row.id)
            state = session_state(row)
            item.setData(STATE_ROLE, state)
            item.setToolTip(session_tooltip(row))
            if state == "cancelled":
                font = QFont(self.list.font())
                font.setStrikeOut(True)
                item.setFont(font)
                item.setForeground(QBrush(CANCELLED))
            elif state == "understaffed":
                item.setForeground(QBrush(UNDERSTAFFED))
                item.setBackground(QBrush(UNDERSTAFFED_BACKGROUND))
            self.list.addItem(item)
        if not rows:
            empty = QListWidgetItem(_("Ingen økter"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.list.setUpdatesEnabled(True)

    def session_ids(self) -> list[str]:
        ids = [self.list.item(i).data(SESSION_ROLE) for i in range(self.list.count())]
        return [i for i in ids if i]

    def _activated(self, item: QListWidgetItem) -> None:
        if session_id := item.data(SESSION_ROLE):
            self.session_opened.emit(session_id)
