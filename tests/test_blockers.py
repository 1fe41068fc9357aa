"""The signing gate, rule by rule: each blocker names what is wrong, its fix and where."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.core.blockers import GateInputs, blockers
from desktop.core.deadlines import PaymentRule
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.risk import Answer, ImpactInputs, Replacement, score_review
from desktop.core.risk_catalog import QUESTIONS, SCALE
from tests.factories import make_engagement

TODAY = dt.date(2026, 11, 25)
NY = PaymentRule("US", "NY", "New York State Freelance Isn't Free Act", 80_000, "USD", 120, 30,
                 None, dt.date(2024, 8, 28), "N.Y. Gen. Bus. Law art. 44-A", TODAY,
                 aggregation_window="days")
EU = PaymentRule("EU", "", "EU Late Payment Directive", None, "", None, 30, 60,
                 dt.date(2013, 3, 16), "Directive 2011/7/EU", TODAY, "agreed",
                 applies_in=("DE", "FR", "NO"))
LA = PaymentRule("US", "CA", "Los Angeles Freelance Worker Protections Ordinance", 60_000, "USD",
                 None, 30, None, dt.date(2023, 7, 1), "L.A. Ord. 187782", TODAY,
                 cities=("Los Angeles",), aggregation_window="calendar_year")


def safe_answers() -> dict[str, Answer]:
    return {q.id: Answer(1 if q.kind == SCALE else (not q.risky)) for q in QUESTIONS}


def review(answers: dict[str, Answer] | None = None, **impact: object):  # type: ignore[no-untyped-def]
    inputs = ImpactInputs(**{"contract_value_minor": 100_000, "annual_revenue_minor": 50_000_000,
                             "replacement": Replacement.UNDER_WEEK, "deadline_hardness": 1,
                             **impact})
    return score_review(answers or safe_answers(), inputs, "US", "NY")


def gate(**changes: object) -> GateInputs:
    base = GateInputs(
        engagement=make_engagement(1, jurisdiction_country="US", jurisdiction_region="NY",
                                   amount="500", ip_assignment_signed="yes"),
        value_minor=50_000, window_totals={"days:120": 50_000, "calendar_year": 50_000},
        has_written_contract=False,
        identity_verified=True, review=review(), exit_plan=None, copyrightable=True,
        rules=[NY, EU], default_written_contract_from=None, today=TODAY)
    return replace(base, **changes)


def codes(g: GateInputs) -> list[str]:
    return [b.code for b in blockers(g)]


def test_a_prepared_engagement_has_no_blockers() -> None:
    assert blockers(gate()) == []


def test_no_review_blocks() -> None:
    assert codes(gate(review=None)) == ["no_review"]


def test_written_contract_by_value_alone_or_summed_over_the_window() -> None:
    assert codes(gate(value_minor=80_000)) == ["written_contract"]
    summed = blockers(gate(window_totals={"days:120": 95_000}))
    assert [b.code for b in summed] == ["written_contract"]
    assert "over 120 days adds up to $950.00" in summed[0].message and "$800.00" in summed[0].message
    assert summed[0].where == "documents"
    assert codes(gate(value_minor=80_000, has_written_contract=True)) == []


def test_the_owners_own_threshold_applies_where_no_law_does() -> None:
    elsewhere = make_engagement(1, jurisdiction_country="US", jurisdiction_region="TX",
                                amount="500", ip_assignment_signed="yes")
    assert codes(gate(engagement=elsewhere, default_written_contract_from=(40_000, "USD"))) == \
        ["written_contract"]
    assert codes(gate(engagement=elsewhere, default_written_contract_from=(40_000, "EUR"))) == []


def test_payment_terms_beyond_the_statutory_maximum() -> None:
    german = make_engagement(1, jurisdiction_country="DE", amount="500", payment_terms_days="75",
                             currency="EUR", ip_assignment_signed="yes")
    found = blockers(gate(engagement=german))
    assert [b.code for b in found] == ["payment_terms"]
    assert "60 days" in found[0].message and found[0].where == "engagement.payment_terms_days"
    assert "record why" in found[0].fix


def test_longer_terms_expressly_agreed_pass_with_their_reason_recorded() -> None:
    agreed = make_engagement(1, jurisdiction_country="DE", amount="500", payment_terms_days="75",
                             currency="EUR", ip_assignment_signed="yes",
                             longer_terms_reason="Public-sector client pays at 90 days; agreed "
                                                 "in clause 4")
    assert codes(gate(engagement=agreed)) == []
    capped = replace(EU, max_kind="cap")  # a cap cannot be agreed away, reason or not
    assert codes(gate(engagement=agreed, rules=[capped])) == ["payment_terms"]


def test_the_directive_reaches_eea_countries_listed_in_its_data() -> None:
    norwegian = make_engagement(1, jurisdiction_country="NO", amount="500", currency="EUR",
                                payment_terms_days="75", ip_assignment_signed="yes")
    assert codes(gate(engagement=norwegian)) == ["payment_terms"]
    swiss = make_engagement(1, jurisdiction_country="CH", amount="500", currency="EUR",
                            payment_terms_days="75", ip_assignment_signed="yes")
    assert codes(gate(engagement=swiss)) == []


def test_a_city_rule_applies_in_its_city_summed_over_the_calendar_year() -> None:
    def angeleno(city: str):  # type: ignore[no-untyped-def]
        return make_engagement(1, jurisdiction_country="US", jurisdiction_region="CA",
                               jurisdiction_city=city, amount="500", ip_assignment_signed="yes")

    year = {"calendar_year": 70_000}
    found = blockers(gate(engagement=angeleno("los  angeles"), rules=[LA], window_totals=year))
    assert [b.code for b in found] == ["written_contract"]
    assert "in a calendar year adds up to $700.00" in found[0].message
    assert codes(gate(engagement=angeleno("San Diego"), rules=[LA], window_totals=year)) == []
    assert codes(gate(engagement=angeleno("Los Angeles"), rules=[LA],
                      window_totals={"calendar_year": 50_000})) == []


def test_exit_plan_essentials_once_impact_is_three_or_more() -> None:
    high = review(replacement=Replacement.MONTHS_1_2)
    found = blockers(gate(review=high))
    assert [b.code for b in found] == ["exit_plan"]
    assert "data" in found[0].message and found[0].where == "exit_plan"
    plan = validate_exit_plan({"for_cause": True, "handover_work": "Files in our drive",
                               "data_disposition": "destroy", "access_revocation": "Drive"})
    assert codes(gate(review=high, exit_plan=plan)) == []


def test_identity_and_starred_risks() -> None:
    assert codes(gate(identity_verified=False)) == ["identity"]
    answers = safe_answers()
    answers["financial.payee_mismatch"] = Answer(True)
    found = blockers(gate(review=review(answers)))
    assert "starred" in [b.code for b in found]
    assert any(b.where == "review.financial.payee_mismatch" for b in found)


def test_a_blank_key_check_is_no_way_round_the_gate() -> None:
    answers = safe_answers()
    del answers["operational.identity_match"]
    found = [b for b in blockers(gate(review=review(answers))) if b.code == "starred_unanswered"]
    assert [b.where for b in found] == ["review.operational.identity_match"]


def test_ip_assignment_for_copyrightable_work() -> None:
    unsigned = make_engagement(1, jurisdiction_country="US", jurisdiction_region="NY", amount="500")
    assert codes(gate(engagement=unsigned)) == ["ip_assignment"]
    assert codes(gate(engagement=unsigned, copyrightable=False)) == []


@pytest.mark.parametrize("access", ["personal_data", "credentials_finance"])
def test_sensitive_access_needs_an_nda(access: str) -> None:
    fields = dict(jurisdiction_country="US", jurisdiction_region="NY", amount="500",
                  ip_assignment_signed="yes", data_access=access)
    found = blockers(gate(engagement=make_engagement(1, **fields),
                          review=review(data_access=access)))
    assert "data_protection" in [b.code for b in found]
    signed = make_engagement(1, **fields, nda_signed_on="2026-11-01")
    assert "data_protection" not in codes(gate(engagement=signed, review=review(data_access=access)))


def test_any_critical_area_blocks() -> None:
    answers = {q.id: Answer(5 if q.kind == SCALE else q.risky) for q in QUESTIONS}
    worst = review(answers, replacement=Replacement.OVER_3_MONTHS, deadline_hardness=5,
                   contract_value_minor=20_000_000)
    found = [b for b in blockers(gate(review=worst, exit_plan=None)) if b.code == "critical"]
    assert found and all("Critical" in b.message for b in found)
