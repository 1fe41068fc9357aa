"""The dashboard tab: sections filled from the store, entries that open what they name."""

from __future__ import annotations

import datetime as dt

from desktop.core.money import format_money
from desktop.store import demo
from desktop.store.dashboard import dashboard, with_claims
from desktop.store.db import Store
from desktop.ui.dashboard_view import DashboardView
from desktop.ui.runner import Runner

TODAY = dt.date(2026, 6, 15)


def open_view(qtbot, store: Store) -> DashboardView:  # type: ignore[no-untyped-def]
    runner = Runner(store)
    view = DashboardView(runner, today=lambda: TODAY)
    runner.setParent(view)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    return view


def test_sections_show_the_dashboard_with_totals_per_currency(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    view = open_view(qtbot, store)
    board = dashboard(store, TODAY)
    assert view.overdue.list.count() == len(board.overdue.rows) > 0
    expected = ", ".join(format_money(v, c) for c, v in board.overdue.totals.items())
    assert view.overdue.totals.text() == f"Total: {expected}"
    assert "Monthly bookkeeping" in "\n".join(
        view.ending.list.item(i).text() for i in range(view.ending.list.count()))
    assert "need" in view.summary.text()


def test_activating_an_entry_opens_its_engagement(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    view = open_view(qtbot, store)
    item = view.overdue.list.item(0)
    with qtbot.waitSignal(view.open_engagement, timeout=1000) as opened:
        view.overdue.list.itemActivated.emit(item)
    assert opened.args == [dashboard(store, TODAY).overdue.rows[0].engagement_id]


def test_an_empty_roster_says_nothing_is_late(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, store)
    assert view.overdue.list.item(0).text() == "Nothing is overdue."
    assert view.summary.text().endswith("nothing is late")


def test_the_headline_counts_every_entry_shown_in_red(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    demo.load_demo(store, today=TODAY)
    view = open_view(qtbot, store)
    red = QColor("#b42318")
    shown_red = sum(1 for section in view.sections() for i in range(section.list.count())
                    if section.list.item(i).foreground().color() == red)
    board = dashboard(store, TODAY)
    assert any(e.last_notice_on and e.last_notice_on <= TODAY for e in board.ending)
    assert f"— {shown_red} things need you today" in view.summary.text()
    assert shown_red > board.overdue.count + board.check_ins.count


def test_the_board_shows_first_and_its_claims_follow(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    demo.load_demo(store, today=TODAY)
    view = open_view(qtbot, store)

    def overdue_text() -> str:
        return "\n".join(view.overdue.list.item(i).text() for i in range(view.overdue.list.count()))

    assert "They can claim" in overdue_text()  # a British engagement paid late
    assert view.overdue.note.text().startswith("Paying late costs:")
    fired: list[bool] = []
    view.loaded.connect(lambda: fired.append(True))
    board = dashboard(store, TODAY)
    view.show_board(board)  # the board alone, as it first arrives
    assert "They can claim" not in overdue_text() and not view.overdue.note.text()
    assert fired == []  # not loaded until the claims are in
    view.show_board(with_claims(store, board))
    assert "They can claim" in overdue_text() and fired == [True]
