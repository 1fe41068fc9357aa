"""Contractor statements and what is owed as of a date: plain objects for the report writers.

Amounts are integer minor units with their ISO 4217 code; every total is a dict keyed by
currency and never adds two currencies together. What had been paid on an installment "as
of" a date is summed from its payment rows dated on or before that date, so a report for a
past date is not changed by payments recorded since. The schedule itself (amounts, due dates,
cancellations) is read as it stands today, because edits to it are not kept as history.
Cancelled installments are left out everywhere: nothing is owed on them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, and_, case, func, select

from desktop.core.engagement import BINDING
from desktop.core.enums import EngagementStatus, InstallmentStatus, TaxForm
from desktop.core.i18n import _, pgettext
from desktop.core.payments import OnTimeRecord, installment_status
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store import engagements
from desktop.store.db import Store
from desktop.store.models import Contractor, Engagement, Installment, Payment
from desktop.store.on_time import last_paid_by, maybe_open, on_time, paid_by, settled_as_of

CANCELLED = InstallmentStatus.CANCELLED.value

# Ageing buckets, oldest last: (key, most days late it holds). Past the last: "over_90".
AGEING_BUCKETS: tuple[tuple[str, int], ...] = (
    ("current", 0), ("days_1_30", 30), ("days_31_60", 60), ("days_61_90", 90))
OVER_90 = "over_90"
AGEING_LABELS = {"current": pgettext("ageing: not yet late", "Current"),
                 "days_1_30": _("1–30 days"), "days_31_60": _("31–60 days"),
                 "days_61_90": _("61–90 days"), OVER_90: _("Over 90 days")}


# --- what both reports share ---------------------------------------------------------------
def ageing_bucket(days_late: int) -> str:
    """The ageing bucket key for an installment this many days past its due date."""
    for key, most in AGEING_BUCKETS:
        if days_late <= most:
            return key
    return OVER_90


def _add(totals: dict[str, int], currency: str, amount: int) -> None:
    totals[currency] = totals.get(currency, 0) + int(amount)


def _sorted(totals: dict[str, int]) -> dict[str, int]:
    return dict(sorted(totals.items()))


# --- contractor statement ------------------------------------------------------------------
@dataclass(frozen=True)
class StatementContractor:
    id: int
    name: str
    legal_name: str
    company: str
    email: str
    country: str
    tax_form: TaxForm
    tax_form_on: dt.date | None
    archived: bool
    is_demo: bool

    @property
    def tax_form_label(self) -> str:
        return self.tax_form.label


@dataclass(frozen=True)
class StatementInstallment:
    id: int
    engagement_id: int
    label: str
    due_on: dt.date
    amount_minor: int
    currency: str
    paid_minor: int  # paid on it up to the statement's as_of date
    outstanding_minor: int  # never negative; an overpayment shows as paid_minor > amount
    status: InstallmentStatus  # as of the statement's as_of date
    settled_on: dt.date | None  # the day it was fully paid, if it was by as_of
    days_late: int  # settled: days after due; open: days past due as of as_of; else 0


@dataclass(frozen=True)
class StatementEngagement:
    id: int
    title: str
    status: EngagementStatus
    start_on: dt.date | None
    end_on: dt.date | None
    value_minor: int | None  # None where the terms do not fix it (e.g. hourly, no estimate)
    currency: str
    installments: tuple[StatementInstallment, ...]  # due in the period, earliest first


@dataclass(frozen=True)
class StatementPayment:
    id: int
    paid_on: dt.date
    engagement_id: int | None
    engagement_title: str
    installment_label: str
    invoice_number: str
    reference: str
    method: str
    amount_minor: int
    currency: str


@dataclass(frozen=True)
class Statement:
    contractor: StatementContractor
    first: dt.date
    last: dt.date
    as_of: dt.date  # min(last, today): statuses, balances and lateness are read on this day
    engagements: tuple[StatementEngagement, ...]
    payments: tuple[StatementPayment, ...]  # paid in [first, last], oldest first
    due_in_period: dict[str, int]  # installments due in [first, last], whole amounts
    paid_in_period: dict[str, int]  # sum of the period's payments
    balance_due: dict[str, int]  # unpaid on every installment due on or before as_of
    not_yet_due: dict[str, int]  # unpaid on installments due after as_of
    on_time: OnTimeRecord  # over the whole relationship up to as_of


def statement(store: Store, contractor_id: int, first: dt.date, last: dt.date,
              today: dt.date) -> Statement:
    """One contractor's statement for the period [first, last].

    - Read as of ``min(last, today)``: a past period shows things as they were on its last
      day; a period still running stops at today.
    - Engagements: those running in the period (a start date on or before ``last`` and no end
      date before ``first``) unless cancelled, plus any with installments due or payments
      made in the period (a final installment often falls due after the end date).
    - The balance is not limited to the period: it is everything still unpaid on the
      contractor's installments due by the as-of date, older arrears included; what falls due
      later is reported apart as ``not_yet_due``. An overpaid installment does not reduce
      the balance of another.
    - The on-time record covers every installment of the relationship up to the as-of date,
      the same figure the contractor's health panel shows for today.

    Raises ConflictError for an unknown contractor and ValidationError when ``last`` is
    before ``first``.
    """
    if last < first:
        raise ValidationError([FieldError("last", _("is before the first day of the period"))])
    as_of = min(last, today)
    mine = Engagement.contractor_id == contractor_id
    with store.reading() as session:
        person = session.get(Contractor, contractor_id)
        if person is None:
            raise ConflictError(_("contractor {id} does not exist").format(id=contractor_id))
        contractor = StatementContractor(
            person.id, person.display_name, person.legal_name, person.company, person.email,
            person.country, TaxForm(person.tax_form), person.tax_form_on,
            person.archived_at is not None, person.is_demo)
        schedule = session.execute(
            select(Installment.id, Installment.engagement_id, Installment.label,
                   Installment.due_on, Installment.amount_minor, Installment.currency,
                   Installment.settled_on, paid_by(as_of), last_paid_by(as_of))
            .join(Engagement, Engagement.id == Installment.engagement_id)
            .where(mine, Installment.status != CANCELLED)
            .order_by(Installment.due_on, Installment.position, Installment.id)).all()
        # Grouped by a column of the subquery: PostgreSQL will not match a GROUP BY
        # expression holding a bound parameter to the same expression in the SELECT.
        unpaid = (select(Installment.currency,
                         (Installment.due_on <= as_of).label("is_due"),
                         (Installment.amount_minor - paid_by(as_of)).label("left"))
                  .join(Engagement, Engagement.id == Installment.engagement_id)
                  .where(mine, maybe_open(as_of), Engagement.status.in_(BINDING)).subquery())
        balances = session.execute(
            select(unpaid.c.currency, unpaid.c.is_due, func.sum(unpaid.c.left))
            .where(unpaid.c.left > 0).group_by(unpaid.c.currency, unpaid.c.is_due)).all()
        due_sums = session.execute(
            select(Installment.currency, func.sum(Installment.amount_minor))
            .join(Engagement, Engagement.id == Installment.engagement_id)
            .where(mine, Installment.status != CANCELLED, Installment.due_on >= first,
                   Installment.due_on <= last)
            .group_by(Installment.currency)).all()
        in_period = and_(Payment.contractor_id == contractor_id, Payment.paid_on >= first,
                         Payment.paid_on <= last)
        paid_rows = session.execute(
            select(Payment.id, Payment.paid_on, Payment.engagement_id, Engagement.title,
                   Installment.label, Payment.invoice_number, Payment.reference, Payment.method,
                   Payment.amount_minor, Payment.currency)
            .outerjoin(Engagement, Engagement.id == Payment.engagement_id)
            .outerjoin(Installment, Installment.id == Payment.installment_id)
            .where(in_period).order_by(Payment.paid_on, Payment.id)).all()
        paid_sums = session.execute(
            select(Payment.currency, func.sum(Payment.amount_minor))
            .where(in_period).group_by(Payment.currency)).all()
        record = on_time(session, contractor_id, as_of)

    listed: defaultdict[int, list[StatementInstallment]] = defaultdict(list)
    for (iid, engagement_id, label, due_on, amount, currency, stored_settled, paid,
         last_paid) in schedule:
        paid = int(paid)
        done = settled_as_of(amount, paid, due_on, stored_settled, last_paid, as_of)
        if not first <= due_on <= last:
            continue
        late = (done - due_on).days if done is not None else (as_of - due_on).days
        listed[engagement_id].append(StatementInstallment(
            iid, engagement_id, label, due_on, amount, currency, paid, max(0, amount - paid),
            installment_status(amount, paid, due_on, as_of), done, max(0, late)))

    balance: dict[str, int] = {}
    later: dict[str, int] = {}
    for currency, due_now, amount in balances:
        _add(balance if due_now else later, currency, amount)
    payments = tuple(StatementPayment(*row[:3], row[3] or "", row[4] or "", *row[5:])
                     for row in paid_rows)
    with_money = set(listed) | {p.engagement_id for p in payments if p.engagement_id is not None}
    chosen = [row for row in engagements.list_rows(store, contractor_id=contractor_id)
              if row.id in with_money or (row.status != EngagementStatus.CANCELLED
                                          and _runs_in(row.start_on, row.end_on, first, last))]
    chosen.sort(key=lambda r: (r.start_on or dt.date.min, r.id))
    return Statement(
        contractor=contractor, first=first, last=last, as_of=as_of,
        engagements=tuple(StatementEngagement(
            r.id, r.title, EngagementStatus(r.status), r.start_on, r.end_on, r.value_minor,
            r.currency, tuple(listed.get(r.id, ()))) for r in chosen),
        payments=payments,
        due_in_period=_sorted({c: int(a) for c, a in due_sums}),
        paid_in_period=_sorted({c: int(a) for c, a in paid_sums}),
        balance_due=_sorted(balance), not_yet_due=_sorted(later),
        on_time=record)


def _runs_in(start: dt.date | None, end: dt.date | None, first: dt.date, last: dt.date) -> bool:
    # Without a start date an engagement was never scheduled; it shows only if money moved.
    return start is not None and start <= last and (end is None or end >= first)


# --- outstanding and overdue ---------------------------------------------------------------
@dataclass(frozen=True)
class OutstandingRow:
    installment_id: int
    engagement_id: int
    engagement_title: str
    engagement_status: EngagementStatus
    label: str
    due_on: dt.date
    amount_minor: int
    paid_minor: int  # paid up to as_of
    outstanding_minor: int
    currency: str
    days_late: int  # as_of − due_on; 0 when due on as_of itself
    bucket: str  # a key of AGEING_LABELS


@dataclass(frozen=True)
class OutstandingContractor:
    contractor_id: int
    name: str
    company: str
    email: str
    is_demo: bool
    rows: tuple[OutstandingRow, ...]  # earliest due first
    totals: dict[str, int]

    @property
    def most_days_late(self) -> int:
        return max((r.days_late for r in self.rows), default=0)


@dataclass(frozen=True)
class AgeingRow:
    """What is owed in one currency, by how late it is."""

    currency: str
    current: int = 0
    days_1_30: int = 0
    days_31_60: int = 0
    days_61_90: int = 0
    over_90: int = 0

    @property
    def total(self) -> int:
        return (self.current + self.days_1_30 + self.days_31_60 + self.days_61_90
                + self.over_90)


@dataclass(frozen=True)
class Outstanding:
    as_of: dt.date
    contractors: tuple[OutstandingContractor, ...]  # by name
    totals: dict[str, int]  # everything due on or before as_of and still unpaid then
    ageing: tuple[AgeingRow, ...]  # one per currency, by currency code
    not_yet_due: dict[str, int]  # unpaid on installments due after as_of, for context

    @property
    def count(self) -> int:
        return sum(len(c.rows) for c in self.contractors)


def outstanding(store: Store, as_of: dt.date) -> Outstanding:
    """What was owed, to whom and how late, on ``as_of``.

    - Listed: every installment that is not cancelled, was due on or before ``as_of`` and
      was not fully paid by then (payments dated after ``as_of`` do not count, so a report
      for a past date is right). Due on ``as_of`` itself is "current", 0 days late.
    - Installments due later are not listed; their unpaid sum is ``not_yet_due``.
    - Like the dashboard, only engagements that bind us count (signed, completed, terminated:
      ``BINDING``); a draft's schedule is a plan. Cancelling an installment is how the owner
      says one is not owed (terminating cancels those falling due after the end, if asked).
    - Archived and demo contractors are included; ``is_demo`` lets a writer mark them.
    - Subtotals, totals and ageing are summed in SQL per contractor, currency and bucket.
    """
    # The bucket is a column of the subquery so PostgreSQL can group by it (see statement).
    bucket = case((Installment.due_on > as_of, "later"),
                  *((Installment.due_on >= as_of - dt.timedelta(days=most), key)
                    for key, most in AGEING_BUCKETS),
                  else_=OVER_90)
    unpaid = (select(Installment.id.label("installment_id"), Installment.engagement_id,
                     Installment.label, Installment.due_on, Installment.amount_minor,
                     Installment.currency, paid_by(as_of).label("paid"),
                     bucket.label("bucket"), Engagement.title,
                     Engagement.status.label("engagement_status"),
                     Contractor.id.label("contractor_id"), Contractor.display_name,
                     Contractor.company, Contractor.email, Contractor.is_demo)
              .join(Engagement, Engagement.id == Installment.engagement_id)
              .join(Contractor, Contractor.id == Engagement.contractor_id)
              .where(maybe_open(as_of), Engagement.status.in_(BINDING)).subquery())
    u = unpaid.c
    left = u.amount_minor - u.paid
    with store.reading() as session:
        sums = session.execute(
            select(u.contractor_id, u.currency, u.bucket, func.sum(left))
            .where(left > 0).group_by(u.contractor_id, u.currency, u.bucket)).all()
        rows = session.execute(
            select(u.contractor_id, u.display_name, u.company, u.email, u.is_demo,
                   u.installment_id, u.engagement_id, u.title, u.engagement_status, u.label,
                   u.due_on, u.amount_minor, u.paid, u.currency)
            .where(left > 0, u.due_on <= as_of)
            .order_by(func.lower(u.display_name), u.contractor_id, u.due_on,
                      u.installment_id)).all()

    per_contractor: defaultdict[int, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = {}
    later: dict[str, int] = {}
    ageing: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for contractor_id, currency, key, amount in sums:
        if key == "later":
            _add(later, currency, amount)
            continue
        _add(per_contractor[contractor_id], currency, amount)
        _add(totals, currency, amount)
        _add(ageing[currency], key, amount)

    groups: list[OutstandingContractor] = []
    for contractor_id, items in _runs(rows):
        head = items[0]
        groups.append(OutstandingContractor(
            contractor_id, head.display_name, head.company, head.email, bool(head.is_demo),
            tuple(_outstanding_row(r, as_of) for r in items),
            _sorted(per_contractor[contractor_id])))
    return Outstanding(as_of, tuple(groups), _sorted(totals),
                       tuple(AgeingRow(c, **ageing[c]) for c in sorted(ageing)),
                       _sorted(later))


def _runs(rows: Sequence[Row[Any]]) -> list[tuple[int, list[Row[Any]]]]:
    """Consecutive rows of the same contractor (the query orders them that way)."""
    out: list[tuple[int, list[Row[Any]]]] = []
    for row in rows:
        if not out or out[-1][0] != row.contractor_id:
            out.append((row.contractor_id, []))
        out[-1][1].append(row)
    return out


def _outstanding_row(r: Row[Any], as_of: dt.date) -> OutstandingRow:
    days = (as_of - r.due_on).days
    paid = int(r.paid)
    return OutstandingRow(r.installment_id, r.engagement_id, r.title,
                          EngagementStatus(r.engagement_status), r.label, r.due_on,
                          r.amount_minor, paid, r.amount_minor - paid, r.currency, days,
                          ageing_bucket(days))
