"""Stable ASCII codes (JSON, CLI, database) and the words a user sees for them.

The codes never change once documented in docs/cli.md; the words are translated where shown.
"""

from __future__ import annotations

from app.i18n import N_, _

VOLUNTEER_STATUSES: dict[str, str] = {
    "active": N_("Aktiv"),
    "paused": N_("Pause"),
    "ended": N_("Sluttet"),
}

GENDERS: dict[str, str] = {
    "female": N_("Kvinne"),
    "male": N_("Mann"),
    "other": N_("Annet"),
    "unknown": N_("Ukjent"),
}

WEEKDAYS: dict[str, str] = {
    "mon": N_("mandag"),
    "tue": N_("tirsdag"),
    "wed": N_("onsdag"),
    "thu": N_("torsdag"),
    "fri": N_("fredag"),
    "sat": N_("lørdag"),
    "sun": N_("søndag"),
}

DAY_PARTS: dict[str, str] = {"day": N_("dagtid"), "evening": N_("kveld")}

# Availability slots: "mon_day", "thu_evening", ...
AVAILABILITY_SLOTS: tuple[str, ...] = tuple(f"{d}_{p}" for d in WEEKDAYS for p in DAY_PARTS)


def label(codes: dict[str, str], code: str) -> str:
    """The translated word for `code` (the code itself if it is unknown)."""
    return _(codes[code]) if code in codes else code


def availability_label(slots: list[str]) -> str:
    """`mandag kveld, torsdag dagtid`."""
    parts = []
    for slot in slots:
        day, _sep, part = slot.partition("_")
        parts.append(f"{label(WEEKDAYS, day)} {label(DAY_PARTS, part)}")
    return ", ".join(parts)
