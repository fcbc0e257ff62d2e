"""Opening a printout from any screen: choose the language if it has one, preview, print or save.

Every Print button calls `show_printout` with a function that writes the PDF. It is written to a
temporary folder, shown in the preview (`PdfPreviewDialog`) and deleted when the preview closes,
since printouts hold personal data. A failure is a plain message, never a half-made file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QWidget

from app.errors import DugnadError
from app.i18n import _
from app.i18n.documents import DOCUMENT_LANGUAGES
from app.views.widgets import messages
from app.views.widgets.pdf_preview import PdfPreviewDialog

BOKMAL_ONLY = ""


def document_language_choices() -> list[tuple[str, str]]:
    """(label, code) for a (P) printout: Bokmål only, or Bokmål and one other language."""
    return [(_("Bare bokmål"), BOKMAL_ONLY)] + [
        (_("Bokmål og {language}").format(language=name), code)
        for code, name in DOCUMENT_LANGUAGES.items()
    ]


def ask_document_language(parent: QWidget | None) -> str | None:
    """The participant's language for a (P) printout: a code, "" for Bokmål only, None if
    the user cancelled."""
    choices = document_language_choices()
    text, ok = QInputDialog.getItem(
        parent, _("Språk på utskriften"),
        _("Utskriften er på bokmål. Skal den også ha et språk deltakerne leser?"),
        [label for label, _code in choices], 0, False,
    )  # fmt: skip
    if not ok:
        return None
    return dict(choices)[text]


def show_printout(
    parent: QWidget | None, title: str, file_name: str, write: Callable[[Path], None]
) -> PdfPreviewDialog | None:
    """Write the PDF with `write(path)` and open it in the preview; None (and a message) if not."""
    path = Path(tempfile.mkdtemp(prefix="dugnad-")) / file_name
    try:
        write(path)
    except DugnadError as exc:
        messages.show_error(parent, exc.message)
        return None
    except OSError as exc:
        messages.show_error(parent, _("Kunne ikke lage utskriften: {error}").format(error=exc))
        return None
    preview = PdfPreviewDialog(path, title, parent, suggested_name=file_name, delete_on_close=True)
    preview.open()
    return preview
