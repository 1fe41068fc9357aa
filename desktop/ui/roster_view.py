"""The Contractors tab: filter bar, contractor table, detail pane, undoable edits and archive."""

from __future__ import annotations

import datetime as dt
import threading
from functools import partial

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.contractor import LABELS, ContractorData
from desktop.core.enums import ContractorStatus
from desktop.core.formats import number
from desktop.core.validation import ConflictError
from desktop.operations import contractors as contractor_ops
from desktop.operations.changes import Changes
from desktop.operations.letting_go import at_stake
from desktop.store import contractors, engagements
from desktop.store.contractors import ContractorRecord, ContractorRow
from desktop.store.db import Store
from desktop.store.health import contractor_health
from desktop.ui import ask
from desktop.ui.actions import make_action
from desktop.ui.at_stake import reason_to_let_go
from desktop.ui.commands import ArchiveCommand, EditCommand
from desktop.ui.conflicts import mine_on_top
from desktop.ui.contractor_dialog import ContractorDialog
from desktop.ui.detail_pane import DetailPane
from desktop.ui.follow import Follow
from desktop.ui.home_country import HomeCountry
from desktop.ui.i18n import tr
from desktop.ui.roster_model import (
    ORDER_KEYS,
    Col,
    LoadedRoster,
    RosterFilter,
    RosterModel,
    prepare,
)
from desktop.ui.runner import Runner
from desktop.ui.table_base import SelectionShown, sorted_table

_WIDTHS = {Col.NAME: 200, Col.COMPANY: 180, Col.STATUS: 80, Col.TAGS: 180, Col.RATE: 130,
           Col.COUNTRY: 64, Col.EMAIL: 230, Col.PHONE: 140, Col.TAX_FORM: 76, Col.UPDATED: 96}

FIRST_SCREEN = 120  # rows fetched before the rest, enough to fill a tall window


def _full_roster(store: Store, column: Col, order: Qt.SortOrder,
                 stop: threading.Event) -> LoadedRoster:
    """Every row, sorted, with its search string and the counts, all made off the UI thread
    so the model takes them in without keeping the window from answering."""
    return prepare(contractors.list_rows(store, stop=stop), (column, order), stop)


