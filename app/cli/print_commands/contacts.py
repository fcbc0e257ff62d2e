"""`dugnad print contacts`: the kontaktliste of an activity's team as a PDF (marked Fortrolig)."""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_out, write_pdf
from app.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "contacts",
        help=_("kontaktliste for teamet til en aktivitet (PDF, fortrolig)"),
        description=_(
            "Skriver kontaktlisten til en aktivitet som PDF: de frivillige i teamet med rolle, "
            "telefon og e-post. Listen er merket «Fortrolig», fordi den inneholder "
            "personopplysninger."
        ),
    )
    parser.add_argument(
        "--activity", metavar=_("ID"), required=True, help=_("aktivitetens ID"),
    )  # fmt: skip
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: the GUI's start must not import reportlab or these services.
    from app.reports.contact_list import render_contact_list
    from app.services.print_rosters import contact_list

    db = open_database(args)
    try:
        printout = contact_list(db, args.activity.strip())  # NotFound: exit 2
    finally:
        db.close()
    return write_pdf(args, lambda target: render_contact_list(printout, target), _("kontaktlisten"))
