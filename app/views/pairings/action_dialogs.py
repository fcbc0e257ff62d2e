"""The pairing page's small dialogs: start, end, log a follow-up, log a meeting, change the team.

Each is a `FormDialog`: the service call runs on the button, its refusals appear under the field
they name (a follow-up before the pairing started, an end before the start), and the dialog stays
open with what was typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.codes import (
    FOLLOW_UP_HOW,
    FOLLOW_UP_KINDS,
    PAIRING_END_REASONS,
    PAIRING_OUTCOMES,
    label,
)
from app.services.matching import rank_for_seeker
from app.services.pairings import (
    MAX_NOTE,
    FollowUpData,
    PairingDetail,
    activate,
    end_pairing,
    log_follow_up,
    log_meeting,
    planned_follow_up_completed,
    set_volunteers,
)
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.certificates.staff_combo import StaffCombo
from app.views.pairings.texts import HINT_STYLE, capitalised, joined


def _hint(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(HINT_STYLE)
    return hint


def _choices(codes: dict[str, str], parent: QWidget) -> tuple[QWidget, QButtonGroup]:
    """A row of radio buttons, one per code; the group's buttons carry the code as a property."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(parent)
    for code in codes:
        button = QRadioButton(capitalised(label(codes, code)))
        button.setProperty("code", code)
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return box, group


def _chosen(group: QButtonGroup) -> str | None:
    button = group.checkedButton()
    return button.property("code") if button is not None else None


def _check(group: QButtonGroup, code: str | None) -> None:
    for button in group.buttons():
        button.setChecked(button.property("code") == code)


def _not_after(edit, today: dt.date) -> None:  # noqa: ANN001
    edit.setMaximumDate(QDate(today))


class StartDialog(FormDialog):
    """Start a proposed pairing: the start date and the date the agreement was made."""

    def __init__(
        self, db: Database, detail: PairingDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Start kobling"), _("Start koblingen"), parent)
        row = detail.row
        self.form.addRow(_hint(
            _("Koblingen mellom {volunteers} og {seeker} starter. Oppfølgingene planlegges fra "
              "startdatoen etter planen til {programme}.").format(
                volunteers=joined(row.volunteer_names) or _("den frivillige"),
                seeker=row.seeker_name, programme=row.programme)
        ))  # fmt: skip
        self.start_edit = date_edit(today)
        _not_after(self.start_edit, today + dt.timedelta(days=366))
        self.agreed_check = QCheckBox(_("Avtalen er inngått"))
        self.agreed_check.setChecked(True)
        self.agreement_edit = date_edit(today)
        _not_after(self.agreement_edit, today)
        self.agreed_check.toggled.connect(self.agreement_edit.setEnabled)
        agreement = QWidget()
        line = QHBoxLayout(agreement)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.agreed_check)
        line.addWidget(self.agreement_edit)
        line.addStretch(1)
        self.add_field(_("Startdato"), self.start_edit, "start")
        self.add_field(_("Avtale"), agreement, "agreement_date")
        self.errors["status"] = self.general_error
        self.errors["volunteers"] = self.general_error
        self.action = lambda: activate(
            db, detail.row.id, self.start_edit.date().toPython(),
            self.agreement_edit.date().toPython() if self.agreed_check.isChecked() else None,
            today=today,
        )  # fmt: skip
        self.setMinimumWidth(500)