class RosterView(QSplitter):
    first_rows_shown = Signal(int)  # the first screen of rows is in the table
    roster_loaded = Signal(int)  # every row is in the table
    rows_changed = Signal()  # rows came or went: counts, demo rows, tags may differ
    message = Signal(str, int)  # a status line, and how long to show it (ms)
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, runner: Runner, settings: QSettings, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.runner, self.store, self.settings = runner, runner.store, settings
        self.may_edit = True  # False for a team member whose role only reads contractors
        self.undo_stack = QUndoStack(self)
        self.model = RosterModel(self)
        self._pending_selection: list[int] = []  # chosen by a write whose rows are on the way
        self._stale: set[int] = set()  # changed contractors whose rows are being re-read
        self._loading: set[int] | None = None  # while a full load runs: what changed meanwhile
        self._build_widgets()
        self._build_actions()
        self.follow = Follow(runner, lambda c: c.touches("contractors"), self._changed, self)
        self.home = HomeCountry(runner, self)  # phone numbers are read and shown from there
        self.home.changed.connect(self.model.set_home_country)
        self.home.changed.connect(self.detail.set_home_country)

    # --- building ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr("Filter by name, company, email, skills or notes   (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.status_filter = QComboBox()
        self.status_filter.addItem(tr("All statuses"), "")
        for status in ContractorStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(tr("All skills"), "")
        self.tag_filter.setMinimumContentsLength(12)
        self.tag_filter.currentIndexChanged.connect(self._apply_filter)
        self.archived_box = QCheckBox(tr("Show archived"))
        self.archived_box.toggled.connect(self._apply_filter)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 4)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.tag_filter)
        bar.addWidget(self.archived_box)

        self.table = sorted_table(self.model, Col.NAME, Qt.SortOrder.AscendingOrder, many=True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.shown = SelectionShown(self.table, lambda: self._show_selection())

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel()
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        empty_layout.addWidget(self.empty_text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.empty_add = QPushButton(tr("Add a contractor"))
        self.empty_add.clicked.connect(self.new_contractor)
        self.empty_import = QPushButton(tr("Import from a file…"))
        self.empty_import.clicked.connect(self.import_requested)
        self.empty_demo = QPushButton(tr("Load the demo roster"))
        self.empty_demo.clicked.connect(self.demo_requested)
        for button in (self.empty_add, self.empty_import, self.empty_demo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        empty_layout.addLayout(buttons)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.stack, 1)

        self.detail = DetailPane()
        self.addWidget(left)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setSizes([900, 360])
        self.count_label = QLabel()

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = make_action(self, tr("&New contractor…"), self.new_contractor,
                                      [keys.New], tr("Add a contractor to the roster"))
        self.edit_action = make_action(self, tr("&Edit contractor…"), self.edit_selected,
                                       ["Ctrl+E", Qt.Key.Key_Return])
        self.archive_action = make_action(self, tr("&Archive"), self.archive_selected,
                                          [keys.Delete],
                                          tr("Archive the selected contractors (undo with Ctrl+Z)"))
        self.restore_action = make_action(self, tr("&Restore from archive"),
                                          self.restore_selected, ["Ctrl+Shift+R"])
        self.undo_action = self.undo_stack.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(keys.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.show_archived_action = make_action(self, tr("Show &archived"),
                                                self.archived_box.setChecked)
        self.show_archived_action.setCheckable(True)
        self.archived_box.toggled.connect(self.show_archived_action.setChecked)
        # The table's own Return/Delete handling must not swallow the window's shortcuts.
        for action in (self.edit_action, self.archive_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.update_actions(active=True)

    # --- loading -------------------------------------------------------------------------
    def load(self) -> None:
        """Fetch the roster off the UI thread: a first screen in the current order, then the
        rest (filtering and the counts become exact when it arrives)."""
        self.message.emit(tr("Loading contractors…"), 0)
        self._loading = set()
        column, order = self.model.sort_order
        self.runner.read(partial(contractors.list_rows, self.store, order=ORDER_KEYS[column],
                                 descending=order == Qt.SortOrder.DescendingOrder,
                                 limit=FIRST_SCREEN),
                         done=self._first_rows_loaded, key="roster")  # newer drops older

    def _first_rows_loaded(self, rows: list[ContractorRow]) -> None:
        if len(rows) < FIRST_SCREEN:  # that was everybody
            self._rows_loaded(prepare(rows, self.model.sort_order))
            return
        self.model.set_rows(rows, complete=False)
        self._after_change([])
        self.first_rows_shown.emit(len(rows))
        self.runner.read(_full_roster, self.store, *self.model.sort_order, self.runner.stopping,
                         done=self._rows_loaded, key="roster")

    def _rows_loaded(self, loaded: LoadedRoster) -> None:
        rows = loaded.rows
        first = self.model.complete  # nothing was shown before this
        selected = self._pending_selection or self.selected_ids()
        self._pending_selection = []
        scrolled = self.table.verticalScrollBar().value()
        self.model.take(loaded)
        self._after_change(selected)
        self.table.verticalScrollBar().setValue(scrolled)
        self.message.emit("", 0)
        changed, self._loading = self._loading, None
        if changed:  # written while the load was read: these rows may be older than the write
            self._changed(Changes(contractors=frozenset(changed)))
        if first:
            self.first_rows_shown.emit(len(rows))
        self.roster_loaded.emit(len(rows))

    def _changed(self, changes: Changes) -> None:
        """Re-read what changed: everything, or just the contractors named."""
        if changes.everything:
            self.load()
            return
        if self._loading is not None:
            self._loading |= changes.contractors
        self._stale |= changes.contractors
        ids = sorted(self._stale)
        self.runner.read(contractors.list_rows, self.store, ids,
                         done=partial(self._upserted, set(ids)), key="roster-rows")

    def _upserted(self, ids: set[int], rows: list[ContractorRow]) -> None:
        """Put re-read rows in place, then select what a write asked for if it is shown,
        else keep the selection, else the row that took the place of what went."""
        self._stale -= ids
        selected = self.selected_ids()
        position = self.table.currentIndex().row()
        self.model.upsert(rows)
        wanted, self._pending_selection = self._pending_selection, []
        keep = [i for i in wanted if self.model.position_of(i) is not None]
        keep = keep or [i for i in selected if self.model.position_of(i) is not None]
        if not keep and self.model.rowCount() and position >= 0:
            keep = [self.model.row_at(min(position, self.model.rowCount() - 1)).id]
        self._after_change(keep)

    def _after_change(self, selected: list[int]) -> None:
        self._refresh_tags()
        self._select_ids(selected)
        self._update_chrome()
        self.rows_changed.emit()

    def _refresh_tags(self) -> None:
        current = self.tag_filter.currentData()
        tags = self.model.skills()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(tr("All skills"), "")
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    # --- filtering and selection ---------------------------------------------------------
    def _apply_filter(self) -> None:
        selected = self.selected_ids()
        self.model.set_filter(RosterFilter(
            text=self.search.text(), status=self.status_filter.currentData() or "",
            tag=self.tag_filter.currentData() or "", show_archived=self.archived_box.isChecked()))
        self._select_ids(selected)
        self._update_chrome()

    def clear_filter(self, *, archived: bool = False) -> None:
        """Show every contractor (and the archived ones too, with ``archived``)."""
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)
        if archived:
            self.archived_box.setChecked(True)

    def focus_filter(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)

    def selected_ids(self) -> list[int]:
        return [self.model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()]

    def select(self, contractor_id: int) -> None:
        """Select one contractor, clearing a filter that hides them."""
        if self.model.position_of(contractor_id) is None:
            self.clear_filter(archived=True)
        self._select_ids([contractor_id])

    def _select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        positions = self.model.positions_of(ids)
        chosen = QItemSelection()
        last_column = self.model.columnCount() - 1
        start = 0
        for k in range(1, len(positions) + 1):  # one range per run of adjacent rows
            if k == len(positions) or positions[k] != positions[k - 1] + 1:
                chosen.select(self.model.index(positions[start], 0),
                              self.model.index(positions[k - 1], last_column))
                start = k
        with self.shown.settling():  # the detail is read once, after the selection settles
            selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if positions:
                first = self.model.index(positions[0], 0)
                selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(first)

    def _show_selection(self) -> None:
        ids = self.selected_ids()
        try:
            record = contractors.get(self.store, ids[0]) if len(ids) == 1 else None
        except ConflictError:
            record = None
        health = rows = None
        if record is not None:
            health = contractor_health(self.store, record.id, dt.date.today())
            rows = engagements.list_rows(self.store, contractor_id=record.id)
        self.detail.show_record(record, count=len(ids), health=health, engagements=rows)
        self.update_actions(active=True)

    def update_actions(self, *, active: bool) -> None:
        """``active``: this tab is showing (Return or Delete elsewhere must not touch a
        contractor hidden on it)."""
        rows = [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        rows = rows if active and self.may_edit else []
        self.edit_action.setEnabled(len(rows) == 1)
        self.archive_action.setEnabled(any(not r.archived for r in rows))
        self.restore_action.setEnabled(any(r.archived for r in rows))
        self.new_action.setEnabled(self.may_edit)

    def _update_chrome(self) -> None:
        total = self.model.total(include_archived=self.archived_box.isChecked())
        shown = self.model.rowCount()
        # Counts are written as the locale writes numbers; the total picks the plural form.
        if not self.model.complete:
            self.count_label.setText(tr("{shown} shown, loading the rest…")
                                     .format(shown=number(shown)))
        elif shown != total:
            self.count_label.setText(tr("{shown} of {total} contractor(s)", "", total)
                                     .format(shown=number(shown), total=number(total)))
        else:
            self.count_label.setText(tr("{total} contractor(s)", "", total)
                                     .format(total=number(total)))
        anything = self.model.total(include_archived=True) > 0
        if not anything:
            self.empty_text.setText(tr("<h2>No contractors yet</h2><p>Add the people and "
                                       "companies you outsource work to, import them from a list "
                                       "you already keep (or drop the file here), or look around "
                                       "with a demo roster.</p>"))
        elif shown == 0:
            self.empty_text.setText(tr("<h3>No contractor matches the filter</h3><p>Clear the "
                                       "filter box or choose another status or skill.</p>"))
        self.detail.setVisible(anything)
        for button in (self.empty_add, self.empty_import, self.empty_demo):
            button.setVisible(not anything)
        self.stack.setCurrentWidget(self.table if shown else self.empty)
        self.update_actions(active=self.isVisible() or not self.parent())

    # --- use cases -----------------------------------------------------------------------
    def _known_tags(self) -> list[str]:
        return sorted({t for r in self.model.all_rows() for t in r.tags})

    def new_contractor(self) -> None:
        dialog = ContractorDialog(None, self._known_tags(), self, home_country=self.home.country)
        if dialog.exec() and dialog.result_data:
            self.runner.write(contractor_ops.add, dialog.result_data, done=self._added,
                              parent=self)

    def _added(self, record: ContractorRecord) -> None:
        self.clear_filter()  # a filter must not hide the one just added
        self._pending_selection = [record.id]
        self.message.emit(tr("Added {name}").format(name=record.data.display_name), 4000)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            record = contractors.get(self.store, ids[0])
        except ConflictError as exc:
            ask.warn(self, str(exc))
            return
        dialog = ContractorDialog(record.data, self._known_tags(), self,
                                  home_country=self.home.country)
        if dialog.exec() and dialog.result_data and dialog.result_data != record.data:
            self._push(EditCommand(self.runner, record.id, record.version, record.data,
                                   dialog.result_data, self._keep_selected, self._resolve))

    def _resolve(self, contractor_id: int, original: ContractorData,
                 mine: ContractorData) -> None:
        """Someone saved this contractor after the edit began: show where theirs and mine
        differ, and either keep theirs or save mine on top of theirs (their other changes
        stay)."""
        def decide(theirs: ContractorRecord) -> None:
            merged = mine_on_top(self, theirs.data.display_name, theirs.changed_by,
                                 theirs.updated_at, original, mine, theirs.data, LABELS)
            if merged is not None:
                self._push(EditCommand(self.runner, contractor_id, theirs.version, theirs.data,
                                       merged, self._keep_selected, self._resolve))

        self.runner.read(contractors.get, self.store, contractor_id, done=decide,
                         handles=(ConflictError,), failed=lambda exc: ask.warn(self, str(exc)))

    def _push(self, command: QUndoCommand) -> None:
        command.drop = self._drop  # type: ignore[attr-defined]
        self.undo_stack.push(command)

    def _drop(self, command: QUndoCommand) -> None:
        """A command refused for a conflict leaves the stack (when nothing came after it)."""
        stack = self.undo_stack
        if stack.index() and stack.command(stack.index() - 1) is command:
            stack.undo()  # obsolete, so its undo does nothing and Qt deletes it

    def _keep_selected(self, ids: list[int]) -> None:
        self._pending_selection = ids

    def archive_selected(self) -> None:
        self._set_archived(archive=True)

    def restore_selected(self) -> None:
        self._set_archived(archive=False)

    def _set_archived(self, archive: bool) -> None:
        rows = [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        rows = [r for r in rows if r.archived != archive]
        reasons: dict[int, str] = {}
        if archive and len(rows) <= 20:  # asking per contractor only makes sense for a few
            today = dt.date.today()
            for row in rows:
                reason = reason_to_let_go(self, at_stake(self.store, row.id, today),
                                          tr("Archive", "verb: archive a contractor"))
                if reason is None:
                    return
                reasons[row.id] = reason
        if rows:
            self._push(ArchiveCommand(
                self.runner, {r.id: r.version for r in rows}, [r.display_name for r in rows],
                archive, self._keep_selected, reasons))
            said = (tr("Archived %n — Ctrl+Z to undo", "", len(rows)) if archive
                    else tr("Restored %n — Ctrl+Z to undo", "", len(rows)))
            self.message.emit(said, 5000)

    # --- state ---------------------------------------------------------------------------
    def restore_settings(self) -> None:
        s = self.settings
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.restoreState(splitter)
        header = s.value("roster/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        self.archived_box.setChecked(s.value("roster/show_archived", False, type=bool))

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/splitter", self.saveState())
        s.setValue("roster/header", self.table.horizontalHeader().saveState())
        s.setValue("roster/show_archived", self.archived_box.isChecked())
