"""The payment rules terms are checked against."""

from __future__ import annotations

from desktop.core.deadlines import PaymentRule
from desktop.operations.changes import Changes, Done
from desktop.store import rules
from desktop.store.db import Store
from desktop.store.rules import RuleRecord

# Rules change the warnings shown on engagements; views that show those re-read on settings.
_RULES = Changes(settings=True)


def add_rule(store: Store, rule: PaymentRule) -> Done[RuleRecord]:
    return Done(rules.add_rule(store, rule), _RULES)


def update_rule(store: Store, rule_id: int, rule: PaymentRule,
                expected_version: int) -> Done[RuleRecord]:
    return Done(rules.update_rule(store, rule_id, rule, expected_version), _RULES)


def delete_rule(store: Store, rule_id: int, expected_version: int) -> Changes:
    rules.delete_rule(store, rule_id, expected_version)
    return _RULES
