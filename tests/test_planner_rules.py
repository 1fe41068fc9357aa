"""Outsourcing planner: recommendation rules over the score grid, exact monthly costs in every
unit and currency precision, exchange conversion, plan totals, and input validation."""

from __future__ import annotations

import ast
import re
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.enums import PlannerDecision, RateUnit
from desktop.core.planner import (
    OUTSOURCING_DECISIONS,
    ActivityInputs,
    ExchangeRate,
    PlanMoney,
    Quote,
    Recommendation,
    Thresholds,
    activity_money,
    convert,
    hours_value,
    monthly_cost,
    plan_money,
    recommend,
    validate_activity,
    validate_quote,
    validate_rate,
    validate_thresholds,
)
from desktop.core.validation import ValidationError

D = Decimal
K, O, H, U, X = (PlannerDecision.KEEP, PlannerDecision.OUTSOURCE, PlannerDecision.HIRE_EXPERT,
                 PlannerDecision.UNDECIDED, PlannerDecision.DROP)
HOUR, DAY, MONTH, FIXED = RateUnit.HOUR, RateUnit.DAY, RateUnit.MONTH, RateUnit.FIXED
PLANNER = Path(__file__).parents[1] / "desktop" / "core" / "planner.py"
SEED = Path(__file__).parents[2] / "shared" / "seed" / "outsourcing-mistakes.txt"


def activity(importance: int = 3, competence: int = 3, hours: str | int = 10,
             hour_value: int = 60_00, currency: str = "EUR", name: str = "Bookkeeping"
             ) -> ActivityInputs:
    return ActivityInputs(name, D(hours), importance, competence, hour_value, currency)


def quote(rate_minor: int, unit: RateUnit = HOUR, currency: str = "EUR", hours: str | int = 0,
          fixed_months: int = 1, source: str = "Ledger & Co") -> Quote:
    return Quote(source, None, rate_minor, unit, currency, D(hours), fixed_months)


# --- Recommendation over the whole score grid (default thresholds) ---------------------------
# Rows are importance 5 (top) … 1, columns competence 1 … 5. With the defaults, 1–2 is low,
# 3 is the middle and 4–5 is high; hours are costly from 8 a month.

CHEAP_HOURS = "4"  # below 8 a month: the owner's time is not the issue
GRID_CHEAP = {
    5: [H, H, U, K, K],
    4: [H, H, U, K, K],
    3: [U, U, U, K, K],
    2: [O, O, U, K, K],
    1: [O, O, U, K, K],
}
COSTLY_HOURS = "12.5"  # at or above 8 a month
GRID_COSTLY = {
    5: [H, H, U, K, K],
    4: [H, H, U, K, K],
    3: [U, U, U, U, U],
    2: [O, O, O, X, X],
    1: [O, O, O, X, X],
}


def _cells(grid: dict[int, list[PlannerDecision]], hours: str) -> list[pytest.ParameterSet]:
    return [pytest.param(i, c, hours, row[c - 1], id=f"i{i}-c{c}-{hours}h")
            for i, row in grid.items() for c in range(1, 6)]


class TestRecommendGrid:
    @pytest.mark.parametrize(("importance", "competence", "hours", "decision"),
                             _cells(GRID_CHEAP, CHEAP_HOURS))
    def test_cheap_hours(self, importance: int, competence: int, hours: str,
                         decision: PlannerDecision) -> None:
        assert recommend(activity(importance, competence, hours)).decision is decision

    @pytest.mark.parametrize(("importance", "competence", "hours", "decision"),
                             _cells(GRID_COSTLY, COSTLY_HOURS))
    def test_costly_hours(self, importance: int, competence: int, hours: str,
                          decision: PlannerDecision) -> None:
        assert recommend(activity(importance, competence, hours)).decision is decision

    def test_hours_only_matter_where_importance_is_not_high_and_competence_not_low(self) -> None:
        for i in range(1, 6):
            for c in range(1, 6):
                if i >= 4 or c <= 2 or (i, c) == (3, 3):
                    assert GRID_CHEAP[i][c - 1] == GRID_COSTLY[i][c - 1], (i, c)

    def test_defaults_are_explained_data(self) -> None:
        t = Thresholds()
        assert (t.high_importance, t.high_competence, t.low_importance, t.low_competence) == (
            4, 4, 2, 2)
        assert t.costly_hours_per_month == D(8)
        assert "Crewbook" in t.source and "settings" in t.note


