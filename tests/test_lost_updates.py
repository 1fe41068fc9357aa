"""No lost updates: for each kind of record, two editors start from the same version, the first
saves, and the second's stale save is refused, leaving the first's change in place. A change to
a record's children (tags, installments, the exit plan, quotes…) moves the record's version too.
Through the operations the window and the command line call, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from desktop.core.enums import PlannerDecision, RateUnit
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.planner import ActivityInputs, ExchangeRate, Quote, validate_activity
from desktop.core.risk import Answer
from desktop.core.risk_catalog import QUESTIONS, SCALE
from desktop.core.rule_validation import validate_rule
from desktop.core.schedule import Milestone, PlannedInstallment, milestone_schedule
from desktop.core.validation import ConflictError
from desktop.operations import contractors as contractor_ops
from desktop.operations import engagements as engagement_ops
from desktop.operations import payments as payment_ops
from desktop.operations import planner as planner_ops
from desktop.operations import settings as settings_ops
from desktop.operations import transfer
from desktop.store import (
    communication,
    contractors,
    documents,
    engagements,
    exit_plans,
    payments,
    planner,
    reviews,
    rules,
)
from desktop.store.db import Store
from desktop.store.engagements import EngagementRecord, RatingData
from desktop.store.models import Payment, Rating
from desktop.ui.log_entry_dialog import LogEntryDialog
from tests.conftest import settle
from tests.factories import make_contractor, make_engagement
from tests.threads import elsewhere

TODAY = dt.date(2026, 11, 25)
STALE = pytest.raises(ConflictError, match="changed elsewhere|removed elsewhere")


@pytest.fixture
def maya(store: Store) -> int:
    return contractor_ops.add(store, make_contractor()).value.id


@pytest.fixture
def draft(store: Store, maya: int) -> EngagementRecord:
    return engagement_ops.add(store, make_engagement(maya)).value


def schedule(*percents: int) -> list[PlannedInstallment]:
    return milestone_schedule(100_000, "USD", [
        Milestone(f"Part {n}", TODAY + dt.timedelta(days=n), percent=Decimal(p))
        for n, p in enumerate(percents)], 0)


def moved_on(store: Store, before: EngagementRecord) -> bool:
    return engagements.get(store, before.id).version > before.version


# --- contractors ---------------------------------------------------------------------------
def test_a_tags_only_edit_refuses_a_stale_save_and_keeps_the_tags(store: Store, maya: int) -> None:
    first, second = contractors.get(store, maya), contractors.get(store, maya)
    contractor_ops.edit(store, maya, replace(first.data, tags=("design",)), first.version)
    with STALE:
        contractor_ops.edit(store, maya, replace(second.data, notes="stale"), second.version)
    saved = contractors.get(store, maya)
    assert saved.data.tags == ("design",) and saved.data.notes == ""


def test_a_rate_change_refuses_a_stale_save_and_keeps_its_history(store: Store,
                                                                  maya: int) -> None:
    first, second = contractors.get(store, maya), contractors.get(store, maya)
    contractor_ops.edit(store, maya, replace(first.data, rate_minor=9_500), first.version)
    with STALE:
        contractor_ops.edit(store, maya, replace(second.data, rate_minor=7_000), second.version)
    assert contractors.get(store, maya).data.rate_minor == 9_500
    assert [e.rate_minor for e in contractors.rate_history(store, maya)] == [8_500, 9_500]


def test_an_import_merge_that_only_adds_a_tag_moves_the_version(store: Store, maya: int) -> None:
    editor = contractors.get(store, maya)
    transfer.run_import(store, [], [(maya, make_contractor(tags=["design"]))])
    merged = contractors.get(store, maya)
    assert merged.version > editor.version and merged.data.tags == ("design",)
    with STALE:
        contractor_ops.edit(store, maya, replace(editor.data, notes="stale"), editor.version)
    assert contractors.get(store, maya).data.tags == ("design",)


# --- engagements and what is part of them ---------------------------------------------------
def test_an_engagement_edit_refuses_a_stale_one(store: Store, draft: EngagementRecord) -> None:
    engagement_ops.edit(store, draft.id, replace(draft.data, title="First"), draft.version)
    with STALE:
        engagement_ops.edit(store, draft.id, replace(draft.data, title="Second"), draft.version)
    assert engagements.get(store, draft.id).data.title == "First"


def test_a_schedule_refuses_a_stale_one(store: Store, draft: EngagementRecord) -> None:
    payment_ops.replace_schedule(store, draft.id, schedule(50, 50), draft.version)
    assert moved_on(store, draft)
    with STALE:
        payment_ops.replace_schedule(store, draft.id, schedule(100), draft.version)
    assert [i.amount_minor for i in payments.installments(store, draft.id)] == [50_000, 50_000]


def test_an_installment_edit_refuses_stale_edits_of_it_and_of_the_schedule(
        store: Store, draft: EngagementRecord) -> None:
    payment_ops.replace_schedule(store, draft.id, schedule(100), draft.version)
    engagement = engagements.get(store, draft.id)
    [installment] = payments.installments(store, draft.id)
    payment_ops.edit_installment(store, installment.id, label="Deposit", due_on=TODAY,
                                 amount_minor=90_000, expected_version=installment.version)
    with STALE:
        payment_ops.cancel_installment(store, installment.id, installment.version)
    with STALE:  # regenerating would have replaced the edited installment
        payment_ops.replace_schedule(store, draft.id, schedule(100), engagement.version)
    [kept] = payments.installments(store, draft.id)
    assert (kept.id, kept.label, kept.amount_minor, kept.stored_status) == (
        installment.id, "Deposit", 90_000, "planned")


def test_a_payment_refuses_one_made_from_a_stale_installment(
        store: Store, draft: EngagementRecord) -> None:
    payment_ops.replace_schedule(store, draft.id, schedule(100), draft.version)
    engagement = engagements.get(store, draft.id)
    [installment] = payments.installments(store, draft.id)

    def pay(amount: int) -> None:
        payment_ops.record_payment(store, installment.id, amount_minor=amount, currency="USD",
                                   paid_on=TODAY, method="cash", today=TODAY,
                                   expected_version=installment.version)

    pay(40_000)
    with STALE:
        pay(60_000)
    assert payments.installment(store, installment.id).paid_minor == 40_000
    with store.reading() as session:
        assert session.scalar(select(func.count()).select_from(Payment)) == 1
    assert moved_on(store, engagement)


def test_an_exit_plan_refuses_a_stale_one(store: Store, draft: EngagementRecord) -> None:
    plan = validate_exit_plan({"for_cause": True, "handover_work": "Files",
                               "data_disposition": "destroy", "access_revocation": "Drive"})
    assert exit_plans.get(store, draft.id) is None  # both editors start a new plan
    engagement_ops.save_exit_plan(store, draft.id, plan, None)
    with STALE:
        engagement_ops.save_exit_plan(store, draft.id, replace(plan, cure_days=9), None)
    saved = exit_plans.get(store, draft.id)
    assert saved is not None and saved.plan == plan
    engagement_ops.save_exit_plan(store, draft.id, replace(plan, cure_days=3), saved.version)
    with STALE:
        engagement_ops.save_exit_plan(store, draft.id, replace(plan, cure_days=9), saved.version)
    assert exit_plans.get(store, draft.id).plan.cure_days == 3  # type: ignore[union-attr]
    assert moved_on(store, draft)


def test_risk_answers_refuse_stale_ones(store: Store, draft: EngagementRecord) -> None:
    def answers(evidence: str) -> dict[str, Answer]:
        return {q.id: Answer(1 if q.kind == SCALE else (not q.risky), evidence)
                for q in QUESTIONS}

    def save(evidence: str, version: int | None) -> reviews.ReviewRecord:
        return engagement_ops.save_review(
            store, draft.id, answers=answers(evidence), replacement=None,
            deadline_hardness=2, copyrightable=True, reviewer="Sam",
            expected_version=version).value

    first = save("first", None)
    with STALE:
        save("second", None)
    save("first, again", first.version)
    with STALE:
        save("second", first.version)
    latest = reviews.latest(store, draft.id)
    assert latest is not None and latest.answers[QUESTIONS[0].id].evidence == "first, again"
    assert moved_on(store, draft)


def test_a_document_refuses_stale_attachments_and_removals(
        store: Store, draft: EngagementRecord, tmp_path: Path) -> None:
    contract = tmp_path / "contract.pdf"
    contract.write_bytes(b"%PDF-1.4 signed")
    attached = engagement_ops.attach_document(store, engagement_id=draft.id, kind="contract",
                                              source=contract, expected_version=draft.version)
    with STALE:  # the other editor still sees no contract on file
        engagement_ops.attach_document(store, engagement_id=draft.id, kind="nda",
                                       source=contract, expected_version=draft.version)
    record = attached.value
    engagement_ops.remove_document(store, record.id, record.version)
    with STALE:
        engagement_ops.remove_document(store, record.id, record.version)
    assert documents.list_for(store, engagement_id=draft.id) == []
    assert moved_on(store, draft)


def test_a_log_entry_refuses_one_added_to_a_stale_engagement(
        store: Store, draft: EngagementRecord) -> None:
    first = engagement_ops.add_log_entry(store, draft.id, logged_on=TODAY, channel="email",
                                         summary="Kick-off", expected_version=draft.version)
    seen = engagements.get(store, draft.id)  # an entry of the same day moves no date

    def add(summary: str) -> None:
        engagement_ops.add_log_entry(store, draft.id, logged_on=TODAY, channel="email",
                                     summary=summary, expected_version=seen.version)

    add("Agreed the scope")
    with STALE:
        add("Scope is open")
    assert [e.summary for e in communication.log(store, draft.id)] == [
        "Agreed the scope", first.value.summary]


def test_a_rating_refuses_a_stale_one(store: Store, draft: EngagementRecord) -> None:
    done = draft
    for status in ("in_review", "signed", "completed"):  # the store's move skips the gate
        done = engagements.move(store, draft.id, status, done.version, on=TODAY)
    engagement_ops.rate(store, done.id, RatingData(5, 5, 5, 5, True, "great"), TODAY,
                        done.version)
    with STALE:
        engagement_ops.rate(store, done.id, RatingData(1, 1, 1, 1, False, "poor"), TODAY,
                            done.version)
    with store.reading() as session:
        assert session.scalars(select(Rating.comment)).all() == ["great"]


# --- the planner -------------------------------------------------------------------------
def activity(hours: str = "10") -> ActivityInputs:
    return validate_activity({"name": "Bookkeeping", "hours_per_month": hours, "importance": 2,
                              "competence": 1, "hour_value": "80", "currency": "USD"})


def quote(source: str) -> Quote:
    return Quote(source, None, 45_000, RateUnit.MONTH, "USD", Decimal("10"))


def test_an_activity_edit_refuses_a_stale_one(store: Store) -> None:
    activity_id = planner_ops.save_activity(store, activity()).value
    version = planner.get(store, activity_id).version
    planner_ops.save_activity(store, activity("3"), activity_id=activity_id,
                              expected_version=version)
    with STALE:
        planner_ops.save_activity(store, activity("4"), activity_id=activity_id,
                                  decision=PlannerDecision.KEEP, expected_version=version)
    with STALE:
        planner_ops.delete_activity(store, activity_id, version)
    assert planner.get(store, activity_id).inputs.hours_per_month == Decimal("3.0")


def test_quotes_refuse_stale_changes(store: Store) -> None:
    activity_id = planner_ops.save_activity(store, activity()).value
    start = planner.get(store, activity_id)
    planner_ops.add_quote(store, activity_id, quote("Ledger & Co"), expected_version=start.version)
    seen = planner.get(store, activity_id)
    planner_ops.add_quote(store, activity_id, quote("Books Ltd"), expected_version=seen.version)
    with STALE:
        planner_ops.add_quote(store, activity_id, quote("Sums Inc"),
                              expected_version=seen.version)
    with STALE:
        planner_ops.delete_quote(store, activity_id, seen.quotes[0].id, seen.version)
    with STALE:  # an activity edited from before the quotes
        planner_ops.save_activity(store, activity("2"), activity_id=activity_id,
                                  expected_version=start.version)
    assert [q.quote.source for q in planner.get(store, activity_id).quotes] == [
        "Ledger & Co", "Books Ltd"]


def test_exchange_rates_refuse_stale_ones(store: Store) -> None:
    seen = planner.plan_settings(store)
    eur = [ExchangeRate("EUR", "USD", Decimal("1.08"))]
    planner_ops.set_exchange_rates(store, eur, seen.version)
    with STALE:
        planner_ops.set_exchange_rates(store, [ExchangeRate("GBP", "USD", Decimal("1.27"))],
                                       seen.version)
    with STALE:  # the hour value belongs to the same settings
        planner_ops.set_owner_hour_value(store, 5_000, seen.version)
    assert planner.plan_settings(store).rates == tuple(eur)
    assert planner.owner_hour_value(store) is None


def test_the_owner_hour_value_refuses_a_stale_one(store: Store) -> None:
    planner_ops.set_owner_hour_value(store, 1_000, planner.plan_settings(store).version)
    seen = planner.plan_settings(store)
    planner_ops.set_owner_hour_value(store, 12_000, seen.version)
    with STALE:
        planner_ops.set_owner_hour_value(store, 9_000, seen.version)
    assert planner.owner_hour_value(store) == 12_000


# --- rules -------------------------------------------------------------------------------
def test_a_payment_rule_refuses_stale_edits(store: Store) -> None:
    rule = validate_rule({"country": "us", "region": "ny", "name": "NYC", "currency": "usd",
                          "default_payment_days": "30", "source": "NYC Admin. Code 20-927",
                          "checked_on": "2026-11-01"}, TODAY)
    seen = settings_ops.add_rule(store, rule).value
    settings_ops.update_rule(store, seen.id, replace(rule, default_payment_days=15),
                             seen.version)
    with STALE:
        settings_ops.update_rule(store, seen.id, replace(rule, default_payment_days=60),
                                 seen.version)
    with STALE:
        settings_ops.delete_rule(store, seen.id, seen.version)
    [saved] = [r for r in rules.rule_records(store) if r.id == seen.id]
    assert saved.rule.default_payment_days == 15



# --- the window --------------------------------------------------------------------------
def test_a_log_entry_dialog_opened_before_a_change_elsewhere_is_refused(
        qtbot, store: Store, draft: EngagementRecord, runner) -> None:  # type: ignore[no-untyped-def]
    dialog = LogEntryDialog(runner, draft.id, TODAY)
    qtbot.addWidget(dialog)
    with elsewhere(store):
        engagement_ops.add_log_entry(store, draft.id, logged_on=TODAY, channel="", summary="Call",
                                     expected_version=draft.version)
    dialog.editors["summary"].setPlainText("Stale call")  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, runner)
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, with what was typed
    assert "changed elsewhere" in dialog.summary_line.text()
    assert [e.summary for e in communication.log(store, draft.id)] == ["Call"]
