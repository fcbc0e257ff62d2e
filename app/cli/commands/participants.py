"""`dugnad participants`: list and search the participant register (deltakere).

Only what the register keeps: no national identity number, residence status or country of
birth exists to be listed. The table shows Norwegian words; CSV and JSON carry the codes.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.commands.activities import yes_no
from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options
from app.i18n import _
from app.services.codes import AGE_BANDS, GENDERS, label
from app.services.languages import language_name

if TYPE_CHECKING:
    from app.services.participant_register import ParticipantListRow


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "participants",
        help=_("list og søk i deltakerregisteret"),
        description=_(
            "Lister deltakere, sortert på navn. Søket finner navn, telefon, språk og interesser, "
            "uten hensyn til store og små bokstaver (også æøå)."
        ),
    )
    parser.add_argument("--search", metavar=_("TEKST"), help=_("vis bare treff på TEKST"))
    add_format_options(parser, ("table", "csv", "json"))
    parser.set_defaults(handler=run)


def columns() -> list[Column]:
    def languages(codes: list[str]) -> str:
        return ", ".join(language_name(c) for c in codes)

    return [
        Column("name", _("Navn")),
        Column("birth_year", _("Fødselsår")),
        Column("age_band", _("Aldersgruppe"), lambda c: label(AGE_BANDS, c)),
        Column("gender", _("Kjønn"), lambda c: label(GENDERS, c)),
        Column("languages", _("Språk"), languages),
        Column("interests", _("Interesser"), ", ".join),
        Column("household_name", _("Husstand")),
        Column("district", _("Bydel")),
        Column("postcode", _("Postnummer")),
        Column("is_volunteer", _("Frivillig"), yes_no),
        Column("household_id", _("Husstand-ID")),
        Column("id", _("ID")),
    ]


def record(row: ParticipantListRow) -> dict[str, object]:
    """The JSON object of one participant; its keys are documented in docs/cli.md."""
    return {
        "id": row.id,
        "name": row.name,
        "birth_year": row.birth_year,
        "age_band": row.age_band,
        "gender": row.gender,
        "languages": list(row.languages),
        "interests": list(row.interests),
        "household_id": row.household_id,
        "household_name": row.household_name,
        "district": row.district,
        "postcode": row.postcode,
        "is_volunteer": row.is_volunteer,
    }


def run(args: argparse.Namespace) -> int:
    from app.services.participant_register import list_participants

    db = open_database(args)
    try:
        rows = list_participants(db, search=args.search)
    finally:
        db.close()
    write_output(render([record(r) for r in rows], columns(), args.format), args.out)
    return 0
