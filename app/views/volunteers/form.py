"""The volunteer form, for a new volunteer and for editing one.

Validation is the service's (`validate_volunteer`), run on every keystroke; its messages appear
in red under the field they concern, once the user has touched that field, and Save stays
disabled until there is nothing left to fix. In edit mode the form also shows the status with its
history and the buttons that pause, end or reactivate, and the police certificate panel (the
generic state for everyone, the details and actions for the responsible staff).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.codes import GENDERS, VOLUNTEER_STATUSES, label
from app.services.hours import hours_summary
from app.services.tags import tag_names
from app.services.volunteers import (
    VolunteerDetail,
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    update_volunteer,
    validate_volunteer,
)
from app.views.attendance.hours_dialog import LogHoursDialog
from app.views.certificates.volunteer_panel import CertificatePanel
from app.views.volunteers.availability_grid import AvailabilityGrid
from app.views.volunteers.language_picker import LanguagePicker
from app.views.volunteers.programme_panel import ProgrammePanel
from app.views.volunteers.status_dialog import DATE_FORMAT, StatusDialog
from app.views.widgets import messages
from app.views.widgets.field_error import FieldError
from app.views.widgets.fit import grow_to_fit
from app.views.widgets.tag_edit import TagLineEdit

if TYPE_CHECKING:
    from app.views.widgets.pdf_preview import PdfPreviewDialog

# Service field name -> the field whose edit reveals its message.
FIELDS = (
    "name", "phone", "email", "postcode", "birth_year", "gender", "languages", "availability",
    "start_date",
)  # fmt: skip


def _with_error(widget: QWidget) -> tuple[QWidget, FieldError]:
    """The widget with a red message line under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    error = FieldError()
    layout.addWidget(error)
    return box, error


