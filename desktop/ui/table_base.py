"""What every read-only table model here shares: row and column counts, headers, flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence, Sized
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.i18n import tr


class ReadOnlyTableModel(QAbstractTableModel):
    """Subclasses name their column ``headers`` (marked with QT_TR_NOOP: they are translated
    here) and say which rows are ``shown()``."""

    headers: tuple[str, ...] = ()

    def shown(self) -> Sized:
        raise NotImplementedError

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.shown())

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return tr(self.headers[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DatedRowsModel(ReadOnlyTableModel):
    """A table of plain rows judged against a day (overdue, expired): set both together."""

    def __init__(self, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[Any] = []
        self._today = dt.date.today()

    def set_rows(self, rows: Sequence[Any], today: dt.date) -> None:
        self.beginResetModel()
        self._rows, self._today = list(rows), today
        self.endResetModel()

    def row_at(self, position: int) -> Any:
        return self._rows[position]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def shown(self) -> list[Any]:
        return self._rows


def select_row(table: QTableView, position: int | None) -> None:
    """Make one row the whole selection and scroll to it; ``None`` clears the selection."""
    selection = table.selectionModel()
    if position is None:
        selection.clearSelection()
        return
    index = table.model().index(position, 0)
    flags = QItemSelectionModel.SelectionFlag
    selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
    table.scrollTo(index)


class SelectionShown:
    """Calls ``show`` when the user changes a table's selection, and once after a selection
    made in code (``with shown.settling(): ...``), however many signals that one sends."""

    def __init__(self, table: QTableView, show: Callable[[], None]):
        self._show, self._quiet = show, False
        table.selectionModel().selectionChanged.connect(self._changed)

    def _changed(self, *_args: Any) -> None:
        if not self._quiet:
            self._show()

    @contextmanager
    def settling(self) -> Iterator[None]:
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False
        self._show()


def sorted_table(model: QAbstractTableModel, column: int, order: Qt.SortOrder, *,
                 many: bool = False) -> QTableView:
    """A read-only list of rows as every view here shows one: sortable, one line per row,
    whole-row selection (``many`` allows several), no grid or row numbers."""
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(column, order)
    view = QAbstractItemView
    table.setSelectionBehavior(view.SelectionBehavior.SelectRows)
    table.setSelectionMode(view.SelectionMode.ExtendedSelection if many
                           else view.SelectionMode.SingleSelection)
    table.setEditTriggers(view.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setHighlightSections(False)
    return table
