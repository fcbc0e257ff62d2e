"""`dugnad print DOCUMENT ...`: the printouts as PDF files, headless (see docs/cli.md)."""

from __future__ import annotations

import argparse

from app.cli.parser import Parser
from app.cli.print_commands import (
    agreement,
    attest,
    consent,
    contacts,
    interests,
    overview,
    roster,
    signin,
)
from app.i18n import _

# Each printout's module in app/cli/print_commands, in the order `--help` lists them. The modules
# import their services and reportlab in their handlers, so registering them all stays cheap.
DOCUMENTS = (roster, signin, contacts, overview, agreement, attest, consent, interests)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "print",
        help=_("lag utskrifter som PDF"),
        description=_("Lager en utskrift som PDF: vaktliste, oppmøteliste, kontaktliste, "
                      "aktivitetsoversikt, avtale, attest, samtykke eller interesseskjema."),
    )  # fmt: skip
    documents = parser.add_subparsers(
        dest="document", metavar=_("UTSKRIFT"), parser_class=Parser, required=True
    )
    for module in DOCUMENTS:
        module.register(documents)
