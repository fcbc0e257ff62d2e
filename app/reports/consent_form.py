"""The consent form (*samtykke og personvern*): what the centre stores about a participant, why,
for how long, the participant's rights, and lines to sign.

Written from DOMAIN.md, "Privacy", and from what the participant register really holds
(`app.services.participant_register`): the minimum, nothing more, and it says what is never
stored. A child under 18 is signed for by a parent or guardian (*forelder/foresatt*), an
unaccompanied minor by their *verge*. A (P) document: every text in Bokmål and, below it, in the
participant's language.

Retention: the centre has no retention setting yet, so the form states the policy in words
(`RETENTION`): kept while the person takes part, deleted when no longer needed and at the latest
two years after they last took part; counts without names stay. When a setting exists, the text
must say its number (with plural forms per language), and this constant goes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from app.i18n.documents import D_, check_language
from app.reports.activity_overview import contact_block
from app.reports.bilingual import build_participant_pdf, paragraphs
from app.reports.document import (
    CONTENT_WIDTH,
    RULE_COLOUR,
    DocumentHeader,
    Styles,
    styles,
    table_style,
    text_paragraph,
)
from app.reports.interest_form import CheckBox, check_grid, write_in

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle

    from app.services.print_offers import ConsentForm

TITLE = "Samtykke og personvern"

# What the participant register holds (participant_register.ParticipantData, attendance, pairings,
# households and the consent itself), in the participant's words.
STORED: tuple[str, ...] = (
    D_("navnet ditt"),
    D_("fødselsåret ditt, eller bare aldersgruppen"),
    D_("kjønn"),
    D_("hvilke språk du snakker"),
    D_("hva du er interessert i"),
    D_("telefonnummeret ditt, hvis du vil gi oss det"),
    D_("postnummer og bydel"),
    D_("hvilket år du kom til kommunen"),
    D_("om du har innvandret selv, er født i Norge av foreldre som har innvandret, eller ingen av "
       "delene – bare hvis du vil si det"),
    D_("hvem som sendte deg til oss, for eksempel flyktningtjenesten eller NAV"),
    D_("hvem i familien din som er registrert hos oss sammen med deg"),
    D_("hvilke aktiviteter du er med på, og når du var der"),
    D_("hvem du er koblet med, for eksempel en flyktningguide eller en vennefamilie"),
    D_("når og hvordan du sa ja til dette"),
)  # fmt: skip

NEVER_STORED: tuple[str, ...] = (
    D_("fødselsnummer eller D-nummer"),
    D_("oppholdsstatus eller saken din hos UDI"),
    D_("hvilket land du kommer fra"),
)

PURPOSES: tuple[str, ...] = (
    D_("for å ha deg med i aktivitetene og holde kontakt med deg"),
    D_("for å finne en frivillig eller en familie som passer for deg, hvis du ønsker det"),
    D_("for å lage tall uten navn til kommunen og andre som gir oss penger. Ingen kan se hvem du "
       "er i disse tallene."),
)  # fmt: skip

RETENTION = D_(
    "Vi lagrer opplysningene så lenge du er med hos oss. Når du slutter, sletter vi dem når vi "
    "ikke lenger trenger dem, og senest to år etter at du sist var med på noe hos oss. Da "
    "sletter vi navnet ditt og alt som viser hvem du er. Tall uten navn, for eksempel hvor mange "
    "som var med på en aktivitet, blir stående."
)

RIGHTS: tuple[str, ...] = (
    D_("få se alt vi har lagret om deg (innsyn)"),
    D_("få rettet opplysninger som er feil"),
    D_("få slettet opplysningene om deg"),
    D_("trekke tilbake samtykket når som helst, uten å si hvorfor. Da sletter vi opplysningene om "
       "deg. Du kan fortsatt komme på de åpne aktivitetene våre."),
    D_("klage til Datatilsynet hvis du mener at vi ikke behandler opplysningene dine riktig "
       "(datatilsynet.no)"),
)  # fmt: skip

BULLET = "•"


def render_consent_form(
    form: ConsentForm,
    target: Path | str | BinaryIO,
    *,
    language: str | None = None,
    generated_on: dt.date | None = None,
) -> None:
    """Write the consent form as a PDF to `target`, in Bokmål and `language` (None: Bokmål
    only). ValueError for a language that is not a document language."""
    language = check_language(language)
    header = DocumentHeader(
        centre_name=form.centre.name,
        logo=form.centre.logo,
        title=TITLE,
        generated_on=generated_on or dt.date.today(),
    )
    build_participant_pdf(target, _story(form, language), header)


def bullets(
    messages: tuple[str, ...], language: str | None, style: ParagraphStyle, columns: int = 1
) -> Flowable:
    """A bullet list in `columns` columns (filled row by row); each item in Bokmål with its
    translation below it."""
    item = style.clone(f"{style.name}-item", spaceAfter=0)
    bullet_width = 5 * mm
    gap = 6 * mm if columns > 1 else 0
    text_width = (CONTENT_WIDTH - gap * (columns - 1)) / columns - bullet_width
    cells = [[text_paragraph(BULLET, item), paragraphs(m, language, item)] for m in messages]
    rows = []
    for start in range(0, len(cells), columns):
        row: list[object] = []
        for index, cell in enumerate(cells[start : start + columns]):
            row += ([""] if index else []) + cell
        rows.append(row + [""] * (3 * columns - 1 - len(row)))
    widths = [bullet_width, text_width]
    for _column in range(columns - 1):
        widths += [gap, bullet_width, text_width]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _section(
    heading: str, language: str | None, style: Styles, *content: Flowable, keep: int = 1
) -> list[Flowable]:
    """A heading kept on the page with the first `keep` flowables under it."""
    head = [*paragraphs(heading, language, style.heading), Spacer(1, 1 * mm)]
    return [KeepTogether([*head, *content[:keep]]), *content[keep:]]


def _story(form: ConsentForm, language: str | None) -> list[Flowable]:
    style = styles()
    centre = form.centre.name or "frivilligsentralen"
    body = style.body
    story: list[Flowable] = [*paragraphs(D_("Samtykke og personvern"), language, style.title)]
    story += paragraphs(
        D_(
            "For at du skal kunne være med i aktiviteter hos {centre}, trenger vi noen "
            "opplysninger om deg. Vi lagrer dem bare hvis du sier ja. Det er frivillig, og du kan "
            "være med på de åpne aktivitetene våre uten å bli registrert."
        ),
        language,
        body,
        centre=centre,
    )
    story += _section(
        D_("Dette lagrer vi"), language, style, bullets(STORED, language, body, columns=2)
    )
    story += _section(
        D_("Dette lagrer vi aldri"), language, style, bullets(NEVER_STORED, language, body)
    )
    story += _section(
        D_("Hvorfor vi lagrer det"), language, style, bullets(PURPOSES, language, body)
    )
    story += paragraphs(
        D_(
            "Bare de ansatte på frivilligsentralen kan se alt vi har lagret. Frivillige som du "
            "møter i aktivitetene, eller som du blir koblet med, får bare vite det de trenger, for "
            "eksempel navnet ditt. Vi gir ikke opplysninger om deg til andre uten at du sier ja."
        ),
        language,
        body,
    )
    story += _section(
        D_("Hvor lenge vi lagrer det"), language, style, *paragraphs(RETENTION, language, body)
    )
    rights_intro = paragraphs(D_("Du har rett til å:"), language, body)
    story += _section(
        D_("Dine rettigheter"),
        language,
        style,
        *rights_intro,
        bullets(RIGHTS, language, body),
        Spacer(1, 1.5 * mm),
        *paragraphs(
            D_("Si fra til oss, muntlig eller skriftlig. Det koster ingenting."), language, body
        ),
        keep=len(rights_intro) + 1,
    )
    story.append(Spacer(1, 2 * mm))
    story.append(contact_block(form.centre, language, style))
    # The signatures get a page of their own: the centre keeps it, the person keeps the rest.
    story.append(PageBreak())
    story += _signatures(centre, language, style)
    return story


def _signatures(centre: str, language: str | None, style: Styles) -> list[Flowable]:
    def caption(message: str) -> list[Flowable]:
        return paragraphs(message, language, style.label)

    def part(message: str) -> list[Flowable]:
        return [Spacer(1, 4 * mm), *paragraphs(message, language, style.heading), Spacer(1, 1 * mm)]

    who = [
        *paragraphs(D_("Samtykke"), language, style.title),
        *paragraphs(
            D_(
                "Jeg har lest om samtykke og personvern. Jeg sier ja til at {centre} lagrer "
                "opplysningene om meg, eller om barnet jeg skriver under for, og bruker dem slik "
                "det står der."
            ),
            language,
            style.body_bold,
            centre=centre,
        ),
        write_in([caption(D_("Navn på deltakeren")), caption(D_("Fødselsår"))]),
    ]
    adult = [
        *part(D_("Deltakeren er 18 år eller eldre")),
        write_in([caption(D_("Sted og dato")), caption(D_("Underskrift"))], height=11 * mm),
    ]
    child = [
        *part(D_("Deltakeren er under 18 år")),
        *paragraphs(
            D_(
                "En forelder eller foresatt skriver under. For en enslig mindreårig skriver "
                "vergen under."
            ),
            language,
            style.body,
        ),
        check_grid(
            [
                paragraphs(D_("Forelder eller foresatt"), language, style.cell),
                paragraphs(D_("Verge"), language, style.cell),
            ],
            2,
        ),
        write_in([caption(D_("Navn på forelder, foresatt eller verge"))]),
        Spacer(1, 2 * mm),
        write_in([caption(D_("Sted og dato")), caption(D_("Underskrift"))], height=11 * mm),
    ]
    return [
        KeepTogether(who),
        KeepTogether(adult),
        KeepTogether(child),
        Spacer(1, 6 * mm),
        KeepTogether([_office_box(style)]),
    ]


def _office_box(style: Styles) -> Flowable:
    """One boxed row for the centre (in Bokmål): registered in Dugnad, when and by whom."""
    small = style.label
    cells = [
        [
            text_paragraph(D_("Fylles ut av frivilligsentralen"), style.small),
            CheckBox(3 * mm),
            text_paragraph(D_("Registrert i Dugnad"), small),
            text_paragraph(D_("Dato:"), small),
            text_paragraph(D_("Av:"), small),
        ]
    ]
    widths = [52 * mm, 6 * mm, 37 * mm, 32 * mm]
    table = Table(cells, colWidths=[*widths, CONTENT_WIDTH - sum(widths)], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, RULE_COLOUR),
                ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE_COLOUR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (1, 0), (1, 0), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return table
