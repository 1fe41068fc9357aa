"""Start-up through desktop.ui.app.run: a usable window, or a clear refusal that harms nothing."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.store import contractors, demo
from desktop.store.lock import FolderLock
from desktop.store.paths import db_path
from desktop.store.session import open_store
from desktop.ui import app as app_module
from desktop.ui import ask, single_instance
from desktop.ui.main_window import MainWindow
from tests.test_single_instance import peer_in_child, requests_heard


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    return shown


def close_when_loaded(found: list[MainWindow]) -> None:
    """Once the window exists and has its rows, note it and close it like a user would."""

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.store is not None]
        if windows and windows[0].roster.model.rowCount():
            found.append(windows[0])
            windows[0].close()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_the_collector_waits_while_starting_and_skips_what_starting_made(
        qtbot, data_folder: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import gc

    seen: dict[str, object] = {}
    build = MainWindow.attach

    def attach(window: MainWindow, store) -> None:  # type: ignore[no-untyped-def]
        seen["building"] = gc.isenabled()
        build(window, store)

    def load(window: MainWindow) -> None:
        seen["loading"] = (gc.isenabled(), gc.get_freeze_count() > 0)
        QTimer.singleShot(0, window.close)

    monkeypatch.setattr(MainWindow, "attach", attach)
    monkeypatch.setattr(MainWindow, "load", load)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert gc.isenabled()
    assert app_module.run(data_folder, settings) == 0
    assert seen == {"building": False, "loading": (True, True)}
    assert gc.isenabled() and gc.get_freeze_count() == 0  # as it was before


def test_run_opens_the_roster_and_releases_the_folder_on_quit(
        qtbot, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    found: list[MainWindow] = []
    close_when_loaded(found)
    assert app_module.run(data_folder, settings) == 0
    assert found and found[0].roster.model.rowCount() == len(demo.demo_roster())
    assert settings.value("window/geometry") is not None
    FolderLock(data_folder).acquire().release()  # freed for the next start


def test_second_instance_is_refused_with_a_message(
        qtbot, data_folder: Path, critical: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(app_module, "HAND_OVER_PATIENCE_S", 0.5)
    with FolderLock(data_folder):
        assert app_module.run(data_folder) == 1
    assert critical and "already open" in critical[0]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """The start-up's rescue question, answered "Quit"."""
    questions: list[tuple[str, list[str]]] = []

    def choose(_parent, _title, text, options, default=0):  # type: ignore[no-untyped-def]
        questions.append((text, options))
        return "Quit"

    monkeypatch.setattr(ask, "choose", choose)
    return questions


def test_unreadable_database_is_reported_and_left_untouched(
        qtbot, data_folder: Path, asked: list[tuple[str, list[str]]]) -> None:  # type: ignore[no-untyped-def]
    db_path(data_folder).write_bytes(b"\x00garbage" * 512)
    assert app_module.run(data_folder) == 1
    text, options = asked[0]
    assert "not a Crewbook database" in text
    assert options == ["Restore from backup…", "Start a new book", "Quit"]
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
        assert found[0].roster.model.total(include_archived=True) == len(demo.demo_roster())
        assert found[0].roster.model.total() == len(demo.demo_roster()) - 1


def test_damage_found_after_start_is_reported_and_the_app_exits(
        qtbot, data_folder: Path, critical: list[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.store.errors import StoreError

    open_store(data_folder).store.close()

    def damaged(_path: Path, _stop: object = None) -> None:
        raise StoreError("crewbook.sqlite3 is damaged (page 7: btreeInitPage() returned error 11)")

    monkeypatch.setattr(app_module, "check_integrity", damaged)
    assert app_module.run(data_folder) == 1
    assert critical and "is damaged" in critical[0]


# --- one window per data folder ----------------------------------------------------------------
def when_loaded(then: Callable[[MainWindow], None]) -> None:
    """Once the window is up with its rows, call ``then`` with it (from the event loop)."""

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                   and w.isVisible() and w.store is not None and w.roster.model.complete]
        if windows:
            then(windows[0])
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture
def imported(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool, int]]:
    """The import wizard, stubbed: notes the file, whether the window was up with its rows,
    and closes the window so that run() returns."""
    calls: list[tuple[Path, bool, int]] = []

    def import_file(window: MainWindow, path: Path | None) -> None:
        assert path is not None
        calls.append((path, window.isVisible(), window.roster.model.rowCount()))
        window.close()

    monkeypatch.setattr(MainWindow, "import_file", import_file)
    return calls


@pytest.fixture
def demo_folder(data_folder: Path) -> Path:
    opened = open_store(data_folder)
    demo.load_demo(opened.store)
    opened.store.close()
    return data_folder


