"""The household list as a table model: name, kind, contact, members, children's ages, district."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.i18n import _
from app.i18n.formatting import format_number
from app.services.codes import HOUSEHOLD_KINDS, label
from app.services.text import sort_key
from app.views.participants.consent_fields import capitalised
from app.views.widgets.row_table_model import RowTableModel

if TYPE_CHECKING:
    from app.services.households import HouseholdRow

NAME, KIND, CONTACT, MEMBERS, CHILDREN, DISTRICT = range(6)


def children_ages(ages: tuple[int, ...]) -> str:
    """`(3, 7, 12)` → `3, 7 og 12 år`; no children with a known age → empty."""
    if not ages:
        return ""
    words = [format_number(age) for age in ages]
    if len(words) == 1:
        return _("{age} år").format(age=words[0])
    return _("{ages} og {last} år").format(ages=", ".join(words[:-1]), last=words[-1])


class HouseholdTableModel(RowTableModel["HouseholdRow"]):
    """Read-only table of households; `set_rows` replaces everything after a reload."""

    def headers(self) -> list[str]:
        return [_("Navn"), _("Type"), _("Kontaktperson"), _("Medlemmer"), _("Barnas alder"),
                _("Bydel")]  # fmt: skip

    def display(self, row: HouseholdRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == KIND:
            return capitalised(label(HOUSEHOLD_KINDS, row.kind))
        if column == CONTACT:
            return row.contact_name or ""
        if column == MEMBERS:
            return format_number(row.members)
        if column == CHILDREN:
            return children_ages(row.children_ages)
        if column == DISTRICT:
            return row.district or row.postcode or ""
        return ""

    def sort_value(self, row: HouseholdRow, column: int) -> Any:
        if column == NAME:
            return sort_key(row.name)
        if column == MEMBERS:
            return row.members
        if column == CHILDREN:
            # By how many children, then by the youngest: one int, so Qt can hold it.
            youngest = row.children_ages[0] if row.children_ages else 0
            return len(row.children_ages) * 1000 + youngest
        return sort_key(self.display(row, column))

    def tie_breaker(self, row: HouseholdRow) -> Any:
        return sort_key(row.name)

    def row_id(self, row: HouseholdRow) -> str:
        return row.id
