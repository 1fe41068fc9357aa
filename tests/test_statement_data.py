"""Contractor statements and the outstanding-and-overdue report, against a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.enums import EngagementStatus, InstallmentStatus
from desktop.core.schedule import Milestone, milestone_schedule
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import contractors, engagements, payments
from desktop.store.db import Store
from desktop.store.payments import InstallmentRow
from desktop.store.statements import AgeingRow, ageing_bucket, outstanding, statement
from tests.factories import make_contractor, make_engagement, signed

D = dt.date


def person(store: Store, name: str = "Maya Okafor", **fields: object) -> int:
    email = name.split()[0].lower() + "@example.com"
    return contractors.create(store, make_contractor(display_name=name, email=email,
                                                     **fields)).id


def engagement(store: Store, contractor_id: int, status: str = "signed", **fields: object) -> int:
    """An engagement, signed unless said otherwise: what a statement is about."""
    if status == "signed":
        return signed(store, contractor_id, **fields)
    record = engagements.create(store, make_engagement(contractor_id, **fields))
    if status != "draft":
        record = engagements.move(store, record.id, status, record.version, on=D(2026, 1, 2))
    return record.id


def schedule(store: Store, engagement_id: int, currency: str,
             *items: tuple[str, dt.date, int]) -> list[InstallmentRow]:
    """Installments due exactly on the given days (net 0), in the given amounts."""
    plan = milestone_schedule(sum(amount for _, _, amount in items), currency,
                              [Milestone(label, on, amount_minor=amount)
                               for label, on, amount in items], net_days=0)
    return payments.replace_schedule(store, engagement_id, plan)


def pay(store: Store, row: InstallmentRow, amount: int, on: dt.date, method: str = "bank transfer",
        **fields: str) -> None:
    payments.record_payment(store, row.id, amount_minor=amount, currency=row.currency,
                            paid_on=on, method=method, today=on, **fields)


@pytest.fixture
def two_currencies(store: Store) -> tuple[int, list[InstallmentRow], list[InstallmentRow]]:
    """Maya: a USD engagement and a EUR one, paid partly, on time and late."""
    maya = person(store, country="US", tax_form="w9")
    usd = engagement(store, maya, title="Catalogue", start_on="2026-03-01", end_on="2026-05-31")
    eur = engagement(store, maya, title="Brochure", currency="EUR", start_on="2026-03-01",
                     end_on="2026-04-30")
    dollars = schedule(store, usd, "USD", ("Deposit", D(2026, 3, 10), 30_000),
                       ("Draft", D(2026, 4, 10), 30_000), ("Final", D(2026, 6, 14), 40_000))
    euros = schedule(store, eur, "EUR", ("Part 1", D(2026, 3, 20), 50_000),
                     ("Part 2", D(2026, 4, 20), 50_000))
    pay(store, dollars[0], 30_000, D(2026, 3, 8), invoice_number="INV-1", reference="TX-1")
    pay(store, euros[0], 50_000, D(2026, 3, 25), method="card")
    pay(store, dollars[1], 10_000, D(2026, 4, 12))
    return maya, dollars, euros


# --- statement -----------------------------------------------------------------------------
def test_statement_totals_are_kept_per_currency(store: Store, two_currencies) -> None:  # type: ignore[no-untyped-def]
    maya, dollars, euros = two_currencies
    s = statement(store, maya, D(2026, 3, 1), D(2026, 4, 30), today=D(2026, 5, 15))
    assert s.as_of == D(2026, 4, 30)
    assert (s.contractor.name, s.contractor.tax_form_label) == ("Maya Okafor", "W-9")
    assert s.paid_in_period == {"EUR": 50_000, "USD": 40_000}
    assert s.due_in_period == {"EUR": 100_000, "USD": 60_000}
    # Draft's remainder and the unpaid Part 2; Final falls due after the period.
    assert s.balance_due == {"EUR": 50_000, "USD": 20_000}
    assert s.not_yet_due == {"USD": 40_000}
    assert [(p.paid_on, p.engagement_title, p.installment_label, p.method, p.amount_minor,
             p.currency) for p in s.payments] == [
        (D(2026, 3, 8), "Catalogue", "Deposit", "bank transfer", 30_000, "USD"),
        (D(2026, 3, 25), "Brochure", "Part 1", "card", 50_000, "EUR"),
        (D(2026, 4, 12), "Catalogue", "Draft", "bank transfer", 10_000, "USD")]
    assert (s.payments[0].invoice_number, s.payments[0].reference) == ("INV-1", "TX-1")

    catalogue, brochure = sorted(s.engagements, key=lambda e: e.title, reverse=True)
    assert (catalogue.value_minor, catalogue.currency, catalogue.status) == \
        (100_000, "USD", EngagementStatus.SIGNED)
    assert [(i.label, i.paid_minor, i.outstanding_minor, i.status, i.days_late)
            for i in catalogue.installments] == [
        ("Deposit", 30_000, 0, InstallmentStatus.PAID, 0),
        ("Draft", 10_000, 20_000, InstallmentStatus.PART_PAID, 20)]
    assert [(i.label, i.status, i.settled_on, i.days_late) for i in brochure.installments] == [
        ("Part 1", InstallmentStatus.PAID, D(2026, 3, 25), 5),
        ("Part 2", InstallmentStatus.DUE, None, 10)]
    assert all(i.currency == "EUR" for i in brochure.installments)


def test_statement_for_a_past_period_ignores_later_payments(store: Store, two_currencies) -> None:  # type: ignore[no-untyped-def]
    maya, _, _ = two_currencies
    s = statement(store, maya, D(2026, 3, 1), D(2026, 3, 31), today=D(2026, 5, 15))
    assert s.as_of == D(2026, 3, 31)
    assert s.balance_due == {}  # Deposit and Part 1 were both paid in March
    # Draft's 100.00 paid on 12 April was not yet paid at the end of March.
    assert s.not_yet_due == {"EUR": 50_000, "USD": 70_000}
    assert s.paid_in_period == {"EUR": 50_000, "USD": 30_000}
    assert [(p.paid_on, p.currency) for p in s.payments] == \
        [(D(2026, 3, 8), "USD"), (D(2026, 3, 25), "EUR")]


def test_statement_of_a_running_period_stops_at_today(store: Store, two_currencies) -> None:  # type: ignore[no-untyped-def]
    maya, _, _ = two_currencies
    s = statement(store, maya, D(2026, 4, 1), D(2026, 4, 30), today=D(2026, 4, 15))
    assert s.as_of == D(2026, 4, 15)
    assert s.balance_due == {"USD": 20_000}  # Draft, 5 days late
    assert s.not_yet_due == {"EUR": 50_000, "USD": 40_000}  # Part 2 is due on 20 April
    draft = next(i for e in s.engagements for i in e.installments if i.label == "Draft")
    assert draft.days_late == 5


def test_on_time_rate_with_one_late_and_one_on_time(store: Store) -> None:
    maya = person(store)
    job = engagement(store, maya)
    first, second = schedule(store, job, "USD", ("One", D(2026, 3, 10), 50_000),
                             ("Two", D(2026, 4, 10), 50_000))
    pay(store, first, 50_000, D(2026, 3, 10))  # on the due day: on time
    pay(store, second, 50_000, D(2026, 4, 17))  # a week late
    record = statement(store, maya, D(2026, 3, 1), D(2026, 4, 30), D(2026, 5, 1)).on_time
    assert (record.counted, record.on_time, record.rate, record.average_days_late) == \
        (2, 1, 0.5, 7.0)
    # On 15 April the second was still open and 5 days late; it counts as late already.
    earlier = statement(store, maya, D(2026, 3, 1), D(2026, 4, 15), D(2026, 5, 1)).on_time
    assert (earlier.counted, earlier.on_time, earlier.average_days_late) == (2, 1, 5.0)


def test_statement_picks_the_periods_engagements(store: Store) -> None:
    maya, sam = person(store), person(store, "Sam Reyes")
    ended = engagement(store, maya, title="Ended in February", start_on="2026-01-05",
                       end_on="2026-02-27")
    schedule(store, ended, "USD", ("Final", D(2026, 3, 13), 100_000))  # net 14 after the end
    engagement(store, maya, title="Running", start_on="2026-02-01", end_on="")
    engagement(store, maya, title="Later", start_on="2026-06-01", end_on="2026-07-01")
    dropped = engagements.create(store, make_engagement(maya, title="Dropped",
                                                        start_on="2026-03-02"))
    engagements.move(store, dropped.id, "cancelled", dropped.version, on=D(2026, 3, 3))
    engagement(store, sam, title="Someone else's", start_on="2026-03-01")
    s = statement(store, maya, D(2026, 3, 1), D(2026, 3, 31), D(2026, 4, 1))
    assert [e.title for e in s.engagements] == ["Ended in February", "Running"]
    assert s.balance_due == {"USD": 100_000}


def test_cancelled_installments_are_left_out_of_the_statement(store: Store) -> None:
    maya = person(store)
    rows = schedule(store, engagement(store, maya), "USD", ("Kept", D(2026, 3, 10), 10_000),
                    ("Dropped", D(2026, 3, 20), 20_000))
    payments.cancel_installment(store, rows[1].id, rows[1].version)
    s = statement(store, maya, D(2026, 3, 1), D(2026, 3, 31), D(2026, 4, 1))
    assert [i.label for e in s.engagements for i in e.installments] == ["Kept"]
    assert (s.due_in_period, s.balance_due, s.on_time.counted) == \
        ({"USD": 10_000}, {"USD": 10_000}, 1)


def test_unknown_contractor_and_backwards_period_are_refused(store: Store) -> None:
    with pytest.raises(ConflictError, match="contractor 404 does not exist"):
        statement(store, 404, D(2026, 3, 1), D(2026, 3, 31), D(2026, 4, 1))
    maya = person(store)
    with pytest.raises(ValidationError, match="before the first day"):
        statement(store, maya, D(2026, 3, 31), D(2026, 3, 1), D(2026, 4, 1))


# --- outstanding ---------------------------------------------------------------------------
def test_outstanding_on_a_past_date_ignores_later_payments(store: Store) -> None:
    maya = person(store)
    (row,) = schedule(store, engagement(store, maya), "USD", ("Fee", D(2026, 3, 1), 100_000))
    pay(store, row, 40_000, D(2026, 3, 5))
    pay(store, row, 60_000, D(2026, 3, 20))
    then = outstanding(store, D(2026, 3, 10))
    (group,) = then.contractors
    (item,) = group.rows
    assert (item.paid_minor, item.outstanding_minor, item.days_late, item.bucket) == \
        (40_000, 60_000, 9, "days_1_30")
    assert (group.name, group.totals, then.totals) == \
        ("Maya Okafor", {"USD": 60_000}, {"USD": 60_000})
    assert outstanding(store, D(2026, 2, 28)).contractors == ()  # not yet due then
    assert outstanding(store, D(2026, 2, 28)).not_yet_due == {"USD": 100_000}
    now = outstanding(store, D(2026, 3, 20))
    assert (now.contractors, now.totals, now.count) == ((), {}, 0)


def test_ageing_buckets_at_their_boundaries(store: Store) -> None:
    as_of = D(2026, 6, 30)
    maya = person(store)
    late_by = [91, 90, 61, 60, 31, 30, 1, 0]
    items = [(f"{days} days", as_of - dt.timedelta(days=days), 100 * (i + 1))
             for i, days in enumerate(late_by)]
    schedule(store, engagement(store, maya), "USD", *items,
             ("Next month", D(2026, 7, 31), 5_000))
    report = outstanding(store, as_of)
    (group,) = report.contractors
    assert [(r.days_late, r.bucket) for r in group.rows] == [
        (91, "over_90"), (90, "days_61_90"), (61, "days_61_90"), (60, "days_31_60"),
        (31, "days_31_60"), (30, "days_1_30"), (1, "days_1_30"), (0, "current")]
    assert report.ageing == (AgeingRow("USD", current=800, days_1_30=600 + 700,
                                       days_31_60=400 + 500, days_61_90=200 + 300,
                                       over_90=100),)
    assert report.ageing[0].total == report.totals["USD"] == 3_600
    assert report.not_yet_due == {"USD": 5_000}
    assert group.most_days_late == 91
    assert [ageing_bucket(d) for d in (0, 1, 30, 31, 60, 61, 90, 91)] == [
        "current", "days_1_30", "days_1_30", "days_31_60", "days_31_60", "days_61_90",
        "days_61_90", "over_90"]


def test_cancelled_installments_are_not_owed(store: Store) -> None:
    maya = person(store)
    rows = schedule(store, engagement(store, maya), "USD", ("Kept", D(2026, 3, 1), 10_000),
                    ("Dropped", D(2026, 3, 2), 20_000))
    payments.cancel_installment(store, rows[1].id, rows[1].version)
    report = outstanding(store, D(2026, 4, 1))
    assert [r.label for c in report.contractors for r in c.rows] == ["Kept"]
    assert report.totals == {"USD": 10_000}
    assert report.ageing == (AgeingRow("USD", days_31_60=10_000),)


def test_grand_totals_per_currency_across_contractors(store: Store) -> None:
    maya, sam = person(store), person(store, "Sam Reyes")
    usd = schedule(store, engagement(store, maya, title="Site"), "USD",
                   ("One", D(2026, 3, 1), 10_000), ("Two", D(2026, 3, 15), 20_000))
    schedule(store, engagement(store, maya, title="Logo", currency="EUR"), "EUR",
             ("Logo", D(2026, 3, 20), 5_000))
    schedule(store, engagement(store, sam, title="Copy", currency="EUR"), "EUR",
             ("Copy", D(2026, 2, 1), 7_000))
    schedule(store, engagement(store, sam, title="Ads"), "USD", ("Ads", D(2026, 3, 31), 1_000))
    pay(store, usd[1], 5_000, D(2026, 3, 16))
    report = outstanding(store, D(2026, 3, 31))
    assert [(c.name, c.totals) for c in report.contractors] == [
        ("Maya Okafor", {"EUR": 5_000, "USD": 25_000}),
        ("Sam Reyes", {"EUR": 7_000, "USD": 1_000})]
    assert report.totals == {"EUR": 12_000, "USD": 26_000}
    assert report.count == 5
    assert [(a.currency, a.total) for a in report.ageing] == [("EUR", 12_000), ("USD", 26_000)]
    # 1 March is exactly 30 days before 31 March.
    assert report.ageing[1] == AgeingRow("USD", current=1_000, days_1_30=25_000)
    maya_rows = report.contractors[0].rows
    assert [(r.engagement_title, r.label, r.currency, r.outstanding_minor) for r in maya_rows] \
        == [("Site", "One", "USD", 10_000), ("Site", "Two", "USD", 15_000),
            ("Logo", "Logo", "EUR", 5_000)]


def test_pane_and_statement_agree_on_time_and_leave_out_plans_and_nothing_owed(
        store: Store) -> None:
    from desktop.store.health import contractor_health

    maya = person(store)
    signed = engagement(store, maya, title="Signed")
    first, second = schedule(store, signed, "USD", ("One", D(2026, 3, 10), 50_000),
                             ("Two", D(2026, 4, 10), 50_000))
    pay(store, first, 50_000, D(2026, 3, 9))  # second still open: late by 5 May
    for status in ("draft", "in_review", "cancelled"):  # plans and dropped work owe nothing
        schedule(store, engagement(store, maya, status, title=status.title()), "USD",
                 ("Never owed", D(2026, 2, 1), 10_000))
    from desktop.core.schedule import PlannedInstallment

    payments.replace_schedule(store, engagement(store, maya, title="Estimate"), [  # as made
        PlannedInstallment("Feb 2026 (est. 0 hours)", D(2026, 2, 28), D(2026, 2, 28), 0, "USD")])
    as_of = D(2026, 5, 1)
    pane = contractor_health(store, maya, as_of).on_time
    printed = statement(store, maya, D(2026, 1, 1), as_of, as_of).on_time
    assert pane == printed
    assert (pane.counted, pane.on_time, pane.average_days_late) == (2, 1, 21.0)
