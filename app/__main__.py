"""`dugnad` / `python -m app`: the command line, or the GUI when no command is given."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    # Starting allocates many long-lived objects (ORM mappings, Qt wrappers) and the cycle
    # collector would walk them again and again for nothing; it is switched back on once the
    # command runs or the window is shown (`startup_done`).
    gc.disable()
    from app.cli import main as cli_main

    return cli_main(sys.argv[1:] if argv is None else argv)


def startup_done() -> None:
    """Turn the cycle collector back on, leaving the objects made while starting out of it."""
    gc.freeze()
    gc.enable()


if __name__ == "__main__":
    sys.exit(main())
