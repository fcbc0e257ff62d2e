"""The attendance screen (oppmøte) for one session, opened from the week view or an activity.

Fast keyboard entry in the fixed order of `get_attendance_sheet`, the order of the paper sign-in
sheet: 1 volunteers with hours, 2 participants (enrolled ticks, then walk-ins), 3 the anonymous
headcount. Tab follows that order, Enter moves on like Tab, Ctrl+S saves. Save is one call to
`save_attendance`, which stores everything or nothing; Save stays disabled while the service's
`validate_attendance` finds a problem. A walk-in is stored when it is added (that is the
service's `add_walk_in`); the screen then ticks them, or adds one to the headcount.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date, format_number, format_time
from app.services.attendance import (
    AttendanceInput,
    AttendanceSheet,
    get_attendance_sheet,
    save_attendance,
    validate_attendance,
)
from app.services.centre import list_staff
from app.services.codes import WEEKDAYS, label
from app.views.attendance.headcount_box import HeadcountBox
from app.views.attendance.participant_ticks import ParticipantTicks
from app.views.attendance.volunteer_rows import VolunteerRows
from app.views.attendance.walk_in_row import WalkInRow
from app.views.widgets import messages
from app.views.widgets.field_error import FieldError

if TYPE_CHECKING:
    from app.views.widgets.pdf_preview import PdfPreviewDialog

SECTION_STYLE = "font-size: 12pt; font-weight: 600; color: #1f3b57; margin-top: 8px;"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _section(text: str) -> QLabel:
    title = QLabel(text)
    title.setStyleSheet(SECTION_STYLE)
    return title


def _hint(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setStyleSheet("color: #57606a;")
    hint.setWordWrap(True)
    return hint


def print_signin_sheet(
    parent: QWidget, db: Database, session_id: str, activity: str, day: dt.date
) -> PdfPreviewDialog | None:
    """The session's sign-in sheet (oppmøteliste) in the preview, after asking for the
    participants' language; None if the user cancelled or it could not be made."""
    # Imported here: reportlab loads only when something is printed.
    from app.views.widgets.printout import ask_document_language, show_printout

    language = ask_document_language(parent)
    if language is None:
        return None

    def write(path: Path) -> None:
        from app.reports.signin_sheet import render_signin_sheet
        from app.services.print_signin import get_signin_sheet

        render_signin_sheet(get_signin_sheet(db, session_id), path, language or None)

    title = _("Oppmøteliste: {activity} {date}").format(activity=activity, date=format_date(day))
    return show_printout(parent, title, _("oppmøteliste") + f"-{day.isoformat()}.pdf", write)


def session_heading(sheet: AttendanceSheet) -> str:
    """`torsdag 05.03.2026, 18:00–20:00 · Biblioteket`."""
    day = label(WEEKDAYS, list(WEEKDAYS)[sheet.date.weekday()])
    text = f"{day} {format_date(sheet.date)}, {format_time(sheet.start)}–{format_time(sheet.end)}"
    return f"{text} · {sheet.place}" if sheet.place else text


