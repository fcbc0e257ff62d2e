"""Participant list, form and households, driven like a user would; read back via services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.db import Database
from app.services.centre import add_staff
from app.services.households import (
    HouseholdData,
    MemberData,
    create_household,
    get_household,
    household_of,
    list_households,
)
from app.services.participant_register import (
    ParticipantData,
    create_participant_full,
    delete_participant,
    get_participant,
    list_participants,
)
from app.services.participants import ConsentInput
from app.services.volunteer_list import list_volunteers
from app.services.volunteers import VolunteerInput, create_volunteer
from app.views.participants.form import ParticipantForm
from app.views.participants.household_form import HouseholdForm
from app.views.participants.household_list_model import HouseholdTableModel, children_ages
from app.views.participants.household_members import MemberRow, MemberTableModel
from app.views.participants.households_dialog import HouseholdsDialog
from app.views.participants.list_model import NAME
from app.views.participants.list_view import ParticipantListPage
from app.views.widgets import messages

TODAY = dt.date.today()
LEFT = Qt.MouseButton.LeftButton


def register(db: Database, name: str, birth_year: int | None = 1985, **more: object) -> str:
    child = birth_year is not None and TODAY.year - birth_year < 18
    return create_participant_full(
        db,
        ParticipantData(name=name, birth_year=birth_year, gender="female", **more),
        ConsentInput(method="oral", given_by="guardian" if child else "self", given_on=TODAY),
        today=TODAY,
    )


@pytest.fixture
def staff(db: Database) -> str:
    return add_staff(db, "Kari Koordinator", "daglig leder")


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes recorded instead of shown (a real one would wait for a click)."""
    shown: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda parent, message, title=None: shown.append(message)
    )
    return shown


def choose(combo, code: object) -> None:  # noqa: ANN001
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


# -- the participant form ------------------------------------------------------------------------


def test_new_participant_with_consent_from_the_list(qtbot, db: Database, staff: str) -> None:
    page = ParticipantListPage(db)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.new_button, LEFT)
    form = page.current_form
    assert isinstance(form, ParticipantForm)
    assert form.windowTitle() == "Ny deltaker"
    assert not form.save_button.isEnabled()

    qtbot.keyClicks(form.name_edit, "Amina H.")
    qtbot.keyClicks(form.birth_year_edit, "1990")
    choose(form.gender_combo, "female")
    qtbot.keyClicks(form.phone_edit, "912 34 567")
    form.languages.add_language("ar")
    form.languages.add_language("no")
    qtbot.keyClicks(form.interests_edit, "fotball, matlaging")
    qtbot.keyClicks(form.arrival_year_edit, "2023")
    choose(form.background_combo, "immigrant")
    choose(form.referred_by_combo, "introduction")
    qtbot.keyClicks(form.postcode_edit, "4306")
    qtbot.keyClicks(form.district_edit, "Sentrum")
    assert not form.save_button.isEnabled()  # no consent yet

    consent = form.consent_fields
    assert consent is not None
    choose(consent.method_combo, "oral")
    assert "ansatt" in consent.error.text()  # the staff member is still missing
    assert not form.save_button.isEnabled()
    choose(consent.staff_combo, staff)
    assert not consent.error.isVisibleTo(form)
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, LEFT)

    [row] = list_participants(db)
    detail = get_participant(db, row.id)
    assert detail.data.name == "Amina H."
    assert (detail.data.birth_year, detail.data.age_band, detail.data.gender) == (
        1990,
        None,
        "female",
    )
    assert detail.phone_e164 == "+4791234567"
    assert list(detail.data.languages) == ["ar", "no"]
    assert sorted(detail.data.interests) == ["fotball", "matlaging"]
    assert detail.data.arrival_year == 2023
    assert (detail.data.background, detail.data.referred_by) == ("immigrant", "introduction")
    assert (detail.data.postcode, detail.data.district) == ("4306", "Sentrum")
    assert detail.consent is not None
    assert (detail.consent.method, detail.consent.given_by) == ("oral", "self")
    assert detail.consent.given_on == TODAY
    assert detail.consent.staff_name == "Kari Koordinator"
    assert page.model.rowCount() == 1  # the list reloaded after the save


