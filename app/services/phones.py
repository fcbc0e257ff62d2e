"""Phone numbers: parsed and validated with phonenumbers, stored as E.164, shown the Norwegian way.

Norwegian mobile numbers (starting with 4 or 9) are shown `+47 912 34 567`, the grouping people
write on forms; other Norwegian numbers `+47 22 33 44 55`; foreign numbers in the international
format phonenumbers gives. phonenumbers is imported on first use: showing a list of Norwegian
numbers does not need it, and it costs a noticeable part of the window's start.
"""

from __future__ import annotations

DEFAULT_REGION = "NO"


def parse_phone(text: str) -> str | None:
    """Return the E.164 form of `text`, or None when it is not a valid phone number."""
    import phonenumbers

    cleaned = text.strip()
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    try:
        number = phonenumbers.parse(cleaned, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str | None) -> str:
    """`+4791234567` → `+47 912 34 567`."""
    if not e164:
        return ""
    if e164.startswith("+47") and len(e164) == 11:
        digits = e164[3:]
        if digits[0] in "49":
            return f"+47 {digits[:3]} {digits[3:5]} {digits[5:]}"
        return f"+47 {digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_search_forms(e164: str | None) -> str:
    """The ways a user may type this number when searching: E.164 and national digits."""
    if not e164:
        return ""
    national = e164[3:] if e164.startswith("+47") else e164.lstrip("+")
    return f"{e164} {national}"
