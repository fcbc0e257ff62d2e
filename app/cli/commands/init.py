"""`dugnad init`: create a database, or update the centre's settings in an existing one."""

from __future__ import annotations

import argparse
import sys

from app.cli.database import open_database
from app.errors import ValidationFailed
from app.i18n import _
from app.paths import default_database_path


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "init",
        help=_("opprett databasen eller endre sentralens innstillinger"),
        description=_("Oppretter en ny database, eller endrer innstillingene i en som finnes."),
    )
    parser.add_argument("--centre", metavar=_("NAVN"), help=_("navnet på frivilligsentralen"))
    parser.add_argument("--orgnr", metavar=_("NUMMER"), help=_("organisasjonsnummer (ni sifre)"))
    parser.add_argument("--municipality", metavar=_("NAVN"), help=_("kommunen"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.services.centre import update_centre, validate_centre_changes

    changes = {"name": args.centre, "orgnr": args.orgnr, "municipality": args.municipality}
    # Check the arguments before touching the file, so a typo leaves nothing behind.
    errors = validate_centre_changes(changes)
    if errors:
        raise ValidationFailed(errors)
    existed = (args.db or default_database_path()).exists()
    db = open_database(args, create=True)
    try:
        info = update_centre(db, **changes)
    finally:
        db.close()
    message = (
        _("Oppdaterte {path}: {centre}") if existed else _("Opprettet {path}: {centre}")
    ).format(path=db.path, centre=info.name or _("(sentralen har ikke fått navn ennå)"))
    sys.stdout.write(message + "\n")
    return 0
