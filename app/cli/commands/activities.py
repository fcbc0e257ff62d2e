"""`dugnad activities`: the activities the centre runs, with type, place, groups and schedule."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options
from app.i18n import _
from app.i18n.formatting import format_date, format_number
from app.services.codes import COUNTING, REPORTING_CATEGORIES, TARGET_GROUPS, label
from app.services.languages import language_name

if TYPE_CHECKING:
    from app.services.activities import ActivityRow


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "activities",
        help=_("list aktivitetene til sentralen"),
        description=_(
            "Lister aktivitetene, sortert på navn, med type, sted, målgrupper, tidsplan og om "
            "frivillige trenger politiattest."
        ),
    )
    add_format_options(parser, ("table", "csv", "json"))
    parser.set_defaults(handler=run)


def yes_no(value: bool) -> str:
    return _("ja") if value else _("nei")


def columns() -> list[Column]:
    def groups(codes: list[str]) -> str:
        return ", ".join(label(TARGET_GROUPS, c) for c in codes)

    def languages(codes: list[str]) -> str:
        return ", ".join(language_name(c) for c in codes)

    return [
        Column("name", _("Navn")),
        Column("type", _("Type")),
        Column("type_name", _("Type")),
        Column("reporting_category", _("Rapportkategori"),
               lambda c: label(REPORTING_CATEGORIES, c)),
        Column("place", _("Sted")),
        Column("target_groups", _("Målgrupper"), groups),
        Column("schedule", _("Tidsplan")),
        Column("requires_certificate", _("Politiattest"), yes_no),
        Column("counting", _("Telling"), lambda c: label(COUNTING, c)),
        Column("languages", _("Språk"), languages),
        Column("capacity", _("Plasser"), format_number),
        Column("volunteers_needed", _("Frivillige per økt"), format_number),
        Column("start_date", _("Start"), format_date),
        Column("end_date", _("Slutt"), format_date),
        Column("id", _("ID")),
    ]  # fmt: skip


def table_columns() -> list[Column]:
    """What a person reads: the type's name (not its code), without the reporting category."""
    return [c for c in columns() if c.key not in ("type", "reporting_category")]


def record(row: ActivityRow) -> dict[str, object]:
    """The JSON object of one activity; its keys are documented in docs/cli.md."""
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type_code,
        "type_name": row.type_name,
        "reporting_category": row.reporting_category,
        "place": row.place,
        "target_groups": list(row.target_groups),
        "languages": list(row.languages),
        "requires_certificate": row.requires_certificate,
        "counting": row.counting,
        "capacity": row.capacity,
        "volunteers_needed": row.volunteers_needed,
        "start_date": row.start_date,
        "end_date": row.end_date,
        "schedule": row.schedule,
    }


def run(args: argparse.Namespace) -> int:
    from app.services.activities import list_activities

    db = open_database(args)
    try:
        rows = list_activities(db)
    finally:
        db.close()
    shown = table_columns() if args.format == "table" else columns()
    write_output(render([record(r) for r in rows], shown, args.format), args.out)
    return 0
