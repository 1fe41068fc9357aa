"""Engagement use cases: contracts, their status path, schedules, payments and the log.

Everything returned is a plain object. Each function is one short transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.engagement import (
    OPEN,
    EngagementData,
    check_move,
    contract_value,
    last_notice_date,
    next_check_in,
    overdue_before,
)
from desktop.core.enums import (
    BillingPeriod,
    Channel,
    CheckInCadence,
    DataAccess,
    EngagementStatus,
    InstallmentStatus,
    PricingModel,
)
from desktop.core.payments import PaymentCheck, check_payment, installment_status
from desktop.core.schedule import PlannedInstallment, regenerate
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.models import (
    CommunicationLog,
    Contractor,
    Engagement,
    Installment,
    Payment,
    Rating,
)

_DATA_FIELDS = [f.name for f in fields(EngagementData)]
_OPEN_INSTALLMENT = (InstallmentStatus.PLANNED.value, InstallmentStatus.PART_PAID.value)


@dataclass(frozen=True)
class EngagementRecord:
    id: int
    version: int
    status: EngagementStatus
    data: EngagementData
    contractor_name: str
    signed_on: dt.date | None
    signed_by: str
    ended_on: dt.date | None
    end_reason: str
    is_demo: bool


@dataclass(frozen=True)
class EngagementRow:
    """One line of the engagements list."""

    id: int
    contractor_id: int
    contractor_name: str
    title: str
    status: str
    value_minor: int | None
    currency: str
    start_on: dt.date | None
    end_on: dt.date | None
    next_due_on: dt.date | None
    is_demo: bool


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

    def status(self, today: dt.date) -> InstallmentStatus:
        if self.stored_status == InstallmentStatus.CANCELLED:
            return InstallmentStatus.CANCELLED
        return installment_status(self.amount_minor, self.paid_minor, self.due_on, today)

    @property
    def outstanding_minor(self) -> int:
        if self.stored_status == InstallmentStatus.CANCELLED:
            return 0
        return max(0, self.amount_minor - self.paid_minor)


class NeedsConfirmation(Exception):
    """The payment is more than is owed; call again with allow_overpayment=True to record it."""

    def __init__(self, check: PaymentCheck, currency: str):
        from desktop.core.payments import overpayment_message

        self.check = check
        super().__init__(overpayment_message(check, currency))


# --- engagements -------------------------------------------------------------------------
def create(store: Store, data: EngagementData, *, is_demo: bool = False) -> EngagementRecord:
    with store.transaction() as session:
        _contractor(session, data.contractor_id)
        obj = Engagement(status=EngagementStatus.DRAFT.value, is_demo=is_demo)
        _apply(obj, data)
        session.add(obj)
        session.flush()
        return _record(session, obj)


def get(store: Store, engagement_id: int) -> EngagementRecord:
    with store.reading() as session:
        return _record(session, _load(session, engagement_id))


def update(store: Store, engagement_id: int, data: EngagementData,
           expected_version: int) -> EngagementRecord:
    try:
        with store.transaction() as session:
            obj = _load(session, engagement_id, expected_version)
            if obj.status not in (s.value for s in OPEN):
                raise ConflictError("a closed engagement cannot be edited")
            if data.contractor_id != obj.contractor_id:
                _contractor(session, data.contractor_id)
            _apply(obj, data)
            session.flush()
            return _record(session, obj)
    except StaleDataError:
        raise _changed(engagement_id) from None


def move(store: Store, engagement_id: int, new_status: EngagementStatus | str,
         expected_version: int, *, on: dt.date, by: str = "", reason: str = "") -> EngagementRecord:
    """Move along the status path; signing records when and by whom, ending records why."""
    new_status = EngagementStatus(new_status)
    try:
        with store.transaction() as session:
            obj = _load(session, engagement_id, expected_version)
            try:
                check_move(obj.status, new_status)
            except ValueError as exc:
                raise ValidationError([FieldError("status", str(exc))]) from None
            obj.status = new_status.value
            if new_status is EngagementStatus.SIGNED:
                obj.signed_on, obj.signed_by = on, by.strip()
            if new_status in (EngagementStatus.COMPLETED, EngagementStatus.TERMINATED,
                              EngagementStatus.CANCELLED):
                obj.ended_on, obj.end_reason = on, reason.strip()
            session.flush()
            return _record(session, obj)
    except StaleDataError:
        raise _changed(engagement_id) from None


def list_rows(store: Store, *, status: str | None = None,
              contractor_id: int | None = None) -> list[EngagementRow]:
    next_due = (select(Installment.engagement_id, func.min(Installment.due_on).label("due"))
                .where(Installment.status.in_(_OPEN_INSTALLMENT))
                .group_by(Installment.engagement_id).subquery())
    query = (select(Engagement, Contractor.display_name, next_due.c.due)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .outerjoin(next_due, next_due.c.engagement_id == Engagement.id)
             .order_by(Engagement.start_on.desc().nulls_last(), Engagement.id.desc()))
    if status:
        query = query.where(Engagement.status == status)
    if contractor_id is not None:
        query = query.where(Engagement.contractor_id == contractor_id)
    with store.reading() as session:
        rows = []
        for obj, name, due in session.execute(query):
            data = _data(obj)
            rows.append(EngagementRow(obj.id, obj.contractor_id, name, obj.title, obj.status,
                                      _value(data), obj.currency, obj.start_on, obj.end_on,
                                      due, obj.is_demo))
        return rows


# --- schedules and payments ----------------------------------------------------------------
def installments(store: Store, engagement_id: int) -> list[InstallmentRow]:
    query = (select(Installment).where(Installment.engagement_id == engagement_id)
             .order_by(Installment.position, Installment.id))
    with store.reading() as session:
        return [_installment(i) for i in session.scalars(query)]


def installment(store: Store, installment_id: int) -> InstallmentRow:
    with store.reading() as session:
        found = session.get(Installment, installment_id)
        if found is None:
            raise ConflictError(f"installment {installment_id} does not exist")
        return _installment(found)


def replace_schedule(store: Store, engagement_id: int,
                     fresh: Sequence[PlannedInstallment]) -> list[InstallmentRow]:
    """Put a newly generated schedule in place. Paid and part-paid installments stay exactly
    as they are; only the rest is replaced, so the total still matches."""
    with store.transaction() as session:
        _load(session, engagement_id)
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
        errors.append(FieldError("due_on", "is required"))
    if amount_minor <= 0:
        errors.append(FieldError("amount", "must be more than zero"))
    try:
        with store.transaction() as session:
            inst = _installment_for_edit(session, installment_id, expected_version)
            if amount_minor < inst.paid_minor:
                errors.append(FieldError("amount", "is less than what was already paid on it"))
            if errors:
                raise ValidationError(errors)
            assert due_on is not None
            inst.label, inst.due_on, inst.amount_minor = label.strip(), due_on, amount_minor
            if inst.paid_minor >= amount_minor:
                inst.status = InstallmentStatus.PAID.value
            elif inst.paid_minor:
                inst.status, inst.settled_on = InstallmentStatus.PART_PAID.value, None
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
                raise ValidationError([FieldError("installment", "has payments recorded against "
                                                                 "it and cannot be cancelled")])
            inst.status = InstallmentStatus.CANCELLED.value
            session.flush()
            return _installment(inst)
    except StaleDataError:
        raise _installment_changed(installment_id) from None


def _installment_for_edit(session: Session, installment_id: int,
                          expected_version: int) -> Installment:
    inst = session.get(Installment, installment_id)
    if inst is None:
        raise ConflictError(f"installment {installment_id} no longer exists")
    if inst.version != expected_version:
        raise _installment_changed(installment_id)
    if inst.status == InstallmentStatus.CANCELLED.value:
        raise ValidationError([FieldError("installment", "is cancelled")])
    return inst


def _installment_changed(installment_id: int) -> ConflictError:
    return ConflictError(f"installment {installment_id} was changed elsewhere; reload it and "
                         "make your change again")


def record_payment(store: Store, installment_id: int, *, amount_minor: int, currency: str,
                   paid_on: dt.date | None, method: str = "", reference: str = "",
                   invoice_number: str = "", today: dt.date | None = None,
                   allow_overpayment: bool = False, is_demo: bool = False) -> InstallmentRow:
    """Record a full or part payment; the installment's paid amount and status follow in the
    same transaction."""
    today = today or dt.date.today()
    with store.transaction() as session:
        inst = session.get(Installment, installment_id)
        if inst is None:
            raise ConflictError(f"installment {installment_id} no longer exists")
        if inst.status == InstallmentStatus.CANCELLED:
            raise ValidationError([FieldError("installment", "is cancelled; nothing is owed")])
        check = check_payment(amount_minor, currency, paid_on, inst.currency,
                              inst.amount_minor - inst.paid_minor, today)
        if check.overpayment_minor and not allow_overpayment:
            raise NeedsConfirmation(check, inst.currency)
        engagement = session.get(Engagement, inst.engagement_id)
        assert engagement is not None and paid_on is not None
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


def _due_query(first: dt.date | None, last: dt.date) -> Select[Any]:
    query = (select(*_DUE_COLUMNS)
             .join(Engagement, Engagement.id == Installment.engagement_id)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .where(Installment.due_on <= last)
             .order_by(Installment.due_on, Installment.id))
    return query if first is None else query.where(Installment.due_on >= first)


def _due_rows(session: Session, first: dt.date | None, last: dt.date, today: dt.date,
              limit: int | None) -> list[DueRow]:
    """Open installments due in [first, last], earliest first. Each status is read on its own
    so the index hands rows over already in order and a limit stops early."""
    rows = []
    for status in _OPEN_INSTALLMENT:
        query = _due_query(first, last).where(Installment.status == status)
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
    late = Installment.due_on < today
    totals = (select(Installment.currency, late, func.count(),
                     func.sum(Installment.amount_minor - Installment.paid_minor))
              .where(Installment.status.in_(_OPEN_INSTALLMENT), Installment.due_on <= horizon)
              .group_by(Installment.currency, late))
    with store.reading() as session:
        sums: dict[bool, tuple[int, dict[str, int]]] = {True: (0, {}), False: (0, {})}
        for currency, is_late, count, amount in session.execute(totals):
            number, per_currency = sums[bool(is_late)]
            per_currency[currency] = int(amount)
            sums[bool(is_late)] = (number + count, per_currency)
        overdue = _due_rows(session, None, today - dt.timedelta(days=1), today, limit)
        soon = _due_rows(session, today, horizon, today, limit)
    return (Owed(overdue, sums[True][0], dict(sorted(sums[True][1].items()))),
            Owed(soon, sums[False][0], dict(sorted(sums[False][1].items()))))


# --- ratings -------------------------------------------------------------------------------
@dataclass(frozen=True)
class RatingData:
    quality: int
    timeliness: int
    communication: int
    value: int
    would_rehire: bool
    comment: str = ""

    @property
    def average(self) -> float:
        return (self.quality + self.timeliness + self.communication + self.value) / 4


def rate(store: Store, engagement_id: int, rating: RatingData, rated_on: dt.date) -> None:
    """Rate a finished engagement (again, if it was rated before)."""
    bad = [FieldError(name, "must be from 1 to 5") for name in
           ("quality", "timeliness", "communication", "value")
           if not 1 <= getattr(rating, name) <= 5]
    if bad:
        raise ValidationError(bad)
    with store.transaction() as session:
        obj = _load(session, engagement_id)
        if obj.status not in (EngagementStatus.COMPLETED.value, EngagementStatus.TERMINATED.value):
            raise ValidationError([FieldError("status", "only a completed or terminated "
                                                        "engagement can be rated")])
        row = session.scalar(select(Rating).where(Rating.engagement_id == engagement_id))
        if row is None:
            row = Rating(engagement_id=engagement_id)
            session.add(row)
        for name in ("quality", "timeliness", "communication", "value", "would_rehire", "comment"):
            setattr(row, name, getattr(rating, name))
        row.rated_on = rated_on


# --- communication -------------------------------------------------------------------------
@dataclass(frozen=True)
class LogEntry:
    id: int
    logged_on: dt.date
    channel: str
    summary: str
    follow_up_on: dt.date | None


def add_log_entry(store: Store, engagement_id: int, *, logged_on: dt.date, channel: str,
                  summary: str, follow_up_on: dt.date | None = None) -> LogEntry:
    if not summary.strip():
        raise ValidationError([FieldError("summary", "is required")])
    if follow_up_on and follow_up_on < logged_on:
        raise ValidationError([FieldError("follow_up_on", "is before the entry's date")])
    with store.transaction() as session:
        engagement = _load(session, engagement_id)
        if engagement.last_contact_on is None or logged_on > engagement.last_contact_on:
            engagement.last_contact_on = engagement.check_in_since = logged_on
        entry = CommunicationLog(engagement_id=engagement_id, logged_on=logged_on,
                                 channel=str(Channel.parse(channel)) if channel else "",
                                 summary=summary.strip(), follow_up_on=follow_up_on)
        session.add(entry)
        session.flush()
        return LogEntry(entry.id, entry.logged_on, entry.channel, entry.summary,
                        entry.follow_up_on)


def log(store: Store, engagement_id: int) -> list[LogEntry]:
    query = (select(CommunicationLog).where(CommunicationLog.engagement_id == engagement_id)
             .order_by(CommunicationLog.logged_on.desc(), CommunicationLog.id.desc()))
    with store.reading() as session:
        return [LogEntry(e.id, e.logged_on, e.channel, e.summary, e.follow_up_on)
                for e in session.scalars(query)]


@dataclass(frozen=True)
class CheckInRow:
    engagement_id: int
    title: str
    contractor_name: str
    cadence: str
    last_contact: dt.date | None
    due_on: dt.date


@dataclass(frozen=True)
class CheckIns:
    rows: list[CheckInRow]  # the most overdue first, at most the limit asked for
    count: int


def overdue_check_ins(store: Store, today: dt.date, limit: int | None = None) -> CheckIns:
    """Signed engagements whose last contact (or start) is older than their cadence."""
    since = Engagement.check_in_since
    rows: list[CheckInRow] = []
    count = 0
    with store.reading() as session:
        for cadence in CheckInCadence:
            cutoff = overdue_before(cadence, today)
            if cutoff is None:
                continue
            late = (Engagement.status == EngagementStatus.SIGNED.value,
                    Engagement.comm_cadence == cadence.value, since < cutoff)
            count += session.scalar(select(func.count()).select_from(Engagement).where(*late)) or 0
            query = (select(Engagement.id, Engagement.title, Contractor.display_name,
                            Engagement.start_on, Engagement.last_contact_on)
                     .join(Contractor, Contractor.id == Engagement.contractor_id)
                     .where(*late).order_by(since, Engagement.id))
            for eid, title, name, start_on, last_on in session.execute(
                    query if limit is None else query.limit(limit)):
                due_on = next_check_in(cadence, last_on, start_on)
                assert due_on is not None
                rows.append(CheckInRow(eid, title, name, cadence.value, last_on, due_on))
    rows.sort(key=lambda r: (r.due_on, r.engagement_id))
    return CheckIns(rows[:limit], count)


# --- helpers -------------------------------------------------------------------------------
def _contractor(session: Session, contractor_id: int) -> Contractor:
    obj = session.get(Contractor, contractor_id)
    if obj is None:
        raise ValidationError([FieldError("contractor_id", f"contractor {contractor_id} "
                                                           "does not exist")])
    return obj


def _load(session: Session, engagement_id: int, expected_version: int | None = None) -> Engagement:
    obj = session.get(Engagement, engagement_id)
    if obj is None:
        raise ConflictError(f"engagement {engagement_id} no longer exists")
    if expected_version is not None and obj.version != expected_version:
        raise _changed(engagement_id)
    return obj


def _changed(engagement_id: int) -> ConflictError:
    return ConflictError(f"engagement {engagement_id} was changed elsewhere after you opened it; "
                         "reload it and make your change again")


def _apply(obj: Engagement, data: EngagementData) -> None:
    for name in _DATA_FIELDS:
        value = getattr(data, name)
        if name in ("pricing_model", "data_access", "billing_period", "comm_channel",
                    "comm_cadence"):
            value = "" if value is None else str(value)
        if getattr(obj, name, None) != value:
            setattr(obj, name, value)
    notice_by = last_notice_date(data.end_on, data.notice_days)
    if obj.notice_by != notice_by:
        obj.notice_by = notice_by
    since = obj.last_contact_on or data.start_on
    if obj.check_in_since != since:
        obj.check_in_since = since


def _data(obj: Engagement) -> EngagementData:
    values = {name: getattr(obj, name) for name in _DATA_FIELDS}
    values["pricing_model"] = PricingModel(obj.pricing_model)
    values["data_access"] = DataAccess(obj.data_access)
    values["billing_period"] = BillingPeriod(obj.billing_period) if obj.billing_period else None
    values["comm_channel"] = Channel(obj.comm_channel) if obj.comm_channel else None
    values["comm_cadence"] = CheckInCadence(obj.comm_cadence) if obj.comm_cadence else None
    return EngagementData(**values)


def _value(data: EngagementData) -> int | None:
    try:
        return contract_value(data)
    except ValidationError:
        return None


def _record(session: Session, obj: Engagement) -> EngagementRecord:
    name = session.scalar(select(Contractor.display_name).where(Contractor.id == obj.contractor_id))
    return EngagementRecord(obj.id, obj.version, EngagementStatus(obj.status), _data(obj),
                            name or "", obj.signed_on, obj.signed_by, obj.ended_on,
                            obj.end_reason, obj.is_demo)


def _installment(i: Installment) -> InstallmentRow:
    return InstallmentRow(i.id, i.engagement_id, i.position, i.label, i.period_end, i.due_on,
                          i.amount_minor, i.currency, i.status, i.paid_minor, i.settled_on,
                          i.version)
