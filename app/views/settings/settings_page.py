"""The "Innstillinger" page: the centre (saved in the database), staff, activities, police
certificates and onboarding, pairing programmes, and this PC's language."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.services.centre_info import get_centre
from app.views.settings.activity_settings import ActivitySettings
from app.views.settings.centre_fields import CentreFields
from app.views.settings.certificate_settings import CertificateSettings
from app.views.settings.language_panel import LanguagePanel
from app.views.settings.programme_settings import ProgrammeSettings
from app.views.settings.staff_panel import StaffPanel
from app.views.widgets.field_error import FieldError


class SettingsPage(QScrollArea):
    """Boxes for the centre, the staff, activities, certificates and onboarding, the language."""

    centre_saved = Signal()
    certificate_settings_changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, *, load: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        title = QLabel(_("Innstillinger"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.centre_fields = CentreFields()
        self.centre_fields.changed.connect(self._centre_changed)
        self.save_button = QPushButton(_("Lagre"))
        self.save_button.clicked.connect(self.save_centre)
        self.saved_note = QLabel()
        self.saved_note.setStyleSheet("color: #1a7f37;")
        self.save_error = FieldError()
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_error, 1)
        save_row.addWidget(self.save_button)
        centre_box = QGroupBox(_("Frivilligsentralen"))
        centre_layout = QVBoxLayout(centre_box)
        centre_layout.addWidget(self.centre_fields)
        centre_layout.addLayout(save_row)

        self.staff_panel = StaffPanel(db)
        staff_box = QGroupBox(_("Ansatte"))
        QVBoxLayout(staff_box).addWidget(self.staff_panel)

        self.language_panel = LanguagePanel()
        self.activity_settings = ActivitySettings(db)
        activity_box = QGroupBox(_("Aktiviteter og oppmøte"))
        QVBoxLayout(activity_box).addWidget(self.activity_settings)

        self.certificate_settings = CertificateSettings(db)
        self.certificate_settings.changed.connect(self.certificate_settings_changed)
        certificate_box = QGroupBox(_("Politiattest og oppstart"))
        QVBoxLayout(certificate_box).addWidget(self.certificate_settings)

        self.programme_settings = ProgrammeSettings(db)
        self.programme_settings.changed.connect(self.certificate_settings_changed)
        programme_box = QGroupBox(_("Koblingsprogram (flyktningguide, vennefamilie …)"))
        QVBoxLayout(programme_box).addWidget(self.programme_settings)

        language_box = QGroupBox(_("Språk"))
        QVBoxLayout(language_box).addWidget(self.language_panel)

        content = QWidget()
        content.setMaximumWidth(760)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(centre_box)
        layout.addWidget(staff_box)
        layout.addWidget(activity_box)
        layout.addWidget(certificate_box)
        layout.addWidget(programme_box)
        layout.addWidget(language_box)
        layout.addStretch(1)
        self.setWidget(content)
        if load:
            self.reload()

    def set_database(self, db: Database, load: bool = True) -> None:
        self.db = db
        self.staff_panel.set_database(db)
        self.activity_settings.set_database(db)
        self.certificate_settings.set_database(db)
        self.programme_settings.set_database(db)
        if load:
            self.reload()

    def reload(self) -> None:
        self.activity_settings.reload()
        self.certificate_settings.reload()
        self.centre_fields.set_info(get_centre(self.db))
        self.saved_note.clear()
        self.save_error.show_message(None)

    def _centre_changed(self) -> None:
        self.save_button.setEnabled(not self.centre_fields.errors)
        self.saved_note.clear()

    def save_centre(self) -> None:
        if not self.centre_fields.save_to(self.db, self.save_error):
            return
        self.saved_note.setText(_("Lagret."))
        self.centre_saved.emit()
