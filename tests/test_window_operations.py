"""The window does its work through one runner: writes never on the window's thread, every view
refreshed from one change signal (once per change), one error path to the user and the log."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.cli import build_parser
from desktop.core.money import to_major_text
from desktop.operations import contractors as contractor_ops
from desktop.operations.reports import KINDS
from desktop.operations.transfer import EXPORTS
from desktop.store import contractors, demo, engagements, payments
from desktop.store.dashboard import dashboard
from desktop.store.db import Store, WrongThread
from desktop.store.health import contractor_health
from desktop.store.logfile import start_logging
from desktop.ui import crash, engagement_pane
from desktop.ui.dashboard_view import DashboardView
from desktop.ui.detail_pane import DetailPane
from desktop.ui.engagements_view import EngagementsView
from desktop.ui.main_window import MainWindow
from desktop.ui.payment_dialog import PaymentDialog
from desktop.ui.planner_view import PlannerView
from desktop.ui.reports_view import ReportsView
from desktop.ui.roster_view import RosterView
from tests.conftest import settle
from tests.factories import make_contractor
from tests.log_helpers import own_log_folder


@pytest.fixture
def window(qtbot, store: Store, data_folder: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    demo.load_demo(store)
    win = MainWindow(store, data_folder, QSettings(str(tmp_path / "ui.ini"),
                                                   QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignals([win.roster_loaded, win.dashboard.loaded], timeout=10_000):
        win.load()
    settle(qtbot, win.runner)
    yield win
    win.runner.wait()


def test_a_write_on_the_window_thread_fails_while_the_window_is_open(window: MainWindow,
                                                                     store: Store) -> None:
    with pytest.raises(WrongThread):
        contractors.create(store, make_contractor(display_name="Written on the wrong thread"))
    window.close()
    store.forbid_writes_on(None)  # what app.run does not need: the store closes with the window
    contractors.create(store, make_contractor(display_name="After the window"))


def test_recording_a_payment_refreshes_today_and_the_contractor_once_without_a_tab_switch(
        qtbot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    due = payments.due(store, today, 14)[0]  # overdue or due soon: it is on Today
    contractor_id = engagements.get(store, due.engagement_id).data.contractor_id
    window.open_contractor(contractor_id)
    window.open_engagement(due.engagement_id)
    assert window.planner is not None  # opened once before: its tab follows changes unseen
    pane = window.engagements.pane
    position = [r.id for r in pane.installment_model.rows()].index(due.installment.id)
    pane.installment_table.selectRow(position)
    before_board = dashboard(store, today)
    before_detail = window.roster.detail.toPlainText()

    reads: Counter[str] = Counter()
    for view, method in ((DashboardView, "refresh"), (EngagementsView, "reload"),
                         (RosterView, "_show_selection"), (PlannerView, "refresh"),
                         (ReportsView, "refresh")):
        original = getattr(view, method)

        def counted(self, *args, _original=original, _name=view.__name__, **kwargs):  # type: ignore[no-untyped-def]
            reads[_name] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(view, method, counted)

    class PaidInFull(PaymentDialog):
        def exec(self) -> int:
            self.amount.setText(to_major_text(due.installment.outstanding_minor,
                                              due.installment.currency))
            self.accept()
            return 0

    monkeypatch.setattr(engagement_pane, "PaymentDialog", PaidInFull)
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        pane.pay_button.click()
    settle(qtbot, window.runner)

    assert window.tabs.currentWidget() is window.engagements  # nobody switched tabs
    assert payments.installment(store, due.installment.id).outstanding_minor == 0
    after_board = dashboard(store, today)
    shown = window.dashboard.overdue if due.overdue else window.dashboard.due_soon
    board_part = after_board.overdue if due.overdue else after_board.due_soon
    before_part = before_board.overdue if due.overdue else before_board.due_soon
    assert board_part.count == before_part.count - 1
    assert shown.heading.text().endswith(f"— {board_part.count:,}") or board_part.count == 0
    expected = DetailPane()
    expected.show_record(contractors.get(store, contractor_id),
                         health=contractor_health(store, contractor_id, today),
                         engagements=engagements.list_rows(store, contractor_id=contractor_id))
    assert window.roster.detail.toPlainText() == expected.toPlainText() != before_detail
    # Each view that shows a payment read its data once; the planner shows no payments, but
    # "done by" names the contractor whose figures changed, so it re-reads once too. The
    # Reports tab, hidden, reads its lists once it is shown.
    assert reads == Counter({"DashboardView": 1, "EngagementsView": 1, "RosterView": 1,
                             "PlannerView": 1})
    with qtbot.waitSignal(window.reports.ready, timeout=10_000):
        window.tabs.setCurrentWidget(window.reports)
    window.tabs.setCurrentWidget(window.engagements)
    window.tabs.setCurrentWidget(window.reports)  # nothing changed since: no second read
    settle(qtbot, window.runner)
    assert reads["ReportsView"] == 1


@pytest.mark.allow_unexpected_error
def test_a_failing_operation_is_shown_logged_and_the_window_keeps_working(
        qtbot, window: MainWindow, store: Store, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    with own_log_folder(tmp_path / "log", monkeypatch):
        log = start_logging()
        real_add = contractor_ops.add

        def broken(_store, data):  # type: ignore[no-untyped-def]
            raise RuntimeError(f"disk on fire while saving “{data.display_name}”")

        monkeypatch.setattr(contractor_ops, "add", broken)
        window.runner.write(contractor_ops.add, make_contractor(display_name="Ada Byron"))
        settle(qtbot, window.runner)
        dialogs = [w for w in window.findChildren(crash.UnexpectedErrorDialog) if w.isVisible()]
        assert len(dialogs) == 1 and "RuntimeError" in dialogs[0].details
        text = log.read_text(encoding="utf-8")
        assert "Traceback" in text and "RuntimeError" in text and "def broken" not in text
        assert "Ada Byron" not in text  # names, quoted as the app quotes them, stay out
        dialogs[0].close()

        monkeypatch.setattr(contractor_ops, "add", real_add)
        window.runner.write(contractor_ops.add, make_contractor(display_name="Ada Byron"))
        settle(qtbot, window.runner)
        assert "Ada Byron" in [r.display_name for r in window.roster.model.all_rows()]


def test_report_kinds_and_exports_are_the_same_for_the_window_and_the_command_line(
        window: MainWindow) -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    report_kinds = next(a for a in commands["report"]._actions if a.dest == "kind").choices
    listed = [window.reports.list.item(i).text() for i in range(window.reports.list.count())]
    assert list(report_kinds) == [k.key for k in KINDS]
    assert listed == [k.title for k in KINDS]
    export_choices = next(a for a in commands["export"]._actions if a.dest == "what").choices
    assert list(export_choices) == list(EXPORTS) == list(window.export_actions)


def test_choosing_rows_by_hand_after_a_refresh_still_shows_each(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    roster = window.roster
    window.open_contractor(roster.model.row_at(0).id)  # a selection made in code first
    for position in (3, 5):
        qtbot.mouseClick(roster.table.viewport(), Qt.MouseButton.LeftButton,
                         pos=roster.table.visualRect(roster.model.index(position, 0)).center())
        assert roster.detail.toPlainText().startswith(roster.model.row_at(position).display_name)
    engagements_view = window.engagements
    window.tabs.setCurrentWidget(engagements_view)
    engagements_view.select(engagements_view.model.row_at(0).id)
    qtbot.mouseClick(engagements_view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=engagements_view.table.visualRect(
                         engagements_view.model.index(2, 0)).center())
    assert engagements_view.pane.record is not None
    assert engagements_view.pane.record.id == engagements_view.model.row_at(2).id


def test_a_contractor_added_while_the_roster_loads_stays_in_it(
        qtbot, store: Store, data_folder: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from desktop.ui import roster_view

    contractors.create_many(store, [make_contractor(display_name=f"Person {i:04d}", email="")
                                    for i in range(roster_view.FIRST_SCREEN * 2)])
    gate = threading.Event()
    read_whole = roster_view._full_roster

    def slow_full_roster(*args):  # type: ignore[no-untyped-def]
        rows = read_whole(*args)  # read before the write below...
        gate.wait(10)  # ...and delivered after it
        return rows

    monkeypatch.setattr(roster_view, "_full_roster", slow_full_roster)
    window = MainWindow(store, data_folder, QSettings(str(tmp_path / "ui.ini"),
                                                      QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.first_rows_shown, timeout=10_000):
        window.load()
    added: list[object] = []
    window.runner.write(contractor_ops.add, make_contractor(display_name="Aaron Late"),
                        done=added.append)
    qtbot.waitUntil(lambda: bool(added), timeout=10_000)
    gate.set()
    qtbot.waitUntil(lambda: window.roster.model.complete, timeout=10_000)
    settle(qtbot, window.runner)
    assert "Aaron Late" in [r.display_name for r in window.roster.model.all_rows()]
    window.runner.wait()
