"""What contractors can claim for the payments we owe late, under rules that set statutory
interest and a fixed sum (core.late_payment holds the arithmetic). Read for the dashboard and
the outstanding report: only installments of engagements that bind us, in a country where such
a rule applies, unpaid on the day asked about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from desktop.core.deadlines import rules_for
from desktop.core.engagement import BINDING
from desktop.core.late_payment import LateClaim, claims_interest, late_claim
from desktop.store.db import Store
from desktop.store.models import Engagement, Installment
from desktop.store.on_time import open_on, paid_by
from desktop.store.reference_rates import reference_rates
from desktop.store.rules import payment_rules


@dataclass(frozen=True)
class Claims:
    as_of: dt.date
    by_installment: dict[int, LateClaim] = field(default_factory=dict)
    interest: dict[str, int] = field(default_factory=dict)  # per currency
    compensation: dict[str, int] = field(default_factory=dict)  # per currency
    # Reference-rate series used for a half-year they were not checked for, or had no rate.
    unchecked: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.by_installment)


def late_claims(store: Store, as_of: dt.date) -> Claims:
    rules = [r for r in payment_rules(store) if claims_interest(r)]
    places = {c for r in rules for c in (r.country, *r.applies_in)}
    if not places:
        return Claims(as_of)
    binding_there = (Engagement.status.in_(BINDING), Engagement.jurisdiction_country.in_(places))
    paid = paid_by(as_of)
    query = (select(Installment.id, Installment.due_on, Installment.amount_minor, paid,
                    Installment.currency, Engagement.jurisdiction_country,
                    Engagement.jurisdiction_region, Engagement.jurisdiction_city)
             .join(Engagement, Engagement.id == Installment.engagement_id)
             .where(*binding_there, Installment.due_on < as_of))
    with store.reading() as session:
        # With no engagement that binds us where such a rule applies, one look along an index
        # says so before any installment is read.
        if session.scalar(select(Engagement.id).where(*binding_there).limit(1)) is None:
            return Claims(as_of)
        # Each part picked by id first, so the planner starts from its index range.
        rows = [row for part in open_on(as_of) for row in session.execute(query.where(
            Installment.id.in_(select(Installment.id).where(part, Installment.due_on < as_of))))]
    rates = reference_rates(store)
    claims: dict[int, LateClaim] = {}
    interest: dict[str, int] = {}
    compensation: dict[str, int] = {}
    unchecked: set[str] = set()
    missing: set[str] = set()
    for installment_id, due_on, amount, paid_so_far, currency, country, region, city in rows:
        if amount <= int(paid_so_far):  # compared here: SQL would sum the payments of every row
            continue
        rule = next((r for r in rules_for(rules, country, region, due_on, city)), None)
        if rule is None:
            continue
        claim = late_claim(rule, rates, amount - int(paid_so_far), currency, due_on, as_of)
        if claim is None:
            continue
        claims[installment_id] = claim
        if claim.interest_minor is None:
            missing.add(rule.interest_reference)
        else:
            interest[currency] = interest.get(currency, 0) + claim.interest_minor
            if not claim.rate_checked:
                unchecked.add(rule.interest_reference)
        if claim.compensation_minor is not None:
            key = claim.compensation_currency
            compensation[key] = compensation.get(key, 0) + claim.compensation_minor
    return Claims(as_of, claims, dict(sorted(interest.items())),
                  dict(sorted(compensation.items())), tuple(sorted(unchecked)),
                  tuple(sorted(missing)))
