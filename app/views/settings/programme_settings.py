"""The centre's pairing programmes in Settings: the list, "Nytt program" and "Endre"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.i18n import _
from app.i18n.formatting import format_number
from app.services.codes import PROGRAMME_CERTIFICATE_RULES, label
from app.services.programmes import ProgrammeRow, list_programmes
from app.views.settings.programme_dialog import ProgrammeDialog


def summary(row: ProgrammeRow) -> str:
    """ "Flyktningguide – 12 måneder, 8 timer i måneden · Politiattest: når husstanden …"."""
    text = _("{name} – {months} måneder, {hours} timer i måneden · Politiattest: {rule}").format(
        name=row.name,
        months=format_number(row.months),
        hours=format_number(row.hours_per_month),
        rule=label(PROGRAMME_CERTIFICATE_RULES, row.certificate),
    )
    return text if row.active else text + " " + _("(ikke i bruk)")


class ProgrammeSettings(QWidget):
    """List the programmes (also those not in use) and open one to change it."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.dialog: ProgrammeDialog | None = None
        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.new_button = QPushButton(_("Nytt program …"))
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button = QPushButton(_("Endre …"))
        self.edit_button.clicked.connect(self.open_selected)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.edit_button.setEnabled(item is not None)
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.reload()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for row in list_programmes(self.db, include_inactive=True):
            item = QListWidgetItem(summary(row))
            item.setData(Qt.ItemDataRole.UserRole, row)
            item.setToolTip(row.plan_description)
            self.list.addItem(item)
        self.edit_button.setEnabled(False)

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_dialog(item.data(Qt.ItemDataRole.UserRole))

    def open_dialog(self, row: ProgrammeRow | None) -> ProgrammeDialog:
        dialog = ProgrammeDialog(self.db, row, self)
        dialog.saved.connect(self.reload)
        dialog.saved.connect(self.changed)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog
