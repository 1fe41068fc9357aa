"""File ▸ Back up…, the questions before File ▸ Restore from backup…, Settings ▸ Backups…, and
the daily automatic backup taken while the window is open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.operations.backup import KEEP_AUTOMATIC, back_up, back_up_daily
from desktop.store.archive import Manifest, archive_name
from desktop.store.errors import StoreError
from desktop.store.paths import backup_dir
from desktop.ui import ask
from desktop.ui.i18n import tr
from desktop.ui.runner import Runner

KEEP_KEY = "backups/keep"
# File dialogs' patterns, after the translated name of what they match.
_ZIP = " (*.zip)"
_BACKUPS = " (*.zip *.sqlite3)"
_HOUR_MS = 60 * 60 * 1000
log = logging.getLogger(__name__)
Say = Callable[[str, int], None]


def keep_setting(settings: QSettings) -> int:
    try:
        return max(0, int(settings.value(KEEP_KEY, KEEP_AUTOMATIC)))
    except (TypeError, ValueError):
        return KEEP_AUTOMATIC


def back_up_now(parent: QWidget, runner: Runner, folder: Path, say: Say) -> None:
    """Ask where (the backups folder by default) and write the backup off the window's thread."""
    default = backup_dir(folder) / archive_name("manual")
    default.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path, _ = QFileDialog.getSaveFileName(parent, tr("Back up"), str(default),
                                          tr("Crewbook backup") + _ZIP)
    if not path:
        return
    say(tr("Backing up…"), 0)
    runner.read(back_up, runner.store, folder, Path(path), parent=parent,
                done=lambda written: say(tr("Backed up to {file}").format(file=written), 10_000),
                failed=lambda _exc: say("", 0))


def choose_backup(parent: QWidget, folder: Path) -> Path | None:
    start = backup_dir(folder) if backup_dir(folder).is_dir() else Path.home()
    path, _ = QFileDialog.getOpenFileName(
        parent, tr("Restore from backup"), str(start),
        tr("Crewbook backups") + _BACKUPS + ";;" + tr("All files") + " (*)")
    return Path(path) if path else None


def confirm_restore(parent: QWidget | None, archive: Path, manifest: Manifest) -> bool:
    lost = len(manifest.missing_documents)
    missing = ("\n\n" + tr("%n document(s) were already missing when it was made.", "", lost)
               if lost else "")
    documents = (tr("The documents stored now stay as they are (this backup holds the database "
                    "only).") if manifest.database_only else "")
    return ask.confirm(
        parent, tr("Restore from backup"),
        tr("Restore the {backup}?\n\n{file}\n\nEverything in Crewbook now is replaced by what "
           "the backup holds. What you have now is backed up first, into the backups folder, "
           "so you can go back to it. {documents}{missing}").format(
            backup=manifest.describe(), file=archive, documents=documents, missing=missing),
        risky=True)


class DailyBackups(QObject):
    """Takes the day's automatic backup soon after the window opens and checks every hour
    while it stays open; keeps the number the user chose."""

    def __init__(self, runner: Runner, folder: Path, settings: QSettings, say: Say,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.runner, self.folder, self.settings, self._say = runner, folder, settings, say
        self._timer = QTimer(self)
        self._timer.setInterval(_HOUR_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def check(self) -> None:
        keep = keep_setting(self.settings)
        if keep:
            self.runner.read(back_up_daily, self.runner.store, self.folder, keep,
                             key="daily backup", done=self._written,
                             handles=(StoreError, OSError), failed=self._failed)

    def _written(self, path: Path | None) -> None:
        if path is not None:
            log.info("automatic backup written")

    def _failed(self, exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", type(exc).__name__)
        self._say(tr("The automatic backup failed: {problem}").format(problem=exc), 30_000)


class BackupSettingsDialog(QDialog):
    """Settings ▸ Backups…: how many daily automatic backups to keep (0: none)."""

    def __init__(self, settings: QSettings, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("Backups"))
        self.keep = QSpinBox()
        self.keep.setRange(0, 365)
        self.keep.setValue(keep_setting(settings))
        self.keep.setSuffix(tr(" daily backups", "after the number kept"))
        self.keep.setSpecialValueText(tr("no automatic backups"))
        self.keep.setAccessibleName(tr("Automatic backups to keep"))
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Keep the last", "followed by a number of daily backups")))
        row.addWidget(self.keep)
        row.addStretch(1)
        where = QLabel(tr(
            "Crewbook backs up the database and its documents once a day while it is open, "
            "into <code>{folder}</code>, and removes the oldest automatic backups beyond this "
            "number. Backups you make yourself (File ▸ Back up…) are never removed.").format(
            folder=backup_dir(folder)))
        where.setWordWrap(True)
        open_folder = QPushButton(tr("Open backups folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(backup_dir(folder)))))
        open_folder.setEnabled(backup_dir(folder).is_dir())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(where)
        folder_row = QHBoxLayout()
        folder_row.addWidget(open_folder)
        folder_row.addStretch(1)
        layout.addLayout(folder_row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        self.settings.setValue(KEEP_KEY, self.keep.value())
        self.settings.sync()
        super().accept()
