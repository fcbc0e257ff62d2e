"""Folding and matching text for search, the same rule in SQL and in memory.

SQLite's LIKE and lower() fold only ASCII, so "øde" would not find "Ødegård". Names are stored
folded (`fold`) in a search column; a query is folded the same way and split into words, and a row
matches when it contains every word. `matches()` (used by list filters as you type) and
`like_patterns()` (used in SQL) apply that one rule.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# Diacritics that are letters of their own in Norwegian and must not be stripped away:
# "å" decomposes to "a" + ring, but "Åse" and "Ase" are different names.
_KEEP_MARKS = {"\u030a"}


def fold(text: str | None) -> str:
    """Casefold and strip foreign accents (é → e, ü → u), keeping å, æ and ø as they are."""
    if not text:
        return ""
    # Compatibility forms first (𝕬 → A), then case, then decompose what casefolding produced.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch in _KEEP_MARKS)
    return unicodedata.normalize("NFC", kept)


def search_terms(query: str | None) -> list[str]:
    """The folded words of a search query; an empty list matches everything."""
    return fold(query).split()


def matches(search_text: str, terms: Sequence[str]) -> bool:
    """True when the folded `search_text` contains every one of the folded `terms`."""
    return all(term in search_text for term in terms)


def like_patterns(terms: list[str]) -> list[str]:
    """LIKE patterns (escape character `\\`) that find each term anywhere in a folded column."""
    escaped = (t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in terms)
    return [f"%{t}%" for t in escaped]


def sort_key(name: str) -> str:
    """A key that sorts names the Norwegian way well enough: folded, æ ø å after z."""
    folded = fold(name)
    return folded.translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))
