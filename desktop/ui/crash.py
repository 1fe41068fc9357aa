"""Unexpected errors: logged with their traceback, then one calm dialog; the app keeps running.

:func:`install_excepthook` catches what nothing else did (a slot, a timer, a thread);
:func:`show_unexpected_error` is the same path for a caller that caught the exception itself,
such as an operation that failed for a reason that is not the user's.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

import PySide6
import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.store.logfile import log_dir, log_file, redact
from desktop.ui import ask
from desktop.ui.i18n import tr

log = logging.getLogger(__name__)

ParentGetter = Callable[[], QWidget | None]

_open_dialog: UnexpectedErrorDialog | None = None
_building = False  # a dialog is being made: an error meanwhile is logged only
_relay: _Relay | None = None  # carries other threads' errors to the GUI thread


def error_details(exc: BaseException) -> str:
    """What "Copy details" copies: version, platform and the redacted traceback."""
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return "\n".join([
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}",
        platform.platform(),
        datetime.now().astimezone().isoformat(timespec="seconds"),
        "",
        redact(trace).rstrip(),
    ])


class UnexpectedErrorDialog(QDialog):
    """Says something went wrong, that nothing saved was lost and where the log is; "Copy
    details" puts the redacted traceback on the clipboard and leaves the dialog open."""

    def __init__(self, details: str, log_path: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(tr("Unexpected error"))
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(tr("<b>Something went wrong.</b>"))
        text = QLabel(tr("{app} ran into an unexpected problem and could not finish what it "
                         "was doing. Nothing you had saved was lost, and you can keep working.")
                      .format(app=APP_NAME))
        text.setWordWrap(True)
        where = QLabel()
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if log_path is not None:
            where.setText(tr("The details are in the log file:\n{path}").format(path=log_path))
        else:
            where.setText(tr("No log file is being written; use Copy details to keep them."))
        self.copy_button = QPushButton(tr("Copy details"))
        self.copy_button.setToolTip(tr("Copy the details for support (no names or contact data)"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        words = QVBoxLayout()
        words.addWidget(heading)
        words.addWidget(text)
        words.addWidget(where)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)  # apart from OK: it copies, and the dialog stays
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.setMinimumWidth(460)
        self.ok_button.setFocus()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("Copied"))


def show_unexpected_error(parent: QWidget | None,
                          exc: BaseException) -> UnexpectedErrorDialog | None:
    """Log ``exc`` with its traceback and show the dialog (not waiting for it); returns the
    dialog, or None when one is already open (the error is logged only). From a thread other
    than the GUI's it logs, and the dialog follows in the GUI thread once
    :func:`install_excepthook` has run."""
    log.error("Unexpected error: %s", type(exc).__name__,
              exc_info=(type(exc), exc, exc.__traceback__))
    if not _in_gui_thread():
        if _relay is not None:
            _relay.raised.emit(exc)
        return None
    return _show(parent, exc)


def _show(parent: QWidget | None, exc: BaseException) -> UnexpectedErrorDialog | None:
    global _open_dialog, _building
    if _building or (_open_dialog is not None and shiboken6.isValid(_open_dialog)
                     and _open_dialog.isVisible()):
        return None
    _building = True
    try:
        dialog = UnexpectedErrorDialog(error_details(exc), log_file(), parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open_dialog = dialog
        dialog.open()
    finally:
        _building = False
    return dialog


def _in_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


class _Relay(QObject):
    raised = Signal(object)  # an exception already logged, to show in the GUI thread

    def __init__(self, parent_getter: ParentGetter):
        super().__init__()
        self._parent_getter = parent_getter
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _show(self, exc: BaseException) -> None:
        _show(self._parent_getter(), exc)


def install_excepthook(parent_getter: ParentGetter) -> Callable[[], None]:
    """Route uncaught exceptions (sys.excepthook, and threading.excepthook for Python threads)
    to the log and the dialog, parented to ``parent_getter()``. KeyboardInterrupt and SystemExit
    go to the previous hooks. A previous hook that is not Python's own (a test harness such as
    pytest-qt's, a debugger) sees every error too, so that tests running the app still fail;
    Python's own is not called, as it would print the unredacted traceback to stderr. Call from
    the GUI thread once the QApplication exists; returns what puts the previous hooks back."""
    global _relay
    previous, previous_threading, previous_relay = (sys.excepthook, threading.excepthook,
                                                    _relay)
    relay = _relay = _Relay(parent_getter)
    chain = previous is not sys.__excepthook__
    chain_threading = previous_threading is not threading.__excepthook__

    def hook(exc_type: type[BaseException], exc: BaseException | None,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc if exc is not None else exc_type(), tb)
            return
        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        if _in_gui_thread():
            show_unexpected_error(parent_getter(), exc)
        else:  # e.g. a QThread's run(): log here, show there
            show_unexpected_error(None, exc)
        if chain:
            previous(exc_type, exc, exc.__traceback__)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, (SystemExit, KeyboardInterrupt)):
            previous_threading(args)
            return
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        if exc.__traceback__ is None and args.exc_traceback is not None:
            exc = exc.with_traceback(args.exc_traceback)
        name = args.thread.name if args.thread is not None else "?"
        log.error("Unexpected error in thread %s: %s", name, type(exc).__name__,
                  exc_info=(type(exc), exc, exc.__traceback__))
        relay.raised.emit(exc)  # queued: the dialog is made in the GUI thread
        if chain_threading:
            previous_threading(args)

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        global _relay
        sys.excepthook = previous
        threading.excepthook = previous_threading
        if _relay is relay:
            _relay = previous_relay
        relay.deleteLater()

    return restore


def show_log_folder(parent: QWidget | None = None) -> bool:
    """Open the log folder in the file manager (making it if missing); if that fails, say
    where it is. Returns whether it opened."""
    current = log_file()
    try:
        folder = current.parent if current is not None else log_dir()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        ask.warn(parent, tr("The log folder cannot be made:\n{problem}").format(problem=exc),
                 tr("Log folder"))
        return False
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    ask.inform(parent, tr("No file manager could be opened. The log is in:\n{folder}")
               .format(folder=folder), tr("Log folder"))
    return False
