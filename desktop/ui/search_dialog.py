"""Search everything (Ctrl+K): type, see contractors, engagements and payments grouped by
kind, and open one with Enter or a double-click."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.search import Hit, everything
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.screen_fit import fit_on_screen

GROUPS = {"contractor": QT_TR_NOOP("Contractors"), "engagement": QT_TR_NOOP("Engagements"),
          "payment": QT_TR_NOOP("Invoices and payment references")}
_HIT = Qt.ItemDataRole.UserRole + 1


class SearchDialog(QDialog):
    open_contractor = Signal(int)
    open_engagement = Signal(int)
    shown = Signal()  # the results for what was typed are in

    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle(tr("Search"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            tr("Name, company, email, engagement, invoice or reference"))
        self.field.setClearButtonEnabled(True)
        self.results = QTreeWidget()
        self.results.setHeaderHidden(True)
        self.results.setColumnCount(2)
        self.results.itemActivated.connect(self._activated)
        self.note = QLabel(tr("Type two letters or more."))
        self.note.setStyleSheet("color: palette(dark);")
        # A pause in the typing asks once, not on every key.
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _t: self.timer.start())
        self.field.returnPressed.connect(self._first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.note)
        layout.addWidget(self.results, 1)
        fit_on_screen(self, 640, 460)

    def search(self) -> None:
        text = self.field.text()
        self.runner.read(everything, self.runner.store, text,
                         done=lambda hits: self.show_hits(text, hits), key="search",
                         parent=self)

    def show_hits(self, text: str, hits: list[Hit]) -> None:
        if text != self.field.text():
            return  # an older answer; a newer one is on its way
        self.results.clear()
        for kind, heading in GROUPS.items():
            found = [h for h in hits if h.kind == kind]
            if not found:
                continue
            group = QTreeWidgetItem([f"{tr(heading)} ({len(found)})", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.results.addTopLevelItem(group)
            for hit in found:
                item = QTreeWidgetItem([hit.title, hit.detail])
                item.setData(0, _HIT, hit)
                group.addChild(item)
            group.setExpanded(True)
        self.results.resizeColumnToContents(0)
        self.note.setText("" if hits else (tr("Nothing matches.") if len(text.strip()) >= 2
                                          else tr("Type two letters or more.")))
        self.note.setVisible(not hits)
        self.shown.emit()

    def _first(self) -> None:
        group = self.results.topLevelItem(0)
        if group is not None and group.childCount():
            self._activated(group.child(0))

    def _activated(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, _HIT)
        if hit is None:
            return
        if hit.engagement_id is not None:
            self.open_engagement.emit(hit.engagement_id)
        elif hit.contractor_id is not None:
            self.open_contractor.emit(hit.contractor_id)
        self.accept()
