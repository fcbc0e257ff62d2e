"""One activity: a header with its facts and "Rediger", and the tabs that run it.

Tidsplan, Team, Vaktliste, Deltakere (only for fixed groups: counting `enrolled` or `both`) and
Oppmøte. Each tab loads its own data through services; this page only passes the activity on and
opens the attendance screen for any session a tab asks for. "Skriv ut" beside "Rediger" prints the
activity's vaktliste for a period (the coming month unless changed) and its team's kontaktliste.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.activities import ActivityDetail, get_activity
from app.services.codes import COUNTING, label
from app.services.languages import language_name
from app.services.print_rosters import coming_month
from app.views.activities.dialogs import FormDialog, date_edit
from app.views.activities.enrolment_tab import EnrolmentTab
from app.views.activities.form import ActivityForm
from app.views.activities.history_tab import HistoryTab
from app.views.activities.list_model import target_text
from app.views.activities.roster_tab import RosterTab
from app.views.activities.schedule_tab import ScheduleTab
from app.views.activities.team_tab import TeamTab
from app.views.attendance.attendance_dialog import AttendanceDialog

if TYPE_CHECKING:  # the preview (QtPdf) is imported when something is printed
    from app.views.widgets.pdf_preview import PdfPreviewDialog

FACTS_STYLE = "color: #24292f; background: #f3f6f9; border-radius: 6px; padding: 8px 10px;"


def facts_text(detail: ActivityDetail) -> str:
    """Two short lines: what, where and when; who it is for and how it is run."""
    row = detail.row
    first = [row.type_name, row.place or _("sted ikke valgt"), row.schedule]
    period = _("fra {start}").format(start=format_date(row.start_date))
    if row.end_date:
        period += " " + _("til {end}").format(end=format_date(row.end_date))
    first.append(period)
    second = [_("For: {groups}").format(groups=target_text(row))]
    if detail.input.min_age is not None or detail.input.max_age is not None:
        second.append(_("alder {low}–{high}").format(
            low=detail.input.min_age if detail.input.min_age is not None else "",
            high=detail.input.max_age if detail.input.max_age is not None else ""))  # fmt: skip
    second.append(_("{n} frivillige per økt").format(n=format_number(row.volunteers_needed)))
    if row.capacity:
        second.append(_("{n} plasser").format(n=format_number(row.capacity)))
    second.append(label(COUNTING, row.counting))
    if row.languages:
        second.append(", ".join(language_name(c) for c in row.languages))
    if detail.coordinator:
        second.append(_("Ansvarlig: {name}").format(name=detail.coordinator))
    if row.requires_certificate:
        second.append(_("Krever politiattest"))
    return " · ".join(first) + "\n" + " · ".join(second)


def file_part(name: str) -> str:
    """`Språkkafé Sentrum` → `Språkkafé-Sentrum`: a name that is safe in a file name."""
    kept = "".join(ch if ch.isalnum() or ch in "-_" else " " for ch in name)
    return "-".join(kept.split()) or "aktivitet"


class RosterPeriodDialog(FormDialog):
    """From and to for the vaktliste, the coming month to begin with; "Vis" opens the preview."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(_("Skriv ut vaktliste"), _("Vis vaktlisten"), parent)
        start, end = coming_month(today)
        self.start_edit = date_edit(start)
        self.end_edit = date_edit(end)
        self.add_field(_("Fra og med"), self.start_edit, "start_date")
        self.add_field(_("Til og med"), self.end_edit, "end_date")
        self.action = self.period

    def period(self) -> tuple[dt.date, dt.date]:
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        if end < start:
            raise ValidationFailed({"end_date": _("Til-datoen kan ikke være før fra-datoen.")})
        return start, end


