"""Split a milestone-priced engagement into dated payments by percentage."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import parse_date
from desktop.core.money import format_money
from desktop.core.schedule import Milestone, PlannedInstallment, milestone_schedule
from desktop.core.validation import ValidationError
from desktop.ui.discard import AsksBeforeDiscarding
from desktop.ui.fields import ERROR_STYLE, SCHEDULE_LABELS, error_lines
from desktop.ui.i18n import QT_TR_NOOP, tr

COLUMNS = (QT_TR_NOOP("Label"), QT_TR_NOOP("Date"), QT_TR_NOOP("Percent"))


class MilestonesDialog(AsksBeforeDiscarding, QDialog):
    def __init__(self, total_minor: int, currency: str, net_days: int,
                 start: dt.date | None, end: dt.date | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Milestone schedule"))
        self.total_minor, self.currency, self.net_days = total_minor, currency, net_days
        self.plan: list[PlannedInstallment] = []
        intro = QLabel(tr("Split {amount} into dated payments. Percentages must add up to 100; "
                          "each is due %n day(s) after its date. The schedule follows the "
                          "dates, whatever the rows' order.", "", net_days).format(
                              amount=format_money(total_minor, currency)))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 120)
        header.resizeSection(2, 80)
        first, last = start or dt.date.today(), end or start or dt.date.today()
        # Typed dates stay ISO: the user edits them in the table.
        self.add_row(tr("Deposit"), first.isoformat(), "50")
        self.add_row(tr("Delivery"), last.isoformat(), "50")
        add = QPushButton(tr("Add row"))
        add.clicked.connect(lambda: self.add_row("", last.isoformat(), ""))
        insert = QPushButton(tr("Insert row"))
        insert.setToolTip(tr("A row above the selected one, dated between its neighbours"))
        insert.clicked.connect(self.insert_row)
        self.remove = QPushButton(tr("Remove row"))
        self.remove.clicked.connect(self.remove_row)
        up, down = QPushButton(tr("Move up")), QPushButton(tr("Move down"))
        up.clicked.connect(lambda: self.move_row(-1))
        down.clicked.connect(lambda: self.move_row(1))
        by_date = QPushButton(tr("Sort by date"))
        by_date.clicked.connect(self.sort_rows)
        row_buttons = QHBoxLayout()
        for button in (add, insert, self.remove, up, down, by_date):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create schedule"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 360)
        self.remember()

    def add_row(self, label: str, on: str, percent: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((label, on, percent)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def insert_row(self) -> None:
        """Above the selected row, dated between the row before it and the selected one."""
        at = max(0, self.table.currentRow())
        after = self._date(at - 1) if at > 0 else None
        before = self._date(at)
        on = before or after or dt.date.today()
        if after and before and before > after:
            on = after + (before - after) / 2
        self.table.insertRow(at)
        for column, text in enumerate(("", on.isoformat(), "")):
            self.table.setItem(at, column, QTableWidgetItem(text))
        self.table.selectRow(at)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        texts = self.values()
        texts[row], texts[target] = texts[target], texts[row]
        self._put(texts)
        self.table.selectRow(target)

    def sort_rows(self) -> None:
        """By date; rows without a readable date go last, in their order."""
        rows = self.values()
        order = sorted(range(len(rows)), key=lambda i: (self._date(i) is None,
                                                        self._date(i) or dt.date.min, i))
        self._put([rows[i] for i in order])

    def _put(self, rows: list[tuple[str, str, str]]) -> None:
        for r, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.table.setItem(r, column, QTableWidgetItem(text))

    def _date(self, row: int) -> dt.date | None:
        try:
            return parse_date(self._text(row, 1))
        except ValueError:
            return None

    def remove_row(self) -> None:
        if self.table.rowCount() > 1:  # a schedule needs at least one payment
            self.table.removeRow(max(0, self.table.currentRow()))

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        self.table.setRowCount(0)
        for label, on, percent in rows:
            self.add_row(label, on, percent)
        self.remember()

    def values(self) -> list[tuple[str, str, str]]:
        return [(self._text(r, 0), self._text(r, 1), self._text(r, 2))
                for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def accept(self) -> None:
        milestones, problems = [], []
        for row in range(self.table.rowCount()):
            try:
                on = parse_date(self._text(row, 1))
            except ValueError as exc:
                problems.append(tr("Row {row} date {problem}").format(row=row + 1, problem=exc))
                continue
            if on is None:
                problems.append(tr("Row {row} date is required").format(row=row + 1))
                continue
            text = self._text(row, 2).rstrip("%").strip()
            try:
                percent = Decimal(text)
            except InvalidOperation:
                problems.append(tr("Row {row} percent “{text}” is not a number such as 25")
                                .format(row=row + 1, text=text))
                continue
            milestones.append(Milestone(self._text(row, 0), on, percent=percent))
        milestones.sort(key=lambda m: m.on)  # the dates decide, not the rows' order
        if not problems:
            try:
                self.plan = milestone_schedule(self.total_minor, self.currency, milestones,
                                               self.net_days)
            except ValidationError as exc:
                problems = error_lines(exc, SCHEDULE_LABELS)
        if problems:
            self.error.setText("; ".join(problems))
            self.error.show()
            return
        super().accept()
