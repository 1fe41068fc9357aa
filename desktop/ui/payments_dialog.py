"""The payments recorded on one installment, put right where one was wrong: Correct… edits
it, Void… takes it back with a reason, Undo reverses the last of these; the history below
keeps every change with who made it and why."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import parse_date
from desktop.core.formats import date_text, datetime_text
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.payments import METHOD_LABELS, METHODS
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.operations import payments as payment_ops
from desktop.store import payment_changes
from desktop.store.payment_changes import Change, PaymentRecord
from desktop.store.payments import InstallmentRow
from desktop.ui import ask
from desktop.ui.fields import (
    ChoiceCombo,
    DateLine,
    FieldBox,
    error_summary,
    field_message,
    show_field_errors,
)
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.screen_fit import fit_on_screen

COLUMNS = (QT_TR_NOOP("Paid on"), QT_TR_NOOP("Amount"), QT_TR_NOOP("Method"),
           QT_TR_NOOP("Reference"), QT_TR_NOOP("Invoice"))
LABELS = {"paid_on": QT_TR_NOOP("Paid on"), "amount": QT_TR_NOOP("Amount"),
          "method": QT_TR_NOOP("Method"), "reference": QT_TR_NOOP("Reference"),
          "invoice_number": QT_TR_NOOP("Invoice number"), "reason": QT_TR_NOOP("Reason")}
# A change in the history: what it was, then the amount or the fields it changed.
_KIND = {"corrected": QT_TR_NOOP("Corrected {changes}"), "voided": QT_TR_NOOP("Voided {amount}"),
         "restored": QT_TR_NOOP("Void undone {amount}")}
# The fields a correction changes, as the history names them.
_CHANGED = {"amount_minor": QT_TR_NOOP("amount"), "paid_on": QT_TR_NOOP("paid on"),
            "method": QT_TR_NOOP("method"), "reference": QT_TR_NOOP("reference"),
            "invoice_number": QT_TR_NOOP("invoice number")}


class CorrectionForm(QDialog):
    """A payment's fields, as recorded, to put right; ``result`` after Save."""

    def __init__(self, payment: PaymentRecord, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Correct payment"))
        self.payment, self.today = payment, today
        self.result: dict[str, Any] | None = None
        self.editors: dict[str, QWidget] = {
            "paid_on": DateLine(), "amount": QLineEdit(),
            "method": ChoiceCombo((m, METHOD_LABELS.get(m, m.capitalize())) for m in METHODS),
            "reference": QLineEdit(), "invoice_number": QLineEdit(), "reason": QLineEdit()}
        e = self.editors
        e["paid_on"].setText(payment.paid_on.isoformat())  # type: ignore[attr-defined]
        e["amount"].setText(to_major_text(payment.amount_minor,  # type: ignore[attr-defined]
                                          payment.currency))
        e["method"].set_value(payment.method)  # type: ignore[attr-defined]
        e["reference"].setText(payment.reference)  # type: ignore[attr-defined]
        e["invoice_number"].setText(payment.invoice_number)  # type: ignore[attr-defined]
        e["reason"].setPlaceholderText(  # type: ignore[attr-defined]
            tr("e.g. typed the wrong amount"))
        self.boxes = {name: FieldBox(editor) for name, editor in e.items()}
        form = QFormLayout()
        for name, box in self.boxes.items():
            form.addRow(tr(LABELS[name]), box)
        self.summary = error_summary()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def accept(self) -> None:
        e, errors = self.editors, []
        values: dict[str, Any] = {}
        try:
            values["paid_on"] = parse_date(e["paid_on"].text())  # type: ignore[attr-defined]
            if values["paid_on"] is None:
                errors.append(FieldError("paid_on", tr("is required")))
        except ValueError as exc:
            errors.append(FieldError("paid_on", str(exc)))
        try:
            values["amount_minor"] = parse_amount(e["amount"].text(),  # type: ignore[attr-defined]
                                                  self.payment.currency)
        except ValueError as exc:
            errors.append(FieldError("amount", str(exc)))
        if errors:
            show_field_errors(ValidationError(errors), self.boxes, self.editors, LABELS)
            return
        values.update(method=e["method"].value(),  # type: ignore[attr-defined]
                      reference=e["reference"].text(),  # type: ignore[attr-defined]
                      invoice_number=e["invoice_number"].text(),  # type: ignore[attr-defined]
                      reason=e["reason"].text())  # type: ignore[attr-defined]
        self.result = values
        super().accept()


class PaymentsDialog(QDialog):
    def __init__(self, runner: Runner, installment: InstallmentRow, today: dt.date,
                 parent: QWidget | None = None, *, may_pay: bool = True):
        super().__init__(parent)
        self.runner, self.store, self.installment, self.today = (runner, runner.store,
                                                                 installment, today)
        self.setWindowTitle(tr("Payments: {label}").format(label=installment.label))
        self.undo_last: tuple[str, Any] | None = None  # what Undo reverses
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(column) for column in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.correct_button = QPushButton(tr("Correct…"))
        self.void_button = QPushButton(tr("Void…"))
        self.undo_button = QPushButton(tr("Undo"))
        self.correct_button.clicked.connect(self.correct)
        self.void_button.clicked.connect(self.void)
        self.undo_button.clicked.connect(self.undo)
        for button in (self.correct_button, self.void_button):
            button.setEnabled(may_pay)
        self.may_pay = may_pay
        self.history = QLabel()
        self.history.setWordWrap(True)
        row = QHBoxLayout()
        for button in (self.correct_button, self.void_button, self.undo_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        history = tr("History")
        layout.addWidget(QLabel(f"<b>{history}</b>"))
        layout.addWidget(self.history)
        layout.addWidget(close)
        fit_on_screen(self, 700, 460)
        self.reload()

    def reload(self) -> None:
        self.payments = payment_changes.payments_of(self.store, self.installment.id)
        self.table.setRowCount(len(self.payments))
        for r, p in enumerate(self.payments):
            for c, text in enumerate((date_text(p.paid_on),
                                      format_money(p.amount_minor, p.currency),
                                      METHOD_LABELS.get(p.method, p.method), p.reference,
                                      p.invoice_number)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.payments and not self.table.selectedItems():
            self.table.selectRow(0)
        changes = payment_changes.history(self.store, self.installment.id)
        self.history.setText("<br>".join(_line(c) for c in changes) if changes
                             else tr("No payment here has been corrected or voided."))
        self.undo_button.setEnabled(self.may_pay and self.undo_last is not None)

    def selected(self) -> PaymentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.payments[rows[0].row()] if rows else None

    def correct(self) -> None:
        payment = self.selected()
        if payment is None:
            return
        form = CorrectionForm(payment, self.today, self)
        if not form.exec() or form.result is None:
            return
        before = {"amount_minor": payment.amount_minor, "paid_on": payment.paid_on,
                  "method": payment.method, "reference": payment.reference,
                  "invoice_number": payment.invoice_number}
        self._write(payment_ops.correct_payment, payment.id, payment.version,
                    today=self.today, undo=lambda saved: ("correct", (saved, before)),
                    **form.result)

    def void(self) -> None:
        payment = self.selected()
        if payment is None:
            return
        money = format_money(payment.amount_minor, payment.currency)
        reason = ask.text(self, tr("Void payment"),
                          tr("Take back the payment of {amount} on {day}? It stays in the "
                             "history.\n\nWhy:").format(amount=money,
                                                         day=date_text(payment.paid_on)))
        if reason is None:
            return
        self._write(payment_ops.void_payment, payment.id, payment.version,
                    engagement_id=self.installment.engagement_id,
                    installment_id=self.installment.id, reason=reason,
                    undo=lambda change: ("restore", change))

    def undo(self) -> None:
        if self.undo_last is None:
            return
        kind, what = self.undo_last
        self.undo_last = None
        if kind == "restore":
            self._write(payment_ops.restore_payment, what, undo=None)
            return
        saved, before = what
        self._write(payment_ops.correct_payment, saved.id, saved.version, today=self.today,
                    reason=tr("undone", "the reason kept with an undone correction"),
                    undo=None, **before)

    def _write(self, op: Any, *args: Any, undo: Any, **kwargs: Any) -> None:
        def done(value: Any) -> None:
            self.undo_last = undo(value) if undo is not None else None
            self.reload()

        def refused(exc: BaseException) -> None:
            ask.warn(self, "; ".join(field_message(LABELS.get(e.field, e.field), e.message)
                                     for e in exc.errors)
                     if isinstance(exc, ValidationError) else str(exc))
            self.reload()

        self.runner.write(op, *args, done=done, handles=(ValidationError, ConflictError),
                          failed=refused, parent=self, **kwargs)


def _line(change: Change) -> str:
    when = datetime_text(change.at) if change.at else ""
    who = tr("{when} by {person}").format(when=when, person=escape(change.by)) if change.by \
        else when
    shown = change.before or change.after or {}
    amount = shown.get("amount_minor")
    money = format_money(amount, shown.get("currency", "USD")) if amount is not None else ""
    if change.kind == "corrected" and change.before and change.after:
        moved = tr("{field} {before} → {after}")
        money = "; ".join(
            moved.format(field=_field(k), before=_show(change.before, k),
                         after=_show(change.after, k))
            for k in change.after if change.before.get(k) != change.after.get(k))
    kind = _KIND.get(change.kind)
    what = (tr(kind).format(changes=escape(money), amount=escape(money)) if kind
            else f"{change.kind} {escape(money)}")
    if change.reason:
        what = tr("{change}: {reason}").format(change=what, reason=escape(change.reason))
    return f"{who} · {what}"


def _field(key: str) -> str:
    words = _CHANGED.get(key)
    return tr(words) if words else key.replace("_minor", "").replace("_", " ")


def _show(values: dict[str, Any], key: str) -> str:
    value = values.get(key)
    if key == "amount_minor" and value is not None:
        return format_money(int(value), values.get("currency", "USD"))
    if key == "method" and value:
        return METHOD_LABELS.get(str(value), str(value))
    if key == "paid_on" and value:
        try:
            return date_text(dt.date.fromisoformat(str(value)))
        except ValueError:
            return str(value)
    return str(value or "—")
