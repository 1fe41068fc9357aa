"""The roster and the payments as CSV: a header row, one row per record, safe to open.

The contractor columns are Crewbook's own layout, so an export imports back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import IO

from desktop.core.contractor import ContractorData
from desktop.core.money import to_major_text
from desktop.io.export import write_csv
from desktop.store.exports import ContractorExport, PaymentExport

CONTRACTOR_FIELDS = ("display_name", "legal_name", "kind", "company", "email", "phone", "website",
                     "address", "country", "timezone", "tax_id", "tax_form", "tax_form_on", "rate",
                     "rate_unit", "currency", "tags", "preferred_channel", "status", "source",
                     "identity_verified_on", "notes")
# The same words in every language: the import knows an export by them (desktop.io.layouts).
CONTRACTOR_HEADER = ("Display name", "Legal name", "Kind", "Company", "Email", "Phone", "Website",
                     "Address", "Country", "Time zone", "Tax ID", "Tax form",
                     "Tax form received", "Default rate", "Rate unit", "Currency",
                     "Skills / tags", "Preferred channel", "Status", "Source",
                     "Identity verified on", "Notes", "Archived on")
PAYMENT_HEADER = ("Paid on", "Contractor", "Contractor email", "Engagement", "Amount", "Currency",
                  "Method", "Reference", "Invoice number", "Notes")


def contractor_cells(data: ContractorData, archived_on: dt.date | None) -> list[object]:
    raw = data.to_raw()
    cells: list[object] = [", ".join(v) if isinstance(v := raw[name], list) else v
                           for name in CONTRACTOR_FIELDS]
    if data.rate_minor is not None:  # a number, so it is written as one
        cells[CONTRACTOR_FIELDS.index("rate")] = Decimal(str(raw["rate"]))
    cells.append("" if archived_on is None else archived_on.isoformat())
    return cells


def write_contractors(out: IO[str], rows: Iterable[ContractorExport]) -> None:
    write_csv(out, CONTRACTOR_HEADER, (contractor_cells(r.data, r.archived_on) for r in rows))


def write_payments(out: IO[str], rows: Iterable[PaymentExport]) -> None:
    write_csv(out, PAYMENT_HEADER, ([
        p.paid_on.isoformat(), p.contractor, p.contractor_email, p.engagement,
        Decimal(to_major_text(p.amount_minor, p.currency)), p.currency, p.method, p.reference,
        p.invoice_number, p.notes] for p in rows))
