"""`dugnad print roster`: the vaktliste of a period, for one activity or all, as a PDF."""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.parser import date_argument
from app.cli.print_commands.common import add_out, write_pdf
from app.errors import DugnadError
from app.i18n import _
from app.i18n.formatting import format_date


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "roster",
        help=_("vaktliste for en periode (PDF)"),
        description=_(
            "Skriver vaktlisten for en periode som PDF: øktene med dato, tid og sted, de "
            "frivillige og rollene deres, og om de har bekreftet. Økter med for få frivillige "
            "er merket, avlyste økter står som avlyst. Uten --activity kommer alle aktivitetene "
            "med, hver for seg."
        ),
    )
    parser.add_argument(
        "--from", dest="start", metavar=_("DATO"), type=date_argument, required=True,
        help=_("første dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)"),
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="end", metavar=_("DATO"), type=date_argument, required=True,
        help=_("siste dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)"),
    )  # fmt: skip
    parser.add_argument(
        "--activity", metavar=_("ID"),
        help=_("bare aktiviteten med denne ID-en (standard: alle aktivitetene)"),
    )  # fmt: skip
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: the GUI's start must not import reportlab or these services.
    from app.reports.roster import render_roster
    from app.services.print_rosters import roster_printout

    if args.end < args.start:
        raise DugnadError(
            _("Til-datoen ({end}) er før fra-datoen ({start}).").format(
                end=format_date(args.end), start=format_date(args.start)
            )
        )
    activity_id = args.activity.strip() if args.activity else None
    db = open_database(args)
    try:
        roster = roster_printout(db, args.start, args.end, activity_id)  # NotFound: exit 2
    finally:
        db.close()
    return write_pdf(args, lambda target: render_roster(roster, target), _("vaktlisten"))
