"""Report data as CSV for the accountant's spreadsheet: the same rows as the PDF reports, with
amounts as plain decimal numbers (so they add up in the sheet) and text made formula-safe."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO

from desktop.core.money import minor_digits
from desktop.io.export import write_csv
from desktop.store.db import Store
from desktop.store.payment_lines import payment_lines

PAYMENT_HEADER = ("Date", "Contractor", "Engagement", "Invoice number", "Reference", "Method",
                  "Amount", "Currency", "Due on", "Paid late", "Days late")


def write_payments_csv(store: Store, out: IO[str], first: dt.date, last: dt.date, *,
                       contractor_id: int | None = None, currency: str | None = None,
                       tag: str | None = None) -> int:
    """Every payment of the payments report (same period and filters), one row each, in date
    order; returns the number of rows written. Dates are ISO 8601, amounts are in major units
    with the currency's digits ("1250.00", "125000" for yen)."""
    written = 0

    def rows():  # type: ignore[no-untyped-def]
        nonlocal written
        for line in payment_lines(store, first, last, contractor_id=contractor_id,
                                  currency=currency, tag=tag):
            written += 1
            yield (line.paid_on.isoformat(), line.contractor_name, line.engagement_title,
                   line.invoice_number, line.reference, line.method,
                   Decimal(line.amount_minor).scaleb(-minor_digits(line.currency)),
                   line.currency, line.due_on.isoformat() if line.due_on else "",
                   "" if line.days_late is None else ("yes" if line.days_late else "no"),
                   line.days_late if line.days_late is not None else "")

    write_csv(out, PAYMENT_HEADER, rows())
    return written
