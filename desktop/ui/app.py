"""Start-up: lock the data folder, show the window saying the book is opening, open (and if
needed migrate) the store, and fill the window in.

One window per data folder: a copy started while another has the folder open hands its files
to that one (desktop.ui.single_instance) and exits.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop import APP_ID, APP_NAME, __version__
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.logfile import start_logging
from desktop.ui import ask
from desktop.ui.crash import install_excepthook
from desktop.ui.i18n import install_translators, tr
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_file import keep_private
from desktop.ui.shutdown import quit_on_signals
from desktop.ui.single_instance import (
    HAND_OVER_TIMEOUT_MS,
    ImportQueue,
    InstanceServer,
    bring_to_front,
    hand_over,
)

# Only macOS hands "open with" files to a running app as QFileOpenEvents; elsewhere they come
# as arguments to a new copy. The filter sees every event of the application, so it is only
# installed where such events exist.
FILE_OPEN_EVENTS = sys.platform == "darwin"
# How long a copy that lost the folder to another starting at the same moment keeps trying to
# hand over to it before saying the folder is taken.
HAND_OVER_PATIENCE_S = 5.0
AFRESH = "afresh"  # the user chose a new book over one that cannot be opened
SHOWN_PATIENCE_S = 0.25  # how long the opening window may wait to be on screen before loading

if TYPE_CHECKING:
    from desktop.store.session import Opened


# The database layer loads once the window shows; these two are looked up here when called.
def check_integrity(path: Path, stop: threading.Event | None = None) -> bool:
    from desktop.store.db import check_integrity as scan

    return scan(path, stop)


def choose_backup(parent: QWidget, folder: Path) -> Path | None:
    from desktop.ui.backups import choose_backup as choose

    return choose(parent, folder)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    keep_private(QSettings())  # before Qt first writes it: it names the user's files
    install_translators(app)
    icon = files("desktop.resources").joinpath("icons/crewbook.svg")
    app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


@dataclass(frozen=True)
class Switch:
    """The user chose another book: a team database's URL, or None for this computer's."""

    url: str | None


def run(folder: Path, settings: QSettings | None = None,
        open_files: Sequence[Path] = (), database: str | None = None, show: str = "") -> int:
    """Show the window on ``folder``, with the import wizard on each of ``open_files`` in turn
    once the roster has loaded. If another copy has the folder open, ask it to do that instead.
    A restore asked for in the window runs once it has closed, and a new window opens on the
    restored data. With ``database`` (a URL), the window is on that team database instead;
    File ▸ Connect to team database… (and back) moves between the two."""
    with suppress(OSError):  # no log file is no reason not to start
        start_logging()
    # Starting makes some hundred thousand objects that live as long as the window (modules,
    # mappers, widgets), and the cyclic collector would walk them over and over: 0.1 s before
    # the first screen. It waits until the window is built; what starting made is then set
    # aside for good (``_started``), so the passes while the user works skip it too.
    collecting = gc.isenabled()
    gc.disable()
    switched = False
    try:
        while True:
            if database:
                code, switch = _run_on_server(database, settings, open_files, switched)
            else:
                code, switch = _run_local(folder, settings, open_files, show)
            if switch is None:
                return code
            database, open_files, switched = switch.url, (), True
    finally:
        gc.unfreeze()  # the windows are closed: what they made may be collected again
        if collecting:
            gc.enable()
        else:
            gc.disable()


def _run_local(folder: Path, settings: QSettings | None, open_files: Sequence[Path],
               show: str = "") -> tuple[int, Switch | None]:
    """``show``: the view a copy that has the folder open should bring forward (a new window
    opens on Today anyway)."""
    logging.getLogger(__name__).info("opening the data folder %s", folder)
    lock = FolderLock(folder)
    handed_over = _take_or_hand_over(lock, folder, list(open_files), show)
    if handed_over is not None:
        return handed_over, None
    app = make_application()
    settings = settings or QSettings()  # once the application has its name: it names the file
    server = InstanceServer(folder)  # listening at once: a second copy waits, not refused
    server.start()
    opening: MainWindow | None = _opening_window(app, folder, settings)
    note = ""
    try:
        from desktop.store.session import Opened

        while True:
            opened = _open_or_rescue(folder, lock, opening)
            if isinstance(opened, int):
                return opened, None
            if not isinstance(opened, Opened):  # the book could not open; the user chose
                note = _next_book(app, folder, opened)
                continue
            window, opening = opening, None
            if window is not None and window.quit_while_opening:
                opened.store.close()
                return 0, None
            code, then = _show(app, server, opened, folder, settings, open_files, note, window)
            open_files, note = (), ""
            if then is None or isinstance(then, Switch):
                return code, then
            note = _next_book(app, folder, then)
    finally:
        if opening is not None:  # the book never opened in it
            opening.close()
            opening.deleteLater()
        server.stop()
        lock.release()


def _opening_window(app: QApplication, folder: Path, settings: QSettings) -> MainWindow:
    """The window, on screen and saying the book is opening, before the database layer and
    the views load (most of a start's time)."""
    window = MainWindow(None, folder, settings)
    window.show()
    handle = window.windowHandle()
    deadline = time.monotonic() + SHOWN_PATIENCE_S
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    app.processEvents()  # painted
    return window


def _run_on_server(url: str, settings: QSettings | None, open_files: Sequence[Path],
                   back_to_local: bool = False) -> tuple[int, Switch | None]:
    """The window on a team database: no folder to lock (every member has a window open), and
    no file backups (the server has its own). One that cannot be opened after the user chose
    it in the window sends them back to this computer's book."""
    from desktop.store.server import open_server
    from desktop.store.session import Opened

    logging.getLogger(__name__).info("opening a team database")
    app = make_application()
    settings = settings or QSettings()
    try:
        store = open_server(url)
    except StoreError as exc:
        _refuse(exc)
        return 1, Switch(None) if back_to_local else None
    code, then = _show(app, None, Opened(store, created=False, backup=None), None, settings,
                       open_files, "")
    return code, then if isinstance(then, Switch) else None


def _show(app: QApplication, server: InstanceServer | None, opened: Opened, folder: Path | None,
          settings: QSettings, open_files: Sequence[Path], note: str,
          window: MainWindow | None = None) -> tuple[int, Path | str | Switch | None]:
    """One window on the open book until it closes (``window``: one already showing that the
    book is opening); returns the exit code and what comes next: a backup to restore,
    AFRESH, another book to switch to, or None."""
    from desktop.store.team import role_of
    from desktop.ui.backups import DailyBackups

    if window is None:
        window = MainWindow(opened.store, folder, settings)
    else:
        window.attach(opened.store)
    imports = ImportQueue(window.import_file,
                          lambda text: window.statusBar().showMessage(text, 8000), window)
    imports.add(open_files)

    def open_request(paths: list[Path]) -> None:  # from a second copy, or macOS's "open with"
        bring_to_front(window)
        imports.add(paths)

    if server is not None:
        server.requested.connect(open_request)
        server.show_requested.connect(window.show_view)
    file_opener = FileOpenFilter(open_request) if FILE_OPEN_EVENTS else None
    if file_opener is not None:
        app.installEventFilter(file_opener)
    window.show()
    _started()
    window.load()
    window.runner.listen()  # a team database: others' changes show as they are saved
    if opened.store.on_server:
        window.runner.read(role_of, opened.store, done=window.apply_role)
    if opened.store.read_only_because:  # a newer version set it up: say so before any edit
        note = "\n\n".join(filter(None, (note, opened.store.read_only_because)))
    if opened.backup:
        window.statusBar().showMessage(
            tr("Database upgraded; the previous version is kept at {path}").format(
                path=opened.backup), 15_000)
    if note:  # worth a box the user closes, once the window is up
        QTimer.singleShot(0, lambda: ask.inform(window, note))
    daily = None if folder is None else DailyBackups(
        window.runner, folder, settings,
        lambda text, ms: window.statusBar().showMessage(text, ms), window)

    afresh = False

    def damaged(exc: BaseException) -> None:
        nonlocal afresh
        assert folder is not None  # the scan that calls this runs on a local file only
        chosen = _rescue(window, exc, folder)
        if chosen is None:
            window.hide()
            app.exit(1)
            return
        if isinstance(chosen, Path):
            window.restore_requested = chosen
        afresh = chosen == AFRESH
        window.close()  # the book is closed before either is done to it

    def scanned(finished: bool) -> None:
        if finished and daily is not None:  # not when closing the window stopped it
            daily.start()

    def scan(_count: int) -> None:  # once the rows are in, so it never delays them
        window.roster_loaded.disconnect(scan)
        if opened.store.path is not None and daily is not None:
            # Closing the window stops the scan; it starts over at the next start.
            window.runner.read(check_integrity, opened.store.path, window.closing,
                               done=scanned, handles=(StoreError,), failed=damaged)
        imports.set_ready()

    window.roster_loaded.connect(scan)
    restore_signals = quit_on_signals(app)
    restore_excepthook = install_excepthook(lambda: window)
    try:
        code = app.exec()
    finally:
        restore_excepthook()
        restore_signals()
        if server is not None:
            server.requested.disconnect(open_request)
            server.show_requested.disconnect(window.show_view)
        if file_opener is not None:
            app.removeEventFilter(file_opener)
        window.runner.wait()
        opened.store.close()
    then: Path | str | Switch | None = (
        AFRESH if afresh else Switch(window.switch_to or None) if window.switch_to is not None
        else window.restore_requested)
    window.deleteLater()
    return code, then


def _started() -> None:
    """The window is built: set aside what starting made (see ``run``) and collect again."""
    gc.freeze()
    gc.enable()


def _open_or_rescue(folder: Path, lock: FolderLock,
                    parent: QWidget | None = None) -> Opened | Path | str | int:
    """The open book; or, when it cannot open, what the user chose instead (a backup to
    restore, or AFRESH), or the exit code when they chose to quit."""
    from desktop.store.session import open_store

    try:
        # The full integrity scan runs once the window is up, not before it.
        return open_store(folder, lock, check=False)
    except StoreError as exc:
        chosen = _rescue(parent, exc, folder)
        return 1 if chosen is None else chosen


def _next_book(app: QApplication, folder: Path, chosen: Path | str) -> str:
    """With the book closed, restore the backup chosen or set the unusable file aside; returns
    what to tell the user in the next window."""
    from desktop.store.restore import set_aside

    if isinstance(chosen, Path):
        return _restore(app, folder, chosen)
    return tr("The file that could not be opened is kept at {path}.").format(
        path=set_aside(folder))


def _rescue(parent: QWidget | None, exc: BaseException, folder: Path) -> Path | str | None:
    """The book cannot be used. For a damaged or empty file, offer to restore a backup or to
    start a new book (the file is kept aside, never deleted); otherwise say why and quit.
    Returns the backup chosen, AFRESH for a new book, or None to quit."""
    from desktop.store.db import Unusable

    if not isinstance(exc, Unusable):
        _refuse(exc)
        return None
    print(f"crewbook: error: {exc}", file=sys.stderr)
    restore, fresh, leave = tr("Restore from backup…"), tr("Start a new book"), tr("Quit")
    while True:
        answer = ask.choose(parent, tr("{app} cannot open its data").format(app=APP_NAME),
                            tr("{problem}\n\nRestore a backup, or start a new, empty book? "
                               "The file is kept in the backups folder, not deleted.").format(
                                problem=exc.fact),
                            [restore, fresh, leave])
        if answer == restore:
            chosen = choose_backup(parent, folder)  # type: ignore[arg-type]
            if chosen is not None:
                return chosen
        elif answer == fresh:
            return AFRESH
        else:
            return None


def _restore(app: QApplication, folder: Path, archive: Path) -> str:
    """Restore with the book closed, showing that it is working; returns what to tell the user
    in the next window (the restore, or why nothing changed)."""
    progress = QProgressDialog(tr("Restoring the backup…"), "", 0, 0)
    progress.setWindowTitle(APP_NAME)
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()
    outcome: list[object] = []
    worker = threading.Thread(target=_restore_into, args=(folder, archive, outcome))
    worker.start()
    while worker.is_alive():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        worker.join(0.02)
    progress.close()
    result = outcome[0]
    if isinstance(result, BaseException):
        if not isinstance(result, StoreError | OSError):
            raise result
        ask.warn(None, tr("Nothing was restored: {problem}").format(problem=result))
        return ""
    backup = result.manifest.describe()  # type: ignore[attr-defined]
    if result.previous:  # type: ignore[attr-defined]
        return tr("Restored the {backup}; what it replaced is kept at {path}").format(
            backup=backup, path=result.previous)  # type: ignore[attr-defined]
    return tr("Restored the {backup}").format(backup=backup)


def _restore_into(folder: Path, archive: Path, outcome: list[object]) -> None:
    from desktop.operations.backup import restore_backup

    try:
        outcome.append(restore_backup(folder, archive))
    except BaseException as exc:  # noqa: BLE001 - handed to the window's thread
        outcome.append(exc)


def _take_or_hand_over(lock: FolderLock, folder: Path, open_files: list[Path],
                       show: str = "") -> int | None:
    """Take the folder (None: this copy shows the window), or hand ``open_files`` to the copy
    that has it (the exit code). Two copies started at the same moment: the one that lost the
    lock keeps trying for a few seconds while the other starts listening."""
    deadline = time.monotonic() + HAND_OVER_PATIENCE_S
    while True:
        try:
            lock.acquire()
            return None
        except StoreError as exc:
            refusal = exc
        if hand_over(folder, open_files, timeout_ms=HAND_OVER_TIMEOUT_MS, show=show):
            print(_handed_over(folder, open_files))
            return 0
        if time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    make_application()  # nobody answered: a command holds the folder
    _refuse(refusal)
    return 1


def _handed_over(folder: Path, open_files: list[Path]) -> str:
    """What the terminal is told once the copy that has the folder took over."""
    if len(open_files) == 1:
        text = tr("{app} is already open on {folder}; opened {file} there.")
    elif open_files:
        text = tr("{app} is already open on {folder}; opened %n file(s) there.", "",
                  len(open_files))
    else:
        text = tr("{app} is already open on {folder}; brought its window to the front.")
    return text.format(app=APP_NAME, folder=folder, file=open_files[0] if open_files else "")


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


def _refuse(exc: BaseException) -> None:
    QMessageBox.critical(None, tr("{app} cannot open its data").format(app=APP_NAME), str(exc))
    print(f"crewbook: error: {exc}", file=sys.stderr)

