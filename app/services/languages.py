"""Languages people speak, as ISO 639 codes, named in the UI language (babel's CLDR names).

Codes are 639-1 where one exists (`ar`, `uk`), else 639-3 (`prs` for Dari, which CLDR does not
name, so its names are given here). The list the forms offer starts with the languages centres
meet most often.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from app.i18n import current_language

# Languages a Norwegian volunteer centre meets most: offered first in every picker.
COMMON_LANGUAGES: tuple[str, ...] = (
    "no", "en", "ar", "uk", "ti", "so", "pl", "prs", "fa", "ps", "ku", "ckb", "am", "ur",
    "ru", "lt", "es", "fr", "de", "sv", "da", "tr", "th", "vi", "tl", "sq", "bs", "sw",
)  # fmt: skip

_EXTRA_NAMES: dict[str, dict[str, str]] = {
    "prs": {"nb": "dari", "nn": "dari", "en": "Dari"},
}

_BABEL = {"nb": "nb", "nn": "nn", "en": "en"}


@cache
def _names(language: str) -> dict[str, str]:
    names = dict(Locale(_BABEL.get(language, "nb")).languages)
    for code, by_lang in _EXTRA_NAMES.items():
        names[code] = by_lang.get(language, by_lang["en"])
    return names


def is_known(code: str) -> bool:
    """True for an ISO 639 code Dugnad can name."""
    return code in _names("en")


def language_name(code: str, language: str | None = None) -> str:
    """The name of language `code` in the UI language (or `language`), e.g. `ar` → `arabisk`."""
    return _names(language or current_language()).get(code, code)


def all_names_of(code: str) -> str:
    """Every name of the language, in each UI language, for search ("arabisk Arabic")."""
    return " ".join(sorted({language_name(code, lang) for lang in _BABEL}))


def language_choices() -> list[tuple[str, str]]:
    """(code, name) pairs for pickers: the common languages first, then the rest by name."""
    names = _names(current_language())
    common = [(c, names[c]) for c in COMMON_LANGUAGES if c in names]
    rest = sorted(
        ((c, n) for c, n in names.items() if c not in COMMON_LANGUAGES and "_" not in c),
        key=lambda pair: pair[1].casefold(),
    )
    return common + rest
