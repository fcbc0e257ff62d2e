"""Opening a volunteer's form from any screen (overviews, boards), the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.db import Database
from app.views.volunteers.form import VolunteerForm


def open_volunteer_form(
    parent: QWidget, db: Database, volunteer_id: str, on_changed: Callable[[], None]
) -> VolunteerForm:
    """Open the form (non-blocking); `on_changed` runs after every save made in it."""
    form = VolunteerForm(db, volunteer_id, parent)
    form.changed_in_database.connect(on_changed)
    form.finished.connect(lambda _result: form.deleteLater())
    form.open()
    return form
