"""The (P) printouts' texts: every `D_` text translated into each document language."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from app.i18n import LOCALE_DIR
from app.i18n.document_catalogs import extract
from app.i18n.documents import (
    BABEL_LOCALES,
    DOCUMENT_LANGUAGES,
    DOMAIN,
    both,
    check_language,
    in_language,
)

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.mark.parametrize("language", list(DOCUMENT_LANGUAGES))
def test_every_document_text_is_translated(language: str) -> None:
    wanted = {m.id for m in extract() if m.id}
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    assert path.exists() or not wanted, f"run make i18n: {path} is missing"
    if not path.exists():
        return
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=BABEL_LOCALES.get(language, language))
    translated = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    missing = sorted(wanted - set(translated))
    assert not missing, f"{len(missing)} untranslated in {language}: {missing[:5]}"
    for msgid in wanted:
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(
            PLACEHOLDER.findall(translated[msgid])
        ), (language, msgid)


def test_bokmal_alone_or_with_a_language() -> None:
    assert both("Navn", None) == ("Navn", None)
    assert check_language("nb") is None
    assert in_language("Navn", "nb") == "Navn"
    with pytest.raises(ValueError):
        check_language("de")
