"""`dugnad certificates`: the police certificate overview (politiattester).

`dugnad certificates [--status S] [--due-within DAYS]` lists the records; subcommands sit beside
the list: `dugnad certificates letter` writes the purpose confirmation (bekreftelse på formål) a
volunteer attaches to the application. With no subcommand the list runs, so the plain command
keeps its meaning when more subcommands are added.

The letter's date of birth is asked for on the command line, printed in the PDF and never stored:
it goes from the argument to the renderer and nowhere else.

Show, don't keep: the list carries dates, the state and who checked it, never anything from the
certificate itself (Dugnad stores nothing else).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
from typing import TYPE_CHECKING

from app.cli.commands.activities import yes_no
from app.cli.database import open_database
from app.cli.output import Column, render, write_output
from app.cli.parser import add_format_options, date_argument
from app.errors import DugnadError
from app.i18n import _, current_language
from app.i18n.formatting import format_date, format_number
from app.services.centre_info import get_centre
from app.services.codes import CERTIFICATE_STATUSES, label

if TYPE_CHECKING:
    from app.services.certificates import CertificateRow

LETTER_LANGUAGES = ("nb", "nn")
# The responsible person's title under the signature, in the letter's language.
MANAGER_TITLE = {"nb": "Daglig leder", "nn": "Dagleg leiar"}


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = -1
    if days < 0:
        raise argparse.ArgumentTypeError(
            _("«{value}» er ikke et antall dager (et helt tall, 0 eller mer).").format(value=text)
        )
    return days


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "certificates",
        help=_("list politiattestene: hvem som trenger, venter på eller må fornye"),
        description=_(
            "Lister politiattestene, sortert på navn: hvem som trenger en, hvem som er bedt om "
            "en og hvor lenge de har ventet, hvem som har vist en og når den må fornyes. Dugnad "
            "lagrer bare datoer, resultatet og hvem som sjekket attesten, aldri innholdet."
        ),
    )
    add_list_options(parser)
    parser.set_defaults(handler=run_list)
    # Subcommands sit beside the list; with none given, the list runs.
    commands = parser.add_subparsers(dest="certificates_command", metavar=_("UNDERKOMMANDO"),
                                     parser_class=type(parser))  # fmt: skip
    register_letter(commands)


def register_letter(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "letter",
        help=_("skriv bekreftelse på formål (PDF) til søknaden om politiattest"),
        description=_(
            "Skriver bekreftelsen på formål som den frivillige legger ved søknaden om "
            "politiattest, som PDF. Fødselsdatoen skrives bare i brevet og lagres aldri."
        ),
    )
    parser.add_argument(
        "--volunteer", metavar=_("ID"), required=True, help=_("den frivilliges ID"),
    )  # fmt: skip
    parser.add_argument(
        "--birth-date", metavar=_("DATO"), type=date_argument, required=True,
        help=_("den frivilliges fødselsdato (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD); lagres ikke"),
    )  # fmt: skip
    parser.add_argument(
        "--lang", dest="letter_lang", choices=LETTER_LANGUAGES, default=None,
        help=_("brevets målform: nb (bokmål) eller nn (nynorsk); standard: nb"),
    )  # fmt: skip
    parser.add_argument(
        "--out", metavar=_("FIL.pdf"), required=True, help=_("skriv PDF-en til FIL"),
    )  # fmt: skip
    parser.set_defaults(handler=run_letter)


def add_list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--status", choices=tuple(CERTIFICATE_STATUSES),
        help=_("vis bare attester med denne statusen"),
    )  # fmt: skip
    parser.add_argument(
        "--due-within", metavar=_("DAGER"), type=_days,
        help=_("vis bare attester som må fornyes innen DAGER dager (og de som er utløpt)"),
    )  # fmt: skip
    add_format_options(parser, ("table", "csv", "json"))


def columns() -> list[Column]:
    return [
        Column("name", _("Navn")),
        Column("role", _("Rolle")),
        Column("status", _("Status"), lambda c: label(CERTIFICATE_STATUSES, c)),
        Column("needed_since", _("Trengs fra"), format_date),
        Column("requested_on", _("Bedt om"), format_date),
        Column("days_waiting", _("Dager ventet"), format_number),
        Column("issued_on", _("Utstedt"), format_date),
        Column("shown_on", _("Vist"), format_date),
        Column("checked_by", _("Sjekket av")),
        Column("expires_on", _("Fornyes innen"), format_date),
        Column("expires_soon", _("Utløper snart"), yes_no),
        Column("volunteer_id", _("Frivillig-ID")),
        Column("id", _("ID")),
    ]


def table_columns() -> list[Column]:
    """What a person reads: no record ID (the volunteer's ID opens the volunteer)."""
    return [c for c in columns() if c.key != "id"]


def record(row: CertificateRow) -> dict[str, object]:
    """The JSON object of one certificate record; its keys are documented in docs/cli.md."""
    return {
        "id": row.id,
        "volunteer_id": row.volunteer_id,
        "name": row.name,
        "role": row.role or None,
        "status": row.status,
        "needed_since": row.needed_since,
        "requested_on": row.requested_on,
        "shown_on": row.shown_on,
        "issued_on": row.issued_on,
        "expires_on": row.expires_on,
        "checked_by": row.checked_by,
        "days_waiting": row.days_waiting,
        "expires_soon": row.expires_soon,
    }


def run_list(args: argparse.Namespace) -> int:
    from app.services.certificates import list_certificates

    db = open_database(args)
    try:
        rows = list_certificates(db, status=args.status, due_within=args.due_within)
    finally:
        db.close()
    shown = table_columns() if args.format == "table" else columns()
    write_output(render([record(r) for r in rows], shown, args.format), args.out)
    return 0


def run_letter(args: argparse.Namespace) -> int:
    # Imported here: reportlab is needed by this subcommand only.
    from app.reports.purpose_letter import PurposeLetter, render_purpose_letter
    from app.services.certificates import list_certificates
    from app.services.volunteers import get_volunteer

    today = dt.date.today()
    birth_date: dt.date = args.birth_date
    if birth_date > today:
        raise DugnadError(
            _("Fødselsdatoen {date} er i fremtiden.").format(date=format_date(birth_date))
        )
    language = args.letter_lang or ("nn" if current_language() == "nn" else "nb")
    volunteer_id = args.volunteer.strip()
    db = open_database(args)
    try:
        volunteer = get_volunteer(db, volunteer_id)  # NotFound: exit 2
        centre = get_centre(db)
        rows = [r for r in list_certificates(db, today=today) if r.volunteer_id == volunteer_id]
    finally:
        db.close()
    name = volunteer.input.name
    if not rows or not rows[0].role:
        raise DugnadError(
            _("{name} har ingen rolle som krever politiattest. Legg {name} til i teamet til en "
              "aktivitet som krever politiattest først.").format(name=name)
        )  # fmt: skip
    if not centre.manager_name.strip():
        raise DugnadError(
            _("Sentralen mangler navnet på daglig leder, som signerer brevet. Fyll det inn under "
              "Innstillinger.")
        )  # fmt: skip
    letter = PurposeLetter(
        centre_name=centre.name,
        centre_address=centre.address,
        centre_postcode_place=f"{centre.postcode} {centre.place}".strip(),
        orgnr=centre.orgnr,
        volunteer_name=name,
        birth_date=birth_date,
        role=rows[0].role,
        letter_date=today,
        responsible_name=centre.manager_name.strip(),
        responsible_title=MANAGER_TITLE[language],
        language=language,
        logo=centre.logo,
    )
    buffer = io.BytesIO()
    render_purpose_letter(letter, buffer)
    write_output(buffer.getvalue(), args.out)
    if args.out != "-":
        print(_("Skrev bekreftelse på formål for {name} til {path}.").format(
            name=name, path=args.out))  # fmt: skip
    return 0
