"""A recorded payment can be put right: corrected (amount, date, method, reference) or voided
with a reason, each kept in the history and undoable; the installment, the on-time record and
the reports read the corrected figures."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.formats import date_text
from desktop.core.schedule import PlannedInstallment
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import contractors, payment_changes, payments
from desktop.store.db import Store
from desktop.store.payment_lines import payment_totals
from tests.factories import make_contractor, signed

D = dt.date
TODAY = D(2026, 6, 30)


def paid_installment(store: Store) -> tuple[int, int]:
    who = contractors.create(store, make_contractor()).id
    engagement = signed(store, who)
    (inst,) = payments.replace_schedule(store, engagement, [
        PlannedInstallment("Final", D(2026, 5, 31), D(2026, 6, 14), 100_000, "USD")])
    payments.record_payment(store, inst.id, amount_minor=100_000, currency="USD",
                            paid_on=D(2026, 6, 10), method="bank transfer", reference="TX-1")
    (payment,) = payment_changes.payments_of(store, inst.id)
    return inst.id, payment.id


def test_a_correction_moves_the_installment_and_the_reports_and_is_kept(store: Store) -> None:
    inst_id, payment_id = paid_installment(store)
    payment = payment_changes.payments_of(store, inst_id)[0]
    fixed = payment_changes.correct(store, payment_id, payment.version, amount_minor=60_000,
                                    paid_on=D(2026, 6, 20), method="card", reference="TX-1b",
                                    invoice_number="INV-9", today=TODAY,
                                    reason="typed the wrong amount")
    assert (fixed.amount_minor, fixed.method) == (60_000, "card")
    inst = payments.installment(store, inst_id)
    assert (inst.paid_minor, inst.stored_status, inst.settled_on) == (60_000, "part_paid", None)
    totals = payment_totals(store, D(2026, 6, 1), D(2026, 6, 30))
    assert sum(t.total_minor for t in totals.by_method) == 60_000
    (change,) = payment_changes.history(store, inst_id)
    assert change.kind == "corrected" and change.reason == "typed the wrong amount"
    assert (change.before or {})["amount_minor"] == 100_000
    assert (change.after or {})["amount_minor"] == 60_000
    with pytest.raises(ConflictError):  # the version read is gone
        payment_changes.correct(store, payment_id, payment.version, amount_minor=1,
                                paid_on=D(2026, 6, 20), method="", reference="",
                                invoice_number="", today=TODAY)
    # Undoing the correction is a correction back, kept too.
    back = payment_changes.correct(store, payment_id, fixed.version, amount_minor=100_000,
                                   paid_on=D(2026, 6, 10), method="bank transfer",
                                   reference="TX-1", invoice_number="", today=TODAY)
    assert payments.installment(store, inst_id).settled_on == D(2026, 6, 10)
    assert back.version == fixed.version + 1
    assert len(payment_changes.history(store, inst_id)) == 2


def test_a_void_needs_a_reason_takes_the_payment_back_and_can_be_undone(store: Store) -> None:
    inst_id, payment_id = paid_installment(store)
    version = payment_changes.payments_of(store, inst_id)[0].version
    with pytest.raises(ValidationError, match="reason"):
        payment_changes.void(store, payment_id, version, "  ")
    change = payment_changes.void(store, payment_id, version, "the transfer bounced")
    assert payment_changes.payments_of(store, inst_id) == []
    inst = payments.installment(store, inst_id)
    assert (inst.paid_minor, inst.stored_status) == (0, "planned")
    assert not payment_totals(store, D(2026, 6, 1), D(2026, 6, 30)).by_method
    restored = payment_changes.restore(store, change)
    assert (restored.amount_minor, restored.reference) == (100_000, "TX-1")
    assert payments.installment(store, inst_id).stored_status == "paid"
    with pytest.raises(ConflictError, match="already restored"):
        payment_changes.restore(store, change)
    kinds = [c.kind for c in payment_changes.history(store, inst_id)]
    assert kinds == ["restored", "voided"]


def test_a_correction_is_checked(store: Store) -> None:
    inst_id, payment_id = paid_installment(store)
    version = payment_changes.payments_of(store, inst_id)[0].version
    with pytest.raises(ValidationError) as error:
        payment_changes.correct(store, payment_id, version, amount_minor=0,
                                paid_on=TODAY + dt.timedelta(days=1), method="", reference="",
                                invoice_number="", today=TODAY)
    assert {e.field for e in error.value.errors} == {"amount", "paid_on"}


def test_the_command_line_corrects_and_voids_by_payment_number(cli) -> None:  # type: ignore[no-untyped-def]
    cli("contractors", "add", "--name", "Maya Okafor", "--identity-verified-on", "2026-01-05")
    cli("engagements", "add", "--contractor", "1", "--title", "Catalogue", "--amount", "500",
        "--start", "2026-03-01", "--end", "2026-03-31")
    cli("engagements", "schedule", "1")
    shown = cli("engagements", "show", "1")[1]
    installment = shown.split("#", 1)[1].split()[0]
    cli("payments", "record", installment, "--amount", "500", "--date", "2026-04-02")
    shown = cli("engagements", "show", "1")[1]
    paid_on = date_text(dt.date(2026, 4, 2))
    assert f"payment 1: {paid_on} $500.00 bank transfer" in shown
    code, out, _ = cli("payments", "correct", "1", "--amount", "450", "--reason", "fee taken")
    assert code == 0 and out.startswith(f"Corrected payment 1: $450.00 on {paid_on}")
    code, _, err = cli("payments", "correct", "1", "--date", "2026-02-30")
    assert code == 2 and "--date: 2026-02-30 does not exist" in err
    code, _, err = cli("payments", "void", "1", "--reason", " ")
    assert code == 2 and "--reason: is required" in err
    code, out, _ = cli("payments", "void", "1", "--reason", "bounced")
    assert code == 0 and f"Voided payment 1 ($450.00 on {paid_on})" in out
    assert "payment 1:" not in cli("engagements", "show", "1")[1]
