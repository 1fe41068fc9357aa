"""The engagements table: a few hundred rows at most, filtered by status and sorted in Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.engagement import BINDING
from desktop.core.enums import EngagementStatus
from desktop.core.formats import date_text
from desktop.core.money import format_money
from desktop.store.engagements import EngagementRow
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ReadOnlyTableModel


class ECol(IntEnum):
    TITLE = 0
    CONTRACTOR = 1
    STATUS = 2
    VALUE = 3
    NEXT_DUE = 4
    START = 5
    END = 6


HEADERS = {ECol.TITLE: QT_TR_NOOP("Title"), ECol.CONTRACTOR: QT_TR_NOOP("Contractor"),
           ECol.STATUS: QT_TR_NOOP("Status"), ECol.VALUE: QT_TR_NOOP("Value"),
           ECol.NEXT_DUE: QT_TR_NOOP("Next due"), ECol.START: QT_TR_NOOP("Start"),
           ECol.END: QT_TR_NOOP("End")}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

STATUS_COLOURS = {"draft": "#57606a", "in_review": "#9a6700", "signed": "#1b7f3b",
                  "completed": "#1f5fa8", "terminated": "#b42318", "cancelled": "#6e7781"}
_STATUS_BRUSHES = {k: QBrush(QColor(v)) for k, v in STATUS_COLOURS.items()}
_STATUS_ORDER = {s.value: i for i, s in enumerate(EngagementStatus)}
OVERDUE_BRUSH = QBrush(QColor("#b42318"))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _day(value: dt.date | None) -> tuple[bool, dt.date]:
    # Rows without a date sort after those with one (before them when descending).
    return (value is None, value or dt.date.min)


def sort_key(row: EngagementRow, column: ECol) -> Any:
    match column:
        case ECol.TITLE:
            return row.title.casefold()
        case ECol.CONTRACTOR:
            return row.contractor_name.casefold()
        case ECol.STATUS:
            return _STATUS_ORDER.get(row.status, 99)
        case ECol.VALUE:
            # Never compare amounts across currencies: group by currency, then amount.
            return (row.value_minor is None, row.currency, row.value_minor or 0)
        case ECol.NEXT_DUE:
            return _day(row.next_due_on)
        case ECol.START:
            return _day(row.start_on)
        case ECol.END:
            return _day(row.end_on)
    raise ValueError(column)


def cells(row: EngagementRow) -> tuple[str, ...]:
    def day(value: dt.date | None) -> str:
        return date_text(value)

    value = "—" if row.value_minor is None else format_money(row.value_minor, row.currency)
    return (row.title, row.contractor_name, EngagementStatus(row.status).label, value,
            day(row.next_due_on), day(row.start_on), day(row.end_on))


class EngagementModel(ReadOnlyTableModel):
    headers = tuple(HEADERS[c] for c in ECol)

    def __init__(self, parent: QObject | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.today = today
        self._rows: list[EngagementRow] = []
        self._shown: list[EngagementRow] = []
        self._statuses: frozenset[str] = frozenset()  # empty = every status
        self._sort: tuple[ECol, Qt.SortOrder] = (ECol.START, Qt.SortOrder.DescendingOrder)

    # --- contents ------------------------------------------------------------------------
    def set_rows(self, rows: list[EngagementRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = self._arrange()
        self.endResetModel()

    def set_statuses(self, statuses: Collection[str]) -> None:
        """Show only these statuses (none given: show every engagement)."""
        self.beginResetModel()
        self._statuses = frozenset(statuses)
        self._shown = self._arrange()
        self.endResetModel()

    def _arrange(self) -> list[EngagementRow]:
        column, order = self._sort
        rows = [r for r in self._rows if not self._statuses or r.status in self._statuses]
        rows.sort(key=lambda r: (sort_key(r, column), r.title.casefold(), r.id),
                  reverse=order == Qt.SortOrder.DescendingOrder)
        return rows

    @property
    def sort_order(self) -> tuple[ECol, Qt.SortOrder]:
        return self._sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(ECol):
            return
        self.layoutAboutToBeChanged.emit()
        before = [(p, self._shown[p.row()].id) for p in self.persistentIndexList()]
        self._sort = (ECol(column), order)
        self._shown = self._arrange()
        position = {r.id: i for i, r in enumerate(self._shown)}
        self.changePersistentIndexList(
            [p for p, _ in before],
            [self.index(position[i], p.column()) if i in position else QModelIndex()
             for p, i in before])
        self.layoutChanged.emit()

    # --- lookups -------------------------------------------------------------------------
    def row_at(self, position: int) -> EngagementRow:
        return self._shown[position]

    def position_of(self, engagement_id: int) -> int | None:
        return next((i for i, r in enumerate(self._shown) if r.id == engagement_id), None)

    def total(self) -> int:
        return len(self._rows)

    # --- Qt model API --------------------------------------------------------------------
    def shown(self) -> list:  # type: ignore[type-arg]
        return self._shown

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row, column = self._shown[index.row()], ECol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cells(row)[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == ECol.STATUS:
                return _STATUS_BRUSHES.get(row.status)
            if column == ECol.NEXT_DUE and self.is_overdue(row):
                return OVERDUE_BRUSH
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column == ECol.VALUE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ECol.NEXT_DUE and self.is_overdue(row):
                return tr("Overdue: an installment due then is not fully paid")
            if column == ECol.TITLE and row.is_demo:
                return tr("Demo data")
            return None
        if role == SORT_ROLE:
            return sort_key(row, column)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def is_overdue(self, row: EngagementRow) -> bool:
        """Money owed and late: a draft's schedule is a plan, never late."""
        return (row.next_due_on is not None and row.next_due_on < self.today()
                and row.status in BINDING)
