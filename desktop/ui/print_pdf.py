"""Print a report: Qt's print preview and print dialog on the PDF Crewbook wrote, each page
drawn at the printer's resolution (so what prints is what the PDF shows)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.ui.i18n import tr

MAX_DPI = 300  # enough for text on paper; more only costs memory


def page_images(path: Path, dpi: int) -> list[QImage]:
    """Each page of the PDF as an image at ``dpi``."""
    import pypdfium2 as pdfium  # loaded when something is printed

    document = pdfium.PdfDocument(str(path))
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBA8888)
            images.append(image.copy())  # the bitmap's memory goes with the page
            page.close()
        return images
    finally:
        document.close()


def first_page_size(path: Path) -> QSizeF:
    """The first page's size in points (A4 or Letter, portrait or landscape)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        width, height = page.get_size()
        page.close()  # before its document: PDFium frees pages with it
        return QSizeF(width, height)
    finally:
        document.close()


def paint(printer: QPrinter, path: Path) -> int:
    """Draw every page of the PDF on ``printer``, each fitted to the paper; returns how many."""
    images = page_images(path, min(printer.resolution(), MAX_DPI))
    painter = QPainter(printer)
    try:
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            room = QRectF(painter.viewport())
            size = image.size().scaled(room.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(room.topLeft(), size.toSizeF()), image)
    finally:
        painter.end()
    return len(images)


def preview(parent: QWidget | None, path: Path) -> QPrintPreviewDialog:
    """The print preview of the PDF, with Print (and the system's print dialog) in it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    size = first_page_size(path)
    landscape = size.width() > size.height()
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                               else QPageLayout.Orientation.Portrait)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_kept = printer  # type: ignore[attr-defined]  # the dialog does not own it
    dialog.setWindowTitle(tr("Print {name}").format(name=path.name))
    dialog.paintRequested.connect(lambda p: paint(p, path))
    return dialog
