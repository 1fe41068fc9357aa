"""The Engagements tab against a real store: create, move along the status path, plan and
record payments, keep the log. Dialogs that would block are driven by small subclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from desktop.core.engagement import allowed_moves
from desktop.core.enums import EngagementStatus, InstallmentStatus, RateUnit
from desktop.core.exit_plan import validate_exit_plan
from desktop.core.formats import date_text
from desktop.core.schedule import PlannedInstallment
from desktop.store import communication, contractors, engagements, exit_plans, payments
from desktop.store.db import Store
from desktop.store.health import contractor_health
from desktop.ui import engagement_pane, engagements_view
from desktop.ui.at_stake import AtStakeDialog
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.engagement_model import ECol
from desktop.ui.engagements_view import EngagementsView
from desktop.ui.installment_model import ICol
from desktop.ui.log_entry_dialog import LogEntryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.milestones_dialog import MilestonesDialog
from desktop.ui.payment_dialog import PaymentDialog
from desktop.ui.rating_dialog import RatingDialog
from desktop.ui.runner import Runner
from tests.conftest import settle
from tests.factories import make_contractor, make_engagement
from tests.threads import elsewhere

D = dt.date
TODAY = D(2026, 6, 10)
S = EngagementStatus


@pytest.fixture
def maya(store: Store) -> int:
    return contractors.create(store, make_contractor()).id


@pytest.fixture
def view(qtbot, maya: int, runner: Runner) -> EngagementsView:  # type: ignore[no-untyped-def]
    widget = EngagementsView(runner, today=lambda: TODAY)
    widget.reload()  # as the window's first load does
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


@pytest.fixture(autouse=True)
def _no_rating(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finishing work asks for a rating; tests that care answer it themselves."""
    monkeypatch.setattr(RatingDialog, "exec", lambda self: 0)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    return shown


