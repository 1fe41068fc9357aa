"""Record a payment against one installment; an overpayment is recorded only once confirmed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import parse_date
from desktop.core.formats import date_text
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.payments import METHOD_LABELS, METHODS
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import payments as payment_ops
from desktop.operations.changes import Changes
from desktop.store.payments import InstallmentRow, NeedsConfirmation
from desktop.ui import ask
from desktop.ui.fields import (
    ChoiceCombo,
    DateLine,
    FieldBox,
    error_summary,
    field_message,
    mark_invalid,
)
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog

LABELS = {"paid_on": QT_TR_NOOP("Paid on"), "amount": QT_TR_NOOP("Amount"),
          "method": QT_TR_NOOP("Method"), "reference": QT_TR_NOOP("Reference"),
          "invoice_number": QT_TR_NOOP("Invoice number")}


class PaymentDialog(SavingDialog):
    def __init__(self, runner: Runner, installment: InstallmentRow, today: dt.date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Record payment"))
        self.runner, self.installment, self.today = runner, installment, today
        self.result_row: InstallmentRow | None = None
        i = installment
        owed = format_money(i.outstanding_minor, i.currency)
        due = tr("Due {day} · {owed} outstanding of {amount}").format(
            day=date_text(i.due_on), owed=owed, amount=format_money(i.amount_minor, i.currency))
        intro_html = f"<b>{i.label}</b><br>{due}"
        intro = QLabel(intro_html)
        self.paid_on, self.amount = DateLine(), QLineEdit()
        self.method = ChoiceCombo((m, METHOD_LABELS.get(m, m.capitalize())) for m in METHODS)
        self.reference, self.invoice_number = QLineEdit(), QLineEdit()
        self.editors: dict[str, QWidget] = {
            "paid_on": self.paid_on, "amount": self.amount, "method": self.method,
            "reference": self.reference, "invoice_number": self.invoice_number}
        self.paid_on.setText(today.isoformat())
        self.amount.setText(to_major_text(i.outstanding_minor, i.currency))
        self.amount.setMaximumWidth(160)
        self.reference.setPlaceholderText(tr("Bank or platform transaction ID"))
        amount_row = QWidget()
        row_layout = QHBoxLayout(amount_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.amount)
        row_layout.addWidget(QLabel(i.currency), 1)
        self.boxes = {name: FieldBox(amount_row if name == "amount" else editor)
                      for name, editor in self.editors.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(tr(LABELS[name]), box)
        self.summary = error_summary()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            tr("Record", "verb: record a payment"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _show(self, errors: dict[str, str], general: str = "") -> None:
        for name, box in self.boxes.items():
            mark_invalid(self.editors[name], name in errors)
            box.set_error(field_message(LABELS[name], errors[name]) if name in errors else None)
        other = [field_message(k.replace("_", " ").capitalize(), v) for k, v in errors.items()
                 if k not in self.boxes]
        text = "; ".join([*other, general] if general else other)
        self.summary.setText(text)
        self.summary.setVisible(bool(text))
        first = next((n for n in self.editors if n in errors), None)
        if first:
            self.editors[first].setFocus()

    def accept(self) -> None:
        i = self.installment
        errors: dict[str, str] = {}
        try:
            paid_on = parse_date(self.paid_on.text())
        except ValueError as exc:
            errors["paid_on"], paid_on = str(exc), None
        try:
            amount = parse_amount(self.amount.text(), i.currency)
        except ValueError as exc:
            errors["amount"], amount = str(exc), 0
        if errors:
            self._show(errors)
            return

        self._record(paid_on, amount, allow_overpayment=False)

    def _record(self, paid_on: dt.date | None, amount: int, *, allow_overpayment: bool) -> None:
        i = self.installment
        self.save(
            payment_ops.record_payment, i.id, amount_minor=amount, currency=i.currency,
            paid_on=paid_on, method=self.method.value(), reference=self.reference.text(),
            invoice_number=self.invoice_number.text(), today=self.today,
            allow_overpayment=allow_overpayment, expected_version=i.version, done=self._recorded,
            handles=(NeedsConfirmation, ValidationError, ConflictError),
            failed=lambda exc: self._refused(exc, paid_on, amount))

    def _recorded(self, row: InstallmentRow) -> None:
        self.result_row = row

    def _refused(self, exc: BaseException, paid_on: dt.date | None, amount: int) -> None:
        i = self.installment
        if isinstance(exc, NeedsConfirmation):
            if ask.confirm(self, tr("Overpayment"), str(exc)):
                self._record(paid_on, amount, allow_overpayment=True)
            else:
                self._show({"amount": tr("is more than the {amount} outstanding").format(
                    amount=format_money(i.outstanding_minor, i.currency))})
        elif isinstance(exc, ValidationError):
            self._show({e.field: e.message for e in exc.errors})
        else:
            self._show({}, str(exc))
        if isinstance(exc, ConflictError):  # changed elsewhere: every view shows it as it is now
            self.runner.publish(Changes(installments=frozenset({i.id}),
                                        engagements=frozenset({i.engagement_id})))