def test_a_child_cannot_consent_for_themselves(qtbot, db: Database, staff: str) -> None:
    form = ParticipantForm(db)
    qtbot.addWidget(form)
    form.show()
    consent = form.consent_fields
    assert consent is not None
    qtbot.keyClicks(form.name_edit, "Omar")
    choose(consent.method_combo, "written")
    choose(consent.staff_combo, staff)
    assert form.save_button.isEnabled()

    qtbot.keyClicks(form.birth_year_edit, str(TODAY.year - 9))
    assert not form.save_button.isEnabled()
    assert consent.error.isVisible()
    assert "forelder eller verge" in consent.error.text()
    # "Personen selv" can no longer be chosen for a child.
    model = consent.given_by_combo.model()
    assert not model.item(consent.given_by_combo.findData("self")).isEnabled()

    choose(consent.given_by_combo, "verge")
    assert not consent.error.isVisible()
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, LEFT)
    [row] = list_participants(db)
    detail = get_participant(db, row.id)
    assert detail.consent is not None and detail.consent.given_by == "verge"
    assert detail.data.birth_year == TODAY.year - 9


def test_a_child_by_age_band_needs_a_guardian_too(qtbot, db: Database, staff: str) -> None:
    form = ParticipantForm(db)
    qtbot.addWidget(form)
    form.show()
    consent = form.consent_fields
    assert consent is not None
    qtbot.keyClicks(form.name_edit, "Lina")
    choose(consent.method_combo, "oral")
    choose(consent.staff_combo, staff)
    qtbot.mouseClick(form.band_radio, LEFT)
    assert not form.birth_year_edit.isEnabled() and form.age_band_combo.isEnabled()
    choose(form.age_band_combo, "6-12")
    assert not form.save_button.isEnabled()
    assert "forelder eller verge" in consent.error.text()
    choose(consent.given_by_combo, "guardian")
    qtbot.mouseClick(form.save_button, LEFT)
    [row] = list_participants(db)
    detail = get_participant(db, row.id)
    assert (detail.data.birth_year, detail.data.age_band) == (None, "6-12")
    assert detail.consent is not None and detail.consent.given_by == "guardian"


def test_bad_field_shows_message_next_to_it(qtbot, db: Database) -> None:
    form = ParticipantForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.phone_edit, "12")
    assert "ikke et gyldig telefonnummer" in form.error_labels["phone"].text()
    assert form.error_labels["phone"].isVisible()
    assert not form.error_labels["name"].isVisible()  # not touched yet
    qtbot.keyClicks(form.arrival_year_edit, str(TODAY.year + 1))
    assert "i fremtiden" in form.error_labels["arrival_year"].text()
    assert not form.save_button.isEnabled()


def test_edit_an_existing_participant(qtbot, db: Database) -> None:
    participant_id = register(db, "Kari Ødegård", 1980, languages=["no"], district="Lura")
    form = ParticipantForm(db, participant_id)
    qtbot.addWidget(form)
    form.show()
    assert form.windowTitle() == "Kari Ødegård"
    assert form.consent_fields is None
    assert (
        "muntlig" in form.consent_summary.text() and "personen selv" in form.consent_summary.text()
    )
    assert form.household_label.text() == "Ikke med i noen husstand."
    assert form.birth_year_edit.text() == "1980" and form.district_edit.text() == "Lura"

    form.district_edit.clear()
    qtbot.keyClicks(form.district_edit, "Sentrum")
    qtbot.keyClicks(form.interests_edit, "sykling")
    form.languages.add_language("uk")
    qtbot.mouseClick(form.save_button, LEFT)
    detail = get_participant(db, participant_id)
    assert detail.data.district == "Sentrum"
    assert list(detail.data.interests) == ["sykling"]
    assert list(detail.data.languages) == ["no", "uk"]


def test_editing_into_a_child_asks_for_a_guardians_consent_first(
    qtbot, db: Database, staff: str
) -> None:
    participant_id = register(db, "Sara", 2000)
    form = ParticipantForm(db, participant_id)
    qtbot.addWidget(form)
    form.show()
    form.birth_year_edit.clear()
    qtbot.keyClicks(form.birth_year_edit, str(TODAY.year - 15))
    assert not form.save_button.isEnabled()
    assert "forelder eller verge" in form.consent_error.text()

    dialog = form.open_consent_dialog()
    assert not dialog.save_button.isEnabled()
    choose(dialog.fields.method_combo, "written")
    choose(dialog.fields.staff_combo, staff)
    choose(dialog.fields.given_by_combo, "guardian")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "forelder eller foresatt" in form.consent_summary.text()
    assert form.save_button.isEnabled()  # what was typed is still there
    qtbot.mouseClick(form.save_button, LEFT)
    detail = get_participant(db, participant_id)
    assert detail.data.birth_year == TODAY.year - 15
    assert detail.consent is not None
    assert (detail.consent.given_by, detail.consent.method) == ("guardian", "written")


