"""Putting a recorded payment right without losing what was recorded: a correction edits the
payment (amount, date, method, reference, invoice), a void takes it back with a reason, and a
restore undoes a void. Each is one transaction that also settles the installment again, and
each leaves a payment_change row with the payment before and after, so reports read the
corrected figures and the history keeps the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.enums import InstallmentStatus
from desktop.core.i18n import _
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.models import Engagement, Installment, Payment, PaymentChange
from desktop.store.versions import load, refuse_stale, touch

CORRECTED, VOIDED, RESTORED = "corrected", "voided", "restored"
_KEPT = ("paid_on", "amount_minor", "currency", "method", "reference", "invoice_number")


@dataclass(frozen=True)
class PaymentRecord:
    id: int
    version: int
    installment_id: int | None
    engagement_id: int | None
    paid_on: dt.date
    amount_minor: int
    currency: str
    method: str
    reference: str
    invoice_number: str


@dataclass(frozen=True)
class Change:
    id: int
    payment_id: int
    kind: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str
    at: dt.datetime
    by: str


def payments_of(store: Store, installment_id: int) -> list[PaymentRecord]:
    with store.reading() as session:
        rows = session.scalars(select(Payment).where(Payment.installment_id == installment_id)
                               .order_by(Payment.paid_on, Payment.id))
        return [_record(p) for p in rows]


def history(store: Store, installment_id: int) -> list[Change]:
    """Every correction, void and restore of the installment's payments, newest first."""
    with store.reading() as session:
        rows = session.scalars(select(PaymentChange)
                               .where(PaymentChange.installment_id == installment_id)
                               .order_by(PaymentChange.id.desc()))
        return [Change(c.id, c.payment_id, c.kind, c.before, c.after, c.reason, c.created_at,
                       c.changed_by) for c in rows]


def correct(store: Store, payment_id: int, expected_version: int, *, amount_minor: int,
            paid_on: dt.date, method: str, reference: str, invoice_number: str,
            today: dt.date, reason: str = "") -> PaymentRecord:
    """Edit a payment as it was at ``expected_version``."""
    errors = []
    if amount_minor <= 0:
        errors.append(FieldError("amount", _("must be more than zero")))
    if paid_on > today:
        errors.append(FieldError("paid_on", _("cannot be in the future")))
    if errors:
        raise ValidationError(errors)
    with refuse_stale("payment", payment_id), store.transaction() as session:
        payment = load(session, Payment, payment_id, expected_version, "payment")
        before = _values(payment)
        payment.amount_minor, payment.paid_on = amount_minor, paid_on
        payment.method, payment.reference = method.strip(), reference.strip()
        payment.invoice_number = invoice_number.strip()
        after = _values(payment)
        if after == before:
            return _record(payment)
        _log(session, payment, CORRECTED, before, after, reason)
        _settle_again(session, payment.installment_id)
        session.flush()
        return _record(payment)


def void(store: Store, payment_id: int, expected_version: int, reason: str) -> int:
    """Take a payment back (recorded by mistake, bounced); returns the change's id, which
    ``restore`` undoes."""
    if not reason.strip():
        raise ValidationError([FieldError("reason", _("is required: say why the payment is "
                                                      "taken back"))])
    with refuse_stale("payment", payment_id), store.transaction() as session:
        payment = load(session, Payment, payment_id, expected_version, "payment")
        change = _log(session, payment, VOIDED, _values(payment), None, reason.strip())
        installment_id = payment.installment_id
        session.delete(payment)
        session.flush()
        _settle_again(session, installment_id)
        session.flush()
        return change.id


def restore(store: Store, change_id: int) -> PaymentRecord:
    """Undo a void: the payment comes back as it was (under a new number)."""
    with store.transaction() as session:
        change = session.get(PaymentChange, change_id)
        if change is None or change.kind != VOIDED or change.before is None:
            raise ConflictError(_("change {id} is not a voided payment").format(id=change_id))
        if session.scalar(select(PaymentChange.id).where(
                PaymentChange.kind == RESTORED,
                PaymentChange.reason == _undone(change_id))):
            raise ConflictError(_("that payment was already restored"))
        was = change.before
        payment = Payment(contractor_id=was["contractor_id"], engagement_id=change.engagement_id,
                          installment_id=change.installment_id,
                          paid_on=dt.date.fromisoformat(was["paid_on"]),
                          amount_minor=was["amount_minor"], currency=was["currency"],
                          method=was["method"], reference=was["reference"],
                          invoice_number=was["invoice_number"])
        session.add(payment)
        session.flush()
        _log(session, payment, RESTORED, None, _values(payment), _undone(change_id))
        _settle_again(session, change.installment_id)
        session.flush()
        return _record(payment)


# --- helpers -------------------------------------------------------------------------------
def _values(payment: Payment) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(payment, name) for name in _KEPT}
    values["paid_on"] = payment.paid_on.isoformat()
    values["contractor_id"] = payment.contractor_id
    return values


def _log(session: Session, payment: Payment, kind: str, before: dict[str, Any] | None,
         after: dict[str, Any] | None, reason: str) -> PaymentChange:
    change = PaymentChange(payment_id=payment.id, installment_id=payment.installment_id,
                           engagement_id=payment.engagement_id, kind=kind, before=before,
                           after=after, reason=reason)
    session.add(change)
    if payment.engagement_id is not None:
        engagement = session.get(Engagement, payment.engagement_id)
        if engagement is not None:
            touch(engagement)  # its figures follow the payment
    return change


def _settle_again(session: Session, installment_id: int | None) -> None:
    """The installment's paid amount, status and settled day, from its payments as they are
    now (a correction can move the day it was paid in full)."""
    if installment_id is None:
        return
    inst = session.get(Installment, installment_id)
    if inst is None or inst.status == InstallmentStatus.CANCELLED.value:
        return
    paid, settled = 0, None
    for on, amount in session.execute(select(Payment.paid_on, Payment.amount_minor)
                                      .where(Payment.installment_id == installment_id)
                                      .order_by(Payment.paid_on, Payment.id)):
        paid += amount
        if settled is None and paid >= inst.amount_minor:
            settled = on
    inst.paid_minor, inst.settled_on = paid, settled
    inst.status = (InstallmentStatus.PAID if settled is not None else
                   InstallmentStatus.PART_PAID if paid else InstallmentStatus.PLANNED).value
    touch(inst)


def _record(p: Payment) -> PaymentRecord:
    return PaymentRecord(p.id, p.version, p.installment_id, p.engagement_id, p.paid_on,
                         p.amount_minor, p.currency, p.method, p.reference, p.invoice_number)


def _undone(change_id: int) -> str:
    return f"void {change_id} undone"
