"""Formats and catalogs: Norwegian numbers and dates, and every message translated."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from babel.dates import format_date as babel_format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from app.i18n import LOCALE_DIR, _, set_language
from app.i18n.formatting import (
    format_date,
    format_money,
    format_number,
    format_time,
    parse_date,
)
from app.services.languages import language_choices, language_name

NBSP = "\xa0"
ROOT = Path(__file__).parent.parent


def test_norwegian_formats() -> None:
    assert format_date(dt.date(2026, 11, 21)) == "21.11.2026"
    assert format_time(dt.time(18, 0)) == "18:00"
    assert format_number(14600) == f"14{NBSP}600"
    assert format_number(1695.5, decimals=1) == f"1{NBSP}695,5"
    assert format_money(480046).replace(NBSP, " ") == "kr 480 046"


@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_whole_numbers_match_babel(value: int) -> None:
    assert format_number(value) == format_decimal(value, format="#,##0", locale="nb_NO")


@given(st.dates())
def test_dates_match_babel(value: dt.date) -> None:
    assert format_date(value) == babel_format_date(value, format="dd.MM.yyyy", locale="nb_NO")


def test_parse_both_date_forms() -> None:
    assert parse_date("21.11.2026") == dt.date(2026, 11, 21)
    assert parse_date("2026-11-21") == dt.date(2026, 11, 21)
    with pytest.raises(ValueError):
        parse_date("11/21/2026")


def test_language_names_follow_the_ui_language() -> None:
    assert language_name("ar") == "arabisk"
    assert language_name("prs") == "dari"
    set_language("en")
    assert language_name("ar") == "Arabic"
    assert language_choices()[0] == ("no", "Norwegian")


def test_switching_language_translates() -> None:
    set_language("en")
    assert _("Navn") == "Name"
    set_language("nn")
    assert _("Navn") == "Namn"
    set_language("nb")
    assert _("Navn") == "Navn"


@pytest.mark.parametrize("language", ["nn", "en"])
def test_catalog_translates_every_message_in_the_source(language: str, tmp_path: Path) -> None:
    """`make i18n` keeps the catalogs in step; a message added without translation fails here."""
    pot = tmp_path / "dugnad.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "extract", "--no-location",
            "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-o", str(pot), str(ROOT / "app"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as fh:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    with (LOCALE_DIR / language / "LC_MESSAGES" / "dugnad.po").open("rb") as fh:
        catalog = read_po(fh)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and (m.string if isinstance(m.string, str) else all(m.string)) and not m.fuzzy
    }
    missing = sorted(wanted - translated)
    assert not missing, f"{len(missing)} untranslated in {language}: {missing[:10]}"