def test_make_a_participant_a_volunteer(qtbot, db: Database) -> None:
    participant_id = register(db, "Yusuf A.", 1992)
    form = ParticipantForm(db, participant_id)
    qtbot.addWidget(form)
    form.show()
    assert form.make_volunteer_button.isVisible()
    assert not form.volunteer_label.isVisible()
    with qtbot.waitSignal(form.changed_in_database):
        dialog = form.open_make_volunteer()
        qtbot.mouseClick(dialog.save_button, LEFT)
    detail = get_participant(db, participant_id)
    assert detail.is_volunteer and detail.became_volunteer_on == TODAY
    assert [v.id for v in list_volunteers(db)] == [participant_id]  # the same person, one ID
    assert not form.make_volunteer_button.isVisible()
    assert form.volunteer_label.isVisible()
    assert form.volunteer_label.text().startswith("Frivillig siden ")


def test_delete_says_what_goes_and_deletes(qtbot, db: Database) -> None:
    participant_id = register(db, "Ahmad K.", 1970)
    page = ParticipantListPage(db)
    qtbot.addWidget(page)
    form = page.open_form(participant_id)
    assert isinstance(form, ParticipantForm)
    asked: list[str] = []
    form.ask_delete = lambda: asked.append("yes") or True
    qtbot.mouseClick(form.delete_button, LEFT)
    assert asked == ["yes"]
    assert list_participants(db) == []
    assert page.model.rowCount() == 0


def test_save_after_someone_else_deleted_shows_a_message_and_keeps_the_form(
    qtbot, db: Database, errors_shown: list[str]
) -> None:
    participant_id = register(db, "Maryam", 1999)
    form = ParticipantForm(db, participant_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.district_edit, "Hana")
    delete_participant(db, participant_id)
    qtbot.mouseClick(form.save_button, LEFT)
    assert errors_shown and "Fant ingen deltaker" in errors_shown[0]
    assert form.isVisible() and form.district_edit.text() == "Hana"


# -- the list ------------------------------------------------------------------------------------


def test_list_filters_as_you_type(qtbot, db: Database) -> None:
    register(db, "Kari Ødegård", 1980, languages=["no"])
    register(db, "Ola Nordmann", 1975, languages=["ar"])
    register(db, "Amina Hassan", 1990, interests=["fotball"])
    page = ParticipantListPage(db)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search, "øde")
    assert page.model.rowCount() == 1
    assert page.model.index(0, NAME).data() == "Kari Ødegård"
    assert page.counter.text() == "Viser 1 av 3"
    page.search.clear()
    qtbot.keyClicks(page.search, "fotball")
    assert [page.model.index(0, NAME).data()] == ["Amina Hassan"]
    page.search.clear()
    assert page.model.rowCount() == 3


# -- households ----------------------------------------------------------------------------------


def test_create_household_with_an_unregistered_child_and_a_registered_adult(
    qtbot, db: Database
) -> None:
    mother = register(db, "Rania Haddad", 1988)
    dialog = HouseholdsDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    qtbot.mouseClick(dialog.new_button, LEFT)
    form = dialog.current_form
    assert isinstance(form, HouseholdForm)
    assert not form.save_button.isEnabled()  # the name is required
    qtbot.keyClicks(form.name_edit, "Familien Haddad")
    qtbot.keyClicks(form.postcode_edit, "4306")
    qtbot.keyClicks(form.district_edit, "Sentrum")

    picker = form.open_registered_picker()
    qtbot.keyClicks(picker.search, "rania")
    assert picker.results.count() == 1
    qtbot.mouseClick(picker.save_button, LEFT)
    child = form.open_unregistered_dialog()
    assert not child.save_button.isEnabled()
    qtbot.keyClicks(child.first_name_edit, "Lina")
    qtbot.keyClicks(child.birth_year_edit, str(TODAY.year - 6))
    choose(child.gender_combo, "female")
    qtbot.mouseClick(child.save_button, LEFT)
    assert [r.name for r in form.members.rows()] == ["Rania Haddad", "Lina"]
    choose(form.contact_combo, mother)
    assert form.save_button.isEnabled()
    qtbot.mouseClick(form.save_button, LEFT)

    [row] = list_households(db)
    assert (row.name, row.kind, row.contact_name, row.members) == (
        "Familien Haddad", "participant", "Rania Haddad", 2)  # fmt: skip
    assert row.children_ages == (6,)
    detail = get_household(db, row.id)
    assert (detail.data.postcode, detail.data.district) == ("4306", "Sentrum")
    assert [(m.name, m.person_id, m.gender) for m in detail.members] == [
        ("Rania Haddad", mother, "female"),
        ("Lina", None, "female"),
    ]
    assert household_of(db, mother) == row.id
    assert dialog.model.rowCount() == 1  # the list reloaded after the save
    assert dialog.model.index(0, 4).data() == "6 år"


