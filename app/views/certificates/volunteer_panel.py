"""The police certificate line in the volunteer form.

Everyone sees only the generic state ("Politiattest OK" / "Har ikke gyldig politiattest"); the
responsible staff also see the status, the dates, the history and the buttons. The panel hides
itself when no role of the volunteer needs a certificate.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date
from app.services.certificate_need import generic_state
from app.services.certificate_views_support import (
    badge,
    certificate_for,
    shows_certificate_details,
)
from app.services.certificates import CertificateRow, certificate_history
from app.services.codes import CERTIFICATE_STATUSES, label
from app.views.certificates import actions

OK_STYLE = "font-weight: 600; color: #1a7f37;"
MISSING_STYLE = "font-weight: 600; color: #b3261e;"


def history_text(events: list) -> str:  # list[tuple[date, str | None, str]]
    """`12.03.2026: Trenger → Bedt om`, newest first."""
    lines = []
    for on, before, after in reversed(events):
        step = label(CERTIFICATE_STATUSES, after)
        if before:
            step = f"{label(CERTIFICATE_STATUSES, before)} → {step}"
        lines.append(f"{format_date(on)}: {step}")
    return "\n".join(lines)


class CertificatePanel(QFrame):
    """State, details for staff, and the actions."""

    changed = Signal()

    def __init__(self, db: Database, volunteer_id: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.db = db
        self.volunteer_id = volunteer_id
        self.row: CertificateRow | None = None
        self.dialog: QDialog | None = None
        self.setObjectName("certificatePanel")
        self.setStyleSheet("QFrame#certificatePanel { background: #f3f6f9; border-radius: 6px; }")
        self.state_label = QLabel()
        self.details_label = QLabel()
        self.details_label.setStyleSheet("color: #24292f;")
        self.details_label.setWordWrap(True)
        self.history_label = QLabel()
        self.history_label.setStyleSheet("color: #57606a;")
        self.request_button = QPushButton(_("Be om attest …"))
        self.shown_button = QPushButton(_("Registrer vist …"))
        self.letter_button = QPushButton(_("Skriv ut bekreftelse på formål …"))
        for button in (self.request_button, self.shown_button, self.letter_button):
            button.setAutoDefault(False)
        self.request_button.clicked.connect(self.open_request_dialog)
        self.shown_button.clicked.connect(self.open_shown_dialog)
        self.letter_button.clicked.connect(self.open_letter_dialog)
        text = QVBoxLayout()
        text.addWidget(self.state_label)
        text.addWidget(self.details_label)
        text.addWidget(self.history_label)
        buttons = QVBoxLayout()
        buttons.addWidget(self.request_button)
        buttons.addWidget(self.shown_button)
        buttons.addWidget(self.letter_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.row = certificate_for(self.db, self.volunteer_id)
        self.setVisible(self.row is not None)
        if self.row is None:
            return
        state = badge(self.row)
        self.state_label.setText(_("Politiattest: ") + generic_state(state))
        self.state_label.setStyleSheet(OK_STYLE if state == "ok" else MISSING_STYLE)
        staff = shows_certificate_details()
        for widget in (self.details_label, self.history_label, self.request_button,
                       self.shown_button, self.letter_button):  # fmt: skip
            widget.setVisible(staff)
        if not staff:
            return
        self.details_label.setText(self._details(self.row))
        self.history_label.setText(
            _("Historikk:") + "\n" + history_text(certificate_history(self.db, self.volunteer_id))
        )
        self.request_button.setEnabled(actions.can_request(self.row))
        self.shown_button.setEnabled(actions.can_record_shown(self.row))

    @staticmethod
    def _details(row: CertificateRow) -> str:
        parts = [_("Status: {status}").format(status=label(CERTIFICATE_STATUSES, row.status))]
        if row.role:
            parts.append(_("Rolle: {role}").format(role=row.role))
        if row.requested_on:
            parts.append(_("Bedt om {date}").format(date=format_date(row.requested_on)))
        if row.shown_on:
            parts.append(_("Vist {date}").format(date=format_date(row.shown_on)))
        if row.issued_on:
            parts.append(_("Utstedt {date}").format(date=format_date(row.issued_on)))
        if row.expires_on:
            parts.append(_("Utløper {date}").format(date=format_date(row.expires_on)))
        if row.checked_by:
            parts.append(_("Kontrollert av {name}").format(name=row.checked_by))
        return " · ".join(parts)

    def _done(self) -> None:
        self.reload()
        self.changed.emit()

    def open_request_dialog(self) -> QDialog | None:
        if self.row is None:
            return None
        self.dialog = actions.open_request(self, self.db, self.row, self._done)
        return self.dialog

    def open_shown_dialog(self) -> QDialog | None:
        if self.row is None:
            return None
        self.dialog = actions.open_record_shown(self, self.db, self.row, self._done)
        return self.dialog

    def open_letter_dialog(self) -> QDialog | None:
        if self.row is None:
            return None
        self.dialog = actions.open_letter(self, self.db, self.row)
        return self.dialog
