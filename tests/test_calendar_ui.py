"""File ▸ Export calendar…: saving the calendar, and crewbook.ics in the data folder rewritten
after a change once "keep it up to date" is ticked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from desktop.operations import payments as payment_ops
from desktop.store import demo, payments
from desktop.store.calendar_dates import calendar_facts
from desktop.store.db import Store
from desktop.ui.calendar_export import CalendarDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.saved_file import SavedBox
from tests.conftest import settle


def uids(path: Path) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def open_window(qtbot, store: Store, folder: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, folder, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.load()
    settle(qtbot, window.runner)
    return window


@pytest.fixture
def window(qtbot, store: Store, data_folder: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=dt.date(2026, 6, 15))
    win = open_window(qtbot, store, data_folder, tmp_path)
    yield win
    win.runner.wait()


def open_dialog(window: MainWindow) -> CalendarDialog:
    assert window.export_calendar_action in window.menuBar().actions()[0].menu().actions()
    window.export_calendar_action.trigger()
    dialog = window.calendar_dialog
    assert dialog.isVisible()
    return dialog


def test_save_calendar_writes_the_file_and_says_where(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path, monkeypatch) -> None:
    dialog = open_dialog(window)
    assert not dialog.keep.isChecked()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "mine"), ""))
    dialog.save_button.click()
    settle(qtbot, window.runner)
    target = tmp_path / "mine.ics"
    assert uids(target) and not dialog.isVisible()
    box = dialog.saved_box
    assert isinstance(box, SavedBox) and box.path == target and box.isVisible()
    box.close()


def test_kept_file_is_rewritten_after_a_change(qtbot, window: MainWindow, store: Store,  # type: ignore[no-untyped-def]
                                               data_folder: Path, tmp_path: Path) -> None:
    kept = data_folder / "crewbook.ics"
    dialog = open_dialog(window)
    with qtbot.waitSignal(window.calendar_keeper.written, timeout=10_000):
        dialog.keep.setChecked(True)
    owed = calendar_facts(store).installments[0]
    assert f"installment-{owed.installment_id}@crewbook.invalid" in uids(kept)
    dialog.close()

    row = payments.installment(store, owed.installment_id)
    with qtbot.waitSignal(window.calendar_keeper.written, timeout=10_000,
                          check_params_cb=lambda rewritten: rewritten):
        window.runner.write(payment_ops.record_payment, row.id,
                            amount_minor=row.amount_minor - row.paid_minor,
                            currency=row.currency, paid_on=dt.date(2026, 6, 15), method="bank",
                            today=dt.date(2026, 6, 15), expected_version=row.version)
    assert f"installment-{owed.installment_id}@crewbook.invalid" not in uids(kept)
    settle(qtbot, window.runner)
    window.close()
    window.runner.wait()

    again = open_window(qtbot, store, data_folder, tmp_path)  # the choice is remembered
    assert again.calendar_keeper.on is True
    assert open_dialog(again).keep.isChecked()
    again.runner.wait()


def test_a_team_database_cannot_keep_the_file(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, store, None, tmp_path)  # type: ignore[arg-type]
    dialog = open_dialog(window)
    assert not dialog.keep.isEnabled() and "team database" in dialog.hint.text()
    window.runner.wait()
