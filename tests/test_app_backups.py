"""The window's side of backups: File ▸ Back up…, File ▸ Restore from backup… (a new window
opens on the restored data), the daily automatic backup, Settings ▸ Backups…, a book that
cannot open offered a restore, and two copies started at the same moment."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.operations.backup import automatic_backups, back_up
from desktop.store import contractors, demo
from desktop.store.lock import FolderLock
from desktop.store.paths import backup_dir, db_path
from desktop.store.session import open_store
from desktop.ui import app as app_module
from desktop.ui import ask, backups
from desktop.ui.main_window import MainWindow
from tests.factories import make_contractor
from tests.test_single_instance import PEER, ROOT, stop


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def saved_book(data_folder: Path, tmp_path: Path) -> Path:
    """A book with the demo roster, backed up; then one more contractor added after it."""
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    archive = back_up(opened.store, data_folder, tmp_path / "saved.zip")
    contractors.create(opened.store, make_contractor(display_name="After the backup"))
    opened.store.close()
    return archive


def on_each_window(*steps: Callable[[MainWindow], None], rows: bool = True) -> list[MainWindow]:
    """Run ``steps[n]`` on the n-th window once its roster is in (``rows=False``: once it is
    up, for an empty book); returns the windows seen."""
    seen: list[MainWindow] = []

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w not in seen and w.store is not None
                   and (w.roster.model.rowCount() or not rows)]
        if windows:
            seen.append(windows[0])
            steps[len(seen) - 1](windows[0])
            if len(seen) < len(steps):
                QTimer.singleShot(20, poll)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def names_in(window: MainWindow) -> set[str]:
    model = window.roster.model
    return {model.row_at(r).display_name for r in range(model.rowCount())}


def test_restore_from_the_window_reopens_on_the_restored_data(
        qtbot, data_folder: Path, saved_book: Path, settings: QSettings,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "choose_backup", lambda _parent, _folder: saved_book)
    monkeypatch.setattr(backups, "confirm_restore", lambda *_a: True)
    before: list[set[str]] = []
    after: list[set[str]] = []
    notes: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda _p, text, *_a: notes.append(text))

    def first(window: MainWindow) -> None:
        before.append(names_in(window))
        window.restore_action.trigger()

    def second(window: MainWindow) -> None:
        after.append(names_in(window))
        window.close()

    windows = on_each_window(first, second)
    assert app_module.run(data_folder, settings) == 0
    assert len(windows) == 2
    assert "After the backup" in before[0]
    assert "After the backup" not in after[0] and len(after[0]) == len(demo.demo_roster())
    assert notes[0].startswith("Restored the backup of ") and "kept at" in notes[0]
    FolderLock(data_folder).acquire().release()


def test_back_up_from_the_file_menu(qtbot, data_folder: Path, settings: QSettings,  # type: ignore[no-untyped-def]
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mine.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    open_store(data_folder).store.close()
    store = open_store(data_folder).store
    window = MainWindow(store, data_folder, settings)
    qtbot.addWidget(window)
    window.load()
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: f"Backed up to {target}" in said, timeout=10_000)
    assert target.is_file()
    window.close()
    store.close()


def test_the_daily_backup_is_taken_once_the_book_is_checked(
        qtbot, data_folder: Path, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    open_store(data_folder).store.close()
    taken: list[int] = []

    def wait_for_backup(window: MainWindow) -> None:
        def poll() -> None:
            if automatic_backups(data_folder):
                taken.append(len(automatic_backups(data_folder)))
                window.close()
            else:
                QTimer.singleShot(20, poll)
        poll()

    on_each_window(wait_for_backup, rows=False)
    assert app_module.run(data_folder, settings) == 0
    assert taken == [1]


def test_no_daily_backup_when_turned_off(qtbot, data_folder: Path, settings: QSettings,  # type: ignore[no-untyped-def]
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(data_folder).store.close()
    dialog = backups.BackupSettingsDialog(settings, data_folder)
    qtbot.addWidget(dialog)
    assert dialog.keep.value() == 7
    dialog.keep.setValue(0)
    assert dialog.keep.text() == "no automatic backups"
    dialog.accept()
    assert backups.keep_setting(settings) == 0
    on_each_window(lambda w: QTimer.singleShot(500, w.close), rows=False)
    assert app_module.run(data_folder, settings) == 0
    assert automatic_backups(data_folder) == []


def test_an_empty_database_is_offered_a_restore(
        qtbot, data_folder: Path, saved_book: Path, settings: QSettings,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    for leftover in data_folder.glob("crewbook.sqlite3*"):
        leftover.unlink()
    db_path(data_folder).touch()
    asked: list[str] = []

    def choose(_parent, _title, text, options, default=0):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Restore from backup…"

    monkeypatch.setattr(ask, "choose", choose)
    monkeypatch.setattr(app_module, "choose_backup", lambda _parent, _folder: saved_book)
    shown: list[set[str]] = []
    on_each_window(lambda w: (shown.append(names_in(w)), w.close()))
    assert app_module.run(data_folder, settings) == 0
    assert "is empty (0 bytes)" in asked[0]
    assert len(shown[0]) == len(demo.demo_roster())


def test_a_damaged_database_can_be_set_aside_for_a_new_book(
        qtbot, data_folder: Path, settings: QSettings, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db_path(data_folder).write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    monkeypatch.setattr(ask, "choose", lambda *_a, **_k: "Start a new book")
    informed: list[str] = []
    monkeypatch.setattr(ask, "inform", lambda _p, text, *_a: informed.append(text))
    shown: list[int] = []
    on_each_window(lambda w: QTimer.singleShot(
        300, lambda: (shown.append(w.roster.model.rowCount()), w.close())), rows=False)
    assert app_module.run(data_folder, settings) == 0
    assert shown == [0]
    kept = next(backup_dir(data_folder).glob("unusable-*/crewbook.sqlite3"))
    assert kept.read_bytes().startswith(b"SQLite format 3\x00\xff\xff")
    assert str(kept.parent) in informed[0]


def test_two_copies_started_at_the_same_moment(  # type: ignore[no-untyped-def]
        qtbot, data_folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The copy that lost the lock found the winner not yet listening: it keeps trying, hands
    over once the winner listens, and exits; no box waits for a click."""
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: boxes.append(text))
    winner: list[subprocess.Popen[str]] = []

    def start_listening_late() -> None:
        time.sleep(1.5)
        winner.append(subprocess.Popen([sys.executable, "-c", PEER, str(data_folder), "1"],
                                       cwd=ROOT, text=True, stdout=subprocess.PIPE))

    late = threading.Thread(target=start_listening_late)
    with FolderLock(data_folder):  # the winner has the folder, its server not up yet
        late.start()
        assert app_module.run(data_folder) == 0
        late.join()
        stop(winner[0], data_folder)
    assert boxes == []
    assert winner[0].stdout is not None
    assert winner[0].stdout.read().splitlines() == ["listening", "[]"]
    assert "already open" in capsys.readouterr().out


def test_damage_found_after_start_can_be_restored_over(
        qtbot, data_folder: Path, saved_book: Path, settings: QSettings,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.store.db import Damaged

    scans: list[Path] = []
    first_seen = threading.Event()

    def damaged_once(path: Path, _stop: object = None) -> None:
        scans.append(path)
        if len(scans) == 1:
            first_seen.wait(10)  # the damage closes the window: not before the test has seen it
            raise Damaged(f"{path} is damaged (page 7: btreeInitPage() returned error 11).", "")

    monkeypatch.setattr(app_module, "check_integrity", damaged_once)
    monkeypatch.setattr(ask, "choose", lambda *_a, **_k: "Restore from backup…")
    monkeypatch.setattr(app_module, "choose_backup", lambda _parent, _folder: saved_book)
    monkeypatch.setattr(ask, "inform", lambda *_a: None)
    shown: list[set[str]] = []
    on_each_window(lambda _w: first_seen.set(), lambda w: (shown.append(names_in(w)), w.close()))
    assert app_module.run(data_folder, settings) == 0
    assert len(scans) == 2
    assert "After the backup" not in shown[0] and len(shown[0]) == len(demo.demo_roster())
