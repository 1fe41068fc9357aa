"""The owner's business as Crewbook works from it: the name on reports, where it is, the
currency and locale figures are kept and written in, where its tax year starts, its annual
revenue (what financial impact is measured against) and the value from which contracts need
to be written where no jurisdiction rule says."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.i18n import _
from desktop.core.money import parse_amount
from desktop.core.reference import is_country, is_currency
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

LABELS = {"name": _("Business name"), "country": _("Country"), "region": _("Region"),
          "base_currency": _("Base currency"), "locale": _("Locale"),
          "tax_year_start": _("Tax year starts"), "annual_revenue": _("Annual revenue"),
          "written_contract_from": _("Written contract from")}


@dataclass(frozen=True)
class ProfileData:
    name: str = ""
    country: str = ""
    region: str = ""
    base_currency: str = "USD"
    locale: str = ""  # "" follows the system's (desktop.core.formats.resolve_locale)
    tax_year_start_month: int = 1
    tax_year_start_day: int = 1
    annual_revenue_minor: int | None = None  # in base_currency; None: not set
    written_contract_from_minor: int | None = None  # in base_currency

    def to_raw(self) -> dict[str, str]:
        from desktop.core.money import to_major_text

        def money(value: int | None) -> str:
            return "" if value is None else to_major_text(value, self.base_currency)

        return {"name": self.name, "country": self.country, "region": self.region,
                "base_currency": self.base_currency, "locale": self.locale,
                "tax_year_start": f"{self.tax_year_start_month:02d}-{self.tax_year_start_day:02d}",
                "annual_revenue": money(self.annual_revenue_minor),
                "written_contract_from": money(self.written_contract_from_minor)}


def validate_profile(raw: dict[str, object], _today: dt.date | None = None) -> ProfileData:
    from babel import Locale, UnknownLocaleError

    raw, errors = screen(raw)

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    country, currency = text("country").upper(), text("base_currency").upper()
    if country and not is_country(country):
        errors.append(FieldError("country", _("“{code}” is not an ISO 3166-1 alpha-2 code").format(
            code=country)))
    if not is_currency(currency):
        errors.append(FieldError("base_currency", _("is required") if not currency else
                                 _("“{code}” is not an ISO 4217 currency code").format(
                                     code=currency)))
    locale = text("locale").replace("-", "_")
    try:
        if locale:
            locale = str(Locale.parse(locale))
    except (ValueError, UnknownLocaleError):
        errors.append(FieldError("locale", _("“{locale}” is not a locale such as en_US or "
                                             "de_DE").format(locale=locale)))
    month = day = 1
    start = text("tax_year_start") or "01-01"
    try:
        month, day = (int(part) for part in start.split("-"))
        dt.date(2001, month, day)  # a day every year has (never 29 February)
    except ValueError:
        errors.append(FieldError("tax_year_start", _("“{text}” is not a month and day such as "
                                                     "01-01 or 04-06").format(text=start)))
    amounts: dict[str, int | None] = {}
    for name in ("annual_revenue", "written_contract_from"):
        amounts[name] = None
        if text(name) and is_currency(currency):
            try:
                amounts[name] = parse_amount(text(name), currency)
            except ValueError as exc:
                errors.append(FieldError(name, str(exc)))
            else:
                if amounts[name] is not None and amounts[name] <= 0:  # type: ignore[operator]
                    errors.append(FieldError(name, _("must be more than zero (or left blank)")))
    if errors:
        raise ValidationError(errors)
    return ProfileData(text("name"), country, text("region").upper(), currency,
                       locale, month, day, amounts["annual_revenue"],
                       amounts["written_contract_from"])
