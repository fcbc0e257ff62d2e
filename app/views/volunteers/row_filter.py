"""What the volunteer list shows: search words, statuses and a language, as one predicate.

The search uses the service's own rule (`matches` on the folded `search_text`), the in-memory
twin of the SQL search, so the list and `dugnad volunteers --search` always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.services.text import matches, search_terms
from app.services.volunteer_list import VolunteerRow


@dataclass(frozen=True)
class VolunteerFilter:
    terms: tuple[str, ...] = ()
    statuses: frozenset[str] | None = None
    language: str | None = None

    def with_search(self, text: str) -> VolunteerFilter:
        return replace(self, terms=tuple(search_terms(text)))

    def with_statuses(self, statuses: frozenset[str] | None) -> VolunteerFilter:
        return replace(self, statuses=statuses)

    def with_language(self, code: str | None) -> VolunteerFilter:
        return replace(self, language=code)

    def accepts(self, row: VolunteerRow) -> bool:
        if self.statuses is not None and row.status not in self.statuses:
            return False
        if self.language is not None and self.language not in row.languages:
            return False
        return matches(row.search_text, self.terms)
