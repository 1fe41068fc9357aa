"""Tax reporting thresholds (such as the US 1099-NEC's) as the owner keeps them: a figure for
a range of tax years, with the law it rests on and the day it was last checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.dates import parse_date
from desktop.core.i18n import _
from desktop.core.money import parse_amount
from desktop.core.reference import is_country, is_currency
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

FIRST_YEAR, LAST_YEAR = 1990, 2200

LABELS = {"jurisdiction": _("Country"), "form": _("Form"), "tax_year_from": _("From tax year"),
          "tax_year_to": _("To tax year"), "amount": _("Threshold"), "currency": _("Currency"),
          "source": _("Source"), "checked_on": _("Checked on")}


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
            return _("{year} on").format(year=self.tax_year_from)
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
        errors.append(FieldError("jurisdiction", _("is required") if not jurisdiction else
                                 _("“{code}” is not an ISO 3166-1 alpha-2 code").format(
                                     code=jurisdiction)))
    if not text("form"):
        errors.append(FieldError("form", _("is required, e.g. 1099-NEC")))
    years: dict[str, int | None] = {}
    for name in ("tax_year_from", "tax_year_to"):
        value = text(name)
        years[name] = None
        if not value:
            if name == "tax_year_from":
                errors.append(FieldError(name, _("is required")))
        elif not value.isdigit() or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            errors.append(FieldError(name, _("must be a year from {first} to {last}").format(
                first=FIRST_YEAR, last=LAST_YEAR)))
        else:
            years[name] = int(value)
    first, last = years["tax_year_from"], years["tax_year_to"]
    if first is not None and last is not None and last < first:
        errors.append(FieldError("tax_year_to", _("is before {year}").format(year=first)))
    amount = None
    if not is_currency(currency):
        errors.append(FieldError("currency", _("is required") if not currency else
                                 _("“{code}” is not an ISO 4217 currency code").format(
                                     code=currency)))
    elif not text("amount"):
        errors.append(FieldError("amount", _("is required")))
    else:
        try:
            amount = parse_amount(text("amount"), currency)
        except ValueError as exc:
            errors.append(FieldError("amount", str(exc)))
        else:
            if amount <= 0:
                errors.append(FieldError("amount", _("must be more than zero")))
    if not text("source"):
        errors.append(FieldError("source", _("is required: say which law or document it rests on")))
    checked = None
    try:
        checked = parse_date(text("checked_on"))
    except ValueError as exc:
        errors.append(FieldError("checked_on", str(exc)))
    else:
        if checked is None:
            errors.append(FieldError("checked_on",
                                     _("is required: when was the source last read?")))
        elif checked > today:
            errors.append(FieldError("checked_on", _("cannot be in the future")))
    if errors:
        raise ValidationError(errors)
    assert first is not None and amount is not None and checked is not None
    return ThresholdData(jurisdiction, text("form").upper(), first, last, amount, currency,
                         text("source"), checked)
