"""`dugnad check`: integrity, foreign keys and schema version of the database."""

from __future__ import annotations

import argparse
import sys

from app.cli.database import open_database
from app.errors import EXIT_DATA_PROBLEM, EXIT_OK
from app.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help=_("kontroller at databasen er hel"),
        description=_(
            "Kjører SQLites integritetskontroll og fremmednøkkelkontroll og sjekker "
            "skjemaversjonen. Avslutter med 1 hvis noe er galt."
        ),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.services.check import check_database

    db = open_database(args)
    try:
        result = check_database(db)
    finally:
        db.close()
    if result.ok:
        sys.stdout.write(
            _("Databasen {path} er i orden (skjemaversjon {revision}).").format(
                path=db.path, revision=result.revision
            )
            + "\n"
        )
        return EXIT_OK
    for problem in result.problems:
        sys.stdout.write(problem + "\n")
    sys.stderr.write(
        _("Fant {n} problem(er) i {path}.").format(n=len(result.problems), path=db.path) + "\n"
    )
    return EXIT_DATA_PROBLEM
