"""Statutory payment and written-contract rules, applied from data (never from literals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.money import format_money


@dataclass(frozen=True)
class PaymentRule:
    country: str  # ISO alpha-2, or a group's name ("EU") whose countries are in applies_in
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
    applies_in: tuple[str, ...] = ()  # ISO codes; empty: the rule's own country
    cities: tuple[str, ...] = ()  # names the city goes by; empty: the whole country or region
    aggregation_window: str = ""  # DAYS (aggregation_days), CALENDAR_YEAR, or "" (alone)
    interest_reference: str = ""  # the reference_rate series late-payment interest starts from
    interest_margin_bp: int | None = None  # points over it, in basis points (800 = 8 %)
    # Fixed sums per late payment by the debt's size: ((from_minor, sum_minor), …) ascending.
    compensation: tuple[tuple[int, int], ...] = ()

    def applies_to(self, country: str, region: str, city: str) -> bool:
        here = country.upper() == self.country or country.upper() in self.applies_in
        if not here or (self.region and self.region != region.upper()):
            return False
        return not self.cities or city_key(city) in {city_key(c) for c in self.cities}


CAP, AGREED = "cap", "agreed"
DAYS, CALENDAR_YEAR = "days", "calendar_year"
WINDOWS = {DAYS: "over a number of days", CALENDAR_YEAR: "in a calendar year"}


def city_key(name: str) -> str:
    """How city names compare: case and spacing aside ("new  york" is "New York")."""
    return " ".join(name.casefold().split())


def window_key(rule: PaymentRule) -> str | None:
    """Which sum of contracts a rule's written-contract amount is compared with: "days:120",
    "calendar_year", or None when each contract counts alone."""
    if rule.aggregation_window == DAYS and rule.aggregation_days is not None:
        return f"{DAYS}:{rule.aggregation_days}"
    return CALENDAR_YEAR if rule.aggregation_window == CALENDAR_YEAR else None


def window_start(key: str, start: dt.date) -> dt.date:
    """The first start date that counts with a contract starting on ``start``."""
    if key == CALENDAR_YEAR:
        return dt.date(start.year, 1, 1)
    return start - dt.timedelta(days=int(key.split(":")[1]))


def window_text(rule: PaymentRule) -> str:
    key = window_key(rule)
    if key is None:
        return ""
    return "in a calendar year" if key == CALENDAR_YEAR else f"over {rule.aggregation_days} days"


def place_text(rule: PaymentRule) -> str:
    """Where a rule applies, in words: "Los Angeles, CA, US", "EU (30 countries)"."""
    if rule.cities:
        return ", ".join(x for x in (rule.cities[0], rule.region, rule.country) if x)
    if rule.applies_in:
        return f"{rule.country} ({len(rule.applies_in)} countries)"
    return f"{rule.region}, {rule.country}" if rule.region else rule.country
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
              on: dt.date | None = None, city: str = "") -> list[PaymentRule]:
    """The rules that govern a place on a date: country- or group-wide, regional, city."""
    return [rule for rule in rules if rule.applies_to(country, region, city)
            and not (on and rule.effective_from and on < rule.effective_from)]


def term_warnings(rules: Iterable[PaymentRule], country: str, region: str,
                  payment_terms_days: int | None, on: dt.date | None = None, city: str = "",
                  agreed_because: str = "") -> list[str]:
    """Say which rule an engagement's payment terms go beyond, and what it allows."""
    if payment_terms_days is None:
        return []
    warnings = []
    for rule in rules_for(rules, country, region, on, city):
        if rule.max_payment_days is not None and payment_terms_days > rule.max_payment_days:
            if rule.max_kind == CAP:
                warnings.append(
                    f"Net {payment_terms_days} days is beyond the {rule.max_payment_days}-day "
                    f"maximum of the {rule.name}, which no agreement can lengthen "
                    f"({rule.source}).")
            elif agreed_because.strip():
                warnings.append(
                    f"Net {payment_terms_days} days is beyond the {rule.max_payment_days} days "
                    f"the {rule.name} allows unless expressly agreed; recorded as agreed: "
                    f"“{agreed_because.strip()}” ({rule.source}).")
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


def blocks(rule: PaymentRule, payment_terms_days: int | None, agreed_because: str = "") -> bool:
    """Whether terms go beyond what the rule allows: past a cap, or past an "only if expressly
    agreed" limit with no recorded reason for the agreement."""
    return (payment_terms_days is not None and rule.max_payment_days is not None
            and payment_terms_days > rule.max_payment_days
            and (rule.max_kind == CAP or not agreed_because.strip()))


def past_agreed_limit(rules: Iterable[PaymentRule], payment_terms_days: int | None) -> bool:
    """Whether the terms pass a limit that express agreement may lengthen (so the reason for
    that agreement is worth asking for)."""
    return payment_terms_days is not None and any(
        rule.max_kind == AGREED and rule.max_payment_days is not None
        and payment_terms_days > rule.max_payment_days for rule in rules)


def past_maximum(rules: Iterable[PaymentRule], payment_terms_days: int | None,
                 agreed_because: str = "") -> bool:
    """Whether the terms go beyond a rule's longest terms (not merely past a fallback)."""
    return any(blocks(rule, payment_terms_days, agreed_because) for rule in rules)


def written_contract_rule(rules: Iterable[PaymentRule], country: str, region: str,
                          value_minor: int | None, currency: str,
                          on: dt.date | None = None, city: str = "") -> str | None:
    """A sentence when the value (alone) reaches a rule's written-contract amount."""
    if value_minor is None:
        return None
    for rule in rules_for(rules, country, region, on, city):
        threshold = rule.written_contract_from_minor
        if threshold is not None and rule.currency == currency.upper() and value_minor >= threshold:
            window = window_text(rule)
            days = f", or when contracts {window} add up to it" if window else ""
            return (f"The {rule.name} requires a written contract from "
                    f"{format_money(threshold, rule.currency)}{days} ({rule.source}).")
    return None
