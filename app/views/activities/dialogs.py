"""Small form dialogs of the activity page: rule, one-off session, move, cancel, holiday, end.

They share one shape (`FormDialog`): a few fields, the service call on Save, and the service's
`ValidationFailed` messages shown under the field they name, so the rules stay in the services
and every dialog explains a refusal the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.codes import WEEKDAYS, label
from app.services.schedule import WeeklyRule
from app.views.widgets.field_error import FieldError

DATE_FORMAT = "dd.MM.yyyy"


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class FormDialog(QDialog):
    """Fields keyed by the service's field names; `submit()` runs the service call."""

    def __init__(self, title: str, save_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors: dict[str, FieldError] = {}
        self.general_error = FieldError()
        self.result_value: Any = None
        self.action: Callable[[], Any] | None = None
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(save_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def add_field(self, text: str, widget: QWidget, *names: str) -> None:
        error = FieldError()
        self.form.addRow(text, widget)
        self.form.addRow("", error)
        for name in names:
            self.errors[name] = error

    def submit(self) -> bool:
        """Run the action; on ValidationFailed show its messages and stay open."""
        assert self.action is not None
        for error in [*self.errors.values(), self.general_error]:
            error.show_message(None)
        try:
            self.result_value = self.action()
        except ValidationFailed as exc:
            unplaced = []
            for name, message in exc.errors.items():
                if name in self.errors:
                    self.errors[name].show_message(message)
                else:
                    unplaced.append(message)
            self.general_error.show_message(" ".join(unplaced))
            return False
        except DugnadError as exc:
            self.general_error.show_message(exc.message)
            return False
        self.accept()
        return True


class RuleDialog(FormDialog):
    """A weekly rule: weekday, every or every other week, time, first and last date."""

    def __init__(self, rule: WeeklyRule, parent: QWidget | None = None, new: bool = True) -> None:
        super().__init__(_("Ny fast tid") if new else _("Endre fast tid"), _("Lagre"), parent)
        self.weekday_combo = QComboBox()
        for n, code in enumerate(WEEKDAYS):
            self.weekday_combo.addItem(label(WEEKDAYS, code).capitalize(), n)
        self.weekday_combo.setCurrentIndex(rule.weekday)
        self.every_combo = QComboBox()
        self.every_combo.addItem(_("Hver uke"), 1)
        self.every_combo.addItem(_("Annenhver uke"), 2)
        self.every_combo.setCurrentIndex(0 if rule.every_weeks == 1 else 1)
        self.start_edit = time_edit(rule.start)
        self.end_edit = time_edit(rule.end)
        self.first_edit = date_edit(rule.first_date)
        self.last_edit = date_edit(rule.last_date)
        self.add_field(_("Ukedag"), self.weekday_combo, "weekday")
        self.add_field(_("Hvor ofte"), self.every_combo, "every_weeks")
        self.add_field(_("Starter kl."), self.start_edit, "start")
        self.add_field(_("Slutter kl."), self.end_edit, "end")
        self.add_field(_("Første dato"), self.first_edit, "first_date")
        self.add_field(_("Siste dato"), self.last_edit, "last_date")

    def rule(self) -> WeeklyRule:
        return WeeklyRule(
            weekday=self.weekday_combo.currentData(),
            every_weeks=self.every_combo.currentData(),
            start=self.start_edit.time().toPython(),
            end=self.end_edit.time().toPython(),
            first_date=self.first_edit.date().toPython(),
            last_date=self.last_edit.date().toPython(),
        )


class SessionTimeDialog(FormDialog):
    """Date, start and end: a one-off session ("Enkeltøkt") or moving one."""

    def __init__(
        self, title: str, save_text: str, day: dt.date, start: dt.time, end: dt.time,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(title, save_text, parent)
        self.date_edit = date_edit(day)
        self.start_edit = time_edit(start)
        self.end_edit = time_edit(end)
        self.add_field(_("Dato"), self.date_edit, "date")
        self.add_field(_("Starter kl."), self.start_edit, "start")
        self.add_field(_("Slutter kl."), self.end_edit, "end")

    def values(self) -> tuple[dt.date, dt.time, dt.time]:
        return (self.date_edit.date().toPython(), self.start_edit.time().toPython(),
                self.end_edit.time().toPython())  # fmt: skip


class TextDialog(FormDialog):
    """One line of text (the reason a session is cancelled)."""

    def __init__(
        self, title: str, prompt: str, save_text: str, field: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, save_text, parent)
        self.text_edit = QLineEdit()
        self.add_field(prompt, self.text_edit, field)


class PeriodDialog(FormDialog):
    """A named period (a school holiday) or, without a name, one date (end of membership)."""

    def __init__(
        self, title: str, save_text: str, today: dt.date, with_name: bool,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(title, save_text, parent)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Høstferie"))
        self.start_edit = date_edit(today)
        self.end_edit = date_edit(today + dt.timedelta(days=4) if with_name else today)
        if with_name:
            self.add_field(_("Navn"), self.name_edit, "name")
            self.add_field(_("Fra"), self.start_edit, "start_date")
            self.add_field(_("Til og med"), self.end_edit, "end_date")
        else:
            self.add_field(_("Siste dag"), self.end_edit, "to_date", "end_date")
