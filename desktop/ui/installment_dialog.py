"""Change one installment by hand: its label, due date and amount."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import parse_date
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.validation import FieldError, ValidationError
from desktop.operations import payments as payment_ops
from desktop.store.payments import InstallmentRow
from desktop.ui.fields import DateLine, FieldBox, mark_invalid, save_cancel
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog

LABELS = {"label": "Label", "due_on": "Due on", "amount": "Amount"}


class InstallmentDialog(SavingDialog):
    def __init__(self, runner: Runner, installment: InstallmentRow,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Edit installment")
        self.runner, self.installment = runner, installment
        i = installment
        self.editors = {"label": QLineEdit(i.label), "due_on": DateLine(),
                        "amount": QLineEdit(to_major_text(i.amount_minor, i.currency))}
        self.editors["due_on"].setText(i.due_on.isoformat())
        self.editors["amount"].setMaximumWidth(160)
        amount_row = QWidget()
        row = QHBoxLayout(amount_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.editors["amount"])
        row.addWidget(QLabel(i.currency), 1)
        self.boxes = {name: FieldBox(amount_row if name == "amount" else editor)
                      for name, editor in self.editors.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(LABELS[name], box)
        note = QLabel(f"{format_money(i.paid_minor, i.currency)} paid so far." if i.paid_minor
                      else "Nothing paid on it yet.")
        note.setStyleSheet("color: #57606a;")
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(420, 0)

    def accept(self) -> None:
        i = self.installment
        errors: list[FieldError] = []
        due_on = amount = None
        try:
            due_on = parse_date(self.editors["due_on"].text())
        except ValueError as exc:
            errors.append(FieldError("due_on", str(exc)))
        try:
            amount = parse_amount(self.editors["amount"].text() or "0", i.currency)
        except ValueError as exc:
            errors.append(FieldError("amount", str(exc)))
        if errors:
            self._refused(ValidationError(errors))
            return
        assert amount is not None
        self.save(payment_ops.edit_installment, i.id, label=self.editors["label"].text(),
                  due_on=due_on, amount_minor=amount, expected_version=i.version,
                  handles=(ValidationError,), failed=self._refused)

    def _refused(self, exc: BaseException) -> None:
        assert isinstance(exc, ValidationError)
        for name, box in self.boxes.items():
            message = exc.for_field(name)
            box.set_error(f"{LABELS[name]} {message}" if message else None)
            mark_invalid(self.editors[name], bool(message))
