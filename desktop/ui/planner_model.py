"""Table models of the outsourcing planner: the activities with their advice and money, and one
activity's quotes. Both hold plain rows built by the view from the store and the planner rules."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication

from desktop.core.enums import RateUnit
from desktop.core.money import format_money
from desktop.core.planner import ActivityMoney, QuoteCost, Recommendation, monthly_cost
from desktop.store.planner import ActivityRecord, QuoteRecord
from desktop.ui.colours import muted
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.table_base import ReadOnlyTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NEGATIVE = QColor("#b42318")
_PER_UNIT = {RateUnit.HOUR: QT_TR_NOOP("{amount} / hour"),
             RateUnit.DAY: QT_TR_NOOP("{amount} / day"),
             RateUnit.MONTH: QT_TR_NOOP("{amount} / month"),
             RateUnit.FIXED: QT_TR_NOOP("{amount} fixed")}


class ACol(IntEnum):
    NAME = 0
    HOURS = 1
    IMPORTANCE = 2
    COMPETENCE = 3
    RECOMMENDATION = 4
    DECISION = 5
    BEST = 6
    VALUE = 7
    SAVING = 8
    DONE_BY = 9


@dataclass(frozen=True)
class ActivityRow:
    """One activity as the planner table shows it. ``money`` is None when its hours are valued
    in a currency the plan has no rate for (``money_problem`` says so)."""

    record: ActivityRecord
    recommendation: Recommendation
    money: ActivityMoney | None
    money_problem: str = ""

    @property
    def id(self) -> int:
        return self.record.id


def hours_text(hours: Decimal) -> str:
    return f"{hours.normalize():f}" if hours == hours.to_integral_value() else f"{hours:f}"


def rate_text(rate_minor: int, unit: RateUnit, currency: str, locale: str = "en_US") -> str:
    return tr(_PER_UNIT[unit]).format(amount=format_money(rate_minor, currency, locale))


def _other_text(costs: tuple[QuoteCost, ...], locale: str) -> str:
    cheapest = min(costs, key=lambda c: (c.quote.currency, c.monthly_minor))
    money = format_money(cheapest.monthly_minor, cheapest.quote.currency, locale)
    return tr("{amount} (no exchange rate)").format(amount=money)


class ActivitiesModel(ReadOnlyTableModel):
    headers = (QT_TR_NOOP("Activity"), QT_TR_NOOP("Hours/month"), QT_TR_NOOP("Importance"),
               QT_TR_NOOP("Competence"), QT_TR_NOOP("Recommendation"),
               QT_TR_NOOP("Your decision"), QT_TR_NOOP("Best quote / month"),
               QT_TR_NOOP("Value of the hours"), QT_TR_NOOP("Saving"), QT_TR_NOOP("Done by"))

    def __init__(self, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[ActivityRow] = []
        self._locale = "en_US"
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- rows ----------------------------------------------------------------------------
    def set_rows(self, rows: list[ActivityRow], locale: str = "en_US") -> None:
        self.beginResetModel()
        self._rows, self._locale = list(rows), locale
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def shown(self) -> list[ActivityRow]:
        return self._rows

    def row_at(self, position: int) -> ActivityRow:
        return self._rows[position]

    def position_of(self, activity_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == activity_id), None)

    # --- cells ---------------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], ACol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == ACol.SAVING and row.money and (row.money.saving_minor or 0) < 0:
                return NEGATIVE
            if column in (ACol.BEST, ACol.VALUE, ACol.SAVING) and row.money is None:
                return muted(QGuiApplication.palette())
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (ACol.HOURS, ACol.BEST, ACol.VALUE, ACol.SAVING):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column in (ACol.IMPORTANCE, ACol.COMPETENCE):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        return None

    def _money(self, minor: int | None, currency: str) -> str:
        return "—" if minor is None else format_money(minor, currency, self._locale)

    def _display(self, row: ActivityRow, column: ACol) -> str:
        inputs, money = row.record.inputs, row.money
        if column == ACol.NAME:
            return inputs.name
        if column == ACol.HOURS:
            return hours_text(inputs.hours_per_month)
        if column == ACol.IMPORTANCE:
            return str(inputs.importance)
        if column == ACol.COMPETENCE:
            return str(inputs.competence)
        if column == ACol.RECOMMENDATION:
            return row.recommendation.decision.label
        if column == ACol.DECISION:
            return row.record.decision.label
        if column == ACol.DONE_BY:
            return ", ".join(row.record.done_by)
        if money is None:
            return "—"
        if column == ACol.BEST:
            if money.best is None:
                return _other_text(money.other_currency, self._locale) if money.other_currency \
                    else tr("no quote")
            return self._money(money.best.plan_minor, money.currency)
        if column == ACol.VALUE:
            return self._money(money.hours_value_minor, money.currency)
        return self._money(money.saving_minor, money.currency)  # SAVING

    def _tooltip(self, row: ActivityRow, column: ACol) -> str | None:
        if column == ACol.RECOMMENDATION:
            return row.recommendation.reason
        if column in (ACol.BEST, ACol.VALUE, ACol.SAVING):
            if row.money is None:
                return row.money_problem or None
            best = row.money.best
            if column == ACol.BEST and best is not None:
                if not best.converted:
                    return tr("From {source}").format(source=best.quote.source)
                return tr("From {source}: {amount} converted at the plan's exchange rate").format(
                    source=best.quote.source,
                    amount=format_money(best.monthly_minor, best.quote.currency, self._locale))
            if column == ACol.BEST and row.money.other_currency:
                return tr("Quoted only in a currency the plan has no exchange rate for: add one "
                          "under “Exchange rates…” to compare it")
            if column == ACol.SAVING and row.money.saving_minor is not None:
                return (tr("The value of the hours minus the best quote (negative: outsourcing "
                           "costs more)") if row.money.saving_minor < 0
                        else tr("The value of the hours minus the best quote"))
        if column == ACol.DECISION and row.record.notes:
            return row.record.notes
        return None

    def _sort_key(self, row: ActivityRow, column: ACol) -> Any:
        inputs, money = row.record.inputs, row.money
        if column == ACol.HOURS:
            return inputs.hours_per_month
        if column == ACol.IMPORTANCE:
            return inputs.importance
        if column == ACol.COMPETENCE:
            return inputs.competence
        if column in (ACol.BEST, ACol.VALUE, ACol.SAVING):
            if money is None:
                return None
            return {ACol.BEST: money.best_cost_minor, ACol.VALUE: money.hours_value_minor,
                    ACol.SAVING: money.saving_minor}[column]
        return self._display(row, column).casefold()

    # --- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in persistent]
        self._sort = (column, order)
        self._sort_rows(column, order)
        positions = {r.id: i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(positions[i], p.column()) for i, p in zip(ids, persistent)])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        col = ACol(column)
        present = [r for r in self._rows if self._sort_key(r, col) is not None]
        missing = [r for r in self._rows if self._sort_key(r, col) is None]
        present.sort(key=lambda r: (self._sort_key(r, col), r.record.inputs.name.casefold()),
                     reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = present + missing  # blanks last either way


class QCol(IntEnum):
    SOURCE = 0
    RATE = 1
    CURRENCY = 2
    HOURS = 3
    MONTHLY = 4


class QuotesModel(ReadOnlyTableModel):
    """The selected activity's quotes, with what each costs a month."""

    headers = (QT_TR_NOOP("Quote from"), QT_TR_NOOP("Rate"), QT_TR_NOOP("Currency"),
               QT_TR_NOOP("Est. hours/month"), QT_TR_NOOP("Monthly cost"))

    def __init__(self, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[QuoteRecord] = []
        self._plan: dict[int, QuoteCost] = {}
        self._locale = "en_US"
        self._best: QuoteCost | None = None
        self._currency = "USD"

    def set_quotes(self, quotes: tuple[QuoteRecord, ...], money: ActivityMoney | None,
                   locale: str = "en_US") -> None:
        self.beginResetModel()
        self._rows, self._locale = list(quotes), locale
        self._plan, self._best = {}, None
        if money is not None:
            self._best, self._currency = money.best, money.currency
            for cost in money.quotes:
                for q in self._rows:
                    if q.quote is cost.quote:
                        self._plan.setdefault(q.id, cost)
        self.endResetModel()

    def shown(self) -> list[QuoteRecord]:
        return self._rows

    def row_at(self, position: int) -> QuoteRecord:
        return self._rows[position]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record, column = self._rows[index.row()], QCol(index.column())
        quote = record.quote
        if role == Qt.ItemDataRole.DisplayRole:
            if column == QCol.SOURCE:
                return quote.source if quote.contractor_id is None \
                    else tr("{name}  (roster)").format(name=quote.source)
            if column == QCol.RATE:
                return rate_text(quote.rate_minor, quote.unit, quote.currency, self._locale)
            if column == QCol.CURRENCY:
                return quote.currency
            if column == QCol.HOURS:
                return hours_text(quote.estimated_hours_per_month)
            text = format_money(monthly_cost(quote), quote.currency, self._locale)
            cost = self._plan.get(record.id)
            if cost is not None and cost.converted and cost.plan_minor is not None:
                text += f"  ≈ {format_money(cost.plan_minor, self._currency, self._locale)}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == QCol.MONTHLY and self._best is not None \
                    and self._plan.get(record.id) is self._best:
                return tr("The cheapest quote for this activity")
            return record.notes or None
        if role == Qt.ItemDataRole.FontRole and self._best is not None \
                and self._plan.get(record.id) is self._best:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QCol.RATE, QCol.HOURS,
                                                                      QCol.MONTHLY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


__all__ = ["ACol", "ActivitiesModel", "ActivityRow", "QCol", "QuotesModel", "SORT_ROLE",
           "hours_text", "rate_text"]
