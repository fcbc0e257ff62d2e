"""Texts of the printouts a participant reads: Bokmål plus one of seven other languages.

The sign-in sheet, the activity overview, the consent form and the interest form are marked (P)
in the printouts issue: a newcomer reads them, so each text is printed in Bokmål and, below it, in
the participant's language. Those texts are marked `D_("...")` (Bokmål msgids, like every other
text) and live in their own gettext domain, `documents`, with one catalog per language in
`locale/<code>/LC_MESSAGES/documents.po` (`make i18n` keeps them in step; `tests/` fail on a
missing translation). The UI's own catalogs (nb, nn, en) are not involved: a Nynorsk UI still
prints a Bokmål and Arabic sign-in sheet.

Dari (`prs`) has no locale of its own in CLDR; its catalog is read with Babel's `fa_AF` data.
"""

from __future__ import annotations

import gettext
import io
from functools import cache

from app.i18n import LOCALE_DIR

DOMAIN = "documents"
BOKMAL = "nb"
# The languages a (P) document can be printed in besides Bokmål, with their own names.
DOCUMENT_LANGUAGES: dict[str, str] = {
    "en": "English",
    "uk": "Українська",
    "ar": "العربية",
    "ti": "ትግርኛ",
    "so": "Soomaali",
    "pl": "Polski",
    "prs": "دری",
}
BABEL_LOCALES = {"prs": "fa_AF"}


def D_(message: str) -> str:  # noqa: N802 - the marker `make i18n` extracts for this domain
    """Mark a Bokmål document text; translate it with `in_language` when printing."""
    return message


@cache
def _translations(language: str) -> gettext.NullTranslations:
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=BABEL_LOCALES.get(language, language), domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def check_language(language: str | None) -> str | None:
    """`language` if a document can be printed in it (None: Bokmål only); ValueError if not."""
    if language in (None, "", BOKMAL):
        return None
    if language not in DOCUMENT_LANGUAGES:
        raise ValueError(language)
    return language


def in_language(message: str, language: str | None) -> str:
    """The Bokmål `message` in `language` (Bokmål itself for None or "nb")."""
    if language in (None, BOKMAL):
        return message
    return _translations(language).gettext(message)


def both(message: str, language: str | None) -> tuple[str, str | None]:
    """(Bokmål, the other language) for a bilingual line; the second is None for Bokmål only."""
    other = check_language(language)
    return message, (in_language(message, other) if other else None)
