"""The staff list: who works at the centre (they sign letters and follow up pairings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import DugnadError, ValidationFailed
from app.i18n import _
from app.services.centre import StaffMember, add_staff, list_staff, set_staff_active
from app.views.widgets.field_error import FieldError


def _item_text(member: StaffMember) -> str:
    text = member.name + (f" – {member.title}" if member.title else "")
    return text if member.active else text + " " + _("(deaktivert)")


class StaffPanel(QWidget):
    """List, add, deactivate and reactivate staff members."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.list = QListWidget()
        self.list.setMinimumHeight(120)
        self.list.setSpacing(2)
        self.show_inactive = QCheckBox(_("Vis også deaktiverte"))
        self.show_inactive.toggled.connect(self.reload)
        self.toggle_button = QPushButton(_("Deaktiver"))
        self.toggle_button.setEnabled(False)
        self.toggle_button.clicked.connect(self._toggle_selected)
        self.list.currentItemChanged.connect(self._selection_changed)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("Navn"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(_("Stilling, f.eks. koordinator"))
        self.add_button = QPushButton(_("Legg til ansatt"))
        self.add_button.setEnabled(False)
        self.name_edit.textChanged.connect(
            lambda text: self.add_button.setEnabled(bool(text.strip()))
        )
        self.name_edit.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self.error = FieldError()

        controls = QHBoxLayout()
        controls.addWidget(self.show_inactive)
        controls.addStretch(1)
        controls.addWidget(self.toggle_button)
        adding = QHBoxLayout()
        adding.addWidget(self.name_edit, 2)
        adding.addWidget(self.title_edit, 2)
        adding.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(controls)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        self.reload()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for member in list_staff(self.db, include_inactive=self.show_inactive.isChecked()):
            item = QListWidgetItem(_item_text(member))
            item.setData(Qt.ItemDataRole.UserRole, member)
            if not member.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self._selection_changed()

    def _selected(self) -> StaffMember | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selection_changed(self) -> None:
        member = self._selected()
        self.toggle_button.setEnabled(member is not None)
        self.toggle_button.setText(
            _("Aktiver igjen") if member is not None and not member.active else _("Deaktiver")
        )

    def add(self) -> None:
        try:
            add_staff(self.db, self.name_edit.text(), self.title_edit.text())
        except ValidationFailed as exc:
            self.error.show_message("\n".join(exc.errors.values()))
            return
        except DugnadError as exc:
            self.error.show_message(exc.message)
            return
        self.error.show_message(None)
        self.name_edit.clear()
        self.title_edit.clear()
        self.reload()

    def _toggle_selected(self) -> None:
        member = self._selected()
        if member is None:
            return
        try:
            set_staff_active(self.db, member.id, not member.active)
        except DugnadError as exc:
            self.error.show_message(exc.message)
            return
        self.reload()
