"""The Reports tab: periods from presets, what each report asks for, saving, stopping."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from desktop.core.periods import Period
from desktop.core.validation import Cancelled
from desktop.operations import reports as report_kinds
from desktop.store import demo
from desktop.store.db import Store
from desktop.ui.reports_view import ReportsView, preset_period
from tests.threads import dialog_runner

D = dt.date
TODAY = D(2026, 11, 25)


@pytest.mark.parametrize(("name", "today", "first", "last"), [
    ("This month", TODAY, D(2026, 11, 1), D(2026, 11, 30)),
    ("Last month", TODAY, D(2026, 10, 1), D(2026, 10, 31)),
    ("Last month", D(2026, 1, 10), D(2025, 12, 1), D(2025, 12, 31)),
    ("This quarter", TODAY, D(2026, 10, 1), D(2026, 12, 31)),
    ("Last quarter", TODAY, D(2026, 7, 1), D(2026, 9, 30)),
    ("Last quarter", D(2026, 2, 1), D(2025, 10, 1), D(2025, 12, 31)),
    ("This tax year", TODAY, D(2026, 1, 1), D(2026, 12, 31)),
    ("Last tax year", TODAY, D(2025, 1, 1), D(2025, 12, 31)),
])
def test_presets(name: str, today: dt.date, first: dt.date, last: dt.date) -> None:
    assert preset_period(name, today, (1, 1)) == Period(first, last)


def test_a_tax_year_starting_in_april() -> None:
    assert preset_period("This tax year", D(2026, 3, 1), (4, 6)) == Period(D(2025, 4, 6), D(2026, 4, 5))
    assert preset_period("This tax year", D(2026, 4, 6), (4, 6)) == Period(D(2026, 4, 6), D(2027, 4, 5))


@pytest.fixture
def view(qtbot, store: Store, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    opened: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    widget = ReportsView(dialog_runner(store), QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
                         today=TODAY)
    widget.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.ready, timeout=10_000):
        widget.refresh()
    yield widget
    widget.close_down()


def choose(view: ReportsView, key: str) -> None:
    view.list.setCurrentRow([k.key for k in report_kinds.KINDS].index(key))


def save_to(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def test_each_report_shows_only_what_it_needs(view: ReportsView) -> None:
    choose(view, "payments")
    assert view.preset.isVisibleTo(view) and view.category.isVisibleTo(view)
    assert not view.year.isVisibleTo(view) and not view.as_of.isVisibleTo(view)
    choose(view, "tax-year")
    assert view.year.isVisibleTo(view) and not view.preset.isVisibleTo(view)
    choose(view, "outstanding")
    assert view.as_of.isVisibleTo(view) and not view.contractor.isVisibleTo(view)
    choose(view, "statement")
    assert view.contractor.isVisibleTo(view) and not view.currency.isVisibleTo(view)
    assert view.contractor.currentData() is not None  # "All contractors" is no statement


def test_presets_fill_the_dates_and_custom_frees_them(view: ReportsView) -> None:
    choose(view, "payments")
    view.preset.setCurrentText("Last quarter")
    assert view.choice().first == D(2026, 7, 1) and view.choice().last == D(2026, 9, 30)
    assert not view.first.isEnabled()
    view.preset.setCurrentText("Custom dates")
    assert view.first.isEnabled() and view.last.isEnabled()


def test_save_csv_of_payments(qtbot, view: ReportsView, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    choose(view, "payments")
    view.preset.setCurrentText("This tax year")
    target = tmp_path / "payments"  # the extension is added
    save_to(monkeypatch, target)
    view.csv_button.click()
    qtbot.waitUntil(lambda: not view.task.running, timeout=20_000)
    rows = list(csv.reader(io.StringIO((tmp_path / "payments.csv").read_text("utf-8-sig"))))
    assert rows[0][:2] == ["Date", "Contractor"] and len(rows) > 1
    assert f"{len(rows) - 1:,} rows" in view.status.text()
    assert view.opened == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("key", [k.key for k in report_kinds.KINDS])
def test_save_pdf_opens_it(qtbot, view: ReportsView, tmp_path: Path, monkeypatch,  # type: ignore[no-untyped-def]
                           key: str) -> None:
    choose(view, key)
    view.preset.setCurrentText("This tax year")
    save_to(monkeypatch, tmp_path / "owed.pdf")
    view.pdf_button.click()
    assert view.cancel_button.isVisibleTo(view) and not view.pdf_button.isEnabled()
    qtbot.waitUntil(lambda: not view.task.running, timeout=30_000)
    assert (tmp_path / "owed.pdf").read_bytes().startswith(b"%PDF")
    assert "owed.pdf" in view.status.text() and view.pdf_button.isEnabled()
    assert [u.toLocalFile() for u in view.opened] == [str(tmp_path / "owed.pdf")]  # type: ignore[attr-defined]


def test_without_a_pdf_viewer_the_report_says_where_it_is(qtbot, view: ReportsView,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    choose(view, "outstanding")
    save_to(monkeypatch, tmp_path / "owed.pdf")
    view.pdf_button.click()
    qtbot.waitUntil(lambda: not view.task.running, timeout=30_000)
    text = view.status.text()
    assert "owed.pdf" in text and "no program here is set up to open PDF files" in text
    assert QUrl.fromLocalFile(str(tmp_path)).toString() in text  # the folder, to open it from


def test_a_bad_period_is_refused_before_asking_where(view: ReportsView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    choose(view, "payments")
    view.preset.setCurrentText("Custom dates")
    view.first.setDate(view.last.date().addDays(1))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: pytest.fail("no file should be asked for"))
    view.pdf_button.click()
    assert "ends before it starts" in view.status.text()


def test_stop_a_long_report(qtbot, view: ReportsView, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def slow(store, path, choice, stop):  # type: ignore[no-untyped-def]
        for _ in range(200):
            if stop():
                raise Cancelled("stopped")
            time.sleep(0.02)
        raise AssertionError("the stop was never seen")

    kinds = tuple(k if k.key != "tax-year" else report_kinds.ReportKind(
        k.key, k.title, k.blurb, k.needs, slow, k.csv, k.file_stem) for k in report_kinds.KINDS)
    monkeypatch.setattr("desktop.ui.reports_view.KINDS", kinds)
    choose(view, "tax-year")
    save_to(monkeypatch, tmp_path / "tax.pdf")
    view.pdf_button.click()
    view.cancel_button.click()
    qtbot.waitUntil(lambda: not view.task.running, timeout=10_000)
    assert "no file was written" in view.status.text()
    assert view.opened == []  # type: ignore[attr-defined]