class VolunteerForm(QDialog):
    """Create (`volunteer_id=None`) or edit one volunteer."""

    changed_in_database = Signal()

    def __init__(
        self, db: Database, volunteer_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.volunteer_id = volunteer_id
        self.detail: VolunteerDetail | None = None
        self.certificate_panel: CertificatePanel | None = None
        self.programme_panel: ProgrammePanel | None = None
        self.status_dialog: StatusDialog | None = None
        self.errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self._build()
        if volunteer_id is not None:
            self.detail = get_volunteer(db, volunteer_id)
            self._fill(self.detail.input)
            self.setWindowTitle(_("Frivillig: {name}").format(name=self.detail.input.name))
        else:
            self.setWindowTitle(_("Ny frivillig"))
        self._initial = self.current_input()
        self._refresh_status()
        self._connect()
        self.validate()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.name_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(_("F.eks. 912 34 567"))
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(_("F.eks. navn@eksempel.no"))
        self.address_edit = QLineEdit()
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaxLength(4)
        self.postcode_edit.setFixedWidth(70)
        self.place_edit = QLineEdit()
        self.birth_year_edit = QLineEdit()
        self.birth_year_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), self)
        )
        self.birth_year_edit.setFixedWidth(70)
        self.birth_year_edit.setPlaceholderText(_("ÅÅÅÅ"))
        self.gender_combo = QComboBox()
        for code in GENDERS:
            self.gender_combo.addItem(label(GENDERS, code), code)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData("unknown"))
        self.start_date_edit = QDateEdit(QDate.currentDate())
        self.start_date_edit.setDisplayFormat(DATE_FORMAT)
        self.start_date_edit.setCalendarPopup(True)
        self.languages = LanguagePicker()
        vocabulary = tag_names(self.db)
        self.skills_edit = TagLineEdit(vocabulary)
        self.skills_edit.setPlaceholderText(_("Skill med komma, f.eks. sykling, matlaging"))
        self.interests_edit = TagLineEdit(vocabulary)
        self.interests_edit.setPlaceholderText(_("Skill med komma, f.eks. leksehjelp, turer"))
        self.availability = AvailabilityGrid()
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(64)

        self.error_labels: dict[str, FieldError] = {}
        person = QFormLayout()
        person.addRow(_("Navn") + " *", self._field("name", self.name_edit))
        person.addRow(_("Telefon"), self._field("phone", self.phone_edit))
        person.addRow(_("E-post"), self._field("email", self.email_edit))
        person.addRow(_("Adresse"), self.address_edit)
        post = QWidget()
        post_row = QHBoxLayout(post)
        post_row.setContentsMargins(0, 0, 0, 0)
        post_row.addWidget(self.postcode_edit)
        post_row.addWidget(self.place_edit, 1)
        person.addRow(_("Postnr. og sted"), self._field("postcode", post))
        year = QWidget()
        year_row = QHBoxLayout(year)
        year_row.setContentsMargins(0, 0, 0, 0)
        year_row.addWidget(self.birth_year_edit)
        year_row.addWidget(QLabel(_("(kan stå tomt)")))
        year_row.addStretch(1)
        person.addRow(_("Fødselsår"), self._field("birth_year", year))
        person.addRow(_("Kjønn"), self._field("gender", self.gender_combo))
        person.addRow(_("Startdato"), self._field("start_date", self.start_date_edit))
        person_box = QGroupBox(_("Person"))
        person_box.setLayout(person)

        work = QFormLayout()
        work.addRow(_("Språk"), self._field("languages", self.languages))
        work.addRow(_("Ferdigheter"), self.skills_edit)
        work.addRow(_("Interesser"), self.interests_edit)
        work.addRow(_("Kan hjelpe"), self._field("availability", self.availability))
        work.addRow(_("Notater"), self.notes_edit)
        work_box = QGroupBox(_("Språk, ferdigheter og tid"))
        work_box.setLayout(work)

        columns = QHBoxLayout()
        columns.addWidget(person_box, 1)
        columns.addWidget(work_box, 1)

        self.status_box = self._build_status_box()
        self.save_error = FieldError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            _("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.required_hint = QLabel(_("* må fylles ut"))
        self.required_hint.setStyleSheet("color: #57606a;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.required_hint)
        bottom.addWidget(self.save_error, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_box)
        if self.volunteer_id is not None:
            self.certificate_panel = CertificatePanel(self.db, self.volunteer_id)
            self.certificate_panel.changed.connect(self.changed_in_database)
            self.programme_panel = ProgrammePanel(self.db, self.volunteer_id)
            self.programme_panel.changed.connect(self.certificate_panel.reload)
            self.programme_panel.changed.connect(self.changed_in_database)
            layout.addWidget(self.programme_panel)
            layout.addWidget(self.certificate_panel)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        self.setMinimumWidth(960)

    def _field(self, name: str, widget: QWidget) -> QWidget:
        box, error = _with_error(widget)
        self.error_labels[name] = error
        return box

    def _build_status_box(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("statusBox")
        frame.setStyleSheet("QFrame#statusBox { background: #f3f6f9; border-radius: 6px; }")
        self.status_label = QLabel()
        self.status_label.setStyleSheet("font-weight: 600;")
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setStyleSheet("color: #57606a;")
        self.hours_label = QLabel()
        self.log_hours_button = QPushButton(_("Før timer …"))
        self.log_hours_button.clicked.connect(self.open_hours_dialog)
        self.hours_dialog: LogHoursDialog | None = None
        self.attest_button = QPushButton(_("Skriv ut attest …"))
        self.attest_button.setToolTip(
            _("Attest for frivillig innsats, med oppgaver, roller og timer, til en jobbsøknad")
        )
        self.attest_button.clicked.connect(self.print_attest)
        self.pause_button = QPushButton(_("Sett på pause"))
        self.end_button = QPushButton(_("Avslutt"))
        self.reactivate_button = QPushButton(_("Aktiver igjen"))
        self.pause_button.clicked.connect(lambda: self.open_status_dialog("paused"))
        self.end_button.clicked.connect(lambda: self.open_status_dialog("ended"))
        self.reactivate_button.clicked.connect(lambda: self.open_status_dialog("active"))
        for button in (self.pause_button, self.end_button, self.reactivate_button,
                       self.log_hours_button, self.attest_button):  # fmt: skip
            button.setAutoDefault(False)
        text = QVBoxLayout()
        text.addWidget(self.status_label)
        text.addWidget(self.history_label)
        text.addWidget(self.hours_label)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.end_button)
        layout.addWidget(self.reactivate_button)
        layout.addWidget(self.log_hours_button)
        layout.addWidget(self.attest_button)
        return frame

    def _connect(self) -> None:
        edits = {
            "name": self.name_edit,
            "phone": self.phone_edit,
            "email": self.email_edit,
            "postcode": self.postcode_edit,
            "birth_year": self.birth_year_edit,
        }
        for name, edit in edits.items():
            edit.textEdited.connect(lambda _text, n=name: self._touch(n))
        for edit in (self.address_edit, self.place_edit, self.skills_edit, self.interests_edit):
            edit.textChanged.connect(self.validate)
        self.gender_combo.currentIndexChanged.connect(lambda: self._touch("gender"))
        self.start_date_edit.dateChanged.connect(lambda: self._touch("start_date"))
        self.languages.changed.connect(lambda: self._touch("languages"))
        self.availability.changed.connect(lambda: self._touch("availability"))
        self.notes_edit.textChanged.connect(self.validate)

    # -- values ---------------------------------------------------------------------------------
    def _fill(self, data: VolunteerInput) -> None:
        self.name_edit.setText(data.name)
        self.phone_edit.setText(data.phone)
        self.email_edit.setText(data.email)
        self.address_edit.setText(data.address)
        self.postcode_edit.setText(data.postcode)
        self.place_edit.setText(data.place)
        self.birth_year_edit.setText("" if data.birth_year is None else str(data.birth_year))
        self.gender_combo.setCurrentIndex(max(self.gender_combo.findData(data.gender), 0))
        self.languages.set_codes(data.languages)
        self.skills_edit.set_words(data.skills)
        self.interests_edit.set_words(data.interests)
        self.availability.set_slots(data.availability)
        if data.start_date:
            self.start_date_edit.setDate(QDate(data.start_date))
        self.notes_edit.setPlainText(data.notes)

    def current_input(self) -> VolunteerInput:
        year = self.birth_year_edit.text().strip()
        start: dt.date = self.start_date_edit.date().toPython()
        return VolunteerInput(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            address=self.address_edit.text(),
            postcode=self.postcode_edit.text(),
            place=self.place_edit.text(),
            birth_year=int(year) if year else None,
            gender=self.gender_combo.currentData(),
            languages=self.languages.codes(),
            skills=self.skills_edit.words(),
            interests=self.interests_edit.words(),
            availability=self.availability.slots(),
            start_date=start,
            notes=self.notes_edit.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self.current_input() != self._initial

    # -- validation -------------------------------------------------------------------------------
    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.validate()

    def validate(self) -> bool:
        """Run the service's rules; show messages for touched fields; enable Save when valid."""
        self.errors = validate_volunteer(self.current_input())
        self._show_errors()
        self.save_button.setEnabled(not self.errors)
        grow_to_fit(self)
        return not self.errors

    def _show_errors(self) -> None:
        for name, error_label in self.error_labels.items():
            shown = name in self._touched or self.volunteer_id is not None
            error_label.show_message(self.errors.get(name) if shown else None)

    # -- saving and closing -----------------------------------------------------------------------
    def save(self) -> None:
        data = self.current_input()
        try:
            if self.volunteer_id is None:
                self.volunteer_id = create_volunteer(self.db, data)
            else:
                update_volunteer(self.db, self.volunteer_id, data)
        except ValidationFailed as exc:
            self._touched.update(exc.errors)
            self.errors = exc.errors
            self._show_errors()
            unplaced = [m for f, m in exc.errors.items() if f not in self.error_labels]
            self.save_error.show_message("\n".join(unplaced) or _("Rett opp det som er merket."))
            return
        except DugnadError as exc:
            self.save_error.show_message(exc.message)
            return
        self._initial = data
        self.changed_in_database.emit()
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc and the window's close button all end here: ask before losing edits."""
        if self.is_dirty() and not messages.ask_discard(self):
            return
        super().reject()

    # -- status -----------------------------------------------------------------------------------
    def _refresh_status(self) -> None:
        detail = self.detail
        self.status_box.setVisible(detail is not None)
        if detail is None:
            return
        status_word = label(VOLUNTEER_STATUSES, detail.status)
        since = format_date(detail.status_date)
        text = _("Status: {status}").format(status=status_word)
        if since:
            text += " " + _("fra {date}").format(date=since)
        if detail.status_reason:
            text += f" ({detail.status_reason})"
        self.status_label.setText(text)
        lines = [
            f"{format_date(h.changed_on)}: {label(VOLUNTEER_STATUSES, h.status)}"
            + (f" – {h.reason}" if h.reason else "")
            for h in reversed(detail.history)
        ]
        self.history_label.setText(_("Historikk: ") + "; ".join(lines) if lines else "")
        self.pause_button.setVisible(detail.status == "active")
        self.end_button.setVisible(detail.status in ("active", "paused"))
        self.reactivate_button.setVisible(detail.status in ("paused", "ended"))
        self._refresh_hours()

    # -- hours ------------------------------------------------------------------------------------
    def _refresh_hours(self) -> None:
        """This year's and all hours, from attendance and logged hours (`hours_summary`)."""
        assert self.volunteer_id is not None
        summary = hours_summary(self.db, self.volunteer_id)
        year, total = format_number(summary.this_year, 1), format_number(summary.total, 1)
        self.hours_label.setText(
            _("Timer i år: {year} · Totalt: {total}").format(year=year, total=total)
        )

    def open_hours_dialog(self) -> LogHoursDialog:
        assert self.volunteer_id is not None
        dialog = LogHoursDialog(self.db, self.volunteer_id, self)
        dialog.accepted.connect(self._refresh_hours)
        self.hours_dialog = dialog
        dialog.open()
        return dialog

    def print_attest(self) -> PdfPreviewDialog | None:
        """The attest for voluntary work in the preview, to print or save as PDF."""
        assert self.volunteer_id is not None
        # Imported here: reportlab loads only when something is printed.
        from app.reports.volunteer_attest import render_volunteer_attest
        from app.services.print_people import volunteer_attest
        from app.views.widgets.printout import show_printout

        volunteer_id = self.volunteer_id

        def write(path: Path) -> None:
            render_volunteer_attest(volunteer_attest(self.db, volunteer_id), path)

        name = self.detail.input.name if self.detail is not None else ""
        slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-") or _("frivillig")
        return show_printout(
            self,
            _("Attest: {name}").format(name=name),
            _("attest") + f"-{slug}.pdf",
            write,
        )

    def open_status_dialog(self, status: str) -> StatusDialog:
        assert self.volunteer_id is not None
        dialog = StatusDialog(self.db, self.volunteer_id, status, self)
        dialog.accepted.connect(self._status_changed)
        self.status_dialog = dialog
        dialog.open()
        return dialog

    def _status_changed(self) -> None:
        assert self.volunteer_id is not None
        self.detail = get_volunteer(self.db, self.volunteer_id)
        self._refresh_status()
        self.changed_in_database.emit()
