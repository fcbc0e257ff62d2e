"""Per-PC preferences in QSettings (ARCHITECTURE rule 7): language, window geometry, last view.

Centre-wide settings live in the database; only what belongs to this PC and user is kept here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app.i18n import DEFAULT_LANGUAGE, LANGUAGES

LANGUAGE_KEY = "language"
GEOMETRY_KEY = "main_window/geometry"
VIEW_KEY = "main_window/view"


def settings() -> QSettings:
    """The application's settings ("Dugnad"/"Dugnad", in the default format, for the user).

    The default format lets tests switch to INI files in a temporary folder.
    """
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Dugnad", "Dugnad")


def saved_language() -> str:
    value = settings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    settings().setValue(LANGUAGE_KEY, language)


def saved_geometry() -> QByteArray | None:
    value = settings().value(GEOMETRY_KEY)
    return value if isinstance(value, QByteArray) else None


def save_geometry(geometry: QByteArray) -> None:
    settings().setValue(GEOMETRY_KEY, geometry)


def saved_view() -> str | None:
    value = settings().value(VIEW_KEY)
    return value if isinstance(value, str) else None


def save_view(view: str) -> None:
    settings().setValue(VIEW_KEY, view)
