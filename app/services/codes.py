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


TARGET_GROUPS: dict[str, str] = {
    "children": N_("barn"),
    "youth": N_("ungdom"),
    "adults": N_("voksne"),
    "families": N_("familier"),
    "women": N_("kvinner"),
    "men": N_("menn"),
    "everyone": N_("alle"),
}

COUNTING: dict[str, str] = {
    "headcount": N_("Drop-in (antall frammøtte)"),
    "enrolled": N_("Fast gruppe (påmeldte)"),
    "both": N_("Begge"),
}

# Categories of the annual report; each activity type maps to one.
REPORTING_CATEGORIES: dict[str, str] = {
    "language": N_("Språk og norsktrening"),
    "homework": N_("Leksehjelp"),
    "social": N_("Grupper og møteplasser"),
    "outdoors": N_("Tur og friluftsliv"),
    "sport": N_("Idrett"),
    "culture": N_("Kultur"),
    "information": N_("Informasjon"),
    "handout": N_("Utdeling og utlån"),
    "other": N_("Annet"),
}

# The names of the built-in activity types (their rows are seeded by migration 0002), so they
# can be shown translated; a centre's own types show the name the centre gave them.
BUILTIN_ACTIVITY_TYPES: dict[str, str] = {
    "sprakkafe": N_("Språkkafé"),
    "leksehjelp": N_("Leksehjelp"),
    "kvinnegruppe": N_("Kvinnegruppe"),
    "mannsgruppe": N_("Mannsgruppe"),
    "tur": N_("Tur og friluftsliv"),
    "idrett": N_("Idrett"),
    "kultur": N_("Kultur"),
    "informasjonsmote": N_("Informasjonsmøte"),
    "klesutdeling": N_("Klesutdeling og utlån"),
    "annet": N_("Annet"),
}

# Age bands are fixed across the product so years and funders compare.
AGE_BANDS: dict[str, str] = {
    "0-5": N_("0–5 år"),
    "6-12": N_("6–12 år"),
    "13-17": N_("13–17 år"),
    "18-25": N_("18–25 år"),
    "26-66": N_("26–66 år"),
    "67+": N_("67 år og eldre"),
    "unknown": N_("ukjent alder"),
}

HOURS_CATEGORIES: dict[str, str] = {
    "activity": N_("Aktivitet"),
    "event": N_("Arrangement"),
    "driving": N_("Kjøring"),
    "board": N_("Styrearbeid"),
    "other": N_("Annet"),
}

ENROLMENT_STATUSES: dict[str, str] = {
    "enrolled": N_("Påmeldt"),
    "waiting": N_("Venteliste"),
    "left": N_("Sluttet"),
}

CONSENT_METHODS: dict[str, str] = {"oral": N_("muntlig"), "written": N_("skriftlig")}
CONSENT_GIVERS: dict[str, str] = {
    "self": N_("personen selv"),
    "guardian": N_("forelder eller foresatt"),
    "verge": N_("verge for enslig mindreårig"),
}
# Who may consent for a child under 18.
CHILD_CONSENT_GIVERS: frozenset[str] = frozenset({"guardian", "verge"})

CERTIFICATE_STATUSES: dict[str, str] = {
    "needed": N_("Trenger"),
    "requested": N_("Bedt om"),
    "cleared": N_("Vist"),
    "not_cleared": N_("Vist med merknader"),
    "expired": N_("Utløpt"),
}

ONBOARDING_STEPS: dict[str, str] = {
    "registered": N_("Registrert"),
    "interview": N_("Intervju"),
    "training": N_("Opplæring"),
    "confidentiality": N_("Taushetserklæring"),
    "certificate": N_("Politiattest"),
    "ready": N_("Klar"),
}


# -- participants, households and pairings ----------------------------------------------------

# SSB's coarse categories; nothing finer (no country of birth) is ever stored.
BACKGROUNDS: dict[str, str] = {
    "immigrant": N_("innvandrer"),
    "born_to_immigrants": N_("norskfødt med innvandrerforeldre"),
    "other": N_("øvrige"),
}

REFERRERS: dict[str, str] = {
    "refugee_service": N_("flyktningtjenesten"),
    "introduction": N_("introduksjonsprogrammet"),
    "nav": N_("NAV"),
    "reception_centre": N_("asylmottak"),
    "self": N_("selv"),
    "other": N_("annen"),
}

HOUSEHOLD_KINDS: dict[str, str] = {
    "participant": N_("deltakerfamilie"),
    "volunteer": N_("frivillig familie"),
}

# When a programme's pairings need a police certificate (see the certificates issue).
PROGRAMME_CERTIFICATE_RULES: dict[str, str] = {
    "always": N_("alltid"),
    "children": N_("når husstanden har barn under 18"),
    "never": N_("aldri"),
}

PAIRING_STATUSES: dict[str, str] = {
    "waiting": N_("Venter"),
    "proposed": N_("Foreslått"),
    "active": N_("Aktiv"),
    "ended": N_("Avsluttet"),
}

PAIRING_END_REASONS: dict[str, str] = {
    "completed": N_("fullført"),
    "moved": N_("flyttet"),
    "volunteer_left": N_("frivillig sluttet"),
    "participant_left": N_("deltaker sluttet"),
    "other": N_("annet"),
}

PAIRING_OUTCOMES: dict[str, str] = {
    "child_activity": N_("barn i fritidsaktivitet"),
    "work_or_education": N_("i arbeid eller utdanning"),
    "became_volunteer": N_("ble selv frivillig"),
    "still_in_contact": N_("fortsatt kontakt"),
}

FOLLOW_UP_KINDS: dict[str, str] = {
    "phone": N_("telefon"),
    "meeting": N_("møte"),
    "message": N_("melding"),
}

FOLLOW_UP_HOW: dict[str, str] = {
    "good": N_("bra"),
    "some_concern": N_("noe bekymring"),
    "needs_follow_up": N_("trenger oppfølging"),
}
