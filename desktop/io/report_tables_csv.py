"""The contractor statement, the outstanding-and-overdue report and the year-end tax summary as
CSV for the accountant's spreadsheet: the rows of the PDF reports, with amounts as plain
decimal numbers in the currency's digits (so they add up in the sheet), dates in ISO 8601 and
text made formula-safe by ``write_csv``. Totals are left to the spreadsheet: a totals row
would be counted twice by anyone summing a column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import IO

from desktop.core.enums import InstallmentStatus, TaxForm
from desktop.core.money import minor_digits
from desktop.io.export import write_csv
from desktop.store.db import Store
from desktop.store.form_1099 import USD
from desktop.store.statements import AGEING_LABELS, outstanding, statement
from desktop.store.tax_year import tax_year_summary

__all__ = ["OUTSTANDING_HEADER", "STATEMENT_HEADER", "TAX_YEAR_HEADER", "write_outstanding_csv",
           "write_statement_csv", "write_tax_year_csv"]

STATEMENT_HEADER = ("Row", "Contractor", "Engagement", "Installment", "Due on", "Paid on",
                    "Amount", "Paid", "Outstanding", "Currency", "Status", "Days late",
                    "Method", "Invoice number", "Reference")
OUTSTANDING_HEADER = ("As of", "Contractor", "Company", "Email", "Demo", "Engagement",
                      "Engagement status", "Installment", "Due on", "Days late", "Ageing",
                      "Amount", "Paid", "Outstanding", "Currency")
TAX_YEAR_HEADER = ("Tax year", "Contractor", "Legal name", "Kind", "Country", "Tax form",
                   "Tax form received", "Tax id", "Currency", "Paid", "1099-NEC USD",
                   "1099-K USD", "Reaches 1099-NEC threshold", "Filing candidate", "Flags",
                   "Archived", "Demo")


def _major(minor: int, currency: str) -> Decimal:
    """Minor units as a Decimal in major units with the currency's digits: 1250.00, 125000."""
    digits = minor_digits(currency)
    return Decimal(minor).scaleb(-digits).quantize(Decimal(1).scaleb(-digits))


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _counted(out: IO[str], header: Sequence[str], rows: Iterator[Sequence[object]]) -> int:
    written = 0

    def counting() -> Iterator[Sequence[object]]:
        nonlocal written
        for row in rows:
            written += 1
            yield row

    write_csv(out, header, counting())
    return written


def write_statement_csv(store: Store, out: IO[str], contractor_id: int, first: dt.date,
                        last: dt.date, *, today: dt.date | None = None) -> int:
    """The statement's rows: each installment due in the period ("installment", under its
    engagement, as of the statement's date), then each payment made in it ("payment"); returns
    the number of rows written. "Paid on" is the day an installment was fully paid, or the
    payment's date. Days late is blank for an installment not yet due."""
    data = statement(store, contractor_id, first, last, today or dt.date.today())
    name = data.contractor.name

    def rows() -> Iterator[Sequence[object]]:
        for engagement in data.engagements:
            for i in engagement.installments:
                not_due = i.settled_on is None and i.due_on > data.as_of
                status = "not yet due" if i.status is InstallmentStatus.PLANNED \
                    else i.status.value
                yield ("installment", name, engagement.title, i.label, _iso(i.due_on),
                       _iso(i.settled_on), _major(i.amount_minor, i.currency),
                       _major(i.paid_minor, i.currency), _major(i.outstanding_minor, i.currency),
                       i.currency, status, "" if not_due else i.days_late, "", "", "")
        for p in data.payments:
            yield ("payment", name, p.engagement_title, p.installment_label, "",
                   _iso(p.paid_on), _major(p.amount_minor, p.currency), "", "", p.currency,
                   "", "", p.method, p.invoice_number, p.reference)

    return _counted(out, STATEMENT_HEADER, rows())


def write_outstanding_csv(store: Store, out: IO[str], as_of: dt.date) -> int:
    """Every installment still unpaid on ``as_of`` (due by then), one row each, in the PDF's
    order: contractors waiting longest first, then by name; returns the number of rows."""
    data = outstanding(store, as_of)
    # The PDF's order (desktop.reports.outstanding_report.by_most_overdue; io may not import
    # reports): the longest overdue first, ties in the store's order, by name.
    groups = sorted(data.contractors, key=lambda c: -c.most_days_late)

    def rows() -> Iterator[Sequence[object]]:
        for c in groups:
            for r in c.rows:
                yield (_iso(as_of), c.name, c.company, c.email, _yes(c.is_demo),
                       r.engagement_title, r.engagement_status.value, r.label, _iso(r.due_on),
                       r.days_late, AGEING_LABELS[r.bucket], _major(r.amount_minor, r.currency),
                       _major(r.paid_minor, r.currency), _major(r.outstanding_minor, r.currency),
                       r.currency)

    return _counted(out, OUTSTANDING_HEADER, rows())


def write_tax_year_csv(store: Store, out: IO[str], year: int) -> int:
    """One row per contractor and currency paid in tax year ``year``, by name; the 1099-NEC
    and 1099-K (card and platform) USD totals are on the contractor's USD row only, so the
    columns add up. Tax ids are masked, "missing" when none is recorded. Returns the number of
    rows written."""
    data = tax_year_summary(store, year)

    def rows() -> Iterator[Sequence[object]]:
        for line in data.lines:
            tax_id = line.masked_tax_id if line.has_tax_id else "missing"
            for code, total in line.totals.items():
                usd = code == USD
                yield (year, line.name, line.legal_name, line.kind.value, line.country,
                       "" if line.tax_form is TaxForm.NONE else line.tax_form_label,
                       _iso(line.tax_form_on), tax_id, code, _major(total, code),
                       _major(line.nec_minor, USD) if usd else "",
                       _major(line.processor_minor, USD) if usd else "",
                       _yes(line.reaches_threshold), _yes(line.candidate),
                       "; ".join(line.flags), _yes(line.archived), _yes(line.is_demo))

    return _counted(out, TAX_YEAR_HEADER, rows())
