"""`dugnad volunteers`: list and search the volunteer register."""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options
from app.errors import DugnadError
from app.i18n import _
from app.i18n.formatting import format_date
from app.services.codes import GENDERS, VOLUNTEER_STATUSES, label
from app.services.languages import is_known, language_name
from app.services.phones import format_phone
from app.services.volunteer_list import VolunteerRow, list_volunteers


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "volunteers",
        help=_("list og søk i frivilligregisteret"),
        description=_(
            "Lister frivillige, sortert på navn. Søket finner navn, telefon, e-post, språk og "
            "ferdigheter, uten hensyn til store og små bokstaver (også æøå)."
        ),
    )
    parser.add_argument("--search", metavar=_("TEKST"), help=_("vis bare treff på TEKST"))
    parser.add_argument(
        "--status", choices=tuple(VOLUNTEER_STATUSES), help=_("vis bare frivillige med status")
    )
    parser.add_argument(
        "--language", metavar=_("KODE"), help=_("vis bare frivillige som snakker språket (ISO 639)")
    )
    add_format_options(parser, ("table", "csv", "json"))
    parser.set_defaults(handler=run)


def columns() -> list[Column]:
    def languages(codes: list[str]) -> str:
        return ", ".join(language_name(c) for c in codes)

    return [
        Column("name", _("Navn")),
        Column("phone", _("Telefon"), format_phone),
        Column("email", _("E-post")),
        Column("status", _("Status"), lambda c: label(VOLUNTEER_STATUSES, c)),
        Column("languages", _("Språk"), languages),
        Column("birth_year", _("Fødselsår")),
        Column("gender", _("Kjønn"), lambda c: label(GENDERS, c)),
        Column("place", _("Sted")),
        Column("skills", _("Ferdigheter"), ", ".join),
        Column("start_date", _("Startet"), format_date),
        Column("status_date", _("Statusdato"), format_date),
        Column("id", _("ID")),
    ]


def record(row: VolunteerRow) -> dict[str, object]:
    """The JSON object of one volunteer; its keys are documented in docs/cli.md."""
    return {
        "id": row.id,
        "name": row.name,
        "phone": row.phone,
        "email": row.email,
        "status": row.status,
        "languages": list(row.languages),
        "birth_year": row.birth_year,
        "gender": row.gender,
        "place": row.place,
        "skills": list(row.skills),
        "start_date": row.start_date,
        "status_date": row.status_date,
    }


def run(args: argparse.Namespace) -> int:
    if args.language and not is_known(args.language):
        raise DugnadError(
            _("Ukjent språkkode «{code}». Bruk ISO 639-koder som no, ar, uk eller prs.").format(
                code=args.language
            )
        )
    db = open_database(args)
    try:
        rows = list_volunteers(db, search=args.search, status=args.status, language=args.language)
    finally:
        db.close()
    write_output(render([record(r) for r in rows], columns(), args.format), args.out)
    return 0
