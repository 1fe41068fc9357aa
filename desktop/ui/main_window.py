"""The roster window: filter bar, contractor table, detail pane, undoable archive."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.enums import ContractorStatus
from desktop.core.validation import ConflictError
from desktop.store import contractors, demo, engagements
from desktop.store.backup import backup_database, timestamped_name
from desktop.store.db import Store
from desktop.store.health import contractor_health
from desktop.store.paths import backup_dir
from desktop.ui.at_stake import reason_to_let_go
from desktop.ui.commands import ArchiveCommand, EditCommand
from desktop.ui.contractor_dialog import ContractorDialog
from desktop.ui.dashboard_view import DashboardView
from desktop.ui.detail_pane import DetailPane
from desktop.ui.engagements_view import EngagementsView
from desktop.ui.planner_view import PlannerView
from desktop.ui.reports_view import ReportsView
from desktop.ui.roster_model import ORDER_KEYS, Col, RosterFilter, RosterModel, haystacks, sort_key
from desktop.ui.rules_dialog import RulesDialog
from desktop.ui.table_base import sorted_table
from desktop.ui.transfer import dropped_file, export_csv
from desktop.ui.worker import Background

_WIDTHS = {Col.NAME: 200, Col.COMPANY: 180, Col.STATUS: 80, Col.TAGS: 180, Col.RATE: 130,
           Col.COUNTRY: 64, Col.EMAIL: 230, Col.PHONE: 140, Col.TAX_FORM: 76, Col.UPDATED: 96}


FIRST_SCREEN = 120  # rows fetched before the rest, enough to fill a tall window


def _full_roster(store: Store, column: Col,
                 order: Qt.SortOrder) -> tuple[list[contractors.ContractorRow], list[str]]:
    """Every row and its search string, built off the UI thread, already in the table's
    order (so the model's own sort on the UI thread meets sorted input and is quick)."""
    rows = contractors.list_rows(store)
    rows.sort(key=lambda r: (sort_key(r, column), r.display_name.casefold()),
              reverse=order == Qt.SortOrder.DescendingOrder)
    return rows, haystacks(rows)


class MainWindow(QMainWindow):
    first_rows_shown = Signal(int)  # the first screen of rows is in the table
    roster_loaded = Signal(int)  # every row is in the table

    def __init__(self, store: Store, folder: Path, settings: QSettings,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.folder, self.settings = store, folder, settings
        self.background = Background(self)
        self.undo_stack = QUndoStack(self)
        self.model = RosterModel(self)
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)  # a contact file dropped anywhere opens the import
        self._build_widgets()
        self._build_actions()
        self._restore_settings()

    # --- building ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.banner = QFrame()
        self.banner.setObjectName("demoBanner")
        self.banner.setStyleSheet("#demoBanner { background: #fff4ce; border-bottom: 1px solid #e6d38a; }")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 6, 12, 6)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.remove_demo_button = QPushButton("Remove demo data")
        self.remove_demo_button.clicked.connect(self.remove_demo)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.remove_demo_button)
        self.banner.hide()

        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by name, company, email, skills or notes   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", "")
        for status in ContractorStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem("All skills", "")
        self.tag_filter.setMinimumContentsLength(12)
        self.tag_filter.currentIndexChanged.connect(self._apply_filter)
        self.archived_box = QCheckBox("Show archived")
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
        self.table.selectionModel().selectionChanged.connect(self._show_selection)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel()
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        empty_layout.addWidget(self.empty_text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.empty_add = QPushButton("Add a contractor")
        self.empty_add.clicked.connect(self.new_contractor)
        self.empty_import = QPushButton("Import from a file…")
        self.empty_import.clicked.connect(lambda: self.import_file(None))
        self.empty_demo = QPushButton("Load the demo roster")
        self.empty_demo.clicked.connect(self.load_demo)
        buttons.addWidget(self.empty_add)
        buttons.addWidget(self.empty_import)
        buttons.addWidget(self.empty_demo)
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
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 360])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.engagements = EngagementsView(self.store)
        self.engagements.pane.contractor_requested.connect(self._edit_contractor)
        self.dashboard = DashboardView(self.store, self.background)
        self.dashboard.open_engagement.connect(self.open_engagement)
        self.dashboard.open_contractor.connect(self.open_contractor)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.dashboard, "Today")  # the first thing the owner sees
        self.tabs.addTab(self.splitter, "Contractors")
        self.tabs.addTab(self.engagements, "Engagements")
        self.planner = PlannerView(self.store, self.background)
        self.tabs.addTab(self.planner, "Planner")
        self.reports = ReportsView(self.store, self.settings)
        self.tabs.addTab(self.reports, "Reports")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New contractor…", self.new_contractor, keys.New,
                                       "Add a contractor to the roster")
        self.edit_action = self._action("&Edit contractor…", self.edit_selected,
                                        [QKeySequence("Ctrl+E"), QKeySequence(Qt.Key.Key_Return)])
        self.archive_action = self._action("&Archive", self.archive_selected, keys.Delete,
                                           "Archive the selected contractors (undo with Ctrl+Z)")
        self.restore_action = self._action("&Restore from archive", self.restore_selected,
                                           "Ctrl+Shift+R")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(keys.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.undo_action, self.redo_action])
        self.find_action = self._action("&Find…", self.focus_filter, keys.Find)
        self.show_archived_action = self._action("Show &archived", self.archived_box.setChecked)
        self.show_archived_action.setCheckable(True)
        self.archived_box.toggled.connect(self.show_archived_action.setChecked)
        self.load_demo_action = self._action("Load &demo roster", self.load_demo)
        self.remove_demo_action = self._action("&Remove demo data…", self.remove_demo)
        self.backup_action = self._action("&Back up database…", self.backup)
        self.open_folder_action = self._action("Open data &folder", self.open_data_folder)
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.about_action = self._action(f"&About {APP_NAME}", self.about)
        self.dashboard_tab_action = self._action(
            "&Today", lambda: self.tabs.setCurrentWidget(self.dashboard), "Ctrl+1",
            "What needs you today: payments, notice dates, check-ins")
        self.contractors_tab_action = self._action(
            "&Contractors", lambda: self.tabs.setCurrentWidget(self.splitter), "Ctrl+2")
        self.engagements_tab_action = self._action(
            "&Engagements", lambda: self.tabs.setCurrentWidget(self.engagements), "Ctrl+3",
            "Contracts, payment schedules and the communication log")
        self.planner_tab_action = self._action(
            "&Planner", lambda: self.tabs.setCurrentWidget(self.planner), "Ctrl+4",
            "What to outsource, what to keep, and what it costs")
        self.reports_tab_action = self._action(
            "&Reports", lambda: self.tabs.setCurrentWidget(self.reports), "Ctrl+5",
            "PDF and CSV reports for your accountant")
        self.rules_action = self._action("&Payment rules…", self.edit_rules,
                                         tip="The statutory rules terms are checked against")
        self.import_action = self._action(
            "&Import contractors…", lambda: self.import_file(None), "Ctrl+I",
            "Add contractors from a CSV or Excel file (or drop the file on the window)")
        self.export_contractors_action = self._action(
            "Export &contractors…", partial(self.export, "contractors"),
            tip="Write the roster as CSV; it imports back unchanged")
        self.export_payments_action = self._action(
            "Export &payments…", partial(self.export, "payments"),
            tip="Write every payment made as CSV for your accountant")

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.new_action, self.import_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_contractors_action, self.export_payments_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.open_folder_action])
        file_menu.addSeparator()
        file_menu.addActions([self.load_demo_action, self.remove_demo_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.edit_action, self.archive_action, self.restore_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = menu.addMenu("&View")
        view_menu.addActions([self.dashboard_tab_action, self.contractors_tab_action,
                              self.engagements_tab_action, self.planner_tab_action,
                              self.reports_tab_action])
        view_menu.addSeparator()
        view_menu.addAction(self.show_archived_action)
        settings_menu = menu.addMenu("&Settings")
        settings_menu.addAction(self.rules_action)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.import_action, self.edit_action,
                            self.archive_action, self.restore_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        # The table's own Return/Delete handling must not swallow the window's shortcuts.
        for action in (self.edit_action, self.archive_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._update_actions()

    # --- loading -------------------------------------------------------------------------
    def load(self) -> None:
        """Fetch the roster off the UI thread: a first screen in the current order, then the
        rest (filtering and the counts become exact when it arrives)."""
        self.statusBar().showMessage("Loading contractors…")
        column, order = self.model.sort_order
        first_screen = partial(contractors.list_rows, self.store, order=ORDER_KEYS[column],
                               descending=order == Qt.SortOrder.DescendingOrder,
                               limit=FIRST_SCREEN)
        self.background.submit(first_screen, on_done=self._first_rows_loaded,
                               on_error=self._failed)
        self.dashboard.refresh()

    def _first_rows_loaded(self, rows: list[contractors.ContractorRow]) -> None:
        if len(rows) < FIRST_SCREEN:  # that was everybody
            self._rows_loaded((rows, None))
            return
        self.model.set_rows(rows, complete=False)
        self._after_change([])
        self.first_rows_shown.emit(len(rows))
        self.background.submit(_full_roster, self.store, *self.model.sort_order,
                               on_done=self._rows_loaded, on_error=self._failed)

    def _rows_loaded(self, loaded: tuple[list[contractors.ContractorRow], list[str] | None]) -> None:
        rows, hay = loaded
        first = self.model.complete  # nothing was shown before this
        selected = self.selected_ids()
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_rows(rows, hay)
        self._after_change(selected)
        self.table.verticalScrollBar().setValue(scrolled)
        self.statusBar().clearMessage()
        if first:
            self.first_rows_shown.emit(len(rows))
        self.roster_loaded.emit(len(rows))

    def refresh(self, ids: list[int]) -> None:
        """Re-read some contractors after a change, then select what changed if it is shown,
        else keep the selection, else the row that took the place of what went."""
        selected = self.selected_ids()
        position = self.table.currentIndex().row()
        if ids:
            self.model.upsert(contractors.list_rows(self.store, ids))
        keep = [i for i in ids if self.model.position_of(i) is not None]
        keep = keep or [i for i in selected if self.model.position_of(i) is not None]
        if not keep and self.model.rowCount() and position >= 0:
            keep = [self.model.row_at(min(position, self.model.rowCount() - 1)).id]
        self._after_change(keep)

    def _after_change(self, selected: list[int]) -> None:
        self._refresh_tags()
        self._select_ids(selected)
        self._update_chrome()

    def _refresh_tags(self) -> None:
        current = self.tag_filter.currentData()
        tags = sorted({t for r in self.model.all_rows() if not r.archived for t in r.tags})
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All skills", "")
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

    def focus_filter(self) -> None:
        self.tabs.setCurrentWidget(self.splitter)
        self.search.setFocus()
        self.search.selectAll()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)

    def selected_ids(self) -> list[int]:
        return [self.model.row_at(i.row()).id for i in self.table.selectionModel().selectedRows()]

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
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if positions:
            first = self.model.index(positions[0], 0)
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)
        self._show_selection()

    def _show_selection(self, *_args) -> None:  # type: ignore[no-untyped-def]
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
        self._update_actions()

    # --- tabs ----------------------------------------------------------------------------
    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.dashboard:
            self.dashboard.refresh()
        elif self.tabs.currentWidget() is self.reports:
            self.reports.refresh()
        elif self.tabs.currentWidget() is self.planner:
            self.planner.refresh()
        self._update_actions()

    def open_engagement(self, engagement_id: int) -> None:
        self.tabs.setCurrentWidget(self.engagements)
        self.engagements.reload(select_id=engagement_id)

    def _edit_contractor(self, contractor_id: int) -> None:
        self.open_contractor(contractor_id)
        self.edit_selected()

    def open_contractor(self, contractor_id: int) -> None:
        self.tabs.setCurrentWidget(self.splitter)
        if self.model.position_of(contractor_id) is None:  # hidden by the filter: show it
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            self.tag_filter.setCurrentIndex(0)
            self.archived_box.setChecked(True)
        self._select_ids([contractor_id])

    def _update_actions(self) -> None:
        rows = [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        if self.tabs.currentWidget() is not self.splitter:
            rows = []  # Return or Delete on the Engagements tab must not touch a hidden contractor
        self.edit_action.setEnabled(len(rows) == 1)
        self.archive_action.setEnabled(any(not r.archived for r in rows))
        self.restore_action.setEnabled(any(r.archived for r in rows))
        has_demo = self.model.demo_count() > 0
        self.remove_demo_action.setEnabled(has_demo)
        self.load_demo_action.setEnabled(not has_demo)

    def _update_chrome(self) -> None:
        total = self.model.total(include_archived=self.archived_box.isChecked())
        shown = self.model.rowCount()
        if not self.model.complete:
            self.count_label.setText(f"{shown:,} shown, loading the rest…")
        else:
            self.count_label.setText(f"{shown:,} of {total:,} contractors" if shown != total
                                     else f"{total:,} contractors")
        demo_count = self.model.demo_count()
        self.banner.setVisible(demo_count > 0)
        if demo_count:
            every = demo_count == self.model.total(include_archived=True)
            self.banner_text.setText(
                f"<b>Demo data.</b> {'All ' if every else ''}{demo_count} contractors here are "
                "made-up examples to explore Crewbook with. Remove them in one click when you "
                "start your own roster.")
        anything = self.model.total(include_archived=True) > 0
        if not anything:
            self.empty_text.setText("<h2>No contractors yet</h2><p>Add the people and companies "
                                    "you outsource work to, import them from a list you already "
                                    "keep (or drop the file here), or look around with a demo "
                                    "roster.</p>")
        elif shown == 0:
            self.empty_text.setText("<h3>No contractor matches the filter</h3>"
                                    "<p>Clear the filter box or choose another status or skill.</p>")
        self.detail.setVisible(anything)
        for button in (self.empty_add, self.empty_import, self.empty_demo):
            button.setVisible(not anything)
        self.stack.setCurrentWidget(self.table if shown else self.empty)
        self._update_actions()

    # --- use cases -----------------------------------------------------------------------
    def _known_tags(self) -> list[str]:
        return sorted({t for r in self.model.all_rows() for t in r.tags})

    def new_contractor(self) -> None:
        dialog = ContractorDialog(None, self._known_tags(), self)
        if dialog.exec() and dialog.result_data:
            record = contractors.create(self.store, dialog.result_data)
            self.refresh([record.id])
            if self.model.position_of(record.id) is None:  # hidden by the filter: show it
                self.search.clear()
                self.status_filter.setCurrentIndex(0)
                self.tag_filter.setCurrentIndex(0)
            self._select_ids([record.id])
            self.statusBar().showMessage(f"Added {record.data.display_name}", 4000)

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            record = contractors.get(self.store, ids[0])
        except ConflictError as exc:
            self._warn(str(exc))
            return
        dialog = ContractorDialog(record.data, self._known_tags(), self)
        if dialog.exec() and dialog.result_data and dialog.result_data != record.data:
            self.undo_stack.push(EditCommand(self.store, record.id, record.version, record.data,
                                             dialog.result_data, self.refresh, self._warn))

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
                reason = reason_to_let_go(self, row.display_name, "Archive",
                                          contractor_health(self.store, row.id, today))
                if reason is None:
                    return
                reasons[row.id] = reason
        if rows:
            self.undo_stack.push(ArchiveCommand(
                self.store, {r.id: r.version for r in rows}, [r.display_name for r in rows],
                archive, self.refresh, self._warn, reasons))
            verb = "Archived" if archive else "Restored"
            self.statusBar().showMessage(f"{verb} {len(rows)} — Ctrl+Z to undo", 5000)

    def load_demo(self) -> None:
        self.background.submit(demo.load_demo, self.store,
                               on_done=lambda _n: self.load(), on_error=self._failed)

    def remove_demo(self) -> None:
        count = self.model.demo_count()
        if not count:
            return
        answer = QMessageBox.question(
            self, "Remove demo data",
            f"Remove the {count} demo contractors? Your own contractors stay as they are.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo_stack.clear()  # its commands may point at the rows about to go

        def removed(n: int) -> None:
            self.statusBar().showMessage(f"Removed {n} demo contractors", 5000)
            self.load()

        self.background.submit(demo.remove_demo, self.store, on_done=removed, on_error=self._failed)

    def backup(self) -> None:
        folder = backup_dir(self.folder)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path, _ = QFileDialog.getSaveFileName(self, "Back up database",
                                              str(folder / timestamped_name()),
                                              "Crewbook database (*.sqlite3)")
        if not path:
            return
        self.statusBar().showMessage("Backing up…")
        self.background.submit(
            backup_database, self.store.path, Path(path),
            on_done=lambda p: self.statusBar().showMessage(f"Backed up to {p}", 8000),
            on_error=self._failed)

    def import_file(self, path: Path | None) -> None:
        from desktop.ui.import_wizard import ImportWizard  # loaded when first used

        self.tabs.setCurrentWidget(self.splitter)
        wizard = ImportWizard(self.store, self.background, self.settings, self, path=path)
        accepted = wizard.exec()
        result = wizard.result_counts
        wizard.deleteLater()
        if not accepted or result is None:
            return
        text = f"Imported {result.created} contractors, merged {result.merged}"
        self.roster_loaded.connect(lambda _n: self.statusBar().showMessage(text, 8000),
                                   Qt.ConnectionType.SingleShotConnection)
        self.load()

    def export(self, what: str) -> None:
        export_csv(self, self.store, self.background, what,
                   lambda text: self.statusBar().showMessage(text, 8000), self._failed)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    def edit_rules(self) -> None:
        RulesDialog(self.store, self).exec()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<h3>{APP_NAME} {__version__}</h3><p>Keep the people you outsource "
                          f"work to, their contracts and their payments in order.</p>"
                          f"<p>Data folder:<br><code>{self.folder}</code></p>")

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def _failed(self, error: BaseException) -> None:
        self.statusBar().clearMessage()
        self._warn(f"That did not work: {error}")

    # --- window state --------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 780)
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = s.value("roster/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        self.archived_box.setChecked(s.value("roster/show_archived", False, type=bool))

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("roster/header", self.table.horizontalHeader().saveState())
        s.setValue("roster/show_archived", self.archived_box.isChecked())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.reports.close_down()
        self.background.wait(10_000)
        super().closeEvent(event)
