"""Field rules: phone, e-mail, organisation number, birth year (with hypothesis properties)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from app.services.phones import format_phone, parse_phone
from app.services.validation import (
    check_birth_year,
    check_email,
    check_name,
    check_orgnr,
    check_phone,
    is_valid_email,
    is_valid_orgnr,
)

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def orgnr_check_digit(first8: str) -> int | None:
    """Independent MOD11 arithmetic, written from the Brønnøysund rule."""
    remainder = sum(int(d) * w for d, w in zip(first8, WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    return None if remainder == 1 else 11 - remainder


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_orgnr_accepts_exactly_the_right_check_digit(first8: str) -> None:
    right = orgnr_check_digit(first8)
    for digit in range(10):
        assert is_valid_orgnr(first8 + str(digit)) == (digit == right)


@given(st.text(max_size=12))
def test_orgnr_never_accepts_anything_but_nine_digits(text: str) -> None:
    digits = text.replace(" ", "").replace(".", "")
    if not (len(digits) == 9 and digits.isascii() and digits.isdigit()):
        assert not is_valid_orgnr(text)


def test_known_orgnr_and_spacing() -> None:
    assert is_valid_orgnr("974624486")
    assert is_valid_orgnr("974 624 486")
    assert not is_valid_orgnr("974624487")
    assert check_orgnr("123") is not None and "123" in check_orgnr("123")
    assert check_orgnr("") is None


@given(st.integers(min_value=10_000_000, max_value=99_999_999))
def test_norwegian_numbers_round_trip(number: int) -> None:
    text = str(number)
    e164 = parse_phone(text)
    if e164 is None:
        assert check_phone(text) is not None
        return
    assert e164 == "+47" + text
    shown = format_phone(e164)
    assert shown.replace(" ", "") == e164
    assert parse_phone(shown) == e164


def test_phone_forms_people_type() -> None:
    assert parse_phone("912 34 567") == "+4791234567"
    assert parse_phone("+47 912 34 567") == "+4791234567"
    assert parse_phone("0047 91234567") == "+4791234567"
    assert format_phone("+4791234567") == "+47 912 34 567"
    assert format_phone("+4722334455") == "+47 22 33 44 55"
    assert parse_phone("+46 70 123 45 67") == "+46701234567"
    assert parse_phone("12") is None
    assert parse_phone("hei") is None
    assert "hei" in check_phone("hei")
    assert check_phone("  ") is None


@given(st.from_regex(r"[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,15}(\.[a-z]{2,6}){1,2}", fullmatch=True))
def test_plausible_emails_pass(address: str) -> None:
    local = address.split("@")[0]
    assert is_valid_email(address) == (
        not local.startswith(".") and not local.endswith(".") and ".." not in local
    )


@given(st.text(max_size=40))
def test_email_without_at_or_with_space_fails(text: str) -> None:
    if "@" not in text or any(c.isspace() for c in text.strip()):
        assert not is_valid_email(text)


def test_email_examples() -> None:
    assert is_valid_email("kari.nordmann@frivillig.no")
    for bad in ("kari", "kari@", "kari@no", "kari nordmann@x.no", "a@@b.no", "a@b..no", ".a@b.no"):
        assert not is_valid_email(bad), bad
    assert "kari@" in check_email("kari@")


def test_birth_year_and_name() -> None:
    today = dt.date(2026, 11, 22)
    assert check_birth_year(2027, today) is not None
    assert "2027" in check_birth_year(2027, today)
    assert check_birth_year(2026, today) is None
    assert check_birth_year(1899, today) is not None
    assert check_birth_year(None, today) is None
    assert check_name("   ") is not None
    assert check_name("Åse") is None
