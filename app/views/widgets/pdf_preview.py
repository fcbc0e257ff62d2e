"""A PDF shown on screen with "Skriv ut …" and "Lagre som PDF …": every printout's preview.

Dugnad makes its printouts as PDF files (reportlab, no Qt); this widget shows one with QtPdf and
prints it by rendering each page to the printer at the printer's resolution, so the paper looks
like the preview. Saving is a copy of the file. The purpose letter uses it first; the printouts
issue (sign-in sheets, reports) reuses it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _
from app.views.widgets import messages


class PdfPreview(QWidget):
    """The pages, fitted to the width, and the two buttons."""

    saved = Signal(Path)

    def __init__(self, parent: QWidget | None = None, *, suggested_name: str = "") -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.suggested_name = suggested_name
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setStyleSheet("background: #8c959f;")
        self.print_button = QPushButton(_("Skriv ut …"))
        self.save_button = QPushButton(_("Lagre som PDF …"))
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        # The row is public so a dialog can add its own button (e.g. "Lukk") beside these.
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        self.button_row.addWidget(self.save_button)
        self.button_row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.button_row)
        self._enable(False)

    def load(self, path: Path) -> bool:
        """Show the PDF at `path`; False (buttons disabled) if QtPdf cannot read it."""
        self.path = Path(path)
        self.document.close()
        ok = self.document.load(str(path)) == QPdfDocument.Error.None_
        self._enable(ok)
        return ok

    def page_count(self) -> int:
        return self.document.pageCount()

    def _enable(self, on: bool) -> None:
        self.print_button.setEnabled(on)
        self.save_button.setEnabled(on)

    # -- printing ---------------------------------------------------------------------------------
    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Skriv ut"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render every page onto `printer`, scaled to the printable area, keeping proportions."""
        painter = QPainter()
        if not painter.begin(printer):
            messages.show_error(self, _("Kunne ikke skrive ut."))
            return
        try:
            dpi = printer.resolution()
            area = printer.pageLayout().paintRectPixels(dpi)
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(page, size)
                painter.drawImage(QRectF(QPointF(0, 0), size.toSizeF()), image)
        finally:
            painter.end()

    # -- saving -----------------------------------------------------------------------------------
    def ask_save(self) -> None:
        start = str(Path.home() / self.suggested_name) if self.suggested_name else str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Lagre som PDF"), start, _("PDF-filer (*.pdf)")
        )
        if chosen:
            self.save_copy(Path(chosen))

    def save_copy(self, target: Path) -> None:
        assert self.path is not None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            messages.show_error(self, _("Kunne ikke lagre filen: {error}").format(error=exc))
            return
        self.saved.emit(target)


class PdfPreviewDialog(QDialog):
    """The preview in a window with "Lukk". With `delete_on_close`, the file (a temporary one,
    possibly holding personal data like a date of birth) is removed when the window closes."""

    def __init__(
        self,
        path: Path,
        title: str,
        parent: QWidget | None = None,
        *,
        suggested_name: str = "",
        delete_on_close: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.delete_on_close = delete_on_close
        self.preview = PdfPreview(self, suggested_name=suggested_name)
        self.preview.load(path)
        self.close_button = QPushButton(_("Lukk"))
        self.close_button.clicked.connect(self.reject)
        self.preview.button_row.addSpacing(12)
        self.preview.button_row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        self.resize(760, 900)
        self.finished.connect(self._clean_up)

    def _clean_up(self) -> None:
        self.preview.document.close()
        if self.delete_on_close and self.preview.path is not None:
            self.preview.path.unlink(missing_ok=True)
