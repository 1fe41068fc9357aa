"""The planner's Activities view against a real store with the demo data: the table and its
money, the activity and quote editors, starting an engagement from a quote, and conflicts.
Dialogs that would block are driven by small subclasses; message boxes are patched."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.enums import PlannerDecision
from desktop.core.money import format_money
from desktop.core.planner import ActivityInputs, plan_money, recommend, validate_quote
from desktop.store import engagements, planner
from desktop.store.db import Store
from desktop.store.demo import load_demo
from desktop.store.reporting import business
from desktop.ui import ask, planner_view
from desktop.ui.activity_dialog import ActivityDialog, QuoteDialog
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.planner_model import ACol, ActivitiesModel
from desktop.ui.planner_view import PlannerView
from tests.threads import dialog_runner, drain


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store)
    return store


@pytest.fixture
def view(qtbot, demo: Store) -> PlannerView:  # type: ignore[no-untyped-def]
    widget = PlannerView(dialog_runner(demo))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    yield widget
    widget.runner.wait()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    return shown


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def drive(monkeypatch: pytest.MonkeyPatch, dialog_class: type, fill, made: list) -> None:  # type: ignore[no-untyped-def]
    """Make ``dialog_class.exec`` run ``fill(dialog)``, press Save and report the result."""

    def exec_(self) -> int:  # type: ignore[no-untyped-def]
        made.append(self)
        fill(self)
        self.buttons.button(self.buttons.StandardButton.Save).click()
        return self.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)


def row_of(view: PlannerView, name: str) -> int:
    for position in range(view.model.rowCount()):
        if view.model.row_at(position).record.inputs.name == name:
            return position
    raise KeyError(name)


def cell(view: PlannerView, name: str, column: ACol) -> str:
    return view.model.index(row_of(view, name), column).data()


# --- the table and its money --------------------------------------------------------------
def test_model_passes_the_model_tester(qtmodeltester, view: PlannerView) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.quotes_model)
    qtmodeltester.check(ActivitiesModel())


def test_demo_shows_seven_activities_with_advice_and_money(view: PlannerView, demo: Store) -> None:
    assert view.model.rowCount() == 7
    for record in planner.activities(demo):
        advice = recommend(record.inputs)
        position = row_of(view, record.inputs.name)
        index = view.model.index(position, ACol.RECOMMENDATION)
        assert index.data() == advice.decision.label
        assert index.data(Qt.ItemDataRole.ToolTipRole) == advice.reason
        assert view.model.index(position, ACol.VALUE).data().startswith("$")
    assert cell(view, "Client proposals and pricing", ACol.BEST) == "no quote"
    assert cell(view, "Bookkeeping and payroll", ACol.BEST) == "$450.00"


def test_total_line_matches_plan_money(view: PlannerView, demo: Store) -> None:
    records = planner.activities(demo)
    info = business(demo)
    plan = plan_money([(r.inputs, [q.quote for q in r.quotes], recommend(r.inputs))
                       for r in records], info.base_currency, planner.exchange_rates(demo))
    text = view.summary.text()
    for minor in (plan.total.cost_minor, plan.total.hours_value_minor, plan.total.saving_minor):
        assert format_money(minor, info.base_currency, info.locale) in text
    assert text.startswith("If you outsource the recommended activities:")


def test_unconverted_currency_is_listed_apart_and_a_rate_converts_it(
        view: PlannerView, demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    activity_id = planner.save(demo, ActivityInputs("Translation", Decimal(10), 1, 1, 9000, "USD"),
                               decision=PlannerDecision.OUTSOURCE)
    planner.add_quote(demo, activity_id, validate_quote({
        "source": "Agency in Lyon", "rate": "40", "unit": "hour", "currency": "EUR",
        "estimated_hours_per_month": "10"}))
    view.refresh()
    assert "Also quoted in EUR: €400.00 a month for Translation" in view.others.text()
    made: list = []

    def fill(dialog):  # type: ignore[no-untyped-def]
        dialog.add_row("EUR", "1.1", "USD")

    drive(monkeypatch, planner_view.ExchangeRatesDialog, fill, made)
    view.rates_button.click()
    drain(view.runner)
    assert [(r.from_currency, r.rate) for r in planner.exchange_rates(demo)] == \
        [("EUR", Decimal("1.1"))]
    assert "EUR" not in view.others.text()
    assert cell(view, "Translation", ACol.BEST) == "$440.00"


def test_a_bad_exchange_rate_is_named_and_not_saved(view, demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    made: list = []
    drive(monkeypatch, planner_view.ExchangeRatesDialog,
          lambda d: d.add_row("EUR", "-2", "USD"), made)
    view.rates_button.click()
    drain(view.runner)
    assert "Row 1: Rate" in made[0].summary.text()
    assert planner.exchange_rates(demo) == []


# --- activities ---------------------------------------------------------------------------
def test_new_activity_through_the_dialog_adds_a_row(
        view: PlannerView, demo: Store, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    made: list = []

    def fill(dialog: ActivityDialog) -> None:
        qtbot.keyClicks(dialog.editors["name"], "Invoice chasing")
        qtbot.keyClicks(dialog.editors["hours_per_month"], "6.5")
        dialog.editors["importance"].setValue(2)
        dialog.editors["competence"].setValue(1)
        qtbot.keyClicks(dialog.editors["hour_value"], "80")

    drive(monkeypatch, ActivityDialog, fill, made)
    view.new_button.click()
    drain(view.runner)
    assert view.model.rowCount() == 8
    assert view.selected_row().record.inputs.name == "Invoice chasing"
    saved = next(a for a in planner.activities(demo) if a.inputs.name == "Invoice chasing")
    assert saved.inputs.hours_per_month == Decimal("6.5")
    assert saved.inputs.hour_value_minor == 8000 and saved.hour_value_set
    assert saved.decision == PlannerDecision.OUTSOURCE  # defaulted to the live advice


def test_bad_hours_show_an_inline_error_and_nothing_is_saved(
        view: PlannerView, demo: Store, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    made: list = []

    def fill(dialog: ActivityDialog) -> None:
        qtbot.keyClicks(dialog.editors["name"], "Filing")
        qtbot.keyClicks(dialog.editors["hours_per_month"], "lots")
        qtbot.keyClicks(dialog.editors["hour_value"], "50")

    drive(monkeypatch, ActivityDialog, fill, made)
    view.new_button.click()
    drain(view.runner)
    dialog = made[0]
    assert dialog.result_data is None
    error = dialog.boxes["hours_per_month"].error
    assert not error.isHidden() and error.text().startswith("Hours per month")
    assert "Hours per month" in dialog.summary.text()
    assert len(planner.activities(demo)) == 7


def test_live_recommendation_follows_the_scores(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ActivityDialog(None, currency="USD", default_hour_value_minor=5000)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editors["hours_per_month"], "10")
    dialog.editors["importance"].setValue(5)
    dialog.editors["competence"].setValue(5)
    assert dialog.advice.text() == PlannerDecision.KEEP.label
    keep_reason = dialog.reason.text()
    dialog.editors["competence"].setValue(1)
    assert dialog.advice.text() == PlannerDecision.HIRE_EXPERT.label
    assert dialog.reason.text() != keep_reason
    assert dialog.editors["decision"].value() == PlannerDecision.HIRE_EXPERT.value
    assert dialog.editors["hour_value"].placeholderText() == "50.00"


def test_edit_keeps_the_default_hour_value_unset(view, demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    planner.set_owner_hour_value(demo, 12000)
    view.refresh()
    made: list = []

    def fill(dialog: ActivityDialog) -> None:
        dialog.editors["hour_value"].setText("")
        dialog.editors["hours_per_month"].setText("3")

    view.select_activity(view.model.row_at(row_of(view, "Website copy")).id)
    drive(monkeypatch, ActivityDialog, fill, made)
    view.edit_button.click()
    drain(view.runner)
    saved = planner.get(demo, view.selected_id())
    assert not saved.hour_value_set and saved.inputs.hour_value_minor == 12000
    assert saved.inputs.hours_per_month == Decimal(3)


def test_an_edit_someone_saved_over_offers_mine_on_top(view, demo, monkeypatch, conflicts) -> None:  # type: ignore[no-untyped-def]
    asked = conflicts.asked
    activity_id = view.model.row_at(row_of(view, "Website copy")).id
    view.select_activity(activity_id)

    def fill(dialog: ActivityDialog) -> None:
        record = planner.get(demo, activity_id)  # someone else saves while this is open
        planner.save(demo, record.inputs, hour_value_set=record.hour_value_set,
                     decision=PlannerDecision.KEEP, notes=f"Theirs {len(asked) + 1}",
                     activity_id=activity_id, expected_version=record.version)
        dialog.editors["hours_per_month"].setText("3")
        dialog.editors["notes"].setPlainText("Mine")

    drive(monkeypatch, ActivityDialog, fill, [])
    view.edit_button.click()
    drain(view.runner)
    assert len(asked) == 1 and asked[0].startswith("“Website copy” was saved by ")
    assert "• Notes: yours “Mine”, theirs “Theirs 1”" in asked[0]
    assert "• Hours per month: yours “3”" in asked[0]  # what saving mine would change
    assert "decision" not in asked[0]  # theirs alone changed it: it stays
    kept = planner.get(demo, activity_id)
    assert kept.notes == "Theirs 1" and kept.inputs.hours_per_month != Decimal(3)
    view.edit_button.click()
    drain(view.runner)
    saved = planner.get(demo, activity_id)
    assert len(asked) == 2
    assert saved.notes == "Mine" and saved.inputs.hours_per_month == Decimal(3)
    assert saved.decision is PlannerDecision.KEEP  # theirs, which this edit left alone


def test_deleting_a_stale_activity_shows_the_conflict(
        view: PlannerView, demo: Store, warnings, yes) -> None:  # type: ignore[no-untyped-def]
    row = view.selected_row()
    planner.save(demo, row.record.inputs, decision=PlannerDecision.KEEP, activity_id=row.id,
                 expected_version=row.record.version)  # someone else edits it meanwhile
    view.delete_button.click()
    drain(view.runner)
    assert yes and "changed elsewhere" in warnings[0]
    assert len(planner.activities(demo)) == 7


def test_delete_after_confirming(view: PlannerView, demo: Store, yes) -> None:  # type: ignore[no-untyped-def]
    name = view.selected_row().record.inputs.name
    view.delete_button.click()
    drain(view.runner)
    assert view.model.rowCount() == 6
    assert name not in {a.inputs.name for a in planner.activities(demo)}


# --- quotes and engagements ---------------------------------------------------------------
def test_add_and_remove_a_quote(view: PlannerView, demo: Store, qtbot, monkeypatch, yes) -> None:  # type: ignore[no-untyped-def]
    activity_id = view.model.row_at(row_of(view, "Client proposals and pricing")).id
    view.select_activity(activity_id)
    assert view.quotes_model.rowCount() == 0 and not view.engage_button.isEnabled()
    made: list = []

    def fill(dialog: QuoteDialog) -> None:
        qtbot.keyClicks(dialog.editors["source"], "Pitch studio")
        qtbot.keyClicks(dialog.editors["rate"], "1200")
        dialog.editors["unit"].set_value("month")

    drive(monkeypatch, QuoteDialog, fill, made)
    view.add_quote_button.click()
    drain(view.runner)
    assert view.quotes_model.rowCount() == 1
    assert cell(view, "Client proposals and pricing", ACol.BEST) == "$1,200.00"
    assert planner.get(demo, activity_id).quotes[0].quote.source == "Pitch studio"
    view.remove_quote_button.click()
    drain(view.runner)
    assert view.quotes_model.rowCount() == 0
    assert planner.get(demo, activity_id).quotes == ()


def test_start_engagement_links_it_to_the_activity(
        view: PlannerView, demo: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    activity_id = view.model.row_at(row_of(view, "Social media posting")).id
    view.select_activity(activity_id)
    quote = view.selected_quote()
    assert quote is not None and quote.quote.contractor_id is not None
    assert view.engage_button.isEnabled()
    made: list = []

    def fill(dialog: EngagementDialog) -> None:
        assert dialog.editors["title"].text() == "Social media posting"
        assert dialog.editors["contractor_id"].value() == str(quote.quote.contractor_id)
        dialog.editors["amount"].setText("500")

    drive(monkeypatch, EngagementDialog, fill, made)
    view.engage_button.click()
    drain(view.runner)
    assert made[0].result_data is not None
    created = [r for r in engagements.list_rows(demo) if r.title == "Social media posting"]
    assert len(created) == 1
    assert planner.activity_of(demo, created[0].id) == activity_id


def test_owner_hour_value_is_saved(view, demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ask.QInputDialog, "getText",
                        lambda *a, **k: ("95.50", True))
    view.owner_button.click()
    drain(view.runner)
    assert planner.owner_hour_value(demo) == 9550
    assert "$95.50" in view.owner_button.text()


def test_matrix_selection_selects_the_row(view: PlannerView) -> None:
    target = view.model.row_at(row_of(view, "Data entry from supplier invoices")).id
    view.matrix.selected.emit(target)
    assert view.selected_id() == target


def test_screenshot(view: PlannerView, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(view)
    assert view.grab().save("/tmp/planner_view.png")
