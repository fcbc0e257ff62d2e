"""The kontaktliste of an activity as a PDF: the team's volunteers with role, phone and e-mail.

The list holds personal data, so every page's header says "Fortrolig" beside the title, and the
first page says in a framed box why: it is for the team and the staff only, not to be passed on,
posted or put up, and to be shredded when it is no longer needed.

Texts are UI texts (`_()`): the list is read by staff and volunteers, not by participants.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.i18n import _, ngettext
from app.i18n.formatting import format_date, format_number
from app.reports import fonts
from app.reports.document import (
    CONTENT_WIDTH,
    MUTED_COLOUR,
    RULE_COLOUR,
    SHADE_COLOUR,
    DocumentHeader,
    build_pdf,
    markup,
    styles,
    table_style,
    text_paragraph,
)
from app.services.phones import format_phone

if TYPE_CHECKING:
    from app.services.print_rosters import ContactListPrintout, ContactRow

CONFIDENTIAL_COLOUR = colors.HexColor("#9b1c1c")
CONFIDENTIAL_SHADE = colors.HexColor("#fdf1ef")


def contact_list_title(printout: ContactListPrintout) -> str:
    """`Kontaktliste: Språkkafé`."""
    return _("Kontaktliste: {activity}").format(activity=printout.activity)


def render_contact_list(printout: ContactListPrintout, target: Path | str | BinaryIO) -> None:
    """Write the kontaktliste of `printout` as a PDF to `target` (a path or a binary file)."""
    title = contact_list_title(printout)
    header = DocumentHeader(
        centre_name=printout.centre_name,
        logo=printout.logo,
        title=_("FORTROLIG · {title}").format(title=title),
        generated_on=printout.generated_on,
    )
    build_pdf(target, _story(printout), header, pdf_title=f"{title} ({_('fortrolig')})")


def _story(printout: ContactListPrintout) -> list[Flowable]:
    st = styles()
    cell = ParagraphStyle("contact-cell", parent=st.cell, fontSize=9.5, leading=12.5)
    muted = ParagraphStyle("contact-muted", parent=cell, textColor=MUTED_COLOUR)
    head = ParagraphStyle("contact-head", parent=cell, fontName=fonts.SANS_BOLD,
                          textColor=MUTED_COLOUR)  # fmt: skip

    facts = []
    if printout.place:
        facts.append(_("Sted: {place}").format(place=printout.place))
    if printout.coordinator:
        facts.append(_("Ansvarlig: {name}").format(name=printout.coordinator))
    facts.append(_("Per {date}").format(date=format_date(printout.generated_on)))

    story: list[Flowable] = [
        text_paragraph(contact_list_title(printout), st.title),
        text_paragraph(" · ".join(facts), st.body),
        Spacer(1, 2 * mm),
        _confidential_box(st.body),
        Spacer(1, 5 * mm),
    ]
    if not printout.members:
        story.append(text_paragraph(_("Teamet har ingen frivillige nå."), st.body_bold))
        story.append(text_paragraph(
            _("Frivillige legges til i teamet på aktiviteten, under Team."), st.muted))  # fmt: skip
        return story

    count = len(printout.members)
    story.append(text_paragraph(
        ngettext("{n} frivillig i teamet", "{n} frivillige i teamet", count).format(
            n=format_number(count)), st.body))  # fmt: skip
    widths = [42 * mm, 28 * mm, 34 * mm, CONTENT_WIDTH - 104 * mm]
    rows: list[list] = [
        [Paragraph(markup(text, bold=True), head)
         for text in (_("Navn"), _("Rolle"), _("Telefon"), _("E-post"))]
    ]  # fmt: skip
    for member in printout.members:
        rows.append(_row(member, printout.generated_on, widths, cell, muted))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_COLOUR),
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, RULE_COLOUR),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story.append(table)
    return story


def _row(
    member: ContactRow,
    today: dt.date,
    widths: list[float],
    cell: ParagraphStyle,
    muted: ParagraphStyle,
) -> list:
    name: list[Flowable] = [text_paragraph(member.name, cell)]
    if member.paused:
        name.append(text_paragraph(_("har pause"), muted))
    role: list[Flowable] = [text_paragraph(member.role, cell)] if member.role else []
    if member.from_date > today:
        role.append(text_paragraph(
            _("fra {date}").format(date=format_date(member.from_date)), muted))  # fmt: skip
    if member.to_date is not None:
        role.append(text_paragraph(
            _("til {date}").format(date=format_date(member.to_date)), muted))  # fmt: skip
    return [
        name,
        role or "",
        _phone(member.phone, widths[2], cell) if member.phone else "",
        _email(member.email, widths[3], cell) if member.email else "",
    ]


def _one_line(text: str, width: float, style: ParagraphStyle) -> Paragraph | None:
    """`text` on one line, set up to a fifth smaller if need be; None if it will not fit."""
    inner = width - 8  # the cell's padding
    size = style.fontSize
    while size > style.fontSize * 0.8 and stringWidth(text, style.fontName, size) > inner:
        size -= 0.25
    if stringWidth(text, style.fontName, size) > inner:
        return None
    smaller = ParagraphStyle(f"{style.name}-fitted", parent=style, fontSize=size)
    return Paragraph(markup(text), smaller)


def _phone(phone: str, width: float, style: ParagraphStyle) -> Flowable:
    """A phone number is never broken: its groups are read together."""
    number = format_phone(phone)
    return _one_line(number, width, style) or text_paragraph(number, style)


def _email(email: str, width: float, style: ParagraphStyle) -> Flowable:
    """The address on one line, or broken after the @ when it is too long for that."""
    fitted = _one_line(email, width, style)
    if fitted is not None or "@" not in email:
        return fitted or Paragraph(markup(email), style)
    local, domain = email.split("@", 1)
    return Paragraph(f"{markup(local)}@<br/>{markup(domain)}", style)


def _confidential_box(body: ParagraphStyle) -> Table:
    """The framed "Fortrolig" notice: what the list holds and how to treat it."""
    title = ParagraphStyle("confidential-title", parent=body, fontName=fonts.SANS_BOLD,
                           fontSize=12, leading=15, textColor=CONFIDENTIAL_COLOUR,
                           spaceAfter=2)  # fmt: skip
    text = ParagraphStyle("confidential-text", parent=body, fontSize=9.5, leading=13,
                          spaceAfter=0)  # fmt: skip
    box = Table(
        [[[
            Paragraph(markup(_("FORTROLIG"), bold=True), title),
            Paragraph(markup(_(
                "Listen inneholder personopplysninger: telefonnumre og e-postadresser til "
                "frivillige. Den er bare for teamet og de ansatte. Ikke del den med andre, ikke "
                "heng den opp, og ikke ta bilde av den. Makuler den når den ikke trengs lenger."
            )), text),
        ]]],
        colWidths=[CONTENT_WIDTH],
    )  # fmt: skip
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, CONFIDENTIAL_COLOUR),
                ("BACKGROUND", (0, 0), (-1, -1), CONFIDENTIAL_SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box
