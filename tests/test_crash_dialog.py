"""Unexpected errors: logged with their traceback, one dialog at a time, and the app goes on."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop import __version__
from desktop.store.logfile import start_logging, stop_logging
from desktop.ui.crash import (
    UnexpectedErrorDialog,
    install_excepthook,
    show_log_folder,
    show_unexpected_error,
)
from tests.log_helpers import log_text, own_log_folder


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    with own_log_folder(tmp_path / "logs", monkeypatch) as folder:
        yield folder


def open_dialogs() -> list[UnexpectedErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, UnexpectedErrorDialog) and w.isVisible()]


def dialog_text(dialog: UnexpectedErrorDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


@pytest.fixture(autouse=True)
def _no_dialog_left() -> Iterator[None]:
    yield
    for dialog in open_dialogs():
        dialog.reject()


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def logged(log_folder: Path) -> Path:
    start_logging(log_folder)
    return log_folder


@pytest.fixture
def hooked(window: QWidget, logged: Path,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """Our hooks installed over Python's own, as in the app (pytest-qt's and pytest's, which
    ours would call too, come back after)."""
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    restore = install_excepthook(lambda: window)
    yield restore
    restore()


def error_in_a_slot(message: str = "no contractor “Maya Okafor” <maya@example.com>") -> (
        tuple[type[BaseException], BaseException, object]):
    """A real exception and its traceback, as Qt hands one from a slot to sys.excepthook."""
    try:
        raise LookupError(message)
    except LookupError as exc:
        return type(exc), exc, exc.__traceback__


def test_an_uncaught_error_is_logged_and_explained(qtbot, window: QWidget, hooked,  # type: ignore[no-untyped-def]
                                                   logged: Path) -> None:
    assert open_dialogs() == []
    sys.excepthook(*error_in_a_slot())

    [dialog] = open_dialogs()
    assert dialog.parent() is window
    assert dialog.windowTitle() == "Unexpected error"
    words = dialog_text(dialog)
    assert "Something went wrong" in words
    assert "Nothing you had saved was lost" in words
    assert str(logged / "crewbook.log") in words

    written = log_text(logged)
    assert "ERROR desktop.ui.crash [MainThread] Unexpected error: LookupError" in written
    assert "in error_in_a_slot" in written
    assert "LookupError: no contractor “…” <<email>>" in written
    assert "Maya" not in written and "maya@example.com" not in written

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied.startswith(f"Crewbook {__version__}\nPython ")
    assert "Traceback (most recent call last)" in copied and "in error_in_a_slot" in copied
    assert copied.rstrip().endswith("LookupError: no contractor “…” <<email>>")
    assert dialog.isVisible()  # copying leaves it open

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert open_dialogs() == []
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])  # the event loop goes on


def test_an_error_raised_in_a_timer_goes_through_the_hook(qtbot, hooked, logged: Path) -> None:  # type: ignore[no-untyped-def]
    def tick() -> None:
        raise RuntimeError("from a timer")

    QTimer.singleShot(0, tick)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    assert "RuntimeError: from a timer" in log_text(logged)


def test_a_second_error_while_the_dialog_is_open_is_logged_only(qtbot, hooked,  # type: ignore[no-untyped-def]
                                                                logged: Path) -> None:
    sys.excepthook(*error_in_a_slot("first"))
    sys.excepthook(*error_in_a_slot("second"))
    [dialog] = open_dialogs()
    assert "LookupError: first" in dialog.details
    written = log_text(logged)
    assert "LookupError: first" in written and "LookupError: second" in written

    dialog.accept()
    sys.excepthook(*error_in_a_slot("third"))  # once closed, the next error shows again
    [dialog] = open_dialogs()
    assert "LookupError: third" in dialog.details


def test_an_error_in_a_thread_is_shown_from_the_gui_thread(qtbot, hooked, logged: Path) -> None:  # type: ignore[no-untyped-def]
    def work() -> None:
        raise OSError("disk gone")

    worker = threading.Thread(target=work, name="exporter")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    [dialog] = open_dialogs()
    assert dialog.thread() is QApplication.instance().thread()
    assert "OSError: disk gone" in dialog.details
    assert ("ERROR desktop.ui.crash [exporter] Unexpected error in thread exporter: OSError"
            in log_text(logged))


def test_an_error_in_a_qthread_is_shown_from_the_gui_thread(qtbot, hooked, logged: Path) -> None:  # type: ignore[no-untyped-def]
    class Worker(QThread):
        def run(self) -> None:
            sys.excepthook(*error_in_a_slot("in a QThread"))

    worker = Worker()
    worker.start()
    assert worker.wait(5000)
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1)
    assert "LookupError: in a QThread" in log_text(logged)


def test_keyboard_interrupt_and_thread_exit_go_to_the_previous_hooks(
        qtbot, monkeypatch: pytest.MonkeyPatch, logged: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type))
    restore = install_excepthook(lambda: None)
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
        worker = threading.Thread(target=sys.exit)
        worker.start()
        worker.join()
        qtbot.wait(20)
    finally:
        restore()
    assert seen == [KeyboardInterrupt, SystemExit]
    assert open_dialogs() == []
    assert "Unexpected" not in log_text(logged)


def test_a_harness_hooked_in_before_sees_every_error_too(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch: pytest.MonkeyPatch, logged: Path) -> None:
    seen: list[object] = []  # pytest-qt's hook, say: a test running the app must still fail
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append((t, tb is not None)))
    monkeypatch.setattr(threading, "excepthook", lambda args: seen.append(args.exc_type))
    restore = install_excepthook(lambda: None)
    try:
        sys.excepthook(*error_in_a_slot())
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
    finally:
        restore()
    assert seen == [(LookupError, True), ZeroDivisionError]
    assert len(open_dialogs()) == 1
    assert "ZeroDivisionError" in log_text(logged)


def test_restore_puts_the_previous_hooks_back(logged: Path) -> None:
    before = sys.excepthook, threading.excepthook
    restore = install_excepthook(lambda: None)
    assert (sys.excepthook, threading.excepthook) != before
    restore()
    assert (sys.excepthook, threading.excepthook) == before


def test_show_unexpected_error_logs_and_shows_once(qtbot, window: QWidget, logged: Path) -> None:  # type: ignore[no-untyped-def]
    exc = error_in_a_slot("operation failed")[1]
    dialog = show_unexpected_error(window, exc)
    assert dialog is not None and open_dialogs() == [dialog]
    assert show_unexpected_error(window, exc) is None
    assert log_text(logged).count("LookupError: operation failed") == 2
    dialog.accept()
    assert open_dialogs() == []


def test_without_a_log_file_the_dialog_says_so(qtbot, log_folder: Path) -> None:  # type: ignore[no-untyped-def]
    stop_logging()
    dialog = show_unexpected_error(None, error_in_a_slot()[1])
    assert dialog is not None
    try:
        assert "No log file is being written" in dialog_text(dialog)
    finally:
        dialog.reject()


def test_show_log_folder_makes_and_opens_it(qtbot, log_folder: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert not log_folder.exists()
    assert show_log_folder() is True
    assert log_folder.is_dir()
    assert [url.toLocalFile() for url in opened] == [str(log_folder)]


def test_show_log_folder_says_where_it_is_when_nothing_opens(qtbot, logged: Path,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    assert show_log_folder() is False
    assert told and told[0].endswith(str(logged))
