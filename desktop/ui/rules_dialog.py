"""Settings ▸ Payment rules: the statutory rules Crewbook checks terms against, editable."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.deadlines import RULE_LABELS, PaymentRule, validate_rule
from desktop.core.money import format_money, to_major_text
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import settings
from desktop.store import rules
from desktop.store.rules import RuleRecord
from desktop.ui import ask
from desktop.ui.fields import FieldBox, mark_invalid, save_cancel
from desktop.ui.runner import Runner
from desktop.ui.table_base import ReadOnlyTableModel

_COLUMNS = ("Where", "Rule", "Written contract from", "Default days", "Longest terms",
            "Source", "Checked on")


class RulesModel(ReadOnlyTableModel):
    headers = _COLUMNS

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.records: list[RuleRecord] = []

    def set_records(self, records: list[RuleRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def shown(self) -> list[RuleRecord]:
        return self.records

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        rule = self.records[index.row()].rule
        if role == Qt.ItemDataRole.ToolTipRole:
            return rule.source
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        threshold = ("" if rule.written_contract_from_minor is None
                     else format_money(rule.written_contract_from_minor, rule.currency))
        if threshold and rule.aggregation_days:
            threshold += f" over {rule.aggregation_days} days"
        values = (f"{rule.country} {rule.region}".strip(), rule.name, threshold,
                  _days(rule.default_payment_days), _days(rule.max_payment_days), rule.source,
                  rule.checked_on.isoformat())
        return values[index.column()]


def _days(value: int | None) -> str:
    return "" if value is None else f"{value} days"


class RuleForm(QDialog):
    """One rule's fields, each checked as it is typed."""

    def __init__(self, rule: PaymentRule | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Edit payment rule" if rule else "New payment rule")
        self.result_rule: PaymentRule | None = None
        self.editors = {name: QLineEdit() for name in RULE_LABELS}
        self.boxes = {name: FieldBox(editor) for name, editor in self.editors.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(RULE_LABELS[name], box)
        self.editors["country"].setPlaceholderText("US, GB, EU …")
        self.editors["region"].setPlaceholderText("state or region code, e.g. NY (optional)")
        for name in ("effective_from", "checked_on"):
            self.editors[name].setPlaceholderText("YYYY-MM-DD")
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(620, 0)
        if rule:
            values = {
                "country": rule.country, "region": rule.region, "name": rule.name,
                "written_contract_from": "" if rule.written_contract_from_minor is None
                else to_major_text(rule.written_contract_from_minor, rule.currency),
                "currency": rule.currency, "aggregation_days": rule.aggregation_days,
                "default_payment_days": rule.default_payment_days,
                "max_payment_days": rule.max_payment_days,
                "effective_from": rule.effective_from, "source": rule.source,
                "checked_on": rule.checked_on}
            for name, value in values.items():
                self.editors[name].setText("" if value is None else str(value))
        else:
            self.editors["checked_on"].setText(dt.date.today().isoformat())

    def raw(self) -> dict[str, object]:
        return {name: editor.text() for name, editor in self.editors.items()}

    def accept(self) -> None:
        try:
            self.result_rule = validate_rule(self.raw(), dt.date.today())
        except ValidationError as exc:
            first = None
            for name, box in self.boxes.items():
                message = exc.for_field(name)
                box.set_error(f"{RULE_LABELS[name]} {message}" if message else None)
                mark_invalid(self.editors[name], bool(message))
                first = first or (name if message else None)
            if first:
                self.editors[first].setFocus()
            return
        super().accept()


class RulesDialog(QDialog):
    def __init__(self, runner: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store = runner, runner.store
        self.setWindowTitle("Payment rules")
        self.model = RulesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        intro = QLabel("Crewbook warns when an engagement's payment terms or value go beyond the "
                       "rule for its jurisdiction. These rules are data: check each source and "
                       "keep them current for where you do business. Not legal advice.")
        intro.setWordWrap(True)
        add, edit, remove = (QPushButton("Add…"), QPushButton("Edit…"), QPushButton("Remove"))
        add.clicked.connect(self.add)
        edit.clicked.connect(self.edit)
        remove.clicked.connect(self.remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, edit, remove):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(1000, 420)
        self.reload()

    def reload(self) -> None:
        self.model.set_records(rules.rule_records(self.store))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().resizeSection(5, 320)

    def selected(self) -> RuleRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def add(self) -> None:
        form = RuleForm(None, self)
        if form.exec() and form.result_rule:
            self._save(settings.add_rule, form.result_rule)

    def edit(self) -> None:
        record = self.selected()
        if record is None:
            return
        form = RuleForm(record.rule, self)
        if form.exec() and form.result_rule:
            self._save(settings.update_rule, record.id, form.result_rule, record.version)

    def remove(self) -> None:
        record = self.selected()
        if record is not None and ask.confirm(self, "Remove rule",
                                              f"Remove “{record.rule.name}”?"):
            self._save(settings.delete_rule, record.id, record.version)

    def _save(self, op, *args) -> None:  # type: ignore[no-untyped-def]
        def conflict(exc: BaseException) -> None:
            ask.warn(self, str(exc), "Payment rules")
            self.reload()

        self.runner.write(op, *args, done=lambda _result: self.reload(),
                          handles=(ConflictError,), failed=conflict, parent=self)
