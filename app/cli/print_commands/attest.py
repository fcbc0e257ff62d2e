"""`dugnad print attest --volunteer ID --out FILE.pdf`: the attest for voluntary work.

The attest is signed by the centre's manager; without the manager's name in the settings it is
refused with a plain message and exit 2, as `dugnad certificates letter` is.
"""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_out, write_pdf
from app.i18n import _


def register(documents: argparse._SubParsersAction) -> None:
    parser = documents.add_parser(
        "attest",
        help=_("attest for frivillig innsats, til en jobbsøknad"),
        description=_(
            "Skriver en attest for frivillig innsats som PDF: den frivilliges periode, oppgaver "
            "og roller med datoer, timene til sammen, per oppgave og per år, og daglig leders "
            "underskrift. Ingen personlige opplysninger utover navnet."
        ),
    )
    parser.add_argument(
        "--volunteer", metavar=_("ID"), required=True, help=_("den frivilliges ID"),
    )  # fmt: skip
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the services are needed by this command only.
    from app.reports.volunteer_attest import render_volunteer_attest
    from app.services.print_people import volunteer_attest

    db = open_database(args)
    try:
        attest = volunteer_attest(db, args.volunteer)  # NotFound, no manager: exit 2
    finally:
        db.close()
    what = _("attesten for {name}").format(name=attest.volunteer_name)
    return write_pdf(args, lambda out: render_volunteer_attest(attest, out), what)
