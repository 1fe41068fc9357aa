"""Start-up: lock the data folder, open (and if needed migrate) the store, show the window."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.store.db import check_integrity
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.session import open_store
from desktop.ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("crewbook")
    icon = files("desktop.resources").joinpath("icons/crewbook.svg")
    app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def run(folder: Path, settings: QSettings | None = None) -> int:
    app = make_application()
    lock = FolderLock(folder)
    try:
        lock.acquire()
        # The full integrity scan runs once the window is up, not before it.
        opened = open_store(folder, lock, check=False)
    except StoreError as exc:
        if lock.held:
            lock.release()
        _refuse(exc)
        return 1
    window = MainWindow(opened.store, folder, settings or QSettings())
    window.show()
    window.load()
    if opened.backup:
        window.statusBar().showMessage(
            f"Database upgraded; the previous version is kept at {opened.backup}", 15_000)

    def damaged(exc: BaseException) -> None:
        window.hide()
        _refuse(exc)
        app.exit(1)

    def scan(_count: int) -> None:  # once the rows are in, so it never delays them
        window.roster_loaded.disconnect(scan)
        window.background.submit(check_integrity, opened.store.path, on_error=damaged)

    window.roster_loaded.connect(scan)
    try:
        return app.exec()
    finally:
        window.background.wait()
        opened.store.close()
        lock.release()


def _refuse(exc: BaseException) -> None:
    QMessageBox.critical(None, f"{APP_NAME} cannot open its data", str(exc))
    print(f"crewbook: error: {exc}", file=sys.stderr)

