"""Opening the demo database ("Prøv med demodata") and going back to the real one.

The demo is its own file (`paths.demo_database_path()`), filled once with made-up people on a
worker thread while a progress dialog shows how far it has come.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app import paths
from app.db import Database
from app.errors import DugnadError
from app.i18n import _
from app.services.centre_info import has_people
from app.views.widgets.background import ProgressCallback, TaskRunner

DEMO_SIZE = "small"
DEMO_SEED = 1


def _fill(db: Database, progress: ProgressCallback, stop: threading.Event) -> int:
    from app.services.demo import fill_demo  # imported late: the demo module is optional at start

    return fill_demo(db, size=DEMO_SIZE, seed=DEMO_SEED, progress=progress, should_stop=stop.is_set)


def open_demo(
    parent: QWidget,
    runner: TaskRunner,
    on_ready: Callable[[Database], None],
    on_failed: Callable[[str], None],
    path: Path | None = None,
) -> QProgressDialog | None:
    """Open (and on first use fill) the demo database; `on_ready(db)` when it can be shown."""
    try:
        db = Database.open(path or paths.demo_database_path(), create=True)
        filled = has_people(db)
    except DugnadError as exc:
        on_failed(exc.message)
        return None
    if filled:
        on_ready(db)
        return None

    stop = threading.Event()
    dialog = QProgressDialog(
        _("Lager demodata med oppdiktede personer …"), _("Avbryt"), 0, 0, parent
    )
    dialog.setWindowTitle(_("Demodata"))
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(stop.set)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(380)
    dialog.show()

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    def done(_count: object) -> None:
        dialog.close()
        on_ready(db)

    def failed(message: str) -> None:
        dialog.close()
        db.close()
        if not stop.is_set():  # a cancel the user asked for is not an error to show
            on_failed(message)

    runner.start(lambda report: _fill(db, report, stop), on_done=done, on_failed=failed,
                 on_progress=progress)  # fmt: skip
    return dialog
