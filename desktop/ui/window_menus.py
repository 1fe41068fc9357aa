"""The window's menus and toolbars, laid out from the actions the window made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar

from desktop.ui.i18n import tr

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def lay_out_menus(window: MainWindow, tab_actions: list[QAction]) -> tuple[QToolBar, QToolBar]:
    """The menu bar; returns the main toolbar and the roster's own (shown on the Contractors
    tab)."""
    roster = window.roster
    menu = window.menuBar()
    if window.folder is None:  # a server is backed up by its own tools
        for action in (window.backup_action, window.restore_action, window.backup_settings_action,
                       window.open_folder_action):
            action.setEnabled(False)
            action.setToolTip(tr("A team database is backed up on its server (pg_dump)"))
    file_menu = menu.addMenu(tr("&File"))
    file_menu.addActions([roster.new_action, window.new_engagement_action, window.import_action])
    file_menu.addSeparator()
    file_menu.addActions(list(window.export_actions.values()))
    file_menu.addAction(window.export_calendar_action)
    file_menu.addSeparator()
    file_menu.addActions([window.backup_action, window.restore_action, window.open_folder_action])
    file_menu.addSeparator()
    file_menu.addActions([window.connect_action, window.local_action])
    file_menu.addSeparator()
    file_menu.addActions([window.load_demo_action, window.remove_demo_action])
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    edit_menu = menu.addMenu(tr("&Edit"))
    edit_menu.addActions([roster.undo_action, roster.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions([roster.edit_action, roster.archive_action, roster.restore_action])
    edit_menu.addSeparator()
    edit_menu.addActions([window.find_action, window.search_action])
    view_menu = menu.addMenu(tr("&View"))
    view_menu.addActions(tab_actions)
    view_menu.addSeparator()
    view_menu.addAction(roster.show_archived_action)
    settings_menu = menu.addMenu(tr("&Settings"))
    settings_menu.addActions([window.profile_action, window.rules_action, window.thresholds_action,
                              window.rates_action, window.backup_settings_action])
    settings_menu.addAction(window.reminders_action)
    settings_menu.addAction(window.language_action)
    help_menu = menu.addMenu(tr("&Help"))
    help_menu.addActions([window.getting_started_action, window.shortcuts_action,
                          window.log_folder_action, window.about_action])

    toolbar = window.addToolBar(tr("Main", "toolbar"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions([roster.new_action, window.new_engagement_action, window.import_action,
                        window.search_action])
    # What acts on the roster's selection: its own toolbar, shown on the Contractors tab.
    tools = window.addToolBar(tr("Contractors"))
    tools.setObjectName("rosterToolbar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tools.addActions([roster.edit_action, roster.archive_action, roster.restore_action])
    tools.addSeparator()
    tools.addActions([roster.undo_action, roster.redo_action])
    return toolbar, tools
