"""`dugnad print interests [--lang CODE] --out FILE.pdf`: the interest form.

A form a newcomer fills in with a pen: name and phone (optional), languages, how much Norwegian,
tick boxes for the centre's activity types (and partner offers, when a register of them
exists), when it suits them, and free lines. Bokmål, with the participant's language under each
text when `--lang` names one.
"""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_document_language, add_out, write_pdf
from app.i18n import _


def register(documents: argparse._SubParsersAction) -> None:
    parser = documents.add_parser(
        "interests",
        help=_("interesseskjema: nye deltakere krysser av for det de vil være med på"),
        description=_(
            "Skriver interesseskjemaet som PDF: navn og telefon (frivillig), språk, hvor godt "
            "personen snakker norsk, avkrysning for sentralens aktivitetstyper, når det passer, "
            "og linjer for egne ønsker."
        ),
    )
    add_document_language(parser)
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the services are needed by this command only.
    from app.reports.interest_form import render_interest_form
    from app.services.print_offers import interest_form

    db = open_database(args)
    try:
        form = interest_form(db)
    finally:
        db.close()
    return write_pdf(
        args,
        lambda out: render_interest_form(form, out, language=args.document_language),
        _("interesseskjemaet"),
    )
