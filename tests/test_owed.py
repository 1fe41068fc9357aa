"""What is owed: only engagements that bind us (signed, completed, terminated) owe what their
schedule says, never 0.00; terminating leaves owed only what fell due by the end, if asked."""

from __future__ import annotations

import datetime as dt

from desktop.core.enums import EngagementStatus, InstallmentStatus
from desktop.core.schedule import PlannedInstallment
from desktop.operations import engagements as engagement_ops
from desktop.store import contractors, engagements, payments
from desktop.store.dashboard import dashboard
from desktop.store.db import Store
from desktop.store.statements import outstanding
from tests.factories import make_contractor, make_engagement, signed

D = dt.date
TODAY = D(2026, 6, 15)


def plan(store: Store, engagement_id: int, *items: tuple[str, dt.date, int]) -> list:  # type: ignore[type-arg]
    return payments.replace_schedule(store, engagement_id, [
        PlannedInstallment(label, day, day, minor, "USD") for label, day, minor in items])


def owed_labels(store: Store) -> set[str]:
    board = dashboard(store, TODAY)
    listed = {r.installment.label for r in (*board.overdue.rows, *board.due_soon.rows)}
    due = {r.installment.label for r in payments.due(store, TODAY)}
    report = {row.label for group in outstanding(store, TODAY).contractors for row in group.rows}
    assert listed == due  # the dashboard and `payments due` agree
    return due | report


def test_only_binding_engagements_owe_and_never_nothing(store: Store) -> None:
    who = contractors.create(store, make_contractor()).id
    plan(store, signed(store, who, title="Signed"), ("Signed, late", D(2026, 5, 1), 10_000),
         ("Estimate of 0 hours", D(2026, 5, 2), 0))
    plan(store, engagements.create(store, make_engagement(who, title="Draft")).id,
         ("Draft plan", D(2026, 5, 1), 10_000))
    review = engagements.create(store, make_engagement(who, title="In review"))
    engagements.move(store, review.id, "in_review", review.version, on=TODAY)
    plan(store, review.id, ("In review plan", D(2026, 5, 1), 10_000))
    dropped = engagements.create(store, make_engagement(who, title="Dropped"))
    plan(store, dropped.id, ("Dropped plan", D(2026, 5, 1), 10_000))
    engagements.move(store, dropped.id, "cancelled", dropped.version + 1, on=TODAY)
    assert owed_labels(store) == {"Signed, late"}
    assert dashboard(store, TODAY).overdue.totals == {"USD": 10_000}
    assert outstanding(store, TODAY).totals == {"USD": 10_000}


def terminated_with(store: Store, cancel_later: bool) -> tuple[int, list]:  # type: ignore[type-arg]
    who = contractors.create(store, make_contractor()).id
    job = signed(store, who)
    rows = plan(store, job, ("May", D(2026, 5, 31), 10_000), ("June", D(2026, 6, 30), 10_000),
                ("July", D(2026, 7, 31), 10_000), ("August", D(2026, 8, 31), 10_000))
    payments.record_payment(store, rows[2].id, amount_minor=2_000, currency="USD",
                            paid_on=TODAY, today=TODAY)  # part-paid ahead: it stays
    assert [i.label for i in payments.falling_due_after(store, job, TODAY)] == ["June", "August"]
    record = engagements.get(store, job)
    done = engagement_ops.move(store, job, EngagementStatus.TERMINATED, record.version,
                               on=TODAY, reason="budget cut", cancel_later=cancel_later)
    assert done.value.status is EngagementStatus.TERMINATED
    return job, payments.installments(store, job)


def test_terminating_can_cancel_what_falls_due_after_the_end(store: Store) -> None:
    job, rows = terminated_with(store, cancel_later=True)
    assert [(i.label, i.stored_status) for i in rows] == [
        ("May", "planned"), ("June", "cancelled"), ("July", "part_paid"),
        ("August", "cancelled")]
    assert payments.falling_due_after(store, job, TODAY) == []
    assert outstanding(store, D(2026, 12, 31)).totals == {"USD": 10_000 + 8_000}


def test_terminating_can_keep_later_installments_owed(store: Store) -> None:
    _job, rows = terminated_with(store, cancel_later=False)
    assert InstallmentStatus.CANCELLED not in {i.stored_status for i in rows}
    assert outstanding(store, D(2026, 12, 31)).totals == {"USD": 40_000 - 2_000}


def test_an_installment_reads_whether_it_binds_in_the_session_that_adds_it(store: Store) -> None:
    from desktop.store.models import Installment

    who = contractors.create(store, make_contractor()).id
    job, draft = signed(store, who), engagements.create(store, make_engagement(who)).id
    with store.transaction() as session:  # the database's triggers set it as the row goes in
        added = [Installment(engagement_id=e, position=0, label="x", due_on=TODAY,
                             amount_minor=100, currency="USD") for e in (job, draft)]
        session.add_all(added)
        session.flush()
        assert [i.binding for i in added] == [True, False]
