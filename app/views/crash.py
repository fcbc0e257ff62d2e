"""The last line of defence: an unexpected error becomes a plain message and a log file.

A user never sees a traceback. The traceback goes to `dugnad-feil.log` in the data folder, where
whoever helps the centre can find it; the user gets a short Norwegian message.
"""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from app.i18n import _

LOG_NAME = "dugnad-feil.log"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def write_log(log_path: Path, kind: type[BaseException], exc: BaseException,
              tb: TracebackType | None) -> bool:  # fmt: skip
    """Append the traceback to the log; False when even that is impossible."""
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            fh.write("".join(traceback.format_exception(kind, exc, tb)))
    except OSError:
        return False
    return True


def make_excepthook(log_path: Path, *, show_box: bool = True) -> ExceptHook:
    """A `sys.excepthook` that logs the traceback and tells the user in plain words."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        logged = write_log(log_path, kind, exc, tb)
        text = _("Noe gikk galt, og Dugnad klarte ikke å gjøre ferdig det du ba om.")
        detail = (
            _("Det som er lagret fra før, er ikke borte. Detaljene er skrevet til {path}.").format(
                path=log_path
            )
            if logged
            else _("Det som er lagret fra før, er ikke borte.")
        )
        print(f"{text} {detail}", file=sys.stderr)
        if show_box and QApplication.instance() is not None:
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(_("Noe gikk galt"))
            box.setText(text)
            box.setInformativeText(detail)
            box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()

    return hook
