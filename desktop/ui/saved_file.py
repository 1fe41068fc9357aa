"""Where an exported file went, said every time, with Open and Show in folder: a PDF viewer
may not be registered, and the file must still be found."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.i18n import tr


class SavedBox(QMessageBox):
    """A box that stays out of the way (not modal) until its Close is pressed. ``what`` is
    the file's kind as a title, already translated ("Calendar")."""

    def __init__(self, parent: QWidget | None, path: Path, what: str):
        super().__init__(QMessageBox.Icon.Information, what,
                         tr("{what} saved to:\n{path}").format(what=what, path=path),
                         QMessageBox.StandardButton.NoButton, parent)
        self.path = path
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setModal(False)
        self.open_button = self.addButton(tr("Open", "verb: open a file"),
                                          QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton(tr("Show in folder"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.print_button = self.addButton(tr("Print…"), QMessageBox.ButtonRole.ActionRole)
        self.print_button.setVisible(path.suffix.lower() == ".pdf")
        self.addButton(QMessageBox.StandardButton.Close)
        # Action buttons would close the box; they act and leave it open instead.
        for button, act in ((self.open_button, self.open_file),
                            (self.folder_button, self.show_folder),
                            (self.print_button, self.print_file)):
            button.clicked.disconnect()
            button.clicked.connect(act)

    def open_file(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            kind = self.path.suffix.lstrip(".").upper()
            advice = (tr("No program here is set up to open {kind} files: use Show in folder "
                         "and open it from there.").format(kind=kind) if kind else
                      tr("No program here is set up to open this file: use Show in folder and "
                         "open it from there."))
            self.setText(f"{self.text()}\n\n{advice}")
            self.open_button.setEnabled(False)

    def print_file(self) -> None:
        from desktop.ui.print_pdf import preview  # the printing modules when asked for

        preview(self, self.path).exec()

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def show_saved(parent: QWidget | None, path: Path, what: str) -> SavedBox:
    box = SavedBox(parent, path, what)
    box.show()
    return box
