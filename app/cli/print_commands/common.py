"""What every `dugnad print ...` subcommand shares: `--out FILE.pdf`, `--lang`, writing the file."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import BinaryIO

from app.cli.output import write_output
from app.i18n import _
from app.i18n.documents import DOCUMENT_LANGUAGES


def add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out", required=True, metavar=_("FIL.pdf"),
        help=_("PDF-filen som skal skrives (overskrives; - gir standard ut)"),
    )  # fmt: skip


def add_document_language(parser: argparse.ArgumentParser) -> None:
    """`--lang CODE`: the participant's language, printed under the Bokmål (Bokmål only without)."""
    parser.add_argument(
        "--lang", dest="document_language", choices=tuple(DOCUMENT_LANGUAGES),
        metavar=_("SPRÅK"),
        help=_("deltakerens språk i tillegg til bokmål: {codes}").format(
            codes=", ".join(DOCUMENT_LANGUAGES)),
    )  # fmt: skip


def write_pdf(args: argparse.Namespace, render: Callable[[BinaryIO], None], what: str) -> int:
    """Render into memory, then write `--out` at once: a failure leaves no half-written file."""
    buffer = io.BytesIO()
    render(buffer)
    write_output(buffer.getvalue(), args.out)
    if args.out != "-":
        sys.stdout.write(_("Skrev {what} til {path}.").format(what=what, path=args.out) + "\n")
    return 0
