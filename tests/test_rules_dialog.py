"""Settings ▸ Payment rules, driven like a user would."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.store import rules
from desktop.store.db import Store
from desktop.ui import rules_dialog
from desktop.ui.rules_dialog import RuleForm, RulesDialog
from tests.threads import dialog_runner, drain


def test_rules_model_passes_qt_model_tester(qtmodeltester, qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = RulesDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == len(rules.rule_records(store))


def test_form_names_each_bad_field_and_saves_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = RuleForm(None)
    qtbot.addWidget(form)
    form.editors["country"].setText("XX")
    form.editors["max_payment_days"].setText("sixty")
    form.accept()
    assert form.result_rule is None
    assert "ISO 3166-1" in form.boxes["country"].error.text()
    assert form.boxes["max_payment_days"].error.text().startswith("Longest terms (days) must be")
    assert form.boxes["name"].error.text() == "Rule is required"


def test_edit_and_remove_through_the_dialog(qtbot, store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = RulesDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    row = next(i for i, r in enumerate(dialog.model.records) if r.rule.country == "GB")
    dialog.table.selectRow(row)

    class Edited(RuleForm):
        def exec(self) -> int:
            self.editors["max_payment_days"].setText("45")
            self.accept()
            return 1

    monkeypatch.setattr(rules_dialog, "RuleForm", Edited)
    dialog.edit()
    drain(dialog.runner)
    gb = next(r for r in rules.rule_records(store) if r.rule.country == "GB")
    assert gb.rule.max_payment_days == 45 and gb.version == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(next(i for i, r in enumerate(dialog.model.records)
                                if r.rule.country == "GB"))
    dialog.remove()
    drain(dialog.runner)
    assert "GB" not in {r.rule.country for r in rules.rule_records(store)}
    assert dialog.model.rowCount() == len(rules.rule_records(store))


@pytest.fixture(autouse=True)
def _no_real_warnings(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
