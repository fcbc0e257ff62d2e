"""The window's sections by name, in navigation order, without Qt: `dugnad gui --view NAME`
checks its argument against this list before any window (or Qt) is started."""

from __future__ import annotations

VIEWS: tuple[str, ...] = (
    "home",
    "week",
    "activities",
    "volunteers",
    "participants",
    "pairings",
    "certificates",
    "onboarding",
    "settings",
)
