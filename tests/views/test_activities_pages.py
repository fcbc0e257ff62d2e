"""The activity list, form and page: create, schedule with a holiday skipped, team and roster."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from app.db import Database
from app.services.activities import ActivityInput, create_activity, list_activities
from app.services.enrolment import list_enrolment
from app.services.sessions import add_school_holiday, list_sessions
from app.services.teams import add_team_member
from app.services.volunteer_list import list_volunteers
from app.services.volunteers import VolunteerInput, change_status, create_volunteer
from app.views.activities.activity_page import ActivityPage
from app.views.activities.enrolment_tab import EnrolmentTableModel
from app.views.activities.list_model import ActivityTableModel
from app.views.activities.list_view import ActivityListPage
from app.views.activities.roster_tab import RosterTableModel
from app.views.activities.team_tab import TeamTableModel, VolunteerPickModel
from bench.activity_views import build_centre

TODAY = dt.date(2026, 11, 19)


def test_create_activity_through_form(qtbot, db: Database) -> None:
    page = ActivityListPage(db)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.current_form
    assert form is not None and not form.save_button.isEnabled()
    qtbot.keyClicks(form.name_edit, "Leksehjelp på biblioteket")
    form.type_combo.setCurrentIndex(form.type_combo.findData("leksehjelp"))
    form.group_boxes["everyone"].setChecked(False)
    form.group_boxes["children"].setChecked(True)
    form.min_age_edit.setText("16")
    qtbot.keyClicks(form.max_age_edit, "6")
    assert form.error_labels["max_age"].text() == "Høyeste alder kan ikke være lavere enn laveste."
    assert not form.save_button.isEnabled()
    form.max_age_edit.clear()
    qtbot.keyClicks(form.max_age_edit, "16")
    form.min_age_edit.setText("6")
    form.certificate_box.setChecked(True)
    assert not form.certificate_warning.isVisible()  # children: the certificate is lawful
    form.group_boxes["children"].setChecked(False)
    form.group_boxes["adults"].setChecked(True)
    form.min_age_edit.setText("")
    form.max_age_edit.setText("")
    form.validate()
    assert "bare for voksne" in form.certificate_warning.text()
    assert form.save_button.isEnabled()  # a warning, not an error
    form.needed_spin.setValue(2)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    [row] = list_activities(db)
    assert (row.name, row.type_code, row.volunteers_needed) == (
        "Leksehjelp på biblioteket", "leksehjelp", 2)  # fmt: skip
    assert page.currentWidget() is page.activity_page  # the new activity opens
    page.show_list()
    assert page.model.rowCount() == 1
    qtbot.keyClicks(page.search, "bibliot")
    assert page.model.rowCount() == 1
    qtbot.keyClicks(page.search, "x")
    assert page.model.rowCount() == 0


def test_rule_generates_sessions_and_lists_skipped_holiday(qtbot, db: Database) -> None:
    activity = create_activity(db, ActivityInput(name="Språkkafé", type_code="sprakkafe",
                                                 start_date=dt.date(2026, 1, 1)))  # fmt: skip
    add_school_holiday(db, "Vinterferie", dt.date(2026, 2, 23), dt.date(2026, 2, 27))
    page = ActivityPage(db, today=dt.date(2026, 1, 5))
    qtbot.addWidget(page)
    page.show_activity(activity)
    dialog = page.schedule.open_rule_dialog(None)
    dialog.weekday_combo.setCurrentIndex(3)  # torsdag
    dialog.first_edit.setDate(QDate(2026, 1, 5))
    dialog.last_edit.setDate(QDate(2026, 3, 31))
    assert dialog.submit()
    sessions = list_sessions(db, dt.date(2026, 1, 1), dt.date(2026, 3, 31), [activity])
    assert len(sessions) == 11  # 12 Thursdays, the winter break skipped
    text = page.schedule.summary_label.text()
    assert "11 økter lagt til, 0 fjernet." in text
    assert "26.02.2026 (Vinterferie)" in text
    assert page.schedule.summary.isVisibleTo(page)
    assert page.schedule.rule_list.item(0).text().startswith("Hver torsdag 18:00–20:00")
    assert page.schedule.model.rowCount() == 11
    assert "torsdag" in page.facts.text()


def test_rostering_a_paused_volunteer_shows_the_reason(qtbot, db: Database) -> None:
    activity = create_activity(db, ActivityInput(name="Leksehjelp", type_code="leksehjelp",
                                                 start_date=dt.date(2026, 1, 1)))  # fmt: skip
    volunteer = create_volunteer(db, VolunteerInput(name="Marte Lie",
                                                    start_date=dt.date(2025, 1, 1)))  # fmt: skip
    add_team_member(db, activity, volunteer, "leksehjelper", dt.date(2026, 1, 1))
    change_status(db, volunteer, "paused", dt.date(2026, 1, 2), "Eksamen")
    page = ActivityPage(db, today=dt.date(2026, 1, 5))
    qtbot.addWidget(page)
    page.show_activity(activity)
    rule = page.schedule.open_rule_dialog(None)
    assert rule.submit()
    page.tabs.setCurrentWidget(page.roster)
    roster = page.roster
    assert roster.model.rowCount() > 0
    roster.table.selectRow(0)
    dialog = roster.open_roster_dialog()
    assert dialog.one_radio.isChecked()
    assert not dialog.submit()
    assert dialog.errors["volunteer"].text().startswith("Marte Lie har pause")
    dialog.series_radio.setChecked(True)
    assert dialog.submit()
    assert "Ikke satt opp:" in roster.notice_label.text()
    assert "Marte Lie har pause" in roster.notice_label.text()


def test_team_and_enrolment_tabs(qtbot, db: Database) -> None:
    centre = build_centre(db, TODAY, enrolled=10)
    page = ActivityPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.show_activity(centre.activities["homework"])
    page.tabs.setCurrentWidget(page.team)
    assert page.team.model.rowCount() == 3
    dialog = page.team.open_add_dialog()
    qtbot.keyClicks(dialog.search, "Olena")
    assert dialog.model.rowCount() == 1
    dialog.role_combo.setCurrentText("leksehjelper")
    assert dialog.submit()
    assert page.team.model.rowCount() == 4

    page.tabs.setCurrentWidget(page.enrolment)
    tab = page.enrolment
    assert tab.model.rowCount() == 10
    tab.ask_promote = lambda name: True
    tab.table.selectRow(0)
    tab.leave_selected()
    assert tab.model.rowCount() == 9
    assert "meldt av" in tab.message.text()
    assert len(list_enrolment(db, centre.activities["homework"])) == 9


def test_table_models(qtmodeltester, db: Database) -> None:
    centre = build_centre(db, TODAY, enrolled=4)
    from app.services.teams import list_team
    from app.views.activities.roster_tab import RosterSession

    qtmodeltester.check(ActivityTableModel(list_activities(db)))
    qtmodeltester.check(TeamTableModel(list_team(db, centre.activities["cafe"])))
    qtmodeltester.check(VolunteerPickModel(list_volunteers(db)))
    qtmodeltester.check(EnrolmentTableModel(list_enrolment(db, centre.activities["women"])))
    sessions = list_sessions(db, TODAY, TODAY + dt.timedelta(days=14))
    qtmodeltester.check(RosterTableModel([RosterSession(s, ()) for s in sessions]))


def test_rostering_without_a_valid_certificate_shows_the_generic_reason(
    qtbot, db: Database
) -> None:
    """The rule that protects children, met from the roster tab: the service refuses and the
    message says only that the certificate is not valid."""
    activity = create_activity(
        db, ActivityInput(name="Leksehjelp", type_code="leksehjelp", target_groups=["children"],
                          requires_certificate=True, start_date=dt.date(2026, 1, 1)),
    )  # fmt: skip
    volunteer = create_volunteer(db, VolunteerInput(name="Marte Lie",
                                                    start_date=dt.date(2025, 1, 1)))  # fmt: skip
    add_team_member(db, activity, volunteer, "leksehjelper", dt.date(2026, 1, 1))
    page = ActivityPage(db, today=dt.date(2026, 1, 5))
    qtbot.addWidget(page)
    page.show_activity(activity)
    assert page.schedule.open_rule_dialog(None).submit()
    page.tabs.setCurrentWidget(page.roster)
    page.roster.table.selectRow(0)
    dialog = page.roster.open_roster_dialog()
    assert not dialog.submit()
    message = dialog.errors["volunteer"].text()
    assert message.startswith("Marte Lie har ikke gyldig politiattest")
    assert "merknad" not in message
