"""Statutory payment and written-contract rules, applied from data (never from literals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.money import format_money

# Member states of the European Union (ISO 3166-1 alpha-2), for rules stored under "EU".
EU_MEMBERS = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"})


@dataclass(frozen=True)
class PaymentRule:
    country: str  # ISO alpha-2, or "EU" for every member state
    region: str  # "" for the whole country
    name: str
    written_contract_from_minor: int | None
    currency: str
    aggregation_days: int | None
    default_payment_days: int | None
    max_payment_days: int | None
    effective_from: dt.date | None
    source: str
    checked_on: dt.date
    # What max_payment_days means: CAP, never longer; AGREED, longer only if expressly agreed
    # (and not grossly unfair). default_payment_days is the fallback when no date is agreed.
    max_kind: str = ""


CAP, AGREED = "cap", "agreed"
MAX_KINDS = {CAP: "a maximum", AGREED: "longer only if expressly agreed"}


def limit_text(rule: PaymentRule) -> str | None:
    """What the rule allows, in words: "at most 30 days", "60 days, longer only if expressly
    agreed", "30 days when no date is agreed", or None when it sets no days."""
    if rule.max_payment_days is not None:
        if rule.max_kind == CAP:
            return f"at most {rule.max_payment_days} days"
        return f"{rule.max_payment_days} days, longer only if expressly agreed"
    if rule.default_payment_days is not None:
        return f"{rule.default_payment_days} days when no date is agreed"
    return None


def rules_for(rules: Iterable[PaymentRule], country: str, region: str,
              on: dt.date | None = None) -> list[PaymentRule]:
    """The rules that govern a jurisdiction on a date: country-wide, regional, and EU-wide."""
    country, region = country.upper(), region.upper()
    found = []
    for rule in rules:
        place = rule.country == country or (rule.country == "EU" and country in EU_MEMBERS)
        if not place or (rule.region and rule.region != region):
            continue
        if on and rule.effective_from and on < rule.effective_from:
            continue
        found.append(rule)
    return found


def term_warnings(rules: Iterable[PaymentRule], country: str, region: str,
                  payment_terms_days: int | None, on: dt.date | None = None) -> list[str]:
    """Say which rule an engagement's payment terms go beyond, and what it allows."""
    if payment_terms_days is None:
        return []
    warnings = []
    for rule in rules_for(rules, country, region, on):
        if rule.max_payment_days is not None and payment_terms_days > rule.max_payment_days:
            if rule.max_kind == CAP:
                warnings.append(
                    f"Net {payment_terms_days} days is beyond the {rule.max_payment_days}-day "
                    f"maximum of the {rule.name}, which no agreement can lengthen "
                    f"({rule.source}).")
            else:
                warnings.append(
                    f"Net {payment_terms_days} days is beyond the {rule.max_payment_days} days "
                    f"the {rule.name} allows unless expressly agreed and not grossly unfair "
                    f"({rule.source}).")
        elif (rule.max_payment_days is None and rule.default_payment_days is not None
              and payment_terms_days > rule.default_payment_days):
            warnings.append(
                f"Net {payment_terms_days} days is longer than the {rule.default_payment_days} "
                f"days the {rule.name} sets when no date is agreed; agree the date in writing "
                f"({rule.source}).")
    return warnings


def past_maximum(rules: Iterable[PaymentRule], payment_terms_days: int | None) -> bool:
    """Whether the terms go beyond a rule's longest terms (not merely past a fallback)."""
    return payment_terms_days is not None and any(
        rule.max_payment_days is not None and payment_terms_days > rule.max_payment_days
        for rule in rules)


def written_contract_rule(rules: Iterable[PaymentRule], country: str, region: str,
                          value_minor: int | None, currency: str,
                          on: dt.date | None = None) -> str | None:
    """A sentence when the value (alone) reaches a rule's written-contract amount."""
    if value_minor is None:
        return None
    for rule in rules_for(rules, country, region, on):
        threshold = rule.written_contract_from_minor
        if threshold is not None and rule.currency == currency.upper() and value_minor >= threshold:
            days = (f", or when contracts over {rule.aggregation_days} days add up to it"
                    if rule.aggregation_days else "")
            return (f"The {rule.name} requires a written contract from "
                    f"{format_money(threshold, rule.currency)}{days} ({rule.source}).")
    return None


RULE_LABELS = {
    "country": "Country", "region": "Region", "name": "Rule", "written_contract_from": "Written contract from",
    "currency": "Currency", "aggregation_days": "Summed over (days)",
    "default_payment_days": "Pay within (days) by default", "max_payment_days": "Longest terms (days)",
    "effective_from": "In force from", "source": "Source", "checked_on": "Checked on",
    "max_kind": "Longest terms are",
}


def validate_rule(raw: dict[str, object], today: dt.date) -> PaymentRule:
    """A rule as typed in settings: every field checked, each problem named."""
    from desktop.core.dates import parse_date
    from desktop.core.money import parse_amount
    from desktop.core.reference import is_country, is_currency
    from desktop.core.text import screen
    from desktop.core.validation import FieldError, ValidationError

    raw, errors = screen(raw)

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    country, region, currency = text("country").upper(), text("region").upper(), text("currency").upper()
    if not country:
        errors.append(FieldError("country", "is required"))
    elif country != "EU" and not is_country(country):
        errors.append(FieldError("country", f"“{country}” is not an ISO 3166-1 alpha-2 code or EU"))
    if not text("name"):
        errors.append(FieldError("name", "is required"))
    if not text("source"):
        errors.append(FieldError("source", "is required: say which law or document it rests on"))
    threshold = None
    if text("written_contract_from"):
        if not is_currency(currency):
            errors.append(FieldError("currency", "is needed with a written-contract amount"))
        else:
            try:
                threshold = parse_amount(text("written_contract_from"), currency)
            except ValueError as exc:
                errors.append(FieldError("written_contract_from", str(exc)))
    days: dict[str, int | None] = {}
    for name in ("aggregation_days", "default_payment_days", "max_payment_days"):
        value = text(name)
        days[name] = None
        if value:
            if not value.isdigit() or not 0 <= int(value) <= 3650:
                errors.append(FieldError(name, "must be a whole number of days from 0 to 3650"))
            else:
                days[name] = int(value)
    dates: dict[str, dt.date | None] = {}
    for name in ("effective_from", "checked_on"):
        try:
            dates[name] = parse_date(text(name))
        except ValueError as exc:
            errors.append(FieldError(name, str(exc)))
    if not dates.get("checked_on") and "checked_on" not in {e.field for e in errors}:
        errors.append(FieldError("checked_on", "is required: when was the source last read?"))
    elif dates.get("checked_on") and dates["checked_on"] > today:  # type: ignore[operator]
        errors.append(FieldError("checked_on", "cannot be in the future"))
    kind = text("max_kind").lower()
    if kind and kind not in MAX_KINDS:
        errors.append(FieldError("max_kind", "must be “cap” (never longer) or “agreed” (longer "
                                             "only if expressly agreed)"))
    elif days.get("max_payment_days") is not None and not kind:
        errors.append(FieldError("max_kind", "is required with longest terms: “cap” or "
                                             "“agreed”"))
    elif days.get("max_payment_days") is None and kind:
        kind = ""  # nothing to qualify
    if errors:
        raise ValidationError(errors)
    return PaymentRule(country, region, text("name"), threshold, currency if threshold else "",
                       days["aggregation_days"], days["default_payment_days"],
                       days["max_payment_days"], dates["effective_from"], text("source"),
                       dates["checked_on"], kind)  # type: ignore[arg-type]
