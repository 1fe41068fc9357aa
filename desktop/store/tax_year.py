"""The year-end tax summary: who was paid in a tax year, under which tax form, and which US
contractors are 1099-NEC filing candidates. Plain objects for the report writers.

Totals are integer minor units per ISO 4217 currency, summed in SQL per contractor and
currency; currencies are never added together. The 1099-NEC part follows the calendar year
and the one rule in ``form_1099`` (the risk summary reads it too); its threshold is data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, func, select

from desktop.core.contractor import mask_tax_id
from desktop.core.enums import ContractorKind, TaxForm
from desktop.store.db import Store
from desktop.store.form_1099 import (
    US,
    NecTotals,
    Threshold,
    calendar_year,
    nec_totals,
    reaches,
    threshold_for,
)
from desktop.store.models import Contractor, Payment
from desktop.store.reporting import business

MISSING_TAX_FORM = "missing tax form"
MISSING_TAX_ID = "missing tax id"
MISSING_COUNTRY = "missing country"


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
    # In the calendar year the tax year starts in (1099-NEC's year):
    nec_minor: int  # USD paid other than by card or payment platform
    processor_minor: int  # USD paid by card or payment platform: the processor's 1099-K
    reaches_threshold: bool  # nec_minor reaches the year's 1099-NEC threshold
    candidate: bool  # in the US and reaches_threshold: a 1099-NEC is due, W-9 or not
    flags: tuple[str, ...]  # MISSING_TAX_FORM, MISSING_TAX_ID, MISSING_COUNTRY
    archived: bool
    is_demo: bool

    @property
    def tax_form_label(self) -> str:
        return self.tax_form.label

    @property
    def needs_w9(self) -> bool:
        """A candidate with no W-9 on file: request it; backup withholding may apply."""
        return self.candidate and self.tax_form is not TaxForm.W9


@dataclass(frozen=True)
class TaxYearSummary:
    year: int
    first: dt.date
    last: dt.date
    threshold: Threshold | None  # None when no row covers the year: nobody is a candidate
    lines: tuple[TaxYearLine, ...]  # by name
    totals: dict[str, int]  # all contractors, per currency
    nec_minor: int  # USD, all contractors, in the calendar year
    processor_minor: int  # USD, all contractors, in the calendar year
    nec_first: dt.date  # the calendar year 1099-NEC counts
    nec_last: dt.date

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
    - 1099-NEC follows calendar year ``year`` whatever the business's tax year (see
      ``form_1099``), so a contractor paid in it but outside the tax year is listed too.
    - Candidate: country US and the 1099-NEC total reaches the threshold. One without a W-9
      on file is still a candidate (``needs_w9``): the form is due, the W-9 must be asked for.
      A contractor outside the US never is.
    - Flags: "missing tax form" when a US contractor has no W-9, or anyone else has no form
      at all (W-8BEN, a W-9 from a US person abroad or another form such as W-8BEN-E all
      serve); "missing tax id" when none is recorded; "missing country" when the country is
      blank, since then nobody can tell which form applies.
    """
    first, last = business(store).tax_year(year)
    nec_first, nec_last = calendar_year(year)
    sums = (select(Payment.contractor_id, Payment.currency,
                   func.sum(Payment.amount_minor).label("total"))
            .where(Payment.paid_on >= first, Payment.paid_on <= last)
            .group_by(Payment.contractor_id, Payment.currency))
    with store.reading() as session:
        threshold = threshold_for(session, year)
        paid: dict[int, dict[str, int]] = {}
        for who, currency, total in session.execute(sums):
            paid.setdefault(who, {})[currency] = int(total)
        nec = nec_totals(session, nec_first, nec_last)
        people = session.execute(
            select(Contractor.id, Contractor.display_name, Contractor.legal_name,
                   Contractor.kind, Contractor.country, Contractor.tax_form,
                   Contractor.tax_form_on, Contractor.tax_id, Contractor.archived_at,
                   Contractor.is_demo)
            .where(Contractor.id.in_(set(paid) | set(nec)))
            .order_by(func.lower(Contractor.display_name), Contractor.id)).all()

    lines = tuple(_line(row, dict(sorted(paid.get(row.id, {}).items())),
                        nec.get(row.id, NecTotals()), threshold) for row in people)
    totals: dict[str, int] = {}
    for line in lines:
        for currency, amount in line.totals.items():
            totals[currency] = totals.get(currency, 0) + amount
    return TaxYearSummary(year, first, last, threshold, lines, dict(sorted(totals.items())),
                          sum(line.nec_minor for line in lines),
                          sum(line.processor_minor for line in lines), nec_first, nec_last)


def _line(head: Row[Any], totals: dict[str, int], nec: NecTotals,
          threshold: Threshold | None) -> TaxYearLine:
    country = (head.country or "").upper()
    form = TaxForm(head.tax_form)
    reached = reaches(nec.nec_minor, threshold)
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
        masked_tax_id=mask_tax_id(head.tax_id or ""), totals=totals, nec_minor=nec.nec_minor,
        processor_minor=nec.processor_minor, reaches_threshold=reached,
        candidate=reached and country == US, flags=tuple(flags),
        archived=head.archived_at is not None, is_demo=bool(head.is_demo))