class TestRecommendChangedThresholds:
    @pytest.mark.parametrize(("thresholds", "importance", "competence", "hours", "decision"), [
        # Only 5 is high: 4 becomes the middle.
        (Thresholds(high_importance=5, high_competence=5), 4, 4, "4", U),
        (Thresholds(high_importance=5, high_competence=5), 5, 5, "4", K),
        (Thresholds(high_importance=5, high_competence=5), 5, 1, "4", H),
        (Thresholds(high_importance=5, high_competence=5), 4, 1, "4", U),
        (Thresholds(high_importance=5, high_competence=5), 2, 4, "4", U),
        # No middle band: 1–3 low, 4–5 high.
        (Thresholds(low_importance=3, low_competence=3), 3, 3, "4", O),
        (Thresholds(low_importance=3, low_competence=3), 3, 4, "4", K),
        (Thresholds(low_importance=3, low_competence=3), 3, 5, "12.5", X),
        (Thresholds(low_importance=3, low_competence=3), 4, 3, "4", H),
        # High importance from 3, low only at 1: importance 2 is the middle.
        (Thresholds(high_importance=3, low_importance=1), 3, 1, "4", H),
        (Thresholds(high_importance=3, low_importance=1), 2, 1, "4", U),
        (Thresholds(high_importance=3, low_importance=1), 1, 1, "4", O),
        # Costly hours from 20: the boundary is costly, just below it is not.
        (Thresholds(costly_hours_per_month=D(20)), 1, 5, "12.5", K),
        (Thresholds(costly_hours_per_month=D(20)), 1, 5, "19.9", K),
        (Thresholds(costly_hours_per_month=D(20)), 1, 5, "20", X),
        (Thresholds(costly_hours_per_month=D(20)), 3, 5, "19.9", K),
        (Thresholds(costly_hours_per_month=D(20)), 3, 5, "20", U),
        (Thresholds(costly_hours_per_month=D(20)), 2, 3, "20", O),
        (Thresholds(costly_hours_per_month=D("0.5")), 1, 4, "0.5", X),
        (Thresholds(costly_hours_per_month=D("0.5")), 1, 4, "0.4", K),
    ])
    def test_table(self, thresholds: Thresholds, importance: int, competence: int, hours: str,
                   decision: PlannerDecision) -> None:
        assert recommend(activity(importance, competence, hours), thresholds).decision is decision

    def test_default_costly_boundary_is_eight_hours(self) -> None:
        assert recommend(activity(1, 5, "8")).decision is X
        assert recommend(activity(1, 5, "7.9")).decision is K


class TestReasons:
    ALL = [(i, c, h) for i in range(1, 6) for c in range(1, 6)
           for h in (CHEAP_HOURS, COSTLY_HOURS)]

    @pytest.mark.parametrize(("importance", "competence", "hours"), ALL)
    def test_one_sentence_naming_the_scores(self, importance: int, competence: int,
                                            hours: str) -> None:
        reason = recommend(activity(importance, competence, hours)).reason
        assert reason.startswith(f"Importance {importance} and in-house competence {competence}: ")
        assert reason.endswith(".") and reason.count(". ") == 0
        assert not re.search(r"[!?;]|\.\s", reason[:-1])
        assert "  " not in reason and "{" not in reason

    @pytest.mark.parametrize(("importance", "competence", "hours", "words"), [
        (1, 1, "4", "outsource it"),
        (5, 5, "4", "keep it in-house"),
        (5, 1, "4", "expert partner"),
        (1, 5, "12.5", "12.5 hours a month"),
        (1, 5, "12.5", "stop doing it"),
        (1, 5, "4", "only 4 hours a month"),
        (1, 4, "1", "only 1 hour a month"),
        (3, 3, "4", "middle"),
        (2, 3, "12.5", "outsource it"),
    ])
    def test_wording(self, importance: int, competence: int, hours: str, words: str) -> None:
        assert words in recommend(activity(importance, competence, hours)).reason

    def test_hours_spelt_without_trailing_zeros(self) -> None:
        assert "12 hours" in recommend(activity(1, 5, D("12.0"))).reason  # type: ignore[arg-type]

    def test_no_sentence_borrowed_from_the_seed_text(self) -> None:
        if not SEED.exists():
            pytest.skip("the shared seed text is not beside this checkout")

        def shingles(text: str) -> set[tuple[str, ...]]:
            words = re.findall(r"[a-z’']+", text.lower())
            return {tuple(words[n:n + 6]) for n in range(len(words) - 5)}

        seed = shingles(SEED.read_text("utf-8"))
        for i, c, h in self.ALL:
            assert not shingles(recommend(activity(i, c, h)).reason) & seed

    def test_outsourcing_flag(self) -> None:
        assert OUTSOURCING_DECISIONS == {O, H, X}
        assert Recommendation(H, "x").outsourcing and Recommendation(O, "x").outsourcing
        assert Recommendation(X, "x").outsourcing
        assert not Recommendation(K, "x").outsourcing and not Recommendation(U, "x").outsourcing


