"""The planner's exchange rates, typed for the plan: each row says 1 From = Rate To."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.planner import LABELS, ExchangeRate, validate_rate
from desktop.core.validation import FieldError, ValidationError
from desktop.ui.fields import error_summary, save_cancel
from desktop.ui.i18n import tr


class ExchangeRatesDialog(QDialog):
    """The plan's exchange rates, one per row: 1 From = Rate To."""

    def __init__(self, rates: Sequence[ExchangeRate], currency: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Exchange rates for the plan"))
        self.result_data: list[ExchangeRate] | None = None
        self._currency = currency
        intro = QLabel(tr("Rates you type for this plan, e.g. 1 EUR = 1.0834 {currency}. Each "
                          "also converts the other way. Quotes in a currency without a rate are "
                          "listed apart and never added.").format(currency=currency))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("1 unit of"), tr("equals"),
                                              tr("of", "exchange rate: in this currency")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        for rate in rates:
            self.add_row(rate.from_currency, format(rate.rate, "f"), rate.to_currency)
        add = QPushButton(tr("Add rate"))
        add.clicked.connect(lambda: self.add_row("", "", currency))
        remove = QPushButton(tr("Remove rate"))
        remove.clicked.connect(self.remove_row)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        self.summary = error_summary()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        self.buttons = save_cancel(self)
        layout.addWidget(self.buttons)
        self.resize(460, 320)

    def add_row(self, frm: str, rate: str, to: str) -> None:
        position = self.table.rowCount()
        self.table.insertRow(position)
        for column, text in enumerate((frm, rate, to)):
            self.table.setItem(position, column, QTableWidgetItem(text))

    def remove_row(self) -> None:
        position = self.table.currentRow()
        if position >= 0:
            self.table.removeRow(position)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def rates(self) -> list[ExchangeRate]:
        """The rows as rates; ValidationError names the row and field of each problem."""
        found: list[ExchangeRate] = []
        errors: list[FieldError] = []
        pairs: set[frozenset[str]] = set()
        for row in range(self.table.rowCount()):
            raw = {"from_currency": self._text(row, 0), "rate": self._text(row, 1),
                   "to_currency": self._text(row, 2)}
            if not any(raw.values()):
                continue
            try:
                rate = validate_rate(raw)
            except ValidationError as exc:
                errors.extend(FieldError(e.field, tr("row {row}: {field} {problem}").format(
                    row=row + 1, field=LABELS.get(e.field, e.field), problem=e.message))
                    for e in exc.errors)
                continue
            pair = frozenset((rate.from_currency, rate.to_currency))
            if pair in pairs:
                first, second = sorted(pair)
                errors.append(FieldError("rates", tr(
                    "row {row}: a rate between {first} and {second} is given twice").format(
                    row=row + 1, first=first, second=second)))
                continue
            pairs.add(pair)
            found.append(rate)
        if errors:
            raise ValidationError(errors)
        return found

    def accept(self) -> None:
        try:
            self.result_data = self.rates()
        except ValidationError as exc:
            self.summary.setText("\n".join(e.message[:1].upper() + e.message[1:]
                                           for e in exc.errors))
            self.summary.show()
            return
        super().accept()
