"""Every report prints: Qt's print preview on the PDF, each page drawn on the printer, in the
PDF's own paper size and orientation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from desktop.reports.outstanding_report import write_outstanding_report
from desktop.store import demo
from desktop.store.db import Store
from desktop.ui.print_pdf import page_images, paint, preview

TODAY = dt.date(2026, 12, 4)


def test_each_page_is_printed_in_the_reports_orientation(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    demo.load_demo(store, today=TODAY)
    report = write_outstanding_report(store, tmp_path / "owed.pdf", TODAY, today=TODAY)
    pages = len(page_images(report, 36))
    assert pages >= 1
    dialog = preview(None, report)
    qtbot.addWidget(dialog)
    printer = dialog.printer()
    assert printer.pageLayout().orientation() is QPageLayout.Orientation.Landscape
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    assert paint(printer, report) == pages
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    assert len(printed) == pages
    first = printed[0]
    width, height = first.get_size()
    first.close()
    printed.close()
    assert width > height  # landscape paper, as the report is


def test_the_reports_tab_prints_without_asking_where_to_save(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path,
                                                            monkeypatch) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.reports_view import ReportsView
    from tests.threads import dialog_runner

    demo.load_demo(store, today=TODAY)
    shown: list[str] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec",
                        lambda self: shown.append(self.windowTitle()) or 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("asked")))
    view = ReportsView(dialog_runner(store), QSettings(str(tmp_path / "ui.ini"),
                                                       QSettings.Format.IniFormat), today=TODAY)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.ready, timeout=10_000):
        view.refresh()
    view.print_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown[0].startswith("Print ") and shown[0].endswith(".pdf")
    view.close_down()
