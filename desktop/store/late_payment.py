"""What contractors can claim for the payments we owe late, under rules that set statutory
interest and a fixed sum (core.late_payment holds the arithmetic). Read for the dashboard and
the outstanding report: only installments of engagements that bind us, in a country where such
a rule applies, unpaid on the day asked about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop.core.deadlines import PaymentRule, rules_for
from desktop.core.engagement import BINDING
from desktop.core.late_payment import (
    ClaimTerms,
    LateClaim,
    ReferenceRate,
    claim_amounts,
    claim_of,
    claim_terms,
    claims_interest,
    half_year_start,
)
from desktop.store.db import Store
from desktop.store.models import Engagement, Installment
from desktop.store.on_time import open_on, paid_by
from desktop.store.reference_rates import reference_rates_in
from desktop.store.rules import payment_rules_in


@dataclass(frozen=True)
class Claims:
    as_of: dt.date
    by_installment: dict[int, LateClaim] = field(default_factory=dict)
    interest: dict[str, int] = field(default_factory=dict)  # per currency
    compensation: dict[str, int] = field(default_factory=dict)  # per currency
    # Reference-rate series used for a half-year they were not checked for, or had no rate.
    unchecked: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    count: int = 0  # every claim the totals cover; by_installment may hold only those asked for

    def __bool__(self) -> bool:
        return self.count > 0


def late_claims(store: Store, as_of: dt.date, listed: Collection[int] | None = None) -> Claims:
    """Every claim on ``as_of``, totalled; ``listed``: the installments whose claims are wanted
    one by one (None: all of them), as Today shows only the first overdue ones."""
    with store.reading() as session:  # rules, installments and rates as of one moment
        rules = [r for r in payment_rules_in(session) if claims_interest(r)]
        places = {c for r in rules for c in (r.country, *r.applies_in)}
        if not places:
            return Claims(as_of)
        binding_there = (Engagement.status.in_(BINDING),
                         Engagement.jurisdiction_country.in_(places))
        # With no engagement that binds us where such a rule applies, one look along an index
        # says so before any installment is read.
        if session.scalar(select(Engagement.id).where(*binding_there).limit(1)) is None:
            return Claims(as_of)
        query = (select(Installment.id, Installment.due_on, Installment.amount_minor,
                        paid_by(as_of), Installment.currency, Engagement.jurisdiction_country,
                        Engagement.jurisdiction_region, Engagement.jurisdiction_city)
                 .join(Engagement, Engagement.id == Installment.engagement_id)
                 .where(*binding_there))
        # Each part picked by id first, so the planner starts from its index range. Plain
        # rows: thousands of them, and no objects to load.
        connection = session.connection()
        rows = [row for part in open_on(as_of) for row in connection.execute(query.where(
            Installment.id.in_(select(Installment.id).where(part, Installment.due_on < as_of))))]
        rates = reference_rates_in(session)
    return _totalled(rows, rules, rates, as_of, listed)


def _totalled(rows: Sequence[Any], rules: list[PaymentRule], rates: list[ReferenceRate],
              as_of: dt.date, listed: Collection[int] | None) -> Claims:
    claims: dict[int, LateClaim] = {}
    interest: dict[str, int] = {}
    compensation: dict[str, int] = {}
    unchecked: set[str] = set()
    missing: set[str] = set()
    count = 0
    # Thousands of rows share a few places and half-years: each is worked out once.
    places_rules: dict[tuple[str, str, str], list[PaymentRule]] = {}
    terms_of: dict[tuple[int, dt.date], ClaimTerms] = {}
    for installment_id, due_on, amount, paid_so_far, currency, country, region, city in rows:
        unpaid = amount - int(paid_so_far)  # compared here: SQL would sum every row's payments
        days = (as_of - due_on).days
        if unpaid <= 0:  # (every row fell due before as_of, so days is at least 1)
            continue
        place = (country, region, city)
        if place not in places_rules:
            places_rules[place] = rules_for(rules, country, region, None, city)
        rule = next((r for r in places_rules[place] if r.in_force(due_on)), None)
        if rule is None:
            continue
        key = (id(rule), half_year_start(due_on + dt.timedelta(days=1)))
        terms = terms_of.get(key)
        if terms is None:
            terms = terms_of[key] = claim_terms(rule, rates, due_on)
        amounts = claim_amounts(rule, terms, unpaid, currency, days)
        if listed is None or installment_id in listed:
            claims[installment_id] = claim_of(rule, terms, currency, days, amounts)
        count += 1
        owed_interest, fixed = amounts
        if owed_interest is None:
            missing.add(rule.interest_reference)
        else:
            interest[currency] = interest.get(currency, 0) + owed_interest
            if not terms.rate_checked:
                unchecked.add(rule.interest_reference)
        if fixed is not None:
            compensation[rule.currency] = compensation.get(rule.currency, 0) + fixed
    return Claims(as_of, claims, dict(sorted(interest.items())),
                  dict(sorted(compensation.items())), tuple(sorted(unchecked)),
                  tuple(sorted(missing)), count)
