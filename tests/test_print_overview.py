"""The activity overview (aktivitetsoversikt): what is running, the leaflet in Bokmål and a
participant language, and `dugnad print overview`."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from app.db import Database
from app.i18n.documents import in_language
from app.reports.activity_overview import render_activity_overview
from app.services.activities import ActivityInput, add_activity_type, add_place, create_activity
from app.services.centre import add_staff, update_centre
from app.services.print_offers import ActivityOverview, CentreContact, activity_overview
from app.services.schedule import WeeklyRule
from app.services.sessions import add_session, cancel_session, save_rule

TODAY = dt.date(2026, 11, 19)  # a Thursday
START = dt.date(2026, 8, 17)
END_OF_TERM = dt.date(2026, 12, 18)


def _rule(weekday: int, start: int, end: int, first: dt.date = START, every: int = 1) -> WeeklyRule:
    return WeeklyRule(weekday, every, dt.time(start), dt.time(end), first, END_OF_TERM)


@pytest.fixture
def ids(db: Database) -> dict[str, str]:
    """A centre with running, ended, unscheduled, future and one-off activities."""
    update_centre(db, name="Åsane frivilligsentral", address="Åsamyrane 8", postcode="5116",
                  place="Ulset", manager_name="Kjærstin Ødegård")  # fmt: skip
    staff = add_staff(db, "Bjørn Sæther")
    library = add_place(db, "Åsane bibliotek", "Myrdalsvegen 2")
    hall = add_place(db, "Tertnes bydelshus")
    own_type = add_activity_type(db, "Strikkekafé", "social")

    def activity(name: str, **kwargs: object) -> str:
        kwargs.setdefault("start_date", START)
        data = ActivityInput(name=name, **kwargs)  # type: ignore[arg-type]
        return create_activity(db, data)

    made = {
        "cafe": activity("Språkkafé på Åsane bibliotek", type_code="sprakkafe",
                         target_groups=["adults", "everyone"], place_id=library,
                         languages=["no", "ar", "uk"], coordinator_id=staff,
                         description="Øv norsk over en kopp kaffe."),
        "homework": activity("Leksehjelp for små og store", type_code="leksehjelp",
                             target_groups=["children"], min_age=6, max_age=12,
                             place_id=hall, languages=["no", "so"]),
        "knitting": activity("Strikking og prat", type_code=own_type, place_id=hall),
        "ended": activity("Sykkelkurs i sommer", type_code="idrett",
                          end_date=dt.date(2026, 9, 30)),
        "unscheduled": activity("Ideer til neste år", type_code="annet"),
        "meeting": activity("Informasjonsmøte for nykomne", type_code="informasjonsmote",
                            place_id=library, languages=["no", "ti", "prs"]),
        "future": activity("Vinterturer", type_code="tur", start_date=dt.date(2027, 1, 4),
                           target_groups=["families"]),
    }  # fmt: skip
    save_rule(db, made["cafe"], _rule(3, 18, 20))
    save_rule(db, made["homework"], _rule(1, 17, 19))
    save_rule(db, made["knitting"], _rule(0, 11, 13, every=2))
    summer = WeeklyRule(5, 1, dt.time(12), dt.time(14), dt.date(2026, 8, 22), dt.date(2026, 9, 26))
    save_rule(db, made["ended"], summer)
    later = WeeklyRule(6, 1, dt.time(11), dt.time(14), dt.date(2027, 1, 10), dt.date(2027, 3, 28))
    save_rule(db, made["future"], later)
    add_session(db, made["meeting"], dt.date(2026, 12, 2), dt.time(18), dt.time(19, 30))
    add_session(db, made["meeting"], dt.date(2027, 1, 13), dt.time(18), dt.time(19, 30))
    cancelled = add_session(db, made["meeting"], dt.date(2026, 11, 25), dt.time(18), dt.time(19))
    cancel_session(db, cancelled, "Syk")
    return made


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    text = " ".join(page.extract_text() for page in pages)
    return unicodedata.normalize("NFKC", " ".join(text.split()))


def _render(overview: ActivityOverview, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    render_activity_overview(overview, buffer, **kwargs)  # type: ignore[arg-type]
    return buffer.getvalue()


def _squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


# -- the data -----------------------------------------------------------------------------------


def test_only_running_activities_with_a_schedule(db: Database, ids: dict[str, str]) -> None:
    overview = activity_overview(db, on=TODAY)
    names = [a.name for a in overview.activities]
    assert set(names) == {
        "Språkkafé på Åsane bibliotek",
        "Leksehjelp for små og store",
        "Strikking og prat",
        "Informasjonsmøte for nykomne",
        "Vinterturer",
    }
    assert names == sorted(names, key=str.casefold)  # sorted by name, as the activity list
    by_id = {a.id: a for a in overview.activities}
    cafe = by_id[ids["cafe"]]
    assert [(w.weekday, w.start, w.end, w.every_weeks) for w in cafe.weekly] == [
        (3, dt.time(18), dt.time(20), 1)
    ]
    assert cafe.place_name == "Åsane bibliotek" and cafe.place_address == "Myrdalsvegen 2"
    assert cafe.contact_name == "Bjørn Sæther" and cafe.languages == ("no", "ar", "uk")
    assert cafe.description == "Øv norsk over en kopp kaffe."
    homework = by_id[ids["homework"]]
    assert (homework.min_age, homework.max_age, homework.place_address) == (6, 12, None)
    knitting = by_id[ids["knitting"]]
    assert knitting.type_name == "Strikkekafé" and not knitting.builtin_type
    assert knitting.weekly[0].every_weeks == 2
    # No weekly rule: the next planned sessions, the cancelled one left out.
    meeting = by_id[ids["meeting"]]
    assert not meeting.weekly
    assert [d.date for d in meeting.dates] == [dt.date(2026, 12, 2), dt.date(2027, 1, 13)]
    # Starts after today: its rule says from when.
    assert by_id[ids["future"]].weekly[0].first_date == dt.date(2027, 1, 10)
    assert overview.centre.name == "Åsane frivilligsentral"
    assert overview.centre.postcode_place == "5116 Ulset"


def test_an_activity_is_listed_while_it_runs(db: Database, ids: dict[str, str]) -> None:
    def names(on: dt.date) -> set[str]:
        return {a.name for a in activity_overview(db, on=on).activities}

    assert "Sykkelkurs i sommer" in names(dt.date(2026, 9, 26))  # its last session
    assert "Sykkelkurs i sommer" not in names(dt.date(2026, 9, 27))  # no session left
    assert "Sykkelkurs i sommer" not in names(dt.date(2026, 10, 1))  # ended


# -- the leaflet --------------------------------------------------------------------------------


def test_bokmal_leaflet(db: Database, ids: dict[str, str]) -> None:
    pdf = _render(activity_overview(db, on=TODAY))
    text = _text(pdf)
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert f"Side 1 av {pages}" in text and "Skrevet ut 19.11.2026" in text
    assert "Åsane frivilligsentral" in text and "Aktivitetsoversikt" in text
    assert "Dette kan du være med på" in text
    for name in ("Språkkafé på Åsane bibliotek", "Leksehjelp for små og store",
                 "Strikking og prat", "Informasjonsmøte for nykomne", "Vinterturer"):  # fmt: skip
        assert _squash(name) in text, name
    assert "Sykkelkurs i sommer" not in text and "Ideer til neste år" not in text
    assert "Torsdag 18:00–20:00" in text
    assert "Mandag 11:00–13:00 (annenhver uke)" in text
    assert "Søndag 11:00–14:00, fra 10.01.2027" in text
    assert "02.12.2026, 18:00–19:30" in text and "25.11.2026" not in text
    assert "Myrdalsvegen 2" in text and "Kontakt: Bjørn Sæther" in text
    assert "norsk, arabisk, ukrainsk" in text and "6–12 år" in text
    # Grouped by type: built-in types in their order, the centre's own type by its name.
    assert text.index("Språkkafé Språkkafé på") < text.index("Leksehjelp Leksehjelp for")
    assert "Strikkekafé" in text
    # The centre's contact block.
    assert "Kontakt oss" in text and "Åsamyrane 8" in text and "5116 Ulset" in text
    assert "Kjærstin Ødegård" in text


@pytest.mark.parametrize("language", ["en", "uk", "pl", "so", "ti"])
def test_leaflet_with_a_participant_language(
    db: Database, ids: dict[str, str], language: str
) -> None:
    text = _text(_render(activity_overview(db, on=TODAY), language=language))
    for message in ("Dette kan du være med på", "Kontakt oss", "Torsdag", "Språkkafé"):
        translated = in_language(message, language)
        assert translated != message or language == "en" and message == "Kontakt oss"
        assert _squash(translated) in text, (language, translated)
    assert "Dette kan du være med på" in text  # the Bokmål stays first
    assert "Side 1 av" in text  # the footer stays in Bokmål


def test_english_leaflet_reads_naturally(db: Database, ids: dict[str, str]) -> None:
    text = _text(_render(activity_overview(db, on=TODAY), language="en"))
    assert "What you can join" in text and "Thursday 18:00–20:00" in text
    assert "Monday 11:00–13:00 (every other week)" in text
    assert "Norwegian, Arabic, Ukrainian" in text and "ages 6–12" in text
    assert "Contact: Bjørn Sæther" in text and "Language café" in text


def test_arabic_leaflet(db: Database, ids: dict[str, str], tmp_path: Path) -> None:
    pdf = _render(activity_overview(db, on=TODAY), language="ar")
    text = _text(pdf)
    # reportlab writes shaped presentation forms; NFKC gives the letters back. Words of a
    # right-to-left line are extracted in visual order, so compare word by word.
    for message in ("Dette kan du være med på", "Torsdag", "Kontakt oss"):
        for word in in_language(message, "ar").split():
            assert unicodedata.normalize("NFKC", word) in text, word
    assert "Dette kan du være med på" in text and "Åsane bibliotek" in text
    (tmp_path / "overview-ar.pdf").write_bytes(pdf)


def test_grouped_by_weekday(db: Database, ids: dict[str, str]) -> None:
    text = _text(_render(activity_overview(db, on=TODAY), group_by="weekday"))
    days = [text.index(day) for day in ("Mandag", "Tirsdag", "Torsdag", "Søndag")]
    assert days == sorted(days)
    # Under its weekday the time stands alone; the dated one-offs come last.
    assert "Torsdag Språkkafé på Åsane bibliotek" in text
    assert text.index("Andre datoer") > text.index("Søndag")
    assert text.index("Informasjonsmøte for nykomne") > text.index("Andre datoer")


def test_no_running_activities_says_so(db: Database) -> None:
    update_centre(db, name="Tomt frivilligsentral")
    pdf = _render(activity_overview(db, on=TODAY))
    text = _text(pdf)
    assert "Akkurat nå har vi ingen faste aktiviteter på planen." in text
    assert "Side 1 av 1" in text and "Kontakt oss" in text


def test_unknown_language_is_refused() -> None:
    overview = ActivityOverview(CentreContact("Sentralen"), (), TODAY)
    with pytest.raises(ValueError):
        _render(overview, language="de")


def test_many_activities_repeat_the_header_on_every_page(db: Database) -> None:
    update_centre(db, name="Store frivilligsentral")
    for n in range(40):
        activity_id = create_activity(
            db, ActivityInput(name=f"Gruppe {n:02d}", type_code="kultur", start_date=START)
        )
        save_rule(db, activity_id, _rule(n % 7, 10 + n % 8, 12 + n % 8))
    pdf = _render(activity_overview(db, on=TODAY))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        text = " ".join(page.extract_text().split())
        assert re.search(r"Aktivitet Når Hvor For hvem Språk", text)
    assert all(f"Gruppe {n:02d}" in _text(pdf) for n in range(40))


# -- the command ------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for bad arguments
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_the_overview(
    db_path: Path, ids: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "oversikt.pdf"
    code, stdout, err = run(capsys, "--db", str(db_path), "print", "overview", "--lang", "uk",
                            "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert stdout.strip() == f"Skrev aktivitetsoversikten til {out}."
    text = _text(out.read_bytes())
    assert "Språkkafé på Åsane bibliotek" in text
    assert in_language("Dette kan du være med på", "uk") in text


def test_cli_groups_by_weekday(
    db_path: Path, ids: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uke.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "overview", "--by", "weekday",
                          "--out", str(out))  # fmt: skip
    assert code == 0, err
    assert "Mandag" in _text(out.read_bytes())


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--lang", "de"], "ugyldig valg: 'de'"),
        (["--by", "month"], "ugyldig valg: 'month'"),
    ],
)
def test_cli_refuses_bad_options(
    db_path: Path, ids: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    options: list[str], message: str,
) -> None:  # fmt: skip
    out = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "overview", *options,
                          "--out", str(out))  # fmt: skip
    assert code == 2 and message in err
    assert not out.exists()


def test_cli_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "print", "overview",
                          "--out", str(out))  # fmt: skip
    assert code == 2 and "finnes ikke" in err
    assert not out.exists()
