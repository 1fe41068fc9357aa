"""Engagements, schedules, payments and the log against a real SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from desktop.core.enums import EngagementStatus, InstallmentStatus
from desktop.core.schedule import Milestone, milestone_schedule
from desktop.core.validation import ConflictError, ValidationError
from desktop.store import communication, contractors, engagements, payments
from desktop.store.db import Store
from desktop.store.models import Installment, Payment
from desktop.store.payments import NeedsConfirmation
from tests.factories import make_contractor, make_engagement

D = dt.date


@pytest.fixture
def maya(store: Store) -> int:
    return contractors.create(store, make_contractor()).id


@pytest.fixture
def signed(store: Store, maya: int) -> engagements.EngagementRecord:
    record = engagements.create(store, make_engagement(maya))
    record = engagements.move(store, record.id, "in_review", record.version, on=D(2026, 2, 20))
    return engagements.move(store, record.id, "signed", record.version, on=D(2026, 2, 25), by="Sam")


def schedule(store: Store, engagement_id: int) -> list[payments.InstallmentRow]:
    plan = milestone_schedule(100_000, "USD", [
        Milestone("Deposit", D(2026, 3, 1), percent=30),
        Milestone("Draft", D(2026, 4, 1), percent=30),
        Milestone("Final", D(2026, 5, 31), percent=40)], net_days=14)
    return payments.replace_schedule(store, engagement_id, plan)


def test_engagement_starts_as_a_draft_and_reads_back(store: Store, maya: int) -> None:
    data = make_engagement(maya)
    record = engagements.create(store, data)
    assert record.status is EngagementStatus.DRAFT and record.contractor_name == "Maya Okafor"
    assert engagements.get(store, record.id).data == data


def test_unknown_contractor_is_named(store: Store) -> None:
    with pytest.raises(ValidationError, match="contractor 404 does not exist"):
        engagements.create(store, make_engagement(404))


def test_status_follows_the_path_and_records_signing(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    assert (signed.status, signed.signed_on, signed.signed_by) == \
        (EngagementStatus.SIGNED, D(2026, 2, 25), "Sam")
    with pytest.raises(ValidationError, match="cannot become cancelled"):
        engagements.move(store, signed.id, "cancelled", signed.version, on=D(2026, 3, 1))
    done = engagements.move(store, signed.id, "completed", signed.version, on=D(2026, 6, 1),
                            reason="Delivered")
    assert (done.ended_on, done.end_reason) == (D(2026, 6, 1), "Delivered")
    with pytest.raises(ConflictError, match="closed engagement"):
        engagements.update(store, done.id, done.data, done.version)


def test_stale_edit_is_refused(store: Store, maya: int) -> None:
    record = engagements.create(store, make_engagement(maya))
    engagements.update(store, record.id, replace(record.data, title="Theirs"), record.version)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        engagements.update(store, record.id, replace(record.data, title="Mine"), record.version)
    assert engagements.get(store, record.id).data.title == "Theirs"


def test_schedule_sums_exactly_and_list_shows_next_due(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    rows = schedule(store, signed.id)
    assert [r.amount_minor for r in rows] == [30_000, 30_000, 40_000]
    assert [r.due_on for r in rows] == [D(2026, 3, 15), D(2026, 4, 15), D(2026, 6, 14)]
    listed = engagements.list_rows(store)
    assert [(r.title, r.value_minor, r.next_due_on) for r in listed] == \
        [("Spring catalogue", 100_000, D(2026, 3, 15))]
    assert engagements.list_rows(store, status="draft") == []


def test_payments_move_installment_status(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    first, second, _ = schedule(store, signed.id)
    today = D(2026, 4, 20)
    part = payments.record_payment(store, first.id, amount_minor=10_000, currency="USD",
                                   paid_on=D(2026, 3, 10), method="bank transfer",
                                   reference="TX-1", invoice_number="INV-7", today=today)
    assert part.status(today) is InstallmentStatus.PART_PAID and part.outstanding_minor == 20_000
    paid = payments.record_payment(store, first.id, amount_minor=20_000, currency="USD",
                                   paid_on=D(2026, 3, 20), today=today)
    assert paid.status(today) is InstallmentStatus.PAID and paid.settled_on == D(2026, 3, 20)
    assert payments.installments(store, signed.id)[1].status(today) is InstallmentStatus.DUE
    assert second.status(D(2026, 4, 1)) is InstallmentStatus.PLANNED


def test_bad_payments_are_refused_and_nothing_is_written(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    first = schedule(store, signed.id)[0]
    today = D(2026, 4, 1)
    with pytest.raises(ValidationError) as error:
        payments.record_payment(store, first.id, amount_minor=0, currency="EUR",
                                paid_on=D(2026, 5, 1), today=today)
    assert {e.field for e in error.value.errors} == {"amount", "currency", "paid_on"}
    with pytest.raises(NeedsConfirmation, match=r"\$50.00 more than is owed"):
        payments.record_payment(store, first.id, amount_minor=35_000, currency="USD",
                                paid_on=today, today=today)
    with store.reading() as session:
        assert session.query(Payment).count() == 0
        assert session.get(Installment, first.id).paid_minor == 0
    over = payments.record_payment(store, first.id, amount_minor=35_000, currency="USD",
                                   paid_on=today, today=today, allow_overpayment=True)
    assert over.paid_minor == 35_000 and over.status(today) is InstallmentStatus.PAID


def test_regenerating_keeps_paid_installments(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    first = schedule(store, signed.id)[0]
    payments.record_payment(store, first.id, amount_minor=30_000, currency="USD",
                            paid_on=D(2026, 3, 14), today=D(2026, 3, 14))
    plan = milestone_schedule(120_000, "USD", [
        Milestone("Deposit", D(2026, 3, 1), percent=25),
        Milestone("Rest", D(2026, 6, 30), percent=75)], net_days=30)
    rows = payments.replace_schedule(store, signed.id, plan)
    assert rows[0].id == first.id and rows[0].paid_minor == 30_000
    assert sum(r.amount_minor for r in rows) == 120_000
    assert [r.label for r in rows] == ["Deposit", "Rest"]


def test_due_lists_overdue_first_within_the_window(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    schedule(store, signed.id)
    due = payments.due(store, today=D(2026, 4, 10), days=14)
    assert [(d.installment.label, d.overdue) for d in due] == [("Deposit", True), ("Draft", False)]
    assert due[0].contractor_name == "Maya Okafor"


def test_log_and_overdue_check_ins(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    # Weekly cadence from the 1 March start: due 8 March.
    assert [c.engagement_id for c in communication.overdue_check_ins(store, D(2026, 3, 9)).rows] == \
        [signed.id]
    communication.add_log_entry(store, signed.id, logged_on=D(2026, 3, 9), channel="video",
                                summary="Went through the first spread", follow_up_on=D(2026, 3, 12))
    assert communication.overdue_check_ins(store, D(2026, 3, 16)).count == 0
    late = communication.overdue_check_ins(store, D(2026, 3, 17)).rows
    assert late[0].last_contact == D(2026, 3, 9) and late[0].due_on == D(2026, 3, 16)
    assert communication.log(store, signed.id)[0].summary == "Went through the first spread"
    with pytest.raises(ValidationError, match="summary"):
        communication.add_log_entry(store, signed.id, logged_on=D(2026, 3, 9), channel="", summary=" ")


def test_installments_can_be_edited_and_cancelled_by_hand(store: Store, signed) -> None:  # type: ignore[no-untyped-def]
    first, second, third = schedule(store, signed.id)
    moved = payments.edit_installment(store, second.id, label=" Draft spreads ",
                                      due_on=D(2026, 4, 20), amount_minor=25_000,
                                      expected_version=second.version)
    assert (moved.label, moved.due_on, moved.amount_minor) == ("Draft spreads", D(2026, 4, 20),
                                                               25_000)
    with pytest.raises(ConflictError):
        payments.edit_installment(store, second.id, label="x", due_on=D(2026, 4, 20),
                                  amount_minor=1, expected_version=second.version)
    paid = payments.record_payment(store, first.id, amount_minor=10_000, currency="USD",
                                   paid_on=D(2026, 3, 10), today=D(2026, 3, 10))
    with pytest.raises(ValidationError) as error:
        payments.edit_installment(store, first.id, label="Deposit", due_on=None,
                                  amount_minor=5_000, expected_version=paid.version)
    assert {e.field for e in error.value.errors} == {"due_on", "amount"}
    with pytest.raises(ValidationError, match="cannot be cancelled"):
        payments.cancel_installment(store, first.id, paid.version)
    cancelled = payments.cancel_installment(store, third.id, third.version)
    assert cancelled.status(D(2027, 1, 1)) is InstallmentStatus.CANCELLED
    assert cancelled.outstanding_minor == 0
    assert [d.installment.id for d in payments.due(store, D(2027, 1, 1), 0)] == \
        [first.id, second.id]
