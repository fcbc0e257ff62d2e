"""The arithmetic of police certificates, without a database: ages, expiry, validity.

Kept apart so the rules can be tested across month ends and leap years on their own. The periods
are the centre's settings (DOMAIN.md: "Both periods are settings, not laws").
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from app.i18n import _
from app.i18n.formatting import format_date


@dataclass(frozen=True)
class CertificatePolicy:
    max_age_months: int = 3
    renewal_years: int = 3
    reminder_days: int = 60
    grace_days: int = 30


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (or earlier), clamped to the month's end: 31.1 + 1 → 28/29.2."""
    month_index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def expires_on(issued_on: dt.date, policy: CertificatePolicy) -> dt.date:
    """Renewal is due `renewal_years` after the issue date printed on the certificate."""
    return add_months(issued_on, 12 * policy.renewal_years)


def oldest_acceptable_issue(shown_on: dt.date, policy: CertificatePolicy) -> dt.date:
    """A certificate shown on `shown_on` must be issued on or after this date."""
    return add_months(shown_on, -policy.max_age_months)


def check_shown(
    *,
    shown_on: dt.date,
    issued_on: dt.date,
    requested_on: dt.date | None,
    today: dt.date,
    policy: CertificatePolicy,
) -> dict[str, str]:
    """Problems with recording a certificate as shown, by field; empty when it may be saved."""
    errors: dict[str, str] = {}
    if issued_on > today:
        errors["issued_on"] = _("Utstedelsesdatoen kan ikke være i fremtiden.")
    if shown_on > today:
        errors["shown_on"] = _("Datoen attesten ble vist kan ikke være i fremtiden.")
    elif shown_on < issued_on:
        errors["shown_on"] = _("Attesten kan ikke være vist før den ble utstedt.")
    elif requested_on is not None and shown_on < requested_on:
        errors["shown_on"] = _("Attesten kan ikke være vist før den ble bedt om ({date}).").format(
            date=format_date(requested_on)
        )
    oldest = oldest_acceptable_issue(shown_on, policy)
    if "issued_on" not in errors and issued_on < oldest:
        errors["issued_on"] = _(
            "Attesten er for gammel: den må være utstedt {date} eller senere "
            "(høyst {months} måneder før den ble vist). Be om en ny."
        ).format(date=format_date(oldest), months=policy.max_age_months)
    return errors
