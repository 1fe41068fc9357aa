"""Whether we paid a contractor on time: one rule, read the same way by the contractor's pane,
their statement and every report.

Counted are the installments of engagements that bind us to pay (signed, completed or
terminated; a draft's schedule is a plan), never cancelled ones or ones of 0.00. What had been
paid on an installment by a date is summed from its payments dated up to that day, so a
statement for a past date reads the record as it stood then.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.core.engagement import BINDING
from desktop.core.enums import InstallmentStatus
from desktop.core.payments import OnTimeRecord, Settled, on_time_record
from desktop.store.models import Engagement, Installment, Payment
from desktop.store.payments import OPEN_INSTALLMENT, is_open


def paid_by(as_of: dt.date) -> ColumnElement[int]:
    """Paid on the outer query's installment up to ``as_of``, summed from its payments."""
    return (select(func.coalesce(func.sum(Payment.amount_minor), 0))
            .where(Payment.installment_id == Installment.id, Payment.paid_on <= as_of)
            .correlate(Installment).scalar_subquery())


def maybe_open(as_of: dt.date) -> ColumnElement[bool]:
    """Installments that may still have been unpaid on ``as_of``: open now, or settled after
    it (or on a day not recorded). Only narrows the search; the payment sum decides."""
    return and_(Installment.status != InstallmentStatus.CANCELLED.value,
                or_(Installment.status.in_(OPEN_INSTALLMENT), Installment.settled_on.is_(None),
                    Installment.settled_on > as_of))


def open_on(as_of: dt.date) -> tuple[ColumnElement[bool], ...]:
    """``maybe_open`` as three parts that never overlap, each one range of a partial index:
    open now, and settled (neither open nor cancelled) on no recorded day or after ``as_of``."""
    settled_status = Installment.status.not_in(
        [literal(s, literal_execute=True) for s in (*OPEN_INSTALLMENT,
                                                    InstallmentStatus.CANCELLED.value)])
    return (is_open(), and_(settled_status, Installment.settled_on.is_(None)),
            and_(settled_status, Installment.settled_on > as_of))


def last_paid_by(as_of: dt.date) -> ColumnElement[dt.date | None]:
    return (select(func.max(Payment.paid_on))
            .where(Payment.installment_id == Installment.id, Payment.paid_on <= as_of)
            .correlate(Installment).scalar_subquery())


def settled_as_of(amount: int, paid: int, due_on: dt.date, stored: dt.date | None,
                  last_paid: dt.date | None, as_of: dt.date) -> dt.date | None:
    """The day an installment was fully paid, if it was by ``as_of``. The stored day is used
    while it is not after ``as_of`` (a later overpayment moves it on); otherwise the last
    payment up to ``as_of``; a zero installment with no payments counts as settled when due."""
    if paid < amount:
        return None
    if stored is not None and stored <= as_of:
        return stored
    return last_paid or due_on


def settled(session: Session, contractor_id: int, as_of: dt.date) -> list[Settled]:
    rows = session.execute(
        select(Installment.due_on, Installment.amount_minor, Installment.settled_on,
               paid_by(as_of), last_paid_by(as_of))
        .join(Engagement, Engagement.id == Installment.engagement_id)
        .where(Engagement.contractor_id == contractor_id, Engagement.status.in_(BINDING),
               Installment.status != InstallmentStatus.CANCELLED.value,
               Installment.amount_minor > 0))
    return [Settled(due_on, settled_as_of(amount, int(paid), due_on, stored, last, as_of))
            for due_on, amount, stored, paid, last in rows]


def on_time(session: Session, contractor_id: int, as_of: dt.date) -> OnTimeRecord:
    return on_time_record(settled(session, contractor_id, as_of), as_of)
