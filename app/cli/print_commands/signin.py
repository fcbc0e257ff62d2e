"""`dugnad print signin --session ID [--lang CODE] --out FILE.pdf`: a session's sign-in sheet.

The session's ID is the `id` that `dugnad sessions --format json` lists. The sheet is in Bokmål,
with the participants' language under each text when `--lang` names one; an unknown session is a
plain message and exit 2, an unknown language argparse's own message and exit 2.
"""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_document_language, add_out, write_pdf
from app.i18n import _
from app.i18n.formatting import format_date


def register(documents: argparse._SubParsersAction) -> None:
    parser = documents.add_parser(
        "signin",
        help=_("oppmøteliste for en økt, til å fylle ut med penn"),
        description=_(
            "Skriver oppmøtelisten for en økt som PDF, i samme rekkefølge som oppmøteskjermen: "
            "frivillige med kryss og timer, påmeldte deltakere med kryss, tomme linjer for nye "
            "deltakere og ruter for antall frammøtte etter kjønn og alder."
        ),
    )
    parser.add_argument(
        "--session", metavar=_("ID"), required=True,
        help=_("øktens ID (se dugnad sessions --format json)"),
    )  # fmt: skip
    add_document_language(parser)
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the services are needed by this command only.
    from app.reports.signin_sheet import render_signin_sheet
    from app.services.print_signin import get_signin_sheet

    db = open_database(args)
    try:
        sheet = get_signin_sheet(db, args.session.strip())  # NotFound: exit 2
    finally:
        db.close()
    what = _("oppmøtelisten for {activity} {date}").format(
        activity=sheet.activity, date=format_date(sheet.date)
    )
    return write_pdf(
        args, lambda out: render_signin_sheet(sheet, out, args.document_language), what
    )
