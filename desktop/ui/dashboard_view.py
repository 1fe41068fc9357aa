"""The first thing the owner sees: what needs them today, each entry opening what it names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.formats import day_month, full_date
from desktop.core.late_payment import claim_text, totals_text
from desktop.core.money import format_money
from desktop.operations.changes import Changes
from desktop.store.dashboard import Dashboard, dashboard
from desktop.store.payments import DueRow
from desktop.store.reminders import from_board
from desktop.ui.follow import Follow
from desktop.ui.runner import Runner

_ENGAGEMENT = Qt.ItemDataRole.UserRole + 1
_CONTRACTOR = Qt.ItemDataRole.UserRole + 2
_LATE = QColor("#b42318")


def _day(day: dt.date, today: dt.date) -> str:
    delta = (day - today).days
    when = ("today" if delta == 0 else "tomorrow" if delta == 1 else "yesterday" if delta == -1
            else f"in {delta} days" if delta > 0 else f"{-delta} days ago")
    return f"{day_month(day)} ({when})"


class Section(QFrame):
    """A titled list; activating an entry opens the engagement or contractor it names."""

    def __init__(self, title: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardSection")
        self.setStyleSheet("#dashboardSection { background: palette(base); border: 1px solid "
                           "palette(mid); border-radius: 6px; }")
        self.title, self.empty = title, empty
        self.heading = QLabel()
        self.totals = QLabel()
        self.totals.setStyleSheet("color: palette(dark);")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {_LATE.name()};")
        self.note.hide()
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)

    def fill(self, entries: list[tuple[str, int | None, int | None, bool]],
             totals: dict[str, int] | None = None, count: int | None = None) -> None:
        """entries: (text, engagement id, contractor id, needs attention now); ``count`` is
        the whole list's size when only its first entries are shown."""
        count = len(entries) if count is None else count
        self.heading.setText(f"<b>{self.title}</b>" + (f" — {count:,}" if count else ""))
        self.totals.setText("Total: " + ", ".join(format_money(v, c) for c, v in totals.items())
                            if totals else "")
        self.totals.setVisible(bool(totals))
        self.note.clear()
        self.note.hide()
        self.list.clear()
        if not entries:
            item = QListWidgetItem(self.empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
            return
        for text, engagement_id, contractor_id, urgent in entries:
            item = QListWidgetItem(text)
            item.setData(_ENGAGEMENT, engagement_id)
            item.setData(_CONTRACTOR, contractor_id)
            item.setToolTip("Double-click or press Enter to open")
            if urgent:
                item.setForeground(_LATE)
            self.list.addItem(item)
        if count > len(entries):
            more = QListWidgetItem(f"… and {count - len(entries):,} more")
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)


    def add_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class DashboardView(QWidget):
    open_engagement = Signal(int)
    open_contractor = Signal(int)
    loaded = Signal()

    def __init__(self, runner: Runner, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner, self.store, self.today = runner, runner.store, today
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 15pt; margin: 4px 0 8px 0;")
        self.overdue = Section("Overdue payments", "Nothing is overdue.")
        self.due_soon = Section("Due in the next 14 days", "Nothing falls due in the next two weeks.")
        self.ending = Section("Ending soon, and the last day to give notice",
                              "No engagement ends in the next 30 days.")
        self.check_ins = Section("Check-ins overdue", "Every signed engagement is up to date.")
        self.documents = Section("Documents expiring within 30 days", "No document expires soon.")
        grid = QGridLayout()
        grid.addWidget(self.overdue, 0, 0)
        grid.addWidget(self.due_soon, 0, 1)
        grid.addWidget(self.ending, 1, 0)
        grid.addWidget(self.check_ins, 1, 1)
        grid.addWidget(self.documents, 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 1)
        # A scroll area, so the sections never force a small screen's window to grow.
        body = QWidget()
        body.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        for section in self.sections():
            section.list.itemActivated.connect(self._activated)
        # Everything on the board but the planner: who, what is owed, dates, documents.
        self.follow = Follow(runner, _shown_here, lambda _changes: self.refresh(), self)

    def sections(self) -> list[Section]:
        return [self.overdue, self.due_soon, self.ending, self.check_ins, self.documents]

    def refresh(self) -> None:
        self.runner.read(dashboard, self.store, self.today(), done=self.show_board,
                         key="dashboard", parent=self)

    def show_board(self, board: Dashboard) -> None:
        today = board.today

        claims = board.claims.by_installment

        def money_rows(rows: list[DueRow]) -> list[tuple[str, int | None, int | None, bool]]:
            return [(f"{r.contractor_name} · {r.engagement_title} — {r.installment.label}\n"
                     f"{format_money(r.installment.outstanding_minor, r.installment.currency)}"
                     f", due {_day(r.installment.due_on, today)}"
                     + (f"\nThey can claim {claim_text(claims[r.installment.id])}"
                        if r.installment.id in claims else ""),
                     r.engagement_id, r.contractor_id, r.overdue) for r in rows]

        for section, owed in ((self.overdue, board.overdue), (self.due_soon, board.due_soon)):
            section.fill(money_rows(owed.rows), owed.totals, owed.count)
        self.overdue.add_note(_claims_note(board))
        self.ending.fill([
            (f"{e.contractor_name} · {e.title}\nends {_day(e.end_on, today)}"
             + (f"; last day to give notice {_day(e.last_notice_on, today)}"
                if e.last_notice_on else ""),
             e.engagement_id, None, bool(e.last_notice_on and e.last_notice_on <= today))
            for e in board.ending])
        self.check_ins.fill([
            (f"{c.contractor_name} · {c.title}\n{c.cadence} check-in was due "
             f"{_day(c.due_on, today)}"
             + (f"; last contact {day_month(c.last_contact)}" if c.last_contact else "; no contact yet"),
             c.engagement_id, None, True) for c in board.check_ins.rows],
            count=board.check_ins.count)
        self.documents.fill([
            (f"{d.title or d.kind} {'expired' if d.expires_on < today else 'expires'} "
             f"{_day(d.expires_on, today)}", d.engagement_id, d.contractor_id,
             d.expires_on <= today) for d in board.expiring], count=board.expiring_count)
        # Everything shown in red: overdue money and check-ins, a missed last day to give
        # notice, a document expired or expiring today.
        late = from_board(board).late  # the same count the reminder at login gives
        self.summary.setText(f"{full_date(today)} — " + (
            f"{late} thing{'s' if late != 1 else ''} need{'s' if late == 1 else ''} you today"
            if late else "nothing is late"))
        self.loaded.emit()

    def _activated(self, item: QListWidgetItem) -> None:
        engagement_id = item.data(_ENGAGEMENT)
        contractor_id = item.data(_CONTRACTOR)
        if engagement_id is not None:
            self.open_engagement.emit(int(engagement_id))
        elif contractor_id is not None:
            self.open_contractor.emit(int(contractor_id))


def _claims_note(board: Dashboard) -> str:
    """The cost of paying late, in money: what the late-payment rules let contractors claim."""
    claims = board.claims
    if not claims:
        return ""
    note = ("Paying late costs: " + totals_text(claims.interest, claims.compensation)
            + " that contractors can claim by law so far")
    stale = claims.unchecked + claims.missing
    if stale:
        note += (f". Check the {' and '.join(stale)} reference rate in Settings ▸ Reference "
                 "rates: no check covers the latest half-year")
    return note + "."


def _shown_here(changes: Changes) -> bool:
    return changes.touches("contractors", "engagements", "installments", "documents", "settings")