class TestThresholdValidation:
    @pytest.mark.parametrize(("kwargs", "field"), [
        ({"high_importance": 6}, "high_importance"),
        ({"high_competence": 0}, "high_competence"),
        ({"low_importance": 0}, "low_importance"),
        ({"low_competence": 6}, "low_competence"),
        ({"low_importance": 4}, "low_importance"),  # not below high (4)
        ({"low_competence": 3, "high_competence": 3}, "low_competence"),
        ({"high_importance": True}, "high_importance"),
        ({"high_importance": "4"}, "high_importance"),
        ({"costly_hours_per_month": D("2.25")}, "costly_hours_per_month"),
        ({"costly_hours_per_month": D(-1)}, "costly_hours_per_month"),
        ({"costly_hours_per_month": D(745)}, "costly_hours_per_month"),
        ({"costly_hours_per_month": 8.0}, "costly_hours_per_month"),
    ])
    def test_bad_values_name_the_field(self, kwargs: dict[str, object], field: str) -> None:
        with pytest.raises(ValidationError) as caught:
            Thresholds(**kwargs)  # type: ignore[arg-type]
        assert caught.value.for_field(field)

    def test_from_settings_text(self) -> None:
        t = validate_thresholds({"high_importance": "5", "low_competence": " 1 ",
                                 "costly_hours_per_month": "10.5", "note": "Ours."})
        assert t == Thresholds(high_importance=5, low_competence=1,
                               costly_hours_per_month=D("10.5"), note="Ours.")
        assert validate_thresholds({}) == Thresholds()

    @pytest.mark.parametrize(("raw", "field"), [
        ({"high_importance": "five"}, "high_importance"),
        ({"low_importance": "2.5"}, "low_importance"),
        ({"high_competence": "9"}, "high_competence"),
        ({"costly_hours_per_month": "-3"}, "costly_hours_per_month"),
        ({"costly_hours_per_month": "3.25"}, "costly_hours_per_month"),
        ({"low_importance": "4"}, "low_importance"),
    ])
    def test_bad_settings_text(self, raw: dict[str, object], field: str) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_thresholds(raw)
        assert caught.value.for_field(field)


# --- Monthly cost of a quote -----------------------------------------------------------------

class TestMonthlyCost:
    @pytest.mark.parametrize(("q", "hours_per_day", "expected"), [
        # hour: rate × hours, rounded half up once
        (quote(45_00, HOUR, "EUR", "12.5"), 8, 562_50),
        (quote(45_00, HOUR, "EUR", "0"), 8, 0),
        (quote(5, HOUR, "EUR", "0.1"), 8, 1),  # 0.5 minor → 1
        (quote(4, HOUR, "EUR", "0.1"), 8, 0),  # 0.4 → 0
        (quote(15, HOUR, "EUR", "0.1"), 8, 2),  # 1.5 → 2
        (quote(25, HOUR, "EUR", "0.1"), 8, 3),  # 2.5 → 3, not to even
        (quote(1001, HOUR, "JPY", "0.5"), 8, 501),  # ¥500.5 → ¥501
        (quote(6000, HOUR, "JPY", "12.5"), 8, 75000),
        (quote(12_345, HOUR, "KWD", "0.5"), 8, 6_173),  # 6.1725 KWD → 6.173
        (quote(12_345, HOUR, "KWD", "0.3"), 8, 3_704),  # 3.7035 → 3.704
        # day: whole days, hours ÷ hours per day rounded up
        (quote(400_00, DAY, "EUR", "12"), 8, 800_00),
        (quote(400_00, DAY, "EUR", "16"), 8, 800_00),
        (quote(400_00, DAY, "EUR", "16.1"), 8, 1200_00),
        (quote(400_00, DAY, "EUR", "0.1"), 8, 400_00),
        (quote(400_00, DAY, "EUR", "0"), 8, 0),
        (quote(400_00, DAY, "EUR", "15"), D("7.5"), 800_00),
        (quote(400_00, DAY, "EUR", "15.1"), D("7.5"), 1200_00),
        (quote(400_00, DAY, "EUR", "13"), 6, 1200_00),
        (quote(50_000, DAY, "JPY", "20"), 8, 150_000),
        (quote(95_125, DAY, "KWD", "8"), 8, 95_125),
        # month: the rate, whatever the hours
        (quote(1200_00, MONTH, "EUR", "30"), 8, 1200_00),
        (quote(200_000, MONTH, "JPY", "0"), 8, 200_000),
        (quote(350_750, MONTH, "KWD", "5"), 8, 350_750),
        # fixed: spread evenly over the months it covers
        (quote(3000_00, FIXED, "EUR", "0", 1), 8, 3000_00),
        (quote(3000_00, FIXED, "EUR", "0", 12), 8, 250_00),
        (quote(1000_00, FIXED, "EUR", "0", 3), 8, 333_33),
        (quote(200, FIXED, "EUR", "0", 3), 8, 67),  # 66.67 → 67
        (quote(1, FIXED, "EUR", "0", 2), 8, 1),  # 0.5 → 1
        (quote(5, FIXED, "EUR", "0", 2), 8, 3),  # 2.5 → 3
        (quote(100_000, FIXED, "JPY", "0", 3), 8, 33_333),
        (quote(50_000, FIXED, "JPY", "0", 12), 8, 4_167),
        (quote(1_000, FIXED, "KWD", "0", 8), 8, 125),
        (quote(1_001, FIXED, "KWD", "0", 2), 8, 501),
    ])
    def test_table(self, q: Quote, hours_per_day: int | Decimal, expected: int) -> None:
        cost = monthly_cost(q, hours_per_day)
        assert cost == expected and type(cost) is int

    def test_default_is_eight_hours_a_day(self) -> None:
        assert monthly_cost(quote(100_00, DAY, "EUR", "9")) == 200_00

    @pytest.mark.parametrize("hours_per_day", [0, D(0), D(-8), 8.0, True, D("NaN")])
    def test_hours_per_day_must_be_a_positive_exact_number(self, hours_per_day: object) -> None:
        with pytest.raises((TypeError, ValueError)):
            monthly_cost(quote(1, DAY, "EUR", "1"), hours_per_day)  # type: ignore[arg-type]

    @given(rate=st.integers(0, 10**9), tenths=st.integers(0, 7440))
    def test_hourly_is_integer_half_up(self, rate: int, tenths: int) -> None:
        q = quote(rate, HOUR, "EUR", D(tenths) / 10)  # type: ignore[arg-type]
        assert monthly_cost(q) == (rate * tenths + 5) // 10

    @given(rate=st.integers(0, 10**12), months=st.integers(1, 120))
    def test_fixed_is_integer_half_up(self, rate: int, months: int) -> None:
        q = quote(rate, FIXED, "JPY", 0, months)
        assert monthly_cost(q) == (2 * rate + months) // (2 * months)

    @pytest.mark.parametrize(("kwargs", "error"), [
        ({"rate_minor": 1.5}, TypeError), ({"rate_minor": -1}, ValueError),
        ({"unit": "hour"}, TypeError), ({"estimated_hours_per_month": 2.5}, TypeError),
        ({"estimated_hours_per_month": D("2.25")}, TypeError), ({"fixed_months": 0}, ValueError),
    ])
    def test_quote_refuses_inexact_values(self, kwargs: dict[str, object],
                                          error: type[Exception]) -> None:
        base = {"source": "x", "contractor_id": None, "rate_minor": 100, "unit": HOUR,
                "currency": "EUR", "estimated_hours_per_month": D(1)}
        with pytest.raises(error):
            Quote(**{**base, **kwargs})  # type: ignore[arg-type]


