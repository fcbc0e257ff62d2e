"""Message boxes with Norwegian button texts.

Qt ships no Bokmål translation of its standard buttons ("Discard", "Cancel"), so every box that
asks the user something sets its button texts itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import _


def ask_discard(parent: QWidget | None) -> bool:
    """Ask whether unsaved changes may be thrown away; True means "yes, discard them"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Ulagrede endringer"))
    box.setText(_("Forkaste endringene?"))
    box.setInformativeText(_("Du har endret noe som ikke er lagret."))
    discard = box.addButton(_("Forkast endringene"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Fortsett å redigere"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def _notice(
    parent: QWidget | None, icon: QMessageBox.Icon, message: str, title: str | None
) -> None:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title or _("Dugnad"))
    box.setText(message)
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)  # Qt has no Bokmål "OK" of its own
    box.exec()


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """Tell the user about a problem they can act on (a DugnadError's message)."""
    _notice(parent, QMessageBox.Icon.Critical, message, title)


def show_info(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """A short notice with a single OK button."""
    _notice(parent, QMessageBox.Icon.Information, message, title)
