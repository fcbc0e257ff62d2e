"""GUI test set-up: settings and data folder in tmp, never the user's real ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app import paths
from app.db import Database
from app.services.volunteers import VolunteerInput, create_volunteer
from app.views.widgets import messages
from app.views.widgets.background import TaskRunner


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QSettings in an INI file under tmp, and the data folder (demo db, crash log) in tmp."""
    settings_dir = tmp_path / "settings"
    data_dir = tmp_path / "data"
    old_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    monkeypatch.setattr(paths, "data_dir", lambda: data_dir)
    yield settings_dir
    QSettings.setDefaultFormat(old_format)


@pytest.fixture(autouse=True)
def discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes dirty forms at teardown; a real question box would block the test run."""
    monkeypatch.setattr(messages, "ask_discard", lambda parent: True)


@pytest.fixture
def runner() -> TaskRunner:
    return TaskRunner(synchronous=True)


@pytest.fixture
def some_volunteers(db: Database) -> list[str]:
    """Three volunteers, one with a Norwegian letter first in the surname."""
    people = [
        VolunteerInput(name="Kari Ødegård", phone="912 34 567", languages=["no", "ar"],
                       skills=["matlaging"]),
        VolunteerInput(name="Ola Nordmann", email="ola@example.no", languages=["no"]),
        VolunteerInput(name="Amina Hassan", languages=["so", "en"], skills=["leksehjelp"]),
    ]  # fmt: skip
    return [create_volunteer(db, person) for person in people]
