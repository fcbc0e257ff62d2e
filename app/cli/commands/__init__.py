"""One module per command; each has `register(subparsers)` that sets `handler`.

A command imports its services inside its handler, not at the top of its module: every command
is registered on every start, and starting the window must not wait for SQLAlchemy and the
services of commands that are not run.
"""

from __future__ import annotations

from app.cli.commands import (
    activities,
    certificates,
    check,
    demo,
    gui,
    init,
    match,
    pairings,
    participants,
    printouts,
    sessions,
    volunteers,
)

COMMANDS = (
    init,
    demo,
    volunteers,
    participants,
    pairings,
    match,
    activities,
    sessions,
    certificates,
    printouts,
    check,
    gui,
)
