"""The window: five tabs, the menus, the demo banner, and the one runner every view shares.

A bare start shows the window before its book is open, saying that it is opening, and then
loads the database layer and the views (``attach``). So this module loads only Qt and light
modules when imported; what a tab or a menu command needs is imported where it is used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.operations.changes import Changes
from desktop.ui import ask
from desktop.ui.about_dialog import show_about
from desktop.ui.actions import make_action
from desktop.ui.colours import note_colours
from desktop.ui.crash import show_log_folder
from desktop.ui.help_dialogs import GettingStartedDialog, ShortcutsDialog
from desktop.ui.i18n import tr
from desktop.ui.language_dialog import LanguageDialog
from desktop.ui.later_tabs import LaterTabs
from desktop.ui.opening_page import opening_page
from desktop.ui.screen_fit import fit_on_screen
from desktop.ui.window_menus import lay_out_menus

if TYPE_CHECKING:
    from desktop.store.archive import Manifest
    from desktop.store.db import Store
    from desktop.store.team import Role
    from desktop.ui.engagements_view import EngagementsView
    from desktop.ui.planner_view import PlannerView
    from desktop.ui.reports_view import ReportsView


class MainWindow(QMainWindow):
    first_rows_shown = Signal(int)  # the first screen of contractors is in the table
    roster_loaded = Signal(int)  # every contractor is in the table

    def __init__(self, store: Store | None, folder: Path | None, settings: QSettings,
                 parent: QWidget | None = None):
        """``folder``: the data folder of a local book; None for a team database. Without
        ``store`` the window only says that the book is opening, until ``attach``."""
        super().__init__(parent)
        self.store: Store | None = None
        self.folder, self.settings = folder, settings
        self.restore_requested: Path | None = None  # a backup to restore once this closes
        # Another book to open once this closes: a team database's URL, "" for this computer's.
        self.switch_to: str | None = None
        self._waiting = ""  # the status line's note that a write waits, while it shows
        self.quit_while_opening = False
        self.role: Role | None = None  # on a team database, once the server said
        self.setWindowTitle(APP_NAME)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_on_screen(self, 1320, 780)
        if store is None:
            self.setCentralWidget(opening_page())
        else:
            self.attach(store)

    def attach(self, store: Store) -> None:
        """Build the tabs, menus and toolbars on the open book."""
        from desktop.store.db import StopFlag
        from desktop.ui.calendar_export import CalendarKeeper
        from desktop.ui.runner import Runner

        self.store = store
        self.runner = Runner(store, self)
        # Set on closing: long background work (the integrity scan) stops at once.
        self.closing = StopFlag()
        self.runner.waiting.connect(self._show_waiting)
        self.runner.changed.connect(self._done_waiting)
        self.calendar_keeper = CalendarKeeper(self.runner, self.folder, self)
        self.calendar_keeper.message.connect(lambda text: self._say(text, 10_000))
        if self.folder is None:
            self.setWindowTitle(tr("{app} — {name} (team database)").format(app=APP_NAME,
                                                                          name=store.name))
        self.setAcceptDrops(True)  # a contact file dropped anywhere opens the import
        self._build_widgets()
        self._build_actions()
        self._restore_settings()

    # --- building ------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        from desktop.ui.dashboard_view import DashboardView
        from desktop.ui.roster_view import RosterView

        self.banner = QFrame()
        self.banner.setObjectName("demoBanner")
        back, text, border = note_colours(self.palette(), "demo")
        self.banner.setStyleSheet(f"#demoBanner {{ background: {back}; border-bottom: 1px solid "
                                  f"{border}; }} #demoBanner QLabel {{ color: {text}; }}")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 6, 12, 6)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.remove_demo_button = QPushButton(tr("Remove demo data"))
        self.remove_demo_button.clicked.connect(self.remove_demo)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.remove_demo_button)
        self.banner.hide()

        runner = self.runner
        self.roster = RosterView(runner, self.settings)
        self.roster.first_rows_shown.connect(self.first_rows_shown)
        self.roster.roster_loaded.connect(self.roster_loaded)
        self.roster.rows_changed.connect(self._update_chrome)
        self.roster.message.connect(self._say)
        self.roster.import_requested.connect(lambda: self.import_file(None))
        self.roster.demo_requested.connect(self.load_demo)
        self.dashboard = DashboardView(runner)
        self.dashboard.open_engagement.connect(self.open_engagement)
        self.dashboard.open_contractor.connect(self.open_contractor)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Made when first opened: not on the first screen, they would hold it up by 60 ms.
        self.later = LaterTabs(self.tabs, {"engagements": self._make_engagements,
                                           "planner": self._make_planner,
                                           "reports": self._make_reports})
        self.later.made.connect(lambda _name: self._apply_role())
        self.tabs.addTab(self.dashboard, tr("Today"))  # the first thing the owner sees
        self.tabs.addTab(self.roster, tr("Contractors"))
        self.later.add("engagements", tr("Engagements"))
        self.later.add("planner", tr("Planner"))
        self.later.add("reports", tr("Reports"))
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.roster.count_label)
        assert self.store is not None
        self.where_label = QLabel(tr("On this computer") if self.folder is not None else
                                  tr("Team database: {name}").format(name=self.store.name))
        self.where_label.setToolTip(tr("Data folder: {folder}").format(folder=self.folder)
                                    if self.folder is not None
                                    else tr("Shared with your team on a PostgreSQL server"))
        self.where_label.setContentsMargins(16, 0, 4, 0)  # apart from the count beside it
        self.statusBar().addPermanentWidget(self.where_label)

    @property
    def engagements(self) -> EngagementsView:
        return self.later.view("engagements")  # type: ignore[return-value]

    @property
    def planner(self) -> PlannerView:
        return self.later.view("planner")  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsView:
        return self.later.view("reports")  # type: ignore[return-value]

    def _make_engagements(self) -> QWidget:
        from desktop.ui.engagements_view import EngagementsView

        view = EngagementsView(self.runner)
        view.pane.contractor_requested.connect(self._edit_contractor)
        view.reload()
        return view

    def _make_planner(self) -> QWidget:
        from desktop.ui.planner_view import PlannerView

        return PlannerView(self.runner)  # reads as it is made

    def _make_reports(self) -> QWidget:
        from desktop.ui.reports_view import ReportsView

        view = ReportsView(self.runner, self.settings)
        view.refresh()
        return view

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        action = make_action(self, text, slot, [] if shortcut is None else [shortcut], tip)
        self.addAction(action)  # its shortcut works whatever the tab
        return action

    def _build_actions(self) -> None:
        from desktop.operations.transfer import EXPORTS
        from desktop.ui import backups
        from desktop.ui.reminders_dialog import RemindersDialog

        roster = self.roster
        self.addActions([roster.new_action, roster.edit_action, roster.archive_action,
                         roster.restore_action, roster.undo_action, roster.redo_action,
                         roster.show_archived_action])
        self.find_action = self._action(tr("&Find…"), self.focus_filter,
                                        QKeySequence.StandardKey.Find)
        self.search_action = self._action(
            tr("&Search everything…"), self.search_everything, QKeySequence("Ctrl+K"),
            tr("Contractors, engagements, invoices and payment references"))
        self.load_demo_action = self._action(tr("Load &demo roster"), self.load_demo)
        self.remove_demo_action = self._action(tr("&Remove demo data…"), self.remove_demo)
        self.backup_action = self._action(
            tr("&Back up…"), self.backup,
            tip=tr("Save the database and its documents in one file"))
        self.restore_action = self._action(
            tr("Res&tore from backup…"), self.restore_from_backup,
            tip=tr("Replace what Crewbook holds with a backup (what it holds now is kept)"))
        self.backup_settings_action = self._action(
            tr("&Backups…"), lambda: backups.BackupSettingsDialog(self.settings, self.folder,
                                                                  self).exec(),
            tip=tr("How many daily automatic backups to keep"))
        self.open_folder_action = self._action(tr("Open data &folder"), self.open_data_folder)
        self.connect_action = self._action(
            tr("Connect to &team database…"), self.connect_to_team,
            tip=tr("Share one Crewbook with your team on a PostgreSQL server"))
        self.local_action = self._action(
            tr("Use the book on this &computer"), lambda: self._switch(""),
            tip=tr("Leave the team database and open this computer's own book"))
        self.local_action.setVisible(self.folder is None)
        self.quit_action = self._action(tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(tr("&About {app}").format(app=APP_NAME), self.about)
        self.new_engagement_action = self._action(
            tr("New &engagement…"), self.new_engagement, QKeySequence("Ctrl+Shift+N"),
            tr("Write the brief, price and terms of a piece of work"))
        self.shortcuts_action = self._action(
            tr("&Keyboard shortcuts"), lambda: ShortcutsDialog(self.actions(), self).exec())
        self.getting_started_action = self._action(
            tr("&Getting started"), lambda: GettingStartedDialog(self).exec(),
            tip=tr("The first hour with Crewbook, in five steps"))
        self.log_folder_action = self._action(
            tr("Show &log folder"), lambda: show_log_folder(self),
            tip=tr("The log to send along when something went wrong"))
        tab_actions = []
        for index, (text, tip) in enumerate((
                (tr("&Today"), tr("What needs you today: payments, notice dates, check-ins")),
                (tr("&Contractors"), tr("The roster")),
                (tr("&Engagements"), tr("Contracts, payment schedules and the communication log")),
                (tr("&Planner"), tr("What to outsource, what to keep, and what it costs")),
                (tr("&Reports"), tr("PDF and CSV reports for your accountant")))):
            tab_actions.append(self._action(
                text, lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                QKeySequence(f"Ctrl+{index + 1}"), tip))
        (self.dashboard_tab_action, self.contractors_tab_action, self.engagements_tab_action,
         self.planner_tab_action, self.reports_tab_action) = tab_actions
        self.rules_action = self._action(tr("&Payment rules…"), self.edit_rules,
                                         tip=tr("The statutory rules terms are checked against"))
        self.profile_action = self._action(
            tr("&Business profile…"), self.edit_profile,
            tip=tr("Name, currency, locale, tax year and annual revenue"))
        self.thresholds_action = self._action(
            tr("Reporting &thresholds…"), self.edit_thresholds,
            tip=tr("Tax reporting thresholds (such as 1099-NEC's) per tax year, with sources"))
        self.rates_action = self._action(
            tr("Reference &rates…"), self.edit_rates,
            tip=tr("Central bank rates late-payment interest starts from, with their dates"))
        self.language_action = self._action(
            tr("&Language…"), lambda: LanguageDialog(self).exec(),
            tip=tr("The language of the window, the reports and the command line"))
        self.reminders_action = self._action(
            tr("Re&minders…"), lambda: RemindersDialog(self.folder, self).exec(),
            tip=tr("Say what is overdue or due today when you log in"))
        self.import_action = self._action(
            tr("&Import contractors…"), lambda: self.import_file(None), QKeySequence("Ctrl+I"),
            tr("Add contractors from a CSV or Excel file (or drop the file on the window)"))
        self.export_actions = {
            key: self._action(_export_texts(key, export.title)[0],
                              lambda _=False, k=key: self.export(k),
                              tip=_export_texts(key, export.title)[1])
            for key, export in EXPORTS.items()}
        self.export_contractors_action = self.export_actions["contractors"]
        self.export_payments_action = self.export_actions["payments"]
        self.export_calendar_action = self._action(
            tr("Export ca&lendar…"), self.export_calendar,
            tip=tr("Payments due, notice dates, check-ins and expiries for your calendar app"))

        self.toolbar, self.roster_toolbar = lay_out_menus(self, tab_actions)
        self._update_actions()

    # --- loading and state ---------------------------------------------------------------
    def load(self) -> None:
        """Read every tab's data off the UI thread."""
        self.runner.publish(Changes.all())

    def _say(self, text: str, msecs: int = 0) -> None:
        if text:
            self.statusBar().showMessage(text, msecs)
        else:
            self.statusBar().clearMessage()

    def apply_role(self, role: Role) -> None:
        """Grey out what a team member's role cannot do (the server refuses it anyway). A
        database this version may only read (a newer one set it up) greys out every change."""
        from desktop.store.team import Role

        assert self.store is not None
        if self.store.read_only_because is not None:
            role = Role.VIEWER
            self.where_label.setText(tr("Team database: {name} (read only: update Crewbook to "
                                        "make changes)").format(name=self.store.name))
            self.where_label.setToolTip(self.store.read_only_because)
        else:
            where = {Role.OWNER: tr("Team database: {name} (owner)"),
                     Role.BOOKKEEPER: tr("Team database: {name} (bookkeeper)"),
                     Role.VIEWER: tr("Team database: {name} (viewer)")}[role]
            self.where_label.setText(where.format(name=self.store.name))
        edits_contractors = role is Role.OWNER
        self.role = role
        self.roster.may_edit = edits_contractors
        self._apply_role()
        for action in (self.import_action, self.rules_action, self.thresholds_action,
                       self.rates_action, self.profile_action, self.new_engagement_action):
            action.setEnabled(edits_contractors)
        if not edits_contractors:
            self.remove_demo_button.setEnabled(False)
            self.setAcceptDrops(False)
        self._update_actions()

    def _apply_role(self) -> None:
        """What ``role`` allows in the tabs made so far: when the server says, and as each
        later tab is made."""
        from desktop.store.team import Role

        role, made = self.role, self.later.views
        if role is None:
            return
        if "engagements" in made:
            self.engagements.pane.set_role(may_manage=role is Role.OWNER,
                                           may_pay=role in (Role.OWNER, Role.BOOKKEEPER))
        if "planner" in made:
            self.planner.set_role(may_edit=role is Role.OWNER)

    def _show_waiting(self, text: str) -> None:
        self._waiting = text
        self._say(text)

    def _done_waiting(self, _changes: object) -> None:
        if self._waiting and self.statusBar().currentMessage() == self._waiting:
            self.statusBar().clearMessage()
        self._waiting = ""

    def _update_actions(self) -> None:
        on_roster = self.tabs.currentWidget() is self.roster
        self.roster.update_actions(active=on_roster)
        if hasattr(self, "roster_toolbar"):
            self.roster_toolbar.setVisible(on_roster)
        has_demo = self.roster.model.demo_count() > 0
        self.remove_demo_action.setEnabled(has_demo and self.roster.may_edit)
        self.load_demo_action.setEnabled(not has_demo and self.roster.may_edit)

    def _update_chrome(self) -> None:
        model = self.roster.model
        demo_count = model.demo_count()
        self.banner.setVisible(demo_count > 0)
        if demo_count:
            every = demo_count == model.total(include_archived=True)
            if every:
                text = tr("<b>Demo data.</b> All %n contractor(s) here are made-up examples to "
                          "explore Crewbook with. Remove them in one click when you start your "
                          "own roster.", "", demo_count)
            else:
                text = tr("<b>Demo data.</b> %n contractor(s) here are made-up examples to "
                          "explore Crewbook with. Remove them in one click when you start your "
                          "own roster.", "", demo_count)
            self.banner_text.setText(text)
        self._update_actions()

    # --- going places --------------------------------------------------------------------
    def show_view(self, name: str) -> None:
        """Bring the view another copy asked for to the front ("today": the reminder)."""
        if name == "today":
            self.tabs.setCurrentWidget(self.dashboard)

    def focus_filter(self) -> None:
        self.tabs.setCurrentWidget(self.roster)
        self.roster.focus_filter()

    def open_engagement(self, engagement_id: int) -> None:
        self.tabs.setCurrentWidget(self.engagements)
        self.engagements.select(engagement_id)

    def open_contractor(self, contractor_id: int) -> None:
        self.tabs.setCurrentWidget(self.roster)
        self.roster.select(contractor_id)

    def _edit_contractor(self, contractor_id: int) -> None:
        self.open_contractor(contractor_id)
        self.roster.edit_selected()

    # --- use cases -----------------------------------------------------------------------
    def load_demo(self) -> None:
        from desktop.operations import contractors as contractor_ops

        self.runner.write(contractor_ops.load_demo, parent=self)

    def remove_demo(self) -> None:
        from desktop.operations import contractors as contractor_ops
        from desktop.store import demo_links

        count = self.roster.model.demo_count()
        if not count:
            return
        linked = demo_links.references(self.store)
        question = tr("Remove the %n demo contractor(s)? Your own contractors stay as they are.",
                      "", count)
        if linked:
            question = tr("Remove the %n demo contractor(s)? Some of your own records refer to "
                          "them:\n\n{records}\n\nRemove the demo data anyway?", "", count).format(
                records="\n".join(f"• {line}" for line in linked))
        if not ask.confirm(self, tr("Remove demo data"), question, risky=bool(linked)):
            return
        self.roster.undo_stack.clear()  # its commands may point at the rows about to go
        self.runner.write(contractor_ops.remove_demo, parent=self,
                          done=lambda n: self._say(tr("Removed %n demo contractor(s)", "", n),
                                                   5000))

    def connect_to_team(self) -> None:
        from desktop.ui.connect_dialog import ConnectDialog  # loaded when first used

        dialog = ConnectDialog(self.settings, self)
        if dialog.exec() and dialog.url:
            self._switch(dialog.url)

    def _switch(self, url: str) -> None:
        """Close this window; desktop.ui.app opens the other book in a new one."""
        self.switch_to = url
        self.close()

    def backup(self) -> None:
        from desktop.ui import backups

        assert self.folder is not None  # the action is off for a team database
        backups.back_up_now(self, self.runner, self.folder, self._say)

    def restore_from_backup(self) -> None:
        """Check the chosen backup, ask, then close: the restore runs with the book closed
        (desktop.ui.app), and a new window opens on the restored data."""
        from desktop.operations.backup import check_backup
        from desktop.ui import backups

        assert self.folder is not None  # the action is off for a team database
        path = backups.choose_backup(self, self.folder)
        if path is None:
            return
        self._say(tr("Checking the backup…"))
        self.runner.read(check_backup, self.folder, path, parent=self,
                         done=lambda manifest: self._restore_checked(path, manifest),
                         failed=lambda _exc: self._say(""))

    def _restore_checked(self, path: Path, manifest: Manifest) -> None:
        from desktop.ui import backups

        self._say("")
        if backups.confirm_restore(self, path, manifest):
            self.restore_requested = path
            self.close()

    def import_file(self, path: Path | None) -> None:
        from desktop.ui.commands import ImportCommand
        from desktop.ui.import_wizard import ImportWizard  # loaded when first used

        self.tabs.setCurrentWidget(self.roster)
        wizard = ImportWizard(self.runner, self.settings, self, path=path)
        accepted = wizard.exec()
        result, planned, name = wizard.result_counts, wizard.planned, wizard.path
        wizard.deleteLater()
        if result is not None and planned is not None and (result.created or result.merged):
            # One step on Edit ▸ Undo takes the whole import back.
            self.roster.undo_stack.push(ImportCommand(
                self.runner, result, planned, name.name if name else ""))
        if accepted and result is not None:
            self._say(tr("Imported %n contractor(s), merged {merged} (Edit ▸ Undo takes the "
                         "import back)", "", result.created).format(merged=result.merged), 8000)

    def export(self, key: str) -> None:
        from desktop.ui.transfer import export_csv

        export_csv(self, self.runner, key, lambda text: self._say(text, 8000))

    def export_calendar(self) -> None:
        from desktop.ui.calendar_export import CalendarDialog

        self.calendar_dialog = CalendarDialog(self.runner, self.calendar_keeper, self)
        self.calendar_dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from desktop.ui.transfer import dropped_file

        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from desktop.ui.transfer import dropped_file

        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    def search_everything(self) -> None:
        from desktop.ui.search_dialog import SearchDialog

        dialog = SearchDialog(self.runner, self)
        dialog.open_contractor.connect(self.open_contractor)
        dialog.open_engagement.connect(self.open_engagement)
        dialog.exec()

    def new_engagement(self) -> None:
        self.tabs.setCurrentWidget(self.engagements)
        self.engagements.new_engagement()

    def edit_rules(self) -> None:
        from desktop.ui.rules_dialog import RulesDialog

        RulesDialog(self.runner, self).exec()

    def edit_profile(self) -> None:
        from desktop.ui.profile_dialog import ProfileDialog

        ProfileDialog(self.runner, self).exec()

    def edit_thresholds(self) -> None:
        from desktop.ui.thresholds_dialog import ThresholdsDialog

        ThresholdsDialog(self.runner, self).exec()

    def edit_rates(self) -> None:
        from desktop.ui.rates_dialog import RatesDialog

        RatesDialog(self.runner, self).exec()

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def about(self) -> None:
        assert self.store is not None
        show_about(self, self.folder, self.store.name)

    # --- window state --------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        state = s.value("window/state")
        if state is not None:
            self.restoreState(state)
            self._update_actions()  # the roster's toolbar follows the tab, not the last run
        self.roster.restore_settings()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        self.roster.save_settings()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is None:  # closed while its book was opening: the user quit
            self.quit_while_opening = True
            super().closeEvent(event)
            return
        self.closing.set()
        self.save_settings()
        if "reports" in self.later.views:  # not made now only to be closed
            self.reports.close_down()
        self.runner.close(10_000)
        super().closeEvent(event)


def _export_texts(key: str, title: str) -> tuple[str, str]:
    """An export's menu text and tip."""
    if key == "contractors":
        return tr("Export &contractors…"), tr("Write the contractors as CSV")
    if key == "payments":
        return tr("Export &payments…"), tr("Write the payments as CSV")
    return f"{title}…", ""
