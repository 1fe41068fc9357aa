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

from desktop.core.enums import DocumentKind
from desktop.core.formats import day_month, full_date, number
from desktop.core.late_payment import LateClaim, claim_text, totals_text
from desktop.core.money import format_money
from desktop.operations.changes import Changes
from desktop.store.communication import CheckInRow
from desktop.store.dashboard import Dashboard, EndingRow, ExpiringRow, dashboard, with_claims
from desktop.store.payments import DueRow
from desktop.store.reminders import from_board
from desktop.ui.follow import Follow
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner

_ENGAGEMENT = Qt.ItemDataRole.UserRole + 1
_CONTRACTOR = Qt.ItemDataRole.UserRole + 2
_LATE = QColor("#b42318")
# A check-in that is late, by its cadence (one at each milestone is never late by the calendar).
_CHECK_IN_DUE = {"weekly": QT_TR_NOOP("weekly check-in was due {day}"),
                 "fortnightly": QT_TR_NOOP("fortnightly check-in was due {day}"),
                 "monthly": QT_TR_NOOP("monthly check-in was due {day}")}


def _day(day: dt.date, today: dt.date) -> str:
    delta = (day - today).days
    if delta == 0:
        text = tr("{day} (today)")
    elif delta == 1:
        text = tr("{day} (tomorrow)")
    elif delta == -1:
        text = tr("{day} (yesterday)")
    elif delta > 0:
        text = tr("{day} (in %n day(s))", "", delta)
    else:
        text = tr("{day} (%n day(s) ago)", "", -delta)
    return text.format(day=day_month(day))


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
        self.heading.setText(f"<b>{self.title}</b>" + (f" — {number(count)}" if count else ""))
        self.totals.setText(tr("Total: {amounts}").format(
            amounts=", ".join(format_money(v, c) for c, v in totals.items())) if totals else "")
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
            item.setToolTip(tr("Double-click or press Enter to open"))
            if urgent:
                item.setForeground(_LATE)
            self.list.addItem(item)
        if count > len(entries):
            more = QListWidgetItem(tr("… and %n more", "", count - len(entries)))
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
        self.overdue = Section(tr("Overdue payments"), tr("Nothing is overdue."))
        self.due_soon = Section(tr("Due in the next 14 days"),
                                tr("Nothing falls due in the next two weeks."))
        self.ending = Section(tr("Ending soon, and the last day to give notice"),
                              tr("No engagement ends in the next 30 days."))
        self.check_ins = Section(tr("Check-ins overdue"),
                                 tr("Every signed engagement is up to date."))
        self.documents = Section(tr("Documents expiring within 30 days"),
                                 tr("No document expires soon."))
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
        """The board first, then what contractors can claim on it (the slower part)."""
        self.runner.read(dashboard, self.store, self.today(), done=self._board_read,
                         key="dashboard", parent=self)

    def _board_read(self, board: Dashboard) -> None:
        self.show_board(board)
        self.runner.read(with_claims, self.store, board, done=self._claims_read,
                         key="dashboard", parent=self)

    def _claims_read(self, board: Dashboard) -> None:
        self._show_overdue(board)  # all the claims change
        self.loaded.emit()

    def show_board(self, board: Dashboard) -> None:
        """``loaded`` once the board has its claims."""
        today = board.today
        self._show_overdue(board)
        self.due_soon.fill(_money_rows(board.due_soon.rows, today, {}), board.due_soon.totals,
                           board.due_soon.count)
        self.ending.fill([
            (f"{e.contractor_name} · {e.title}\n{_ends(e, today)}",
             e.engagement_id, None, bool(e.last_notice_on and e.last_notice_on <= today))
            for e in board.ending])
        self.check_ins.fill([
            (f"{c.contractor_name} · {c.title}\n{_check_in(c, today)}", c.engagement_id, None, True)
            for c in board.check_ins.rows], count=board.check_ins.count)
        self.documents.fill([
            (_expiry(d, today), d.engagement_id, d.contractor_id, d.expires_on <= today)
            for d in board.expiring], count=board.expiring_count)
        # Everything shown in red: overdue money and check-ins, a missed last day to give
        # notice, a document expired or expiring today.
        late = from_board(board).late  # the same count the reminder at login gives
        summary = (tr("{date} — %n thing(s) need you today", "", late) if late
                   else tr("{date} — nothing is late"))
        self.summary.setText(summary.format(date=full_date(today)))
        if board.claims is not None:
            self.loaded.emit()

    def _show_overdue(self, board: Dashboard) -> None:
        claims = board.claims.by_installment if board.claims is not None else {}
        owed = board.overdue
        self.overdue.fill(_money_rows(owed.rows, board.today, claims), owed.totals, owed.count)
        self.overdue.add_note(_claims_note(board))

    def _activated(self, item: QListWidgetItem) -> None:
        engagement_id = item.data(_ENGAGEMENT)
        contractor_id = item.data(_CONTRACTOR)
        if engagement_id is not None:
            self.open_engagement.emit(int(engagement_id))
        elif contractor_id is not None:
            self.open_contractor.emit(int(contractor_id))


def _money_rows(rows: list[DueRow], today: dt.date, claims: dict[int, LateClaim]
                ) -> list[tuple[str, int | None, int | None, bool]]:
    def owed_text(r: DueRow) -> str:
        due = r.installment
        text = (f"{r.contractor_name} · {r.engagement_title} — {due.label}\n"
                + tr("{amount}, due {day}").format(
                    amount=format_money(due.outstanding_minor, due.currency),
                    day=_day(due.due_on, today)))
        if due.id in claims:
            text += "\n" + tr("They can claim {claim}").format(claim=claim_text(claims[due.id]))
        return text

    return [(owed_text(r), r.engagement_id, r.contractor_id, r.overdue) for r in rows]


def _ends(e: EndingRow, today: dt.date) -> str:
    text = (tr("ends {day}; last day to give notice {notice}") if e.last_notice_on
            else tr("ends {day}"))
    notice = _day(e.last_notice_on, today) if e.last_notice_on else ""
    return text.format(day=_day(e.end_on, today), notice=notice)


def _check_in(c: CheckInRow, today: dt.date) -> str:
    due = tr(_CHECK_IN_DUE.get(c.cadence, QT_TR_NOOP("check-in was due {day}")))
    contact = (tr("last contact {day}").format(day=day_month(c.last_contact))
               if c.last_contact else tr("no contact yet"))
    return f"{due.format(day=_day(c.due_on, today))}; {contact}"


def _expiry(d: ExpiringRow, today: dt.date) -> str:
    text = tr("{document} expired {day}") if d.expires_on < today else tr("{document} expires {day}")
    return text.format(document=d.title or DocumentKind(d.kind).label,
                       day=_day(d.expires_on, today))


def _claims_note(board: Dashboard) -> str:
    """The cost of paying late, in money: what the late-payment rules let contractors claim."""
    claims = board.claims
    if claims is None or not claims:
        return ""
    amounts = totals_text(claims.interest, claims.compensation)
    stale = claims.unchecked + claims.missing
    if not stale:
        return tr("Paying late costs: {amounts} that contractors can claim by law so far."
                  ).format(amounts=amounts)
    return tr("Paying late costs: {amounts} that contractors can claim by law so far. Check the "
              "{rates} reference rate in Settings ▸ Reference rates: no check covers the latest "
              "half-year.").format(amounts=amounts,
                                   rates=tr(" and ", "between reference rate names").join(stale))


def _shown_here(changes: Changes) -> bool:
    return changes.touches("contractors", "engagements", "installments", "documents", "settings")
