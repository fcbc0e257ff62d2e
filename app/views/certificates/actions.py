"""The three certificate actions, shared by the overview and the volunteer's certificate panel,
so both open the same dialogs with the same rules about when each makes sense."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from app.db import Database
from app.services.certificates import CertificateRow
from app.views.certificates.letter_dialog import PurposeLetterDialog
from app.views.certificates.request_dialog import RequestDialog
from app.views.certificates.shown_dialog import RecordShownDialog


def can_request(row: CertificateRow | None) -> bool:
    """A cleared certificate may be renewed once it expires soon (the service's rule)."""
    return row is not None and (row.status != "cleared" or row.expires_soon)


def can_record_shown(row: CertificateRow | None) -> bool:
    return row is not None


def open_request(parent: QWidget, db: Database, row: CertificateRow,
                 done: Callable[[], None]) -> RequestDialog:  # fmt: skip
    dialog = RequestDialog(db, row.volunteer_id, row.name, parent=parent)
    dialog.accepted.connect(done)
    dialog.open()
    return dialog


def open_record_shown(parent: QWidget, db: Database, row: CertificateRow,
                      done: Callable[[], None]) -> RecordShownDialog:  # fmt: skip
    requested = row.requested_on if row.status == "requested" else None
    dialog = RecordShownDialog(db, row.volunteer_id, row.name, requested, parent=parent)
    dialog.accepted.connect(done)
    dialog.open()
    return dialog


def open_letter(parent: QWidget, db: Database, row: CertificateRow) -> QDialog:
    dialog = PurposeLetterDialog(db, row.name, row.role, parent=parent)
    dialog.open()
    return dialog