class ActivityPage(QWidget):
    """Header and tabs; `back` returns to the list, `changed` after any edit."""

    back = Signal()
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.detail: ActivityDetail | None = None
        self.current_dialog: QWidget | None = None
        self.back_button = QPushButton(_("◀ Alle aktiviteter"))
        self.back_button.clicked.connect(self.back)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.edit_button = QPushButton(_("Rediger …"))
        self.edit_button.clicked.connect(self.open_form)
        self.print_button = QPushButton(_("Skriv ut"))
        self.print_menu = QMenu(self.print_button)
        self.roster_action = self.print_menu.addAction(_("Vaktliste …"))
        self.roster_action.triggered.connect(self.open_roster_dialog)
        self.contacts_action = self.print_menu.addAction(_("Kontaktliste …"))
        self.contacts_action.triggered.connect(self.print_contacts)
        self.print_button.setMenu(self.print_menu)
        self.print_button.setToolTip(
            _("Vaktliste for en periode, eller kontaktliste for teamet (fortrolig)")
        )
        self.preview: PdfPreviewDialog | None = None
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet(FACTS_STYLE)

        self.schedule = ScheduleTab(db, today=self.today)
        self.team = TeamTab(db, today=self.today)
        self.roster = RosterTab(db, today=self.today)
        self.enrolment = EnrolmentTab(db, today=self.today)
        self.history = HistoryTab(db, today=self.today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.schedule, _("Tidsplan"))
        self.tabs.addTab(self.team, _("Team"))
        self.tabs.addTab(self.roster, _("Vaktliste"))
        self.tabs.addTab(self.enrolment, _("Deltakere"))
        self.tabs.addTab(self.history, _("Oppmøte"))
        for tab in (self.schedule, self.history):
            tab.open_attendance.connect(self.open_attendance)
        self.schedule.changed.connect(self._refresh_after_change)
        self.team.changed.connect(self._refresh_after_change)
        self.roster.changed.connect(self.changed)
        self.enrolment.changed.connect(self.changed)
        self.tabs.currentChanged.connect(self._load_tab)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)

    def set_database(self, db: Database) -> None:
        self.db = db
        for tab in (self.schedule, self.team, self.roster, self.enrolment, self.history):
            tab.db = db
        self.detail = None

    def show_activity(self, activity_id: str) -> None:
        self.detail = get_activity(self.db, activity_id)
        row = self.detail.row
        self.title.setText(row.name)
        self.facts.setText(facts_text(self.detail))
        self.tabs.setTabVisible(3, row.counting in ("enrolled", "both"))
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)
        self._load_tab(self.tabs.currentIndex())

    def _load_tab(self, index: int) -> None:
        """Only the visible tab loads, so opening an activity costs one tab's queries."""
        if self.detail is None:
            return
        tab = self.tabs.widget(index)
        if tab is self.schedule:
            self.schedule.show_activity(self.detail)
        elif tab is self.team:
            self.team.show_activity(self.detail.id)
        elif tab is self.roster:
            self.roster.show_activity(self.detail.id)
        elif tab is self.enrolment:
            self.enrolment.show_activity(self.detail.id, self.detail.row.capacity)
        elif tab is self.history:
            self.history.show_activity(self.detail)

    def _refresh_after_change(self) -> None:
        if self.detail is not None:
            self.detail = get_activity(self.db, self.detail.id)
            self.facts.setText(facts_text(self.detail))
        self.changed.emit()

    def open_form(self) -> ActivityForm | None:
        if self.detail is None:
            return None
        form = ActivityForm(self.db, self.detail.id, self)
        form.saved.connect(lambda _id: (self.show_activity(_id), self.changed.emit()))
        self.current_dialog = form
        form.open()
        return form

    def open_attendance(self, session_id: str) -> AttendanceDialog:
        dialog = AttendanceDialog(self.db, session_id, self)
        dialog.saved.connect(lambda: (self._load_tab(self.tabs.currentIndex()),
                                      self.changed.emit()))  # fmt: skip
        self.current_dialog = dialog
        dialog.open()
        return dialog

    # -- printing ---------------------------------------------------------------------------------
    def open_roster_dialog(self) -> RosterPeriodDialog | None:
        """Ask for the period, then show the activity's vaktliste."""
        if self.detail is None:
            return None
        dialog = RosterPeriodDialog(self.today, self)
        dialog.accepted.connect(lambda: self.print_roster(*dialog.result_value))
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def print_roster(self, start: dt.date, end: dt.date) -> PdfPreviewDialog | None:
        """The vaktliste of this activity from `start` to `end`, in the preview."""
        if self.detail is None:
            return None
        db, activity_id = self.db, self.detail.id
        name = f"{_('vaktliste')}-{file_part(self.detail.row.name)}-{start.isoformat()}.pdf"

        def write(path: Path) -> None:
            from app.reports.roster import render_roster
            from app.services.print_rosters import roster_printout

            render_roster(roster_printout(db, start, end, activity_id, today=self.today), path)

        from app.views.widgets.printout import show_printout

        self.preview = show_printout(self, _("Vaktliste"), name, write)
        return self.preview

    def print_contacts(self) -> PdfPreviewDialog | None:
        """The team's kontaktliste (fortrolig), in the preview."""
        if self.detail is None:
            return None
        db, activity_id = self.db, self.detail.id
        name = f"{_('kontaktliste')}-{file_part(self.detail.row.name)}.pdf"

        def write(path: Path) -> None:
            from app.reports.contact_list import render_contact_list
            from app.services.print_rosters import contact_list

            render_contact_list(contact_list(db, activity_id, today=self.today), path)

        from app.views.widgets.printout import show_printout

        self.preview = show_printout(self, _("Kontaktliste"), name, write)
        return self.preview
