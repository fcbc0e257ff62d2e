"""The headless commands: `dugnad [--db PATH] [--lang nb|nn|en] COMMAND ...`.

Conventions every command keeps (docs/cli.md is the contract): global options before the command,
record UUIDs as IDs, dates as DD.MM.YYYY or YYYY-MM-DD, `--format table|csv|json` and `--out`,
English ASCII codes in JSON, and exit codes 0 (done), 1 (data problems found or refused) and
2 (could not run). Messages are plain Norwegian (or the `--lang` chosen); never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from app import __version__
from app.cli.commands import COMMANDS
from app.cli.parser import Parser
from app.errors import EXIT_CANNOT_RUN, DugnadError
from app.i18n import LANGUAGES, _, set_language


def _language_from(argv: list[str]) -> str | None:
    """Find the global `--lang X` before parsing, so that argparse's own errors speak X too.

    Only options before the command count: after it, `--lang` is the command's own (the language
    a printout is made in, e.g. `print signin --lang ar`).
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang":
            return argv[i + 1] if i + 1 < len(argv) else None
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if not arg.startswith("-"):
            return None  # the command
        i += 2 if arg == "--db" else 1
    return None


def build_parser() -> Parser:
    parser = Parser(
        prog="dugnad",
        description=_("Dugnad: registeret og rapportene til frivilligsentralen."),
        epilog=_("Uten kommando starter Dugnad vinduet. Se docs/cli.md for alle kommandoer."),
    )
    parser.add_argument(
        "--db", metavar=_("FIL"), type=Path, help=_("databasefilen (standard: din datamappe)")
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=_("språk for meldinger og tabeller"))
    parser.add_argument("--version", action="version", version=f"Dugnad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar=_("KOMMANDO"), parser_class=Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def _log_crash() -> Path | None:
    """Keep the traceback of an unexpected error in a file for the developers, not on screen."""
    try:
        from app.paths import data_dir

        log = data_dir() / "dugnad-feil.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return log
    except OSError:
        return None


def main(argv: list[str]) -> int:
    language = _language_from(argv)
    set_language(language if language in LANGUAGES else "nb")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        args = parser.parse_args([*argv, "gui"])
    if args.command != "gui":  # the window turns it on itself once it is shown
        from app.__main__ import startup_done

        startup_done()
    try:
        return int(args.handler(args) or 0)
    except DugnadError as exc:
        sys.stderr.write(exc.message + "\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(_("Avbrutt.") + "\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception:  # noqa: BLE001 - the promise is: never a traceback on screen
        log = _log_crash()
        message = _("Noe gikk galt i Dugnad. Ingenting er lagret halvveis.")
        if log:
            message += " " + _("Detaljer er skrevet til {path}.").format(path=log)
        sys.stderr.write(message + "\n")
        return EXIT_CANNOT_RUN


__all__ = ["main", "build_parser", "argparse"]
