"""File ▸ Export calendar…, and the crewbook.ics kept up to date in the data folder after each
change for calendar apps that subscribe to a file."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.operations import calendar
from desktop.operations.changes import Changes
from desktop.ui.i18n import tr
from desktop.ui.runner import Runner
from desktop.ui.saved_file import SavedBox, show_saved

log = logging.getLogger(__name__)
# Changes in quick succession (an import, a schedule generated) rewrite the file once.
DELAY_MS = 800


class CalendarKeeper(QObject):
    """Rewrites the data folder's crewbook.ics off the window's thread once changes settle,
    one write at a time; the file is only replaced when what it says changed."""

    written = Signal(bool)  # after each refresh: whether the file was rewritten
    message = Signal(str)  # for the status bar, when the file could not be written

    def __init__(self, runner: Runner, folder: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.runner, self.folder = runner, folder
        self.on: bool | None = None  # None until the setting is read
        self._busy = self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._refresh)
        if folder is not None:
            runner.changed.connect(self._changed)
            runner.read(calendar.is_kept, folder, done=self._read_setting)

    @property
    def available(self) -> bool:
        """A team database has no data folder of its own here to keep the file in."""
        return self.folder is not None

    @property
    def path(self) -> Path | None:
        return None if self.folder is None else calendar.kept_path(self.folder)

    def set_on(self, on: bool, parent: QWidget | None = None) -> None:
        """Remember the choice; turning it on writes the file at once."""
        assert self.folder is not None
        self.on = on
        self.runner.read(calendar.keep_updated, self.runner.store, self.folder, on,
                         parent=parent, done=lambda _path: self.written.emit(on))

    def _read_setting(self, on: bool) -> None:
        self.on = on
        if on:
            self._timer.start()

    def _changed(self, _changes: Changes) -> None:
        if self.on is not False:
            self._timer.start()  # restarted by each change: one write once they settle

    def _refresh(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self.runner.read(calendar.refresh_kept, self.runner.store, self.folder,
                         done=self._done, handles=(Exception,), failed=self._failed)

    def _done(self, rewritten: bool) -> None:
        self._settle()
        self.written.emit(rewritten)

    def _failed(self, exc: BaseException) -> None:
        self._settle()
        log.info("the kept calendar file was not written: %s", type(exc).__name__)
        self.message.emit(tr("crewbook.ics could not be brought up to date: {problem}")
                          .format(problem=exc))

    def _settle(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self._refresh()


class CalendarDialog(QDialog):
    """Save the calendar once, and choose whether crewbook.ics is kept up to date."""

    def __init__(self, runner: Runner, keeper: CalendarKeeper, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.keeper = runner, keeper
        self.saved_box: SavedBox | None = None
        self.setWindowTitle(tr("Export calendar"))
        intro = QLabel(tr(
            "Put payments due, the last days to give notice, check-ins and document expiries "
            "in Outlook, Google Calendar or Apple Calendar. Importing the file again updates "
            "its events instead of adding them twice."))
        intro.setWordWrap(True)
        self.keep = QCheckBox(tr("Keep crewbook.ics in the data folder up to date"))
        self.keep.setChecked(bool(keeper.on))
        self.keep.setEnabled(keeper.available)
        if keeper.available:
            hint = tr("For calendar apps that subscribe to a file: Crewbook rewrites "
                      "{path} after each change, and paid or finished items leave "
                      "your calendar.").format(path=keeper.path)
        else:
            hint = tr("Only for a book on this computer: with a team database, save the "
                      "calendar and import it again when you need it.")
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.keep.toggled.connect(self._keep_toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(tr("Save calendar…"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.keep, self.hint, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(440)

    def _keep_toggled(self, on: bool) -> None:
        self.keeper.set_on(on, parent=self)

    def save(self) -> None:
        """Ask where, then write the file off the window's thread and say where it went."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export calendar"),
                                              str(Path.home() / calendar.KEPT_NAME),
                                              tr("iCalendar (*.ics)"))
        if not path:
            return
        target = Path(path) if path.lower().endswith(".ics") else Path(path + ".ics")
        owner = self.parentWidget()
        self.runner.read(partial(calendar.export_calendar, self.runner.store, target),
                         parent=owner, done=lambda _count: self._saved(owner, target))
        self.accept()

    def _saved(self, owner: QWidget | None, target: Path) -> None:
        self.saved_box = show_saved(owner, target, tr("Calendar"))
