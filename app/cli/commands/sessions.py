"""`dugnad sessions`: sessions between two dates, with staffing and attendance."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from app.cli.commands.activities import yes_no
from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options, date_argument
from app.errors import DugnadError, NotFound
from app.i18n import _
from app.i18n.formatting import format_date, format_number, format_time
from app.services.codes import WEEKDAYS, label

if TYPE_CHECKING:
    from app.services.sessions import SessionRow

ATTENDANCE_KEYS = ("volunteers", "volunteer_hours", "registered", "headcount")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "sessions",
        help=_("list øktene mellom to datoer"),
        description=_(
            "Lister øktene fra og med én dato til og med en annen, sortert på dato og tid, med "
            "bemanning og oppmøte."
        ),
    )
    parser.add_argument(
        "--from", dest="start", metavar=_("DATO"), type=date_argument, required=True,
        help=_("første dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)"),
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="end", metavar=_("DATO"), type=date_argument, required=True,
        help=_("siste dato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD)"),
    )  # fmt: skip
    parser.add_argument(
        "--activity", metavar=_("ID"), action="append", default=[],
        help=_("vis bare øktene til aktiviteten med denne ID-en (kan gjentas)"),
    )  # fmt: skip
    add_format_options(parser, ("table", "csv", "json"))
    parser.set_defaults(handler=run)


def _weekday(day: dt.date) -> str:
    return label(WEEKDAYS, list(WEEKDAYS)[day.weekday()])


def _hours(value: float) -> str:
    return format_number(value, 1)


def columns() -> list[Column]:
    """CSV columns, in order: the JSON keys with `attendance` flattened to `attendance_*`."""
    return [
        Column("date", _("Dato"), format_date),
        Column("start", _("Start"), format_time),
        Column("end", _("Slutt"), format_time),
        Column("activity", _("Aktivitet")),
        Column("place", _("Sted")),
        Column("cancelled", _("Avlyst"), yes_no),
        Column("cancel_reason", _("Grunn")),
        Column("volunteers_needed", _("Trengs"), format_number),
        Column("volunteers_assigned", _("På vaktliste"), format_number),
        Column("understaffed", _("For få"), yes_no),
        Column("attendance_recorded", _("Oppmøte ført"), yes_no),
        Column("attendance_volunteers", _("Frivillige"), format_number),
        Column("attendance_volunteer_hours", _("Timer"), _hours),
        Column("attendance_registered", _("Registrerte"), format_number),
        Column("attendance_headcount", _("Antall frammøtte"), format_number),
        Column("activity_id", _("Aktivitets-ID")),
        Column("id", _("ID")),
    ]


def table_columns() -> list[Column]:
    """What a person reads: the weekday beside the date, no activity ID."""
    shown = [c for c in columns() if c.key != "activity_id"]
    return [Column("date", _("Dag"), _weekday), *shown]


def record(row: SessionRow) -> dict[str, object]:
    """The JSON object of one session; its keys are documented in docs/cli.md."""
    return {
        "id": row.id,
        "activity": row.activity,
        "activity_id": row.activity_id,
        "date": row.date,
        "start": row.start,
        "end": row.end,
        "place": row.place,
        "cancelled": row.cancelled,
        "cancel_reason": row.cancel_reason,
        "volunteers_needed": row.volunteers_needed,
        "volunteers_assigned": row.volunteers_assigned,
        "understaffed": row.understaffed,
        "attendance_recorded": row.attendance_recorded,
        "attendance": {
            "volunteers": row.attendance.volunteers,
            "volunteer_hours": row.attendance.volunteer_hours,
            "registered": row.attendance.registered,
            "headcount": row.attendance.headcount,
        },
    }


def flat_record(row: SessionRow) -> dict[str, object]:
    """The record for CSV and the table: `attendance` spread over `attendance_*` keys."""
    data = record(row)
    attendance = data.pop("attendance")
    assert isinstance(attendance, dict)
    data.update({f"attendance_{key}": attendance[key] for key in ATTENDANCE_KEYS})
    return data


def table_record(row: SessionRow) -> dict[str, object]:
    """For reading: attendance cells stay empty until attendance has been entered."""
    data = flat_record(row)
    if not row.attendance_recorded:
        data.update(dict.fromkeys(f"attendance_{key}" for key in ATTENDANCE_KEYS))
    return data


def run(args: argparse.Namespace) -> int:
    from app.services.activities import list_activities
    from app.services.sessions import list_sessions

    if args.end < args.start:
        raise DugnadError(
            _("Til-datoen ({end}) er før fra-datoen ({start}).").format(
                end=format_date(args.end), start=format_date(args.start)
            )
        )
    wanted = list(dict.fromkeys(a.strip() for a in args.activity))
    db = open_database(args)
    try:
        if wanted:
            known = {a.id for a in list_activities(db)}
            for activity_id in wanted:
                if activity_id not in known:
                    raise NotFound(_("Fant ingen aktivitet med ID {id}.").format(id=activity_id))
        rows = list_sessions(db, args.start, args.end, wanted or None)
    finally:
        db.close()
    if args.format == "json":
        text = render([record(r) for r in rows], [], "json")
    elif args.format == "csv":
        text = render([flat_record(r) for r in rows], columns(), "csv")
    else:
        text = render([table_record(r) for r in rows], table_columns(), "table")
    write_output(text, args.out)
    return 0
