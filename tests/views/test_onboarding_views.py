"""The onboarding board: columns per step, long waits, recording a step, a new course; and the
youth-role checkbox of the team tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.services.activities import ActivityInput, create_activity
from app.services.onboarding import onboarding_board
from app.services.teams import list_team
from app.services.volunteers import VolunteerInput, create_volunteer
from app.views.activities.team_tab import TeamTab
from app.views.home.home_page import HomePage
from app.views.onboarding.board_model import OnboardingColumnModel
from app.views.onboarding.board_page import OnboardingPage
from tests.views.test_certificates_fixtures import (
    TODAY,
    CertificateCentre,
    build_certificate_centre,
)


@pytest.fixture
def centre(db: Database) -> CertificateCentre:
    return build_certificate_centre(db)


def _column_names(page: OnboardingPage, step: str) -> set[str]:
    return {r.name for r in page.columns[step].model.rows()}


def test_column_model(qtmodeltester, db: Database, centre: CertificateCentre) -> None:
    model = OnboardingColumnModel(onboarding_board(db))
    qtmodeltester.check(model)
    first = model.index(0, 0)
    assert "dager i steget" in first.data()
    assert first.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_board_records_a_step(qtbot, db: Database, centre: CertificateCentre) -> None:
    page = OnboardingPage(db)
    qtbot.addWidget(page)
    assert list(page.columns) == ["interview", "training", "confidentiality", "certificate"]
    assert _column_names(page, "interview") == {"Lina Haugen", "Ahmad Rahimi"}
    assert "Kari Ødegård" in _column_names(page, "certificate")
    assert page.ready_count.text() == "3"
    assert not page.step_button.isEnabled()
    assert page.select_volunteer(centre.volunteers["new_1"])
    assert page.step_button.isEnabled()
    dialog = page.open_step_dialog()
    assert dialog is not None
    assert dialog.step_combo.currentData() == "interview"
    with qtbot.waitSignal(page.data_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Lina Haugen" in _column_names(page, "training")
    assert "Lina Haugen" not in _column_names(page, "interview")


def test_new_course_marks_training(qtbot, db: Database, centre: CertificateCentre) -> None:
    page = OnboardingPage(db)
    qtbot.addWidget(page)
    dialog = page.open_course_dialog()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Grunnkurs høst")
    dialog.model.set_checked(centre.volunteers["new_2"])
    assert dialog.submit()
    assert "Yonas Tesfay" in _column_names(page, "confidentiality")


def test_home_card_counts_waiting(qtbot, db: Database, centre: CertificateCentre) -> None:
    home = HomePage(db)
    qtbot.addWidget(home)
    waiting = [r for r in onboarding_board(db) if r.step != "ready"]
    assert home.onboarding_card.value_label.text() == str(len(waiting))
    assert f"{sum(r.long_wait for r in waiting)} har ventet lenge" in (
        home.onboarding_card.hint_label.text()
    )


def test_team_tab_youth_role(qtbot, db: Database) -> None:
    activity = create_activity(db, ActivityInput(name="Fotball", type_code="idrett",
                                                 start_date=TODAY))  # fmt: skip
    young = create_volunteer(db, VolunteerInput(name="Emma Bakke", birth_year=TODAY.year - 16))
    tab = TeamTab(db, today=TODAY)
    qtbot.addWidget(tab)
    tab.show_activity(activity)
    dialog = tab.open_add_dialog()
    dialog.choose(young)
    assert "minst 18 år" in dialog.age_error.text()
    assert not dialog.save_button.isEnabled()
    dialog.youth_box.setChecked(True)
    assert dialog.age_error.text() == ""
    assert dialog.save_button.isEnabled()
    assert dialog.submit()
    assert [m.name for m in list_team(db, activity)] == ["Emma Bakke"]
