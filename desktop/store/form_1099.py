"""The US 1099-NEC rule, read the same way by the year-end tax report and the risk summary.

- It follows the calendar year, whatever the business's own tax year.
- Only USD payments count. Card and payment-platform payments are reported by the processor
  on 1099-K and are left out; a payment with no method recorded counts (the payer's safe side).
- The threshold is data: the ``reporting_threshold`` row for "US" / "1099-NEC" covering the
  year (the newest if several do), with its legal source. A year no row covers has none, and
  says so; the last known figure is never carried forward.
- A total exactly at the threshold reaches it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from desktop.core import law
from desktop.core.payments import REPORTED_BY_PROCESSOR
from desktop.store.models import Payment, ReportingThreshold

# Which reporting_threshold rows, and which payments, the form is about: law data.
US = law.form_1099_nec().jurisdiction
US_FORM = law.form_1099_nec().form
USD = law.form_1099_nec().currency


@dataclass(frozen=True)
class Threshold:
    jurisdiction: str
    form: str
    tax_year: int
    amount_minor: int
    currency: str
    source: str
    checked_on: dt.date


@dataclass(frozen=True)
class NecTotals:
    """One contractor's USD payments in a calendar year, split as the forms are."""

    nec_minor: int = 0  # other than by card or payment platform: counts toward 1099-NEC
    processor_minor: int = 0  # by card or payment platform: the processor's 1099-K


def calendar_year(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def threshold_for(session: Session, year: int) -> Threshold | None:
    row = session.scalar(
        select(ReportingThreshold)
        .where(ReportingThreshold.jurisdiction == US, ReportingThreshold.form == US_FORM,
               ReportingThreshold.tax_year_from <= year,
               or_(ReportingThreshold.tax_year_to.is_(None),
                   ReportingThreshold.tax_year_to >= year))
        .order_by(ReportingThreshold.tax_year_from.desc()).limit(1))
    if row is None:
        return None
    return Threshold(row.jurisdiction, row.form, year, row.amount_minor, row.currency,
                     row.source, row.checked_on)


def nec_totals(session: Session, first: dt.date, last: dt.date,
               contractor_id: int | None = None) -> dict[int, NecTotals]:
    """USD paid per contractor between ``first`` and ``last`` (both included)."""
    by_processor = func.lower(Payment.method).in_(REPORTED_BY_PROCESSOR)
    query = (select(Payment.contractor_id, func.sum(Payment.amount_minor),
                    func.sum(case((by_processor, Payment.amount_minor), else_=0)))
             .where(Payment.currency == USD, Payment.paid_on >= first, Payment.paid_on <= last)
             .group_by(Payment.contractor_id))
    if contractor_id is not None:
        query = query.where(Payment.contractor_id == contractor_id)
    return {who: NecTotals(int(total) - int(processor), int(processor))
            for who, total, processor in session.execute(query)}


def reaches(nec_minor: int, threshold: Threshold | None) -> bool:
    return (threshold is not None and threshold.currency == USD
            and nec_minor >= threshold.amount_minor)
