"""A New engagement action with its shortcut, a toolbar that follows the tab, and Help with
the keyboard shortcuts (read from the window's actions) and a getting-started guide."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.store import demo
from desktop.store.db import Store
from desktop.ui.help_dialogs import GettingStartedDialog, ShortcutsDialog
from desktop.ui.main_window import MainWindow


def window(qtbot, store: Store, folder: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(store, folder, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.roster_loaded, timeout=10_000):
        win.load()
    return win


def test_new_engagement_has_a_shortcut_and_opens_on_its_tab(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                            data_folder: Path, tmp_path: Path,
                                                            monkeypatch) -> None:
    demo.load_demo(store)
    win = window(qtbot, store, data_folder, tmp_path)
    opened: list[bool] = []
    monkeypatch.setattr(win.engagements, "new_engagement", lambda: opened.append(True))
    assert win.new_engagement_action.shortcut().toString() == "Ctrl+Shift+N"
    win.new_engagement_action.trigger()
    assert opened and win.tabs.currentWidget() is win.engagements
    # The roster's selection tools leave the toolbar off the Contractors tab.
    assert not win.roster_toolbar.isVisible()
    win.tabs.setCurrentWidget(win.roster)
    assert win.roster_toolbar.isVisible()
    win.runner.wait()


def test_shortcuts_are_listed_from_the_actions_themselves(qtbot, store: Store,  # type: ignore[no-untyped-def]
                                                          data_folder: Path,
                                                          tmp_path: Path) -> None:
    win = window(qtbot, store, data_folder, tmp_path)
    dialog = ShortcutsDialog(win.actions(), win)
    qtbot.addWidget(dialog)
    listed = {dialog.table.item(i, 0).text(): dialog.table.item(i, 1).text()
              for i in range(dialog.table.rowCount())}
    assert listed["New engagement"] == "Ctrl+Shift+N"
    assert listed["Import contractors"] == "Ctrl+I"
    assert all(keys for keys in listed.values())
    guide = GettingStartedDialog(win)
    qtbot.addWidget(guide)
    assert "Remove demo data" in guide.findChild(type(guide.layout().itemAt(0).widget())).text()
    win.runner.wait()