def answer(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    """Answer every QMessageBox.question; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def type_in(monkeypatch: pytest.MonkeyPatch, text: str, ok: bool = True) -> list[str]:
    """Answer every QInputDialog.getText; returns the prompts shown."""
    prompts: list[str] = []

    def get_text(_parent, _title, label, *_a, **_k):  # type: ignore[no-untyped-def]
        prompts.append(label)
        return text, ok

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return prompts


def add(view: EngagementsView, store: Store, contractor_id: int, *moves: EngagementStatus,
        **fields: object) -> int:
    with elsewhere(store):
        record = engagements.create(store, make_engagement(contractor_id, **fields))
        for status in moves:
            record = engagements.move(store, record.id, status, record.version, on=D(2026, 2, 25))
    view.reload(record.id)
    return record.id


def visible_moves(view: EngagementsView) -> set[EngagementStatus]:
    return {s for s, button in view.pane.move_buttons.items() if button.isVisible()}


def filled(dialog_class: type, made: list, **texts: str) -> type:
    """A dialog class whose exec() types the given texts, presses Save, and reports back."""

    class Filled(dialog_class):  # type: ignore[misc, valid-type]
        def exec(self) -> int:
            made.append(self)
            for name, text in texts.items():
                editor = self.editors[name]
                (editor.setPlainText if hasattr(editor, "setPlainText") else editor.setText)(text)
            self.accept()
            return self.result()

    return Filled


# --- the list and the editor --------------------------------------------------------------
def test_new_engagement_is_created_from_the_dialog_and_selected(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[tuple] = []

    class FakeDialog:
        def __init__(self, data, choices, rules, parent=None, **_kw) -> None:  # type: ignore[no-untyped-def]
            opened.append((data, choices, rules))
            self.result_data = make_engagement(maya, title="Brand guide")

        def exec(self) -> bool:
            return True

    monkeypatch.setattr(engagements_view, "EngagementDialog", FakeDialog)
    assert "No engagements yet. Choose “New engagement…”" in view.pane.placeholder.text()
    view.status_filter.setCurrentIndex(view.status_filter.findData("signed"))  # would hide it
    view.new_button.click()
    settle(qtbot, view.runner)
    data, choices, rules = opened[0]
    assert data is None and choices == [(maya, "Maya Okafor")]
    assert any("Late Payment Directive" in r.name for r in rules)
    assert view.status_filter.currentIndex() == 0
    assert view.model.rowCount() == 1 and view.selected_id() is not None
    assert view.pane.record is not None and view.pane.record.data.title == "Brand guide"
    assert "Brand guide" in view.pane.heading.text()
    assert [r.title for r in engagements.list_rows(store)] == ["Brand guide"]


def test_new_engagement_needs_a_contractor(qtbot, runner: Runner, warnings: list[str]) -> None:  # type: ignore[no-untyped-def]
    empty = EngagementsView(runner, today=lambda: TODAY)
    empty.reload()
    qtbot.addWidget(empty)
    empty.show()
    assert "Add a contractor first" in empty.pane.placeholder.text()
    empty.new_button.click()
    assert warnings and "Add a contractor first" in warnings[0]


def test_edit_saves_and_a_conflict_offers_mine_on_top_of_theirs(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch,  # type: ignore[no-untyped-def]
        warnings: list[str], conflicts) -> None:
    engagement_id = add(view, store, maya)

    class Editor(EngagementDialog):
        other_user = False
        title = "Spring catalogue, second edition"

        def exec(self) -> int:
            if Editor.other_user:  # someone saves first while this editor is open
                record = engagements.get(store, engagement_id)
                with elsewhere(store):
                    engagements.update(store, engagement_id,
                                       replace(record.data, title="Theirs"), record.version)
            self.editors["title"].setText(Editor.title)  # type: ignore[attr-defined]
            self.accept()
            return self.result()

    monkeypatch.setattr(engagements_view, "EngagementDialog", Editor)
    view.edit_button.click()
    settle(qtbot, view.runner)
    assert engagements.get(store, engagement_id).data.title == "Spring catalogue, second edition"
    assert view.model.index(0, 0).data() == "Spring catalogue, second edition"
    asked = conflicts.asked
    Editor.other_user, Editor.title = True, "Mine"
    view.edit_button.click()
    settle(qtbot, view.runner)
    settle(qtbot, view.runner)
    assert asked[0].startswith("Theirs was saved by ")
    assert "• Title: yours “Mine”, theirs “Theirs”" in asked[0]
    assert engagements.get(store, engagement_id).data.title == "Theirs"
    assert view.model.index(0, 0).data() == "Theirs"
    view.edit_button.click()  # someone saves first again; this time mine goes on top
    settle(qtbot, view.runner)
    settle(qtbot, view.runner)
    assert engagements.get(store, engagement_id).data.title == "Mine"
    assert view.model.index(0, 0).data() == "Mine"
    assert warnings == []


def test_status_filter_shows_only_that_status(view: EngagementsView, store: Store,
                                              maya: int) -> None:
    add(view, store, maya, title="Drafted")
    add(view, store, maya, S.CANCELLED, title="Dropped")
    view.status_filter.setCurrentIndex(view.status_filter.findData("open"))
    assert [view.model.row_at(r).title for r in range(view.model.rowCount())] == ["Drafted"]
    assert view.count_label.text() == "1 of 2 engagements"
    view.status_filter.setCurrentIndex(view.status_filter.findData("completed"))
    assert view.model.rowCount() == 0 and view.pane.record is None
    assert "No engagement has this status" in view.pane.placeholder.text()


# --- the status path ----------------------------------------------------------------------
@pytest.mark.parametrize("path", [(), (S.IN_REVIEW,), (S.IN_REVIEW, S.SIGNED),
                                  (S.IN_REVIEW, S.SIGNED, S.COMPLETED),
                                  (S.IN_REVIEW, S.SIGNED, S.TERMINATED), (S.CANCELLED,)])
def test_only_the_legal_moves_are_offered(view: EngagementsView, store: Store, maya: int,
                                          path: tuple[EngagementStatus, ...]) -> None:
    add(view, store, maya, *path)
    status = path[-1] if path else S.DRAFT
    assert view.pane.record is not None and view.pane.record.status is status
    assert visible_moves(view) == set(allowed_moves(status))
    assert view.edit_button.isEnabled() == (status in (S.DRAFT, S.IN_REVIEW, S.SIGNED))
    assert view.pane.schedule_button.isEnabled() == view.edit_button.isEnabled()


def ready_to_sign(store: Store, engagement_id: int) -> None:
    """Everything the signing gate asks for: a verified contractor, a clean review, an exit plan."""
    from desktop.core.exit_plan import validate_exit_plan
    from desktop.core.risk import Answer, Replacement
    from desktop.core.risk_catalog import QUESTIONS, SCALE
    from desktop.store import exit_plans, reviews

    record = engagements.get(store, engagement_id)
    who = contractors.get(store, record.data.contractor_id)
    contractors.update(store, who.id, replace(who.data, identity_verified_on=TODAY), who.version)
    engagements.update(store, engagement_id, replace(record.data, ip_assignment_signed=True,
                                                     amount_minor=50_000), record.version)
    reviews.save(store, engagement_id, answers={
        q.id: Answer(1 if q.kind == SCALE else (not q.risky)) for q in QUESTIONS},
        replacement=Replacement.UNDER_WEEK, deadline_hardness=1, copyrightable=True,
        reviewer="Sam", expected_version=None)
    exit_plans.save(store, engagement_id, validate_exit_plan({
        "for_cause": True, "handover_work": "Files", "data_disposition": "destroy",
        "access_revocation": "Drive"}), None)


def test_signing_is_blocked_with_every_reason_and_its_fix(qtbot, 
        view: EngagementsView, store: Store, maya: int, warnings: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya, S.IN_REVIEW)
    asked = answer(monkeypatch, yes=True)
    view.pane.move_buttons[S.SIGNED].click()
    settle(qtbot, view.runner)
    assert not asked and warnings and "cannot be signed yet" in warnings[0]
    assert "Fix: Answer the risk review questions." in warnings[0]
    assert engagements.get(store, engagement_id).status is S.IN_REVIEW


def test_signing_asks_first_and_records_who_and_when(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya)
    view.pane.move_buttons[S.IN_REVIEW].click()
    settle(qtbot, view.runner)
    assert engagements.get(store, engagement_id).status is S.IN_REVIEW
    assert visible_moves(view) == {S.SIGNED, S.CANCELLED}
    with elsewhere(store):
        ready_to_sign(store, engagement_id)
    view.reload(select_id=engagement_id)

    asked = answer(monkeypatch, yes=False)
    view.pane.move_buttons[S.SIGNED].click()
    settle(qtbot, view.runner)
    assert asked and "Spring catalogue" in asked[0]
    assert engagements.get(store, engagement_id).status is S.IN_REVIEW

    answer(monkeypatch, yes=True)
    prompts = type_in(monkeypatch, "Sam Reed")
    view.pane.move_buttons[S.SIGNED].click()
    settle(qtbot, view.runner)
    record = engagements.get(store, engagement_id)
    assert prompts and "Signed by" in prompts[0]
    assert (record.status, record.signed_on, record.signed_by) == (S.SIGNED, TODAY, "Sam Reed")
    assert visible_moves(view) == {S.COMPLETED, S.TERMINATED}
    assert "Sam Reed" in view.pane.heading.text()


def test_ending_asks_for_an_optional_reason(qtbot, view: EngagementsView, store: Store, maya: int,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED)
    type_in(monkeypatch, "", ok=False)  # Cancel in the reason box: nothing happens
    view.pane.move_buttons[S.TERMINATED].click()
    settle(qtbot, view.runner)
    assert engagements.get(store, engagement_id).status is S.SIGNED
    prompts = type_in(monkeypatch, "Missed the print deadline")
    view.pane.move_buttons[S.TERMINATED].click()
    settle(qtbot, view.runner)
    record = engagements.get(store, engagement_id)
    assert "Reason (optional)" in prompts[0]
    assert (record.status, record.ended_on, record.end_reason) == \
        (S.TERMINATED, TODAY, "Missed the print deadline")
    assert visible_moves(view) == set() and not view.edit_button.isEnabled()


def test_terminating_asks_what_becomes_of_installments_due_later(
        qtbot, view: EngagementsView, store: Store, maya: int, monkeypatch,  # type: ignore[no-untyped-def]
        conflicts) -> None:
    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED)
    with elsewhere(store):
        payments.replace_schedule(store, engagement_id, [
            PlannedInstallment(label, day, day, 10_000, "USD") for label, day in (
                ("Before", TODAY - dt.timedelta(days=3)), ("After", TODAY + dt.timedelta(days=30)),
                ("Later", TODAY + dt.timedelta(days=60)))])
    view.reload(select_id=engagement_id)
    type_in(monkeypatch, "Budget cut")
    conflicts.answers = ["Don't terminate", "Cancel them"]
    view.pane.move_buttons[S.TERMINATED].click()
    settle(qtbot, view.runner)
    assert engagements.get(store, engagement_id).status is S.SIGNED
    assert conflicts.asked[0].startswith("2 installments of “Spring catalogue”, $200.00 in all,")
    assert "• After: $100.00, due" in conflicts.asked[0] and "Before" not in conflicts.asked[0]
    view.pane.move_buttons[S.TERMINATED].click()
    settle(qtbot, view.runner)
    assert engagements.get(store, engagement_id).status is S.TERMINATED
    assert [i.stored_status for i in payments.installments(store, engagement_id)] == \
        ["planned", "cancelled", "cancelled"]
    assert view.pane.installment_model.index(1, ICol.STATUS).data() == "Cancelled"


# --- schedules ----------------------------------------------------------------------------
def test_fixed_price_schedule_is_one_installment_after_the_end(qtbot, 
        view: EngagementsView, store: Store, maya: int) -> None:
    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED)
    assert "No payment schedule yet" in view.pane.totals.text()
    assert not view.pane.pay_button.isEnabled()
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    rows = payments.installments(store, engagement_id)
    assert [(r.label, r.due_on, r.amount_minor) for r in rows] == \
        [("Fixed price", D(2026, 6, 14), 100_000)]  # 31 May + net 14
    model = view.pane.installment_model
    assert [model.index(0, c).data() for c in ICol] == \
        ["Fixed price", "Jun 14, 2026", "$1,000.00", "—", "Planned"]
    assert view.model.index(0, 4).data() == "Jun 14, 2026"  # the list's next due date
    assert view.pane.pay_button.isEnabled()


def test_hourly_schedule_spreads_the_estimate_by_month(qtbot, view: EngagementsView, store: Store,
                                                       maya: int) -> None:
    engagement_id = add(view, store, maya, pricing_model="hourly", amount="", rate="85",
                        estimated_hours="100", start_on="2026-03-01", end_on="2026-05-31")
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    rows = payments.installments(store, engagement_id)
    assert [r.label for r in rows] == ["Mar 2026 (est. 33 hours)", "Apr 2026 (est. 33 hours)",
                                       "May 2026 (est. 34 hours)"]
    assert sum(r.amount_minor for r in rows) == 850_000


def test_missing_terms_are_named_instead_of_a_schedule(qtbot, 
        view: EngagementsView, store: Store, maya: int, warnings: list[str]) -> None:
    engagement_id = add(view, store, maya, pricing_model="retainer", start_on="", end_on="")
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    assert warnings and "Start is not set" in warnings[0] and "End is not set" in warnings[0]
    assert payments.installments(store, engagement_id) == []


def test_milestones_are_entered_in_a_dialog(qtbot, view: EngagementsView, store: Store, maya: int,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya, pricing_model="milestones")
    made: list[MilestonesDialog] = []
    rows = [[("Deposit", "2026-03-01", "30"), ("Final", "2026-05-31", "60")],
            [("Deposit", "2026-03-01", "30"), ("Final", "2026-05-31", "70")]]

    class Filled(MilestonesDialog):
        def exec(self) -> int:
            made.append(self)
            for attempt in rows:
                self.set_rows(attempt)
                self.accept()
                if self.result():
                    break
            return self.result()

    monkeypatch.setattr(engagement_pane, "MilestonesDialog", Filled)
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    assert made[0].error.text() == "Percentages add up to 90, not 100"  # the first attempt
    installments = payments.installments(store, engagement_id)
    assert [(r.label, r.amount_minor) for r in installments] == \
        [("Deposit", 30_000), ("Final", 70_000)]


def test_milestones_dialog_keeps_at_least_one_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MilestonesDialog(100_000, "USD", 14, D(2026, 3, 1), D(2026, 5, 31))
    qtbot.addWidget(dialog)
    for _ in range(3):
        dialog.remove_row()
    assert dialog.table.rowCount() == 1
    dialog.set_rows([("Only", "2026-02-30", "100")])
    dialog.accept()
    assert "Row 1 date 2026-02-30 does not exist" in dialog.error.text()


def test_regenerating_asks_before_replacing(qtbot, view: EngagementsView, store: Store, maya: int,
                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya)
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    first = payments.installments(store, engagement_id)
    asked = answer(monkeypatch, yes=False)
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    assert asked and "Paid and part-paid installments stay" in asked[0]
    assert payments.installments(store, engagement_id) == first


# --- payments -----------------------------------------------------------------------------
def test_part_payment_then_the_rest(qtbot, view: EngagementsView, store: Store, maya: int,
                                    monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED)
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    made: list[PaymentDialog] = []
    monkeypatch.setattr(engagement_pane, "PaymentDialog",
                        filled(PaymentDialog, made, amount="400", reference="TX-1",
                               invoice_number="INV-7"))
    view.pane.pay_button.click()
    settle(qtbot, view.runner)
    assert made[0].result_row is not None
    row = payments.installments(store, engagement_id)[0]
    assert (row.paid_minor, row.status(TODAY)) == (40_000, InstallmentStatus.PART_PAID)
    model = view.pane.installment_model
    assert model.index(0, ICol.PAID).data() == "$400.00"
    assert model.index(0, ICol.STATUS).data() == "Part-paid"
    assert "outstanding $600.00" in view.pane.totals.text()

    monkeypatch.setattr(engagement_pane, "PaymentDialog", filled(PaymentDialog, made))
    view.pane.pay_button.click()
    settle(qtbot, view.runner)
    assert made[1].editors["amount"].text() == "600.00"  # prefilled with what is still owed
    row = payments.installments(store, engagement_id)[0]
    assert (row.paid_minor, row.status(TODAY), row.settled_on) == \
        (100_000, InstallmentStatus.PAID, TODAY)
    assert model.index(0, ICol.STATUS).data() == "Paid"
    assert not view.pane.pay_button.isEnabled()
    assert view.model.index(0, 4).data() == ""  # nothing left due


def test_overpayment_asks_and_is_refused_when_declined(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya)
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    made: list[PaymentDialog] = []
    monkeypatch.setattr(engagement_pane, "PaymentDialog",
                        filled(PaymentDialog, made, amount="1500"))
    asked = answer(monkeypatch, yes=False)
    view.pane.pay_button.click()
    settle(qtbot, view.runner)
    assert asked and "$500.00 more than is owed" in asked[0]
    assert made[0].result_row is None and not made[0].result()
    assert made[0].boxes["amount"].error.text() == "Amount is more than the $1,000.00 outstanding"
    assert payments.installments(store, engagement_id)[0].paid_minor == 0

    answer(monkeypatch, yes=True)
    view.pane.pay_button.click()
    settle(qtbot, view.runner)
    assert payments.installments(store, engagement_id)[0].paid_minor == 150_000


def test_payment_errors_are_shown_in_the_dialog_naming_the_field(
        qtbot, view: EngagementsView, store: Store, maya: int) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya)
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    installment = payments.installments(store, engagement_id)[0]
    dialog = PaymentDialog(view.runner, installment, TODAY)
    qtbot.addWidget(dialog)
    dialog.editors["paid_on"].setText("2026-07-01")  # type: ignore[attr-defined]
    dialog.editors["amount"].setText("0")  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, view.runner)
    assert dialog.boxes["paid_on"].error.text() == "Paid on cannot be in the future"
    assert dialog.boxes["amount"].error.text() == "Amount must be more than zero"
    dialog.editors["amount"].setText("12.345")  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, view.runner)
    assert dialog.boxes["amount"].error.text() == "Amount USD takes at most 2 decimal places"
    assert not dialog.result()
    assert payments.installments(store, engagement_id)[0].paid_minor == 0


def test_overdue_installments_are_red(qtbot, view: EngagementsView, store: Store, maya: int) -> None:
    add(view, store, maya, end_on="2026-05-01")  # due 15 May, before TODAY
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    model = view.pane.installment_model
    # A draft's schedule is a plan: nothing in it is owed, so nothing is late.
    assert model.index(0, ICol.STATUS).data() == "Planned"
    assert model.index(0, ICol.DUE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    assert view.pane.totals.text().endswith("a plan: nothing is owed until it is signed")
    record = engagements.get(store, view.pane.record.id)
    with elsewhere(store):
        for step in ("in_review", "signed"):
            record = engagements.move(store, record.id, step, record.version, on=TODAY)
    view.reload(select_id=record.id)
    assert model.index(0, ICol.STATUS).data() == "Due (overdue)"
    assert model.index(0, ICol.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert view.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "outstanding" in view.pane.totals.text()


# --- the log and the rest of the pane -----------------------------------------------------
def test_log_entry_is_added(qtbot, view: EngagementsView, store: Store, maya: int,
                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya)
    assert view.pane.log_list.topLevelItemCount() == 0
    made: list[LogEntryDialog] = []
    monkeypatch.setattr(engagement_pane, "LogEntryDialog",
                        filled(LogEntryDialog, made, summary="Agreed the page plan\nand fonts",
                               follow_up_on="2026-06-12"))
    view.pane.log_button.click()
    settle(qtbot, view.runner)
    assert made[0].editors["channel"].value() == "video"  # the plan's channel is the default
    entries = communication.log(store, engagement_id)
    assert [(e.logged_on, e.channel, e.summary, e.follow_up_on) for e in entries] == \
        [(TODAY, "video", "Agreed the page plan\nand fonts", D(2026, 6, 12))]
    item = view.pane.log_list.topLevelItem(0)
    assert [item.text(c) for c in range(4)] == \
        ["Jun 10, 2026", "Video", "Agreed the page plan", "Jun 12, 2026"]


def test_log_entry_errors_name_the_field(qtbot, store: Store, maya: int, runner: Runner) -> None:  # type: ignore[no-untyped-def]
    with elsewhere(store):
        record = engagements.create(store, make_engagement(maya))
    dialog = LogEntryDialog(runner, record.id, TODAY)
    qtbot.addWidget(dialog)
    dialog.editors["follow_up_on"].setText("2026-06-01")  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, runner)
    assert dialog.boxes["summary"].error.text() == "Summary is required"
    dialog.editors["summary"].setPlainText("Call")  # type: ignore[attr-defined]
    dialog.accept()
    settle(qtbot, runner)
    assert dialog.boxes["follow_up_on"].error.text() == "Follow up on is before the entry's date"
    assert communication.log(store, record.id) == []


def test_pane_shows_brief_gaps_and_the_notice_date(view: EngagementsView, store: Store,
                                                   maya: int) -> None:
    add(view, store, maya, goals="", comm_contact="", end_on="2026-07-31", notice_period="30")
    text = view.pane.heading.text()
    assert "still empty: Goals, Communication plan" in text
    assert "Give notice by" in text and "Jul 1, 2026" in text


def test_installment_model_passes_qt_model_tester(qtbot, qtmodeltester, view: EngagementsView,  # type: ignore[no-untyped-def]
                                                  store: Store, maya: int) -> None:
    add(view, store, maya, pricing_model="retainer", billing_period="monthly")
    view.pane.schedule_button.click()
    settle(qtbot, view.runner)
    assert view.pane.installment_model.rowCount() == 3
    qtmodeltester.check(view.pane.installment_model)


# --- in the main window -------------------------------------------------------------------
def test_ctrl_3_and_ctrl_2_switch_tabs(qtbot, store: Store, data_folder: Path,  # type: ignore[no-untyped-def]
                                       tmp_path: Path, maya: int) -> None:
    engagements.create(store, make_engagement(maya))
    window = MainWindow(store, data_folder,
                        QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.load()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == \
        ["Today", "Contractors", "Engagements", "Planner", "Reports"]
    assert window.tabs.currentWidget() is window.dashboard
    window.tabs.setCurrentWidget(window.roster)
    window.roster.table.selectRow(0)
    assert window.roster.edit_action.isEnabled()
    qtbot.keyClick(window.roster.table, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.engagements
    assert window.engagements.model.rowCount() == 1  # loaded with the window
    assert not window.roster.edit_action.isEnabled() and not window.roster.archive_action.isEnabled()
    qtbot.keyClick(window.engagements.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.roster
    assert window.roster.edit_action.isEnabled()
    with qtbot.waitSignal(window.reports.ready, timeout=10_000):  # read on showing
        qtbot.keyClick(window.roster.table, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.reports
    qtbot.keyClick(window.reports.list, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.planner
    assert window.reports.contractor.count() == 2  # "All contractors" and Maya
    window.runner.wait()


# --- ratings and letting good people go ---------------------------------------------------
def test_completing_asks_for_a_rating(qtbot, view: EngagementsView, store: Store, maya: int,
                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED)
    type_in(monkeypatch, "")

    def rate(self: RatingDialog) -> int:
        self.scores["quality"].setValue(5)
        self.rehire.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RatingDialog, "exec", rate)
    view.pane.move_buttons[S.COMPLETED].click()
    settle(qtbot, view.runner)
    health = contractor_health(store, maya, TODAY)
    assert engagements.get(store, engagement_id).status is S.COMPLETED
    assert health.ratings is not None and health.ratings.quality == 5


def test_letting_a_well_rated_contractor_go_needs_a_reason(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    done = add(view, store, maya, S.IN_REVIEW, S.SIGNED, S.COMPLETED)
    with elsewhere(store):
        engagements.rate(store, done, engagements.RatingData(5, 5, 4, 4, True), TODAY)
    finishing = add(view, store, maya, S.IN_REVIEW, S.SIGNED, title="Autumn catalogue")
    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED, title="Summer catalogue")
    with elsewhere(store):  # a cheaper backup is named in the exit plan
        cheaper = contractors.create(store, make_contractor(
            display_name="Budget Prints", email="budget@example.com", rate="40",
            rate_unit="hour", currency="USD")).id
        contractors.update(store, maya, replace(contractors.get(store, maya).data,
                                                rate_minor=6_000, rate_unit=RateUnit.HOUR,
                                                currency="USD"),
                           contractors.get(store, maya).version)
        exit_plans.save(store, engagement_id, validate_exit_plan(
            {"backup_contractor_id": str(cheaper)}), None)
    shown: list[str] = []
    monkeypatch.setattr(AtStakeDialog, "exec", lambda self: shown.append("asked") or 0)
    type_in(monkeypatch, "")
    monkeypatch.setattr(RatingDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    view.reload(select_id=finishing)
    view.pane.move_buttons[S.COMPLETED].click()  # finishing the work lets nobody go
    settle(qtbot, view.runner)
    assert shown == [] and engagements.get(store, finishing).status is S.COMPLETED
    view.reload(select_id=engagement_id)

    def step_back(self: AtStakeDialog) -> int:
        shown.append(self.layout().itemAt(0).widget().text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(AtStakeDialog, "exec", step_back)
    view.pane.move_buttons[S.TERMINATED].click()
    settle(qtbot, view.runner)
    assert "4.5 / 5" in shown[0]
    assert ("The backup in the exit plan, Budget Prints, charges $40.00 per hour: $20.00 less "
            "than Maya Okafor's $60.00") in shown[0]
    assert engagements.get(store, engagement_id).status is S.SIGNED

    def give_reason(self: AtStakeDialog) -> int:
        self.reason.setPlainText("Bringing catalogues in-house")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AtStakeDialog, "exec", give_reason)
    view.pane.move_buttons[S.TERMINATED].click()
    settle(qtbot, view.runner)
    record = engagements.get(store, engagement_id)
    assert (record.status, record.end_reason) == (S.TERMINATED, "Bringing catalogues in-house")


# --- editing installments by hand ---------------------------------------------------------
def test_an_installment_can_be_edited_and_cancelled(qtbot, view: EngagementsView, store: Store,
                                                    maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.schedule import Milestone, milestone_schedule
    from desktop.ui.installment_dialog import InstallmentDialog

    engagement_id = add(view, store, maya, S.IN_REVIEW, S.SIGNED)
    with elsewhere(store):
        payments.replace_schedule(store, engagement_id, milestone_schedule(
            100_000, "USD", [Milestone("Deposit", TODAY, percent=50),
                             Milestone("Final", TODAY + dt.timedelta(days=30), percent=50)], 0))
    view.reload(select_id=engagement_id)
    view.pane.installment_table.selectRow(0)
    assert view.pane.edit_installment_button.isEnabled()

    def typed(self: InstallmentDialog) -> int:
        self.editors["amount"].setText("-5")
        self.accept()
        settle(qtbot, view.runner)
        refused.append(self.boxes["amount"].error.text())
        self.editors["amount"].setText("450.00")
        self.editors["label"].setText("Smaller deposit")
        self.accept()
        settle(qtbot, view.runner)
        return self.result()

    refused: list[str] = []
    monkeypatch.setattr(InstallmentDialog, "exec", typed)
    view.pane.edit_installment()
    settle(qtbot, view.runner)
    assert refused and refused[0].startswith("Amount ")
    rows = payments.installments(store, engagement_id)
    assert (rows[0].label, rows[0].amount_minor) == ("Smaller deposit", 45_000)

    answer(monkeypatch, yes=True)
    view.pane.installment_table.selectRow(1)
    view.pane.cancel_installment()
    settle(qtbot, view.runner)
    assert payments.installments(store, engagement_id)[1].stored_status == "cancelled"


def test_export_risk_summary_says_where_it_went_with_open_and_folder(
        view: EngagementsView, store: Store, maya: int, monkeypatch, tmp_path: Path,
        qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    engagement_id = add(view, store, maya, S.IN_REVIEW)
    view.reload(select_id=engagement_id)
    target = tmp_path / "summary.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or False)
    with qtbot.waitSignal(view.pane.exported, timeout=20_000):
        view.pane.summary_button.click()
        settle(qtbot, view.runner)
    assert target.read_bytes().startswith(b"%PDF")
    box = view.pane.saved_box  # where it went, with Open and Show in folder
    assert box.isVisible() and str(target) in box.text() and opened == []
    assert box.print_button.isVisible()  # a PDF prints from here too
    box.open_button.click()
    assert opened == [str(target)] and box.isVisible()
    assert "No program here is set up to open PDF files" in box.text()  # no viewer: said so
    box.folder_button.click()
    assert opened[-1] == str(tmp_path)
    box.close()


def test_each_blocker_links_to_where_it_is_fixed(view: EngagementsView, store: Store, maya: int,
                                                 monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    engagement_id = add(view, store, maya, S.IN_REVIEW)
    view.reload(select_id=engagement_id)
    text = view.pane.gate_note.toHtml()
    assert "to settle before signing" in text and 'href="review"' in text
    opened: list[str] = []
    monkeypatch.setattr(view.pane, "open_review", lambda: opened.append("review"))
    monkeypatch.setattr(view.pane, "open_exit_plan", lambda: opened.append("exit plan"))
    monkeypatch.setattr(view, "edit_selected", lambda: opened.append("edit"))
    view.pane.go_to("review")
    view.pane.go_to("exit_plan")
    view.pane.go_to("engagement.nda_signed_on")
    with qtbot.waitSignal(view.pane.contractor_requested, timeout=1000) as asked:
        view.pane.go_to("contractor.identity_verified_on")
    assert opened == ["review", "exit plan", "edit"] and asked.args == [maya]


def test_pressing_save_twice_saves_once(qtbot, store: Store, maya: int, runner: Runner) -> None:  # type: ignore[no-untyped-def]
    with elsewhere(store):
        record = engagements.create(store, make_engagement(maya))
    dialog = LogEntryDialog(runner, record.id, TODAY)
    qtbot.addWidget(dialog)
    dialog.editors["summary"].setPlainText("Call about the proofs")  # type: ignore[attr-defined]
    dialog.accept()
    dialog.accept()  # a double press, before the first write has landed
    settle(qtbot, runner)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [e.summary for e in communication.log(store, record.id)] == ["Call about the proofs"]


def test_the_pane_says_who_last_changed_the_engagement(store: Store) -> None:
    import datetime as dt

    from desktop.store import contractors as contractor_store
    from desktop.store import engagements as engagement_store
    from desktop.ui.engagement_summary import heading_html as _heading
    from tests.factories import make_contractor, make_engagement

    store.user = "ana"
    who = contractor_store.create(store, make_contractor()).id
    record = engagement_store.create(store, make_engagement(who))
    html = _heading(engagement_store.get(store, record.id), dt.date(2026, 12, 4))
    assert "Last changed" in html and " by ana" in html


def test_signing_makes_a_prospect_active_and_says_so_with_a_way_back(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.enums import ContractorStatus

    with elsewhere(store):
        record = contractors.get(store, maya)
        contractors.update(store, maya, replace(record.data, status=ContractorStatus.PROSPECT),
                           record.version)
    engagement_id = add(view, store, maya, S.IN_REVIEW)
    with elsewhere(store):
        ready_to_sign(store, engagement_id)
    view.reload(select_id=engagement_id)
    answer(monkeypatch, yes=True)
    type_in(monkeypatch, "Sam")
    view.pane.move_buttons[S.SIGNED].click()
    settle(qtbot, view.runner)
    assert contractors.get(store, maya).data.status is ContractorStatus.ACTIVE
    note = view.pane.gate_note
    assert note.isVisible() and "now an active contractor" in note.toPlainText()
    note.anchorClicked.emit(QUrl("keep-prospect"))
    settle(qtbot, view.runner)
    assert contractors.get(store, maya).data.status is ContractorStatus.PROSPECT
    assert not note.isVisible()
    assert engagements.get(store, engagement_id).status is S.SIGNED


def test_new_terms_over_an_old_schedule_offer_to_bring_it_in_line(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.engagement import planned_schedule
    from desktop.ui import engagements_view as module

    engagement_id = add(view, store, maya, S.IN_REVIEW)
    with elsewhere(store):
        payments.replace_schedule(store, engagement_id,
                                  planned_schedule(engagements.get(store, engagement_id).data))
    view.reload(select_id=engagement_id)
    assert not view.pane.drifted
    made: list = []
    monkeypatch.setattr(module, "EngagementDialog",
                        filled(module.EngagementDialog, made, amount="1500",
                               payment_terms_days="30"))
    asked = answer(monkeypatch, yes=True)
    view.edit_selected()
    settle(qtbot, view.runner)
    assert any("no longer matches them" in q for q in asked)
    rows = payments.installments(store, engagement_id)
    assert sum(r.amount_minor for r in rows) == 150_000  # regenerated from the new price
    assert not view.pane.drifted


def test_a_schedule_left_behind_the_terms_is_flagged(qtbot, 
        view: EngagementsView, store: Store, maya: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.engagement import planned_schedule
    from desktop.ui import engagements_view as module

    engagement_id = add(view, store, maya, S.IN_REVIEW)
    with elsewhere(store):
        payments.replace_schedule(store, engagement_id,
                                  planned_schedule(engagements.get(store, engagement_id).data))
    monkeypatch.setattr(module, "EngagementDialog",
                        filled(module.EngagementDialog, [], amount="1500"))
    answer(monkeypatch, yes=False)  # not now
    view.reload(select_id=engagement_id)
    view.edit_selected()
    settle(qtbot, view.runner)
    view.reload(select_id=engagement_id)
    assert view.pane.drifted and "no longer matches the terms" in view.pane.totals.text()
    assert sum(r.amount_minor for r in payments.installments(store, engagement_id)) == 100_000


def test_the_date_columns_hold_any_day_as_the_locale_writes_it(view: EngagementsView) -> None:
    room = view.table.fontMetrics().horizontalAdvance
    widest = max(room(date_text(D(2026, month, 28))) for month in range(1, 13))
    header = view.table.horizontalHeader()
    for column in (ECol.START, ECol.END, ECol.NEXT_DUE):
        assert header.sectionSize(column) >= widest + 16
