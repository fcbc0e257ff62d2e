"""The participant form: the minimum about a participant, and their consent.

A new participant is saved only with consent (how, by whom, when, which staff member); for a
child the consent must come from a parent, guardian or verge, and the form says so as soon as
the birth year or age band shows a child. An existing participant's form shows the current
consent with "Registrer nytt samtykke", their household, and "Gjør til frivillig" (or since when
they are one), and can delete the participant after saying what goes.

Validation is the service's (`validate_participant_data`, `validate_consent`), run on every
edit; messages appear under the field once it has been touched, and Save stays disabled until
there is nothing left to fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.i18n.formatting import format_date
from app.services.centre import list_staff
from app.services.codes import (
    AGE_BANDS,
    BACKGROUNDS,
    CONSENT_GIVERS,
    CONSENT_METHODS,
    GENDERS,
    REFERRERS,
    label,
)
from app.services.participant_register import (
    ParticipantData,
    ParticipantDetail,
    create_participant_full,
    delete_participant,
    get_participant,
    is_child,
    update_participant,
    validate_consent,
    validate_participant_data,
)
from app.services.participants import ConsentInput
from app.services.tags import tag_names
from app.views.participants.consent_fields import HINT_STYLE, ConsentFields, capitalised
from app.views.participants.participant_dialogs import ConsentDialog, MakeVolunteerDialog
from app.views.volunteers.language_picker import LanguagePicker
from app.views.widgets import messages
from app.views.widgets.field_error import FieldError
from app.views.widgets.fit import grow_to_fit
from app.views.widgets.tag_edit import TagLineEdit

YEAR_PATTERN = r"\d{0,4}"


def _hint(text: str) -> QLabel:
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(HINT_STYLE)
    return hint


def _year_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit()
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(YEAR_PATTERN), parent))
    edit.setFixedWidth(70)
    edit.setPlaceholderText(_("ÅÅÅÅ"))
    return edit


def _year(edit: QLineEdit) -> int | None:
    text = edit.text().strip()
    return int(text) if text else None


def _optional_combo(codes: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("(ikke oppgitt)"), None)
    for code in codes:
        combo.addItem(capitalised(label(codes, code)), code)
    return combo


def _row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return box


def consent_text(detail: ParticipantDetail) -> str:
    """`Samtykke gitt 12.03.2026, muntlig, av forelder eller foresatt. Tatt imot av Kari.`"""
    consent = detail.consent
    if consent is None:
        return _("Ingen samtykke er registrert ennå.")
    text = _("Samtykke gitt {date}, {method}, av {given_by}.").format(
        date=format_date(consent.given_on),
        method=label(CONSENT_METHODS, consent.method),
        given_by=label(CONSENT_GIVERS, consent.given_by),
    )
    if consent.staff_name:
        text += " " + _("Tatt imot av {name}.").format(name=consent.staff_name)
    if consent.withdrawn_on:
        text += " " + _("Trukket tilbake {date}.").format(date=format_date(consent.withdrawn_on))
    return text


def ask_delete(parent: QWidget, detail: ParticipantDetail) -> bool:
    """Ask before deleting, saying what goes (and, for a volunteer, what stays)."""
    name = detail.data.name
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Slett deltaker"))
    box.setText(_("Slette deltakeren {name}?").format(name=name))
    if detail.is_volunteer:
        box.setInformativeText(
            _(
                "{name} er også frivillig. Bare opplysningene som deltaker slettes (aldersgruppe, "
                "ankomstår, bakgrunn, henvist av). Personen blir stående i frivilligregisteret."
            ).format(name=name)
        )
    else:
        box.setInformativeText(
            _(
                "Navn, fødselsår, telefon, språk, interesser og samtykker slettes, og {name} "
                "tas ut av husstanden, gruppene, oppmøtelistene og koblingene sine. Dette kan "
                "ikke angres."
            ).format(name=name)
        )
    delete = box.addButton(_("Slett deltakeren"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is delete


class ParticipantForm(QDialog):
    """Create (`participant_id=None`, with consent) or edit one participant."""

    changed_in_database = Signal()

    def __init__(
        self,
        db: Database,
        participant_id: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.participant_id = participant_id
        self.today = today or dt.date.today()
        self.detail: ParticipantDetail | None = None
        self.errors: dict[str, str] = {}
        self.consent_problems: dict[str, str] = {}
        self._touched: set[str] = set()
        self.dialog: QDialog | None = None
        # Replaced in tests: a real question box would wait for a click.
        self.ask_delete = lambda: ask_delete(self, self.detail) if self.detail else False
        if participant_id is not None:
            self.detail = get_participant(db, participant_id)
        self._build()
        if self.detail is not None:
            self._fill(self.detail.data)
            self.setWindowTitle(self.detail.data.name)
        else:
            self.setWindowTitle(_("Ny deltaker"))
        self._initial = self._snapshot()
        self._refresh_status()
        self._connect()
        self.validate()

    # -- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.error_labels: dict[str, FieldError] = {}
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("F.eks. Amina H."))
        self.year_radio = QRadioButton(_("Fødselsår"))
        self.band_radio = QRadioButton(_("Aldersgruppe"))
        self.year_radio.setChecked(True)
        self.age_choice = QButtonGroup(self)
        self.age_choice.addButton(self.year_radio)
        self.age_choice.addButton(self.band_radio)
        self.birth_year_edit = _year_edit(self)
        self.age_band_combo = QComboBox()
        for code in AGE_BANDS:
            if code != "unknown":
                self.age_band_combo.addItem(label(AGE_BANDS, code), code)
        self.age_band_combo.setCurrentIndex(self.age_band_combo.findData("26-66"))
        self.gender_combo = QComboBox()
        for code in GENDERS:
            self.gender_combo.addItem(label(GENDERS, code), code)
        self.gender_combo.setCurrentIndex(self.gender_combo.findData("unknown"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText(_("Valgfritt, f.eks. 912 34 567"))
        self.postcode_edit = QLineEdit()
        self.postcode_edit.setMaxLength(4)
        self.postcode_edit.setFixedWidth(70)
        self.district_edit = QLineEdit()
        self.district_edit.setPlaceholderText(_("F.eks. Sentrum"))
        self.languages = LanguagePicker()
        self.interests_edit = TagLineEdit(tag_names(self.db))
        self.interests_edit.setPlaceholderText(_("Skill med komma, f.eks. fotball, matlaging"))
        self.arrival_year_edit = _year_edit(self)
        self.background_combo = _optional_combo(BACKGROUNDS)
        self.referred_by_combo = _optional_combo(REFERRERS)

        person = QFormLayout()
        name_box = QWidget()
        name_layout = QVBoxLayout(name_box)
        name_layout.setContentsMargins(0, 0, 0, 0)
        name_layout.setSpacing(2)
        name_layout.addWidget(self.name_edit)
        name_layout.addWidget(_hint(_("Fornavn og forbokstav i etternavnet er nok.")))
        person.addRow(_("Navn") + " *", self._field("name", name_box))
        age = QWidget()
        age_grid = QHBoxLayout(age)
        age_grid.setContentsMargins(0, 0, 0, 0)
        age_grid.addWidget(self.year_radio)
        age_grid.addWidget(self.birth_year_edit)
        age_grid.addSpacing(16)
        age_grid.addWidget(self.band_radio)
        age_grid.addWidget(self.age_band_combo)
        age_grid.addStretch(1)
        age_box = QWidget()
        age_layout = QVBoxLayout(age_box)
        age_layout.setContentsMargins(0, 0, 0, 0)
        age_layout.setSpacing(2)
        age_layout.addWidget(age)
        age_layout.addWidget(_hint(_("Bruk aldersgruppe når fødselsåret ikke er kjent.")))
        self.age_error = FieldError()
        age_layout.addWidget(self.age_error)
        person.addRow(_("Alder"), age_box)
        person.addRow(_("Kjønn"), self._field("gender", _row(self.gender_combo)))
        person.addRow(_("Telefon"), self._field("phone", self.phone_edit))
        person.addRow(_("Postnummer"), self._field("postcode", _row(self.postcode_edit)))
        person.addRow(_("Bydel"), self._field("district", self.district_edit))
        person_box = QGroupBox(_("Person"))
        person_box.setLayout(person)

        more = QFormLayout()
        more.addRow(_("Språk"), self._field("languages", self.languages))
        more.addRow(_("Interesser"), self._field("interests", self.interests_edit))
        more.addRow(
            _("Ankomstår"),
            self._field(
                "arrival_year",
                _row(self.arrival_year_edit, QLabel(_("i kommunen (valgfritt)"))),
            ),
        )
        background_box = QWidget()
        background_layout = QVBoxLayout(background_box)
        background_layout.setContentsMargins(0, 0, 0, 0)
        background_layout.setSpacing(2)
        background_layout.addWidget(self.background_combo)
        background_layout.addWidget(
            _hint(
                _("Valgfritt. Bare SSBs grove kategorier, ikke fødeland. Brukes bare i samletall.")
            )
        )
        more.addRow(_("Bakgrunn"), self._field("background", background_box))
        more.addRow(_("Henvist av"), self._field("referred_by", self.referred_by_combo))
        more_box = QGroupBox(_("Språk, interesser og bakgrunn"))
        more_box.setLayout(more)

        columns = QHBoxLayout()
        columns.addWidget(person_box, 1)
        columns.addWidget(more_box, 1)

        self.consent_box = QGroupBox(_("Samtykke"))
        consent_layout = QVBoxLayout(self.consent_box)
        self.consent_fields: ConsentFields | None = None
        self.consent_summary = QLabel()
        self.consent_summary.setWordWrap(True)
        self.new_consent_button = QPushButton(_("Registrer nytt samtykke …"))
        self.new_consent_button.setAutoDefault(False)
        self.new_consent_button.clicked.connect(self.open_consent_dialog)
        self.consent_error = FieldError()
        if self.detail is None:
            self.consent_fields = ConsentFields(list_staff(self.db), self.today)
            consent_layout.addWidget(self.consent_fields)
        else:
            summary = QHBoxLayout()
            summary.addWidget(self.consent_summary, 1)
            summary.addWidget(self.new_consent_button)
            consent_layout.addLayout(summary)
            consent_layout.addWidget(self.consent_error)

        self.status_box = self._build_status_box()
        self.save_error = FieldError()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            _("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            _("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(_("Slett deltaker …"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(self.detail is not None)
        self.required_hint = QLabel(_("* må fylles ut"))
        self.required_hint.setStyleSheet(HINT_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addWidget(self.required_hint)
        bottom.addWidget(self.save_error, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status_box)
        layout.addLayout(columns)
        layout.addWidget(self.consent_box)
        layout.addLayout(bottom)
        self.setMinimumWidth(980)
        self._set_tab_order()

    def _field(self, name: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = FieldError()
        layout.addWidget(error)
        self.error_labels[name] = error
        return box

    def _build_status_box(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("statusBox")
        frame.setStyleSheet("QFrame#statusBox { background: #f3f6f9; border-radius: 6px; }")
        self.registered_label = QLabel()
        self.registered_label.setStyleSheet("font-weight: 600;")
        self.household_label = QLabel()
        self.volunteer_label = QLabel()
        self.make_volunteer_button = QPushButton(_("Gjør til frivillig …"))
        self.make_volunteer_button.setAutoDefault(False)
        self.make_volunteer_button.clicked.connect(self.open_make_volunteer)
        text = QVBoxLayout()
        text.addWidget(self.registered_label)
        text.addWidget(self.household_label)
        text.addWidget(self.volunteer_label)
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(text, 1)
        layout.addWidget(self.make_volunteer_button)
        return frame

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.name_edit, self.year_radio, self.birth_year_edit, self.band_radio,
            self.age_band_combo, self.gender_combo, self.phone_edit, self.postcode_edit,
            self.district_edit, self.languages.chosen, self.languages.remove_button,
            self.languages.combo, self.languages.add_button, self.interests_edit,
            self.arrival_year_edit, self.background_combo, self.referred_by_combo,
        ]  # fmt: skip
        if self.consent_fields is not None:
            chain += self.consent_fields.focus_order()
        else:
            chain.append(self.new_consent_button)
        chain += [self.save_button, self.cancel_button, self.delete_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        edits = {
            "name": self.name_edit,
            "phone": self.phone_edit,
            "postcode": self.postcode_edit,
            "district": self.district_edit,
            "birth_year": self.birth_year_edit,
            "arrival_year": self.arrival_year_edit,
        }
        for name, edit in edits.items():
            edit.textEdited.connect(lambda _text, n=name: self._touch(n))
        self.interests_edit.textChanged.connect(lambda: self._touch("interests"))
        self.age_choice.buttonToggled.connect(self._age_mode_changed)
        self.age_band_combo.currentIndexChanged.connect(lambda: self._touch("age_band"))
        self.gender_combo.currentIndexChanged.connect(lambda: self._touch("gender"))
        self.background_combo.currentIndexChanged.connect(lambda: self._touch("background"))
        self.referred_by_combo.currentIndexChanged.connect(lambda: self._touch("referred_by"))
        self.languages.changed.connect(lambda: self._touch("languages"))
        if self.consent_fields is not None:
            self.consent_fields.changed.connect(lambda: self._touch("consent"))

    # -- values ---------------------------------------------------------------------------------
    def _fill(self, data: ParticipantData) -> None:
        self.name_edit.setText(data.name)
        uses_band = data.birth_year is None and data.age_band not in (None, "unknown")
        self.band_radio.setChecked(uses_band)
        self.year_radio.setChecked(not uses_band)
        self.birth_year_edit.setText("" if data.birth_year is None else str(data.birth_year))
        if uses_band:
            self.age_band_combo.setCurrentIndex(max(self.age_band_combo.findData(data.age_band), 0))
        self.gender_combo.setCurrentIndex(max(self.gender_combo.findData(data.gender), 0))
        self.phone_edit.setText(data.phone)
        self.postcode_edit.setText(data.postcode)
        self.district_edit.setText(data.district)
        self.languages.set_codes(list(data.languages))
        self.interests_edit.set_words(list(data.interests))
        self.arrival_year_edit.setText("" if data.arrival_year is None else str(data.arrival_year))
        self.background_combo.setCurrentIndex(
            max(self.background_combo.findData(data.background), 0)
        )
        self.referred_by_combo.setCurrentIndex(
            max(self.referred_by_combo.findData(data.referred_by), 0)
        )
        self._update_age_widgets()

    def current_data(self) -> ParticipantData:
        uses_band = self.band_radio.isChecked()
        return ParticipantData(
            name=self.name_edit.text(),
            birth_year=None if uses_band else _year(self.birth_year_edit),
            age_band=self.age_band_combo.currentData() if uses_band else None,
            gender=self.gender_combo.currentData(),
            phone=self.phone_edit.text(),
            languages=self.languages.codes(),
            interests=self.interests_edit.words(),
            arrival_year=_year(self.arrival_year_edit),
            background=self.background_combo.currentData(),
            referred_by=self.referred_by_combo.currentData(),
            postcode=self.postcode_edit.text(),
            district=self.district_edit.text(),
        )

    def current_consent(self) -> ConsentInput | None:
        return self.consent_fields.consent() if self.consent_fields is not None else None

    def _snapshot(self) -> tuple[ParticipantData, ConsentInput | None]:
        data = self.current_data()
        # Lists compare by content, whatever sequence type the service gave.
        data = dataclasses.replace(
            data, languages=tuple(data.languages), interests=tuple(data.interests)
        )
        return data, self.current_consent()

    def is_dirty(self) -> bool:
        return self._snapshot() != self._initial

    # -- validation -------------------------------------------------------------------------------
    def _age_mode_changed(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._update_age_widgets()
            self._touch("age_band")

    def _update_age_widgets(self) -> None:
        uses_band = self.band_radio.isChecked()
        self.birth_year_edit.setEnabled(not uses_band)
        self.age_band_combo.setEnabled(uses_band)

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.validate()

    def validate(self) -> bool:
        """Run the service's rules; show messages for touched fields; enable Save when valid."""
        data = self.current_data()
        self.errors = validate_participant_data(data, self.today)
        if self.consent_fields is not None:
            self.consent_fields.set_child(is_child(data.birth_year, data.age_band, self.today))
            self.consent_problems = self.consent_fields.problems(data)
            if self.consent_problems:
                self.errors["consent"] = "\n".join(self.consent_problems.values())
        elif self.detail is not None and self.detail.consent is not None:
            # The consent on record must still fit: a child's cannot be their own.
            recorded = self.detail.consent
            on_record = ConsentInput(recorded.method, recorded.given_by, recorded.given_on)
            if problem := validate_consent(data, on_record, self.today):
                self.errors["consent"] = problem + " " + _("Registrer det nye samtykket først.")
        self._show_errors()
        self.save_button.setEnabled(not self.errors)
        grow_to_fit(self)
        return not self.errors

    def _shown(self, field: str) -> bool:
        if self.detail is not None:
            return True
        return field in self._touched

    def _show_errors(self) -> None:
        for name, error_label in self.error_labels.items():
            error_label.show_message(self.errors.get(name) if self._shown(name) else None)
        age_shown = self._shown("birth_year") or self._shown("age_band")
        age_message = self.errors.get("birth_year") or self.errors.get("age_band")
        self.age_error.show_message(age_message if age_shown else None)
        if self.consent_fields is None:
            self.consent_error.show_message(self.errors.get("consent"))
            return
        # The child rule shows as soon as the age is given; the rest once consent is touched.
        shown = dict(self.consent_problems) if self._shown("consent") else {}
        if self._touched & {"birth_year", "age_band"} and "given_by" in self.consent_problems:
            shown["given_by"] = self.consent_problems["given_by"]
        self.consent_fields.show_problem("\n".join(shown.values()) or None)

    # -- saving and closing -----------------------------------------------------------------------
    def save(self) -> None:
        if not self.validate():
            self._touched.update(self.errors)
            self._show_errors()
            return
        data = self.current_data()
        try:
            if self.participant_id is None:
                consent = self.current_consent()
                assert consent is not None
                self.participant_id = create_participant_full(self.db, data, consent, self.today)
            else:
                update_participant(self.db, self.participant_id, data, self.today)
        except ValidationFailed as exc:
            self._touched.update(exc.errors)
            self.errors = exc.errors
            self._show_errors()
            if self.consent_fields is not None and "consent" in exc.errors:
                self.consent_fields.show_problem(exc.errors["consent"])
            placed = set(self.error_labels) | {"birth_year", "age_band", "consent"}
            unplaced = [m for f, m in exc.errors.items() if f not in placed]
            self.save_error.show_message("\n".join(unplaced) or _("Rett opp det som er merket."))
            grow_to_fit(self)
            return
        except DugnadError as exc:
            messages.show_error(self, exc.message, _("Kunne ikke lagre"))
            return
        self._initial = self._snapshot()
        self.changed_in_database.emit()
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc and the window's close button all end here: ask before losing edits."""
        if self.is_dirty() and not messages.ask_discard(self):
            return
        super().reject()

    def delete(self) -> None:
        if self.participant_id is None or not self.ask_delete():
            return
        try:
            delete_participant(self.db, self.participant_id)
        except DugnadError as exc:
            messages.show_error(self, exc.message, _("Kunne ikke slette"))
            return
        self.changed_in_database.emit()
        self.done(QDialog.DialogCode.Accepted)

    # -- status, consent, volunteer ------------------------------------------------------------
    def _refresh_status(self) -> None:
        detail = self.detail
        self.status_box.setVisible(detail is not None)
        if detail is None:
            return
        self.registered_label.setText(
            _("Registrert som deltaker {date}").format(date=format_date(detail.registered_on))
        )
        if detail.household_name:
            self.household_label.setText(_("Husstand: {name}").format(name=detail.household_name))
        else:
            self.household_label.setText(_("Ikke med i noen husstand."))
        if detail.became_volunteer_on is not None:
            self.volunteer_label.setText(
                _("Frivillig siden {date}").format(date=format_date(detail.became_volunteer_on))
            )
        elif detail.is_volunteer:
            self.volunteer_label.setText(_("Er også registrert som frivillig."))
        self.volunteer_label.setVisible(detail.is_volunteer)
        self.make_volunteer_button.setVisible(not detail.is_volunteer)
        self.consent_summary.setText(consent_text(detail))

    def _reload_detail(self) -> None:
        """After a consent or a new role: show the stored state, keeping what is being edited."""
        assert self.participant_id is not None
        self.detail = get_participant(self.db, self.participant_id)
        self._refresh_status()
        self.validate()
        self.changed_in_database.emit()

    def open_consent_dialog(self) -> ConsentDialog:
        assert self.detail is not None
        dialog = ConsentDialog(self.db, self.detail, self.today, self)
        dialog.accepted.connect(self._reload_detail)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_make_volunteer(self) -> MakeVolunteerDialog:
        assert self.detail is not None
        dialog = MakeVolunteerDialog(self.db, self.detail, self.today, self)
        dialog.accepted.connect(self._reload_detail)
        self.dialog = dialog
        dialog.open()
        return dialog