class TestHoursValue:
    @pytest.mark.parametrize(("hours", "hour_value", "currency", "expected"), [
        ("12.5", 60_00, "EUR", 750_00),
        ("0", 60_00, "EUR", 0),
        ("0.1", 1005, "JPY", 101),  # ¥100.5 → ¥101
        ("0.3", 12_345, "KWD", 3_704),  # 3.7035 KWD → 3.704
        ("744", 10**9, "USD", 744 * 10**9),
    ])
    def test_table(self, hours: str, hour_value: int, currency: str, expected: int) -> None:
        assert hours_value(activity(hours=hours, hour_value=hour_value, currency=currency)) == expected

    def test_inputs_refuse_floats(self) -> None:
        with pytest.raises(TypeError):
            ActivityInputs("x", 2.5, 3, 3, 100, "EUR")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            ActivityInputs("x", D(2), 3, 3, 100.0, "EUR")  # type: ignore[arg-type]


# --- Exchange rates --------------------------------------------------------------------------

class TestConvert:
    @pytest.mark.parametrize(("amount", "frm", "to", "rate", "expected"), [
        (1234_56, "EUR", "USD", "1.0834", 1337_52),  # 1337.524304
        (1, "EUR", "JPY", "150", 2),  # ¥1.5 → ¥2
        (3, "EUR", "JPY", "150", 5),  # ¥4.5 → ¥5
        (100_00, "EUR", "JPY", "161.23", 16_123),
        (15_000, "JPY", "EUR", "0.0061", 91_50),
        (1, "JPY", "EUR", "0.005", 1),  # 0.5 cent → 1
        (1, "KWD", "USD", "3.25", 0),  # 0.325 cent → 0
        (2, "KWD", "USD", "3.25", 1),  # 0.65 cent → 1
        (1_000, "KWD", "USD", "3.2545", 325),  # 325.45 cents
        (100, "USD", "KWD", "0.3075", 308),  # 307.5 fils → 308
        (5, "USD", "EUR", "0.5", 3),  # 2.5 cents → 3, not to even
        (10**15 - 1, "EUR", "USD", "0.5", 5 * 10**14),  # 499999999999999.5 → up
        (10**15, "EUR", "USD", "1.0000000000000001", 10**15),  # +0.1 cent → down
        (10**15, "EUR", "USD", "1.0000000000000005", 10**15 + 1),  # +0.5 cent → up
    ])
    def test_table(self, amount: int, frm: str, to: str, rate: str, expected: int) -> None:
        result = convert(amount, ExchangeRate(frm, to, D(rate)))
        assert result == expected and type(result) is int

    @given(amount=st.integers(0, 10**15), digits=st.integers(0, 8),
           mantissa=st.integers(1, 10**9), pair=st.sampled_from(
               [("EUR", "USD"), ("EUR", "JPY"), ("JPY", "KWD"), ("KWD", "EUR")]))
    def test_exact_against_integer_arithmetic(self, amount: int, digits: int, mantissa: int,
                                              pair: tuple[str, str]) -> None:
        frm, to = pair
        shift = {"EUR": 2, "USD": 2, "JPY": 0, "KWD": 3}
        rate = D(mantissa).scaleb(-digits)
        numerator = amount * mantissa * 10 ** shift[to]
        denominator = 10**digits * 10 ** shift[frm]
        expected = (2 * numerator + denominator) // (2 * denominator)
        assert convert(amount, ExchangeRate(frm, to, rate)) == expected

    @pytest.mark.parametrize("rate", [D(0), D(-1), D("Infinity")])
    def test_rate_must_be_positive(self, rate: Decimal) -> None:
        with pytest.raises((TypeError, ValueError)):
            ExchangeRate("EUR", "USD", rate)

    def test_rate_must_not_be_a_float(self) -> None:
        with pytest.raises(TypeError):
            ExchangeRate("EUR", "USD", 1.08)  # type: ignore[arg-type]


