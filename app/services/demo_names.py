"""Names and words for demo data: Norwegian (with æøå) and the languages centres meet most."""

from __future__ import annotations

# Volunteers per demo size (`dugnad demo --size`).
SIZES: dict[str, int] = {"small": 150, "large": 2000}

# Participants, households and pairings per demo size (`app.services.demo_pairings`).
# The participant register's total, the activity demo's participants included.
PARTICIPANTS: dict[str, int] = {"small": 300, "large": 10_000}
# Households in all, volunteer families included.
HOUSEHOLDS: dict[str, int] = {"small": 60, "large": 3_000}
VOLUNTEER_FAMILIES: dict[str, int] = {"small": 5, "large": 100}
# Pairings per state: the small demo has 25 in each, so every column of the board is full.
PAIRINGS: dict[str, dict[str, int]] = {
    "small": {"waiting": 25, "proposed": 25, "active": 25, "ended": 25},
    "large": {"waiting": 150, "proposed": 50, "active": 350, "ended": 950},
}
# Follow-ups in all (planned ones, topped up with unplanned ones logged); None: as planned.
FOLLOW_UPS: dict[str, int | None] = {"small": None, "large": 10_000}
# Volunteers who were once participants ("ble selv frivillig"), paired back then.
FORMER_PARTICIPANTS: dict[str, int] = {"small": 4, "large": 40}
# Volunteers taken into a programme who wait for their first pairing.
MEMBERS_WAITING: dict[str, int] = {"small": 10, "large": 150}
# Years back that ended pairings reach.
PAIRING_YEARS: dict[str, int] = {"small": 3, "large": 10}

# City districts (bydeler) of Sandnes with a postcode in each, and how many participants live
# there (weights). Volunteers' districts follow from their postcode (`DISTRICT_OF_POSTCODE`).
DISTRICTS: dict[str, tuple[tuple[str, ...], int]] = {
    "Sandnes sentrum": (("4306", "4307"), 24),
    "Austrått": (("4313",), 10),
    "Lura": (("4318", "4319"), 12),
    "Hana": (("4316",), 8),
    "Ganddal": (("4322",), 10),
    "Trones": (("4321",), 8),
    "Sandved": (("4314",), 8),
    "Riska": (("4310",), 6),
    "Figgjo": (("4332",), 5),
    "Sviland": (("4334",), 3),
}
DISTRICT_OF_POSTCODE: dict[str, str] = {
    "4300": "Sandnes sentrum",
    **{code: name for name, (codes, _w) in DISTRICTS.items() for code in codes},
}

