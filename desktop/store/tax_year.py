"""The year-end tax summary: who was paid in a tax year, under which tax form, and which US
contractors are 1099-NEC filing candidates. Plain objects for the report writers.

Totals are integer minor units per ISO 4217 currency, summed in SQL per contractor and
currency; currencies are never added together. The reporting threshold is read from the
settings table for the tax year, never written into this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.contractor import mask_tax_id
from desktop.core.enums import ContractorKind, TaxForm
from desktop.core.payments import REPORTED_BY_PROCESSOR
from desktop.store.db import Store
from desktop.store.models import Contractor, Payment, ReportingThreshold
from desktop.store.reporting import business

US = "US"
US_FORM = "1099-NEC"  # the row names in reporting_threshold, as the risk summary reads them
USD = "USD"

MISSING_TAX_FORM = "missing tax form"
MISSING_TAX_ID = "missing tax id"
MISSING_COUNTRY = "missing country"


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
class TaxYearLine:
    """One contractor paid in the tax year."""

    contractor_id: int
    name: str
    legal_name: str
    kind: ContractorKind
    country: str  # ISO 3166-1 alpha-2, "" when not recorded
    tax_form: TaxForm
    tax_form_on: dt.date | None
    has_tax_id: bool
    masked_tax_id: str  # "•••• 6789"; the id itself never leaves the store here
    totals: dict[str, int]  # everything paid in the tax year, per currency
    nec_minor: int  # USD paid other than by card or payment platform
    processor_minor: int  # USD paid by card or payment platform: the processor's 1099-K
    reaches_threshold: bool  # nec_minor reaches the year's 1099-NEC threshold
    candidate: bool  # US, W-9 on file and reaches_threshold
    flags: tuple[str, ...]  # MISSING_TAX_FORM, MISSING_TAX_ID, MISSING_COUNTRY
    archived: bool
    is_demo: bool

    @property
    def tax_form_label(self) -> str:
        return self.tax_form.label


@dataclass(frozen=True)
class TaxYearSummary:
    year: int
    first: dt.date
    last: dt.date
    threshold: Threshold | None  # None when no row covers the year: nobody is a candidate
    lines: tuple[TaxYearLine, ...]  # by name
    totals: dict[str, int]  # all contractors, per currency
    nec_minor: int  # USD, all contractors
    processor_minor: int  # USD, all contractors

    @property
    def contractors(self) -> int:
        return len(self.lines)

    @property
    def candidates(self) -> int:
        return sum(line.candidate for line in self.lines)

    @property
    def missing_tax_form(self) -> int:
        return sum(MISSING_TAX_FORM in line.flags for line in self.lines)

    @property
    def missing_tax_id(self) -> int:
        return sum(MISSING_TAX_ID in line.flags for line in self.lines)

    @property
    def flagged(self) -> int:
        return sum(bool(line.flags) for line in self.lines)


def tax_year_summary(store: Store, year: int) -> TaxYearSummary:
    """Everyone paid in tax year ``year`` (the business profile's tax year that starts in
    that calendar year), with their totals and what their tax paperwork lacks.

    - Payments count by the day they were paid; demo and archived contractors are included
      and marked, so a writer may leave them out.
    - 1099-NEC: only USD payments count. Card and payment-platform payments are reported by
      the processor on 1099-K and are totalled apart; a payment with no method recorded is
      counted toward 1099-NEC, the safe side for the payer.
    - The threshold is the ``reporting_threshold`` row for jurisdiction "US", form
      "1099-NEC" covering ``year`` (the newest if several do); a total exactly at it counts.
    - Candidate: country US, W-9 on file and the 1099-NEC total reaches the threshold. A
      contractor outside the US never is; a US one over the threshold without a W-9 is not a
      candidate but is flagged and has ``reaches_threshold`` set, so the writer can say so.
    - Flags: "missing tax form" when a US contractor has no W-9, or anyone else has no form
      at all (W-8BEN, a W-9 from a US person abroad or another form such as W-8BEN-E all
      serve); "missing tax id" when none is recorded; "missing country" when the country is
      blank, since then nobody can tell which form applies.
    """
    first, last = business(store).tax_year(year)
    by_processor = func.lower(Payment.method).in_(REPORTED_BY_PROCESSOR)
    sums = (select(Payment.contractor_id, Payment.currency,
                   func.sum(Payment.amount_minor).label("total"),
                   func.sum(case((by_processor, Payment.amount_minor), else_=0))
                   .label("processor"))
            .where(Payment.paid_on >= first, Payment.paid_on <= last)
            .group_by(Payment.contractor_id, Payment.currency).subquery())
    query = (select(Contractor.id, Contractor.display_name, Contractor.legal_name,
                    Contractor.kind, Contractor.country, Contractor.tax_form,
                    Contractor.tax_form_on, Contractor.tax_id, Contractor.archived_at,
                    Contractor.is_demo, sums.c.currency, sums.c.total, sums.c.processor)
             .join(sums, sums.c.contractor_id == Contractor.id)
             .order_by(func.lower(Contractor.display_name), Contractor.id, sums.c.currency))
    with store.reading() as session:
        threshold = _threshold(session, year)
        rows = session.execute(query).all()

    grouped: dict[int, list[Row[Any]]] = {}
    for row in rows:
        grouped.setdefault(row.id, []).append(row)
    lines = tuple(_line(items, threshold) for items in grouped.values())
    totals: dict[str, int] = {}
    for line in lines:
        for currency, amount in line.totals.items():
            totals[currency] = totals.get(currency, 0) + amount
    return TaxYearSummary(year, first, last, threshold, lines, dict(sorted(totals.items())),
                          sum(line.nec_minor for line in lines),
                          sum(line.processor_minor for line in lines))


def _threshold(session: Session, year: int) -> Threshold | None:
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


def _line(items: list[Row[Any]], threshold: Threshold | None) -> TaxYearLine:
    head = items[0]
    totals = {r.currency: int(r.total) for r in items}
    usd = next((r for r in items if r.currency == USD), None)
    processor = int(usd.processor) if usd is not None else 0
    nec = totals.get(USD, 0) - processor
    country = (head.country or "").upper()
    form = TaxForm(head.tax_form)
    reaches = (threshold is not None and threshold.currency == USD
               and nec >= threshold.amount_minor)
    flags: list[str] = []
    if not country:
        flags.append(MISSING_COUNTRY)
    if (form is not TaxForm.W9) if country == US else (form is TaxForm.NONE):
        flags.append(MISSING_TAX_FORM)
    if not (head.tax_id or "").strip():
        flags.append(MISSING_TAX_ID)
    return TaxYearLine(
        contractor_id=head.id, name=head.display_name, legal_name=head.legal_name,
        kind=ContractorKind(head.kind), country=country, tax_form=form,
        tax_form_on=head.tax_form_on, has_tax_id=bool((head.tax_id or "").strip()),
        masked_tax_id=mask_tax_id(head.tax_id or ""), totals=totals, nec_minor=nec,
        processor_minor=processor, reaches_threshold=reaches,
        candidate=reaches and country == US and form is TaxForm.W9, flags=tuple(flags),
        archived=head.archived_at is not None, is_demo=bool(head.is_demo))