# --- The money view --------------------------------------------------------------------------

def _plan_rows() -> list[tuple[ActivityInputs, list[Quote], Recommendation]]:
    """Hour value €60 everywhere; the plan is in EUR."""
    rows = [
        # Outsource: €35 × 8 h = €280 beats €300 a month; hours worth €600.
        (activity(2, 1, "10", name="Bookkeeping"),
         [quote(300_00, MONTH, "EUR"), quote(35_00, HOUR, "EUR", "8")]),
        # Hire an expert: $50 × 15 h = $750 → €600 at 1 EUR = 1.25 USD, beats €1,800.03 / 3.
        (activity(5, 2, "20", name="Ads"),
         [quote(1800_03, FIXED, "EUR", "0", 3), quote(50_00, HOUR, "USD", "15")]),
        # Keep: quoted, but not in the outsourcing total.
        (activity(5, 5, "30", name="Client support"), [quote(20_00, HOUR, "EUR", "30")]),
        # Outsource, quoted only in GBP and CHF: listed apart, never added.
        (activity(1, 2, "6", name="IT"),
         [quote(250_00, MONTH, "CHF"), quote(40_00, HOUR, "GBP", "6")]),
        # Outsource, GBP day rate: 10 h → 2 days × £300.
        (activity(2, 2, "10", name="Design"), [quote(300_00, DAY, "GBP", "10")]),
        # Outsource, no quote yet.
        (activity(1, 1, "5", name="Newsletter"), []),
        # Undecided: quoted, not in the total.
        (activity(3, 3, "10", name="Strategy"), [quote(10_00, HOUR, "EUR", "10")]),
    ]
    return [(a, q, recommend(a)) for a, q in rows]


USD_RATE = ExchangeRate("EUR", "USD", D("1.25"))


class TestActivityMoney:
    def test_best_quote_and_saving(self) -> None:
        a, quotes, rec = _plan_rows()[0]
        line = activity_money(a, quotes, rec, "EUR")
        assert line.hours_value_minor == 600_00
        assert line.best is not None and line.best.quote.unit is HOUR
        assert line.best_cost_minor == 280_00 and line.saving_minor == 320_00
        assert [q.plan_minor for q in line.quotes] == [280_00, 300_00]
        assert line.other_currency == () and line.outsourcing and line.decision is O

    def test_converted_quote_can_win(self) -> None:
        a, quotes, rec = _plan_rows()[1]
        line = activity_money(a, quotes, rec, "EUR", [USD_RATE])
        assert line.best is not None and line.best.converted
        assert (line.best.monthly_minor, line.best.plan_minor) == (750_00, 600_00)
        assert line.quotes[1].plan_minor == 600_01 and not line.quotes[1].converted
        assert line.saving_minor == 1200_00 - 600_00

    def test_without_the_rate_the_other_currency_is_listed_apart(self) -> None:
        a, quotes, rec = _plan_rows()[1]
        line = activity_money(a, quotes, rec, "EUR")
        assert line.best_cost_minor == 600_01
        assert [(q.quote.currency, q.monthly_minor, q.plan_minor) for q in line.other_currency
                ] == [("USD", 750_00, None)]

    def test_saving_may_be_negative(self) -> None:
        a = activity(1, 1, "2", hour_value=20_00)
        line = activity_money(a, [quote(100_00, MONTH)], recommend(a), "EUR")
        assert line.saving_minor == 40_00 - 100_00

    def test_no_usable_quote_means_no_saving(self) -> None:
        a = activity(1, 1, "2")
        line = activity_money(a, [], recommend(a), "EUR")
        assert line.best is None and line.best_cost_minor is None and line.saving_minor is None

    def test_ties_keep_the_first_quote(self) -> None:
        a = activity(1, 1, "10")
        first, second = quote(100_00, MONTH, source="A"), quote(10_00, HOUR, hours="10", source="B")
        assert activity_money(a, [first, second], recommend(a), "EUR").best.quote is first  # type: ignore[union-attr]

    def test_hour_value_in_another_currency_needs_a_rate(self) -> None:
        a = activity(1, 1, "10", hour_value=50_00, currency="USD", name="IT")
        with pytest.raises(ValidationError) as caught:
            activity_money(a, [], recommend(a), "EUR")
        assert "IT" in (caught.value.for_field("currency") or "")
        line = activity_money(a, [], recommend(a), "EUR", [USD_RATE])
        assert line.hours_value_minor == 400_00  # $500 at 1 EUR = 1.25 USD