class EndDialog(FormDialog):
    """End a pairing (or take someone off the waiting list): date, reason, outcomes."""

    def __init__(
        self, db: Database, detail: PairingDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        started = detail.row.status == "active"
        title = _("Avslutt kobling") if started else _("Ta av ventelisten")
        super().__init__(title, title, parent)
        if not started:
            self.form.addRow(_hint(
                _("{name} tas av ventelisten til {programme}. Historikken blir liggende.")
                .format(name=detail.row.seeker_name, programme=detail.row.programme)
            ))  # fmt: skip
        self.date_edit = date_edit(today)
        _not_after(self.date_edit, today)
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(_("(velg)"), None)
        for code in PAIRING_END_REASONS:
            self.reason_combo.addItem(capitalised(label(PAIRING_END_REASONS, code)), code)
        self.outcome_checks: dict[str, QCheckBox] = {}
        outcomes = QWidget()
        column = QVBoxLayout(outcomes)
        column.setContentsMargins(0, 0, 0, 0)
        for code in PAIRING_OUTCOMES:
            check = QCheckBox(capitalised(label(PAIRING_OUTCOMES, code)))
            self.outcome_checks[code] = check
            column.addWidget(check)
        self.add_field(_("Sluttdato"), self.date_edit, "end")
        self.add_field(_("Hvorfor"), self.reason_combo, "reason")
        if started:
            self.add_field(_("Hva har koblingen ført til?"), outcomes, "outcomes")
        self.errors["status"] = self.general_error
        self.reason_combo.currentIndexChanged.connect(self.validate)
        self.action = lambda: end_pairing(
            db, detail.row.id, self.date_edit.date().toPython(), self.reason_combo.currentData(),
            [code for code, check in self.outcome_checks.items() if check.isChecked()],
            today=today,
        )  # fmt: skip
        self.setMinimumWidth(480)
        self.validate()

    def validate(self) -> bool:
        ok = self.reason_combo.currentData() is not None
        self.save_button.setEnabled(ok)
        return ok


class FollowUpDialog(FormDialog):
    """Log a follow-up in seconds: date, how, who, how it goes and a short note."""

    def __init__(
        self, db: Database, detail: PairingDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Logg oppfølging"), _("Lagre oppfølgingen"), parent)
        self.detail = detail
        who = detail.row.seeker_name
        if detail.row.volunteer_names:
            who = _("{seeker} og {volunteers}").format(
                seeker=who, volunteers=joined(detail.row.volunteer_names))  # fmt: skip
        self.form.addRow(_hint(_("Oppfølging av koblingen {who}.").format(who=who)))
        self.date_edit = date_edit(today)
        _not_after(self.date_edit, today)
        kinds, self.kind_group = _choices(FOLLOW_UP_KINDS, self)
        _check(self.kind_group, "phone")
        self.staff_combo = StaffCombo(db)
        how, self.how_group = _choices(FOLLOW_UP_HOW, self)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(_("Kort notat (valgfritt)"))
        self.which_label = _hint("")
        self.add_field(_("Dato"), self.date_edit, "done_on")
        self.form.addRow("", self.which_label)
        self.add_field(_("Type"), kinds, "kind")
        self.add_field(_("Ansatt"), self.staff_combo, "staff")
        self.add_field(_("Hvordan går det?"), how, "how")
        self.add_field(_("Notat"), self.note_edit, "note")
        self.date_edit.dateChanged.connect(self._show_which)
        self.kind_group.buttonToggled.connect(self.validate)
        self.action = lambda: log_follow_up(db, detail.row.id, self.data(), today=today)
        self.setMinimumWidth(560)
        self._show_which()
        self.validate()

    def data(self) -> FollowUpData:
        return FollowUpData(
            done_on=self.date_edit.date().toPython(), kind=_chosen(self.kind_group) or "",
            staff_id=self.staff_combo.staff_id(), how=_chosen(self.how_group),
            note=self.note_edit.text(),
        )  # fmt: skip

    def _show_which(self) -> None:
        """Which planned follow-up this one completes (the service's rule, `EARLY_DAYS`)."""
        day = self.date_edit.date().toPython()
        planned = planned_follow_up_completed(
            (f.due_on for f in self.detail.follow_ups if f.done_on is None and f.due_on), day
        )
        if planned:
            text = _("Registreres som oppfølgingen som var planlagt {date}.").format(
                date=format_date(planned)
            )
        else:
            text = _("Registreres som en ekstra oppfølging (ingen planlagt nå).")
        self.which_label.setText(text)

    def validate(self) -> bool:
        ok = _chosen(self.kind_group) is not None
        self.save_button.setEnabled(ok)
        return ok


class MeetingDialog(FormDialog):
    """A meeting the pair reported: date, hours (count as volunteer hours) and a note."""

    def __init__(
        self, db: Database, detail: PairingDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Logg møte"), _("Lagre møtet"), parent)
        self.form.addRow(_hint(
            _("Timene teller som frivillige timer for {names}.").format(
                names=joined(detail.row.volunteer_names) or _("den frivillige"))
        ))  # fmt: skip
        self.date_edit = date_edit(today)
        _not_after(self.date_edit, today)
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setLocale(QLocale())
        self.hours_spin.setRange(0.0, 24.0)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setValue(2.0)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(_("F.eks. tur på biblioteket (valgfritt)"))
        self.add_field(_("Dato"), self.date_edit, "met_on")
        self.add_field(_("Timer"), self.hours_spin, "hours")
        self.add_field(_("Notat"), self.note_edit, "note")
        self.action = lambda: log_meeting(
            db, detail.row.id, self.date_edit.date().toPython(), self.hours_spin.value(),
            self.note_edit.text(), today=today,
        )  # fmt: skip
        self.setMinimumWidth(460)


class TeamDialog(FormDialog):
    """Who is in the pairing: untick someone to take them out, add another from the suggestions."""

    def __init__(
        self, db: Database, detail: PairingDetail, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Endre frivillige"), _("Lagre"), parent)
        self.form.addRow(_hint(
            _("Et team er flere frivillige sammen med én deltaker eller familie. Nye i teamet må "
              "oppfylle de samme kravene som ved et forslag.")
        ))  # fmt: skip
        self.members = QListWidget()
        for volunteer_id, name in zip(
            detail.row.volunteer_ids, detail.row.volunteer_names, strict=True
        ):
            self._add_member(volunteer_id, name)
        self.add_combo = QComboBox()
        self.add_combo.addItem(_("(legg til en frivillig)"), None)
        current = set(detail.row.volunteer_ids)
        for match in rank_for_seeker(db, pairing_id=detail.row.id, today=today):
            candidate = match.candidate
            if candidate.volunteer_id not in current:
                self.add_combo.addItem(
                    _("{name} ({score} poeng)").format(
                        name=candidate.name, score=format_number(match.score)),
                    (candidate.volunteer_id, candidate.name),
                )  # fmt: skip
        self.add_combo.activated.connect(self._add_chosen)
        self.members.setFixedHeight(130)
        self.add_field(_("I teamet"), self.members, "volunteers")
        self.add_field(_("Legg til"), self.add_combo)
        self.errors["status"] = self.general_error
        self.members.itemChanged.connect(self.validate)
        self.action = lambda: set_volunteers(db, detail.row.id, self.volunteer_ids(), today,
                                             today=today)  # fmt: skip
        self.setMinimumWidth(480)
        self.validate()

    def _add_member(self, volunteer_id: str, name: str) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, volunteer_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.members.addItem(item)

    def _add_chosen(self, index: int) -> None:
        data = self.add_combo.itemData(index)
        if data is None:
            return
        self._add_member(*data)
        self.add_combo.removeItem(index)
        self.add_combo.setCurrentIndex(0)
        self.validate()

    def volunteer_ids(self) -> list[str]:
        return [
            self.members.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.members.count())
            if self.members.item(n).checkState() == Qt.CheckState.Checked
        ]

    def validate(self) -> bool:
        ok = bool(self.volunteer_ids())
        self.save_button.setEnabled(ok)
        self.errors["volunteers"].show_message(
            None if ok else _("Det må være minst én frivillig i koblingen.")
        )
        return ok


__all__ = [
    "EndDialog",
    "FollowUpDialog",
    "MeetingDialog",
    "StartDialog",
    "TeamDialog",
]
