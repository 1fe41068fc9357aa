"""Settings: the business profile, and the rules with legal sources (payment rules terms are
checked against, tax reporting thresholds, the reference rates late-payment interest uses)."""

from __future__ import annotations

from desktop.core import formats
from desktop.core.deadlines import PaymentRule
from desktop.core.late_payment import ReferenceRate
from desktop.core.profile import ProfileData
from desktop.core.thresholds import ThresholdData
from desktop.operations.changes import Changes, Done
from desktop.store import profile, reference_rates, rules, thresholds
from desktop.store.db import Store
from desktop.store.profile import ProfileRecord
from desktop.store.reference_rates import RateRecord
from desktop.store.rules import RuleRecord
from desktop.store.thresholds import ThresholdRecord

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


def add_threshold(store: Store, data: ThresholdData) -> Done[ThresholdRecord]:
    return Done(thresholds.add_threshold(store, data), _RULES)


def update_threshold(store: Store, threshold_id: int, data: ThresholdData,
                     expected_version: int) -> Done[ThresholdRecord]:
    return Done(thresholds.update_threshold(store, threshold_id, data, expected_version), _RULES)


def delete_threshold(store: Store, threshold_id: int, expected_version: int) -> Changes:
    thresholds.delete_threshold(store, threshold_id, expected_version)
    return _RULES


def add_rate(store: Store, rate: ReferenceRate) -> Done[RateRecord]:
    return Done(reference_rates.add_rate(store, rate), _RULES)


def update_rate(store: Store, rate_id: int, rate: ReferenceRate,
                expected_version: int) -> Done[RateRecord]:
    return Done(reference_rates.update_rate(store, rate_id, rate, expected_version), _RULES)


def delete_rate(store: Store, rate_id: int, expected_version: int) -> Changes:
    reference_rates.delete_rate(store, rate_id, expected_version)
    return _RULES


def use_business_locale(store: Store) -> str:
    """Write amounts and dates from now on as the business profile says (or the system)."""
    return formats.use_locale(profile.get_profile(store).profile.locale)


def save_profile(store: Store, data: ProfileData, expected_version: int) -> Done[ProfileRecord]:
    """The business profile changes report headings, tax years and financial impact."""
    return Done(profile.save_profile(store, data, expected_version), _RULES)
