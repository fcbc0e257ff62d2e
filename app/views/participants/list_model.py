"""The participant list as a table model: name, age, gender, languages, household, district."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.i18n import _
from app.services.codes import AGE_BANDS, GENDERS, label
from app.services.languages import language_name
from app.views.widgets.row_table_model import RowTableModel

if TYPE_CHECKING:
    from app.services.participant_register import ParticipantListRow

NAME, AGE, GENDER, LANGUAGES, INTERESTS, HOUSEHOLD, DISTRICT, VOLUNTEER = range(8)
_AGE_ORDER = {code: i for i, code in enumerate(AGE_BANDS)}


def _languages(row: ParticipantListRow) -> str:
    return ", ".join(language_name(code) for code in row.languages)


class ParticipantTableModel(RowTableModel["ParticipantListRow"]):
    """Read-only table of participants; `set_rows` replaces everything after a reload."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Alder"), _("Kjønn"), _("Språk"), _("Interesser"), _("Husstand"),
                _("Bydel"), _("Frivillig")]  # fmt: skip

    def display(self, row: ParticipantListRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == AGE:
            if row.birth_year:
                return _("{band} (f. {year})").format(
                    band=label(AGE_BANDS, row.age_band or "unknown"), year=row.birth_year
                )
            return label(AGE_BANDS, row.age_band or "unknown")
        if column == GENDER:
            return label(GENDERS, row.gender)
        if column == LANGUAGES:
            return _languages(row)
        if column == INTERESTS:
            return ", ".join(row.interests)
        if column == HOUSEHOLD:
            return row.household_name or ""
        if column == DISTRICT:
            return row.district or row.postcode or ""
        if column == VOLUNTEER:
            return _("Ja") if row.is_volunteer else ""
        return ""

    def sort_value(self, row: ParticipantListRow, column: int) -> Any:
        if column == NAME:
            return row.sort_key
        if column == AGE:
            return (_AGE_ORDER.get(row.age_band or "unknown", 99), -(row.birth_year or 0))
        if column == VOLUNTEER:
            return 0 if row.is_volunteer else 1
        return self.display(row, column).casefold()

    def tie_breaker(self, row: ParticipantListRow) -> Any:
        return row.sort_key

    def row_id(self, row: ParticipantListRow) -> str:
        return row.id

    def tooltip(self, row: ParticipantListRow, column: int) -> str | None:
        if column in (LANGUAGES, INTERESTS):
            return self.display(row, column) or None
        return None
