"""Where Dugnad keeps its files on this PC (platformdirs: the user's data folder)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Dugnad"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_database_path() -> Path:
    """The centre's real database."""
    return data_dir() / "dugnad.sqlite"


def demo_database_path() -> Path:
    """The demo database, a separate file so demo data never mixes with real data."""
    return data_dir() / "dugnad-demo.sqlite"