@pytest.fixture
def contacts(tmp_path: Path) -> Path:
    path = tmp_path / "contacts.csv"
    path.write_text("name,email\nAda Lovelace,ada@example.com\n", encoding="utf-8")
    return path


def test_run_with_a_file_opens_the_wizard_once_the_roster_is_in(  # type: ignore[no-untyped-def]
        qtbot, demo_folder: Path, tmp_path: Path, contacts: Path,
        imported: list[tuple[Path, bool, int]]) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert app_module.run(demo_folder, settings, open_files=[contacts]) == 0
    assert imported == [(contacts, True, len(demo.demo_roster()))]


def test_a_request_from_a_second_copy_reaches_the_window(  # type: ignore[no-untyped-def]
        qtbot, demo_folder: Path, tmp_path: Path, contacts: Path,
        imported: list[tuple[Path, bool, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    raised: list[MainWindow] = []
    monkeypatch.setattr(app_module, "bring_to_front",
                        lambda w: (raised.append(w), single_instance.bring_to_front(w)))
    sockets: list[QLocalSocket] = []

    def second_copy(window: MainWindow) -> None:
        window.showMinimized()
        sock = QLocalSocket()
        sock.connectToServer(single_instance.server_name(demo_folder))
        sock.write(single_instance.encode_request([contacts]))
        sockets.append(sock)

    when_loaded(second_copy)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert app_module.run(demo_folder, settings) == 0
    assert imported == [(contacts, True, len(demo.demo_roster()))]
    assert len(raised) == 1 and not raised[0].isMinimized()
    answer = bytearray()
    qtbot.waitUntil(lambda: answer.extend(sockets[0].readAll().data()) or b"\n" in answer,
                    timeout=5000)
    assert answer == single_instance.ACK
    # The server went with the window: the next copy finds nobody and takes the folder.
    assert not single_instance.hand_over(demo_folder, [], timeout_ms=500)


def test_a_second_copy_hands_over_to_the_first_and_exits(  # type: ignore[no-untyped-def]
        qtbot, data_folder: Path, contacts: Path, critical: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    with FolderLock(data_folder), peer_in_child(data_folder, requests=2) as first:
        assert app_module.run(data_folder, open_files=[contacts]) == 0
        assert app_module.run(data_folder) == 0
    assert critical == []
    assert requests_heard(first) == [[str(contacts)], []]
    assert capsys.readouterr().out == (
        f"Crewbook is already open on {data_folder}; opened {contacts} there.\n"
        f"Crewbook is already open on {data_folder}; brought its window to the front.\n")


def test_nobody_answering_is_still_a_refusal(  # type: ignore[no-untyped-def]
        qtbot, data_folder: Path, contacts: Path, critical: list[str],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "HAND_OVER_PATIENCE_S", 0.5)
    with FolderLock(data_folder):  # e.g. `crewbook db upgrade` running
        assert app_module.run(data_folder, open_files=[contacts]) == 1
    assert critical and "already open" in critical[0]
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("crewbook: error: Crewbook is already open on ")


def test_file_open_events_reach_the_import_wizard(  # type: ignore[no-untyped-def]
        qtbot, demo_folder: Path, tmp_path: Path, contacts: Path,
        imported: list[tuple[Path, bool, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "FILE_OPEN_EVENTS", True)  # as on macOS
    app = QApplication.instance()
    when_loaded(lambda _w: QApplication.postEvent(app, QFileOpenEvent(str(contacts))))
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert app_module.run(demo_folder, settings) == 0
    assert imported == [(contacts, True, len(demo.demo_roster()))]


def test_file_open_filter(qtbot, contacts: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    heard: list[list[Path]] = []
    opener = app_module.FileOpenFilter(heard.append)
    app.installEventFilter(opener)
    try:
        QApplication.postEvent(app, QFileOpenEvent(str(contacts)))
        QApplication.postEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(contacts))))
        QApplication.postEvent(app, QFileOpenEvent(QUrl("https://example.com/a.csv")))
        qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
        qtbot.wait(50)
    finally:
        app.removeEventFilter(opener)
    assert heard == [[contacts], [contacts]]


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM ends a program on POSIX systems")
def test_sigterm_closes_the_window_like_a_user_and_exits_cleanly(
        qtbot, data_folder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    before = signal.getsignal(signal.SIGTERM)

    def poll() -> None:
        if any(isinstance(w, MainWindow) and w.isVisible() and w.store is not None
               for w in QApplication.topLevelWidgets()):
            os.kill(os.getpid(), signal.SIGTERM)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    assert app_module.run(data_folder, settings) == 0
    assert settings.value("window/geometry") is not None  # saved by the window's close
    assert signal.getsignal(signal.SIGTERM) is before
    FolderLock(data_folder).acquire().release()

