"""argparse, speaking the user's language and exiting 2 with a plain message on bad arguments."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import NoReturn

from app.cli import argparse_messages
from app.errors import EXIT_CANNOT_RUN
from app.i18n import _
from app.i18n.formatting import parse_date

argparse_messages.install()


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one plain line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(_("Feil: {message}").format(message=message) + "\n")
        sys.exit(EXIT_CANNOT_RUN)


def date_argument(text: str) -> dt.date:
    """An argparse type for dates written DD.MM.YYYY or YYYY-MM-DD."""
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("«{value}» er ikke en dato. Skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.").format(value=text)
        ) from None


def add_format_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    """The shared `--format` and `--out` options of every listing command."""
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help=_("utformat (standard: {default})").format(default=formats[0]),
    )
    parser.add_argument(
        "--out", metavar=_("FIL"), default="-", help=_("skriv til FIL (- for standard ut)")
    )
