"""Small wordings the pairing screens share: days, hours, names, the gender wish."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor

from app.i18n import _, ngettext
from app.i18n.formatting import format_number

RED = QColor("#b3261e")
AMBER = QColor("#9a6700")
GREEN = QColor("#1a7f37")
GREY = QColor("#57606a")
HINT_STYLE = "color: #57606a;"
TITLE_STYLE = "font-size: 16pt; font-weight: 600;"
ERROR_STYLE = "color: #b3261e;"


def days_text(days: int) -> str:
    """`1 dag`, `134 dager`."""
    return ngettext("{n} dag", "{n} dager", days).format(n=format_number(days))


def hours_text(hours: float) -> str:
    """`2 timer`, `1,5 timer`, `1 time`."""
    whole = float(hours).is_integer()
    shown = format_number(int(hours)) if whole else format_number(hours, 1)
    return ngettext("{n} time", "{n} timer", int(hours) if whole else 2).format(n=shown)


def per_month_text(hours: float) -> str:
    """`8 timer i måneden`."""
    return _("{hours} i måneden").format(hours=hours_text(hours))


def names_text(names: Sequence[str]) -> str:
    """The volunteers of a pairing, or a dash when there are none yet."""
    return ", ".join(names) if names else "–"


def joined(names: Sequence[str]) -> str:
    """`Kari, Ola og Per` in the UI language."""
    from babel.lists import format_list

    from app.i18n.formatting import babel_locale

    return format_list(list(names), locale=babel_locale()) if names else ""


def gender_wish_text(wish: str | None) -> str:
    if wish == "female":
        return _("Ønsker en kvinnelig frivillig")
    if wish == "male":
        return _("Ønsker en mannlig frivillig")
    if wish == "other":
        return _("Ønsker en frivillig av et annet kjønn")
    return _("Ingen ønske")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
