"""The police certificates screens: overview filters, the record-shown dialog, the volunteer
list badge and panel, the home card, the settings group, and the purpose letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.db import Database
from app.services.certificate_need import certificate_badges
from app.services.certificates import certificate_history, get_policy, list_certificates
from app.services.onboarding import RECORDED_STEPS
from app.views.certificates.overview_page import CertificatesPage
from app.views.certificates.shown_dialog import RecordShownDialog
from app.views.certificates.table_model import DAYS, CertificateTableModel
from app.views.home.home_page import HomePage
from app.views.settings.settings_page import SettingsPage
from app.views.volunteers.form import VolunteerForm
from app.views.volunteers.list_model import CERTIFICATE
from app.views.volunteers.list_view import VolunteerListPage
from tests.views.test_certificates_fixtures import (
    TODAY,
    CertificateCentre,
    build_certificate_centre,
)


@pytest.fixture
def centre(db: Database) -> CertificateCentre:
    return build_certificate_centre(db)


def _names(page: CertificatesPage) -> set[str]:
    return {row.name for row in page.model.rows()}


def test_certificate_model(qtmodeltester, db: Database, centre: CertificateCentre) -> None:
    model = CertificateTableModel(list_certificates(db))
    qtmodeltester.check(model)
    long = next(n for n, r in enumerate(model.rows()) if r.name == "Amina Hassan")
    assert model.index(long, DAYS).data() == "50"
    assert model.index(long, DAYS).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_filters(qtbot, db: Database, centre: CertificateCentre) -> None:
    page = CertificatesPage(db)
    qtbot.addWidget(page)
    page.set_filter("waiting")
    assert _names(page) == {"Ola Nordmann", "Amina Hassan"}
    assert {r.status for r in page.model.rows()} == {"requested"}
    page.set_filter("to_request")
    assert _names(page) == {"Kari Ødegård", "Olena Kovalenko"}
    page.set_filter("expiring")
    assert _names(page) == {"Zahra Karimi"}
    page.set_filter("expired")
    assert _names(page) == {"Olena Kovalenko"}
    page.set_filter("cleared")
    assert _names(page) == {"Per Ås", "Zahra Karimi"}
    page.set_filter("all")
    assert page.model.rowCount() == 7
    assert "Sofie Lie" not in _names(page)  # no role, no record


def _shown_dialog(
    qtbot, db: Database, centre: CertificateCentre
) -> tuple[CertificatesPage, RecordShownDialog]:
    page = CertificatesPage(db)
    qtbot.addWidget(page)
    page.set_filter("waiting")
    assert page.select_volunteer(centre.volunteers["waiting"])
    dialog = page.open_shown_dialog()
    assert isinstance(dialog, RecordShownDialog)
    return page, dialog


def test_record_shown_refuses_future_and_too_old(qtbot, db, centre) -> None:
    _page, dialog = _shown_dialog(qtbot, db, centre)
    dialog.without_remarks.setChecked(True)
    assert dialog.save_button.isEnabled()  # today / today is fine
    dialog.issued_edit.setDate(QDate(TODAY + dt.timedelta(days=1)))
    assert "fremtiden" in dialog.error_labels["issued_on"].text()
    assert not dialog.error_labels["issued_on"].isHidden()
    assert not dialog.save_button.isEnabled()
    months = get_policy(db).max_age_months
    dialog.issued_edit.setDate(QDate(TODAY - dt.timedelta(days=31 * months + 5)))
    assert "for gammel" in dialog.error_labels["issued_on"].text()
    assert not dialog.save_button.isEnabled()
    # Shown before it was requested (10 days ago).
    dialog.issued_edit.setDate(QDate(TODAY - dt.timedelta(days=20)))
    dialog.shown_edit.setDate(QDate(TODAY - dt.timedelta(days=15)))
    assert "bedt om" in dialog.error_labels["shown_on"].text()
    assert not dialog.save_button.isEnabled()


def test_record_shown_saves_a_valid_one(qtbot, db, centre) -> None:
    _page, dialog = _shown_dialog(qtbot, db, centre)
    dialog.issued_edit.setDate(QDate(TODAY - dt.timedelta(days=8)))
    dialog.shown_edit.setDate(QDate(TODAY - dt.timedelta(days=2)))
    assert not dialog.save_button.isEnabled()  # no result chosen yet
    dialog.without_remarks.setChecked(True)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    [row] = [r for r in list_certificates(db) if r.volunteer_id == centre.volunteers["waiting"]]
    assert (row.status, row.shown_on, row.issued_on) == (
        "cleared", TODAY - dt.timedelta(days=2), TODAY - dt.timedelta(days=8))  # fmt: skip
    assert row.checked_by == "Hilde Åsheim"
    assert [e[2] for e in certificate_history(db, centre.volunteers["waiting"])][-1] == "cleared"


def test_request_dialog(qtbot, db, centre) -> None:
    page = CertificatesPage(db)
    qtbot.addWidget(page)
    page.set_filter("to_request")
    page.select_volunteer(centre.volunteers["needed"])
    dialog = page.open_request_dialog()
    assert dialog is not None
    dialog.date_edit.setDate(QDate(TODAY + dt.timedelta(days=2)))
    dialog.submit()
    assert "fremtiden" in dialog.errors["requested_on"].text()
    dialog.date_edit.setDate(QDate(TODAY))
    assert dialog.submit()
    page.set_filter("waiting")
    assert "Kari Ødegård" in _names(page)


def test_volunteer_list_badge(qtbot, db: Database, centre: CertificateCentre) -> None:
    assert certificate_badges(db)[centre.volunteers["cleared"]] == "ok"
    page = VolunteerListPage(db)
    qtbot.addWidget(page)
    page.reload()
    badges = {
        page.model.row_at(n).id: page.model.index(n, CERTIFICATE).data()
        for n in range(page.model.rowCount())
    }
    v = centre.volunteers
    assert badges[v["cleared"]] == "✓"
    assert badges[v["expiring"]] == "✓"
    for key in ("needed", "waiting", "expired", "not_cleared"):
        assert badges[v[key]] == "Mangler"
    assert badges[v["no_role"]] == ""
    n = next(n for n in range(page.model.rowCount()) if page.model.row_at(n).id == v["needed"])
    assert page.model.index(n, CERTIFICATE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Har ikke gyldig politiattest"
    )


def test_volunteer_form_panel(qtbot, db: Database, centre: CertificateCentre) -> None:
    form = VolunteerForm(db, centre.volunteers["not_cleared"])
    qtbot.addWidget(form)
    panel = form.certificate_panel
    assert panel is not None and not panel.isHidden()
    assert panel.state_label.text() == "Politiattest: Har ikke gyldig politiattest"
    assert "Vist med merknader" in panel.history_label.text()
    no_role = VolunteerForm(db, centre.volunteers["no_role"])
    qtbot.addWidget(no_role)
    assert no_role.certificate_panel is not None and no_role.certificate_panel.isHidden()


def test_home_card_counts(qtbot, db: Database, centre: CertificateCentre) -> None:
    page = HomePage(db)
    qtbot.addWidget(page)
    hint = page.certificate_card.hint_label.text()
    assert "Må bes om: 2" in hint and "Venter: 2" in hint and "Utløper snart: 1" in hint
    assert page.certificate_card.value_label.text() == "5"
    with qtbot.waitSignal(page.open_certificates):
        page.certificate_card.clicked.emit()


def test_settings_group_saves_policy_and_steps(qtbot, db: Database) -> None:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    settings = page.certificate_settings
    assert settings.spins["max_age_months"].value() == 3
    with qtbot.waitSignal(page.certificate_settings_changed):
        settings.spins["max_age_months"].setValue(6)
    settings.spins["grace_days"].setValue(14)
    policy = get_policy(db)
    assert (policy.max_age_months, policy.grace_days) == (6, 14)
    settings.step_boxes["training"].setChecked(False)
    from app.services.certificate_views_support import get_enabled_steps

    assert get_enabled_steps(db) == tuple(s for s in RECORDED_STEPS if s != "training")


def test_purpose_letter_writes_pdf_and_stores_no_birth_date(
    qtbot, db: Database, db_path: Path, centre: CertificateCentre
) -> None:
    pytest.importorskip("app.reports.purpose_letter")
    from pypdf import PdfReader

    from app.views.certificates.letter_dialog import PurposeLetterDialog

    page = CertificatesPage(db)
    qtbot.addWidget(page)
    page.set_filter("to_request")
    page.select_volunteer(centre.volunteers["needed"])
    dialog = page.open_letter_dialog()
    assert isinstance(dialog, PurposeLetterDialog)
    dialog.birth_edit.setDate(QDate(1987, 3, 14))
    dialog.nynorsk.setChecked(True)
    preview = dialog.make_letter()
    assert preview is not None
    assert preview.preview.page_count() == 1
    saved = db_path.parent / "brev.pdf"
    preview.preview.save_copy(saved)
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "Kari Ødegård" in text and "14.03.1987" in text and "Stadfesting" in text
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = db_path.parent / "utskrift.pdf"
    printer.setOutputFileName(str(printed))
    preview.preview.print_to(printer)
    assert len(PdfReader(printed).pages) == 1
    temp = preview.preview.path
    preview.reject()
    assert temp is not None and not temp.exists()  # the temporary letter is removed
    db.close()
    data = b"".join(p.read_bytes() for p in db_path.parent.glob("dugnad.sqlite*"))
    for form in ("1987-03-14", "14.03.1987", "19870314"):
        assert form.encode() not in data
