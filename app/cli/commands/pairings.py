"""`dugnad pairings`: the pairings (flyktningguide, vennefamilie) by state, with follow-ups due."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.commands.activities import yes_no
from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.codes import PAIRING_STATUSES, label

if TYPE_CHECKING:
    from app.services.pairings import PairingRow


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "pairings",
        help=_("list koblingene: ventende, foreslåtte, aktive og avsluttede"),
        description=_(
            "Lister koblingene (flyktningguide, vennefamilie) etter status, den som har ventet "
            "lengst først, med neste oppfølging og om den er forfalt."
        ),
    )
    parser.add_argument(
        "--status", choices=tuple(PAIRING_STATUSES), help=_("vis bare koblinger med denne statusen")
    )
    parser.add_argument(
        "--programme", metavar=_("NAVN"),
        help=_("vis bare koblingene i programmet med dette navnet (eller ID-en)"),
    )  # fmt: skip
    add_format_options(parser, ("table", "csv", "json"))
    parser.set_defaults(handler=run)


def _names(names: list[str]) -> str:
    return ", ".join(names)


def columns() -> list[Column]:
    """CSV columns, in order: every JSON key."""
    return [
        Column("status", _("Status"), lambda c: label(PAIRING_STATUSES, c)),
        Column("programme", _("Program")),
        Column("seeker_name", _("Deltaker/husstand")),
        Column("volunteer_names", _("Frivillige"), _names),
        Column("referred_on", _("Henvist"), format_date),
        Column("days_waiting", _("Dager ventet"), format_number),
        Column("start", _("Start"), format_date),
        Column("end", _("Slutt"), format_date),
        Column("next_follow_up", _("Neste oppfølging"), format_date),
        Column("overdue", _("Forfalt"), yes_no),
        Column("participant_id", _("Deltaker-ID")),
        Column("household_id", _("Husstand-ID")),
        Column("volunteer_ids", _("Frivillig-ID-er"), _names),
        Column("programme_id", _("Program-ID")),
        Column("id", _("ID")),
    ]


def table_columns() -> list[Column]:
    """What a person reads: names and dates, the pairing's ID last, no other IDs."""
    hidden = {"participant_id", "household_id", "volunteer_ids", "programme_id"}
    return [c for c in columns() if c.key not in hidden]


def record(row: PairingRow) -> dict[str, object]:
    """The JSON object of one pairing; its keys are documented in docs/cli.md."""
    return {
        "id": row.id,
        "programme": row.programme,
        "programme_id": row.programme_id,
        "status": row.status,
        "volunteer_ids": list(row.volunteer_ids),
        "volunteer_names": list(row.volunteer_names),
        "participant_id": row.participant_id,
        "household_id": row.household_id,
        "seeker_name": row.seeker_name,
        "referred_on": row.referred_on,
        "days_waiting": row.days_waiting,
        "start": row.start,
        "end": row.end,
        "next_follow_up": row.next_follow_up,
        "overdue": row.overdue,
    }


def run(args: argparse.Namespace) -> int:
    from app.services.pairings import list_pairings

    db = open_database(args)
    try:
        rows = list_pairings(db, status=args.status, programme=args.programme)
    finally:
        db.close()
    shown = table_columns() if args.format == "table" else columns()
    write_output(render([record(r) for r in rows], shown, args.format), args.out)
    return 0
