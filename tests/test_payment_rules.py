"""Payment rules: installment status, overdue, checking a payment and the on-time record."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.enums import InstallmentStatus
from desktop.core.payments import (
    OnTimeRecord,
    PaymentCheck,
    Settled,
    check_payment,
    installment_status,
    is_overdue,
    on_time_record,
    overpayment_message,
)
from desktop.core.validation import ValidationError

ST = InstallmentStatus
TODAY = dt.date(2025, 6, 15)
DUE = dt.date(2025, 6, 15)


class TestInstallmentStatus:
    def test_planned_before_due(self) -> None:
        assert installment_status(10000, 0, DUE, DUE - dt.timedelta(days=1)) is ST.PLANNED

    def test_due_on_due_date(self) -> None:
        assert installment_status(10000, 0, DUE, DUE) is ST.DUE

    def test_due_after_due_date(self) -> None:
        assert installment_status(10000, 0, DUE, DUE + dt.timedelta(days=30)) is ST.DUE

    @pytest.mark.parametrize("today", [DUE - dt.timedelta(days=5), DUE, DUE + dt.timedelta(days=5)])
    def test_part_paid_whatever_the_date(self, today: dt.date) -> None:
        assert installment_status(10000, 1, DUE, today) is ST.PART_PAID
        assert installment_status(10000, 9999, DUE, today) is ST.PART_PAID

    @pytest.mark.parametrize("today", [DUE - dt.timedelta(days=5), DUE + dt.timedelta(days=5)])
    def test_paid_in_full(self, today: dt.date) -> None:
        assert installment_status(10000, 10000, DUE, today) is ST.PAID

    def test_overpaid_is_paid(self) -> None:
        assert installment_status(10000, 12500, DUE, TODAY) is ST.PAID

    @pytest.mark.parametrize("paid", [0, 5000, 10000, 20000])
    @pytest.mark.parametrize("today", [DUE - dt.timedelta(days=1), DUE + dt.timedelta(days=1)])
    def test_cancelled_wins(self, paid: int, today: dt.date) -> None:
        assert installment_status(10000, paid, DUE, today, cancelled=True) is ST.CANCELLED


class TestIsOverdue:
    @pytest.mark.parametrize("status", [ST.PLANNED, ST.DUE, ST.PART_PAID, "due", "part_paid"])
    def test_open_past_due_is_overdue(self, status: InstallmentStatus | str) -> None:
        assert is_overdue(status, DUE, DUE + dt.timedelta(days=1))

    @pytest.mark.parametrize("status", [ST.DUE, ST.PART_PAID])
    def test_not_overdue_on_the_due_date(self, status: InstallmentStatus) -> None:
        assert not is_overdue(status, DUE, DUE)

    def test_not_overdue_before_due(self) -> None:
        assert not is_overdue(ST.PLANNED, DUE, DUE - dt.timedelta(days=1))

    @pytest.mark.parametrize("status", [ST.PAID, ST.CANCELLED, "paid", "cancelled"])
    def test_closed_never_overdue(self, status: InstallmentStatus | str) -> None:
        assert not is_overdue(status, DUE, DUE + dt.timedelta(days=365))


def check(amount_minor: int = 10000, currency: str = "USD",
          paid_on: dt.date | None = TODAY, installment_currency: str = "USD",
          outstanding_minor: int = 10000) -> PaymentCheck:
    return check_payment(amount_minor, currency, paid_on, installment_currency,
                         outstanding_minor, TODAY)


def refused(**kwargs: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check(**kwargs)  # type: ignore[arg-type]
    return caught.value


class TestCheckPayment:
    @pytest.mark.parametrize("amount", [0, -1, -10000])
    def test_amount_must_be_positive(self, amount: int) -> None:
        error = refused(amount_minor=amount)
        assert [e.field for e in error.errors] == ["amount"]
        assert error.for_field("amount") == "must be more than zero"

    def test_currency_mismatch_names_both(self) -> None:
        error = refused(currency="eur", installment_currency="USD")
        assert [e.field for e in error.errors] == ["currency"]
        message = error.for_field("currency")
        assert message == "is EUR, but the installment is in USD"

    def test_currency_case_does_not_matter(self) -> None:
        assert check(currency="usd", installment_currency="USD").overpayment_minor == 0

    def test_date_required(self) -> None:
        error = refused(paid_on=None)
        assert [e.field for e in error.errors] == ["paid_on"]
        assert error.for_field("paid_on") == "is required"

    def test_future_date_refused(self) -> None:
        error = refused(paid_on=TODAY + dt.timedelta(days=1))
        assert error.for_field("paid_on") == "cannot be in the future"

    def test_today_and_past_are_fine(self) -> None:
        assert check(paid_on=TODAY).overpayment_minor == 0
        assert check(paid_on=dt.date(2020, 1, 1)).overpayment_minor == 0

    def test_exact_payment_has_no_overpayment(self) -> None:
        assert check(amount_minor=10000, outstanding_minor=10000) == PaymentCheck(0)

    def test_part_payment_has_no_overpayment(self) -> None:
        assert check(amount_minor=2500, outstanding_minor=10000).overpayment_minor == 0

    def test_overpayment_reported_in_minor_units(self) -> None:
        assert check(amount_minor=12345, outstanding_minor=10000).overpayment_minor == 2345

    def test_paying_a_settled_installment_is_all_overpayment(self) -> None:
        assert check(amount_minor=500, outstanding_minor=0).overpayment_minor == 500

    def test_several_errors_at_once(self) -> None:
        error = refused(amount_minor=0, currency="GBP", paid_on=None)
        assert [e.field for e in error.errors] == ["amount", "currency", "paid_on"]
        assert "GBP" in str(error) and "USD" in str(error)


class TestOverpaymentMessage:
    @pytest.mark.parametrize(("minor", "currency", "shown"), [
        (2345, "USD", "$23.45"), (50000, "EUR", "€500.00"), (1500, "JPY", "¥1,500")])
    def test_formats_money(self, minor: int, currency: str, shown: str) -> None:
        message = overpayment_message(PaymentCheck(minor), currency)
        assert message == f"This pays {shown} more than is owed. Record it as an overpayment?"


D = dt.date(2025, 3, 1)


def settled(due_on: dt.date, settled_on: dt.date | None) -> Settled:
    return Settled(due_on=due_on, settled_on=settled_on)


class TestOnTimeRecord:
    def test_paid_on_the_due_date_is_on_time(self) -> None:
        assert on_time_record([settled(D, D)], TODAY) == OnTimeRecord(1, 1, 0.0)

    def test_paid_early_is_on_time(self) -> None:
        assert on_time_record([settled(D, D - dt.timedelta(days=10))], TODAY).on_time == 1

    def test_paid_early_before_it_is_due_counts(self) -> None:
        later = TODAY + dt.timedelta(days=30)
        assert on_time_record([settled(later, TODAY)], TODAY) == OnTimeRecord(1, 1, 0.0)

    def test_late_by_n_days(self) -> None:
        record = on_time_record([settled(D, D + dt.timedelta(days=4))], TODAY)
        assert record == OnTimeRecord(1, 0, 4.0)
        assert record.rate == 0.0

    def test_open_past_due_is_late_by_days_so_far(self) -> None:
        record = on_time_record([settled(TODAY - dt.timedelta(days=9), None)], TODAY)
        assert record == OnTimeRecord(1, 0, 9.0)

    def test_open_and_not_yet_due_is_ignored(self) -> None:
        items = [settled(TODAY + dt.timedelta(days=1), None), settled(TODAY, None)]
        record = on_time_record(items, TODAY)
        assert record == OnTimeRecord(0, 0, 0.0)
        assert record.rate is None

    def test_average_is_over_late_ones_only(self) -> None:
        items = [settled(D, D),  # on time
                 settled(D, D + dt.timedelta(days=2)),  # 2 late
                 settled(D, D - dt.timedelta(days=1)),  # early
                 settled(D, D + dt.timedelta(days=6)),  # 6 late
                 settled(TODAY + dt.timedelta(days=5), None)]  # not yet due
        record = on_time_record(items, TODAY)
        assert record == OnTimeRecord(counted=4, on_time=2, average_days_late=4.0)
        assert record.rate == 0.5

    def test_nothing_counted_has_no_rate(self) -> None:
        record = on_time_record([], TODAY)
        assert record == OnTimeRecord(0, 0, 0.0)
        assert record.rate is None

    def test_accepts_any_iterable(self) -> None:
        assert on_time_record(iter([settled(D, D)]), TODAY).counted == 1


_days = st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))
_items = st.lists(st.builds(Settled, due_on=_days, settled_on=st.one_of(st.none(), _days)),
                  max_size=30)


@given(items=_items, today=_days)
def test_on_time_record_is_bounded(items: list[Settled], today: dt.date) -> None:
    record = on_time_record(items, today)
    assert 0 <= record.on_time <= record.counted <= len(items)
    assert record.average_days_late >= 0
    if record.counted:
        assert record.rate is not None and 0 <= record.rate <= 1
    else:
        assert record.rate is None
    if record.on_time == record.counted:
        assert record.average_days_late == 0
    else:
        assert record.average_days_late >= 1
