"""`dugnad demo`: fill the database with realistic, deterministic demo data."""

from __future__ import annotations

import argparse
import sys

from app.cli.database import open_database
from app.i18n import _
from app.services.demo_names import SIZES


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "demo",
        help=_("fyll databasen med demodata"),
        description=_(
            "Fyller databasen med realistiske demodata (samme frø gir samme data). "
            "Nekter hvis databasen allerede har personer, med mindre --force er gitt."
        ),
    )
    parser.add_argument(
        "--size",
        choices=tuple(SIZES),
        default="small",
        help=_("small: ca. 150 frivillige, large: 2 000 frivillige (ytelsesdata)"),
    )
    parser.add_argument("--seed", type=int, default=1, help=_("frø for tilfeldige data"))
    parser.add_argument(
        "--force", action="store_true", help=_("erstatt alt innhold i databasen med demodata")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.services.demo import fill_demo

    db = open_database(args, create=True)
    try:
        count = fill_demo(db, size=args.size, seed=args.seed, force=args.force)
    finally:
        db.close()
    sys.stdout.write(
        _("La inn demodata med {count} frivillige i {path}.").format(count=count, path=db.path)
        + "\n"
    )
    return 0
