"""A tidy end on SIGTERM and SIGINT (logging out, `kill`, Ctrl+C in a terminal).

Qt's event loop keeps Python from running its signal handlers until something wakes it, so the
signal's number is written to a local socket pair that Qt watches. The handler then closes every
window as a user would (saving the window's settings, finishing background work) and the
folder lock is released on the way out, with exit status 0.
"""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


def quit_on_signals(app: QApplication) -> Callable[[], None]:
    """Install the handlers; returns what puts the previous ones back. POSIX only (Windows
    ends a windowed program through its own messages, which Qt already turns into closes)."""
    if os.name != "posix":
        return lambda: None
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: _drain(reader))

    def close_all(_number: int, _frame: object) -> None:
        QTimer.singleShot(0, app, _close_everything)

    previous = {name: signal.signal(getattr(signal, name), close_all) for name in SIGNALS}

    def restore() -> None:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()

    return restore


def _drain(reader: socket.socket) -> None:
    # Reading is all it takes: Python runs the pending handler as soon as it gets control.
    try:
        while reader.recv(64):
            pass
    except BlockingIOError:
        pass


def _close_everything() -> None:
    # Dialogs close first, then the main window saves its state; closing the last window
    # ends the event loop, so quitting is only needed if a window stayed open.
    QApplication.closeAllWindows()
    if any(widget.isVisible() for widget in QApplication.topLevelWidgets()):
        QApplication.exit(0)
