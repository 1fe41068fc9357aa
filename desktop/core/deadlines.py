"""Statutory payment and written-contract rules, applied from data (never from literals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.i18n import _, ngettext
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

    def in_force(self, on: dt.date) -> bool:
        return not (self.effective_from and on < self.effective_from)


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
    if key == CALENDAR_YEAR:
        return _("in a calendar year")
    days = rule.aggregation_days or 0
    return ngettext("over {n} day", "over {n} days", days).format(n=days)


def place_text(rule: PaymentRule) -> str:
    """Where a rule applies, in words: "Los Angeles, CA, US", "EU (30 countries)"."""
    if rule.cities:
        return ", ".join(x for x in (rule.cities[0], rule.region, rule.country) if x)
    if rule.applies_in:
        count = len(rule.applies_in)
        return ngettext("{group} ({n} country)", "{group} ({n} countries)", count).format(
            group=rule.country, n=count)
    return f"{rule.region}, {rule.country}" if rule.region else rule.country
MAX_KINDS = {CAP: "a maximum", AGREED: "longer only if expressly agreed"}


def limit_text(rule: PaymentRule) -> str | None:
    """What the rule allows, in words: "at most 30 days", "60 days, longer only if expressly
    agreed", "30 days when no date is agreed", or None when it sets no days."""
    if rule.max_payment_days is not None:
        days = rule.max_payment_days
        if rule.max_kind == CAP:
            return ngettext("at most {n} day", "at most {n} days", days).format(n=days)
        return ngettext("{n} day, longer only if expressly agreed",
                        "{n} days, longer only if expressly agreed", days).format(n=days)
    if rule.default_payment_days is not None:
        days = rule.default_payment_days
        return ngettext("{n} day when no date is agreed", "{n} days when no date is agreed",
                        days).format(n=days)
    return None


def rules_for(rules: Iterable[PaymentRule], country: str, region: str,
              on: dt.date | None = None, city: str = "") -> list[PaymentRule]:
    """The rules that govern a place on a date: country- or group-wide, regional, city."""
    return [rule for rule in rules if rule.applies_to(country, region, city)
            and (on is None or rule.in_force(on))]


def term_warnings(rules: Iterable[PaymentRule], country: str, region: str,
                  payment_terms_days: int | None, on: dt.date | None = None, city: str = "",
                  agreed_because: str = "") -> list[str]:
    """Say which rule an engagement's payment terms go beyond, and what it allows."""
    if payment_terms_days is None:
        return []
    warnings = []
    n = payment_terms_days
    for rule in rules_for(rules, country, region, on, city):
        facts = {"n": n, "rule": rule.name, "source": rule.source}
        if rule.max_payment_days is not None and payment_terms_days > rule.max_payment_days:
            facts["max"] = rule.max_payment_days
            if rule.max_kind == CAP:
                warnings.append(ngettext(
                    "Net {n} day is beyond the {max}-day maximum of the {rule}, which no "
                    "agreement can lengthen ({source}).",
                    "Net {n} days is beyond the {max}-day maximum of the {rule}, which no "
                    "agreement can lengthen ({source}).", n).format(**facts))
            elif agreed_because.strip():
                warnings.append(ngettext(
                    "Net {n} day is beyond the {max} days the {rule} allows unless expressly "
                    "agreed; recorded as agreed: “{reason}” ({source}).",
                    "Net {n} days is beyond the {max} days the {rule} allows unless expressly "
                    "agreed; recorded as agreed: “{reason}” ({source}).", n).format(
                    reason=agreed_because.strip(), **facts))
            else:
                warnings.append(ngettext(
                    "Net {n} day is beyond the {max} days the {rule} allows unless expressly "
                    "agreed and not grossly unfair ({source}).",
                    "Net {n} days is beyond the {max} days the {rule} allows unless expressly "
                    "agreed and not grossly unfair ({source}).", n).format(**facts))
        elif (rule.max_payment_days is None and rule.default_payment_days is not None
              and payment_terms_days > rule.default_payment_days):
            warnings.append(ngettext(
                "Net {n} day is longer than the {default} days the {rule} sets when no date "
                "is agreed; agree the date in writing ({source}).",
                "Net {n} days is longer than the {default} days the {rule} sets when no date "
                "is agreed; agree the date in writing ({source}).", n).format(
                default=rule.default_payment_days, **facts))
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
            facts = {"rule": rule.name, "amount": format_money(threshold, rule.currency),
                     "source": rule.source}
            key = window_key(rule)
            if key is None:
                return _("The {rule} requires a written contract from {amount} "
                         "({source}).").format(**facts)
            if key == CALENDAR_YEAR:
                return _("The {rule} requires a written contract from {amount}, or when "
                         "contracts in a calendar year add up to it ({source}).").format(**facts)
            days = rule.aggregation_days or 0
            return ngettext("The {rule} requires a written contract from {amount}, or when "
                            "contracts over {n} day add up to it ({source}).",
                            "The {rule} requires a written contract from {amount}, or when "
                            "contracts over {n} days add up to it ({source}).", days).format(
                n=days, **facts)
    return None
