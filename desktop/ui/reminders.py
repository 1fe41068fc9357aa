"""The reminder at login: a tray icon with a notification, or, where the desktop has no system
tray, a small window saying the same. Either opens Crewbook on Today."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui.app import make_application, run
from desktop.ui.i18n import tr

# A desktop's tray may come up a little after the programs started at login.
TRAY_PATIENCE_MS = 10_000
TRAY_POLL_MS = 500


class ReminderWindow(QWidget):
    """The same words as the notification, for a desktop without a system tray."""

    open_requested = Signal()
    closed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size: 12pt;")
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(tr("Open Today"))
        self.open_button.setDefault(True)
        self.open_button.setAutoDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.clicked.connect(self.open_requested)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)


class ReminderTray(QObject):
    """A tray icon whose notification, click, or menu opens Crewbook."""

    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, text: str, parent: QObject | None = None):
        super().__init__(parent)
        self.text = text
        self.icon = QSystemTrayIcon(QApplication.windowIcon(), self)
        self.icon.setToolTip(tr("{app}: {reminder}").format(app=APP_NAME, reminder=text))
        self.menu = QMenu()
        self.open_action = self.menu.addAction(tr("Open {app}").format(app=APP_NAME))
        self.quit_action = self.menu.addAction(tr("Quit"))
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.icon.setContextMenu(self.menu)
        self.icon.messageClicked.connect(self.open_requested)
        self.icon.activated.connect(self._activated)

    def show(self) -> None:
        self.icon.show()
        self.icon.showMessage(APP_NAME, self.text, QApplication.windowIcon())

    def hide(self) -> None:
        self.icon.hide()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()


class ReminderPrompt(QObject):
    """Shows the reminder in the tray, waiting a little for one to appear, else in a window.
    ``done`` says whether the user asked to open Crewbook."""

    done = Signal(bool)

    def __init__(self, text: str, tray_patience_ms: int = TRAY_PATIENCE_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.text = text
        self.tray: ReminderTray | None = None
        self.window: ReminderWindow | None = None
        self.opened = False
        self.finished = False
        self._waited = 0
        self._patience = tray_patience_ms

    def start(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = ReminderTray(self.text, self)
            self.tray.open_requested.connect(lambda: self._finish(True))
            self.tray.quit_requested.connect(lambda: self._finish(False))
            self.tray.show()
        elif self._waited < self._patience:
            self._waited += TRAY_POLL_MS
            QTimer.singleShot(TRAY_POLL_MS, self, self.start)
        else:
            self.window = ReminderWindow(self.text)
            self.window.open_requested.connect(lambda: self._finish(True))
            self.window.closed.connect(lambda: self._finish(False))
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()

    def _finish(self, open_book: bool) -> None:
        if self.finished:
            return
        self.finished, self.opened = True, open_book
        if self.tray is not None:
            self.tray.hide()
        if self.window is not None:
            window, self.window = self.window, None
            window.closed.disconnect()
            window.close()
            window.deleteLater()
        self.done.emit(open_book)


def remind(text: str, folder: Path, database: str | None = None,
           settings: QSettings | None = None, tray_patience_ms: int = TRAY_PATIENCE_MS) -> int:
    """Show ``text`` until the user acts on it; if they ask for Crewbook, start it here, on
    Today (or bring the window that has the folder open to the front)."""
    app = make_application()
    app.setQuitOnLastWindowClosed(False)  # the tray has no window to keep it running
    prompt = ReminderPrompt(text, tray_patience_ms)
    prompt.done.connect(lambda _open: app.quit())
    QTimer.singleShot(0, prompt.start)
    app.exec()
    app.setQuitOnLastWindowClosed(True)
    if not prompt.opened:
        return 0
    return run(folder, settings, database=database, show="today")
