"""Help ▸ Keyboard shortcuts (read from the window's own actions, so it is never out of
date) and Help ▸ Getting started (the first hour, in five steps)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import tr
from desktop.ui.screen_fit import fit_on_screen


def getting_started() -> str:
    """The first hour, in five steps."""
    heading = tr("Getting started")
    steps = (
        tr("<b>Look around the demo.</b> The roster, engagements and dashboard are filled with "
           "made-up examples. When you are ready, File ▸ Remove demo data takes them all away."),
        tr("<b>Add your contractors.</b> Contractors ▸ New contractor (Ctrl+N), or File ▸ "
           "Import contractors (Ctrl+I) to bring in the contact list you already keep (Xero, "
           "QuickBooks, Outlook, Google, any spreadsheet)."),
        tr("<b>Write the brief.</b> File ▸ New engagement (Ctrl+Shift+N): goals, scope, "
           "deliverables, how you will accept the work, and how you will keep in touch. The "
           "editor says what is still missing."),
        tr("<b>Review the risk before signing.</b> In the engagement pane, Risk review… asks "
           "what to check (identity, classification, data, payment). Signing stays blocked, "
           "with the reason and its fix, until nothing stands in the way."),
        tr("<b>Pay on time.</b> Generate the schedule from the terms; Today lists what falls "
           "due and what is late, and what paying late costs where the law says."),
    )
    closing = tr("Settings holds your business profile and the rules Crewbook applies, each "
                 "with its source. Reports (Ctrl+5) makes the PDFs and CSV files your "
                 "accountant asks for.")
    items = "\n".join(f"<li>{step}</li>" for step in steps)
    return f"<h3>{heading}</h3>\n<ol>\n{items}\n</ol>\n<p>{closing}</p>"


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        rows = sorted({(a.text().replace("&", "").rstrip("…"),
                        a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                       for a in actions if not a.shortcut().isEmpty()})
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([tr("To", "column: what a shortcut does"),
                                              tr("Press", "column: the keys of a shortcut")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, (what, keys) in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(what))
            self.table.setItem(i, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_on_screen(self, 460, 520)


class GettingStartedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Getting started"))
        text = QLabel(getting_started())
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        fit_on_screen(self, 560, 480)
