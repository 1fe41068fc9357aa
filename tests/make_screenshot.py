"""Refresh resources/screenshot.png, resources/planner.png, resources/import-preview.png and
resources/payments-report.png: the README's pictures of the main window, the planner, the
import wizard's preview and the first page of a payments report (rendered with poppler's
pdftoppm).

    QT_QPA_PLATFORM=offscreen python tests/make_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

from desktop.store import demo
from desktop.store.session import open_store
from desktop.ui.app import make_application
from desktop.ui.main_window import MainWindow

OUT = Path(__file__).parents[1] / "resources" / "screenshot.png"
IMPORT_OUT = OUT.with_name("import-preview.png")
IMPORT_FILE = Path(__file__).parent / "fixtures" / "import" / "excel_de.csv"
REPORT_OUT = OUT.with_name("payments-report.png")
PLANNER_OUT = OUT.with_name("planner.png")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        opened = open_store(folder)
        demo.load_demo(opened.store)
        window = MainWindow(opened.store, folder,
                            QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
        window.resize(1320, 760)
        window.show()

        def shoot(_count: int) -> None:
            window.tabs.setCurrentWidget(window.roster)
            names = [window.roster.model.row_at(r).display_name for r in range(window.roster.model.rowCount())]
            window.roster.table.selectRow(names.index("Maya Okafor"))
            QTimer.singleShot(150, lambda: (window.grab().save(str(OUT)), shoot_planner()))

        def shoot_planner() -> None:
            window.tabs.setCurrentWidget(window.planner)  # refreshes it
            QTimer.singleShot(150, lambda: (window.grab().save(str(PLANNER_OUT)), app.quit()))

        window.roster_loaded.connect(shoot)
        window.load()
        app.exec()
        shoot_import(app, opened.store, window, folder)
        shoot_report(opened.store, folder)
        opened.store.close()
    print(OUT)
    print(IMPORT_OUT)
    print(REPORT_OUT)
    print(PLANNER_OUT)
    return 0


def shoot_report(store, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """Page 1 of the demo roster's payments this tax year."""
    import datetime as dt
    import subprocess

    from desktop.reports.payments_report import write_payments_report

    today = dt.date.today()
    pdf = write_payments_report(store, folder / "payments.pdf", dt.date(today.year, 1, 1), today)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(REPORT_OUT.with_suffix(""))], check=True)


def shoot_import(app, store, window: MainWindow, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The preview of a German Excel sheet: decimal commas, day-first dates, rejected rows."""
    from desktop.ui.import_wizard import ImportWizard

    wizard = ImportWizard(window.runner, window.settings, window, path=IMPORT_FILE)
    wizard.resize(980, 600)
    wizard.show()

    def step() -> None:
        page = wizard.currentPage()
        if page is wizard.preview_page and not page.task.running:
            wizard.grab().save(str(IMPORT_OUT))
            app.quit()
            return
        if page.isComplete() and page is not wizard.preview_page:
            wizard.next()
        QTimer.singleShot(50, step)

    QTimer.singleShot(50, step)
    app.exec()
    wizard.done(0)


if __name__ == "__main__":
    sys.exit(main())
