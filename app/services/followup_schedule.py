"""The arithmetic of a programme's follow-up schedule, without a database.

Coordinators follow a pairing up after the first weeks, then regularly (DOMAIN.md, "Pairings"), and
an overdue follow-up is the most common failure, so the due dates must be right. A schedule is a
list of fixed offsets from the pairing's start, then optionally a repeating interval: "2 weeks,
1 month, then every 2 months".

It is stored as a compact code, "2w,1m,*2m": `d` days, `w` weeks, `m` months; `*` marks the
repeat, which must come last.

Months clamp to the month's end (31 January + 1 month = 28/29 February). Repeats count from the
last fixed offset and are computed from the start each time (start + 1, 3, 5 ... months, never
by adding 2 months to the previous date), so a clamped February never drags later dates to the 28th.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.i18n import _, ngettext
from app.i18n.formatting import format_number
from app.services.certificate_rules import add_months

UNITS: tuple[str, ...] = ("days", "weeks", "months")
_LETTERS = {"days": "d", "weeks": "w", "months": "m"}
_UNIT_OF_LETTER = {letter: unit for unit, letter in _LETTERS.items()}
# A guard against runaway schedules (a daily repeat over decades): more dates than anyone follows.
MAX_DATES = 500
MAX_AMOUNT = 999

_PART = re.compile(r"(\*?)(\d{1,3})([dwm])")


@dataclass(frozen=True)
class Offset:
    """A span from a pairing's start (or between repeats): `amount` days, weeks or months."""

    amount: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, got {self.unit!r}")
        if not 1 <= self.amount <= MAX_AMOUNT:
            raise ValueError(f"amount must be 1..{MAX_AMOUNT}, got {self.amount!r}")


@dataclass(frozen=True)
class Plan:
    """Fixed follow-ups after the start, then optionally one every `repeat` after the last one."""

    offsets: tuple[Offset, ...]
    repeat: Offset | None = None


def add(day: dt.date, offset: Offset) -> dt.date:
    """`day` plus `offset`; months clamp to the month's end (31.1 + 1 month = 28/29.2)."""
    if offset.unit == "months":
        return add_months(day, offset.amount)
    days = offset.amount * (7 if offset.unit == "weeks" else 1)
    return day + dt.timedelta(days=days)


def _in_days(offset: Offset) -> int:
    return offset.amount * (7 if offset.unit == "weeks" else 1)


def _times(day: dt.date, offset: Offset, k: int) -> dt.date:
    """`day` plus `k` times `offset`, in one step (Offset itself caps its amount)."""
    if offset.unit == "months":
        return add_months(day, offset.amount * k)
    return day + dt.timedelta(days=_in_days(offset) * k)


def _repeat_date(start: dt.date, last: Offset | None, repeat: Offset, k: int) -> dt.date:
    """The k-th repeat (k >= 1), computed from `start` so month-end clamping never drifts."""
    if last is None:
        return _times(start, repeat, k)
    if last.unit == "months" and repeat.unit == "months":
        return add_months(start, last.amount + repeat.amount * k)
    if last.unit != "months" and repeat.unit != "months":
        return start + dt.timedelta(days=_in_days(last) + _in_days(repeat) * k)
    return _times(add(start, last), repeat, k)


def due_dates(plan: Plan, start: dt.date, end: dt.date) -> list[dt.date]:
    """Follow-ups due after `start` up to and including `end`, sorted, each date once.

    At most `MAX_DATES` dates are returned.
    """
    dates: set[dt.date] = set()

    def keep(day: dt.date) -> None:
        if start < day <= end:
            dates.add(day)

    for offset in plan.offsets:
        try:
            keep(add(start, offset))
        except (OverflowError, ValueError):  # beyond year 9999: never due
            pass
    if plan.repeat is not None:
        last = plan.offsets[-1] if plan.offsets else None
        # Repeat dates strictly increase with k, so MAX_DATES of them are always enough.
        for k in range(1, MAX_DATES + 1):
            try:
                day = _repeat_date(start, last, plan.repeat, k)
            except (OverflowError, ValueError):
                break
            if day > end:
                break
            keep(day)
    return sorted(dates)[:MAX_DATES]


def to_text(plan: Plan) -> str:
    """The storage code of `plan`, e.g. "2w,1m,*2m"."""
    parts = [f"{o.amount}{_LETTERS[o.unit]}" for o in plan.offsets]
    if plan.repeat is not None:
        parts.append(f"*{plan.repeat.amount}{_LETTERS[plan.repeat.unit]}")
    return ",".join(parts)


def from_text(text: str) -> Plan:
    """The plan stored as `text` ("2w,1m,*2m"); raises ValueError with a message for users.

    Spaces and upper case are tolerated; an empty text is a plan without follow-ups.
    """
    invalid = ValueError(_("Ugyldig oppfølgingsplan: «{text}»").format(text=text))
    cleaned = "".join(text.split()).lower()
    if not cleaned:
        return Plan(offsets=(), repeat=None)
    offsets: list[Offset] = []
    repeat: Offset | None = None
    for part in cleaned.split(","):
        found = _PART.fullmatch(part)
        if found is None or repeat is not None:  # malformed, or something after the repeat
            raise invalid
        star, amount, letter = found.groups()
        if not 1 <= int(amount) <= MAX_AMOUNT:
            raise invalid
        offset = Offset(int(amount), _UNIT_OF_LETTER[letter])
        if star:
            repeat = offset
        else:
            offsets.append(offset)
    return Plan(offsets=tuple(offsets), repeat=repeat)


def _span(offset: Offset) -> str:
    """ "1 uke", "2 uker", "3 måneder"."""
    n = format_number(offset.amount)
    if offset.unit == "days":
        return ngettext("{n} dag", "{n} dager", offset.amount).format(n=n)
    if offset.unit == "weeks":
        return ngettext("{n} uke", "{n} uker", offset.amount).format(n=n)
    return ngettext("{n} måned", "{n} måneder", offset.amount).format(n=n)


def _every(offset: Offset) -> str:
    """ "hver uke", "hver 2. måned"."""
    if offset.amount == 1:
        return {"days": _("hver dag"), "weeks": _("hver uke"), "months": _("hver måned")}[
            offset.unit
        ]
    n = format_number(offset.amount)
    if offset.unit == "days":
        return _("hver {n}. dag").format(n=n)
    if offset.unit == "weeks":
        return _("hver {n}. uke").format(n=n)
    return _("hver {n}. måned").format(n=n)


def describe(plan: Plan) -> str:
    """The plan in words for users: "Etter 2 uker, 1 måned, deretter hver 2. måned"."""
    spans = ", ".join(_span(o) for o in plan.offsets)
    if plan.offsets and plan.repeat is not None:
        return _("Etter {offsets}, deretter {repeat}").format(
            offsets=spans, repeat=_every(plan.repeat)
        )
    if plan.offsets:
        return _("Etter {offsets}").format(offsets=spans)
    if plan.repeat is not None:
        text = _("{repeat} fra start").format(repeat=_every(plan.repeat))
        return text[:1].upper() + text[1:]
    return _("Ingen oppfølging planlagt")


DEFAULT_PLAN = from_text("2w,1m,*2m")
