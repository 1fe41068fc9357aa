"""One engagement's payment schedule as a table: what is due when, what is paid, what is late."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.core.engagement import BINDING
from desktop.core.enums import EngagementStatus, InstallmentStatus
from desktop.core.formats import date_text
from desktop.core.money import format_money
from desktop.core.payments import is_overdue
from desktop.store.payments import InstallmentRow
from desktop.ui.engagement_model import OVERDUE_BRUSH
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import DatedRowsModel


class ICol(IntEnum):
    LABEL = 0
    DUE = 1
    AMOUNT = 2
    PAID = 3
    STATUS = 4


HEADERS = {ICol.LABEL: QT_TR_NOOP("Installment"), ICol.DUE: QT_TR_NOOP("Due"),
           ICol.AMOUNT: QT_TR_NOOP("Amount"), ICol.PAID: QT_TR_NOOP("Paid"),
           ICol.STATUS: QT_TR_NOOP("Status")}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class InstallmentModel(DatedRowsModel):
    headers = tuple(HEADERS[c] for c in ICol)
    # What an unpaid installment is called while its engagement does not bind us ("Planned"
    # for a draft, "Not owed" once cancelled); None while it does.
    not_owed_as: str | None = None

    def show(self, rows: list[InstallmentRow], today: dt.date, status: EngagementStatus) -> None:
        self.not_owed_as = (None if status in BINDING else
                            tr("Not owed") if status is EngagementStatus.CANCELLED
                            else tr("Planned", "installment of a draft engagement"))
        self.set_rows(rows, today)

    def overdue(self, row: InstallmentRow) -> bool:
        return self.not_owed_as is None and is_overdue(row.status(self._today), row.due_on,
                                                       self._today)

    # --- Qt model API --------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], ICol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_BRUSH if self.overdue(row) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (ICol.AMOUNT, ICol.PAID) else None
        if role == Qt.ItemDataRole.ToolTipRole and column == ICol.LABEL:
            return row.label
        return None

    def _text(self, row: InstallmentRow, column: ICol) -> str:
        match column:
            case ICol.LABEL:
                return row.label
            case ICol.DUE:
                return date_text(row.due_on)
            case ICol.AMOUNT:
                return format_money(row.amount_minor, row.currency)
            case ICol.PAID:
                return format_money(row.paid_minor, row.currency) if row.paid_minor else "—"
            case ICol.STATUS:
                if self.not_owed_as is not None and row.paid_minor == 0 \
                        and row.stored_status != InstallmentStatus.CANCELLED:
                    return self.not_owed_as
                label = row.status(self._today).label
                return tr("{status} (overdue)").format(status=label) if self.overdue(row) else label
        raise ValueError(column)
