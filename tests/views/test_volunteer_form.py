"""The volunteer form and the list page, driven like a user would with the keyboard and mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.db import Database
from app.services.volunteer_list import list_volunteers
from app.services.volunteers import get_volunteer
from app.views.volunteers.form import VolunteerForm
from app.views.volunteers.list_model import NAME
from app.views.volunteers.list_view import VolunteerListPage
from app.views.widgets import messages
from app.views.widgets.messages import ask_discard as real_ask_discard


def test_create_through_form_then_find_by_typing(qtbot, db: Database) -> None:
    page = VolunteerListPage(db)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.current_form
    assert form is not None
    assert not form.save_button.isEnabled()  # the name is required

    qtbot.keyClicks(form.name_edit, "Kari Ødegård")
    qtbot.keyClicks(form.phone_edit, "912 34 567")
    qtbot.keyClicks(form.email_edit, "kari@example.no")
    qtbot.keyClicks(form.skills_edit, "matlaging, sykling")
    form.languages.add_language("ar")
    form.availability.boxes["thu_evening"].setChecked(True)
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    [row] = list_volunteers(db)
    assert row.name == "Kari Ødegård"
    assert row.phone == "+4791234567"
    assert row.skills == ("matlaging", "sykling")
    assert get_volunteer(db, row.id).input.availability == ["thu_evening"]
    assert page.model.rowCount() == 1  # the list reloaded after the save

    qtbot.keyClicks(page.search, "øde")
    assert page.model.rowCount() == 1
    assert page.model.index(0, NAME).data() == "Kari Ødegård"
    assert page.counter.text() == "Viser 1 av 1"
    page.search.clear()
    qtbot.keyClicks(page.search, "arabisk")  # a language name finds the speaker
    assert page.model.rowCount() == 1
    page.search.clear()
    qtbot.keyClicks(page.search, "ødegårdx")
    assert page.model.rowCount() == 0
    assert page.counter.text() == "Viser 0 av 1"


def test_bad_phone_shows_message_next_to_field_and_disables_save(qtbot, db: Database) -> None:
    form = VolunteerForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name_edit, "Ola Nordmann")
    assert form.save_button.isEnabled()
    qtbot.keyClicks(form.phone_edit, "12")
    message = form.error_labels["phone"]
    assert message.isVisible()
    assert "ikke et gyldig telefonnummer" in message.text()
    assert not form.save_button.isEnabled()
    assert not form.error_labels["email"].isVisible()
    form.phone_edit.clear()
    qtbot.keyClicks(form.phone_edit, "91234567")
    assert not message.isVisible()
    assert form.save_button.isEnabled()


def test_untouched_name_has_no_message_yet(qtbot, db: Database) -> None:
    form = VolunteerForm(db)
    qtbot.addWidget(form)
    form.show()
    assert not form.error_labels["name"].isVisible()
    qtbot.keyClicks(form.name_edit, "A")
    form.name_edit.selectAll()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Backspace)
    assert form.error_labels["name"].text() == "Navn må fylles ut."


def test_cancel_with_changes_asks_and_can_keep_editing(qtbot, db, monkeypatch) -> None:
    answers = iter([False, True])
    asked: list[bool] = []

    def fake_ask(parent) -> bool:  # noqa: ANN001
        asked.append(True)
        return next(answers)

    monkeypatch.setattr(messages, "ask_discard", fake_ask)
    form = VolunteerForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name_edit, "Noen")
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and form.isVisible()  # "Fortsett å redigere"
    form.close()
    assert len(asked) == 2 and not form.isVisible()  # "Forkast endringene"
    assert list_volunteers(db) == []


def test_cancel_without_changes_does_not_ask(qtbot, db, monkeypatch) -> None:
    monkeypatch.setattr(messages, "ask_discard", lambda parent: pytest.fail("asked"))
    form = VolunteerForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()


def test_discard_question_has_norwegian_buttons(qtbot, monkeypatch) -> None:
    seen: dict[str, object] = {}

    def fake_exec(box: QMessageBox) -> int:
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        [discard] = [b for b in box.buttons() if b.text() == "Forkast endringene"]
        discard.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert real_ask_discard(None) is True
    assert seen["text"] == "Forkaste endringene?"
    assert sorted(seen["buttons"]) == ["Forkast endringene", "Fortsett å redigere"]


def test_pause_and_end_through_the_status_dialog(qtbot, db: Database, some_volunteers) -> None:
    volunteer_id = some_volunteers[0]
    form = VolunteerForm(db, volunteer_id)
    qtbot.addWidget(form)
    form.show()
    assert form.pause_button.isVisible() and not form.reactivate_button.isVisible()

    qtbot.mouseClick(form.pause_button, Qt.MouseButton.LeftButton)
    dialog = form.status_dialog
    assert dialog is not None
    assert not dialog.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason_edit, "studier")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(form.changed_in_database):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert get_volunteer(db, volunteer_id).status == "paused"
    assert "Pause" in form.status_label.text()
    assert "studier" in form.history_label.text()
    assert form.reactivate_button.isVisible() and not form.pause_button.isVisible()

    qtbot.mouseClick(form.end_button, Qt.MouseButton.LeftButton)
    dialog = form.status_dialog
    qtbot.keyClicks(dialog.reason_edit, "flytter")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    detail = get_volunteer(db, volunteer_id)
    assert detail.status == "ended"
    assert detail.status_reason == "flytter"
    assert not form.end_button.isVisible()


def test_status_dialog_shows_service_message(qtbot, db: Database, some_volunteers) -> None:
    from PySide6.QtCore import QDate

    form = VolunteerForm(db, some_volunteers[0])
    qtbot.addWidget(form)
    dialog = form.open_status_dialog("ended")
    dialog.date_edit.setDate(QDate(2000, 1, 1))  # before the volunteer started
    qtbot.keyClicks(dialog.reason_edit, "flytter")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "før den frivillige startet" in dialog.date_error.text()
    assert get_volunteer(db, some_volunteers[0]).status == "active"


def test_edit_saves_changes(qtbot, db: Database, some_volunteers) -> None:
    form = VolunteerForm(db, some_volunteers[1])
    qtbot.addWidget(form)
    form.show()
    assert form.name_edit.text() == "Ola Nordmann"
    form.place_edit.clear()
    qtbot.keyClicks(form.place_edit, "Sandnes")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert get_volunteer(db, some_volunteers[1]).input.place == "Sandnes"


def test_taking_a_volunteer_into_a_programme_asks_for_a_certificate(qtbot, db: Database) -> None:
    from app.services.programme_members import get_max_pairings, memberships
    from app.services.volunteers import VolunteerInput, create_volunteer

    kari = create_volunteer(db, VolunteerInput(name="Kari Ødegård", birth_year=1980))
    form = VolunteerForm(db, kari)
    qtbot.addWidget(form)
    form.show()
    assert form.certificate_panel is not None and form.programme_panel is not None
    assert not form.certificate_panel.isVisible()  # no role needs one yet
    form.programme_panel.boxes[next(iter(form.programme_panel.boxes))].setChecked(True)
    assert [m.programme for m in memberships(db, kari)] == ["Flyktningguide"]
    assert form.certificate_panel.isVisible()  # the need is there at once
    form.programme_panel.max_spin.setValue(2)
    assert get_max_pairings(db, kari) == 2


def test_from_the_volunteer_propose_a_pairing_with_someone_waiting(qtbot, db: Database) -> None:
    import datetime as dt

    from app.services.pairings import list_pairings
    from tests.test_pairings import household, volunteer, waiting

    amir = volunteer(db, "Amir Haddad", gender="male", languages=["ar", "no"], district="Lura")
    family = household(db, "Familien Saleh", adults=[1982], district="Lura")
    waiting(db, family, referred=dt.date.today() - dt.timedelta(days=40))
    form = VolunteerForm(db, amir)
    qtbot.addWidget(form)
    assert form.programme_panel is not None
    dialog = form.programme_panel.open_matches()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 0).data() == "Familien Saleh"
    assert "Samme bydel" in dialog.model.index(0, 4).data()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    [pairing] = list_pairings(db)
    assert (pairing.status, pairing.volunteer_names) == ("proposed", ("Amir Haddad",))
