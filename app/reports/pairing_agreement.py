"""The agreement (*avtale*) a volunteer and a participant or family sign when a pairing starts.

One or two A4 pages: who the pairing is between (adults by name, children only by birth year), the
terms from the programme (start, length, expected contact, how the centre follows up), how the
pair work together, the confidentiality declaration (*taushetserklæring*) with what to do when
worried about a child, and signature lines with place and date for each volunteer, for the
participant or the family, and for the centre's coordinator.

It is read and signed by the volunteer and the family together, in the UI language (`_()`),
Bokmål by default. Takes a `PairingAgreement` from `app.services.print_people`; no database, no Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from babel.lists import format_list
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from app.i18n import _, ngettext
from app.i18n.formatting import babel_locale, format_date, format_number
from app.reports.document import (
    CONTENT_WIDTH,
    MUTED_COLOUR,
    RULE_COLOUR,
    SHADE_COLOUR,
    TEXT_COLOUR,
    DocumentHeader,
    Styles,
    build_pdf,
    markup,
    styles,
    table_style,
    text_paragraph,
)
from app.services.print_people import Member, PairingAgreement

LABEL_WIDTH = 44 * mm
SIGNATURE_GAP = 8 * mm


def document_title() -> str:
    """The title in the page header and the preview window."""
    return _("Avtale om kobling")


def render_pairing_agreement(agreement: PairingAgreement, target: Path | str | BinaryIO) -> None:
    """Write the agreement as a PDF to `target` (a path or a binary file)."""
    header = DocumentHeader(
        centre_name=agreement.centre.name,
        logo=agreement.centre.logo,
        title=document_title(),
        generated_on=agreement.printed_on,
    )
    build_pdf(
        target,
        _story(agreement, styles()),
        header,
        pdf_title=_("Avtale – {programme}: {seeker}").format(
            programme=agreement.programme, seeker=agreement.seeker_name
        ),
    )


# -- wording ---------------------------------------------------------------------------------------


def _hours(hours: float) -> str:
    """`8 timer`, `1,5 timer`, `1 time`."""
    whole = float(hours).is_integer()
    shown = format_number(int(hours)) if whole else format_number(hours, 1)
    return ngettext("{n} time", "{n} timer", int(hours) if whole else 2).format(n=shown)


def _months(months: int) -> str:
    return ngettext("{n} måned", "{n} måneder", months).format(n=format_number(months))


def _listed(items: list[str]) -> str:
    """`2016, 2018 og 2021` in the UI language."""
    return format_list(items, locale=babel_locale()) if items else ""


def _adult(member: Member) -> str:
    if member.name:
        return member.name
    if member.birth_year is not None:
        return _("voksen (f. {year})").format(year=member.birth_year)
    return _("voksen")


def _children(members: tuple[Member, ...]) -> str:
    """`2 barn (født 2016 og 2019)`: children are never named on the agreement."""
    children = [m for m in members if m.is_child]
    text = ngettext("{n} barn", "{n} barn", len(children)).format(n=format_number(len(children)))
    years = sorted(m.birth_year for m in children if m.birth_year is not None)
    if years:
        text += " " + _("(født {years})").format(years=_listed([str(y) for y in years]))
    return text


def _length(agreement: PairingAgreement) -> str:
    if agreement.status == "ended" and agreement.end is not None:
        return _("{months} (avsluttet {date})").format(
            months=_months(agreement.months), date=format_date(agreement.end)
        )
    months = _months(agreement.months)
    if agreement.planned_end is not None:
        return _("{months}, til {date}").format(
            months=months, date=format_date(agreement.planned_end)
        )
    return _("{months} fra startdatoen").format(months=months)


def _contact(agreement: PairingAgreement) -> str:
    if agreement.hours_per_month <= 0:
        return _("Etter avtale mellom dere")
    return _("Ca. {hours} i måneden, for eksempel litt hver uke").format(
        hours=_hours(agreement.hours_per_month)
    )


def _follow_up(agreement: PairingAgreement) -> str:
    if not agreement.has_follow_ups:
        return _("Koordinatoren er der når dere trenger det. Ta kontakt når som helst.")
    return _("{plan}, regnet fra startdatoen. Koordinatoren ringer eller møter dere og hører "
             "hvordan det går.").format(plan=agreement.follow_up_plan)  # fmt: skip


def working_together() -> list[str]:
    """How the pair work together: short, plain rules both sides can hold each other to."""
    return [
        _("Dere avtaler selv når og hvor dere møtes, og hva dere gjør sammen."),
        _("Den frivillige stiller opp som medmenneske, ikke som saksbehandler, tolk eller "
          "rådgiver. Saker om bolig, penger, helse og opphold hører hjemme hos dem som har "
          "ansvaret for dem, men dere kan gjerne finne ut av ting sammen."),
        _("Dere låner ikke ut og gir ikke hverandre penger eller dyre gaver."),
        _("Gi beskjed i god tid hvis et møte ikke passer. Begge kan avslutte koblingen før "
          "tiden; si da fra til koordinatoren."),
        _("Fortell koordinatoren når dere har møttes og omtrent hvor lenge. Timene teller som "
          "frivillig innsats."),
    ]  # fmt: skip


def confidentiality() -> list[str]:
    """The confidentiality declaration (taushetserklæring), paragraph by paragraph."""
    return [
        _("Som frivillig blir du kjent med private forhold hos dem du er koblet med, for eksempel "
          "om helse, familie, økonomi, bakgrunn og hvordan de har det. Dette forteller du ikke "
          "videre til andre. Det gjelder også etter at koblingen er avsluttet, og etter at du har "
          "sluttet som frivillig."),
        _("Du kan alltid snakke med koordinatoren om koblingen. Legg ikke ut bilder, navn eller "
          "historier om dem du er koblet med, på sosiale medier eller andre steder, uten at de "
          "har sagt ja til det."),
        _("Taushetserklæringen hindrer deg aldri i å si fra når noen trenger hjelp. Er du "
          "bekymret for et barn, for eksempel fordi du tror at barnet ikke har det trygt, snakker "
          "du med koordinatoren så snart som mulig. Dere finner sammen ut hva som skal gjøres, og "
          "om barnevernet skal få beskjed. Er noen i akutt fare, ring 112."),
        _("Frivilligsentralen behandler opplysningene om dere etter personvernreglene og lagrer "
          "bare det som trengs for å følge opp koblingen."),
    ]  # fmt: skip


# -- layout ---------------------------------------------------------------------------------------


def _details(rows: list[tuple[str, list[Flowable]]], style: Styles) -> Table:
    """A two-column box: a shaded label column and the values."""
    table = Table(
        [[Paragraph(markup(label), style.label), value] for label, value in rows],
        colWidths=[LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), SHADE_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE_COLOUR),
                ("BOX", (0, 0), (-1, -1), 0.75, RULE_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (0, -1), 5 + style.cell.fontSize - style.label.fontSize),
            ]
        )
    )
    return table


def _lines(texts: list[str], style: ParagraphStyle) -> list[Flowable]:
    return [text_paragraph(text, style) for text in texts]


def _people(agreement: PairingAgreement, style: Styles) -> Table:
    volunteers = list(agreement.volunteers)
    rows: list[tuple[str, list[Flowable]]] = [
        (ngettext("Frivillig", "Frivillige", len(volunteers)), _lines(volunteers, style.cell_bold))
    ]
    if agreement.seeker_kind == "household":
        rows.append((_("Familie"), _lines([agreement.seeker_name], style.cell_bold)))
        adults = [_adult(m) for m in agreement.members if not m.is_child]
        if adults:
            rows.append((_("Voksne"), _lines([", ".join(adults)], style.cell)))
        if any(m.is_child for m in agreement.members):
            rows.append((_("Barn"), _lines([_children(agreement.members)], style.cell)))
        if agreement.contact_name:
            rows.append((_("Kontaktperson"), _lines([agreement.contact_name], style.cell)))
    else:
        rows.append((_("Deltaker"), _lines([agreement.seeker_name], style.cell_bold)))
    return _details(rows, style)


def _terms(agreement: PairingAgreement, style: Styles) -> Table:
    if agreement.start is not None:
        start: list[Flowable] = _lines([format_date(agreement.start)], style.cell)
    else:
        # Proposed: the date is agreed at the start meeting and written in by hand.
        start = [
            Paragraph(
                f'_______________ <font color="#{MUTED_COLOUR.hexval()[2:]}">'
                f"{markup(_('(skrives inn ved oppstart)'))}</font>",
                style.cell,
            )
        ]
    rows = [
        (_("Program"), _lines([agreement.programme], style.cell)),
        (_("Startdato"), start),
        (_("Varighet"), _lines([_length(agreement)], style.cell)),
        (_("Forventet kontakt"), _lines([_contact(agreement)], style.cell)),
        (_("Oppfølging"), _lines([_follow_up(agreement)], style.cell)),
    ]
    return _details(rows, style)


def _bullets(texts: list[str], style: Styles) -> list[Flowable]:
    bullet = ParagraphStyle(
        "bullet", parent=style.body, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=3
    )
    return [Paragraph(markup(text), bullet, bulletText="•") for text in texts]


def _signature_box(name: str, role: str, style: Styles, width: float) -> Table:
    """Place and date, a signature line, and under it who signs."""
    rows = [
        [""],
        [Paragraph(markup(_("Sted og dato")), style.label)],
        [""],
        [Paragraph(markup(_("Underskrift")), style.label)],
        [
            text_paragraph(name, style.cell_bold)
            if name
            else Paragraph(f"{markup(_('Navn'))}: ______________________", style.small)
        ],
        [text_paragraph(role, style.small)],
    ]
    box = Table(rows, colWidths=[width], rowHeights=[10 * mm, None, 11 * mm, None, None, None])
    box.setStyle(
        table_style(
            [
                ("LINEBELOW", (0, 0), (0, 0), 0.75, TEXT_COLOUR),
                ("LINEBELOW", (0, 2), (0, 2), 0.75, TEXT_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 4), (0, 4), 4),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return box


def signers(agreement: PairingAgreement) -> list[tuple[str, str]]:
    """(name, role) of everyone who signs; an empty name is written in by hand."""
    result = [(name, _("Frivillig")) for name in agreement.volunteers]
    if agreement.seeker_kind == "household":
        result.append(
            (agreement.contact_name or "", _("For {family}").format(family=agreement.seeker_name))
        )
    else:
        result.append((agreement.seeker_name, _("Deltaker")))
        if agreement.seeker_is_child:
            result.append(("", _("Verge eller foresatt for {name}").format(
                name=agreement.seeker_name)))  # fmt: skip
    result.append(("", _("Koordinator, {centre}").format(centre=agreement.centre.name)))
    return result


def _signatures(agreement: PairingAgreement, style: Styles) -> list[Flowable]:
    width = (CONTENT_WIDTH - SIGNATURE_GAP) / 2
    boxes = [_signature_box(name, role, style, width) for name, role in signers(agreement)]
    story: list[Flowable] = []
    for i in range(0, len(boxes), 2):
        pair = boxes[i : i + 2]
        if len(pair) == 1:
            pair.append(Spacer(1, 1))
        row = Table([[pair[0], "", pair[1]]], colWidths=[width, SIGNATURE_GAP, width])
        row.setStyle(
            table_style(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(row)
    return story


def _story(agreement: PairingAgreement, style: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(
            markup(_("Avtale – {programme}").format(programme=agreement.programme), bold=True),
            style.title,
        ),
        Paragraph(
            markup(
                _(
                    "Denne avtalen gjelder koblingen nedenfor i {programme} ved {centre}. Den sier "
                    "hva dere kan vente av hverandre og av frivilligsentralen."
                ).format(programme=agreement.programme, centre=agreement.centre.name)
            ),
            style.body,
        ),
        Paragraph(markup(_("Hvem avtalen gjelder"), bold=True), style.heading),
        _people(agreement, style),
        Paragraph(markup(_("Avtalen"), bold=True), style.heading),
        _terms(agreement, style),
        KeepTogether(
            [Paragraph(markup(_("Slik samarbeider vi"), bold=True), style.heading)]
            + _bullets(working_together(), style)
        ),
    ]
    # The declaration may start at the foot of the first page; its heading keeps its first lines.
    declaration = [Paragraph(markup(text), style.body) for text in confidentiality()]
    story.append(
        KeepTogether(
            [Paragraph(markup(_("Taushetserklæring"), bold=True), style.heading), declaration[0]]
        )
    )
    story.extend(declaration[1:])
    promise = ngettext(
        "Den frivillige lover også å følge taushetserklæringen.",
        "De frivillige lover også å følge taushetserklæringen.",
        len(agreement.volunteers),
    )
    signing = [
        Paragraph(markup(_("Underskrifter"), bold=True), style.heading),
        Paragraph(
            markup(
                _("Ved å skrive under bekrefter vi at vi har lest avtalen og er enige i den.")
                + " "
                + promise
            ),
            style.body,
        ),
        Spacer(1, 2 * mm),
    ]
    signatures = _signatures(agreement, style)
    story.append(KeepTogether(signing + signatures[:1]))
    story.extend(signatures[1:])
    story.append(Paragraph(markup(_("Hver som skriver under, får et eksemplar av avtalen.")),
                           style.muted))  # fmt: skip
    return story
