"""`dugnad print DOCUMENT ...`: the printouts as PDF files, headless (see docs/cli.md)."""

from __future__ import annotations

import argparse
import importlib

from app.cli.parser import Parser
from app.i18n import _

# Each printout's module in app/cli/print_commands, in the order `--help` lists them.
DOCUMENTS = (
    "roster",
    "signin",
    "contacts",
    "overview",
    "agreement",
    "attest",
    "consent",
    "interests",
)


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
    for name in DOCUMENTS:
        try:
            module = importlib.import_module(f"app.cli.print_commands.{name}")
        except ModuleNotFoundError as exc:  # while the printouts are being built
            if exc.name != f"app.cli.print_commands.{name}":
                raise
            continue
        module.register(documents)
