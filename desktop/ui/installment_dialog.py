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
from desktop.core.merge import shown
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.operations import payments as payment_ops
from desktop.store import payments
from desktop.store.payments import InstallmentRow
from desktop.ui import ask
from desktop.ui.colours import muted_style
from desktop.ui.conflicts import mine_on_top, showing_theirs
from desktop.ui.fields import DateLine, FieldBox, field_message, mark_invalid, save_cancel
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner
from desktop.ui.saving_dialog import SavingDialog

LABELS = {"label": QT_TR_NOOP("Label"), "due_on": QT_TR_NOOP("Due on"),
          "amount": QT_TR_NOOP("Amount")}
# The fields a save on top of someone else's compares, as they read in the question.
MERGED = {"label": QT_TR_NOOP("Label"), "due_on": QT_TR_NOOP("Due on"),
          "amount_minor": QT_TR_NOOP("Amount")}


class InstallmentDialog(SavingDialog):
    def __init__(self, runner: Runner, installment: InstallmentRow,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Edit installment"))
        self.runner, self.installment = runner, installment
        self._mine: dict[str, object] = {}
        i = installment
        self.editors = {"label": QLineEdit(i.label), "due_on": DateLine(),
                        "amount": QLineEdit(to_major_text(i.amount_minor, i.currency))}
        self._show(i)
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
            form.addRow(tr(LABELS[name]), box)
        self.theirs_line = QLabel()
        self.theirs_line.setWordWrap(True)
        self.theirs_line.setStyleSheet("color: #9a6700;")
        self.theirs_line.hide()
        note = QLabel(tr("{amount} paid so far.").format(
            amount=format_money(i.paid_minor, i.currency)) if i.paid_minor
            else tr("Nothing paid on it yet."))
        note.setStyleSheet(muted_style())
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.theirs_line)
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
        self._send({"label": self.editors["label"].text(), "due_on": due_on,
                    "amount_minor": amount}, i.version)

    def _send(self, values: dict[str, object], version: int) -> None:
        self._mine = values
        self.save(payment_ops.edit_installment, self.installment.id, **values,
                  expected_version=version, handles=(ValidationError, ConflictError),
                  failed=self._refused)

    def _show(self, i: InstallmentRow) -> None:
        self.editors["label"].setText(i.label)
        self.editors["due_on"].setText(i.due_on.isoformat())
        self.editors["amount"].setText(to_major_text(i.amount_minor, i.currency))

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):  # saved by someone else since: offer mine on top
            self.runner.read(payments.installment, self.runner.store, self.installment.id,
                             done=self._decide, handles=(ConflictError,),
                             failed=lambda gone: ask.warn(
                                 self, tr("Not saved: {reason}.").format(reason=gone)))
            return
        assert isinstance(exc, ValidationError)
        for name, box in self.boxes.items():
            message = exc.for_field(name)
            box.set_error(field_message(LABELS[name], message) if message else None)
            mark_invalid(self.editors[name], bool(message))

    def _decide(self, theirs: InstallmentRow) -> None:
        i = self.installment
        original = {"label": i.label, "due_on": i.due_on, "amount_minor": i.amount_minor}
        current = {"label": theirs.label, "due_on": theirs.due_on,
                   "amount_minor": theirs.amount_minor}

        def show(name: str, value: object) -> str:
            return (format_money(value, i.currency) if isinstance(value, int)  # the amount
                    else shown(value))

        merged = mine_on_top(self, tr("The installment “{label}”").format(label=theirs.label),
                             theirs.changed_by, theirs.updated_at, original, self._mine,
                             current, MERGED, show)
        self.installment = theirs
        if merged is not None:
            self._send(merged, theirs.version)
            return
        self._show(theirs)
        self.theirs_line.setText(showing_theirs(theirs.changed_by, theirs.updated_at))
        self.theirs_line.show()
