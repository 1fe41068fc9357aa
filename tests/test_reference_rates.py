"""Reference rates the owner keeps current: edited from Settings and the command line alike,
one rate per series and date."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import QMessageBox

from desktop.core.formats import date_text
from desktop.store import reference_rates
from desktop.store.db import Store
from desktop.ui import rates_dialog
from desktop.ui.rates_dialog import RateForm, RatesDialog
from tests.threads import dialog_runner, drain

TYPED = {"series": "ecb", "effective_from": "2026-03-11", "rate": "2.00",
         "source": "ECB press release", "checked_on": "2026-12-01"}


def test_the_settings_dialog_adds_and_removes(qtbot, qtmodeltester, store: Store,  # type: ignore[no-untyped-def]
                                              monkeypatch) -> None:
    dialog = RatesDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    seeded = dialog.model.rowCount()
    assert (dialog.model.index(0, 0).data(), dialog.model.index(0, 2).data()) == ("BOE", "4 %")

    class Typed(RateForm):
        def exec(self) -> int:
            for name, value in TYPED.items():
                self.editors[name].setText(value)
            self.accept()
            return 1

    monkeypatch.setattr(rates_dialog, "RateForm", Typed)
    dialog.add()
    drain(dialog.runner)
    assert dialog.model.rowCount() == seeded + 1
    newest_ecb = next(r for r in reference_rates.rate_records(store) if r.rate.series == "ECB")
    assert (newest_ecb.rate.rate_bp, str(newest_ecb.rate.effective_from)) == (200, "2026-03-11")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    row = next(i for i in range(dialog.model.rowCount())
               if dialog.model.index(i, 1).data() == "Mar 11, 2026")
    dialog.table.selectRow(row)
    dialog.remove()
    drain(dialog.runner)
    assert dialog.model.rowCount() == seeded


def test_a_form_names_what_is_wrong(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = RateForm(None)
    qtbot.addWidget(form)
    form.editors["rate"].setText("two")
    form.accept()
    assert form.result_value is None
    assert form.boxes["rate"].error.text().startswith("Rate (%) “two” is not a percentage")
    assert form.boxes["effective_from"].error.text() == "In force from is required"


def test_the_command_line_lists_adds_edits_and_removes(cli) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(cli("settings", "rates", "list", "--format", "json")[1])
    assert {(r["series"], r["from"], r["rate"]) for r in listed} >= {
        ("ECB", "2025-06-11", "2.15"), ("BOE", "2025-08-07", "4")}
    code, out, _ = cli("settings", "rates", "add", "--series", "ECB", "--from", "2026-03-11",
                       "--rate", "2", "--source", "ECB press release")
    assert code == 0 and out.startswith("Added rate")
    assert f"ECB 2 % from {date_text(dt.date(2026, 3, 11))}" in out
    new_id = out.split()[2].rstrip(":")
    code, _, err = cli("settings", "rates", "edit", new_id, "--rate", "lots")
    assert code == 2 and "--rate" in err and "is not a percentage" in err
    assert cli("settings", "rates", "edit", new_id, "--rate", "1.90")[0] == 0
    assert "1.9" in cli("settings", "rates")[1]
    assert cli("settings", "rates", "remove", new_id)[0] == 0
    code, _, err = cli("settings", "rates", "remove", new_id)
    assert code == 1 and f"rate {new_id} does not exist" in err
