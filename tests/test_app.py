"""Start-up through desktop.ui.app.run: a usable window, or a clear refusal that harms nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.store import contractors, demo
from desktop.store.lock import FolderLock
from desktop.store.paths import db_path
from desktop.store.session import open_store
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    return shown


def close_when_loaded(found: list[MainWindow]) -> None:
    """Once the window exists and has its rows, note it and close it like a user would."""

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible()]
        if windows and windows[0].model.rowCount():
            found.append(windows[0])
            windows[0].close()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_run_opens_the_roster_and_releases_the_folder_on_quit(
        qtbot, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    found: list[MainWindow] = []
    close_when_loaded(found)
    assert app_module.run(data_folder, settings) == 0
    assert found and found[0].model.rowCount() == len(demo.demo_roster())
    assert settings.value("window/geometry") is not None
    FolderLock(data_folder).acquire().release()  # freed for the next start


def test_second_instance_is_refused_with_a_message(
        qtbot, data_folder: Path, critical: list[str]) -> None:  # type: ignore[no-untyped-def]
    with FolderLock(data_folder):
        assert app_module.run(data_folder) == 1
    assert critical and "already open" in critical[0]


def test_unreadable_database_is_reported_and_left_untouched(
        qtbot, data_folder: Path, critical: list[str]) -> None:  # type: ignore[no-untyped-def]
    db_path(data_folder).write_bytes(b"\x00garbage" * 512)
    assert app_module.run(data_folder) == 1
    assert "not a Crewbook database" in critical[0]
    assert db_path(data_folder).read_bytes() == b"\x00garbage" * 512
    FolderLock(data_folder).acquire().release()


def test_data_is_intact_after_a_restart(qtbot, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    first = contractors.list_rows(opened.store)[0]
    contractors.set_archived(opened.store, first.id, True, first.version)
    opened.store.close()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    for _ in range(2):
        found: list[MainWindow] = []
        close_when_loaded(found)
        assert app_module.run(data_folder, settings) == 0
        assert found[0].model.total(include_archived=True) == len(demo.demo_roster())
        assert found[0].model.total() == len(demo.demo_roster()) - 1


def test_damage_found_after_start_is_reported_and_the_app_exits(
        qtbot, data_folder: Path, critical: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.store.errors import StoreError

    open_store(data_folder).store.close()

    def damaged(_path: Path) -> None:
        raise StoreError("crewbook.sqlite3 is damaged (page 7: btreeInitPage() returned error 11)")

    monkeypatch.setattr(app_module, "check_integrity", damaged)
    assert app_module.run(data_folder) == 1
    assert critical and "is damaged" in critical[0]
