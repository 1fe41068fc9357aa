"""Payment schedules: worked examples, every rejected input, and exact-sum properties."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.enums import BillingPeriod, InstallmentStatus
from desktop.core.money import MAX_MINOR
from desktop.core.schedule import (
    BillingSpan,
    Milestone,
    PlannedInstallment,
    billing_spans,
    fixed_schedule,
    milestone_schedule,
    regenerate,
    retainer_schedule,
    schedule_total,
    time_schedule,
)
from desktop.core.validation import ValidationError

D = Decimal
MONTHLY, WEEKLY = BillingPeriod.MONTHLY, BillingPeriod.WEEKLY


def pi(label: str, period_end: date, due_on: date, amount: int,
       currency: str = "USD") -> PlannedInstallment:
    return PlannedInstallment(label, period_end, due_on, amount, currency)


def by_percent(*percents: str, on: date = date(2026, 1, 5)) -> list[Milestone]:
    return [Milestone(f"Milestone {n}", on + timedelta(days=n), percent=D(p))
            for n, p in enumerate(percents, 1)]


def rejected(call: Callable[[], object], field: str) -> str:
    """Run call, insist it is refused on field, and hand back the message."""
    with pytest.raises(ValidationError) as caught:
        call()
    message = caught.value.for_field(field)
    assert message is not None, f"expected an error on {field!r}, got {caught.value}"
    return message


# -- worked examples -------------------------------------------------------------------------

class TestFixed:
    def test_one_installment_due_after_net_days(self) -> None:
        assert fixed_schedule(500000, "USD", date(2026, 3, 15), 30) == [
            pi("Fixed price", date(2026, 3, 15), date(2026, 4, 14), 500000)]

    def test_custom_label_and_net_zero(self) -> None:
        assert fixed_schedule(1000, "jpy", date(2024, 2, 29), 0, label="Logo") == [
            pi("Logo", date(2024, 2, 29), date(2024, 2, 29), 1000, "JPY")]


class TestMilestones:
    def test_thirty_thirty_forty_of_a_thousand_dollars_net_14(self) -> None:
        milestones = [Milestone("Deposit", date(2026, 1, 5), percent=D(30)),
                      Milestone("Milestone 2: designs", date(2026, 2, 2), percent=D("30")),
                      Milestone("Launch", date(2026, 3, 30), percent=D("40.00"))]
        assert milestone_schedule(100000, "USD", milestones, 14) == [
            pi("Deposit", date(2026, 1, 5), date(2026, 1, 19), 30000),
            pi("Milestone 2: designs", date(2026, 2, 2), date(2026, 2, 16), 30000),
            pi("Launch", date(2026, 3, 30), date(2026, 4, 13), 40000)]

    @pytest.mark.parametrize(("total", "currency", "percents", "amounts"), [
        (10000, "USD", ("33.33", "33.33", "33.34"), [3333, 3333, 3334]),
        (100, "USD", ("33.33", "33.33", "33.34"), [33, 33, 34]),
        (10001, "USD", ("50", "50"), [5000, 5001]),
        (1, "USD", ("50", "50"), [0, 1]),
        (1000, "JPY", ("33.33", "33.33", "33.34"), [333, 333, 334]),
        (999, "JPY", ("50", "50"), [499, 500]),
        (1001, "KWD", ("30", "30", "40"), [300, 300, 401]),
        (12345, "KWD", ("12.5", "87.5"), [1543, 10802]),
    ])
    def test_floor_shares_and_the_remainder_goes_last(self, total: int, currency: str,
                                                      percents: tuple[str, ...],
                                                      amounts: list[int]) -> None:
        items = milestone_schedule(total, currency, by_percent(*percents), 0)
        assert [i.amount_minor for i in items] == amounts
        assert schedule_total(items) == total
        assert {i.currency for i in items} == {currency}

    def test_integer_percentages_are_fine(self) -> None:
        items = milestone_schedule(900, "USD", [Milestone("A", date(2026, 1, 1), percent=50),
                                                Milestone("B", date(2026, 1, 1), percent=50)], 0)
        assert [i.amount_minor for i in items] == [450, 450]

    def test_by_amounts(self) -> None:
        milestones = [Milestone("Deposit", date(2026, 1, 5), amount_minor=25000),
                      Milestone("Beta", date(2026, 2, 1), amount_minor=50000),
                      Milestone("Beta fixes", date(2026, 2, 1), amount_minor=5000),
                      Milestone("Handover", date(2026, 3, 1), amount_minor=20000)]
        assert milestone_schedule(100000, "EUR", milestones, 30) == [
            pi("Deposit", date(2026, 1, 5), date(2026, 2, 4), 25000, "EUR"),
            pi("Beta", date(2026, 2, 1), date(2026, 3, 3), 50000, "EUR"),
            pi("Beta fixes", date(2026, 2, 1), date(2026, 3, 3), 5000, "EUR"),
            pi("Handover", date(2026, 3, 1), date(2026, 3, 31), 20000, "EUR")]


class TestRetainer:
    def test_monthly_from_the_31st_in_a_leap_year(self) -> None:
        items = retainer_schedule(300000, "USD", date(2024, 1, 31), date(2024, 5, 30), MONTHLY, 7)
        assert items == [  # the periods start 31 Jan, 29 Feb, 31 Mar, 30 Apr
            pi("31 Jan – 28 Feb 2024", date(2024, 2, 28), date(2024, 3, 6), 300000),
            pi("29 Feb – 30 Mar 2024", date(2024, 3, 30), date(2024, 4, 6), 300000),
            pi("31 Mar – 29 Apr 2024", date(2024, 4, 29), date(2024, 5, 6), 300000),
            pi("30 Apr – 30 May 2024", date(2024, 5, 30), date(2024, 6, 6), 300000)]
        assert schedule_total(items) == 1200000

    def test_monthly_from_the_31st_in_a_common_year(self) -> None:
        items = retainer_schedule(100, "USD", date(2025, 1, 31), date(2025, 4, 29), "monthly", 0)
        assert [(i.label, i.period_end) for i in items] == [
            ("31 Jan – 27 Feb 2025", date(2025, 2, 27)),  # next period starts 28 Feb
            ("28 Feb – 30 Mar 2025", date(2025, 3, 30)),  # then 31 Mar, not 28 Mar
            ("31 Mar – 29 Apr 2025", date(2025, 4, 29))]

    def test_ending_on_an_anniversary_bills_no_extra_period(self) -> None:
        quarter = retainer_schedule(100000, "USD", date(2026, 1, 31), date(2026, 4, 30),
                                    MONTHLY, 0)
        assert [(i.label, i.amount_minor) for i in quarter] == [
            ("31 Jan – 27 Feb 2026", 100000), ("28 Feb – 30 Mar 2026", 100000),
            ("31 Mar – 30 Apr 2026", 100000)]  # 30 Apr joins the last period
        year = retainer_schedule(35000, "GBP", date(2026, 9, 15), date(2027, 9, 15), MONTHLY, 0)
        assert len(year) == 12 and schedule_total(year) == 12 * 35000
        assert year[-1].label == "15 Aug – 15 Sep 2027"

    def test_calendar_months_are_named_by_the_month(self) -> None:
        items = retainer_schedule(5000, "GBP", date(2026, 1, 1), date(2026, 3, 31), MONTHLY, 14)
        assert [i.label for i in items] == ["Jan 2026", "Feb 2026", "Mar 2026"]

    def test_a_short_last_period_is_pro_rated_by_its_days(self) -> None:
        items = retainer_schedule(5000, "GBP", date(2026, 1, 1), date(2026, 2, 3), MONTHLY, 14)
        assert items == [  # 5000 × 3/28 = 535.7, rounded half up
            pi("Jan 2026", date(2026, 1, 31), date(2026, 2, 14), 5000, "GBP"),
            pi("1–3 Feb 2026 (pro-rated, 3 of 28 days)", date(2026, 2, 3), date(2026, 2, 17),
               536, "GBP")]

    def test_weekly(self) -> None:
        items = retainer_schedule(40000, "USD", date(2026, 1, 6), date(2026, 1, 26), WEEKLY, 3)
        assert items == [
            pi("Week of 6 Jan 2026", date(2026, 1, 12), date(2026, 1, 15), 40000),
            pi("Week of 13 Jan 2026", date(2026, 1, 19), date(2026, 1, 22), 40000),
            pi("Week of 20 Jan 2026", date(2026, 1, 26), date(2026, 1, 29), 40000)]

    def test_a_single_day_is_a_pro_rated_period(self) -> None:
        items = retainer_schedule(700, "USD", date(2026, 1, 6), date(2026, 1, 6), WEEKLY, 0)
        assert items == [pi("6–6 Jan 2026 (pro-rated, 1 of 7 days)", date(2026, 1, 6),
                            date(2026, 1, 6), 100)]

    def test_a_pro_rated_part_worth_nothing_is_left_out(self) -> None:
        items = retainer_schedule(10, "USD", date(2026, 1, 1), date(2026, 2, 1), MONTHLY, 0)
        assert [(i.label, i.amount_minor) for i in items] == [("1 Jan – 1 Feb 2026", 10)]
        tiny = retainer_schedule(1, "USD", date(2026, 1, 1), date(2026, 2, 2), MONTHLY, 0)
        assert [(i.label, i.amount_minor) for i in tiny] == [("Jan 2026", 1)]


class TestTime:
    def test_hourly_over_three_months(self) -> None:
        items = time_schedule(8500, "USD", 100, date(2026, 3, 1), date(2026, 5, 31), MONTHLY, 30)
        assert items == [
            pi("Mar 2026 (est. 33 hours)", date(2026, 3, 31), date(2026, 4, 30), 280500),
            pi("Apr 2026 (est. 33 hours)", date(2026, 4, 30), date(2026, 5, 30), 280500),
            pi("May 2026 (est. 34 hours)", date(2026, 5, 31), date(2026, 6, 30), 289000)]
        assert schedule_total(items) == 8500 * 100

    def test_daily_weekly_with_a_unit_label(self) -> None:
        items = time_schedule(60000, "EUR", 4, date(2026, 1, 5), date(2026, 1, 18), WEEKLY, 0,
                              unit_label="days")
        assert [(i.label, i.amount_minor) for i in items] == [
            ("Week of 5 Jan 2026 (est. 2 days)", 120000),
            ("Week of 12 Jan 2026 (est. 2 days)", 120000)]

    def test_one_unit_reads_singular(self) -> None:
        items = time_schedule(100, "USD", 1, date(2026, 1, 1), date(2026, 1, 31), MONTHLY, 0)
        assert items[0].label == "Jan 2026 (est. 1 hour)"

    def test_fewer_units_than_periods_never_make_an_empty_installment(self) -> None:
        items = time_schedule(5000, "USD", 3, date(2026, 1, 1), date(2026, 6, 30), MONTHLY, 0)
        assert [(i.label, i.amount_minor) for i in items] == [
            ("Feb 2026 (est. 1 hour)", 5000), ("Apr 2026 (est. 1 hour)", 5000),
            ("Jun 2026 (est. 1 hour)", 5000)]

    def test_a_short_last_period_gets_its_share_of_the_hours(self) -> None:
        items = time_schedule(100, "USD", 90, date(2026, 1, 1), date(2026, 3, 16), MONTHLY, 0)
        # Jan and Feb whole, 16 of 31 days of March: 90 × 1/2.516 ≈ 35.8 per whole month
        assert [i.label for i in items] == [
            "Jan 2026 (est. 35 hours)", "Feb 2026 (est. 36 hours)",
            "1–16 Mar 2026 (pro-rated, 16 of 31 days) (est. 19 hours)"]
        assert schedule_total(items) == 9000


# -- rejected input --------------------------------------------------------------------------

START, END = date(2026, 1, 1), date(2026, 6, 30)
OK_MILESTONES = by_percent("50", "50")

BUILDERS: dict[str, Callable[..., object]] = {
    "fixed": lambda amount=1000, currency="USD", net=0: fixed_schedule(
        amount, currency, START, net),
    "milestones": lambda amount=1000, currency="USD", net=0: milestone_schedule(
        amount, currency, OK_MILESTONES, net),
    "retainer": lambda amount=1000, currency="USD", net=0: retainer_schedule(
        amount, currency, START, END, MONTHLY, net),
    "time": lambda amount=1000, currency="USD", net=0: time_schedule(
        amount, currency, 10, START, END, WEEKLY, net),
}


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS.keys())
class TestCommonChecks:
    @pytest.mark.parametrize("amount", [0, -1, -MAX_MINOR])
    def test_amount_must_be_positive(self, build: Callable[..., object], amount: int) -> None:
        assert "more than zero" in rejected(lambda: build(amount=amount), "amount")

    def test_amount_has_a_ceiling(self, build: Callable[..., object]) -> None:
        assert "too large" in rejected(lambda: build(amount=MAX_MINOR + 1), "amount")

    @pytest.mark.parametrize("currency", ["ABC", "US", "dollars"])
    def test_currency_must_be_iso_4217(self, build: Callable[..., object], currency: str) -> None:
        assert currency in rejected(lambda: build(currency=currency), "currency")

    def test_currency_is_required(self, build: Callable[..., object]) -> None:
        assert rejected(lambda: build(currency=" "), "currency") == "is required"

    @pytest.mark.parametrize("net", [-1, 366, 10_000])
    def test_net_days_between_0_and_365(self, build: Callable[..., object], net: int) -> None:
        assert "between 0 and 365" in rejected(lambda: build(net=net), "net_days")

    def test_float_money_is_a_programming_error(self, build: Callable[..., object]) -> None:
        with pytest.raises(TypeError):
            build(amount=10.0)

    def test_several_problems_are_reported_together(self, build: Callable[..., object]) -> None:
        with pytest.raises(ValidationError) as caught:
            build(amount=0, currency="ABC", net=-1)
        assert {e.field for e in caught.value.errors} >= {"amount", "currency", "net_days"}


class TestMilestoneChecks:
    def test_empty(self) -> None:
        message = rejected(lambda: milestone_schedule(1000, "USD", [], 0), "milestones")
        assert message == "add at least one milestone"

    @pytest.mark.parametrize(("percents", "shown"), [
        (("30", "30", "37"), "97"),
        (("33.33", "33.33", "33.33"), "99.99"),
        (("60", "50"), "110"),
        (("99.5",), "99.5"),
    ])
    def test_percentages_must_add_up_to_100_and_say_the_sum(self, percents: tuple[str, ...],
                                                            shown: str) -> None:
        message = rejected(lambda: milestone_schedule(1000, "USD", by_percent(*percents), 0),
                           "milestones")
        assert message == f"percentages add up to {shown}, not 100"

    @pytest.mark.parametrize(("currency", "amounts", "shown"), [
        ("USD", (40000, 50000), ("$900.00", "$1,000.00")),
        ("JPY", (400, 500), ("¥900", "¥1,000")),
        ("KWD", (400, 500), ("KWD0.900", "KWD100.000")),
    ])
    def test_amounts_must_add_up_and_say_both_sums(self, currency: str, amounts: tuple[int, ...],
                                                   shown: tuple[str, str]) -> None:
        total = {"USD": 100000, "JPY": 1000, "KWD": 100000}[currency]
        milestones = [Milestone(f"M{n}", START, amount_minor=a) for n, a in enumerate(amounts)]
        message = rejected(lambda: milestone_schedule(total, currency, milestones, 0), "milestones")
        assert shown[0] in message and shown[1] in message

    def test_mixing_percent_and_amount(self) -> None:
        milestones = [Milestone("Deposit", START, percent=D(50)),
                      Milestone("Rest", END, amount_minor=500)]
        assert "not a mix" in rejected(lambda: milestone_schedule(1000, "USD", milestones, 0),
                                       "milestones")

    def test_both_or_neither_on_one_milestone(self) -> None:
        both = [Milestone("Deposit", START, amount_minor=1000, percent=D(100))]
        neither = [Milestone("Deposit", START)]
        assert "both" in rejected(lambda: milestone_schedule(1000, "USD", both, 0), "milestones")
        assert "Deposit" in rejected(lambda: milestone_schedule(1000, "USD", neither, 0),
                                     "milestones")

    @pytest.mark.parametrize("percent", ["0", "-5", "100.01", "101"])
    def test_percent_out_of_range(self, percent: str) -> None:
        milestones = [Milestone("Deposit", START, percent=D(percent)),
                      Milestone("Rest", END, percent=D(100) - D(percent))]
        message = rejected(lambda: milestone_schedule(1000, "USD", milestones, 0), "milestones")
        assert "Deposit" in message or "Rest" in message

    def test_float_percent_is_a_programming_error(self) -> None:
        floaty = [Milestone("All", START, percent=100.0)]  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="never float"):
            milestone_schedule(1000, "USD", floaty, 0)

    @pytest.mark.parametrize("amount", [0, -100])
    def test_amount_milestones_must_be_positive(self, amount: int) -> None:
        milestones = [Milestone("Deposit", START, amount_minor=amount),
                      Milestone("Rest", END, amount_minor=1000 - amount)]
        assert "Deposit" in rejected(lambda: milestone_schedule(1000, "USD", milestones, 0),
                                     "milestones")

    def test_dates_must_not_go_backwards_and_the_label_is_named(self) -> None:
        milestones = [Milestone("Deposit", date(2026, 2, 1), percent=D(50)),
                      Milestone("Designs", date(2026, 1, 15), percent=D(50))]
        message = rejected(lambda: milestone_schedule(1000, "USD", milestones, 0), "milestones")
        assert "Designs" in message

    def test_blank_label(self) -> None:
        milestones = [Milestone("  ", START, percent=D(100))]
        assert "label" in rejected(lambda: milestone_schedule(1000, "USD", milestones, 0),
                                   "milestones")


class TestSpanChecks:
    def test_retainer_ends_before_it_starts(self) -> None:
        message = rejected(lambda: retainer_schedule(100, "USD", END, START, MONTHLY, 0), "end")
        assert message == "ends before it starts"

    def test_time_ends_before_it_starts(self) -> None:
        assert rejected(lambda: time_schedule(100, "USD", 5, END, START, WEEKLY, 0),
                        "end") == "ends before it starts"

    @pytest.mark.parametrize("units", [0, -3])
    def test_estimated_units_must_be_positive(self, units: int) -> None:
        message = rejected(lambda: time_schedule(100, "USD", units, START, END, WEEKLY, 0),
                           "estimated_units")
        assert "more than zero" in message

    def test_rate_times_units_has_a_ceiling(self) -> None:
        assert "too large" in rejected(
            lambda: time_schedule(MAX_MINOR, "USD", 2, START, END, WEEKLY, 0), "amount")

    def test_retainer_total_has_a_ceiling(self) -> None:
        assert "too large" in rejected(
            lambda: retainer_schedule(MAX_MINOR, "USD", START, END, MONTHLY, 0), "amount")


class TestScheduleTotal:
    def test_empty_is_zero(self) -> None:
        assert schedule_total([]) == 0

    def test_mixed_currencies_are_refused(self) -> None:
        items = [pi("A", START, START, 1), pi("B", START, START, 1, "EUR")]
        assert "EUR and USD" in rejected(lambda: schedule_total(items), "currency")


# -- regenerating after the terms change ----------------------------------------------------

PAID, PART, PLANNED, DUE = (InstallmentStatus.PAID, InstallmentStatus.PART_PAID,
                            InstallmentStatus.PLANNED, InstallmentStatus.DUE)


class TestRegenerate:
    def months(self, per: int, end: date = date(2026, 4, 30)) -> list[PlannedInstallment]:
        return retainer_schedule(per, "USD", date(2026, 1, 1), end, MONTHLY, 0)

    def test_nothing_paid_means_the_fresh_schedule(self) -> None:
        old, fresh = self.months(1000), self.months(1200)
        assert regenerate([(i, PLANNED) for i in old], fresh) == fresh

    def test_paid_months_are_kept_and_the_first_new_one_absorbs_the_difference(self) -> None:
        old, fresh = self.months(1000), self.months(1200)  # fresh total 4800
        existing = [(old[0], PAID), (old[1], "part_paid"), (old[2], DUE), (old[3], PLANNED)]
        new = regenerate(existing, fresh)
        assert [(i.label, i.amount_minor) for i in new] == [("Mar 2026", 1600), ("Apr 2026", 1200)]
        assert 1000 + 1000 + schedule_total(new) == schedule_total(fresh)

    def test_cancelled_ones_are_replaced(self) -> None:
        old = self.months(1000)
        new = regenerate([(old[0], PAID), (old[1], "cancelled")], self.months(1000))
        assert [i.label for i in new] == ["Feb 2026", "Mar 2026", "Apr 2026"]

    def test_paid_more_than_the_new_total(self) -> None:
        old = self.months(10000, end=date(2026, 2, 28))  # 2 × $100.00 paid
        fresh = fixed_schedule(8000, "USD", date(2026, 6, 1), 0)
        message = rejected(lambda: regenerate([(i, PAID) for i in old], fresh), "schedule")
        assert message == "paid installments already exceed the new total by $120.00"

    def test_nothing_left_to_carry_what_is_owed(self) -> None:
        old = self.months(1000)
        fresh = fixed_schedule(5000, "USD", date(2026, 2, 1), 0)
        message = rejected(lambda: regenerate([(old[2], PAID)], fresh), "schedule")
        assert "$40.00" in message and "31 Mar 2026" in message

    def test_fully_paid_with_nothing_owed_returns_nothing(self) -> None:
        old = self.months(1000)
        assert regenerate([(i, PAID) for i in old], self.months(1000)) == []

    def test_first_replacement_would_go_negative(self) -> None:
        old = self.months(1000)
        fresh = self.months(100, end=date(2026, 12, 31))  # 12 × 100 = 1200 total
        message = rejected(lambda: regenerate([(old[0], PAID)], fresh), "schedule")
        assert "Feb 2026" in message and "$8.00" in message

    def test_currency_change_is_refused(self) -> None:
        old = self.months(1000)
        fresh = retainer_schedule(1000, "EUR", date(2026, 1, 1), date(2026, 4, 30), MONTHLY, 0)
        assert "EUR" in rejected(lambda: regenerate([(old[0], PAID)], fresh), "schedule")


# -- properties ------------------------------------------------------------------------------

YEARS = st.integers(min_value=2000, max_value=2100)


@st.composite
def days(draw: st.DrawFn) -> date:
    """Any day 2000-2100, leaning on month ends and 29 February where schedules break."""
    year, month = draw(YEARS), draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    leap_day = [date(year, 2, 29)] if calendar.isleap(year) else []
    return draw(st.one_of(st.dates(date(2000, 1, 1), date(2100, 12, 31)),
                          st.sampled_from([date(year, month, last), *leap_day])))


@st.composite
def percent_splits(draw: st.DrawFn) -> list[Decimal]:
    """1-12 percentages with two decimals, each > 0, built from basis points summing to 10000."""
    cuts = sorted(draw(st.sets(st.integers(1, 9999), max_size=11)))
    points = [b - a for a, b in zip([0, *cuts], [*cuts, 10000], strict=True)]
    return [Decimal(p).scaleb(-2) for p in points]


TOTALS = st.integers(min_value=1, max_value=MAX_MINOR)
NET = st.integers(min_value=0, max_value=365)
CURRENCY = st.sampled_from(["USD", "EUR", "JPY", "KWD", "GBP"])
PERIODS = st.sampled_from([MONTHLY, WEEKLY])


def assert_well_formed(items: list[PlannedInstallment], total: int, net: int) -> None:
    assert schedule_total(items) == total
    assert all(i.amount_minor >= 0 for i in items)
    assert all(i.due_on == i.period_end + timedelta(days=net) for i in items)
    assert all(a.period_end <= b.period_end for a, b in zip(items, items[1:]))


@settings(max_examples=200, deadline=None)
@given(total=TOTALS, currency=CURRENCY, percents=percent_splits(), net=NET, first=days(),
       gaps=st.lists(st.integers(0, 400), min_size=12, max_size=12))
def test_percentage_schedules_sum_exactly(total: int, currency: str, percents: list[Decimal],
                                          net: int, first: date, gaps: list[int]) -> None:
    on = [first + timedelta(days=sum(gaps[:n])) for n in range(len(percents))]
    milestones = [Milestone(f"M{n}", d, percent=p) for n, (d, p) in enumerate(zip(on, percents))]
    items = milestone_schedule(total, currency, milestones, net)
    assert_well_formed(items, total, net)
    assert [i.period_end for i in items] == on
    for item, percent in zip(items[:-1], percents[:-1]):  # every share but the last is floored
        assert item.amount_minor == int(total * percent / 100)


@settings(max_examples=100, deadline=None)
@given(total=TOTALS, weights=st.lists(st.integers(1, 1000), min_size=1, max_size=10), net=NET,
       on=days())
def test_amount_schedules_keep_the_amounts(total: int, weights: list[int], net: int,
                                           on: date) -> None:
    assume(total >= len(weights))
    amounts = [max(1, total * w // sum(weights)) for w in weights[:-1]]
    assume(sum(amounts) < total)
    amounts.append(total - sum(amounts))
    milestones = [Milestone(f"M{n}", on, amount_minor=a) for n, a in enumerate(amounts)]
    items = milestone_schedule(total, "USD", milestones, net)
    assert_well_formed(items, total, net)
    assert [i.amount_minor for i in items] == amounts


def expected_starts(start: date, period: BillingPeriod, count: int) -> list[date]:
    step = (lambda k: relativedelta(months=+k)) if period is MONTHLY else (
        lambda k: timedelta(weeks=k))
    return [start + step(k) for k in range(count)]


def assert_spans_tile(spans: list[BillingSpan], start: date, end: date,
                      period: BillingPeriod) -> None:
    """Periods tile start..end: no gaps, no overlaps, each anchored on start, last ends on
    end; only the last may be short, and the end day never makes a period of its own."""
    assert [s.first for s in spans] == expected_starts(start, period, len(spans))
    assert all(a.last + timedelta(days=1) == b.first for a, b in zip(spans, spans[1:]))
    assert spans[-1].last == end
    assert all(s.share == 1 for s in spans[:-1]) and 0 < spans[-1].share <= 1
    # The next period would start after the end, or on it: an end on the anniversary of the
    # start joins the last period (even when that is the only one) instead of opening one.
    following = expected_starts(start, period, len(spans) + 1)[-1]
    assert following >= end


def assert_on_spans(items: list[PlannedInstallment], spans: list[BillingSpan]) -> None:
    """One installment per period at the most, none empty, each ending with its period."""
    ends = [s.last for s in spans]
    assert [i.period_end for i in items] == [e for e in ends if e in {i.period_end for i in items}]
    assert all(i.amount_minor > 0 for i in items)


SPANS = st.tuples(days(), st.integers(0, 1500))


@settings(max_examples=150, deadline=None)
@given(per=st.integers(1000, 10**9), span=SPANS, period=PERIODS, net=NET)
def test_retainer_periods_tile_the_span(per: int, span: tuple[date, int], period: BillingPeriod,
                                        net: int) -> None:
    start, length = span
    end = start + timedelta(days=length)
    spans = billing_spans(start, end, period)
    assert_spans_tile(spans, start, end, period)
    items = retainer_schedule(per, "USD", start, end, period, net)
    assert [i.period_end for i in items] == [s.last for s in spans]
    assert_well_formed(items, sum(i.amount_minor for i in items), net)
    assert {i.amount_minor for i in items[:-1]} <= {per} and 0 < items[-1].amount_minor <= per


@settings(max_examples=150, deadline=None)
@given(rate=st.integers(1, 10**7), units=st.integers(1, 5000), span=SPANS, period=PERIODS,
       net=NET)
def test_time_schedules_tile_the_span_and_sum_exactly(rate: int, units: int,
                                                      span: tuple[date, int],
                                                      period: BillingPeriod, net: int) -> None:
    start, length = span
    end = start + timedelta(days=length)
    items = time_schedule(rate, "USD", units, start, end, period, net)
    assert_on_spans(items, billing_spans(start, end, period))
    assert items[-1].period_end == end  # the last period takes what rounding left
    assert_well_formed(items, rate * units, net)
    assert all(i.amount_minor % rate == 0 for i in items)
    assert all(f"(est. {i.amount_minor // rate} hour" in i.label for i in items)


STATUSES = st.sampled_from(list(InstallmentStatus))


@settings(max_examples=150, deadline=None)
@given(old_per=st.integers(1, 10**6), new_per=st.integers(1, 10**6), span=SPANS,
       new_length=st.integers(0, 1500), period=PERIODS, data=st.data())
def test_regenerate_keeps_sums_exact(old_per: int, new_per: int, span: tuple[date, int],
                                     new_length: int, period: BillingPeriod,
                                     data: st.DataObject) -> None:
    start, length = span
    old = retainer_schedule(old_per, "USD", start, start + timedelta(days=length), period, 0)
    fresh = retainer_schedule(new_per, "USD", start, start + timedelta(days=new_length), period, 0)
    statuses = data.draw(st.lists(STATUSES, min_size=len(old), max_size=len(old)))
    existing = list(zip(old, statuses))
    kept = [i for i, s in existing if s in (PAID, PART)]
    try:
        new = regenerate(existing, fresh)
    except ValidationError as error:
        assert error.for_field("schedule")
        return
    assert schedule_total(kept) + schedule_total(new) == schedule_total(fresh)
    assert all(i.amount_minor >= 0 for i in new)
    if kept:
        last_kept = max(i.period_end for i in kept)
        assert all(i.period_end > last_kept for i in new)


@settings(max_examples=100, deadline=None)
@given(per=st.integers(1, 10**6), span=SPANS, period=PERIODS, data=st.data())
def test_regenerating_an_unchanged_schedule_returns_the_unpaid_rest(
        per: int, span: tuple[date, int], period: BillingPeriod, data: st.DataObject) -> None:
    start, length = span
    items = retainer_schedule(per, "USD", start, start + timedelta(days=length), period, 0)
    paid = data.draw(st.integers(0, len(items)))
    existing = [(i, PAID if n < paid else PLANNED) for n, i in enumerate(items)]
    assert regenerate(existing, items) == items[paid:]
