"""A bare start puts the window on screen before its book opens, saying so, and fills it in
once the book is open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QLabel

import desktop.store.session as session
from desktop.store import demo
from desktop.store.db import Store
from desktop.store.lock import FolderLock
from desktop.store.session import open_store
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def test_the_window_says_the_book_is_opening_until_it_is_attached(
        qtbot, store: Store, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(None, data_folder, _settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(QLabel, "opening").text() == "Opening your book…"
    assert window.menuBar().actions() == []  # nothing to act on yet
    window.close()  # closing it now saves nothing and fails on nothing
    window.show()

    window.attach(store)
    with qtbot.waitSignal(window.roster_loaded, timeout=10_000):
        window.load()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == \
        ["Today", "Contractors", "Engagements", "Planner", "Reports"]
    assert [a.text() for a in window.menuBar().actions()] == \
        ["&File", "&Edit", "&View", "&Settings", "&Help"]


def test_run_shows_the_window_before_it_opens_the_book(
        qtbot, data_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()
    seen: list[tuple[bool, str]] = []
    original = session.open_store

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.extend((w.store is None, w.findChild(QLabel, "opening").text())
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible())
        return original(*args, **kwargs)

    monkeypatch.setattr(session, "open_store", watched)
    rows: list[int] = []

    def close_when_loaded() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.store is not None and w.isVisible()]
        if windows and windows[0].roster.model.rowCount():
            rows.append(windows[0].roster.model.rowCount())
            windows[0].close()
        else:
            QTimer.singleShot(20, close_when_loaded)

    QTimer.singleShot(0, close_when_loaded)
    assert app_module.run(data_folder, _settings(tmp_path)) == 0
    assert seen == [(True, "Opening your book…")]
    assert rows == [len(demo.demo_roster())]


def test_closing_the_window_while_the_book_opens_quits(
        qtbot, data_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    original = session.open_store

    def closed_first(*args, **kwargs):  # type: ignore[no-untyped-def]
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                window.close()  # as the user would, on the window saying the book is opening
        return original(*args, **kwargs)

    monkeypatch.setattr(session, "open_store", closed_first)
    assert app_module.run(data_folder, _settings(tmp_path)) == 0  # and does not wait forever
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible()]
    FolderLock(data_folder).acquire().release()  # freed
