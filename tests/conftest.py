"""Shared test set-up: offscreen Qt, Bokmål, a fresh database file per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from app.db import Database  # noqa: E402
from app.i18n import set_language  # noqa: E402


@pytest.fixture(autouse=True)
def _bokmaal() -> Iterator[None]:
    """Every test starts in Bokmål, whatever the previous one switched to."""
    set_language("nb")
    yield
    set_language("nb")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "dugnad.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path, create=True)
    yield database
    database.close()
