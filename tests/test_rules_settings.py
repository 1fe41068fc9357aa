"""Statutory rules are data: checked when typed, saved with a version check, used as saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.core.deadlines import term_warnings
from desktop.core.rule_validation import validate_rule
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import rules
from desktop.store.db import Store

TODAY = dt.date(2026, 11, 25)
NYC = {"country": "us", "region": "ny", "name": "NYC Freelance Isn't Free Act",
       "written_contract_from": "800", "currency": "usd", "aggregation_days": "120",
       "default_payment_days": "30", "source": "NYC Admin. Code 20-927 to 20-936",
       "checked_on": "2026-11-01"}


def test_a_typed_rule_is_normalised() -> None:
    rule = validate_rule(NYC, TODAY)
    assert (rule.country, rule.region, rule.written_contract_from_minor, rule.currency,
            rule.aggregation_days, rule.max_payment_days) == ("US", "NY", 80_000, "USD", 120, None)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("country", "XX", "ISO 3166-1"),
    ("name", "", "is required"),
    ("source", " ", "which law"),
    ("written_contract_from", "8,00", "not a number"),
    ("currency", "", "is needed"),
    ("max_payment_days", "sixty", "whole number"),
    ("default_payment_days", "-1", "whole number"),
    ("checked_on", "", "is required"),
    ("checked_on", "2027-01-01", "future"),
    ("effective_from", "2024-02-30", "does not exist"),
])
def test_each_bad_field_is_named(field: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_rule({**NYC, field: value}, TODAY)
    assert message in (error.value.for_field(field) or "")


def test_rules_are_seeded_added_edited_and_removed_with_version_checks(store: Store) -> None:
    seeded = {(r.rule.country, r.rule.region) for r in rules.rule_records(store)}
    assert {("US", "NY"), ("US", "IL"), ("US", "CA"), ("EU", ""), ("GB", "")} <= seeded
    with pytest.raises(ValidationError, match="max_kind"):  # a maximum says what kind it is
        validate_rule({**NYC, "max_payment_days": "30"}, TODAY)
    added = rules.add_rule(store, validate_rule({**NYC, "max_payment_days": "30",
                                                 "max_kind": "Cap"}, TODAY))
    assert added.rule.max_kind == "cap"
    assert term_warnings(rules.payment_rules(store), "US", "NY", 45)
    edited = rules.update_rule(store, added.id, replace(added.rule, max_payment_days=60),
                               added.version)
    assert edited.version == added.version + 1
    with pytest.raises(ConflictError, match="changed elsewhere"):
        rules.update_rule(store, added.id, added.rule, added.version)
    with pytest.raises(ConflictError):
        rules.delete_rule(store, added.id, added.version)
    rules.delete_rule(store, added.id, edited.version)
    assert added.id not in {r.id for r in rules.rule_records(store)}
