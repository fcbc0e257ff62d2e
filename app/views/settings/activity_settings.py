"""Centre settings for activities: the margin of hours beyond a session's length.

Volunteers often come early to set up and stay to tidy; the margin says how many hours beyond
the session's own length the attendance screen accepts before it asks for a correction.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QWidget

from app.db import Database
from app.errors import DugnadError
from app.i18n import _
from app.services.centre import MAX_HOURS_MARGIN, get_hours_margin, set_hours_margin
from app.views.widgets.field_error import FieldError


class ActivitySettings(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.margin = QDoubleSpinBox()
        self.margin.setRange(0.0, MAX_HOURS_MARGIN)
        self.margin.setSingleStep(0.5)
        self.margin.setDecimals(1)
        self.margin.setSuffix(" " + _("timer"))
        self.error = FieldError()
        hint = QLabel(
            _("Så mange timer utover øktens lengde kan en frivillig få ført, f.eks. for rigging.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        form = QFormLayout(self)
        form.addRow(_("Margin for timer"), self.margin)
        form.addRow("", hint)
        form.addRow("", self.error)
        self.margin.valueChanged.connect(self._save)

    def set_database(self, db: Database) -> None:
        self.db = db

    def reload(self) -> None:
        self.margin.blockSignals(True)
        self.margin.setValue(get_hours_margin(self.db))
        self.margin.blockSignals(False)
        self.error.show_message(None)

    def _save(self, value: float) -> None:
        try:
            set_hours_margin(self.db, value)
        except DugnadError as exc:
            self.error.show_message(exc.message)
        else:
            self.error.show_message(None)
