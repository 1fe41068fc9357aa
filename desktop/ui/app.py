"""Start-up: lock the data folder, open (and if needed migrate) the store, show the window.

One window per data folder: a copy started while another has the folder open hands its files
to that one (desktop.ui.single_instance) and exits.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, __version__
from desktop.store.db import check_integrity
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.logfile import start_logging
from desktop.store.session import open_store
from desktop.ui.crash import install_excepthook
from desktop.ui.main_window import MainWindow
from desktop.ui.shutdown import quit_on_signals
from desktop.ui.single_instance import ImportQueue, InstanceServer, bring_to_front, hand_over

# Only macOS hands "open with" files to a running app as QFileOpenEvents; elsewhere they come
# as arguments to a new copy. The filter sees every event of the application, so it is only
# installed where such events exist.
FILE_OPEN_EVENTS = sys.platform == "darwin"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = files("desktop.resources").joinpath("icons/crewbook.svg")
    app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


def run(folder: Path, settings: QSettings | None = None,
        open_files: Sequence[Path] = ()) -> int:
    """Show the window on ``folder``, with the import wizard on each of ``open_files`` in turn
    once the roster has loaded. If another copy has the folder open, ask it to do that instead."""
    with suppress(OSError):  # no log file is no reason not to start
        start_logging()
    logging.getLogger(__name__).info("opening the data folder %s", folder)
    lock = FolderLock(folder)
    try:
        lock.acquire()
    except StoreError as exc:
        return _hand_over(folder, list(open_files), exc)
    app = make_application()
    server = InstanceServer(folder)  # listening at once: a second copy waits, not refused
    server.start()
    try:
        # The full integrity scan runs once the window is up, not before it.
        opened = open_store(folder, lock, check=False)
    except StoreError as exc:
        server.stop()
        lock.release()
        _refuse(exc)
        return 1
    window = MainWindow(opened.store, folder, settings or QSettings())
    imports = ImportQueue(window.import_file,
                          lambda text: window.statusBar().showMessage(text, 8000), window)
    imports.add(open_files)

    def open_request(paths: list[Path]) -> None:  # from a second copy, or macOS's "open with"
        bring_to_front(window)
        imports.add(paths)

    server.requested.connect(open_request)
    file_opener = FileOpenFilter(open_request) if FILE_OPEN_EVENTS else None
    if file_opener is not None:
        app.installEventFilter(file_opener)
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
        window.runner.read(check_integrity, opened.store.path, done=lambda _ok: None,
                           handles=(StoreError,), failed=damaged)
        imports.set_ready()

    window.roster_loaded.connect(scan)
    restore_signals = quit_on_signals(app)
    restore_excepthook = install_excepthook(lambda: window)
    try:
        return app.exec()
    finally:
        restore_excepthook()
        restore_signals()
        server.stop()
        if file_opener is not None:
            app.removeEventFilter(file_opener)
        window.runner.wait()
        opened.store.close()
        lock.release()


class FileOpenFilter(QObject):
    """Routes the application's QFileOpenEvents (macOS: a file opened with Crewbook, or dropped
    on its Dock icon) to ``open_files``."""

    def __init__(self, open_files: Callable[[list[Path]], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._open_files = open_files

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if path:
            self._open_files([Path(path)])
        return True


def _hand_over(folder: Path, open_files: list[Path], refusal: StoreError) -> int:
    if hand_over(folder, open_files):
        done = (f"opened {open_files[0]} there" if len(open_files) == 1 else
                f"opened {len(open_files)} files there" if open_files else
                "brought its window to the front")
        print(f"{APP_NAME} is already open on {folder}; {done}.")
        return 0
    make_application()  # nobody answered: a command holds the folder, or a copy starting up
    _refuse(refusal)
    return 1


def _refuse(exc: BaseException) -> None:
    QMessageBox.critical(None, f"{APP_NAME} cannot open its data", str(exc))
    print(f"crewbook: error: {exc}", file=sys.stderr)

