"""`dugnad print consent [--lang CODE] --out FILE.pdf`: the consent and privacy form.

A blank form: what the centre stores about a participant, why, for how long, the participant's
rights, the centre's contact details, and a page to sign (by the person, or for a child under 18
by a parent, guardian or verge). Bokmål, with the participant's language under each text when
`--lang` names one.
"""

from __future__ import annotations

import argparse

from app.cli.database import open_database
from app.cli.print_commands.common import add_document_language, add_out, write_pdf
from app.i18n import _


def register(documents: argparse._SubParsersAction) -> None:
    parser = documents.add_parser(
        "consent",
        help=_("samtykkeskjema: hva sentralen lagrer om en deltaker, og linjer for underskrift"),
        description=_(
            "Skriver skjemaet for samtykke og personvern som PDF: hva sentralen lagrer om en "
            "deltaker, hvorfor og hvor lenge, deltakerens rettigheter, og en side som "
            "deltakeren (eller forelder, foresatt eller verge) skriver under på."
        ),
    )
    add_document_language(parser)
    add_out(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: reportlab and the services are needed by this command only.
    from app.reports.consent_form import render_consent_form
    from app.services.print_offers import consent_form

    db = open_database(args)
    try:
        form = consent_form(db)
    finally:
        db.close()
    return write_pdf(
        args,
        lambda out: render_consent_form(form, out, language=args.document_language),
        _("samtykkeskjemaet"),
    )
