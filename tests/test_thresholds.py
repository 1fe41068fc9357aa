"""Tax reporting thresholds the owner keeps: checked as typed, one figure per year, edited from
Settings and the command line alike."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.thresholds import validate_threshold
from desktop.core.validation import ValidationError
from desktop.store import thresholds
from desktop.store.db import Store
from desktop.ui import thresholds_dialog
from desktop.ui.thresholds_dialog import ThresholdForm, ThresholdsDialog
from tests.threads import dialog_runner, drain

TODAY = dt.date(2026, 12, 4)
GOOD = {"jurisdiction": "us", "form": "1099-nec", "tax_year_from": "2027", "tax_year_to": "",
        "amount": "2,100", "currency": "usd", "source": "IRS notice", "checked_on": "2026-12-01"}


def test_a_threshold_is_checked_field_by_field() -> None:
    made = validate_threshold(GOOD, TODAY)
    assert (made.jurisdiction, made.form, made.tax_year_from, made.tax_year_to,
            made.amount_minor, made.currency) == ("US", "1099-NEC", 2027, None, 210_000, "USD")
    assert made.covers(2040) and not made.covers(2026) and made.years() == "2027 on"
    with pytest.raises(ValidationError) as refused:
        validate_threshold({**GOOD, "jurisdiction": "XX", "tax_year_to": "2020",
                            "amount": "0", "source": " ", "checked_on": "2027-01-01"}, TODAY)
    assert {e.field: e.message for e in refused.value.errors} == {
        "jurisdiction": "“XX” is not an ISO 3166-1 alpha-2 code",
        "tax_year_to": "is before 2027", "amount": "must be more than zero",
        "source": "is required: say which law or document it rests on",
        "checked_on": "cannot be in the future"}


def test_two_thresholds_never_cover_the_same_year(store: Store) -> None:
    shipped = thresholds.threshold_records(store)
    assert [r.threshold.years() for r in shipped] == ["2020–2025", "2026"]
    with pytest.raises(ValidationError, match="overlaps the US 1099-NEC threshold for 2026"):
        thresholds.add_threshold(store, validate_threshold({**GOOD, "tax_year_from": "2026"},
                                                           TODAY))
    added = thresholds.add_threshold(store, validate_threshold(GOOD, TODAY))
    assert thresholds.threshold_records(store)[-1] == added
    state = thresholds.add_threshold(store, validate_threshold(
        {**GOOD, "jurisdiction": "CA", "form": "T4A"}, TODAY))  # another country's form is apart
    thresholds.delete_threshold(store, state.id, state.version)
    assert len(thresholds.threshold_records(store)) == 3


def test_the_settings_dialog_adds_and_removes(qtbot, qtmodeltester, store: Store,  # type: ignore[no-untyped-def]
                                              monkeypatch) -> None:
    dialog = ThresholdsDialog(dialog_runner(store))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.index(1, 2).data() == "2026"
    assert dialog.model.index(1, 3).data() == "$2,000.00"

    class Typed(ThresholdForm):
        def exec(self) -> int:
            for name, value in GOOD.items():
                self.editors[name].setText(value)
            self.accept()
            return 1

    monkeypatch.setattr(thresholds_dialog, "ThresholdForm", Typed)
    dialog.add()
    drain(dialog.runner)
    assert dialog.model.rowCount() == 3 and dialog.model.index(2, 2).data() == "2027 on"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(2)
    dialog.remove()
    drain(dialog.runner)
    assert dialog.model.rowCount() == 2


def test_a_form_names_what_is_wrong(qtbot) -> None:  # type: ignore[no-untyped-def]
    form = ThresholdForm(None)
    qtbot.addWidget(form)
    form.editors["tax_year_from"].setText("next year")
    form.accept()
    assert form.result_value is None
    assert form.boxes["tax_year_from"].error.text() == "From tax year must be a year from 1990 to 2200"
    assert form.boxes["source"].error.text().startswith("Source is required")


def test_the_command_line_lists_adds_edits_and_removes(cli) -> None:  # type: ignore[no-untyped-def]
    listed = json.loads(cli("settings", "thresholds", "list", "--format", "json")[1])
    assert [(t["country"], t["from"], t["to"], t["amount"]) for t in listed] == [
        ("US", 2020, 2025, "600.00"), ("US", 2026, 2026, "2000.00")]
    code, out, _ = cli("settings", "thresholds", "add", "--country", "US", "--form", "1099-NEC",
                       "--from", "2027", "--amount", "2100", "--currency", "USD",
                       "--source", "IRS notice")
    assert code == 0 and out.startswith("Added threshold 3: US 1099-NEC 2027 on")
    code, _, err = cli("settings", "thresholds", "edit", "3", "--to", "2025")
    assert code == 2 and "crewbook: error: --to: is before 2027" in err
    assert cli("settings", "thresholds", "edit", "3", "--to", "2027")[0] == 0
    assert "2027 " in cli("settings", "thresholds")[1]
    assert cli("settings", "thresholds", "remove", "3")[0] == 0
    code, _, err = cli("settings", "thresholds", "remove", "3")
    assert code == 1 and "threshold 3 does not exist" in err
