"""Payments made in a period, for reports: every line in date order, streamed, and the totals
an accountant ticks against the bank statement, summed in SQL.

Both take the same filters (one contractor, one currency, one skill tag), so the totals
always describe exactly the lines listed. Amounts stay integer minor units with their
currency; totals are per currency and never added across currencies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, extract, func, select

from desktop.core.contractor import normalise_tags
from desktop.store.db import Store
from desktop.store.models import Contractor, ContractorTag, Engagement, Installment, Payment, Tag

__all__ = ["ContractorTotal", "CurrencyTotal", "MethodTotal", "MonthTotal", "PaymentLine",
           "PaymentTotals", "payment_lines", "payment_totals"]

BATCH = 1000  # rows fetched from the cursor at a time


@dataclass(frozen=True, slots=True)
class PaymentLine:
    id: int
    paid_on: dt.date
    contractor_id: int
    contractor_name: str
    engagement_title: str  # "" when the payment belongs to no engagement
    invoice_number: str
    reference: str
    method: str
    amount_minor: int
    currency: str
    due_on: dt.date | None  # of the installment it paid; None when it paid none
    days_late: int | None  # paid_on - due_on when positive, 0 if on time, None without a due date

    @property
    def late(self) -> bool:
        return bool(self.days_late)


@dataclass(frozen=True)
class CurrencyTotal:
    currency: str
    count: int
    total_minor: int
    late: int  # payments made after their installment's due date


@dataclass(frozen=True)
class ContractorTotal:
    contractor_id: int
    name: str
    currency: str
    count: int
    total_minor: int


@dataclass(frozen=True)
class MethodTotal:
    method: str  # "" when none was recorded
    currency: str
    count: int
    total_minor: int


@dataclass(frozen=True)
class MonthTotal:
    month: dt.date  # the first day of the month
    currency: str
    count: int
    total_minor: int


@dataclass(frozen=True)
class PaymentTotals:
    """Counts and sums for one period and filter. Each grouping is per currency."""

    count: int
    by_currency: tuple[CurrencyTotal, ...]  # by currency code
    by_contractor: tuple[ContractorTotal, ...]  # by name, then currency
    by_method: tuple[MethodTotal, ...]  # by method, then currency
    by_month: tuple[MonthTotal, ...]  # by month, then currency

    def total(self, currency: str) -> int:
        return next((t.total_minor for t in self.by_currency if t.currency == currency), 0)


def _filtered(query: Select[Any], first: dt.date, last: dt.date, contractor_id: int | None,
              currency: str | None, tag: str | None) -> Select[Any]:
    query = query.where(Payment.paid_on >= first, Payment.paid_on <= last)
    if contractor_id is not None:
        query = query.where(Payment.contractor_id == contractor_id)
    if currency:
        query = query.where(Payment.currency == currency.upper())
    if tag is not None:
        wanted = normalise_tags([tag])
        tagged = (select(ContractorTag.contractor_id)
                  .join(Tag, Tag.id == ContractorTag.tag_id)
                  .where(Tag.name == (wanted[0] if wanted else "")))
        query = query.where(Payment.contractor_id.in_(tagged))
    return query


def payment_lines(store: Store, first: dt.date, last: dt.date, *,
                  contractor_id: int | None = None, currency: str | None = None,
                  tag: str | None = None) -> Iterator[PaymentLine]:
    """Payments made from ``first`` to ``last`` (both included) in date order, then id,
    streamed from the cursor a batch at a time (a connection stays open while iterating).
    ``tag`` keeps contractors carrying that skill tag (the report's "category")."""
    query = _filtered(
        select(Payment.id, Payment.paid_on, Payment.contractor_id, Contractor.display_name,
               func.coalesce(Engagement.title, ""), Payment.invoice_number, Payment.reference,
               Payment.method, Payment.amount_minor, Payment.currency, Installment.due_on)
        .join(Contractor, Contractor.id == Payment.contractor_id)
        .outerjoin(Engagement, Engagement.id == Payment.engagement_id)
        .outerjoin(Installment, Installment.id == Payment.installment_id),
        first, last, contractor_id, currency, tag,
    ).order_by(Payment.paid_on, Payment.id)
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
        for (pid, paid_on, who, name, title, invoice, reference, method, minor, code,
             due_on) in result:
            late = None if due_on is None else max(0, (paid_on - due_on).days)
            yield PaymentLine(pid, paid_on, who, name, title, invoice, reference, method, minor,
                              code, due_on, late)


def payment_totals(store: Store, first: dt.date, last: dt.date, *,
                   contractor_id: int | None = None, currency: str | None = None,
                   tag: str | None = None) -> PaymentTotals:
    """The sums for the same payments ``payment_lines`` lists, each grouped in SQL."""

    def grouped(*columns: Any) -> Select[Any]:
        return _filtered(select(*columns, Payment.currency, func.count(),
                                func.sum(Payment.amount_minor)),
                         first, last, contractor_id, currency, tag)

    late = func.sum(case((Payment.paid_on > Installment.due_on, 1), else_=0))
    per_currency = (_filtered(select(Payment.currency, func.count(),
                                     func.sum(Payment.amount_minor), late)
                              .outerjoin(Installment, Installment.id == Payment.installment_id),
                              first, last, contractor_id, currency, tag)
                    .group_by(Payment.currency).order_by(Payment.currency))
    per_contractor = (grouped(Payment.contractor_id, Contractor.display_name)
                      .join(Contractor, Contractor.id == Payment.contractor_id)
                      .group_by(Payment.contractor_id, Contractor.display_name, Payment.currency)
                      .order_by(func.lower(Contractor.display_name), Payment.contractor_id,
                                Payment.currency))
    per_method = (grouped(Payment.method).group_by(Payment.method, Payment.currency)
                  .order_by(Payment.method, Payment.currency))
    year, month = extract("year", Payment.paid_on), extract("month", Payment.paid_on)
    per_month = (grouped(year, month).group_by(year, month, Payment.currency)
                 .order_by(year, month, Payment.currency))
    with store.engine.connect() as conn:
        currencies = tuple(CurrencyTotal(code, count, int(total), int(lates or 0))
                           for code, count, total, lates in conn.execute(per_currency))
        contractors = tuple(ContractorTotal(who, name, code, count, int(total))
                            for who, name, code, count, total in conn.execute(per_contractor))
        methods = tuple(MethodTotal(method, code, count, int(total))
                        for method, code, count, total in conn.execute(per_method))
        months = tuple(MonthTotal(dt.date(int(y), int(m), 1), code, count, int(total))
                       for y, m, code, count, total in conn.execute(per_month))
    return PaymentTotals(sum(t.count for t in currencies), currencies, contractors, methods,
                         months)