class TestPlanMoney:
    def test_total_only_counts_outsourcing_decisions(self) -> None:
        plan = plan_money(_plan_rows(), "EUR", [USD_RATE])
        assert [line.decision for line in plan.lines] == [O, H, K, O, O, O, U]
        assert plan.total.activities == ("Bookkeeping", "Ads")
        assert plan.total.hours_per_month == D(30)
        assert plan.total.cost_minor == 280_00 + 600_00
        assert plan.total.hours_value_minor == 600_00 + 1200_00
        assert plan.total.saving_minor == 1800_00 - 880_00
        assert plan.total.currency == "EUR"
        assert plan.unquoted == ("Newsletter",)

    def test_other_currencies_are_totalled_apart_never_added(self) -> None:
        plan = plan_money(_plan_rows(), "EUR", [USD_RATE])
        assert [(t.currency, t.cost_minor, t.activities) for t in plan.other_totals] == [
            ("CHF", 250_00, ("IT",)),
            ("GBP", 240_00 + 600_00, ("IT", "Design")),
        ]

    def test_without_any_rate_the_dollar_quote_drops_to_the_euro_one(self) -> None:
        plan = plan_money(_plan_rows(), "EUR", [])
        assert plan.total.cost_minor == 280_00 + 600_01
        assert {t.currency for t in plan.other_totals} == {"CHF", "GBP"}

    def test_a_rate_moves_quotes_into_the_plan_total(self) -> None:
        gbp = ExchangeRate("GBP", "EUR", D("1.17"))
        plan = plan_money(_plan_rows(), "eur", [USD_RATE, gbp])
        assert plan.currency == "EUR"
        assert plan.total.activities == ("Bookkeeping", "Ads", "IT", "Design")
        assert plan.total.cost_minor == 280_00 + 600_00 + 280_80 + 702_00
        assert plan.total.hours_value_minor == 600_00 + 1200_00 + 360_00 + 600_00
        assert plan.total.saving_minor == 2760_00 - 1862_80
        assert plan.other_totals == ()  # IT's CHF quote is moot once IT is costed in EUR
        assert [q.quote.currency for q in plan.lines[3].other_currency] == ["CHF"]

    def test_plan_in_another_currency_converts_the_hours_too(self) -> None:
        rows = [(a, q, r) for a, q, r in _plan_rows() if a.name == "Bookkeeping"]
        plan = plan_money(rows, "USD", [USD_RATE])
        assert plan.total.hours_value_minor == 750_00 and plan.total.cost_minor == 350_00

    def test_empty_plan(self) -> None:
        plan = plan_money([], "JPY", [])
        assert plan.lines == () and plan.other_totals == () and plan.unquoted == ()
        assert (plan.total.cost_minor, plan.total.hours_value_minor, plan.total.saving_minor,
                plan.total.hours_per_month) == (0, 0, 0, D(0))

    def test_bad_currency_or_rates_name_the_field(self) -> None:
        with pytest.raises(ValidationError) as caught:
            plan_money([], "EURO", [])
        assert caught.value.for_field("currency")
        for rates in ([USD_RATE, ExchangeRate("USD", "EUR", D("0.8"))],
                      [ExchangeRate("EUR", "eur", D(1))]):
            with pytest.raises(ValidationError) as caught:
                plan_money([], "EUR", rates)
            assert caught.value.for_field("rates")


# --- Validation of typed input ---------------------------------------------------------------

GOOD_ACTIVITY = {"name": " Bookkeeping ", "hours_per_month": "12.5", "importance": "2",
                 "competence": 1, "hour_value": "60", "currency": "eur"}


