"""Today's board counted for the reminder at login, by the same rules as the Today tab."""

from __future__ import annotations

import datetime as dt

from desktop.core.reminder import Reminder
from desktop.store import payments
from desktop.store.dashboard import Dashboard, dashboard
from desktop.store.db import Store


def from_board(board: Dashboard, due_today: int | None = None) -> Reminder:
    """What on ``board`` is overdue or due today. The board's lists are cut short; ``due_today``
    is the full count of payments due today when the caller has it."""
    today = board.today
    if due_today is None:
        due_today = sum(1 for r in board.due_soon.rows if r.installment.due_on == today)
    return Reminder(
        payments_overdue=board.overdue.count,
        payments_due_today=due_today,
        check_ins=board.check_ins.count,
        notice_days=sum(1 for e in board.ending
                        if e.last_notice_on is not None and e.last_notice_on <= today),
        documents=sum(1 for d in board.expiring if d.expires_on <= today))


def reminder(store: Store, today: dt.date) -> Reminder:
    board = dashboard(store, today)
    due_today = None
    rows = board.due_soon.rows
    if board.due_soon.count > len(rows) and rows and rows[-1].installment.due_on == today:
        # Every row shown falls due today and more were cut: count them all.
        due_today = payments.owed(store, today, 0, 0)[1].count
    return from_board(board, due_today)