class AttendanceDialog(QDialog):
    """Enter or correct the attendance of one session; `saved` fires after a save."""

    saved = Signal()

    def __init__(
        self, db: Database, session_id: str, parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.session_id = session_id
        self.today = today or dt.date.today()
        self.sheet = get_attendance_sheet(db, session_id)
        self.setWindowTitle(_("Oppmøte: {activity}").format(activity=self.sheet.activity))
        self._build(list_staff(db))
        self._initial = self.current_input()
        self.walked_in = False
        self.validate()

    # -- building ---------------------------------------------------------------------------------
    def _build(self, staff: list) -> None:  # type: ignore[type-arg]
        sheet = self.sheet
        title = QLabel(sheet.activity)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        when = QLabel(session_heading(sheet))
        when.setStyleSheet("font-size: 11pt;")
        self.cancelled_note = FieldError()
        if sheet.cancelled:
            self.cancelled_note.show_message(
                _("Økten er avlyst. Før bare oppmøte hvis den likevel ble holdt.")
            )

        self.volunteers = VolunteerRows(sheet.volunteers, sheet.max_hours, sheet.default_hours)
        self.participants = ParticipantTicks(sheet.participants)
        self.walk_in = WalkInRow(self.db, self.session_id, staff, self.today)
        self.headcount = HeadcountBox(sheet.headcount)
        self.volunteers.changed.connect(self.validate)
        self.participants.changed.connect(self.validate)
        self.headcount.changed.connect(self.validate)
        self.walk_in.named.connect(self._walk_in_named)
        self.walk_in.counted.connect(self._walk_in_counted)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(4, 0, 12, 0)
        column.addWidget(_section(_("1. Frivillige til stede")))
        column.addWidget(_hint(_(
            "Kryss av de som kom. Timer er satt til øktens lengde ({hours} timer); endre ved behov."
        ).format(hours=format_number(sheet.default_hours, 1))))  # fmt: skip
        column.addWidget(self.volunteers)
        column.addWidget(_section(_("2. Deltakere til stede")))
        column.addWidget(self.participants)
        column.addWidget(_hint(_(
            "Kom det noen som ikke står på listen? Skriv navnet. Uten samtykke lagres ikke "
            "navnet; personen telles bare i antallet."
        )))  # fmt: skip
        column.addWidget(self.walk_in)
        column.addWidget(_section(_("3. Antall frammøtte (anonymt)")))
        column.addWidget(_hint(_("De som ikke er registrert med navn. Fordelingen er valgfri.")))
        column.addWidget(self.headcount)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.save_error = FieldError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre oppmøte"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(_("Ctrl+S"))
        self.cancel_button = self.buttons.addButton(
            _("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.print_button = QPushButton(_("Skriv ut oppmøteliste …"))
        self.print_button.setToolTip(
            _("Skriv ut et ark å fylle ut med penn under økten, i samme rekkefølge som her.")
        )
        for button in (self.save_button, self.cancel_button, self.print_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_sheet)

        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_error, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(when)
        layout.addWidget(self.cancelled_note)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self._set_tab_order()
        self.resize(940, 720)

    def focus_order(self) -> list[QWidget]:
        """Every input in the sheet's order, then Save and Cancel."""
        return [*self.volunteers.focus_order(), *self.participants.focus_order(),
                *self.walk_in.focus_order(), *self.headcount.focus_order(), self.save_button,
                self.cancel_button]  # fmt: skip

    def _set_tab_order(self) -> None:
        order = self.focus_order()
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        if order:
            order[0].setFocus()

    # -- values -----------------------------------------------------------------------------------
    def current_input(self) -> AttendanceInput:
        count = self.headcount.value()
        empty = count.total == 0 and not count.by_gender and not count.by_age
        return AttendanceInput(
            volunteers=self.volunteers.values(),
            participants=self.participants.present(),
            headcount=None if empty else count,
        )

    def validate(self) -> bool:
        errors = validate_attendance(self.current_input(), self.sheet.max_hours)
        self.volunteers.show_errors(errors)
        self.save_button.setEnabled(not errors)
        self.save_error.show_message(
            _("Rett opp det som er merket med rødt før du lagrer.") if errors else None
        )
        return not errors

    def is_dirty(self) -> bool:
        return self.current_input() != self._initial

    # -- printing ---------------------------------------------------------------------------------
    def print_sheet(self) -> PdfPreviewDialog | None:
        """The paper sign-in sheet of this session, to fill in with a pen."""
        return print_signin_sheet(
            self, self.db, self.session_id, self.sheet.activity, self.sheet.date
        )

    # -- walk-ins ---------------------------------------------------------------------------------
    def _walk_in_named(self, participant_id: str, name: str) -> None:
        box = self.participants.add(participant_id, name)
        self.walked_in = True
        self._set_tab_order()
        self.walk_in.name_edit.setFocus()
        box.setToolTip(_("Lagt til med samtykke"))

    def _walk_in_counted(self) -> None:
        self.headcount.add_one()
        self.walked_in = True

    # -- keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field like Tab; on a button it presses the button. Ctrl+S
        saves from any field (handled here: the fields pass keys they do not use up to us)."""
        focus = self.focusWidget()
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
            return
        if event.key() in ENTER_KEYS and not isinstance(focus, QPushButton):
            self.focusNextChild()
            return
        if event.key() in ENTER_KEYS and isinstance(focus, QPushButton):
            focus.click()
            return
        super().keyPressEvent(event)

    # -- saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.validate():
            return False
        data = self.current_input()
        try:
            save_attendance(self.db, self.session_id, data)
        except ValidationFailed as exc:
            self.volunteers.show_errors(exc.errors)
            self.save_error.show_message(" ".join(exc.errors.values()))
            return False
        except DugnadError as exc:
            self.save_error.show_message(exc.message)
            return False
        self._initial = data
        self.saved.emit()
        self.accept()
        return True

    def reject(self) -> None:
        if self.is_dirty() and not messages.ask_discard(self):
            return
        if self.walked_in:
            self.saved.emit()  # the walk-ins are stored; lists showing counts must reload
        super().reject()
