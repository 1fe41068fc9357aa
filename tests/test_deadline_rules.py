"""Statutory payment-term and written-contract rules, applied from rule rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.core.deadlines import (
    PaymentRule,
    rules_for,
    term_warnings,
    written_contract_rule,
)

CHECKED = dt.date(2025, 5, 1)
ON = dt.date(2025, 6, 1)

NY = PaymentRule(
    country="US", region="NY", name="New York State Freelance Isn't Free Act",
    written_contract_from_minor=80000, currency="USD", aggregation_days=120,
    default_payment_days=30, max_payment_days=None, effective_from=dt.date(2024, 8, 28),
    source="N.Y. Gen. Bus. Law §§ 1410-1415", checked_on=CHECKED, aggregation_window="days")
IL = PaymentRule(
    country="US", region="IL", name="Illinois Freelance Worker Protection Act",
    written_contract_from_minor=50000, currency="USD", aggregation_days=120,
    default_payment_days=30, max_payment_days=None, effective_from=dt.date(2024, 7, 1),
    source="820 ILCS 193", checked_on=CHECKED, aggregation_window="days")
EU = PaymentRule(
    country="EU", region="", name="Late Payment Directive",
    written_contract_from_minor=None, currency="EUR", aggregation_days=None,
    default_payment_days=30, max_payment_days=60, effective_from=dt.date(2013, 3, 16),
    source="Directive 2011/7/EU, Art. 3", checked_on=CHECKED,
    applies_in=tuple("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK "
                     "SI ES SE IS LI NO".split()))
GB = PaymentRule(
    country="GB", region="", name="Late Payment of Commercial Debts (Interest) Act 1998",
    written_contract_from_minor=None, currency="GBP", aggregation_days=None,
    default_payment_days=30, max_payment_days=60, effective_from=dt.date(2013, 3, 16),
    source="Late Payment of Commercial Debts Regulations 2013 (SI 2013/395)",
    checked_on=CHECKED)
RULES = (NY, IL, EU, GB)


class TestRulesFor:
    @pytest.mark.parametrize(("country", "region"), [("US", "NY"), ("us", "ny")])
    def test_regional_rule_in_its_region(self, country: str, region: str) -> None:
        assert rules_for(RULES, country, region, ON) == [NY]

    @pytest.mark.parametrize(("country", "region"), [("US", ""), ("US", "CA"), ("CA", "NY")])
    def test_regional_rule_not_elsewhere(self, country: str, region: str) -> None:
        assert NY not in rules_for(RULES, country, region, ON)

    def test_each_state_gets_its_own_rule(self) -> None:
        assert rules_for(RULES, "US", "IL", ON) == [IL]

    @pytest.mark.parametrize("country", ["DE", "FR", "de", "IE", "GR", "NO", "IS", "LI"])
    def test_eu_rule_in_member_states_and_the_eea(self, country: str) -> None:
        assert rules_for(RULES, country, "", ON) == [EU]

    def test_eu_rule_ignores_region(self) -> None:
        assert rules_for(RULES, "DE", "BY", ON) == [EU]

    @pytest.mark.parametrize("country", ["GB", "US", "CH"])
    def test_eu_rule_not_outside_the_union(self, country: str) -> None:
        assert EU not in rules_for(RULES, country, "", ON)

    def test_gb_has_its_own_rule(self) -> None:
        assert rules_for(RULES, "GB", "", ON) == [GB]

    def test_the_countries_a_rule_applies_in_are_its_data(self) -> None:
        assert len(EU.applies_in) == 30 and "GB" not in EU.applies_in
        narrowed = replace(EU, applies_in=("DE",))
        assert rules_for([narrowed], "DE", "", ON) == [narrowed]
        assert rules_for([narrowed], "FR", "", ON) == []

    def test_a_city_rule_needs_the_city_by_any_of_its_names(self) -> None:
        nyc = replace(NY, name="NYC Freelance Isn't Free Act", cities=("New York", "Brooklyn"))
        assert rules_for([NY, nyc], "US", "NY", ON, "brooklyn") == [NY, nyc]
        assert rules_for([NY, nyc], "US", "NY", ON, " New  York ") == [NY, nyc]
        assert rules_for([NY, nyc], "US", "NY", ON, "Buffalo") == [NY]
        assert rules_for([NY, nyc], "US", "NY", ON) == [NY]

    def test_rule_not_yet_in_force_is_excluded(self) -> None:
        assert rules_for(RULES, "US", "NY", dt.date(2024, 8, 27)) == []

    def test_rule_applies_from_its_first_day(self) -> None:
        assert rules_for(RULES, "US", "NY", dt.date(2024, 8, 28)) == [NY]

    def test_future_rule_excluded_today(self) -> None:
        coming = replace(GB, effective_from=ON + dt.timedelta(days=1))
        assert rules_for([coming], "GB", "", ON) == []

    def test_no_rules(self) -> None:
        assert rules_for([], "US", "NY", ON) == []


class TestTermWarnings:
    def test_ny_net_45_warns_with_act_and_source(self) -> None:
        warnings = term_warnings(RULES, "US", "NY", 45, ON)
        assert len(warnings) == 1
        assert "Net 45 days" in warnings[0]
        assert NY.name in warnings[0]
        assert NY.source in warnings[0]
        assert "30 days" in warnings[0]

    @pytest.mark.parametrize("days", [0, 14, 30])
    def test_ny_within_default_no_warning(self, days: int) -> None:
        assert term_warnings(RULES, "US", "NY", days, ON) == []

    def test_de_net_75_warns_with_directive_and_limit(self) -> None:
        warnings = term_warnings(RULES, "DE", "", 75, ON)
        assert len(warnings) == 1
        assert "Late Payment Directive" in warnings[0]
        assert "60" in warnings[0]
        assert EU.source in warnings[0]

    @pytest.mark.parametrize("days", [30, 45, 60])
    def test_de_up_to_60_no_warning(self, days: int) -> None:
        assert term_warnings(RULES, "DE", "", days, ON) == []

    def test_gb_net_90_warns(self) -> None:
        warnings = term_warnings(RULES, "GB", "", 90, ON)
        assert len(warnings) == 1
        assert GB.name in warnings[0]
        assert "60 days" in warnings[0]

    def test_no_terms_no_warning(self) -> None:
        assert term_warnings(RULES, "US", "NY", None, ON) == []

    @pytest.mark.parametrize(("country", "region"), [("US", "TX"), ("US", ""), ("JP", "")])
    def test_place_without_rule_no_warning(self, country: str, region: str) -> None:
        assert term_warnings(RULES, country, region, 120, ON) == []

    def test_rule_not_in_force_does_not_warn(self) -> None:
        assert term_warnings(RULES, "US", "NY", 45, dt.date(2024, 1, 1)) == []


class TestWrittenContractRule:
    def test_ny_at_threshold(self) -> None:
        sentence = written_contract_rule(RULES, "US", "NY", 80000, "USD", ON)
        assert sentence is not None
        assert NY.name in sentence
        assert "$800.00" in sentence
        assert "120 days" in sentence
        assert NY.source in sentence

    def test_ny_just_below_threshold(self) -> None:
        assert written_contract_rule(RULES, "US", "NY", 79999, "USD", ON) is None

    def test_other_currency_is_not_compared(self) -> None:
        assert written_contract_rule(RULES, "US", "NY", 10_000_000, "EUR", ON) is None

    def test_currency_case_does_not_matter(self) -> None:
        assert written_contract_rule(RULES, "US", "NY", 80000, "usd", ON) is not None

    def test_il_at_threshold(self) -> None:
        sentence = written_contract_rule(RULES, "US", "IL", 50000, "USD", ON)
        assert sentence is not None
        assert IL.name in sentence
        assert "$500.00" in sentence

    def test_il_threshold_does_not_apply_in_ny(self) -> None:
        assert written_contract_rule(RULES, "US", "NY", 60000, "USD", ON) is None

    def test_the_window_is_named_as_the_rule_sets_it(self) -> None:
        yearly = replace(IL, aggregation_days=None, aggregation_window="calendar_year")
        sentence = written_contract_rule([yearly], "US", "IL", 50000, "USD", ON)
        assert sentence is not None and "contracts in a calendar year add up" in sentence

    def test_without_aggregation_no_aggregation_clause(self) -> None:
        alone = replace(IL, aggregation_days=None, aggregation_window="")
        sentence = written_contract_rule([alone], "US", "IL", 50000, "USD", ON)
        assert sentence == (f"The {IL.name} requires a written contract from $500.00 "
                            f"({IL.source}).")

    def test_unknown_value(self) -> None:
        assert written_contract_rule(RULES, "US", "NY", None, "USD", ON) is None

    @pytest.mark.parametrize("country", ["DE", "GB"])
    def test_rules_without_threshold(self, country: str) -> None:
        assert written_contract_rule(RULES, country, "", 10**9, "EUR", ON) is None
        assert written_contract_rule(RULES, country, "", 10**9, "GBP", ON) is None


def test_a_cap_a_limit_open_to_agreement_and_a_fallback_read_differently() -> None:
    from desktop.core.deadlines import AGREED, CAP, limit_text

    cap = replace(IL, max_payment_days=30, max_kind=CAP)
    agreed = replace(EU, max_kind=AGREED)
    assert limit_text(cap) == "at most 30 days"
    assert limit_text(agreed) == "60 days, longer only if expressly agreed"
    assert limit_text(NY) == "30 days when no date is agreed"
    (il,) = term_warnings([cap], "US", "IL", 45)
    assert "beyond the 30-day maximum" in il and "no agreement can lengthen" in il
    (eu,) = term_warnings([agreed], "FR", "", 75)
    assert "unless expressly agreed and not grossly unfair" in eu
    (ny,) = term_warnings([NY], "US", "NY", 45)
    assert "30 days the New York" in ny and "when no date is agreed" in ny


def test_past_a_maximum_is_not_past_a_fallback() -> None:
    from desktop.core.deadlines import past_maximum

    assert past_maximum([NY, EU], 61) and not past_maximum([NY, EU], 45)
    assert not past_maximum([NY], 90) and not past_maximum([EU], None)
    agreed = replace(EU, max_kind="agreed")
    assert past_maximum([agreed], 75) and not past_maximum([agreed], 75, "clause 4, agreed")
    from desktop.core.deadlines import past_agreed_limit

    assert past_agreed_limit([agreed], 75) and not past_agreed_limit([agreed], 60)
    assert not past_agreed_limit([replace(agreed, max_kind="cap")], 75)
    (warning,) = term_warnings([agreed], "FR", "", 75, agreed_because="clause 4, agreed")
    assert "recorded as agreed: “clause 4, agreed”" in warning