class TestValidateActivity:
    def test_good(self) -> None:
        assert validate_activity(GOOD_ACTIVITY) == ActivityInputs(
            "Bookkeeping", D("12.5"), 2, 1, 60_00, "EUR")

    @pytest.mark.parametrize(("hours", "expected"), [
        ("12.50", D("12.5")), ("12.0", D(12)), (12, D(12)), (D("0.1"), D("0.1")), ("0", D(0)),
        ("744", D(744)),
    ])
    def test_hours_spellings(self, hours: object, expected: Decimal) -> None:
        got = validate_activity({**GOOD_ACTIVITY, "hours_per_month": hours}).hours_per_month
        assert got == expected and str(got) == str(expected)

    def test_blank_hour_value_takes_the_settings_default(self) -> None:
        inputs = validate_activity({**GOOD_ACTIVITY, "hour_value": ""},
                                   default_hour_value_minor=75_00)
        assert inputs.hour_value_minor == 75_00

    def test_hour_value_in_currency_precision(self) -> None:
        assert validate_activity({**GOOD_ACTIVITY, "currency": "JPY", "hour_value": "8000"}
                                 ).hour_value_minor == 8000
        assert validate_activity({**GOOD_ACTIVITY, "currency": "KWD", "hour_value": "18.125"}
                                 ).hour_value_minor == 18_125

    @pytest.mark.parametrize(("change", "field", "words"), [
        ({"name": ""}, "name", "required"),
        ({"name": "   "}, "name", "required"),
        ({"name": "x" * 121}, "name", "120"),
        ({"hours_per_month": ""}, "hours_per_month", "required"),
        ({"hours_per_month": "-1"}, "hours_per_month", "zero or more"),
        ({"hours_per_month": "12.25"}, "hours_per_month", "one decimal"),
        ({"hours_per_month": "ten"}, "hours_per_month", "not a number"),
        ({"hours_per_month": "745"}, "hours_per_month", "744"),
        ({"hours_per_month": 2.5}, "hours_per_month", "number of hours"),
        ({"importance": "0"}, "importance", "1 to 5"),
        ({"importance": "6"}, "importance", "1 to 5"),
        ({"importance": "3.5"}, "importance", "1 to 5"),
        ({"importance": ""}, "importance", "1 to 5"),
        ({"importance": True}, "importance", "1 to 5"),
        ({"competence": "six"}, "competence", "1 to 5"),
        ({"competence": None}, "competence", "1 to 5"),
        ({"currency": "EURO"}, "currency", "ISO 4217"),
        ({"currency": ""}, "currency", "required"),
        ({"hour_value": "-5"}, "hour_value", "zero or more"),
        ({"hour_value": "abc"}, "hour_value", "not a number"),
        ({"hour_value": "12.345"}, "hour_value", "2 decimal"),
        ({"hour_value": "1.5", "currency": "JPY"}, "hour_value", "no decimal"),
        ({"hour_value": ""}, "hour_value", "required"),
        ({"hour_value": 60.0}, "hour_value", "amount"),
    ])
    def test_bad_fields_are_named(self, change: dict[str, object], field: str, words: str) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_activity({**GOOD_ACTIVITY, **change})
        assert words in (caught.value.for_field(field) or ""), caught.value.errors

    def test_every_bad_field_at_once(self) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_activity({"hours_per_month": "x", "importance": "9", "competence": "0",
                               "currency": "??"})
        assert {e.field for e in caught.value.errors} == {
            "name", "hours_per_month", "importance", "competence", "currency", "hour_value"}


GOOD_QUOTE = {"source": "Ledger & Co", "contractor_id": "7", "rate": "45.50", "unit": "hour",
              "currency": "usd", "estimated_hours_per_month": "12"}


class TestValidateQuote:
    @pytest.mark.parametrize(("change", "expected"), [
        ({}, Quote("Ledger & Co", 7, 45_50, HOUR, "USD", D(12))),
        ({"contractor_id": ""}, Quote("Ledger & Co", None, 45_50, HOUR, "USD", D(12))),
        ({"unit": "Day"}, Quote("Ledger & Co", 7, 45_50, DAY, "USD", D(12))),
        ({"unit": MONTH, "estimated_hours_per_month": ""},
         Quote("Ledger & Co", 7, 45_50, MONTH, "USD", D(0))),
        ({"unit": "fixed", "fixed_months": "6", "rate": "1200"},
         Quote("Ledger & Co", 7, 1200_00, FIXED, "USD", D(12), 6)),
        ({"currency": "JPY", "rate": "5000"}, Quote("Ledger & Co", 7, 5000, HOUR, "JPY", D(12))),
    ])
    def test_good(self, change: dict[str, object], expected: Quote) -> None:
        assert validate_quote({**GOOD_QUOTE, **change}) == expected

    @pytest.mark.parametrize(("change", "field"), [
        ({"source": ""}, "source"),
        ({"contractor_id": "abc"}, "contractor_id"),
        ({"unit": "week"}, "unit"),
        ({"unit": ""}, "unit"),
        ({"rate": ""}, "rate"),
        ({"rate": "lots"}, "rate"),
        ({"rate": "-1"}, "rate"),
        ({"rate": 45.5}, "rate"),
        ({"currency": "XYZ"}, "currency"),
        ({"estimated_hours_per_month": ""}, "estimated_hours_per_month"),
        ({"unit": "day", "estimated_hours_per_month": ""}, "estimated_hours_per_month"),
        ({"estimated_hours_per_month": "1.25"}, "estimated_hours_per_month"),
        ({"unit": "fixed", "fixed_months": "0"}, "fixed_months"),
        ({"unit": "fixed", "fixed_months": "121"}, "fixed_months"),
        ({"unit": "fixed", "fixed_months": "x"}, "fixed_months"),
    ])
    def test_bad_fields_are_named(self, change: dict[str, object], field: str) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_quote({**GOOD_QUOTE, **change})
        assert caught.value.for_field(field), caught.value.errors


