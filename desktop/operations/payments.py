"""Payment schedules and payments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop.core.schedule import PlannedInstallment
from desktop.core.text import checked
from desktop.operations.changes import Changes, Done
from desktop.store import engagements, payment_changes, payments
from desktop.store.db import Store
from desktop.store.payment_changes import PaymentRecord
from desktop.store.payments import InstallmentRow


def _changes(store: Store, engagement_id: int, installment_ids: Sequence[int]) -> Changes:
    contractor_id = engagements.get(store, engagement_id).data.contractor_id
    return Changes(installments=frozenset(installment_ids),
                   engagements=frozenset({engagement_id}),
                   contractors=frozenset({contractor_id}))


def record_payment(store: Store, installment_id: int, *, amount_minor: int, currency: str,
                   paid_on: dt.date, method: str, reference: str = "", invoice_number: str = "",
                   today: dt.date, allow_overpayment: bool = False,
                   expected_version: int) -> Done[InstallmentRow]:
    """Pay the installment as it was at ``expected_version``; raises
    payments.NeedsConfirmation when it is more than is owed and not allowed."""
    for field, value in (("method", method), ("reference", reference),
                         ("invoice_number", invoice_number)):
        checked(field, value)
    row = payments.record_payment(
        store, installment_id, amount_minor=amount_minor, currency=currency, paid_on=paid_on,
        method=method, reference=reference, invoice_number=invoice_number, today=today,
        allow_overpayment=allow_overpayment, expected_version=expected_version)
    return Done(row, _changes(store, row.engagement_id, [row.id]))


def edit_installment(store: Store, installment_id: int, *, label: str, due_on: dt.date | None,
                     amount_minor: int, expected_version: int) -> Done[InstallmentRow]:
    checked("label", label)
    row = payments.edit_installment(store, installment_id, label=label, due_on=due_on,
                                    amount_minor=amount_minor, expected_version=expected_version)
    return Done(row, _changes(store, row.engagement_id, [row.id]))


def cancel_installment(store: Store, installment_id: int,
                       expected_version: int) -> Done[InstallmentRow]:
    row = payments.cancel_installment(store, installment_id, expected_version)
    return Done(row, _changes(store, row.engagement_id, [row.id]))


def replace_schedule(store: Store, engagement_id: int, plan: Sequence[PlannedInstallment],
                     expected_version: int) -> Done[list[InstallmentRow]]:
    """Replace the installments not yet paid with ``plan``, if the engagement is still at
    ``expected_version``."""
    rows = payments.replace_schedule(store, engagement_id, plan, expected_version)
    return Done(rows, _changes(store, engagement_id, [r.id for r in rows]))


def correct_payment(store: Store, payment_id: int, expected_version: int, *,
                    amount_minor: int, paid_on: dt.date, method: str, reference: str,
                    invoice_number: str, today: dt.date,
                    reason: str = "") -> Done[PaymentRecord]:
    for field, value in (("method", method), ("reference", reference),
                         ("invoice_number", invoice_number), ("reason", reason)):
        checked(field, value)
    record = payment_changes.correct(
        store, payment_id, expected_version, amount_minor=amount_minor, paid_on=paid_on,
        method=method, reference=reference, invoice_number=invoice_number, today=today,
        reason=reason)
    return Done(record, _payment_changes(store, record.engagement_id, record.installment_id))


def void_payment(store: Store, payment_id: int, expected_version: int, *,
                 engagement_id: int, installment_id: int, reason: str) -> Done[int]:
    """Take a payment back; the value is the change that ``restore_payment`` undoes."""
    change = payment_changes.void(store, payment_id, expected_version,
                                  checked("reason", reason, multiline=True))
    return Done(change, _payment_changes(store, engagement_id, installment_id))


def restore_payment(store: Store, change_id: int) -> Done[PaymentRecord]:
    record = payment_changes.restore(store, change_id)
    return Done(record, _payment_changes(store, record.engagement_id, record.installment_id))


def _payment_changes(store: Store, engagement_id: int | None,
                     installment_id: int | None) -> Changes:
    if engagement_id is None:
        return Changes(installments=frozenset({installment_id} - {None}))  # type: ignore[arg-type]
    return _changes(store, engagement_id, [] if installment_id is None else [installment_id])