# (first names female, first names male, family names, language codes spoken besides Norwegian)
NAME_POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "no": (
        (
            "Åse",
            "Ingrid",
            "Kari",
            "Solveig",
            "Marit",
            "Ragnhild",
            "Sigrid",
            "Bjørg",
            "Tone",
            "Hanne",
            "Guro",
            "Eli",
            "Mette",
            "Nora",
            "Ida",
            "Sunniva",
            "Astrid",
            "Randi",
        ),
        (
            "Øyvind",
            "Bjørn",
            "Håkon",
            "Per",
            "Ola",
            "Jørgen",
            "Knut",
            "Sindre",
            "Tor",
            "Lars",
            "Åsmund",
            "Ståle",
            "Geir",
            "Kjell",
            "Even",
            "Magnus",
            "Sverre",
            "Trygve",
        ),
        (
            "Ødegård",
            "Bjørnstad",
            "Sæther",
            "Løvås",
            "Åsen",
            "Kjærnes",
            "Hansen",
            "Johansen",
            "Olsen",
            "Larsen",
            "Berg",
            "Haugen",
            "Dahl",
            "Strøm",
            "Lie",
            "Solberg",
            "Næss",
            "Bråthen",
            "Moen",
            "Fjellstad",
            "Grønvold",
            "Aasheim",
            "Krøger",
            "Tvedt",
        ),
        ("en", "sv", "de", "es", "fr"),
    ),
    "ar": (
        ("Fatima", "Aisha", "Mariam", "Layla", "Noor", "Huda", "Rania", "Amal"),
        ("Ahmad", "Mohammed", "Omar", "Khaled", "Yusuf", "Hassan", "Karim", "Samir"),
        ("Al-Hassan", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Darwish", "Ibrahim"),
        ("ar", "en"),
    ),
    "ti": (
        ("Selam", "Helen", "Senait", "Tsega", "Rahel", "Winta"),
        ("Yonas", "Tesfay", "Haile", "Dawit", "Filmon", "Samuel"),
        ("Tesfamariam", "Gebremedhin", "Berhane", "Kidane", "Haile", "Ghebreyesus"),
        ("ti", "am", "ar"),
    ),
    "uk": (
        ("Olena", "Iryna", "Oksana", "Natalia", "Yulia", "Tetiana", "Kateryna"),
        ("Andrii", "Oleksandr", "Dmytro", "Serhii", "Mykola", "Taras", "Vasyl"),
        ("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko"),
        ("uk", "ru", "en"),
    ),
    "so": (
        ("Hodan", "Amina", "Fadumo", "Sahra", "Ifrah", "Hibo"),
        ("Abdi", "Mohamed", "Ahmed", "Farah", "Abdirahman", "Hassan"),
        ("Warsame", "Mohamud", "Abdullahi", "Jama", "Omar", "Hirsi"),
        ("so", "ar", "en"),
    ),
    "pl": (
        ("Katarzyna", "Agnieszka", "Małgorzata", "Joanna", "Magdalena", "Ewa"),
        ("Piotr", "Tomasz", "Paweł", "Krzysztof", "Łukasz", "Marek"),
        ("Nowak", "Wiśniewski", "Kowalczyk", "Wójcik", "Kamiński", "Lewandowski", "Zieliński"),
        ("pl", "en"),
    ),
    "prs": (
        ("Zahra", "Maryam", "Fereshta", "Shabnam", "Nilofar", "Parwana"),
        ("Farid", "Ahmad", "Jawad", "Mahmood", "Najib", "Rahim"),
        ("Ahmadi", "Rahimi", "Hosseini", "Karimi", "Sultani", "Noori"),
        ("prs", "fa", "ps"),
    ),
}

# How common each background is among demo volunteers (weights).
POOL_WEIGHTS: dict[str, int] = {"no": 62, "ar": 9, "ti": 6, "uk": 9, "so": 5, "pl": 5, "prs": 4}

SKILLS: tuple[str, ...] = (
    "norskundervisning", "leksehjelp matte", "matlaging", "fotball", "sykling", "førerkort",
    "snekring", "strikking", "data og mobil", "musikk", "tolking", "sjakk", "turgåing",
    "svømming", "regnskap", "søknadsskriving", "barnepass", "kunst og tegning", "hagearbeid",
    "førstehjelp",
)  # fmt: skip

INTERESTS: tuple[str, ...] = (
    "friluftsliv", "språk", "kultur", "idrett", "mat", "barn og unge", "eldre", "natur",
    "litteratur", "film", "dans", "håndarbeid",
)  # fmt: skip

PLACES: tuple[tuple[str, str], ...] = (
    ("4306", "Sandnes"), ("4307", "Sandnes"), ("4313", "Sandnes"), ("4318", "Sandnes"),
    ("4020", "Stavanger"), ("4014", "Stavanger"), ("4300", "Sandnes"), ("4321", "Sandnes"),
)  # fmt: skip

STREETS: tuple[str, ...] = (
    "Storgata", "Langgata", "Kirkegata", "Skolegata", "Åsveien", "Bjørkeveien", "Fjellveien",
    "Løkkeveien", "Kvålsveien", "Gjesdalveien", "Ganddalsvegen", "Hoveveien",
)  # fmt: skip

PAUSE_REASONS: tuple[str, ...] = ("Foreldrepermisjon", "Eksamensperiode", "Sykdom", "Reise")
END_REASONS: tuple[str, ...] = ("Flyttet", "Fikk jobb", "Ikke tid lenger", "Studier")
