"""Translations: one active gettext catalog for the whole process.

Message ids are Norwegian Bokmål, the product's first language, so a missing translation never
shows a Bokmål user anything but Bokmål. Nynorsk and English come from the `.po` catalogs under
`locale/`, compiled in memory when a language is chosen (no `.mo` build step to forget).

Code calls `_()` at the time a text is shown, never at import time, so switching language takes
effect for every text created afterwards.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"
DOMAIN = "dugnad"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language: str = DEFAULT_LANGUAGE


def _compile(language: str) -> gettext.NullTranslations:
    """Load `locale/<language>/LC_MESSAGES/dugnad.po` as a translation object."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not po_path.exists():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(language: str) -> None:
    """Make `language` (nb, nn or en) the language of every text from now on."""
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _translation = _compile(language)
    _language = language


def current_language() -> str:
    """The code of the active language (nb, nn or en)."""
    return _language


def _(message: str) -> str:
    """Translate a Bokmål message into the active language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on a count."""
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for extraction without translating it yet (translated where it is shown)."""
    return message
