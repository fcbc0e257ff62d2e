"""The pairing page: who with whom, in which programme, where it stands, and what to do next.

The actions follow the state: find a volunteer (waiting), start (proposed), log follow-ups and
meetings (active), change the team, end. Below, the follow-up timeline (planned and done, overdue
in red, with how it went, who followed up and a note) and the meetings the pair reported, with
their total hours. After every change the page reads the pairing again and `changed_in_database`
tells the board.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.codes import PAIRING_END_REASONS, PAIRING_OUTCOMES, PAIRING_STATUSES, label
from app.services.pairings import PairingDetail, get_pairing
from app.views.pairings.action_dialogs import (
    EndDialog,
    FollowUpDialog,
    MeetingDialog,
    StartDialog,
    TeamDialog,
)
from app.views.pairings.texts import (
    HINT_STYLE,
    capitalised,
    days_text,
    gender_wish_text,
    hours_text,
    joined,
    names_text,
    per_month_text,
)
from app.views.pairings.timeline_models import NOTE, FollowUpTableModel, MeetingTableModel
from app.views.widgets.list_table import make_list_table

if TYPE_CHECKING:
    from app.views.widgets.pdf_preview import PdfPreviewDialog

STATUS_COLOURS = {
    "waiting": ("#fff4d6", "#7a4b00"),
    "proposed": ("#ddeeff", "#1f4f82"),
    "active": ("#dcf5e3", "#1a6b34"),
    "ended": ("#eaeef2", "#424a53"),
}
WARNING_STYLE = "background: #fff4d6; color: #7a4b00; border-radius: 4px; padding: 6px;"
INFO_STYLE = "QFrame#info { background: #f5f7fa; border: 1px solid #d0d7de; border-radius: 8px; }"


def _clear(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)


def _value(text: str, wrap: bool = False) -> QLabel:
    value = QLabel(text)
    value.setWordWrap(wrap)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class PairingDialog(QDialog):
    """One pairing; `dialog` is the action dialog opened last (for tests)."""

    changed_in_database = Signal()

    def __init__(
        self,
        db: Database,
        pairing_id: str,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.pairing_id = pairing_id
        self.today = today or dt.date.today()
        self.dialog: QDialog | None = None
        self.detail: PairingDetail = get_pairing(db, pairing_id, today=self.today)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.title.setWordWrap(True)
        self.status_badge = QLabel()
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status_badge, 0, Qt.AlignmentFlag.AlignTop)

        info = QFrame()
        info.setObjectName("info")
        info.setStyleSheet(INFO_STYLE)
        self.left = QFormLayout()
        self.right = QFormLayout()
        for form in (self.left, self.right):
            form.setHorizontalSpacing(14)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        columns = QHBoxLayout(info)
        columns.setContentsMargins(14, 10, 14, 10)
        columns.addLayout(self.left, 1)
        columns.addSpacing(20)
        columns.addLayout(self.right, 1)

        self.find_button = QPushButton(_("Finn frivillig …"))
        self.start_button = QPushButton(_("Start kobling …"))
        self.follow_up_button = QPushButton(_("Logg oppfølging …"))
        self.meeting_button = QPushButton(_("Logg møte …"))
        self.team_button = QPushButton(_("Endre frivillige …"))
        self.end_button = QPushButton(_("Avslutt …"))
        self.print_button = QPushButton(_("Skriv ut avtale …"))
        self.print_button.setToolTip(
            _("Avtalen med taushetserklæring og linjer for underskrift, til oppstartsmøtet")
        )
        self.print_button.clicked.connect(self.print_agreement)
        self.find_button.clicked.connect(self.open_matching_dialog)
        self.start_button.clicked.connect(self.open_start_dialog)
        self.follow_up_button.clicked.connect(self.open_follow_up_dialog)
        self.meeting_button.clicked.connect(self.open_meeting_dialog)
        self.team_button.clicked.connect(self.open_team_dialog)
        self.end_button.clicked.connect(self.open_end_dialog)
        actions = QHBoxLayout()
        for button in (self.start_button, self.find_button, self.follow_up_button,
                       self.meeting_button, self.team_button, self.print_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.end_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_timeline(), "")
        self.tabs.addTab(self._build_meetings(), "")

        self.not_started = QLabel(
            _("Når koblingen starter, planlegges oppfølgingene etter programmets plan, og møtene "
              "paret har kan logges her.")
        )  # fmt: skip
        self.not_started.setWordWrap(True)
        self.not_started.setStyleSheet(HINT_STYLE)
        close = QDialogButtonBox()
        close.addButton(_("Lukk"), QDialogButtonBox.ButtonRole.RejectRole)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.next_step)
        layout.addWidget(info)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.not_started)
        layout.addStretch(0)
        layout.addWidget(close)
        self._fill()
        self.resize(920, 720 if self.detail.row.start is not None else 420)

    # -- building ---------------------------------------------------------------------------------
    def _build_timeline(self) -> QWidget:
        page = QWidget()
        self.timeline_summary = QLabel()
        self.timeline_summary.setStyleSheet(HINT_STYLE)
        self.timeline_summary.setWordWrap(True)
        self.timeline_model = FollowUpTableModel(parent=self, today=self.today)
        self.timeline = make_list_table(self.timeline_model, NOTE, self)
        self.timeline.setSelectionMode(self.timeline.SelectionMode.NoSelection)
        layout = QVBoxLayout(page)
        layout.addWidget(self.timeline_summary)
        layout.addWidget(self.timeline, 1)
        return page

    def _build_meetings(self) -> QWidget:
        page = QWidget()
        self.meeting_summary = QLabel()
        self.meeting_summary.setStyleSheet(HINT_STYLE)
        self.meeting_summary.setWordWrap(True)
        self.meeting_model = MeetingTableModel(parent=self)
        self.meetings = make_list_table(self.meeting_model, 2, self)
        self.meetings.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.meetings.setSelectionMode(self.meetings.SelectionMode.NoSelection)
        layout = QVBoxLayout(page)
        layout.addWidget(self.meeting_summary)
        layout.addWidget(self.meetings, 1)
        return page

    # -- filling ----------------------------------------------------------------------------------
    def reload(self) -> None:
        self.detail = get_pairing(self.db, self.pairing_id, today=self.today)
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        row = d.row
        status = row.status
        if row.volunteer_names and status in ("proposed", "active", "ended"):
            heading = _("{seeker} – {volunteers}").format(
                seeker=row.seeker_name, volunteers=joined(row.volunteer_names)
            )
        else:
            heading = _("{seeker} venter på en frivillig").format(seeker=row.seeker_name)
        self.title.setText(heading)
        self.setWindowTitle(_("Kobling: {seeker}").format(seeker=row.seeker_name))
        back, fore = STATUS_COLOURS.get(status, STATUS_COLOURS["ended"])
        self.status_badge.setText(label(PAIRING_STATUSES, status))
        self.status_badge.setStyleSheet(
            f"background: {back}; color: {fore}; border-radius: 10px; padding: 3px 12px;"
            " font-weight: 600;"
        )  # fmt: skip
        self.next_step.setText(self._next_step_text())
        self.next_step.setStyleSheet(WARNING_STYLE if row.overdue else "")
        self._fill_info()
        self.find_button.setVisible(status in ("waiting", "proposed"))
        self.find_button.setText(
            _("Finn frivillig …") if status == "waiting" else _("Finn en annen frivillig …")
        )
        self.start_button.setVisible(status == "proposed")
        self.follow_up_button.setVisible(status == "active")
        self.meeting_button.setVisible(status in ("active", "ended"))
        self.team_button.setVisible(status in ("proposed", "active"))
        self.end_button.setVisible(status != "ended")
        # A waiting pairing has nobody to sign an agreement yet.
        self.print_button.setVisible(status != "waiting")
        self.end_button.setText(
            _("Avslutt kobling …") if status == "active" else _("Ta av ventelisten …")
        )
        self._fill_timeline()
        self._fill_meetings()
        # Before the start there are no follow-ups or meetings yet: say so, without empty tables.
        started = row.start is not None
        self.tabs.setVisible(started)
        self.not_started.setVisible(not started)

    def _next_step_text(self) -> str:
        row = self.detail.row
        if row.status == "waiting":
            return _("Neste steg: finn en frivillig som passer. Har ventet i {days}.").format(
                days=days_text(row.days_waiting or 0)
            )
        if row.status == "proposed":
            return _(
                "Neste steg: når dere har hatt et oppstartsmøte og er enige, trykk "
                "«Start kobling …»."
            )
        if row.status == "active":
            if row.next_follow_up is None:
                return _("Ingen flere oppfølginger er planlagt.")
            if row.overdue:
                return _(
                    "⚠ En oppfølging skulle vært gjort {date}. Ta kontakt og trykk «Logg "
                    "oppfølging …»."
                ).format(date=format_date(row.next_follow_up))
            return _("Neste oppfølging: {date}.").format(date=format_date(row.next_follow_up))
        reason = label(PAIRING_END_REASONS, self.detail.end_reason or "")
        return _("Avsluttet {date}: {reason}.").format(date=format_date(row.end), reason=reason)

    def _fill_info(self) -> None:
        d = self.detail
        row = d.row
        _clear(self.left)
        _clear(self.right)
        who = _("Husstand") if row.household_id is not None else _("Deltaker")
        self.left.addRow(who, _value(row.seeker_name))
        volunteers = (
            names_text(row.volunteer_names) if row.volunteer_names else _("Ikke valgt ennå")
        )
        self.left.addRow(_("Frivillige") if len(row.volunteer_names) > 1 else _("Frivillig"),
                         _value(volunteers))  # fmt: skip
        self.left.addRow(_("Program"), _value(row.programme))
        self.left.addRow(_("Forventet kontakt"), _value(per_month_text(d.hours_per_month)))
        self.left.addRow(_("Ønske om kjønn"), _value(gender_wish_text(d.gender_wish)))
        waited = ""
        if row.days_waiting is not None:
            waited = " " + _("(har ventet i {days})").format(days=days_text(row.days_waiting))
        self.right.addRow(_("Henvist"), _value(format_date(row.referred_on) + waited))
        if d.proposed_on is not None:
            self.right.addRow(_("Foreslått"), _value(format_date(d.proposed_on)))
        if row.start is not None:
            self.right.addRow(_("Startet"), _value(format_date(row.start)))
            self.right.addRow(
                _("Avtale inngått"), _value(format_date(d.agreement_date) or _("Ikke registrert"))
            )
        if d.planned_end is not None and row.status == "active":
            self.right.addRow(_("Planlagt slutt"), _value(format_date(d.planned_end)))
        if row.status == "ended":
            reason = capitalised(label(PAIRING_END_REASONS, d.end_reason or ""))
            self.right.addRow(
                _("Avsluttet"),
                _value(_("{date} – {reason}").format(date=format_date(row.end), reason=reason)),
            )
            outcomes = ", ".join(label(PAIRING_OUTCOMES, o) for o in d.outcomes)
            self.right.addRow(_("Resultat"), _value(capitalised(outcomes) or _("Ikke registrert")))
        if d.notes:
            self.right.addRow(_("Notat"), _value(d.notes, wrap=True))  # fmt: skip

    def _fill_timeline(self) -> None:
        rows = self.detail.follow_ups
        self.timeline_model.set_rows(rows)
        done = sum(1 for f in rows if f.done_on is not None)
        overdue = sum(1 for f in rows if f.overdue)
        planned = len(rows) - done - overdue
        if self.detail.row.start is None:
            summary = _("Oppfølgingene planlegges når koblingen starter, etter programmets plan.")
        elif not rows:
            summary = _("Ingen oppfølginger er planlagt eller logget.")
        else:
            summary = _("{done} gjort · {overdue} på etterskudd · {planned} planlagt").format(
                done=format_number(done), overdue=format_number(overdue),
                planned=format_number(planned))  # fmt: skip
        self.timeline_summary.setText(summary)
        title = _("Oppfølging ({n})").format(n=format_number(len(rows)))
        if overdue:
            title = _("Oppfølging ({n}, {overdue} på etterskudd)").format(
                n=format_number(len(rows)), overdue=format_number(overdue))  # fmt: skip
        self.tabs.setTabText(0, title)
        self.timeline.resizeColumnsToContents()
        self.timeline.horizontalHeader().setStretchLastSection(True)

    def _fill_meetings(self) -> None:
        rows = self.detail.meetings
        self.meeting_model.set_rows(rows)
        if rows:
            self.meeting_summary.setText(
                _("Til sammen {hours} på {n} møter. Timene teller som frivillige timer.").format(
                    hours=hours_text(self.detail.meeting_hours), n=format_number(len(rows)))
            )  # fmt: skip
        else:
            self.meeting_summary.setText(
                _("Ingen møter er logget. Når paret forteller at de har møttes, trykk «Logg "
                  "møte …»; timene teller som frivillige timer.")
            )  # fmt: skip
        self.tabs.setTabText(1, _("Møter ({n})").format(n=format_number(len(rows))))

    # -- actions ----------------------------------------------------------------------------------
    def _changed(self) -> None:
        self.reload()
        self.changed_in_database.emit()

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.accepted.connect(self._changed)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_matching_dialog(self) -> QDialog:
        from app.views.pairings.matching_dialog import MatchingDialog

        return self._open(MatchingDialog(self.db, self.pairing_id, self, today=self.today))

    def open_start_dialog(self) -> QDialog:
        return self._open(StartDialog(self.db, self.detail, self.today, self))

    def open_end_dialog(self) -> QDialog:
        return self._open(EndDialog(self.db, self.detail, self.today, self))

    def open_follow_up_dialog(self) -> QDialog:
        return self._open(FollowUpDialog(self.db, self.detail, self.today, self))

    def open_meeting_dialog(self) -> QDialog:
        return self._open(MeetingDialog(self.db, self.detail, self.today, self))

    def open_team_dialog(self) -> QDialog:
        return self._open(TeamDialog(self.db, self.detail, self.today, self))

    def print_agreement(self) -> PdfPreviewDialog | None:
        """The agreement in the preview, to print for the start meeting or save as PDF."""
        # Imported here: reportlab loads only when something is printed.
        from app.reports.pairing_agreement import render_pairing_agreement
        from app.services.print_people import pairing_agreement
        from app.views.widgets.printout import show_printout

        def write(path: Path) -> None:
            agreement = pairing_agreement(self.db, self.pairing_id, today=self.today)
            render_pairing_agreement(agreement, path)

        seeker = self.detail.row.seeker_name
        slug = re.sub(r"[^\w]+", "-", seeker.casefold()).strip("-") or _("kobling")
        return show_printout(
            self,
            _("Avtale: {seeker}").format(seeker=seeker),
            _("avtale") + f"-{slug}.pdf",
            write,
        )
