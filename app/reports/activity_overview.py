"""The activity overview (*aktivitetsoversikt*): a leaflet of what the centre offers, for
newcomers and the municipality.

Every running activity with its days and times, place and address, target group, languages and
contact person, grouped by activity type (or by weekday), and the centre's own contact block at
the end. A (P) document: each fixed text is printed in Bokmål and, below it, in the participant's
language (`app.reports.bilingual`); activity names, descriptions and places stay as the centre
wrote them. The data is an `ActivityOverview` from `app.services.print_offers`.

The words the participant printouts share (weekdays, target groups, built-in activity types,
language names in the document's language) live here too, and the interest form imports them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from app.i18n.documents import D_, check_language, in_language
from app.i18n.formatting import format_date, format_time
from app.reports.bilingual import build_participant_pdf, paragraphs, second_style
from app.reports.document import (
    CONTENT_WIDTH,
    MUTED_COLOUR,
    RULE_COLOUR,
    SHADE_COLOUR,
    TEXT_COLOUR,
    DocumentHeader,
    Styles,
    styles,
    table_style,
    text_paragraph,
)

if TYPE_CHECKING:
    from app.services.print_offers import (
        ActivityOverview,
        CentreContact,
        OfferedActivity,
        SessionTime,
        WeeklyTime,
    )

GroupBy = Literal["type", "weekday"]
TITLE = "Aktivitetsoversikt"

# -- words the participant printouts share ----------------------------------------------------

WEEKDAY_TEXTS: tuple[str, ...] = (
    D_("Mandag"),
    D_("Tirsdag"),
    D_("Onsdag"),
    D_("Torsdag"),
    D_("Fredag"),
    D_("Lørdag"),
    D_("Søndag"),
)

# The target groups (codes of `codes.TARGET_GROUPS`) as a leaflet words them.
TARGET_GROUP_TEXTS: dict[str, str] = {
    "children": D_("barn"),
    "youth": D_("ungdom"),
    "adults": D_("voksne"),
    "families": D_("familier"),
    "women": D_("kvinner"),
    "men": D_("menn"),
    "everyone": D_("alle"),
}

# The built-in activity types (`codes.BUILTIN_ACTIVITY_TYPES`) in the document languages; a
# centre's own types print the name the centre gave them.
ACTIVITY_TYPE_TEXTS: dict[str, str] = {
    "sprakkafe": D_("Språkkafé"),
    "leksehjelp": D_("Leksehjelp"),
    "kvinnegruppe": D_("Kvinnegruppe"),
    "mannsgruppe": D_("Mannsgruppe"),
    "tur": D_("Tur og friluftsliv"),
    "idrett": D_("Idrett"),
    "kultur": D_("Kultur"),
    "informasjonsmote": D_("Informasjonsmøte"),
    "klesutdeling": D_("Klesutdeling og utlån"),
    "annet": D_("Andre aktiviteter"),
}

# Babel's CLDR data names languages in each document language; Dari (prs) has no CLDR name.
_BABEL_LOCALES = {"nb": "nb", "en": "en", "uk": "uk", "ar": "ar", "ti": "ti", "so": "so",
                  "pl": "pl", "prs": "fa_AF"}  # fmt: skip
_DARI = {"nb": "dari", "en": "Dari", "uk": "дарі", "ar": "الدارية", "ti": "ዳሪ", "so": "Dari",
         "pl": "dari", "prs": "دری"}  # fmt: skip


@cache
def _language_names(language: str) -> dict[str, str]:
    from babel import Locale

    names = dict(Locale.parse(_BABEL_LOCALES.get(language, "nb")).languages)
    names["prs"] = _DARI.get(language, "Dari")
    return names


def language_name(code: str, language: str | None) -> str:
    """The name of language `code` (ISO 639) in Bokmål (None) or a document language."""
    return _language_names(language or "nb").get(code, code)


def activity_type_text(code: str, name: str) -> str:
    """The Bokmål name of a built-in type (translatable), or the centre's own type's name."""
    return ACTIVITY_TYPE_TEXTS.get(code, name)


def translate(language: str | None) -> Callable[[str], str]:
    """`t(msg)`: the Bokmål `msg` in `language` (Bokmål itself for None)."""
    return lambda message: in_language(message, language)


def bilingual_cell(
    build: Callable[[Callable[[str], str], str | None], str],
    language: str | None,
    style: ParagraphStyle,
) -> list[Flowable]:
    """A cell's text built twice, `build(t, lang)`: in Bokmål, and below it in `language`
    unless it reads the same (a date, a name)."""
    nb = build(translate(None), None)
    cell: list[Flowable] = [text_paragraph(nb, style)]
    if language:
        other = build(translate(language), language)
        if other != nb:
            cell.append(text_paragraph(other, second_style(style, language)))
    return cell


def list_separator(language: str | None) -> str:
    """The comma between list items: the Arabic comma in Arabic and Dari."""
    return "، " if language in ("ar", "prs") else ", "


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- the leaflet ------------------------------------------------------------------------------

# Aktivitet, Når, Hvor, For hvem, Språk.
KEEP_GROUP = 5
COLUMN_WIDTHS = (40 * mm, 42 * mm, 34 * mm, 23 * mm, 26 * mm)


def render_activity_overview(
    overview: ActivityOverview,
    target: Path | str | BinaryIO,
    *,
    language: str | None = None,
    group_by: GroupBy = "type",
    generated_on: dt.date | None = None,
) -> None:
    """Write the activity overview of `overview` as a PDF to `target`.

    `language` is the participant language printed under the Bokmål (None: Bokmål only);
    `group_by` "type" puts the activities under their activity types, "weekday" under the days
    they meet. ValueError for a language that is not a document language.
    """
    language = check_language(language)
    centre = overview.centre
    header = DocumentHeader(
        centre_name=centre.name,
        logo=centre.logo,
        title=TITLE,
        generated_on=generated_on or overview.on,
    )
    build_participant_pdf(target, _story(overview, language, group_by), header)


@dataclass(frozen=True)
class _TableStyles:
    cell: ParagraphStyle
    bold: ParagraphStyle
    muted: ParagraphStyle
    header: ParagraphStyle
    group: ParagraphStyle


def _table_styles(style: Styles) -> _TableStyles:
    cell = ParagraphStyle("overview-cell", parent=style.cell, fontSize=9, leading=11.5)
    return _TableStyles(
        cell=cell,
        bold=ParagraphStyle("overview-bold", parent=cell, fontName=style.cell_bold.fontName),
        muted=ParagraphStyle("overview-muted", parent=cell, fontSize=8, leading=10,
                             textColor=MUTED_COLOUR),
        header=ParagraphStyle("overview-header", parent=cell, fontSize=8.5, leading=10.5,
                              textColor=MUTED_COLOUR),
        group=ParagraphStyle("overview-group", parent=style.cell_bold, fontSize=11, leading=14),
    )  # fmt: skip


def _story(overview: ActivityOverview, language: str | None, group_by: GroupBy) -> list[Flowable]:
    style = styles()
    centre_name = overview.centre.name or "frivilligsentralen"
    story: list[Flowable] = []
    story += paragraphs(D_("Dette kan du være med på"), language, style.title)
    story += paragraphs(
        D_(
            "Her er aktivitetene hos {centre}. Du er hjertelig velkommen! Lurer du på noe, "
            "eller vil du være med? Ta kontakt med oss, eller kom innom."
        ),
        language,
        style.body,
        centre=centre_name,
    )
    story.append(Spacer(1, 3 * mm))
    if not overview.activities:
        story += paragraphs(
            D_(
                "Akkurat nå har vi ingen faste aktiviteter på planen. Ta kontakt med oss for å "
                "høre hva som skjer framover."
            ),
            language,
            style.body_bold,
        )
    else:
        groups = (
            _by_weekday(overview.activities)
            if group_by == "weekday"
            else _by_type(overview.activities)
        )
        story.append(_table(groups, language, _table_styles(style)))
    story.append(Spacer(1, 6 * mm))
    story.append(contact_block(overview.centre, language, style))
    return story


# A group: its heading (a document text or a name as written), and its activities, each with the
# weekly time to show (None: all of them).
_Group = tuple[str, list[tuple["OfferedActivity", "WeeklyTime | None"]]]


def _by_type(activities: Iterable[OfferedActivity]) -> list[_Group]:
    groups: dict[tuple[int, str], list[OfferedActivity]] = defaultdict(list)
    order = list(ACTIVITY_TYPE_TEXTS)
    for activity in activities:
        # Built-in types in their fixed order, "Annet" last, the centre's own types between.
        if activity.type_code == "annet":
            rank = len(order) + 1
        elif activity.builtin_type and activity.type_code in order:
            rank = order.index(activity.type_code)
        else:
            rank = len(order)
        groups[(rank, activity.type_name.casefold())].append(activity)
    result: list[_Group] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=_when_key)
        first = members[0]
        result.append(
            (activity_type_text(first.type_code, first.type_name), [(a, None) for a in members])
        )
    return result


def _by_weekday(activities: Iterable[OfferedActivity]) -> list[_Group]:
    days: dict[int, list[tuple[OfferedActivity, WeeklyTime | None]]] = defaultdict(list)
    others: list[OfferedActivity] = []
    for activity in activities:
        for time in activity.weekly:
            days[time.weekday].append((activity, time))
        if not activity.weekly:
            others.append(activity)
    result: list[_Group] = []
    for day in sorted(days):
        members = sorted(days[day], key=lambda pair: (pair[1].start, pair[0].name.casefold()))  # type: ignore[union-attr]
        result.append((WEEKDAY_TEXTS[day], members))
    if others:
        result.append((D_("Andre datoer"), [(a, None) for a in sorted(others, key=_when_key)]))
    return result


def _when_key(activity: OfferedActivity) -> tuple:
    first = min(activity.weekly, key=lambda w: (w.weekday, w.start), default=None)
    if first is not None:
        return (0, first.weekday, first.start, activity.name.casefold())
    day = activity.dates[0].date if activity.dates else dt.date.max
    return (1, day.toordinal(), dt.time(), activity.name.casefold())


def _table(groups: list[_Group], language: str | None, ts: _TableStyles) -> Table:
    """One table: a header row repeated on every page, a shaded row per group, a row per
    activity. A group's row is never left alone at the foot of a page, and a group of up to
    `KEEP_GROUP` activities is not split (NOSPLIT)."""
    headers = (D_("Aktivitet"), D_("Når"), D_("Hvor"), D_("For hvem"), D_("Språk"))
    rows: list[list[object]] = [[paragraphs(h, language, ts.header) for h in headers]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, TEXT_COLOUR),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for heading, members in groups:
        at = len(rows)
        rows.append([paragraphs(heading, language, ts.group), "", "", "", ""])
        commands += [
            ("SPAN", (0, at), (-1, at)),
            ("BACKGROUND", (0, at), (-1, at), SHADE_COLOUR),
            ("TOPPADDING", (0, at), (-1, at), 5),
            # A short group stays on one page; a long one at least keeps its first row.
            ("NOSPLIT", (0, at), (-1, at + (len(members) if len(members) <= KEEP_GROUP else 1))),
        ]
        for activity, only in members:
            rows.append(_row(activity, only, language, ts))
            commands.append(
                ("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.5, RULE_COLOUR)
            )
    table = Table(rows, colWidths=list(COLUMN_WIDTHS), repeatRows=1)
    table.setStyle(table_style(commands))
    return table


def _row(
    activity: OfferedActivity, only: WeeklyTime | None, language: str | None, ts: _TableStyles
) -> list[object]:
    name: list[Flowable] = [text_paragraph(activity.name, ts.bold)]
    if activity.description:
        name.append(text_paragraph(activity.description, ts.muted))
    if activity.contact_name:
        name.append(Spacer(1, 2))
        name += bilingual_cell(
            lambda t, _lang: t(D_("Kontakt: {name}")).format(name=activity.contact_name),
            language,
            ts.muted,
        )
    languages = (
        bilingual_cell(
            lambda _t, lang: list_separator(lang).join(
                language_name(c, lang) for c in activity.languages
            ),
            language,
            ts.cell,
        )
        if activity.languages
        else []
    )
    return [
        name,
        _when(activity, only, language, ts),
        _where(activity, language, ts),
        [
            *bilingual_cell(lambda t, lang: _for_whom(activity, t, lang), language, ts.cell),
            *(
                bilingual_cell(lambda t, _lang: _ages(activity, t), language, ts.cell)
                if _ages(activity, translate(None))
                else []
            ),
        ],
        languages,
    ]


def _weekly_text(time: WeeklyTime, t: Callable[[str], str], *, weekday: bool = True) -> str:
    text = f"{format_time(time.start)}–{format_time(time.end)}"
    if weekday:
        text = f"{t(WEEKDAY_TEXTS[time.weekday])} {text}"
    if time.every_weeks == 2:
        text += " (" + t(D_("annenhver uke")) + ")"
    if time.first_date is not None:
        text += ", " + t(D_("fra {date}")).format(date=format_date(time.first_date))
    return text


def _date_text(session: SessionTime) -> str:
    """`02.12.2026, 18:00–19:30`: the same in every language."""
    return f"{format_date(session.date)}, {format_time(session.start)}–{format_time(session.end)}"


def _when(
    activity: OfferedActivity, only: WeeklyTime | None, language: str | None, ts: _TableStyles
) -> list[Flowable]:
    cell: list[Flowable] = []
    times = (only,) if only is not None else activity.weekly
    for time in times:
        cell += bilingual_cell(
            lambda t, _lang, time=time: _weekly_text(time, t, weekday=only is None),
            language,
            ts.cell,
        )
    if not activity.weekly:
        if activity.dates:
            cell += paragraphs(D_("Neste datoer:"), language, ts.muted)
        cell += [text_paragraph(_date_text(session), ts.cell) for session in activity.dates]
    if activity.end_date is not None:
        cell += bilingual_cell(
            lambda t, _lang: t(D_("Siste gang: {date}")).format(
                date=format_date(activity.end_date)
            ),
            language,
            ts.muted,
        )
    return cell


def _where(activity: OfferedActivity, language: str | None, ts: _TableStyles) -> list[Flowable]:
    if not activity.place_name:
        return paragraphs(D_("Spør oss om stedet."), language, ts.cell)
    cell = [text_paragraph(activity.place_name, ts.cell)]
    address = activity.place_address
    if address and address.casefold() not in activity.place_name.casefold():
        cell.append(text_paragraph(address, ts.muted))
    return cell


def _for_whom(activity: OfferedActivity, t: Callable[[str], str], language: str | None) -> str:
    """The target groups: `Voksne, alle`."""
    groups = [t(TARGET_GROUP_TEXTS[g]) for g in activity.target_groups if g in TARGET_GROUP_TEXTS]
    return capitalised(list_separator(language).join(groups or [t(TARGET_GROUP_TEXTS["everyone"])]))


def _ages(activity: OfferedActivity, t: Callable[[str], str]) -> str:
    """`6–12 år`, `fra 13 år`, `til og med 16 år`, or "" when the activity has no age limits."""
    low, high = activity.min_age, activity.max_age
    if low is not None and high is not None:
        return t(D_("{low}–{high} år")).format(low=low, high=high)
    if low is not None:
        return t(D_("fra {age} år")).format(age=low)
    if high is not None:
        return t(D_("til og med {age} år")).format(age=high)
    return ""


# -- the centre -------------------------------------------------------------------------------


def contact_block(centre: CentreContact, language: str | None, style: Styles) -> Flowable:
    """ "Kontakt oss": the centre's name, address, phone and e-mail, and its manager, boxed."""
    lines: list[Flowable] = [*paragraphs(D_("Kontakt oss"), language, style.heading)]
    lines.append(Spacer(1, 1 * mm))
    if centre.name:
        lines.append(text_paragraph(centre.name, style.cell_bold))
    for text in (centre.address, centre.postcode_place):
        if text:
            lines.append(text_paragraph(text, style.cell))
    details = [
        (D_("Telefon"), centre.phone),
        (D_("E-post"), centre.email),
        (D_("Daglig leder"), centre.manager_name),
    ]
    for message, value in details:
        if value:
            lines.append(Spacer(1, 1.5 * mm))
            lines += paragraphs(message, language, style.label)
            lines.append(text_paragraph(value, style.cell))
    box = Table([[lines]], colWidths=[CONTENT_WIDTH])
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1, RULE_COLOUR),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return KeepTogether([box])
