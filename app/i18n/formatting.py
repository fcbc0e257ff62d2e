"""Every date, time, number and amount a user sees goes through here (babel, Norwegian first).

`21.11.2026`, `18:00`, `14 600` and `kr 480 046`. babel puts a non-breaking space between
groups of digits; that is correct typography, and tests and exports compare with it in mind.
"""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_currency, format_decimal

from app.i18n import current_language

NBSP = "\xa0"
_BABEL_LOCALES = {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


def babel_locale() -> str:
    """The babel locale of the active UI language."""
    return _BABEL_LOCALES.get(current_language(), "nb_NO")


def format_date(value: dt.date | None) -> str:
    """`21.11.2026`: the same numeric form in every UI language, as Norwegian forms expect."""
    if value is None:
        return ""
    # The fixed numeric pattern needs none of CLDR's locale data, and babel.dates is a visible
    # share of the window's start; `format_long_date` still uses babel for month names.
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_long_date(value: dt.date) -> str:
    """`21. november 2026` in the active language, for letters and headings."""
    from babel.dates import format_date as _babel_date

    return _babel_date(value, format="long", locale=babel_locale())


def format_time(value: dt.time | None) -> str:
    """`18:00`."""
    if value is None:
        return ""
    return f"{value.hour:02d}:{value.minute:02d}"


def format_number(value: int | float | None, decimals: int = 0) -> str:
    """`14 600`, `1 695,5`: grouped with a non-breaking space, decimal comma."""
    if value is None:
        return ""
    if decimals == 0 and isinstance(value, int):
        # Whole numbers are most of what the screens show; this gives babel's nb_NO result
        # (tested against it) without loading CLDR data while the window starts.
        return f"{value:,}".replace(",", NBSP)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="nb_NO")


def format_money(value: int | float | None) -> str:
    """`kr 480 046`: whole kroner, as funders and budgets write them."""
    if value is None:
        return ""
    return format_currency(value, "NOK", format="¤ #,##0", locale="nb_NO", currency_digits=False)


def parse_date(text: str) -> dt.date:
    """Read a date written as `DD.MM.YYYY` or `YYYY-MM-DD`; raise ValueError otherwise."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