class TestValidateRate:
    def test_good(self) -> None:
        assert validate_rate({"from_currency": "eur", "to_currency": "usd", "rate": "1.0834"}
                             ) == ExchangeRate("EUR", "USD", D("1.0834"))

    @pytest.mark.parametrize(("raw", "field"), [
        ({"from_currency": "EUR", "to_currency": "EUR", "rate": "1"}, "to_currency"),
        ({"from_currency": "XYZ", "to_currency": "EUR", "rate": "1"}, "from_currency"),
        ({"from_currency": "EUR", "to_currency": "", "rate": "1"}, "to_currency"),
        ({"from_currency": "EUR", "to_currency": "USD", "rate": "0"}, "rate"),
        ({"from_currency": "EUR", "to_currency": "USD", "rate": "-1.1"}, "rate"),
        ({"from_currency": "EUR", "to_currency": "USD", "rate": "1e3"}, "rate"),
        ({"from_currency": "EUR", "to_currency": "USD", "rate": ""}, "rate"),
        ({"from_currency": "EUR", "to_currency": "USD", "rate": 1.08}, "rate"),
    ])
    def test_bad_fields_are_named(self, raw: dict[str, object], field: str) -> None:
        with pytest.raises(ValidationError) as caught:
            validate_rate(raw)
        assert caught.value.for_field(field), caught.value.errors


# --- Properties: totals are the sum of their lines; no float anywhere ------------------------

CODES = ("EUR", "USD", "JPY", "KWD", "GBP")
hours_st = st.integers(0, 7440).map(lambda tenths: D(tenths) / 10)
quote_st = st.builds(
    Quote, source=st.just("q"), contractor_id=st.none() | st.integers(1, 99),
    rate_minor=st.integers(0, 10**9), unit=st.sampled_from(list(RateUnit)),
    currency=st.sampled_from(CODES), estimated_hours_per_month=hours_st,
    fixed_months=st.integers(1, 24))


@st.composite
def plans(draw: st.DrawFn) -> tuple[str, list, list[ExchangeRate]]:
    currency = draw(st.sampled_from(CODES))
    pairs = draw(st.sets(st.sampled_from(
        [(a, b) for a in CODES for b in CODES if a < b]), max_size=4))
    rates = []
    for a, b in sorted(pairs):
        rate = D(draw(st.integers(1, 10**8))).scaleb(-draw(st.integers(0, 6)))
        rates.append(ExchangeRate(*((a, b) if draw(st.booleans()) else (b, a)), rate))
    rows = []
    for n in range(draw(st.integers(0, 6))):
        inputs = ActivityInputs(f"a{n}", draw(hours_st), draw(st.integers(1, 5)),
                                draw(st.integers(1, 5)), draw(st.integers(0, 10**7)), currency)
        decision = draw(st.sampled_from(list(PlannerDecision)))
        rows.append((inputs, draw(st.lists(quote_st, max_size=4)), Recommendation(decision, "r")))
    return currency, rows, rates


def _floats(value: object) -> list[object]:
    if isinstance(value, float):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return [x for f in fields(value) for x in _floats(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [x for item in value for x in _floats(item)]
    return []


@settings(max_examples=200, deadline=None)
@given(plans())
def test_totals_are_the_sum_of_their_lines_and_nothing_is_a_float(plan_input: tuple) -> None:
    currency, rows, rates = plan_input
    plan: PlanMoney = plan_money(rows, currency, rates)
    assert _floats(plan) == []

    counted = [line for line in plan.lines if line.outsourcing and line.best is not None]
    assert plan.total.activities == tuple(line.name for line in counted)
    assert plan.total.cost_minor == sum(line.best.plan_minor for line in counted)  # type: ignore[union-attr,misc]
    assert plan.total.hours_value_minor == sum(line.hours_value_minor for line in counted)
    assert plan.total.saving_minor == sum(line.saving_minor for line in counted)  # type: ignore[misc]
    assert plan.total.hours_per_month == sum((line.hours_per_month for line in counted), D(0))

    for line in plan.lines:
        assert type(line.hours_value_minor) is int
        for cost in (*line.quotes, *line.other_currency):
            assert type(cost.monthly_minor) is int
            assert cost.monthly_minor == monthly_cost(cost.quote)
        if line.best is not None:
            assert line.best.plan_minor == min(q.plan_minor for q in line.quotes)  # type: ignore[type-var]
            assert line.saving_minor == line.hours_value_minor - line.best.plan_minor  # type: ignore[operator]
        assert all(q.quote.currency != currency and q.plan_minor is None
                   for q in line.other_currency)
        assert all((q.quote.currency == currency) is (not q.converted) for q in line.quotes)

    codes = [t.currency for t in plan.other_totals]
    assert currency not in codes and codes == sorted(set(codes))
    for total in plan.other_totals:
        lines = [line for line in plan.lines if line.outsourcing and line.best is None
                 and any(q.quote.currency == total.currency for q in line.other_currency)]
        assert total.activities == tuple(line.name for line in lines)
        assert total.cost_minor == sum(min(q.monthly_minor for q in line.other_currency
                                           if q.quote.currency == total.currency)
                                       for line in lines)
    assert set(plan.unquoted) == {line.name for line in plan.lines if line.outsourcing
                                  and not line.quotes and not line.other_currency}


def test_the_planner_source_has_no_float() -> None:
    tree = ast.parse(PLANNER.read_text("utf-8"))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Constant)
                and isinstance(n.value, float)]
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "float"]
