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


def test_where_a_rule_applies_what_it_sums_and_what_late_payment_costs_are_data() -> None:
    from desktop.core.rule_validation import compensation_text

    uk = validate_rule({"country": "GB", "name": "UK Act", "source": "1998 Act", "currency": "gbp",
                        "default_payment_days": "30", "max_payment_days": "60",
                        "max_kind": "agreed", "interest_reference": "boe",
                        "interest_margin": "8", "compensation": "0=40; 1000=70; 10,000=100",
                        "checked_on": "2026-11-01"}, TODAY)
    assert (uk.interest_reference, uk.interest_margin_bp, uk.currency) == ("BOE", 800, "GBP")
    assert uk.compensation == ((0, 4000), (100_000, 7000), (1_000_000, 10_000))
    assert compensation_text(uk.compensation, "GBP") == "0.00=40.00; 1000.00=70.00; 10000.00=100.00"
    eea = validate_rule({**NYC, "country": "EU", "region": "", "applies_in": "de, fr no"}, TODAY)
    assert eea.applies_in == ("DE", "FR", "NO") and eea.aggregation_window == "days"
    la = validate_rule({**NYC, "region": "CA", "cities": "Los Angeles; LA ;",
                        "aggregation_window": "Calendar year"}, TODAY)
    assert la.cities == ("Los Angeles", "LA") and la.aggregation_days is None
    assert la.aggregation_window == "calendar_year"


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"country": "EU"}, "country", "lists its countries"),
    ({"country": "EU", "applies_in": "DE XX"}, "applies_in", "XX"),
    ({"compensation": "100=40"}, "compensation", "must start at 0"),
    ({"compensation": "0=40; 0=70"}, "compensation", "must go up"),
    ({"interest_reference": "ECB"}, "interest_margin", "is needed too"),
    ({"interest_margin": "8"}, "interest_reference", "is needed too"),
    ({"interest_reference": "ECB", "interest_margin": "eight"}, "interest_margin",
     "not a percentage"),
    ({"aggregation_window": "fortnight"}, "aggregation_window", "calendar year"),
    ({"aggregation_window": "days", "aggregation_days": ""}, "aggregation_days", "is needed"),
])
def test_bad_places_windows_and_interest_are_named(changes: dict[str, str], field: str,
                                                   message: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_rule({**NYC, **changes}, TODAY)
    assert message in (error.value.for_field(field) or "")


def test_seeded_city_rules_and_the_eea(store: Store) -> None:
    by_name = {r.rule.name: r.rule for r in rules.rule_records(store)}
    la = by_name["Los Angeles Freelance Worker Protections Ordinance"]
    assert (la.cities, la.aggregation_window, la.written_contract_from_minor) == \
        (("Los Angeles",), "calendar_year", 60_000)
    seattle = by_name["Seattle Independent Contractor Protections Ordinance"]
    assert seattle.default_payment_days == 30 and seattle.region == "WA"
    nyc = by_name["New York City Freelance Isn't Free Act"]
    assert "Brooklyn" in nyc.cities and nyc.aggregation_days == 120
    eu = next(r for r in by_name.values() if r.country == "EU")
    assert {"NO", "IS", "LI"} <= set(eu.applies_in) and len(eu.applies_in) == 30
    assert (eu.interest_reference, eu.interest_margin_bp, eu.compensation) == \
        ("ECB", 800, ((0, 4000),))
