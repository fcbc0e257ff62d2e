"""One module per command; each has `register(subparsers)` that sets `handler`."""

from __future__ import annotations

from app.cli.commands import check, demo, gui, init, volunteers

COMMANDS = (init, demo, volunteers, check, gui)
