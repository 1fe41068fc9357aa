"""The Engagements tab: the list of engagements on the left, the selected one on the right.

Engagements number in the tens or hundreds, so every change simply reloads them on the UI
thread; the roster's background loading is not needed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.engagement import LABELS, OPEN
from desktop.core.enums import EngagementStatus
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import contractors, engagements
from desktop.store.db import Store
from desktop.store.rules import payment_rules
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.engagement_model import ECol, EngagementModel
from desktop.ui.engagement_pane import EngagementPane
from desktop.ui.fields import error_lines
from desktop.ui.table_base import select_row, sorted_table

_WIDTHS = {ECol.CONTRACTOR: 130, ECol.STATUS: 76, ECol.VALUE: 96, ECol.NEXT_DUE: 80,
           ECol.START: 80, ECol.END: 80}
OPEN_FILTER = "open"


class EngagementsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.store = store
        self.today = today
        self.model = EngagementModel(self, today=lambda: self.today())
        self._build()

    def _build(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", "")
        self.status_filter.addItem("Open", OPEN_FILTER)
        self.status_filter.setItemData(1, "Draft, in review or signed", Qt.ItemDataRole.ToolTipRole)
        for status in EngagementStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.setToolTip("Show engagements with this status")
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.new_button = QPushButton("New engagement…")
        self.new_button.clicked.connect(self.new_engagement)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)

        self.table = sorted_table(self.model, ECol.START, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ECol.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._selecting = False
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #57606a;")
        self.count_label.setContentsMargins(8, 2, 8, 6)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.pane = EngagementPane(self.store, lambda: self.today())
        self.pane.changed.connect(self.reload)
        self.pane.edit_requested.connect(lambda _field: self.edit_selected())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([730, 530])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # --- loading -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        # Contractors may have been added on the other tab since this one was last shown.
        self.reload()
        super().showEvent(event)

    def reload(self, select_id: int | None = None) -> None:
        """Re-read every engagement, keeping (or moving to) a selection."""
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_rows(engagements.list_rows(self.store))
        self._select(keep)

    def _apply_filter(self) -> None:
        keep = self.selected_id()
        choice = self.status_filter.currentData()
        self.model.set_statuses([s.value for s in OPEN] if choice == OPEN_FILTER
                                else [choice] if choice else [])
        self._select(keep)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _select(self, engagement_id: int | None) -> None:
        position = self.model.position_of(engagement_id) if engagement_id is not None else None
        if position is None and self.model.rowCount():
            position = 0
        self._selecting = True  # show the pane once, after the selection settles
        try:
            select_row(self.table, position)
        finally:
            self._selecting = False
        self._show_selection()

    def _selection_changed(self, *_args) -> None:  # type: ignore[no-untyped-def]
        if not self._selecting:
            self._show_selection()

    def _show_selection(self) -> None:
        engagement_id = self.selected_id()
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0 and not contractors.count(self.store):
            empty = ("No engagements yet. Add a contractor first (Contractors tab, Ctrl+1): "
                     "an engagement is always with someone.")
        elif total == 0:
            empty = ("No engagements yet. Choose “New engagement…” to write the brief, price "
                     "and terms of a piece of work for one of your contractors.")
        else:
            empty = "No engagement has this status."
        self.pane.show_engagement(engagement_id, empty)
        self.count_label.setText(f"{shown} of {total} engagements" if shown != total
                                 else f"{total} engagement{'s' if total != 1 else ''}")
        record = self.pane.record
        self.edit_button.setEnabled(record is not None and record.status in OPEN)

    # --- use cases -----------------------------------------------------------------------
    def _choices(self, also: tuple[int, str] | None = None) -> list[tuple[int, str]]:
        rows = contractors.list_rows(self.store, include_archived=False)
        choices = sorted(((r.id, r.display_name) for r in rows), key=lambda c: c[1].casefold())
        if also and all(also[0] != c[0] for c in choices):
            choices.insert(0, also)  # an archived contractor keeps their engagement
        return choices

    def new_engagement(self) -> None:
        choices = self._choices()
        if not choices:
            self._warn("Add a contractor first (Contractors tab, Ctrl+1); an engagement is "
                       "always with someone.")
            return
        dialog = EngagementDialog(None, choices, payment_rules(self.store), self)
        if not dialog.exec() or dialog.result_data is None:
            return
        try:
            record = engagements.create(self.store, dialog.result_data)
        except (ConflictError, ValidationError) as exc:
            self._warn(_message(exc))
            return
        self.model.set_rows(engagements.list_rows(self.store))
        if self.model.position_of(record.id) is None:  # hidden by the filter: show it
            self.status_filter.setCurrentIndex(0)
        self.reload(record.id)

    def edit_selected(self) -> None:
        engagement_id = self.selected_id()
        if engagement_id is None:
            return
        try:
            record = engagements.get(self.store, engagement_id)
        except ConflictError as exc:
            self._warn(str(exc))
            self.reload()
            return
        if record.status not in OPEN:
            return
        choices = self._choices((record.data.contractor_id, record.contractor_name))
        dialog = EngagementDialog(record.data, choices, payment_rules(self.store), self)
        if not dialog.exec() or dialog.result_data in (None, record.data):
            return
        try:
            engagements.update(self.store, record.id, dialog.result_data, record.version)
        except (ConflictError, ValidationError) as exc:
            self._warn(_message(exc))
        self.reload(record.id)

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(f"{line}." for line in error_lines(exc, LABELS))
    return str(exc)
