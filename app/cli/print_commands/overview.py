"""`dugnad print overview [--lang CODE] [--by type|weekday] --out FILE.pdf`: the activity
overview, the leaflet of what the centre offers.

Every running activity (not ended, with a weekly time or planned dates) with days, times, place,
target group, languages and contact, and the centre's contact details. Bokmål, with the
participants' language under each text when `--lang` names one.
"""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_document_language, add_out, write_pdf
from app.i18n import _

GROUPINGS = ("type", "weekday")


def register(documents: argparse._SubParsersAction) -> None:
    parser = documents.add_parser(
        "overview",
        help=_("aktivitetsoversikt: det sentralen tilbyr, til nye deltakere og kommunen"),
        description=_(
            "Skriver aktivitetsoversikten som PDF: alle aktiviteter som går nå, med dager, "
            "tider, sted og adresse, målgruppe, språk og kontaktperson, og sentralens "
            "kontaktopplysninger."
        ),
    )
    add_document_language(parser)
    parser.add_argument(
        "--by", choices=GROUPINGS, default="type",
        help=_("grupper etter aktivitetstype (type, standard) eller ukedag (weekday)"),
    )  # fmt: skip
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the services are needed by this command only.
    from app.reports.activity_overview import render_activity_overview
    from app.services.print_offers import activity_overview

    db = open_database(args)
    try:
        overview = activity_overview(db)
    finally:
        db.close()
    return write_pdf(
        args,
        lambda out: render_activity_overview(
            overview, out, language=args.document_language, group_by=args.by
        ),
        _("aktivitetsoversikten"),
    )
