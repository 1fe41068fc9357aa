"""Payment schedules, installments and payments: what is owed, when, and what was paid.

Everything returned is a plain object. Each function is one short transaction; an
installment's paid amount and status change in the same transaction as its payment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.enums import InstallmentStatus
from desktop.core.i18n import _
from desktop.core.payments import PaymentCheck, check_payment, installment_status
from desktop.core.schedule import PlannedInstallment, regenerate
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store import versions
from desktop.store.db import Store
from desktop.store.models import Contractor, Engagement, Installment, Payment
from desktop.store.versions import load, refuse_stale, touch

OPEN_INSTALLMENT = (InstallmentStatus.PLANNED.value, InstallmentStatus.PART_PAID.value)


def is_open() -> ColumnElement[bool]:
    """Planned or part-paid, with the statuses written into the SQL: a bound parameter would
    keep either engine from using the partial index over open installments."""
    return Installment.status.in_([literal(s, literal_execute=True) for s in OPEN_INSTALLMENT])


@dataclass(frozen=True)
class InstallmentRow:
    id: int
    engagement_id: int
    position: int
    label: str
    period_end: dt.date | None
    due_on: dt.date
    amount_minor: int
    currency: str
    stored_status: str
    paid_minor: int
    settled_on: dt.date | None
    version: int
    changed_by: str = ""  # who saved it last (filled where one installment is read)
    updated_at: dt.datetime | None = None

    def status(self, today: dt.date) -> InstallmentStatus:
        if self.stored_status == InstallmentStatus.CANCELLED:
            return InstallmentStatus.CANCELLED
        return installment_status(self.amount_minor, self.paid_minor, self.due_on, today)

    @property
    def outstanding_minor(self) -> int:
        if self.stored_status == InstallmentStatus.CANCELLED:
            return 0
        return max(0, self.amount_minor - self.paid_minor)


def as_planned(rows: Sequence[InstallmentRow]) -> list[tuple[PlannedInstallment, int, bool]]:
    """Each stored installment as planned, with what was paid on it and whether it is
    cancelled: what ``core.engagement.schedule_drifted`` compares with the terms."""
    return [(PlannedInstallment(r.label, r.period_end or r.due_on, r.due_on, r.amount_minor,
                                r.currency), r.paid_minor,
             r.stored_status == InstallmentStatus.CANCELLED) for r in rows]


class NeedsConfirmation(Exception):
    """The payment is more than is owed; call again with allow_overpayment=True to record it."""

    def __init__(self, check: PaymentCheck, currency: str):
        from desktop.core.payments import overpayment_message

        self.check = check
        super().__init__(overpayment_message(check, currency))



def installments(store: Store, engagement_id: int) -> list[InstallmentRow]:
    query = (select(Installment).where(Installment.engagement_id == engagement_id)
             .order_by(Installment.position, Installment.id))
    with store.reading() as session:
        return [_installment(i) for i in session.scalars(query)]


def installment(store: Store, installment_id: int) -> InstallmentRow:
    with store.reading() as session:
        found = session.get(Installment, installment_id)
        if found is None:
            raise ConflictError(_("installment {id} does not exist").format(id=installment_id))
        return _installment(found)


def replace_schedule(store: Store, engagement_id: int, fresh: Sequence[PlannedInstallment],
                     expected_version: int | None = None) -> list[InstallmentRow]:
    """Put a newly generated schedule in place, if the engagement is still at
    ``expected_version``. Paid and part-paid installments stay exactly as they are; only the
    rest is replaced, so the total still matches."""
    with refuse_stale("engagement", engagement_id), store.transaction() as session:
        touch(load(session, Engagement, engagement_id, expected_version, "engagement"))
        current = list(session.scalars(
            select(Installment).where(Installment.engagement_id == engagement_id)
            .order_by(Installment.position, Installment.id)))
        kept = [i for i in current if i.paid_minor > 0]
        existing = [(PlannedInstallment(i.label, i.period_end or i.due_on, i.due_on,
                                        i.amount_minor, i.currency),
                     InstallmentStatus.PART_PAID.value if i.paid_minor < i.amount_minor
                     else InstallmentStatus.PAID.value) for i in kept]
        new = regenerate(existing, fresh)
        for obj in current:
            if obj not in kept:
                session.delete(obj)
        position = max((i.position for i in kept), default=-1)
        for item in new:
            position += 1
            session.add(Installment(engagement_id=engagement_id, position=position,
                                    label=item.label, period_end=item.period_end,
                                    due_on=item.due_on, amount_minor=item.amount_minor,
                                    currency=item.currency))
        session.flush()
        return [_installment(i) for i in session.scalars(
            select(Installment).where(Installment.engagement_id == engagement_id)
            .order_by(Installment.position, Installment.id))]


def edit_installment(store: Store, installment_id: int, *, label: str, due_on: dt.date | None,
                     amount_minor: int, expected_version: int) -> InstallmentRow:
    """Change one installment by hand. What was already paid on it cannot be undone here."""
    errors = []
    if due_on is None:
        errors.append(FieldError("due_on", _("is required")))
    if amount_minor <= 0:
        errors.append(FieldError("amount", _("must be more than zero")))
    try:
        with store.transaction() as session:
            inst = _installment_for_edit(session, installment_id, expected_version)
            if amount_minor < inst.paid_minor:
                errors.append(FieldError("amount",
                                         _("is less than what was already paid on it")))
            if errors:
                raise ValidationError(errors)
            assert due_on is not None
            inst.label, inst.due_on, inst.amount_minor = label.strip(), due_on, amount_minor
            if inst.paid_minor >= amount_minor:
                inst.status = InstallmentStatus.PAID.value
            elif inst.paid_minor:
                inst.status, inst.settled_on = InstallmentStatus.PART_PAID.value, None
            _touch_engagement(session, inst)
            session.flush()
            return _installment(inst)
    except StaleDataError:
        raise _installment_changed(installment_id) from None


def cancel_installment(store: Store, installment_id: int, expected_version: int) -> InstallmentRow:
    """Nothing is owed on a cancelled installment; one with payments on it cannot be cancelled."""
    try:
        with store.transaction() as session:
            inst = _installment_for_edit(session, installment_id, expected_version)
            if inst.paid_minor:
                raise ValidationError([FieldError("installment", _(
                    "has payments recorded against it and cannot be cancelled"))])
            inst.status = InstallmentStatus.CANCELLED.value
            _touch_engagement(session, inst)
            session.flush()
            return _installment(inst)
    except StaleDataError:
        raise _installment_changed(installment_id) from None


def falling_due_after(store: Store, engagement_id: int, on: dt.date) -> list[InstallmentRow]:
    """Installments of the engagement with nothing paid that fall due after ``on``: what
    ending it on that day leaves to decide (cancel them, or keep them owed)."""
    with store.reading() as session:
        return [_installment(i) for i in session.scalars(_unpaid_after(engagement_id, on))]


def cancel_falling_due_after(store: Store, engagement_id: int, on: dt.date) -> list[int]:
    """Cancel what ``falling_due_after`` lists, in one transaction; their ids."""
    with store.transaction() as session:
        found = list(session.scalars(_unpaid_after(engagement_id, on)))
        for inst in found:
            inst.status = InstallmentStatus.CANCELLED.value
        session.flush()
        return [i.id for i in found]


def _unpaid_after(engagement_id: int, on: dt.date) -> Select[tuple[Installment]]:
    return (select(Installment)
            .where(Installment.engagement_id == engagement_id, Installment.due_on > on,
                   Installment.paid_minor == 0,
                   Installment.status != InstallmentStatus.CANCELLED.value)
            .order_by(Installment.position, Installment.id))


def _installment_for_edit(session: Session, installment_id: int,
                          expected_version: int) -> Installment:
    inst = session.get(Installment, installment_id)
    if inst is None:
        raise versions.gone("installment", installment_id)
    if inst.version != expected_version:
        raise versions.changed("installment", installment_id, inst)
    if inst.status == InstallmentStatus.CANCELLED.value:
        raise ValidationError([FieldError("installment", _("is cancelled"))])
    return inst


def _touch_engagement(session: Session, inst: Installment) -> None:
    """The schedule is part of its engagement: a stale schedule or edit of it is refused."""
    engagement = session.get(Engagement, inst.engagement_id)
    assert engagement is not None
    touch(engagement)


def _installment_changed(installment_id: int) -> ConflictError:
    return ConflictError(_("installment {id} was changed elsewhere; reload it and make your "
                           "change again").format(id=installment_id))


def record_payment(store: Store, installment_id: int, *, amount_minor: int, currency: str,
                   paid_on: dt.date | None, method: str = "", reference: str = "",
                   invoice_number: str = "", today: dt.date | None = None,
                   allow_overpayment: bool = False, is_demo: bool = False,
                   expected_version: int | None = None) -> InstallmentRow:
    """Record a full or part payment against the installment as it was at
    ``expected_version`` (what is owed was read from it); its paid amount and status follow in
    the same transaction."""
    today = today or dt.date.today()
    with refuse_stale("installment", installment_id), store.transaction() as session:
        inst = load(session, Installment, installment_id, expected_version, "installment")
        if inst.status == InstallmentStatus.CANCELLED:
            raise ValidationError([FieldError("installment",
                                              _("is cancelled; nothing is owed"))])
        check = check_payment(amount_minor, currency, paid_on, inst.currency,
                              inst.amount_minor - inst.paid_minor, today)
        if check.overpayment_minor and not allow_overpayment:
            raise NeedsConfirmation(check, inst.currency)
        engagement = session.get(Engagement, inst.engagement_id)
        assert engagement is not None and paid_on is not None
        touch(engagement)
        session.add(Payment(contractor_id=engagement.contractor_id, engagement_id=engagement.id,
                            installment_id=inst.id, paid_on=paid_on, amount_minor=amount_minor,
                            currency=inst.currency, method=method.strip(),
                            reference=reference.strip(), invoice_number=invoice_number.strip(),
                            is_demo=is_demo))
        inst.paid_minor += amount_minor
        if inst.paid_minor >= inst.amount_minor:
            inst.status = InstallmentStatus.PAID.value
            inst.settled_on = max(paid_on, inst.settled_on or paid_on)
        else:
            inst.status = InstallmentStatus.PART_PAID.value
        session.flush()
        return _installment(inst)


@dataclass(frozen=True)
class DueRow:
    installment: InstallmentRow
    engagement_id: int
    engagement_title: str
    contractor_id: int
    contractor_name: str
    overdue: bool


_DUE_COLUMNS = (*(getattr(Installment, c) for c in (
    "id", "engagement_id", "position", "label", "period_end", "due_on", "amount_minor",
    "currency", "status", "paid_minor", "settled_on", "version")),
    Engagement.title, Contractor.id, Contractor.display_name)


def _owed() -> ColumnElement[bool]:
    """Something is owed on the installment: its engagement binds us (a draft's schedule is
    a plan; the database keeps ``binding`` in step with the engagement's status), and part of
    it is unpaid."""
    return and_(Installment.binding, Installment.amount_minor > Installment.paid_minor)


def _due_query(first: dt.date | None, last: dt.date) -> Select[Any]:
    query = (select(*_DUE_COLUMNS)
             .join(Engagement, Engagement.id == Installment.engagement_id)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .where(Installment.due_on <= last, _owed())
             .order_by(Installment.due_on, Installment.id))
    return query if first is None else query.where(Installment.due_on >= first)


def _due_rows(session: Session, first: dt.date | None, last: dt.date, today: dt.date,
              limit: int | None) -> list[DueRow]:
    """Open installments due in [first, last], earliest first. Each status is read on its own
    so the index hands rows over already in order and a limit stops early."""
    rows = []
    for status in OPEN_INSTALLMENT:
        query = _due_query(first, last).where(is_open(), Installment.status == status)
        rows.extend(session.execute(query if limit is None else query.limit(limit)).all())
    rows.sort(key=lambda r: (r.due_on, r.id))
    return [DueRow(InstallmentRow(*r[:12]), r[1], r[12], r[13], r[14], r.due_on < today)
            for r in rows[:limit]]


def due(store: Store, today: dt.date, days: int = 14) -> list[DueRow]:
    """Unpaid installments due by ``today + days``, overdue ones first."""
    with store.reading() as session:
        return _due_rows(session, None, today + dt.timedelta(days=days), today, None)


@dataclass(frozen=True)
class Owed:
    """The first rows of a list of unpaid installments, with the whole list's count and
    totals per currency (amounts in different currencies are never added together)."""

    rows: list[DueRow]
    count: int
    totals: dict[str, int]


def owed(store: Store, today: dt.date, days: int, limit: int) -> tuple[Owed, Owed]:
    """(overdue, due within ``days``), each counted and totalled in SQL over one index."""
    horizon = today + dt.timedelta(days=days)
    with store.reading() as session:
        late, soon = _totals(session, today, horizon)
        overdue = _due_rows(session, None, today - dt.timedelta(days=1), today, limit)
        due_soon = _due_rows(session, today, horizon, today, limit)
    return Owed(overdue, *late), Owed(due_soon, *soon)


def _totals(session: Session, today: dt.date,
            horizon: dt.date) -> tuple[tuple[int, dict[str, int]], tuple[int, dict[str, int]]]:
    """(count, totals per currency) owed before ``today``, and from it to ``horizon``. Each
    currency is found by one step along the index and each total read as one range of it:
    grouping the rows instead would sort every one of them."""
    owed = (is_open(), _owed())
    currency = bindparam("currency")
    first_currency = select(func.min(Installment.currency)).where(*owed)
    next_currency = first_currency.where(Installment.currency > currency)
    each = [select(func.count(), func.coalesce(func.sum(Installment.amount_minor
                                                        - Installment.paid_minor), 0))
            .where(*owed, Installment.currency == currency, *span)
            for span in ((Installment.due_on < today,),
                         (Installment.due_on >= today, Installment.due_on <= horizon))]
    counts: list[int] = [0, 0]
    totals: list[dict[str, int]] = [{}, {}]
    found = session.scalar(first_currency)
    while found is not None:
        for side, query in enumerate(each):
            number, amount = session.execute(query, {"currency": found}).one()
            if number:
                counts[side] += number
                totals[side][found] = int(amount)
        found = session.scalar(next_currency, {"currency": found})
    return ((counts[0], dict(sorted(totals[0].items()))),
            (counts[1], dict(sorted(totals[1].items()))))


def _installment(i: Installment) -> InstallmentRow:
    return InstallmentRow(i.id, i.engagement_id, i.position, i.label, i.period_end, i.due_on,
                          i.amount_minor, i.currency, i.status, i.paid_minor, i.settled_on,
                          i.version, i.changed_by, i.updated_at)
