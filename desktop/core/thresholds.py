"""Tax reporting thresholds (such as the US 1099-NEC's) as the owner keeps them: a figure for
a range of tax years, with the law it rests on and the day it was last checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.dates import parse_date
from desktop.core.money import parse_amount
from desktop.core.reference import is_country, is_currency
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

FIRST_YEAR, LAST_YEAR = 1990, 2200

LABELS = {"jurisdiction": "Country", "form": "Form", "tax_year_from": "From tax year",
          "tax_year_to": "To tax year", "amount": "Threshold", "currency": "Currency",
          "source": "Source", "checked_on": "Checked on"}


@dataclass(frozen=True)
class ThresholdData:
    jurisdiction: str  # ISO 3166-1 alpha-2
    form: str  # "1099-NEC"
    tax_year_from: int
    tax_year_to: int | None  # None: until a later row says otherwise
    amount_minor: int
    currency: str
    source: str
    checked_on: dt.date

    def covers(self, year: int) -> bool:
        return self.tax_year_from <= year and (self.tax_year_to is None or year <= self.tax_year_to)

    def years(self) -> str:
        if self.tax_year_to is None:
            return f"{self.tax_year_from} on"
        if self.tax_year_to == self.tax_year_from:
            return str(self.tax_year_from)
        return f"{self.tax_year_from}–{self.tax_year_to}"


def validate_threshold(raw: dict[str, object], today: dt.date) -> ThresholdData:
    """A threshold as typed in settings or on the command line: each problem named."""
    raw, errors = screen(raw)

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    jurisdiction, currency = text("jurisdiction").upper(), text("currency").upper()
    if not is_country(jurisdiction):
        errors.append(FieldError("jurisdiction", "is required" if not jurisdiction else
                                 f"“{jurisdiction}” is not an ISO 3166-1 alpha-2 code"))
    if not text("form"):
        errors.append(FieldError("form", "is required, e.g. 1099-NEC"))
    years: dict[str, int | None] = {}
    for name in ("tax_year_from", "tax_year_to"):
        value = text(name)
        years[name] = None
        if not value:
            if name == "tax_year_from":
                errors.append(FieldError(name, "is required"))
        elif not value.isdigit() or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            errors.append(FieldError(name, f"must be a year from {FIRST_YEAR} to {LAST_YEAR}"))
        else:
            years[name] = int(value)
    first, last = years["tax_year_from"], years["tax_year_to"]
    if first is not None and last is not None and last < first:
        errors.append(FieldError("tax_year_to", f"is before {first}"))
    amount = None
    if not is_currency(currency):
        errors.append(FieldError("currency", "is required" if not currency else
                                 f"“{currency}” is not an ISO 4217 currency code"))
    elif not text("amount"):
        errors.append(FieldError("amount", "is required"))
    else:
        try:
            amount = parse_amount(text("amount"), currency)
        except ValueError as exc:
            errors.append(FieldError("amount", str(exc)))
        else:
            if amount <= 0:
                errors.append(FieldError("amount", "must be more than zero"))
    if not text("source"):
        errors.append(FieldError("source", "is required: say which law or document it rests on"))
    checked = None
    try:
        checked = parse_date(text("checked_on"))
    except ValueError as exc:
        errors.append(FieldError("checked_on", str(exc)))
    else:
        if checked is None:
            errors.append(FieldError("checked_on", "is required: when was the source last read?"))
        elif checked > today:
            errors.append(FieldError("checked_on", "cannot be in the future"))
    if errors:
        raise ValidationError(errors)
    assert first is not None and amount is not None and checked is not None
    return ThresholdData(jurisdiction, text("form").upper(), first, last, amount, currency,
                         text("source"), checked)
