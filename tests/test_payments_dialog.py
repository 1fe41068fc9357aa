"""Correcting and voiding a payment from the window: each kept in the history shown, each
undone with Undo."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.schedule import PlannedInstallment
from desktop.store import contractors, payment_changes, payments
from desktop.store.db import Store
from desktop.ui import ask, payments_dialog
from desktop.ui.payments_dialog import CorrectionForm, PaymentsDialog
from tests.conftest import settle
from tests.factories import make_contractor, signed
from tests.threads import dialog_runner

D = dt.date
TODAY = D(2026, 6, 30)


@pytest.fixture
def paid(store: Store) -> int:
    who = contractors.create(store, make_contractor()).id
    engagement = signed(store, who)
    (inst,) = payments.replace_schedule(store, engagement, [
        PlannedInstallment("Final", D(2026, 5, 31), D(2026, 6, 14), 100_000, "USD")])
    payments.record_payment(store, inst.id, amount_minor=100_000, currency="USD",
                            paid_on=D(2026, 6, 10), method="bank transfer", reference="TX-1")
    return inst.id


def open_dialog(qtbot, store: Store, installment_id: int) -> PaymentsDialog:  # type: ignore[no-untyped-def]
    dialog = PaymentsDialog(dialog_runner(store), payments.installment(store, installment_id),
                            TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_correct_then_undo(qtbot, store: Store, paid: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class Typed(CorrectionForm):
        def exec(self) -> int:
            self.editors["amount"].setText("600")  # type: ignore[attr-defined]
            self.editors["reason"].setText("typed the wrong amount")  # type: ignore[attr-defined]
            self.accept()
            return 1

    monkeypatch.setattr(payments_dialog, "CorrectionForm", Typed)
    dialog = open_dialog(qtbot, store, paid)
    assert dialog.table.rowCount() == 1 and not dialog.undo_button.isEnabled()
    dialog.correct()
    settle(qtbot, dialog.runner)
    assert dialog.table.item(0, 1).text() == "$600.00"
    assert "Corrected amount $1,000.00 → $600.00: typed the wrong amount" in dialog.history.text()
    assert payments.installment(store, paid).stored_status == "part_paid"
    dialog.undo()
    settle(qtbot, dialog.runner)
    assert dialog.table.item(0, 1).text() == "$1,000.00"
    assert payments.installment(store, paid).stored_status == "paid"


def test_void_then_undo(qtbot, store: Store, paid: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ask, "text", lambda *_a, **_k: "the transfer bounced")
    dialog = open_dialog(qtbot, store, paid)
    dialog.void()
    settle(qtbot, dialog.runner)
    assert dialog.table.rowCount() == 0 and "Voided $1,000.00: the transfer bounced" in \
        dialog.history.text()
    assert payments.installment(store, paid).paid_minor == 0
    dialog.undo()
    settle(qtbot, dialog.runner)
    assert dialog.table.rowCount() == 1 and payments.installment(store, paid).paid_minor == 100_000
    assert [c.kind for c in payment_changes.history(store, paid)] == ["restored", "voided"]


def test_a_void_without_a_reason_is_refused(qtbot, store: Store, paid: int,  # type: ignore[no-untyped-def]
                                            monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(ask, "text", lambda *_a, **_k: "")
    monkeypatch.setattr(ask, "warn", lambda _p, text, *_a: warned.append(text))
    dialog = open_dialog(qtbot, store, paid)
    dialog.void()
    settle(qtbot, dialog.runner)
    assert warned and "Reason is required: say why the payment is taken back" in warned[0]
    assert dialog.table.rowCount() == 1
