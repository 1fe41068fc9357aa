"""Rules with legal sources, read from their tables as plain core objects."""

from __future__ import annotations

from sqlalchemy import select

from desktop.core.deadlines import PaymentRule
from desktop.store.db import Store
from desktop.store.models import PaymentRule as PaymentRuleRow


def payment_rules(store: Store) -> list[PaymentRule]:
    query = select(PaymentRuleRow).order_by(PaymentRuleRow.country, PaymentRuleRow.region)
    with store.reading() as session:
        return [PaymentRule(r.country, r.region, r.name, r.written_contract_from_minor,
                            r.currency, r.aggregation_days, r.default_payment_days,
                            r.max_payment_days, r.effective_from, r.source, r.checked_on)
                for r in session.scalars(query)]
