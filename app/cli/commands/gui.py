"""`dugnad gui`: start the window (also what `dugnad` with no command does)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.i18n import _
from app.views.sections import VIEWS


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "gui",
        help=_("start vinduet"),
        description=_(
            "Starter Dugnad-vinduet. Med --smoke-test startes og lukkes det av seg selv."
        ),
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_("vis vinduet med data lastet, og avslutt (for CI og installasjonskontroll)"),
    )
    parser.add_argument(
        "--screenshot", metavar=_("FIL.png"), type=Path, help=_("lagre et skjermbilde av vinduet")
    )
    parser.add_argument("--view", choices=VIEWS, help=_("delen av vinduet som skal vises"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from app.views.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(
        args.db,
        args.lang,
        smoke_test=args.smoke_test,
        screenshot=args.screenshot,
        view=args.view,
    )
