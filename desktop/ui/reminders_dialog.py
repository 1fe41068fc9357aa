"""Settings ▸ Reminders…: say what is overdue or due today when the user logs in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.operations.reminders import (
    LoginPlace,
    entry_path,
    remind_at_login,
    reminds_at_login,
)
from desktop.store.errors import StoreError
from desktop.ui.fields import ERROR_STYLE
from desktop.ui.i18n import tr


class RemindersDialog(QDialog):
    def __init__(self, folder: Path | None, parent: QWidget | None = None,
                 place: LoginPlace | None = None):
        """``folder``: the data folder the reminder reads; None on a team database, where it
        can only be turned off."""
        super().__init__(parent)
        self.folder, self.place = folder, place or LoginPlace()
        self.setWindowTitle(tr("Reminders"))
        self.check = QCheckBox(tr("Remind me at login of what is overdue or due today"))
        self.check.setChecked(reminds_at_login(self.place))
        about = QLabel(tr(
            "When you log in, Crewbook looks at Today. If a payment is overdue or due today, or "
            "a notice day, check-in or document needs you, a notification says so; click it to "
            "open Crewbook on Today. When nothing does, you hear nothing."))
        about.setWordWrap(True)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: palette(dark);")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        if folder is None:
            self.check.setEnabled(self.check.isChecked())  # it can still be turned off
            self.where.setText(tr("Reminders at login read the book on this computer; open it "
                                  "(File ▸ Use the book on this computer) to set them up."))
        elif self.check.isChecked():
            self.where.setText(tr("Set up in {path}").format(path=entry_path(self.place)))
        self.check.toggled.connect(self._toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check)
        layout.addWidget(about)
        layout.addWidget(self.where)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _toggled(self, on: bool) -> None:
        self.problem.hide()
        try:
            if on and self.folder is None:
                raise StoreError(tr("Open the book on this computer to set up reminders at login."))
            path = remind_at_login(on, self.folder or Path(), self.place)
        except StoreError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.check.blockSignals(True)
            self.check.setChecked(not on)
            self.check.blockSignals(False)
            return
        self.where.setText(tr("Written to {path}").format(path=path) if on else
                           tr("Removed {path}").format(path=path) if path is not None else "")