def test_a_person_already_in_another_household_is_refused(qtbot, db: Database) -> None:
    mother = register(db, "Rania Haddad", 1988)
    create_household(db, HouseholdData(name="Familien Haddad"), [MemberData(person_id=mother)])

    form = HouseholdForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name_edit, "Familien Nasser")
    picker = form.open_registered_picker()
    qtbot.keyClicks(picker.search, "rania")
    assert "i Familien Haddad" in picker.results.item(0).text()  # the picker says so up front
    qtbot.mouseClick(picker.save_button, LEFT)
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible()
    assert form.members_error.isVisible()
    assert "allerede med i husstanden «Familien Haddad»" in form.members_error.text()
    assert len(list_households(db)) == 1
    qtbot.keyClicks(form.district_edit, "Lura")  # the refusal stays until the members change
    assert form.members_error.isVisible()

    # In a saved household the member is added at once, so the refusal comes in the picker.
    other = create_household(db, HouseholdData(name="Familien Berhane"), [])
    edit = HouseholdForm(db, other)
    qtbot.addWidget(edit)
    picker = edit.open_registered_picker()
    qtbot.keyClicks(picker.search, "rania")
    qtbot.mouseClick(picker.save_button, LEFT)
    assert picker.isVisible()
    assert "allerede med i husstanden «Familien Haddad»" in picker.general_error.text()
    assert get_household(db, other).members == ()


def test_saved_household_members_change_at_once(qtbot, db: Database) -> None:
    mother = register(db, "Rania Haddad", 1988)
    son = register(db, "Omar Haddad", TODAY.year - 12)
    household = create_household(
        db,
        HouseholdData(name="Familien Haddad", contact_person_id=mother),
        [MemberData(person_id=mother)],
    )
    form = HouseholdForm(db, household)
    qtbot.addWidget(form)
    form.show()
    assert form.contact_combo.currentData() == mother
    picker = form.open_registered_picker()
    qtbot.keyClicks(picker.search, "omar")
    qtbot.mouseClick(picker.save_button, LEFT)
    assert household_of(db, son) == household
    assert [r.name for r in form.members.rows()] == ["Rania Haddad", "Omar Haddad"]

    form.ask_remove_member = lambda name: True
    form.members_table.selectRow(0)
    qtbot.mouseClick(form.remove_button, LEFT)
    assert household_of(db, mother) is None
    assert form.contact_combo.currentData() is None  # the contact person left
    assert not form.is_dirty()


def test_volunteer_family_picks_among_volunteers(qtbot, db: Database) -> None:
    kari = create_volunteer(db, VolunteerInput(name="Kari Nordmann", birth_year=1975))
    register(db, "Rania Haddad", 1988)
    form = HouseholdForm(db)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.name_edit, "Familien Nordmann")
    choose(form.kind_combo, "volunteer")
    picker = form.open_registered_picker()
    assert [picker.results.item(i).text() for i in range(picker.results.count())] == [
        "Kari Nordmann (1975)"
    ]
    qtbot.mouseClick(picker.save_button, LEFT)
    qtbot.mouseClick(form.save_button, LEFT)
    [row] = list_households(db)
    assert row.kind == "volunteer" and household_of(db, kari) == row.id


def test_household_list_filters(qtbot, db: Database) -> None:
    create_household(db, HouseholdData(name="Familien Ødegård", district="Lura"), [])
    kari = create_volunteer(db, VolunteerInput(name="Kari Nordmann"))
    create_household(
        db, HouseholdData(name="Familien Nordmann", kind="volunteer"), [MemberData(person_id=kari)]
    )
    dialog = HouseholdsDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    qtbot.keyClicks(dialog.search, "øde")
    assert [dialog.model.index(0, 0).data()] == ["Familien Ødegård"]
    dialog.search.clear()
    choose(dialog.kind_combo, "volunteer")
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Frivillig familie"


# -- models --------------------------------------------------------------------------------------


def test_household_and_member_models(qtmodeltester, db: Database) -> None:
    mother = register(db, "Rania Haddad", 1988)
    create_household(
        db,
        HouseholdData(name="Familien Haddad", contact_person_id=mother),
        [MemberData(person_id=mother), MemberData(first_name="Lina", birth_year=TODAY.year - 4)],
    )
    model = HouseholdTableModel(list_households(db))
    qtmodeltester.check(model)
    members = MemberTableModel(
        [MemberRow("a", "a", mother, "Rania Haddad", 1988, "female", True, False),
         MemberRow("b", None, None, "", 2020, "unknown", False, False)]
    )  # fmt: skip
    qtmodeltester.check(members)
    assert members.index(1, 0).data() == "(uten navn)"
    assert members.index(1, 3).data() == "ikke registrert"
    assert children_ages((3, 7, 12)) == "3, 7 og 12 år"
    assert children_ages(()) == ""
