"""One module per command; each has `register(subparsers)` that sets `handler`."""

from __future__ import annotations

from app.cli.commands import (
    activities,
    certificates,
    check,
    demo,
    gui,
    init,
    sessions,
    volunteers,
)

COMMANDS = (init, demo, volunteers, activities, sessions, certificates, check, gui)
