"""Escape, Cancel or closing an editor with unsaved changes asks first; without changes it
just closes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.store import demo, engagements, rules
from desktop.store.db import Store
from desktop.ui import ask, discard
from desktop.ui.contractor_dialog import ContractorDialog
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.exit_plan_dialog import ExitPlanDialog
from desktop.ui.milestones_dialog import MilestonesDialog
from desktop.ui.review_dialog import ReviewDialog
from tests.factories import make_engagement
from tests.threads import dialog_runner

TODAY = dt.date(2026, 12, 4)
real_question = discard.ask_to_discard  # conftest answers it for every other test


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer "No, keep editing" and note each question."""
    questions: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda _p, title, *_a, **_k: questions.append(title)
                        or False)
    monkeypatch.setattr(discard, "ask_to_discard", real_question)
    return questions


def dialogs(store: Store):  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    draft = next(r for r in engagements.list_rows(store) if r.status == "in_review")
    return [
        (EngagementDialog(make_engagement(1), [(1, "Maya")], rules.payment_rules(store)),
         lambda d: d.editors["title"].setText("Changed")),
        (ContractorDialog(None), lambda d: d.editors["display_name"].setText("Ada")),
        (ExitPlanDialog(dialog_runner(store), draft.id, []),
         lambda d: d.editors["handover_work"].setPlainText("Files to our drive")),
        (ReviewDialog(dialog_runner(store), draft.id, TODAY),
         lambda d: next(iter(d.rows.values())).set_value(None if next(iter(d.rows.values()))
                                                         .value() is not None else 1)),
        (MilestonesDialog(100_000, "USD", 14, TODAY, TODAY + dt.timedelta(days=30)),
         lambda d: d.add_row("Extra", TODAY.isoformat(), "10")),
    ]


def test_leaving_unchanged_asks_nothing(qtbot, store: Store, asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    for dialog, _change in dialogs(store):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert asked == []


def test_leaving_with_changes_asks_and_no_keeps_editing(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                        asked: list[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for dialog, change in dialogs(store):
        qtbot.addWidget(dialog)
        dialog.show()
        change(dialog)
        dialog.reject()
        assert dialog.isVisible(), type(dialog).__name__  # "No": still editing
    assert asked == ["Discard changes?"] * 5
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    for dialog, _change in dialogs(store)[:1]:
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.editors["title"].setText("Changed")
        dialog.reject()
        assert not dialog.isVisible()


def test_milestone_rows_insert_move_and_sort_and_any_order_saves(qtbot) -> None:  # type: ignore[no-untyped-def]
    start, end = dt.date(2026, 3, 1), dt.date(2026, 5, 31)
    dialog = MilestonesDialog(120_000, "USD", 14, start, end)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    dialog.insert_row()  # between the deposit and the delivery, dated between them
    assert [r[1] for r in dialog.values()] == ["2026-03-01", "2026-04-15", "2026-05-31"]
    dialog.move_row(-1)
    assert dialog.values()[0][1] == "2026-04-15"
    dialog.sort_rows()
    assert [r[1] for r in dialog.values()] == ["2026-03-01", "2026-04-15", "2026-05-31"]
    dialog.set_rows([("Delivery", "2026-05-31", "50"), ("Deposit", "2026-03-01", "50")])
    dialog.accept()  # rows out of date order still make a schedule, in date order
    assert [i.label for i in dialog.plan] == ["Deposit", "Delivery"]
