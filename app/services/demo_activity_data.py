"""What the demo centre runs: activities, places, roles and reasons, as Bokmål data.

These are data, like names in the database, not UI strings: they are not translated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def _t(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


@dataclass(frozen=True)
class Profile:
    """Who takes part: the age range (at the session) and gender of named participants, and
    how an anonymous headcount of the activity splits over the age bands (weights)."""

    min_age: int
    max_age: int
    gender: str | None  # "female", "male" or None for anyone
    age_weights: dict[str, int]


PROFILES: dict[str, Profile] = {
    "child": Profile(6, 12, None, {"6-12": 9, "0-5": 1}),
    "youth": Profile(13, 17, None, {"13-17": 8, "18-25": 2}),
    "adult": Profile(18, 70, None, {"18-25": 3, "26-66": 8, "67+": 1}),
    "woman": Profile(18, 70, "female", {"18-25": 2, "26-66": 8, "67+": 1}),
    "man": Profile(18, 70, "male", {"18-25": 2, "26-66": 8, "67+": 1}),
    "family": Profile(18, 60, None, {"0-5": 3, "6-12": 4, "13-17": 1, "26-66": 6}),
    "everyone": Profile(18, 85, None, {"18-25": 2, "26-66": 6, "67+": 2, "6-12": 1}),
}


@dataclass(frozen=True)
class ActivitySpec:
    """One demo activity. `weekday` None means one-off sessions (about every `every_weeks`)."""

    name: str
    type_code: str
    place: str
    target_groups: tuple[str, ...]
    profile: str
    counting: str
    weekday: int | None
    every_weeks: int
    start: dt.time
    end: dt.time
    volunteers_needed: int
    roles: tuple[str, ...]
    languages: tuple[str, ...] = ("no",)
    requires_certificate: bool = False
    capacity: int | None = None
    group_size: int = 0  # enrolled places filled (fixed groups)
    waiting: int = 0  # on the waiting list (fixed groups)
    headcount: int = 0  # typical anonymous count
    min_age: int | None = None
    max_age: int | None = None
    description: str = ""
    # Months the activity ran before it ended (None: still running).
    ended_months_ago: int | None = None


# name -> address
PLACES: dict[str, str] = {
    "Sandnes bibliotek": "Vågsgata 18",
    "Frivilligsentralen": "Langgata 8",
    "Lura bydelshus": "Lurahammaren 2",
    "Ganddal bydelshus": "Ganddalsvegen 120",
    "Sandnes kulturhus": "Bankgata 1",
    "Rådhuset, møterom Riska": "Rådhusgata 5",
    "Sandnes idrettspark": "Stadionveien 3",
    "Melsheia, parkeringsplassen": "Melsheiveien",
    "Dalsnuten, parkeringsplassen": "Gramstad",
    "Sandnes asylmottak": "Somaveien 4",
}

TRIP_PLACES = ("Dalsnuten, parkeringsplassen", "Melsheia, parkeringsplassen")

SMALL_ACTIVITIES: tuple[ActivitySpec, ...] = (
    ActivitySpec(
        "Språkkafé på biblioteket", "sprakkafe", "Sandnes bibliotek", ("adults", "everyone"),
        "everyone", "headcount", THU, 1, _t("18:00"), _t("20:00"), 4,
        ("vert", "vert", "samtaleleder", "kaffeansvarlig"), ("no", "ar", "uk", "ti"),
        headcount=24, description="Drop-in: øv norsk over en kopp kaffe, bord etter nivå.",
    ),
    ActivitySpec(
        "Leksehjelp 1.–7. trinn", "leksehjelp", "Lura bydelshus", ("children",), "child",
        "enrolled", TUE, 1, _t("17:00"), _t("19:00"), 4, ("leksehjelper",), ("no", "ar", "so"),
        requires_certificate=True, capacity=20, group_size=20, waiting=6, min_age=6, max_age=12,
        description="Fast gruppe med påmelding. Frivillige må vise politiattest.",
    ),
    ActivitySpec(
        "Leksehjelp ungdomsskolen", "leksehjelp", "Sandnes bibliotek", ("youth",), "youth",
        "enrolled", WED, 1, _t("16:00"), _t("18:00"), 3, ("leksehjelper", "mattehjelper"),
        ("no",), requires_certificate=True, capacity=15, group_size=15, waiting=2, min_age=13,
        max_age=16,
    ),
    ActivitySpec(
        "Kvinnegruppa", "kvinnegruppe", "Frivilligsentralen", ("women",), "woman", "both",
        WED, 1, _t("11:00"), _t("13:00"), 2, ("vert", "barnepasser"), ("no", "ar", "so", "ti"),
        capacity=15, group_size=12, headcount=4,
    ),
    ActivitySpec(
        "Norsktrening nivå 1", "sprakkafe", "Frivilligsentralen", ("adults",), "adult",
        "enrolled", MON, 1, _t("10:00"), _t("12:00"), 2, ("samtaleleder",), ("no", "uk", "ar"),
        capacity=12, group_size=12, waiting=3,
    ),
    ActivitySpec(
        "Turgruppa", "tur", "Melsheia, parkeringsplassen", ("families", "everyone"), "family",
        "headcount", SUN, 2, _t("11:00"), _t("14:00"), 2, ("turleder", "sjåfør"),
        headcount=18, description="Annenhver søndag. Vi kjører fra Frivilligsentralen 10:30.",
    ),
    ActivitySpec(
        "Klesutdeling", "klesutdeling", "Frivilligsentralen", ("families", "everyone"),
        "family", "headcount", SAT, 2, _t("11:00"), _t("14:00"), 3, ("vert", "sortering"),
        headcount=35,
    ),
    ActivitySpec(
        "Informasjonsmøte for nyankomne", "informasjonsmote", "Rådhuset, møterom Riska",
        ("adults",), "adult", "headcount", None, 5, _t("18:00"), _t("19:30"), 2,
        ("tolk", "vert"), ("no", "ar", "ti", "uk", "prs"), headcount=20,
    ),
    ActivitySpec(
        "Mannsgruppa", "mannsgruppe", "Ganddal bydelshus", ("men",), "man", "headcount", FRI, 2,
        _t("18:00"), _t("20:00"), 1, ("vert",), ("no", "ar", "ti"), headcount=8,
    ),
    ActivitySpec(
        "Fotball for ungdom", "idrett", "Sandnes idrettspark", ("youth",), "youth", "both",
        THU, 1, _t("18:00"), _t("19:30"), 2, ("trener",), requires_certificate=True,
        capacity=30, group_size=22, headcount=5, min_age=13, max_age=17,
    ),
    ActivitySpec(
        "Kulturkveld", "kultur", "Sandnes kulturhus", ("everyone",), "everyone", "headcount",
        TUE, 2, _t("18:00"), _t("20:30"), 3, ("vert", "kjøkken", "teknikk"),
        ("no", "ar", "uk", "pl"), headcount=30,
    ),
    ActivitySpec(
        "Bli frivillig – intro for nykomne", "annet", "Frivilligsentralen", ("adults",),
        "adult", "headcount", None, 4, _t("17:00"), _t("18:30"), 1, ("vert",),
        ("no", "ar", "uk"), headcount=7,
    ),
    ActivitySpec(
        "Sykkelkurs for kvinner", "idrett", "Sandnes idrettspark", ("women",), "woman",
        "enrolled", SAT, 1, _t("12:00"), _t("14:00"), 2, ("instruktør",), ("no", "ar", "ti"),
        capacity=10, group_size=10, ended_months_ago=6,
    ),
)  # fmt: skip

# For the large (performance) dataset: activities are made from these, in many districts.
DISTRICTS: tuple[str, ...] = (
    "Sentrum", "Lura", "Ganddal", "Figgjo", "Hana", "Sandved", "Austrått", "Riska", "Høle",
    "Trones", "Bogafjell", "Hommersåk", "Stangeland", "Aspervika", "Skeiane",
)  # fmt: skip

# (spec, weight): fixed groups are most of the large dataset, so it has many attendance marks.
LARGE_TEMPLATES: tuple[tuple[ActivitySpec, int], ...] = (
    (SMALL_ACTIVITIES[0], 2),
    (ActivitySpec(
        "Leksehjelp", "leksehjelp", "", ("children",), "child", "enrolled", TUE, 1,
        _t("17:00"), _t("19:00"), 5, ("leksehjelper",), ("no", "ar", "so"),
        requires_certificate=True, min_age=6, max_age=12), 5),
    (ActivitySpec(
        "Leksehjelp ungdom", "leksehjelp", "", ("youth",), "youth", "enrolled", WED, 1,
        _t("16:00"), _t("18:00"), 4, ("leksehjelper",), requires_certificate=True,
        min_age=13, max_age=17), 3),
    (ActivitySpec(
        "Norsktrening", "sprakkafe", "", ("adults",), "adult", "enrolled", MON, 1,
        _t("10:00"), _t("12:00"), 3, ("samtaleleder",), ("no", "uk", "ar", "ti")), 5),
    (ActivitySpec(
        "Kvinnegruppe", "kvinnegruppe", "", ("women",), "woman", "both", THU, 1,
        _t("11:00"), _t("13:00"), 3, ("vert", "barnepasser"), ("no", "ar", "so"),
        headcount=4), 3),
    (ActivitySpec(
        "Ungdomsfotball", "idrett", "", ("youth",), "youth", "both", THU, 1, _t("18:00"),
        _t("19:30"), 3, ("trener",), requires_certificate=True, headcount=5, min_age=13,
        max_age=17), 2),
    (SMALL_ACTIVITIES[5], 1),
    (SMALL_ACTIVITIES[6], 1),
    (SMALL_ACTIVITIES[8], 1),
    (SMALL_ACTIVITIES[10], 1),
)  # fmt: skip

CANCEL_REASONS: tuple[str, ...] = (
    "Sykdom blant de frivillige", "Lokalet var opptatt", "Uvær, turen ble avlyst",
    "For få frivillige", "Strømbrudd i bydelshuset", "Fellesarrangement i stedet",
)  # fmt: skip

HOURS_NOTES: dict[str, tuple[str, ...]] = {
    "driving": ("Kjøring til tur", "Henting av klær", "Kjøring av deltakere"),
    "event": ("Sommerfest", "Frivillighetens dag", "Julemarked"),
    "board": ("Styremøte", "Årsmøte"),
    "other": ("Rydding av lager", "Opplæring av nye frivillige"),
}

# Participants come mostly from the backgrounds centres meet (weights, by name pool).
PARTICIPANT_POOL_WEIGHTS: dict[str, int] = {
    "ar": 22, "uk": 22, "ti": 16, "so": 12, "prs": 10, "pl": 6, "no": 12,
}  # fmt: skip
