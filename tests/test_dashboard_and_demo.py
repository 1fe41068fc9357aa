"""The demo data tells a story, and the dashboard and relationship figures read it right."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from desktop.core.enums import EngagementStatus
from desktop.store import communication, contractors, demo, engagements, payments
from desktop.store.dashboard import dashboard
from desktop.store.db import Store
from desktop.store.health import contractor_health

TODAY = dt.date(2026, 6, 15)


def ids(store: Store) -> dict[str, int]:
    return {r.display_name: r.id for r in contractors.list_rows(store)}


def test_demo_has_engagements_in_every_status_with_money_moving(store: Store) -> None:
    demo.load_demo(store, today=TODAY)
    rows = engagements.list_rows(store)
    assert {r.status for r in rows} == {s.value for s in EngagementStatus}
    assert all(r.is_demo for r in rows)
    installments = [i for r in rows for i in payments.installments(store, r.id)]
    late = [i for i in installments if i.settled_on and i.settled_on > i.due_on]
    on_time = [i for i in installments if i.settled_on and i.settled_on <= i.due_on]
    assert late and on_time
    assert any(communication.log(store, r.id) for r in rows)


def test_the_demo_year_long_retainer_bills_twelve_months_and_nothing_empty(store: Store) -> None:
    demo.load_demo(store, today=dt.date(2026, 12, 4))  # it runs 15 Sep 2026 to 15 Sep 2027
    rows = engagements.list_rows(store)
    retainer = next(r for r in rows if r.title == "IT support retainer")
    plan = payments.installments(store, retainer.id)
    assert len(plan) == 12 and sum(i.amount_minor for i in plan) == 12 * 35_000
    assert plan[-1].label == "15 Aug – 15 Sep 2027"
    every = [i for r in rows for i in payments.installments(store, r.id)]
    assert all(i.amount_minor > 0 for i in every)


def test_demo_signed_work_was_reviewed_and_the_signing_froze_it(store: Store) -> None:
    from desktop.core.engagement import BINDING
    from desktop.store import reviews

    demo.load_demo(store, today=TODAY)
    bound = [r for r in engagements.list_rows(store) if r.status in BINDING]
    assert len(bound) >= 7
    for row in bound:
        review = reviews.latest(store, row.id)
        assert review is not None and review.frozen_at is not None, row.title
        assert review.signed_terms is not None and review.signed_terms["title"] == row.title


def test_dashboard_shows_what_needs_attention(store: Store) -> None:
    demo.load_demo(store, today=TODAY)
    board = dashboard(store, TODAY)
    assert board.overdue.rows and all(r.installment.due_on < TODAY for r in board.overdue.rows)
    assert all(TODAY <= r.installment.due_on <= TODAY + dt.timedelta(days=14)
               for r in board.due_soon.rows)
    assert "Monthly bookkeeping" in [e.title for e in board.ending]
    bookkeeping = next(e for e in board.ending if e.title == "Monthly bookkeeping")
    # one month's notice, counted back to the same day of the month
    assert bookkeeping.last_notice_on == bookkeeping.end_on - relativedelta(months=1)
    assert "Spring catalogue design" in [c.title for c in board.check_ins.rows]
    assert board.check_ins.count == len(board.check_ins.rows)
    for owed in (board.overdue, board.due_soon):
        assert owed.count == len(owed.rows)
        for currency, total in owed.totals.items():
            assert total == sum(r.installment.outstanding_minor for r in owed.rows
                                if r.installment.currency == currency)


def test_removing_demo_removes_its_engagements_and_payments(store: Store) -> None:
    demo.load_demo(store, today=TODAY)
    demo.remove_demo(store)
    assert engagements.list_rows(store) == []
    assert dashboard(store, TODAY).overdue.count == 0


def test_signed_demo_work_has_its_contract_on_file_and_removing_leaves_none(
        store: Store) -> None:
    from sqlalchemy import func, select

    from desktop.core.engagement import BINDING
    from desktop.store import documents
    from desktop.store.models import Document, DocumentChunk

    demo.load_demo(store, today=TODAY)
    bound = [r for r in engagements.list_rows(store) if r.status in BINDING]
    assert bound
    for row in bound:
        (contract,) = documents.list_for(store, engagement_id=row.id)
        assert contract.kind == "contract" and contract.title == "Signed contract (demo)"
        text = documents.path_of(store, contract).read_text(encoding="utf-8")
        assert row.title in text and "Price:" in text
    demo.remove_demo(store)
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 0
        assert session.scalar(select(func.count()).select_from(DocumentChunk)) == 0
    if store.folder is not None:  # no file left behind in the data folder
        assert not [p for p in (store.folder / "documents").rglob("*")
                    if p.is_file() and len(p.name) == 64]


def test_health_reports_on_time_rate_totals_ratings_and_rates(store: Store) -> None:
    demo.load_demo(store, today=TODAY)
    who = ids(store)
    harriet = contractor_health(store, who["Harriet Pembroke"], TODAY)
    assert harriet.on_time.counted == 1 and harriet.on_time.on_time == 0
    assert harriet.on_time.average_days_late == 12
    assert harriet.paid == {"GBP": 240_000} and harriet.engagements == 1
    assert harriet.ratings is not None and harriet.ratings.average == 4.5 and harriet.well_rated
    assert [r.rate_minor for r in harriet.rates] == [45_000]
    newcomer = contractor_health(store, who["Kevin Osei"], TODAY)
    assert (newcomer.on_time.rate, newcomer.paid, newcomer.engagements, newcomer.ratings) == \
        (None, {}, 0, None)


def test_demo_loads_on_any_day_of_the_year(store: Store) -> None:
    for day in (dt.date(2026, 1, 31), dt.date(2027, 2, 28), dt.date(2028, 2, 29),
                dt.date(2026, 12, 31)):
        assert demo.load_demo(store, today=day) == 30
        assert len({r.status for r in engagements.list_rows(store)}) == len(EngagementStatus)
        demo.remove_demo(store)


def test_long_lists_are_cut_but_counted_and_totalled_in_full(store: Store) -> None:
    from desktop.core.enums import BillingPeriod
    from desktop.core.schedule import retainer_schedule
    from desktop.store.dashboard import LIST_LIMIT
    from tests.factories import make_contractor, signed

    who = contractors.create(store, make_contractor()).id
    engagement_id = signed(store, who, pricing_model="retainer", amount="10",
                           start_on="2023-01-02", end_on="2026-06-30")
    plan = retainer_schedule(1_000, "USD", dt.date(2023, 1, 2), dt.date(2026, 6, 30),
                             BillingPeriod.WEEKLY, 0)
    rows = payments.replace_schedule(store, engagement_id, plan)
    payments.record_payment(store, rows[0].id, amount_minor=400, currency="USD",
                            paid_on=rows[0].due_on, today=TODAY)
    board = dashboard(store, TODAY)
    late = [r for r in rows if r.due_on < TODAY]
    assert len(late) > LIST_LIMIT
    assert len(board.overdue.rows) == LIST_LIMIT and board.overdue.count == len(late)
    assert board.overdue.totals == {"USD": 1_000 * len(late) - 400}
    assert board.overdue.rows[0].installment.due_on == rows[0].due_on  # oldest first
    soon = [r for r in rows if TODAY <= r.due_on <= TODAY + dt.timedelta(days=14)]
    assert board.due_soon.count == len(soon) == len(board.due_soon.rows)


def test_ending_soon_is_judged_by_the_last_day_to_give_notice(store: Store) -> None:
    from tests.factories import make_contractor, make_engagement

    who = contractors.create(store, make_contractor()).id
    long_notice = engagements.create(store, make_engagement(
        who, title="Long notice", start_on="2026-01-01", end_on="2026-09-30", notice_period="90"))
    far_off = engagements.create(store, make_engagement(
        who, title="Far off", start_on="2026-01-01", end_on="2026-09-30", notice_period="7"))
    for record in (long_notice, far_off):
        moved = engagements.move(store, record.id, "in_review", record.version, on=TODAY)
        engagements.move(store, record.id, "signed", moved.version, on=TODAY)
    ending = dashboard(store, TODAY).ending
    assert [(e.title, e.last_notice_on) for e in ending] == [("Long notice", dt.date(2026, 7, 2))]


def test_demo_has_one_engagement_ready_to_sign_and_one_blocked_several_ways(store: Store) -> None:
    from desktop.store import reviews

    demo.load_demo(store, today=TODAY)
    titles = {r.title: r.id for r in engagements.list_rows(store, status="in_review")}
    ready, _ = reviews.check(store, titles["Product video for the spring launch"], TODAY)
    blocked, _ = reviews.check(store, titles["Customer database clean-up"], TODAY)
    assert ready == []
    assert len({b.code for b in blocked}) >= 3
