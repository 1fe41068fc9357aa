"""Late-payment interest and fixed sums under the EU directive and the UK Act: exact
arithmetic, the half-year's reference rate, and the claims the store reads for what we owe."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.core.deadlines import PaymentRule
from desktop.core.late_payment import (
    ReferenceRate,
    claim_terms,
    fixed_sum,
    half_year_start,
    late_claim,
    parse_basis_points,
    percent_text,
    rate_on,
    simple_interest,
    validate_rate,
)
from desktop.core.schedule import PlannedInstallment
from desktop.core.validation import ValidationError
from desktop.store import contractors, engagements, payments, reference_rates
from desktop.store.db import Store
from desktop.store.late_payment import late_claims
from desktop.store.statements import outstanding
from tests.factories import make_contractor, make_engagement, signed

D = dt.date
CHECKED = D(2025, 9, 1)
ECB = [ReferenceRate("ECB", D(2024, 12, 18), 315, "ECB", CHECKED),
       ReferenceRate("ECB", D(2025, 6, 11), 215, "ECB", CHECKED)]
EU = PaymentRule("EU", "", "EU Late Payment Directive", None, "EUR", None, 30, 60,
                 D(2013, 3, 16), "Directive 2011/7/EU", CHECKED, "agreed", ("DE", "FR"),
                 interest_reference="ECB", interest_margin_bp=800, compensation=((0, 4000),))
UK_BANDS = ((0, 4000), (100_000, 7000), (1_000_000, 10_000))


def test_interest_is_simple_per_annum_and_rounded_half_up() -> None:
    # 1,000.00 at 10.15 % for 30 days: 100000 × 0.1015 × 30 / 365 = 834.25 → 834
    assert simple_interest(100_000, 1015, 30) == 834
    assert simple_interest(100_000, 1000, 365) == 10_000
    assert simple_interest(73, 1000, 5) == 0  # 0.1 of a cent
    assert simple_interest(0, 1000, 30) == simple_interest(100, 1000, 0) == 0


def test_the_rate_is_the_one_in_force_when_the_half_year_began() -> None:
    assert half_year_start(D(2025, 6, 30)) == D(2025, 1, 1)
    assert half_year_start(D(2025, 7, 1)) == D(2025, 7, 1)
    assert rate_on(ECB, "ECB", D(2025, 1, 1)).rate_bp == 315  # type: ignore[union-attr]
    assert rate_on(ECB, "ECB", D(2025, 7, 1)).rate_bp == 215  # type: ignore[union-attr]
    assert rate_on(ECB, "BOE", D(2025, 7, 1)) is None
    # Due 29 June: late from 30 June, the first half's rate; due 30 June: late from 1 July.
    first = late_claim(EU, ECB, 100_000, "EUR", D(2025, 6, 29), D(2025, 7, 29))
    second = late_claim(EU, ECB, 100_000, "EUR", D(2025, 6, 30), D(2025, 7, 30))
    assert first is not None and second is not None
    assert (first.reference_bp, first.rate_bp, first.days_late) == (315, 1115, 30)
    assert (second.reference_bp, second.rate_bp, second.days_late) == (215, 1015, 30)
    assert second.interest_minor == 834 and second.compensation_minor == 4000
    assert second.rate_checked


def test_a_half_year_after_the_rates_were_checked_is_marked() -> None:
    claim = late_claim(EU, ECB, 100_000, "EUR", D(2026, 10, 31), D(2026, 12, 4))
    assert claim is not None and claim.reference_on == D(2026, 7, 1)
    assert claim.reference_bp == 215 and not claim.rate_checked  # last checked 2025-09-01
    none_known = late_claim(EU, [], 100_000, "EUR", D(2026, 10, 31), D(2026, 12, 4))
    assert none_known is not None and none_known.interest_minor is None
    assert none_known.compensation_minor == 4000  # the fixed sum needs no rate


def test_terms_worked_out_once_for_a_half_year_give_every_debt_in_it_the_same_claim() -> None:
    today = D(2026, 12, 4)
    for due in (D(2024, 12, 31), D(2025, 1, 1), D(2025, 6, 29), D(2025, 6, 30), D(2025, 7, 1),
                D(2025, 12, 30), D(2026, 11, 3)):
        # Worked out for another day whose debt fell late in the same half-year.
        other_day = half_year_start(due + dt.timedelta(days=1)) - dt.timedelta(days=1)
        shared = claim_terms(EU, ECB, other_day)
        for unpaid, currency in ((1, "EUR"), (99_999, "EUR"), (250_000, "USD")):
            assert late_claim(EU, ECB, unpaid, currency, due, today, shared) == \
                late_claim(EU, ECB, unpaid, currency, due, today), (due, unpaid)


def test_uk_fixed_sums_follow_the_size_of_the_debt() -> None:
    assert [fixed_sum(UK_BANDS, debt) for debt in (1, 99_999, 100_000, 999_999, 1_000_000)] \
        == [4000, 4000, 7000, 7000, 10_000]
    uk = replace(EU, country="GB", applies_in=(), currency="GBP", compensation=UK_BANDS,
                 interest_reference="BOE")
    in_dollars = late_claim(uk, [], 500_000, "USD", D(2026, 1, 1), D(2026, 2, 1))
    assert in_dollars is not None and in_dollars.compensation_minor is None  # GBP bands only


def test_nothing_is_claimed_before_the_due_date_or_without_interest_rules() -> None:
    assert late_claim(EU, ECB, 100_000, "EUR", D(2025, 9, 1), D(2025, 9, 1)) is None
    assert late_claim(EU, ECB, 0, "EUR", D(2025, 9, 1), D(2025, 10, 1)) is None
    plain = replace(EU, interest_reference="", interest_margin_bp=None)
    assert late_claim(plain, ECB, 100_000, "EUR", D(2025, 9, 1), D(2025, 10, 1)) is None


@pytest.mark.parametrize(("text", "bp"), [("8", 800), ("2.15", 215), ("8 %", 800),
                                          ("-0.5", -50), ("4,25", 425)])
def test_percentages_are_read_as_basis_points(text: str, bp: int) -> None:
    assert parse_basis_points(text) == bp


@pytest.mark.parametrize("text", ["eight", "2.155", "101", ""])
def test_bad_percentages_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_basis_points(text)


def test_percent_text() -> None:
    assert [percent_text(bp) for bp in (800, 215, 1015, -50, 0)] == \
        ["8 %", "2.15 %", "10.15 %", "-0.5 %", "0 %"]


def test_a_typed_rate_names_each_bad_field() -> None:
    rate = validate_rate({"series": "ecb", "effective_from": "2026-02-05", "rate": "2.15",
                          "source": "ECB press release", "checked_on": "2026-02-06"},
                         D(2026, 12, 4))
    assert (rate.series, rate.rate_bp) == ("ECB", 215)
    with pytest.raises(ValidationError) as error:
        validate_rate({"series": "", "rate": "x", "checked_on": "2027-01-01"}, D(2026, 12, 4))
    assert {e.field for e in error.value.errors} == {"series", "rate", "source",
                                                     "effective_from", "checked_on"}


# --- the store -----------------------------------------------------------------------------
def owing(store: Store, country: str, due: dt.date, minor: int, currency: str = "EUR",
          **fields: object) -> int:
    who = contractors.create(store, make_contractor()).id
    engagement = signed(store, who, jurisdiction_country=country, currency=currency,
                        amount=str(minor / 100), **fields)
    (row,) = payments.replace_schedule(store, engagement, [
        PlannedInstallment("Final", due, due, minor, currency)])
    return row.id


def test_overdue_payments_in_the_eu_and_uk_accrue_claims_from_the_seeded_rules(
        store: Store) -> None:
    german = owing(store, "DE", D(2025, 9, 30), 100_000)
    norwegian = owing(store, "NO", D(2025, 9, 30), 100_000)  # the EEA, through the directive
    british = owing(store, "GB", D(2025, 9, 30), 250_000, "GBP")
    owing(store, "US", D(2025, 9, 30), 100_000, "USD")  # no interest rule
    owing(store, "DE", D(2025, 12, 1), 100_000)  # not yet due on the day asked about
    claims = late_claims(store, D(2025, 10, 30))
    assert set(claims.by_installment) == {german, norwegian, british}
    assert claims.by_installment[german].rate_bp == 215 + 800  # ECB on 1 July 2025
    assert claims.by_installment[german].interest_minor == 834
    assert claims.by_installment[british].rate_bp == 425 + 800  # Bank Rate on 1 July 2025
    assert claims.by_installment[british].compensation_minor == 7000
    assert claims.interest == {"EUR": 834 * 2, "GBP": simple_interest(250_000, 1225, 30)}
    assert claims.compensation == {"EUR": 8000, "GBP": 7000}
    assert not claims.unchecked


def test_claims_asked_for_one_by_one_are_spelled_out_and_every_one_is_totalled(
        store: Store) -> None:
    german = owing(store, "DE", D(2025, 9, 30), 100_000)
    owing(store, "NO", D(2025, 9, 30), 100_000)
    owing(store, "GB", D(2025, 9, 30), 250_000, "GBP")
    every = late_claims(store, D(2025, 10, 30))
    listed = late_claims(store, D(2025, 10, 30), {german})
    assert listed.by_installment == {german: every.by_installment[german]}
    assert (listed.interest, listed.compensation, listed.count) == \
        (every.interest, every.compensation, 3)
    assert late_claims(store, D(2025, 10, 30), set())  # claims exist, though none is listed
    assert not late_claims(store, D(2025, 9, 30))


def test_partly_paid_and_not_binding_installments(store: Store) -> None:
    part = owing(store, "FR", D(2025, 9, 30), 100_000)
    payments.record_payment(store, part, amount_minor=50_000, currency="EUR",
                            paid_on=D(2025, 10, 5), method="bank transfer")
    who = contractors.create(store, make_contractor()).id
    draft = engagements.create(store, make_engagement(who, jurisdiction_country="FR",
                                                      currency="EUR", amount="1000"))
    payments.replace_schedule(store, draft.id, [
        PlannedInstallment("Plan", D(2025, 9, 30), D(2025, 9, 30), 100_000, "EUR")])
    claims = late_claims(store, D(2025, 10, 30))
    assert list(claims.by_installment) == [part]
    assert claims.by_installment[part].interest_minor == simple_interest(50_000, 1015, 30)
    before = late_claims(store, D(2025, 10, 4))  # the payment had not been made yet
    assert before.by_installment[part].interest_minor == simple_interest(100_000, 1015, 4)


def test_the_owner_adds_a_newer_rate_and_it_is_used(store: Store) -> None:
    due = owing(store, "DE", D(2026, 10, 31), 100_000)
    stale = late_claims(store, D(2026, 12, 4))
    assert stale.unchecked == ("ECB",) and stale.by_installment[due].reference_bp == 215
    reference_rates.add_rate(store, ReferenceRate("ECB", D(2026, 3, 1), 200, "ECB",
                                                  D(2026, 12, 1)))
    fresh = late_claims(store, D(2026, 12, 4))
    assert not fresh.unchecked and fresh.by_installment[due].reference_bp == 200
    with pytest.raises(ValidationError, match="already has a rate for ECB"):
        reference_rates.add_rate(store, ReferenceRate("ECB", D(2026, 3, 1), 190, "x",
                                                      D(2026, 12, 1)))
    assert outstanding(store, D(2026, 12, 4)).count == 1
