"""Names and words for demo data: Norwegian (with æøå) and the languages centres meet most."""

from __future__ import annotations

# Volunteers per demo size (`dugnad demo --size`).
SIZES: dict[str, int] = {"small": 150, "large": 2000}

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
