"""Starting the GUI: one short, linear function from QApplication to the main window.

`run_gui` is what `dugnad` and `dugnad gui` call. With `smoke_test=True` it opens the window with
its data, optionally saves a screenshot, and returns without waiting for the user: the check that
an installed Dugnad can start at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import paths
from app.__main__ import startup_done
from app.db import Database
from app.errors import EXIT_CANNOT_RUN, EXIT_OK, DugnadError
from app.i18n import LANGUAGES, _
from app.services.centre_info import get_centre
from app.views import preferences
from app.views.crash import LOG_NAME, make_excepthook
from app.views.main_window import MainWindow
from app.views.qt_language import apply_language
from app.views.sections import VIEWS

# Long enough for the first paint to come first, short enough to be done before a first click.
WARM_UP_DELAY_MS = 300


def run_gui(
    db_path: Path | None,
    language: str | None,
    *,
    smoke_test: bool = False,
    screenshot: Path | None = None,
    view: str | None = None,
) -> int:
    """Run Dugnad's window; return the exit code (0, or 2 when the database cannot be used)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Dugnad")
    app.setOrganizationName("Dugnad")
    app.setApplicationDisplayName("Dugnad")

    chosen = language if language in LANGUAGES else preferences.saved_language()
    translators = apply_language(app, chosen)

    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(paths.data_dir() / LOG_NAME, show_box=not smoke_test)
    try:
        return _run(app, db_path, smoke_test=smoke_test, screenshot=screenshot, view=view)
    finally:
        sys.excepthook = previous_hook
        for translator in translators:
            app.removeTranslator(translator)


def _run(
    app: QApplication,
    db_path: Path | None,
    *,
    smoke_test: bool,
    screenshot: Path | None,
    view: str | None,
) -> int:
    path = db_path or paths.default_database_path()
    try:
        db = Database.open(path, create=True)
    except DugnadError as exc:
        print(exc.message, file=sys.stderr)
        if not smoke_test:
            QMessageBox.critical(None, _("Dugnad kan ikke starte"), exc.message)
        return EXIT_CANNOT_RUN

    if not smoke_test and not get_centre(db).is_set_up:
        from app.views.setup_dialog import SetupDialog  # only on the very first start

        SetupDialog(db).exec()

    if view and view not in VIEWS:
        print(_("Ukjent visning «{view}». Velg en av: {views}.").format(
            view=view, views=", ".join(VIEWS)), file=sys.stderr)  # fmt: skip
        view = None
    first = view or preferences.saved_view() or "home"
    window = MainWindow(db, real_path=path, remember_state=not smoke_test, view=first)
    window.show()
    startup_done()

    if smoke_test:
        app.processEvents()
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(screenshot))
        window.close()
        window.db.close()
        window.deleteLater()
        app.processEvents()
        return EXIT_OK

    # Once the window is on screen, load what the first click needs while the user reads.
    QTimer.singleShot(WARM_UP_DELAY_MS, lambda: warm_up(window.db))
    code = app.exec()
    window.db.close()
    return code


def warm_up(db: Database) -> None:
    """Import the ORM and the volunteer form, and make the database engine.

    The window shows its first page without SQLAlchemy (see `Database.plain_read`); doing this
    right after, rather than on the first click, keeps that click as quick as every later one.
    """
    from sqlalchemy.orm import configure_mappers

    import app.views.volunteers.form  # noqa: F401 - imported for its side effect: loaded

    configure_mappers()
    db.engine  # noqa: B018 - made now, not on the first read
