"""`dugnad print agreement --pairing ID --out FILE.pdf`: the agreement of a pairing (avtale).

A pairing still waiting for a volunteer has nobody to sign: refused with a plain message and exit
2, as `dugnad certificates letter` refuses a volunteer without a role (the command could not make
the document; exit 1 is for commands that check data and report problems).
"""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_out, write_pdf
from app.i18n import _


def register(documents: argparse._SubParsersAction) -> None:
    parser = documents.add_parser(
        "agreement",
        help=_("avtalen for en kobling, til å skrive under (PDF)"),
        description=_(
            "Skriver avtalen for en kobling som PDF: programmet, de frivillige og deltakeren "
            "eller familien (barn bare med fødselsår), startdato, forventet kontakt, varighet, "
            "oppfølgingen, taushetserklæringen og linjer for underskrift. En kobling som venter "
            "på en frivillig har ingen avtale ennå."
        ),
    )
    parser.add_argument(
        "--pairing", metavar=_("ID"), required=True, help=_("koblingens ID"),
    )  # fmt: skip
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the services are needed by this command only.
    from app.reports.pairing_agreement import render_pairing_agreement
    from app.services.print_people import pairing_agreement

    db = open_database(args)
    try:
        agreement = pairing_agreement(db, args.pairing)  # NotFound, waiting: exit 2
    finally:
        db.close()
    what = _("avtalen for {seeker}").format(seeker=agreement.seeker_name)
    return write_pdf(args, lambda out: render_pairing_agreement(agreement, out), what)
