"""The background integrity scan: closing the window stops it at once, and a scan cut short
is recorded as unfinished and runs whole again at the next start."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.store import db, demo
from desktop.store.db import Damaged, StopFlag, check_integrity
from desktop.store.paths import db_path
from desktop.store.scan_record import (
    CLEAN,
    DAMAGED,
    UNFINISHED,
    last_scan,
    record_path,
)
from desktop.store.session import open_store
from desktop.ui import app as app_module
from desktop.ui.main_window import MainWindow


def a_book(folder: Path, rows: int = 2000) -> Path:
    path = folder / "book.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("CREATE INDEX t_name ON t (name)")
    con.executemany("INSERT INTO t (name) VALUES (?)", ((f"name {i}" * 4,) for i in range(rows)))
    con.commit()
    con.close()
    return path


class StopAfter:
    """A stop flag that turns itself on after ``steps`` looks: a close in the middle of a scan."""

    def __init__(self, steps: int) -> None:
        self.steps, self.looks = steps, 0

    def is_set(self) -> bool:
        self.looks += 1
        return self.looks > self.steps


@pytest.fixture
def every_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "_STOP_CHECK_STEPS", 1)


def test_a_whole_scan_is_recorded_clean(tmp_path: Path) -> None:
    path = a_book(tmp_path)
    assert check_integrity(path, threading.Event()) is True
    record = last_scan(path)
    assert record is not None and record.state == CLEAN


def test_a_scan_stopped_midway_ends_early_and_is_recorded_unfinished(
        tmp_path: Path, every_step: None) -> None:
    path = a_book(tmp_path)
    whole = StopAfter(10**9)
    assert check_integrity(path, whole) is True  # type: ignore[arg-type]
    assert last_scan(path).state == CLEAN  # type: ignore[union-attr]
    stop = StopAfter(50)
    assert check_integrity(path, stop) is False  # type: ignore[arg-type]
    # It ended at the first look after the flag was set (and one more to see why).
    assert stop.looks <= 52 < whole.looks
    record = last_scan(path)
    assert record is not None and record.state == UNFINISHED


def test_the_scan_stops_at_once_when_the_flag_is_already_set(tmp_path: Path) -> None:
    path = a_book(tmp_path, rows=20_000)
    stop = threading.Event()
    stop.set()
    assert check_integrity(path, stop) is False
    assert last_scan(path).state == UNFINISHED  # type: ignore[union-attr]


def test_a_damaged_file_is_refused_and_recorded(tmp_path: Path) -> None:
    path = a_book(tmp_path, rows=20_000)
    with path.open("r+b") as fh:  # scribble over a page in the middle of the table
        fh.seek(4096 * 5 + 100)
        fh.write(b"\xff" * 2000)
    with pytest.raises(Damaged):
        check_integrity(path, threading.Event())
    assert last_scan(path).state == DAMAGED  # type: ignore[union-attr]


def test_without_a_stop_flag_the_scan_leaves_no_record(tmp_path: Path) -> None:
    path = a_book(tmp_path)
    assert check_integrity(path) is True
    assert not record_path(path).exists()


def test_a_missing_or_unreadable_record_means_never_scanned(tmp_path: Path) -> None:
    path = a_book(tmp_path)
    assert last_scan(path) is None
    record_path(path).write_text("{not json", encoding="utf-8")
    assert last_scan(path) is None


class HeldOpen:
    """The window's stop flag around a scan that cannot finish on its own for a while: its
    first look waits for the flag (up to 30 s), so only a close that sets it ends the scan
    before it completes."""

    def __init__(self, flag: threading.Event, started: threading.Event) -> None:
        self.flag, self.started = flag, started

    def is_set(self) -> bool:
        self.started.set()
        return self.flag.wait(30)


def test_closing_the_window_stops_the_scan_and_the_next_start_scans_again(
        qtbot, data_folder: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch, every_step: None) -> None:
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()
    path = db_path(data_folder)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    started = threading.Event()
    outcomes: list[bool] = []

    def held(scanned: Path, flag: threading.Event) -> bool:
        outcomes.append(check_integrity(scanned, HeldOpen(flag, started)))  # type: ignore[arg-type]
        return outcomes[-1]

    monkeypatch.setattr(app_module, "check_integrity", held)

    def close_once_scanning() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.store is not None]
        if windows and started.is_set():
            windows[0].close()
        else:
            QTimer.singleShot(20, close_once_scanning)

    QTimer.singleShot(0, close_once_scanning)
    assert app_module.run(data_folder, settings) == 0
    assert outcomes == [False]  # stopped by the close, not finished
    assert last_scan(path).state == UNFINISHED  # type: ignore[union-attr]

    monkeypatch.setattr(app_module, "check_integrity", check_integrity)
    finished: list[MainWindow] = []

    def close_once_scanned() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.store is not None]
        record = last_scan(path)
        if windows and record is not None and record.state == CLEAN:
            finished.append(windows[0])
            windows[0].close()
        else:
            QTimer.singleShot(20, close_once_scanned)

    QTimer.singleShot(0, close_once_scanned)
    assert app_module.run(data_folder, settings) == 0
    assert finished and last_scan(path).state == CLEAN  # type: ignore[union-attr]


def test_setting_a_stop_flag_interrupts_the_statements_watching_it(tmp_path: Path) -> None:
    # A progress handler is not called while SQLite walks a table's pages, so closing
    # interrupts the scan's statement directly; only that interrupt can end this one.
    flag = StopFlag()
    running = threading.Event()
    outcome: list[str] = []

    def endless() -> None:
        con = sqlite3.connect(tmp_path / "endless.sqlite3")
        con.set_progress_handler(lambda: running.set(), 1000)  # only notes that it runs
        try:
            with flag.watching(con):
                con.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                            "SELECT count(*) FROM n").fetchone()
            outcome.append("finished")
        except sqlite3.OperationalError as exc:
            outcome.append(str(exc))
        finally:
            con.close()

    worker = threading.Thread(target=endless, daemon=True)
    worker.start()
    assert running.wait(30)
    flag.set()
    worker.join(30)
    assert outcome == ["interrupted"]
