"""The Engagements tab: the list of engagements on the left, the selected one on the right.

Engagements number in the tens or hundreds, so a change anywhere re-reads the list once (and
the selected engagement with it); the roster's first-screen loading is not needed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.engagement import (
    LABELS,
    OPEN,
    EngagementData,
    schedule_drifted,
    terms_from_rate,
)
from desktop.core.enums import EngagementStatus
from desktop.core.formats import date_text
from desktop.core.validation import ConflictError, ValidationError
from desktop.operations import engagements as engagement_ops
from desktop.operations.changes import Changes
from desktop.store import contractors, engagements, payments
from desktop.store.engagements import EngagementRecord
from desktop.store.rules import payment_rules
from desktop.ui import ask
from desktop.ui.colours import muted_style
from desktop.ui.conflicts import mine_on_top
from desktop.ui.engagement_dialog import EngagementDialog
from desktop.ui.engagement_model import ECol, EngagementModel
from desktop.ui.engagement_pane import EngagementPane
from desktop.ui.fields import error_lines
from desktop.ui.follow import Follow
from desktop.ui.i18n import tr
from desktop.ui.runner import Runner
from desktop.ui.table_base import SelectionShown, select_row, sorted_table

_WIDTHS = {ECol.CONTRACTOR: 130, ECol.STATUS: 76, ECol.VALUE: 96, ECol.NEXT_DUE: 80,
           ECol.START: 80, ECol.END: 80}
OPEN_FILTER = "open"


class EngagementsView(QWidget):
    def __init__(self, runner: Runner, parent: QWidget | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        super().__init__(parent)
        self.runner, self.store = runner, runner.store
        self.today = today
        self.model = EngagementModel(self, today=lambda: self.today())
        self._build()
        self.follow = Follow(runner, _shown_here, lambda _changes: self.reload(), self,
                             when_shown=True)  # a tab in the background reads when opened

    def _build(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("All statuses"), "")
        self.status_filter.addItem(tr("Open", "engagements: not yet ended"), OPEN_FILTER)
        self.status_filter.setItemData(1, tr("Draft, in review or signed"),
                                       Qt.ItemDataRole.ToolTipRole)
        for status in EngagementStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.setToolTip(tr("Show engagements with this status"))
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.new_button = QPushButton(tr("New engagement…"))
        self.new_button.clicked.connect(self.new_engagement)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)

        self.table = sorted_table(self.model, ECol.START, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ECol.TITLE, QHeaderView.ResizeMode.Stretch)
        # Wide enough for the heading and every status in the language shown (German's are
        # long), and the dates for any day as the locale writes them.
        room = self.table.fontMetrics().horizontalAdvance
        least = dict.fromkeys((ECol.START, ECol.END, ECol.NEXT_DUE), max(
            room(date_text(dt.date(2026, month, 28))) for month in range(1, 13)) + 16)
        least[ECol.STATUS] = max(room(s.label) for s in EngagementStatus) + 16
        for column, width in _WIDTHS.items():
            header.resizeSection(column, max(width, header.sectionSizeHint(column),
                                             least.get(column, 0)))
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self._wanted: int | None = None  # to select once the list is re-read after a write
        self.shown = SelectionShown(self.table, lambda: self._show_selection())
        self.count_label = QLabel()
        self.count_label.setStyleSheet(muted_style())
        self.count_label.setContentsMargins(8, 2, 8, 6)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.pane = EngagementPane(self.runner, lambda: self.today())
        self.pane.edit_requested.connect(lambda _field: self.edit_selected())
        # Scrolled, so a signed engagement's pane never makes the window taller than a
        # 768-pixel screen.
        pane_scroll = QScrollArea()
        pane_scroll.setWidget(self.pane)
        pane_scroll.setWidgetResizable(True)
        pane_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(pane_scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([730, 530])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # --- loading -------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        """Re-read every engagement (and the one shown), keeping (or moving to) a selection."""
        keep = next((i for i in (select_id, self._wanted) if i is not None), None)
        keep = self.selected_id() if keep is None else keep
        self._wanted = None
        self.model.set_rows(engagements.list_rows(self.store))
        self._select(keep)

    def select(self, engagement_id: int) -> None:
        """Show this engagement, clearing a status filter that hides it."""
        if self.model.position_of(engagement_id) is None:
            self.status_filter.setCurrentIndex(0)
        self._select(engagement_id)

    def _apply_filter(self) -> None:
        keep = self.selected_id()
        choice = self.status_filter.currentData()
        self.model.set_statuses([s.value for s in OPEN] if choice == OPEN_FILTER
                                else [choice] if choice else [])
        self._select(keep)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _select(self, engagement_id: int | None) -> None:
        position = self.model.position_of(engagement_id) if engagement_id is not None else None
        if position is None and self.model.rowCount():
            position = 0
        with self.shown.settling():  # the pane is read once, after the selection settles
            select_row(self.table, position)

    def _show_selection(self) -> None:
        engagement_id = self.selected_id()
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0 and not contractors.any_on_roster(self.store):
            empty = tr("No engagements yet. Add a contractor first (Contractors tab, Ctrl+1): "
                       "an engagement is always with someone.")
        elif total == 0:
            empty = tr("No engagements yet. Choose “New engagement…” to write the brief, price "
                       "and terms of a piece of work for one of your contractors.")
        else:
            empty = tr("No engagement has this status.")
        self.pane.show_engagement(engagement_id, empty)
        self.count_label.setText(
            tr("{shown} of %n engagement(s)", "", total).format(shown=shown) if shown != total
            else tr("%n engagement(s)", "", total))
        record = self.pane.record
        self.edit_button.setEnabled(record is not None and record.status in OPEN)

    # --- use cases -----------------------------------------------------------------------
    def _choices(self, also: tuple[int, str] | None = None) -> list[tuple[int, str]]:
        rows = contractors.list_rows(self.store, include_archived=False)
        choices = sorted(((r.id, r.display_name) for r in rows), key=lambda c: c[1].casefold())
        if also and all(also[0] != c[0] for c in choices):
            choices.insert(0, also)  # an archived contractor keeps their engagement
        return choices

    def new_engagement(self) -> None:
        choices = self._choices()
        if not choices:
            ask.warn(self, tr("Add a contractor first (Contractors tab, Ctrl+1); an engagement "
                              "is always with someone."))
            return
        # Each contractor's rate, currency and country, filled in once they are chosen.
        suggested = {r.id: terms_from_rate(r.rate_minor, r.rate_unit, r.currency, r.country)
                     for r in contractors.list_rows(self.store, include_archived=False)}
        dialog = EngagementDialog(None, choices, payment_rules(self.store), self,
                                  defaults=suggested)
        if not dialog.exec() or dialog.result_data is None:
            return
        self.runner.write(engagement_ops.add, dialog.result_data, done=self._added,
                          handles=_REFUSALS, failed=self._refused, parent=self)

    def _added(self, record: EngagementRecord) -> None:
        self.status_filter.setCurrentIndex(0)  # a filter must not hide the one just added
        self._wanted = record.id

    def edit_selected(self) -> None:
        engagement_id = self.selected_id()
        if engagement_id is None:
            return
        try:
            record = engagements.get(self.store, engagement_id)
        except ConflictError as exc:
            ask.warn(self, str(exc))
            self.reload()
            return
        if record.status not in OPEN:
            return
        choices = self._choices((record.data.contractor_id, record.contractor_name))
        dialog = EngagementDialog(record.data, choices, payment_rules(self.store), self)
        if not dialog.exec() or dialog.result_data in (None, record.data):
            return
        self._save_edit(record.id, record.data, dialog.result_data, record.version)

    def _save_edit(self, engagement_id: int, original: EngagementData, mine: EngagementData,
                   version: int) -> None:
        def refused(exc: BaseException) -> None:
            if not isinstance(exc, ConflictError):
                self._refused(exc, engagement_id)
                return
            self.runner.publish(Changes(engagements=frozenset({engagement_id})))
            self.runner.read(engagements.get, self.store, engagement_id, done=decide,
                             handles=(ConflictError,), failed=lambda e: ask.warn(self, str(e)))

        def decide(theirs: EngagementRecord) -> None:
            merged = mine_on_top(self, theirs.data.title, theirs.changed_by, theirs.updated_at,
                                 original, mine, theirs.data, LABELS)
            if merged is not None:
                self._save_edit(engagement_id, theirs.data, merged, theirs.version)

        def saved(record: EngagementRecord) -> None:
            self._offer_new_schedule(record)

        self.runner.write(engagement_ops.edit, engagement_id, mine, version, done=saved,
                          handles=_REFUSALS, failed=refused, parent=self)

    def _offer_new_schedule(self, record: EngagementRecord) -> None:
        """New terms over an old schedule: offer to bring the unpaid installments in line."""
        rows = payments.installments(self.store, record.id)
        if not schedule_drifted(record.data, payments.as_planned(rows)):
            return
        if ask.confirm(self, tr("Update the schedule?"),
                       tr("The terms of “{title}” changed, and its payment schedule no longer "
                          "matches them. Regenerate the installments not yet paid? Paid and "
                          "part-paid ones stay as they are.").format(title=record.data.title)):
            self.reload(select_id=record.id)
            self.pane.generate_schedule(asked=True)

    def _refused(self, exc: BaseException, engagement_id: int | None = None) -> None:
        ask.warn(self, _message(exc))
        if not isinstance(exc, ConflictError):
            return
        if engagement_id is None:  # the contractor went meanwhile: show the list as it is
            self.reload()
        else:  # the engagement changed elsewhere: every view shows it as it is now
            self.runner.publish(Changes(engagements=frozenset({engagement_id})))


_REFUSALS = (ConflictError, ValidationError)


def _shown_here(changes: Changes) -> bool:
    # Contractor names show in the list; rules change the warnings on the one shown.
    return changes.touches("engagements", "contractors", "settings")


def _message(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(f"{line}." for line in error_lines(exc, LABELS))
    return str(exc)
