"""`dugnad match`: the volunteers who may be paired with a household or participant, best first.

The same ranking as the matching screen: only volunteers who break no hard rule (status, room
for another pairing, onboarding, police certificate, age, a stated gender wish), scored 0-100
with the reasons in plain words.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options
from app.i18n import _
from app.i18n.formatting import format_number

if TYPE_CHECKING:
    from app.services.matching_rules import Match


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("«{value}» er ikke et antall (et helt tall, 1 eller mer).").format(value=text)
        )
    return value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "match",
        help=_("foreslå frivillige til en husstand eller deltaker som venter"),
        description=_(
            "Lister de frivillige som kan kobles med husstanden eller deltakeren, best egnet "
            "først, med poeng fra 0 til 100 og begrunnelsen. Frivillige som bryter en absolutt "
            "regel (status, kapasitet, opplæring, politiattest, alder, ønsket kjønn) er ikke med."
        ),
    )
    seeker = parser.add_mutually_exclusive_group(required=True)
    seeker.add_argument("--household", metavar=_("ID"), help=_("husstandens ID"))
    seeker.add_argument("--participant", metavar=_("ID"), help=_("deltakerens ID"))
    parser.add_argument(
        "--programme", metavar=_("NAVN"),
        help=_("programmet (navn eller ID); standard: det programmet de venter i"),
    )  # fmt: skip
    parser.add_argument(
        "--limit", metavar=_("N"), type=_limit, help=_("vis bare de N beste forslagene")
    )
    add_format_options(parser, ("table", "json"))
    parser.set_defaults(handler=run)


def columns() -> list[Column]:
    return [
        Column("score", _("Poeng"), format_number),
        Column("name", _("Navn")),
        Column("reasons", _("Hvorfor"), "; ".join),
        Column("volunteer_id", _("Frivillig-ID")),
    ]


def record(match: Match) -> dict[str, object]:
    """The JSON object of one suggestion; its keys are documented in docs/cli.md."""
    return {
        "volunteer_id": match.candidate.volunteer_id,
        "name": match.candidate.name,
        "score": match.score,
        "reasons": list(match.reasons),
        "active_pairings": match.candidate.active_pairings,
    }


def run(args: argparse.Namespace) -> int:
    from app.services.matching import rank_for_seeker

    db = open_database(args)
    try:
        matches = rank_for_seeker(
            db,
            household_id=args.household.strip() if args.household else None,
            participant_id=args.participant.strip() if args.participant else None,
            programme=args.programme,
            limit=args.limit,
        )
    finally:
        db.close()
    write_output(render([record(m) for m in matches], columns(), args.format), args.out)
    return 0
