"""What the certificate and onboarding screens need on top of the services, without Qt.

The overview's filters, the home cards' counts, the badge in the volunteer list and the generic
wording shown outside the responsible staff's screen are rules about *what may be seen*, so they
live here as plain functions the GUI and its tests share. Nothing here stores anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.db import Database
from app.i18n import N_, _
from app.services.certificate_need import BADGE_MISSING, BADGE_OK, valid_on
from app.services.certificates import CertificateRow, list_certificates
from app.services.onboarding import OnboardingRow, enabled_steps

# Police answers take 2–4 weeks, up to 6 in busy periods: beyond that a request stands out.
LONG_WAIT_DAYS = 42


# Filter code -> (tab text msgid, which rows it keeps). "all" keeps every row.
FILTERS: dict[str, tuple[str, Callable[[CertificateRow], bool]]] = {
    "to_request": (N_("Må bes om"), lambda r: r.status in ("needed", "expired")),
    "waiting": (N_("Venter"), lambda r: r.status == "requested"),
    "expiring": (N_("Utløper snart"), lambda r: r.status == "cleared" and r.expires_soon),
    "expired": (N_("Utløpt"), lambda r: r.status == "expired"),
    "cleared": (N_("Godkjent"), lambda r: r.status == "cleared"),
    "all": (N_("Alle"), lambda r: True),
}


def filter_label(code: str) -> str:
    """The translated tab text of a filter."""
    return _(FILTERS[code][0])


def filter_rows(rows: Iterable[CertificateRow], code: str) -> list[CertificateRow]:
    accept = FILTERS[code][1]
    return [r for r in rows if accept(r)]


def filter_counts(rows: list[CertificateRow]) -> dict[str, int]:
    return {code: len(filter_rows(rows, code)) for code in FILTERS}


def waits_long(row: CertificateRow) -> bool:
    """A request unanswered for more than six weeks: the volunteer may need a reminder."""
    return row.days_waiting is not None and row.days_waiting > LONG_WAIT_DAYS


def is_valid(row: CertificateRow, today: dt.date | None = None) -> bool:
    """Valid on `today` by the service's one rule (`certificates.valid_on`)."""
    return valid_on(row.status, row.expires_on, today or dt.date.today())


def badge(row: CertificateRow | None, today: dt.date | None = None) -> str | None:
    """`ok`, `missing`, or None when no role of the volunteer needs a certificate."""
    if row is None:
        return None
    return BADGE_OK if is_valid(row, today) else BADGE_MISSING


def certificate_for(
    db: Database, volunteer_id: str, today: dt.date | None = None
) -> CertificateRow | None:
    """The volunteer's record, or None when no role of theirs needs one."""
    for row in list_certificates(db, today=today):
        if row.volunteer_id == volunteer_id:
            return row
    return None


def shows_certificate_details() -> bool:
    """Whether this user may see dates and results. With one user that user is the responsible
    staff member; the staff accounts that come later make this a permission."""
    return True


@dataclass(frozen=True)
class CertificateCounts:
    """The home card: what needs doing, never who or when."""

    to_request: int
    waiting: int
    expiring: int


def certificate_counts(rows: list[CertificateRow]) -> CertificateCounts:
    counts = filter_counts(rows)
    return CertificateCounts(counts["to_request"], counts["waiting"], counts["expiring"])


@dataclass(frozen=True)
class OnboardingCounts:
    waiting: int
    long_waits: int


def onboarding_counts(rows: list[OnboardingRow]) -> OnboardingCounts:
    waiting = [r for r in rows if r.step != "ready"]
    return OnboardingCounts(len(waiting), sum(1 for r in waiting if r.long_wait))


def get_enabled_steps(db: Database) -> tuple[str, ...]:
    """The onboarding steps this centre records (settings and the board's columns)."""
    with db.read() as session:
        return enabled_steps(session)
