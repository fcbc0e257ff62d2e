"""argparse's own messages in Bokmål (its msgids are English; Dugnad's msgids are Bokmål).

argparse looks its texts up through a module-level `_` at call time. `translate()` maps each
English text to its Bokmål msgid and then through Dugnad's catalog, so `--lang en` gets English
back and Bokmål users never see English. Texts that only a programming error can raise are left.
"""

from __future__ import annotations

import argparse

from app.i18n import N_, _, ngettext

_MESSAGES: dict[str, str] = {
    "usage: ": N_("bruk: "),
    "options": N_("valg"),
    "positional arguments": N_("posisjonsargumenter"),
    "show this help message and exit": N_("vis denne hjelpeteksten og avslutt"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: feil: %(message)s\n"),
    "argument %(argument_name)s: %(message)s": N_("argument %(argument_name)s: %(message)s"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "tvetydig valg: %(option)s kan bety %(matches)s"
    ),
    "expected at least one argument": N_("venter minst én verdi"),
    "expected at most one argument": N_("venter høyst én verdi"),
    "expected one argument": N_("venter én verdi"),
    "ignored explicit argument %r": N_("overflødig verdi %r ble ikke brukt"),
    "invalid %(type)s value: %(value)r": N_("ugyldig verdi (%(type)s): %(value)r"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "not allowed with argument %s": N_("kan ikke brukes sammen med %s"),
    "one of the arguments %s is required": N_("ett av argumentene %s må være med"),
    "the following arguments are required: %s": N_("disse argumentene mangler: %s"),
    "unrecognized arguments: %s": N_("ukjente argumenter: %s"),
    "can't open '%(filename)s': %(error)s": N_("kan ikke åpne «%(filename)s»: %(error)s"),
}

_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        N_("venter %s verdi"),
        N_("venter %s verdier"),
    ),
}


def translate(message: str) -> str:
    bokmaal = _MESSAGES.get(message)
    return _(bokmaal) if bokmaal else message


def translate_plural(singular: str, plural: str, n: int) -> str:
    bokmaal = _PLURALS.get((singular, plural))
    if bokmaal is None:
        return singular if n == 1 else plural
    return ngettext(bokmaal[0], bokmaal[1], n)


def install() -> None:
    """Point argparse's message lookup at Dugnad's catalog."""
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
