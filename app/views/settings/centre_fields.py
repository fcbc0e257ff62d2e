"""The centre's settings as form fields, shared by the first-start set-up and the settings page.

Rules come from `validate_centre` (name required, MOD11 for the organisation number, four-digit
postcode); messages appear under the field once it has been edited.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.centre import save_centre, validate_centre
from app.services.centre_info import CentreInfo
from app.views.widgets.field_error import FieldError

LOGO_SIZE = (160, 80)


class CentreFields(QWidget):
    """Name, organisation number, address, municipality, manager and logo.

    With `short=True` only what the first start asks for: name, organisation number, municipality.
    """

    changed = Signal()

    def __init__(self, short: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.short = short
        self.info = CentreInfo()
        self.errors: dict[str, str] = {}
        self._touched: set[str] = set()
        self.error_labels: dict[str, FieldError] = {}
        self.edits: dict[str, QLineEdit] = {}

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self._add(form, "name", _("Navn på sentralen") + " *", _("F.eks. Fjellby frivilligsentral"))
        self._add(form, "orgnr", _("Organisasjonsnummer"), _("Ni sifre, f.eks. 974 760 673"))
        if not short:
            self._add(form, "address", _("Adresse"))
            self._add(form, "postcode", _("Postnummer"))
            self.edits["postcode"].setMaxLength(4)
            self.edits["postcode"].setFixedWidth(70)
            self._add(form, "place", _("Poststed"))
        self._add(form, "municipality", _("Kommune"))
        if not short:
            self._add(form, "manager_name", _("Daglig leder"))
            form.addRow(_("Logo"), self._build_logo())

    def _add(self, form: QFormLayout, name: str, text: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, n=name: self._touch(n))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(edit)
        error = FieldError()
        layout.addWidget(error)
        self.edits[name] = edit
        self.error_labels[name] = error
        form.addRow(text, box)

    def _build_logo(self) -> QWidget:
        self.logo_preview = QLabel(_("Ingen logo valgt"))
        self.logo_preview.setFixedSize(*LOGO_SIZE)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px dashed #afb8c1; color: #57606a;")
        self.logo_button = QPushButton(_("Velg bilde …"))
        self.logo_button.clicked.connect(self._pick_logo)
        self.logo_remove = QPushButton(_("Fjern logo"))
        self.logo_remove.clicked.connect(lambda: self.set_logo(None))
        self.logo_error = FieldError()
        buttons = QVBoxLayout()
        buttons.addWidget(self.logo_button)
        buttons.addWidget(self.logo_remove)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.logo_preview)
        row.addLayout(buttons)
        row.addStretch(1)
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.logo_error)
        return box

    # -- values -----------------------------------------------------------------------------------
    def set_info(self, info: CentreInfo) -> None:
        self.info = info
        for name, edit in self.edits.items():
            edit.setText(getattr(info, name))
        if not self.short:
            self.set_logo(info.logo, notify=False)
        self._touched.clear()
        self.validate()

    def current_info(self) -> CentreInfo:
        values = {name: edit.text() for name, edit in self.edits.items()}
        return CentreInfo(
            **{**self.info.__dict__, **values},
        )

    def set_logo(self, data: bytes | None, notify: bool = True) -> None:
        self.info = CentreInfo(**{**self.info.__dict__, "logo": data})
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    *LOGO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("Ingen logo valgt"))
        self.logo_remove.setEnabled(bool(data))
        if notify:
            self.validate()

    def _pick_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Velg logo"), "", _("Bilder") + " (*.png *.jpg *.jpeg *.gif *.bmp *.svg)"
        )
        if path:
            self.load_logo_file(path)

    def load_logo_file(self, path: str) -> None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self.logo_error.show_message(
                _("Kan ikke lese {path}: {reason}").format(path=path, reason=exc.strerror)
            )
            return
        if not QPixmap().loadFromData(data):
            self.logo_error.show_message(_("Filen er ikke et bilde Dugnad kan lese."))
            return
        self.logo_error.show_message(None)
        self.set_logo(data)

    # -- validation -------------------------------------------------------------------------------
    def _touch(self, name: str) -> None:
        self._touched.add(name)
        self.validate()

    def validate(self) -> bool:
        self.errors = validate_centre(self.current_info())
        for name, error_label in self.error_labels.items():
            error_label.show_message(self.errors.get(name) if name in self._touched else None)
        self.changed.emit()
        return not self.errors

    def show_all_errors(self, errors: dict[str, str]) -> None:
        self._touched.update(errors)
        for name, message in errors.items():
            if name in self.error_labels:
                self.error_labels[name].show_message(message)

    def save_to(self, db: Database, error: FieldError) -> bool:
        """Save the fields as the centre's settings; on a problem show it and return False."""
        try:
            save_centre(db, self.current_info())
        except ValidationFailed as exc:
            self.show_all_errors(exc.errors)
            return False
        except DugnadError as exc:
            error.show_message(exc.message)
            return False
        error.show_message(None)
        return True
