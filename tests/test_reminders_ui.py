"""The reminder's tray icon and its window where there is no tray, and Settings ▸ Reminders…"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop.store.session import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.reminders import ReminderPrompt, ReminderTray, ReminderWindow, remind
from desktop.ui.reminders_dialog import RemindersDialog
from tests.test_reminders import overdue_and_due_today

TEXT = "3 things need you today: 2 payments overdue, 1 notice day"


def shown_window() -> ReminderWindow | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, ReminderWindow) and w.isVisible()), None)


def test_without_a_tray_a_window_says_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen has none
    prompt = ReminderPrompt(TEXT, tray_patience_ms=0)
    prompt.start()
    window = prompt.window
    assert window is not None and window.isVisible() and prompt.tray is None
    assert window.text.text() == TEXT
    with qtbot.waitSignal(prompt.done) as done:
        qtbot.mouseClick(window.open_button, Qt.MouseButton.LeftButton)
    assert done.args == [True] and prompt.opened and not window.isVisible()


def test_closing_the_window_opens_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    prompt = ReminderPrompt(TEXT, tray_patience_ms=0)
    prompt.start()
    assert prompt.window is not None
    with qtbot.waitSignal(prompt.done) as done:
        qtbot.mouseClick(prompt.window.close_button, Qt.MouseButton.LeftButton)
    assert done.args == [False] and not prompt.opened


def test_the_window_waits_for_a_tray_that_comes_up_late(qtbot) -> None:  # type: ignore[no-untyped-def]
    prompt = ReminderPrompt(TEXT, tray_patience_ms=600)
    prompt.start()
    assert prompt.window is None  # still waiting for the desktop's tray
    qtbot.waitUntil(lambda: prompt.window is not None, timeout=5_000)
    prompt.window.close()  # type: ignore[union-attr]


def test_the_tray_opens_on_its_notification_click_and_menu(qtbot) -> None:  # type: ignore[no-untyped-def]
    tray = ReminderTray(TEXT)
    assert [a.text() for a in tray.menu.actions()] == ["Open Crewbook", "Quit"]
    assert TEXT in tray.icon.toolTip()
    with qtbot.waitSignal(tray.open_requested):
        tray.icon.messageClicked.emit()
    with qtbot.waitSignal(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assertNotEmitted(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    with qtbot.waitSignal(tray.open_requested):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.quit_action.trigger()


def test_open_today_opens_the_window_on_today(qtbot, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = open_store(data_folder)
    overdue_and_due_today(opened.store, dt.date.today())
    opened.store.close()
    seen: list[str] = []

    def click_open_today() -> None:
        window = shown_window()
        if window is None:
            QTimer.singleShot(20, click_open_today)
            return
        seen.append(window.text.text())
        window.open_button.click()
        QTimer.singleShot(0, close_on_today)

    def close_on_today() -> None:
        main = next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible() and w.store is not None),
                    None)
        if main is None or "need you today" not in main.dashboard.summary.text():
            QTimer.singleShot(20, close_on_today)
            return
        seen.append("Today" if main.tabs.currentWidget() is main.dashboard else "elsewhere")
        main.close()

    QTimer.singleShot(0, click_open_today)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert remind(TEXT, data_folder, settings=settings, tray_patience_ms=0) == 0
    assert seen == [TEXT, "Today"]
    assert QApplication.quitOnLastWindowClosed()


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setattr("sys.platform", "linux")
    return config / "autostart" / "crewbook-reminders.desktop"


def test_settings_turns_the_reminder_at_login_on_and_off(qtbot, data_folder: Path,  # type: ignore[no-untyped-def]
                                                          linux: Path) -> None:
    dialog = RemindersDialog(data_folder)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.check.isChecked()
    dialog.check.click()
    assert linux.is_file() and "reminders" in linux.read_text()
    assert dialog.where.text() == f"Written to {linux}"
    again = RemindersDialog(data_folder)  # opened later, it shows what is set up
    qtbot.addWidget(again)
    assert again.check.isChecked() and str(linux) in again.where.text()
    again.check.click()
    assert not linux.exists() and again.where.text() == f"Removed {linux}"


def test_settings_says_plainly_when_it_cannot_write(qtbot, data_folder: Path, linux: Path) -> None:  # type: ignore[no-untyped-def]
    linux.parent.parent.write_text("")  # a file where the folder should be
    dialog = RemindersDialog(data_folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check.click()
    assert not dialog.check.isChecked()
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith(f"Crewbook could not write {linux}")


def test_a_window_already_open_turns_to_today_when_asked(qtbot, store, data_folder: Path,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    window = MainWindow(store, data_folder,
                        QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.planner)
    window.show_view("settings")
    assert window.tabs.currentWidget() is window.planner
    window.show_view("today")
    assert window.tabs.currentWidget() is window.dashboard
    window.runner.wait()


def test_settings_menu_opens_reminders(qtbot, store, data_folder: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                       monkeypatch) -> None:
    window = MainWindow(store, data_folder,
                        QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Settings")
    assert window.reminders_action in menu.actions()
    shown: list[Path | None] = []
    monkeypatch.setattr(RemindersDialog, "exec", lambda self: shown.append(self.folder))
    window.reminders_action.trigger()
    assert shown == [data_folder]
    window.runner.wait()
