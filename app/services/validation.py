"""Field rules shared by forms, the CLI and importers. Each returns a message, or None if valid.

Plain functions without Qt, so the form can validate as you type and the tests can hammer them
with hypothesis. Messages are plain Norwegian, saying what is wrong and what is expected.
"""

from __future__ import annotations

import datetime as dt
import re

from app.i18n import _
from app.services.phones import parse_phone

MAX_NAME_LENGTH = 200
OLDEST_BIRTH_YEAR = 1900
# Deliberately simple: one @, no spaces, a dot in the domain, no empty labels. Deliverability is
# for the mail server to judge; this catches typing mistakes.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def check_name(text: str) -> str | None:
    if not text.strip():
        return _("Navn må fylles ut.")
    if len(text.strip()) > MAX_NAME_LENGTH:
        return _("Navnet er for langt (høyst {n} tegn).").format(n=MAX_NAME_LENGTH)
    return None


def check_phone(text: str) -> str | None:
    if not text.strip():
        return None
    if parse_phone(text) is None:
        return _("«{value}» er ikke et gyldig telefonnummer. Eksempel: 912 34 567.").format(
            value=text.strip()
        )
    return None


def is_valid_email(text: str) -> bool:
    text = text.strip()
    if len(text) > 254 or not _EMAIL.match(text):
        return False
    local = text.split("@", 1)[0]
    return not (local.startswith(".") or local.endswith(".") or ".." in local)


def check_email(text: str) -> str | None:
    if not text.strip():
        return None
    if not is_valid_email(text):
        return _("«{value}» er ikke en gyldig e-postadresse. Eksempel: navn@eksempel.no.").format(
            value=text.strip()
        )
    return None


def check_birth_year(value: int | None, today: dt.date | None = None) -> str | None:
    if value is None:
        return None
    this_year = (today or dt.date.today()).year
    if value > this_year:
        return _("Fødselsåret {year} er i fremtiden.").format(year=value)
    if value < OLDEST_BIRTH_YEAR:
        return _("Fødselsåret {year} er for langt tilbake.").format(year=value)
    return None


def check_postcode(text: str) -> str | None:
    if not text.strip():
        return None
    if not re.fullmatch(r"\d{4}", text.strip()):
        return _("Postnummer skal være fire sifre.")
    return None


def normalise_orgnr(text: str) -> str:
    return re.sub(r"[\s.]", "", text)


def is_valid_orgnr(text: str) -> bool:
    """Organisation number: nine digits whose last is the MOD11 check digit of the first eight."""
    digits = normalise_orgnr(text)
    if not re.fullmatch(r"\d{9}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], _ORGNR_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[8])


def check_orgnr(text: str) -> str | None:
    if not text.strip():
        return None
    if not is_valid_orgnr(text):
        return _(
            "«{value}» er ikke et gyldig organisasjonsnummer "
            "(ni sifre, og kontrollsifferet må stemme)."
        ).format(value=text.strip())
    return None
