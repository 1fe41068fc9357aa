"""One window per data folder: the hand-over protocol, its server, and the import queue."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.cli import MAX_FILES as CLI_MAX_FILES
from desktop.ui import single_instance as si

ROOT = Path(__file__).resolve().parent.parent
Connected = QLocalSocket.LocalSocketState.ConnectedState
Unconnected = QLocalSocket.LocalSocketState.UnconnectedState

# A first copy's server alone, in its own process, so that the blocking hand_over() in this
# one has somebody to talk to. It prints "listening", then each request's files as JSON, and
# stops after the number of requests it was told to expect.
PEER = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from desktop.ui.single_instance import InstanceServer
app = QCoreApplication([])
server = InstanceServer(Path(sys.argv[1]))
if not server.start():
    sys.exit(3)
left = [int(sys.argv[2])]
def heard(files):
    print(json.dumps([str(f) for f in files]), flush=True)
    left[0] -= 1
    if not left[0]:
        QTimer.singleShot(0, app.quit)
server.requested.connect(heard)
print("listening", flush=True)
app.exec()
server.stop()
"""


def stop(proc: subprocess.Popen[str], folder: Path) -> None:
    """Wait for a child first copy to end, or end it."""
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        QLocalServer.removeServer(si.server_name(folder))  # killed, it left its socket


@contextlib.contextmanager
def peer_in_child(folder: Path, requests: int = 1) -> Iterator[subprocess.Popen[str]]:
    """A listening first copy for ``folder`` in a child process, which ends after hearing
    ``requests`` requests (or is ended on the way out)."""
    proc = subprocess.Popen([sys.executable, "-c", PEER, str(folder), str(requests)], cwd=ROOT,
                            text=True, stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "listening\n"
        yield proc
    finally:
        stop(proc, folder)


def requests_heard(proc: subprocess.Popen[str]) -> list[list[str]]:
    """Every request the child heard (once it has ended)."""
    assert proc.stdout is not None
    return [json.loads(line) for line in proc.stdout.read().splitlines()]


# --- names and messages ----------------------------------------------------------------------
def test_names_are_short_and_differ_by_folder_and_user(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    name = si.server_name(a)
    assert name.startswith("crewbook-") and len(name) == len("crewbook-") + 16
    assert si.server_name(b) != name
    assert si.server_name(b / ".." / "a") == name  # the same folder however it is spelled
    monkeypatch.setattr(si, "_user", lambda: "somebody-else")
    assert si.server_name(a) != name


def test_request_round_trip(tmp_path: Path) -> None:
    files = [tmp_path / "contacts.csv", tmp_path / "späti – list.xlsx"]
    assert si.parse_request(si.encode_request(files).rstrip(b"\n")) == files
    assert si.parse_request(si.encode_request([]).rstrip(b"\n")) == []
    assert si.encode_request([]) == b'{"activate": true}\n'


@pytest.mark.parametrize("line", [
    b"", b"hello", b"\xff\xfe{}", b"null", b"[]", b'"open"', b"{}", b'{"activate": false}',
    b'{"activate": 1}', b'{"open": "/a.csv"}', b'{"open": [1]}', b'{"open": [null]}',
    b'{"open": [""]}', b'{"open": ["relative.csv"]}', b'{"open": ["/a\\u0000b.csv"]}',
    b'{"open": ["/' + b"a" * (si.MAX_PATH + 1) + b'"]}',
    json.dumps({"open": ["/a.csv"] * (si.MAX_FILES + 1)}).encode(),
    b"[" * 50_000 + b"]" * 50_000,  # deeper than json's recursion limit
    b'{"open": ["/a.csv"], "x": "' + b"a" * si.MAX_MESSAGE + b'"}',
], ids=lambda line: repr(line[:24]))
def test_garbage_is_not_a_request(line: bytes) -> None:
    assert si.parse_request(line) is None


def test_limits_agree_with_the_command_line() -> None:
    assert CLI_MAX_FILES == si.MAX_FILES


# --- the server, driven by a raw socket ------------------------------------------------------
@pytest.fixture
def server(qtbot, data_folder: Path) -> Iterator[si.InstanceServer]:  # type: ignore[no-untyped-def]
    srv = si.InstanceServer(data_folder)
    assert srv.start()
    yield srv
    srv.stop()
    assert not srv.isListening()


def talk(qtbot, folder: Path, data: bytes) -> tuple[bytes, QLocalSocket]:  # type: ignore[no-untyped-def]
    """Send ``data`` and read until the server hangs up; returns what it said."""
    sock = QLocalSocket()
    sock.connectToServer(si.server_name(folder))
    qtbot.waitUntil(lambda: sock.state() == Connected, timeout=5000)
    sock.write(data)
    reply = bytearray()

    def hung_up() -> bool:
        reply.extend(sock.readAll().data())
        return sock.state() == Unconnected

    qtbot.waitUntil(hung_up, timeout=5000)
    reply.extend(sock.readAll().data())
    return bytes(reply), sock


def test_server_answers_a_request_and_passes_it_on(qtbot, server: si.InstanceServer,  # type: ignore[no-untyped-def]
                                                   data_folder: Path, tmp_path: Path) -> None:
    csv = tmp_path / "contacts.csv"
    with qtbot.waitSignal(server.requested, timeout=5000) as heard:
        reply, _ = talk(qtbot, data_folder, si.encode_request([csv]))
    assert reply == si.ACK
    assert heard.args == [[csv]]
    with qtbot.waitSignal(server.requested, timeout=5000) as heard:
        reply, _ = talk(qtbot, data_folder, b'{"activate": true}\n')
    assert (reply, heard.args) == (si.ACK, [[]])


@pytest.mark.parametrize("data", [
    b"not json\n", b'{"open": ["relative.csv"]}\n', b'{"open": [42]}\n', b"\x00" * 100 + b"\n",
    b"x" * (si.MAX_MESSAGE + 100),  # no newline, past the cap
    b'{"open": ["/a.csv"]}' + b" " * si.MAX_MESSAGE + b"\n",  # a newline, too late
], ids=["text", "relative", "number", "nul", "endless", "oversized"])
def test_server_ignores_garbage_and_keeps_serving(qtbot, server: si.InstanceServer,  # type: ignore[no-untyped-def]
                                                  data_folder: Path, data: bytes) -> None:
    heard: list[object] = []
    server.requested.connect(heard.append)
    reply, _ = talk(qtbot, data_folder, data)
    assert reply == b"" and heard == []
    with qtbot.waitSignal(server.requested, timeout=5000):
        assert talk(qtbot, data_folder, b'{"activate": true}\n')[0] == si.ACK


def test_server_drops_a_silent_connection(qtbot, server: si.InstanceServer,  # type: ignore[no-untyped-def]
                                          data_folder: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(si, "PEER_TIMEOUT_MS", 100)
    sock = QLocalSocket()
    sock.connectToServer(si.server_name(data_folder))
    qtbot.waitUntil(lambda: sock.state() == Connected, timeout=5000)
    sock.write(b'{"activate": tr')  # and nothing more
    qtbot.waitUntil(lambda: sock.state() == Unconnected, timeout=5000)
    qtbot.waitUntil(lambda: not server._peers, timeout=5000)


def test_a_request_in_several_pieces(qtbot, server: si.InstanceServer,  # type: ignore[no-untyped-def]
                                     data_folder: Path) -> None:
    sock = QLocalSocket()
    sock.connectToServer(si.server_name(data_folder))
    qtbot.waitUntil(lambda: sock.state() == Connected, timeout=5000)
    with qtbot.waitSignal(server.requested, timeout=5000) as heard:
        for piece in (b'{"open": ["/tmp/', b'a.csv"]}', b"\n"):
            sock.write(piece)
            sock.flush()
            qtbot.wait(20)
    assert heard.args == [[Path("/tmp/a.csv")]]


def test_a_request_whose_sender_gave_up_is_not_acted_on(  # type: ignore[no-untyped-def]
        qtbot, server: si.InstanceServer, data_folder: Path) -> None:
    # The sender timed out (this copy was busy) and told its user it could not hand over.
    heard: list[object] = []
    server.requested.connect(heard.append)
    sock = QLocalSocket()
    sock.connectToServer(si.server_name(data_folder))
    assert sock.waitForConnected(5000)
    sock.write(b'{"activate": true}\n')
    sock.flush()
    sock.abort()
    qtbot.wait(200)
    qtbot.waitUntil(lambda: not server._peers, timeout=5000)
    assert heard == []


def test_a_left_over_socket_is_replaced(qtbot, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
    # A copy that crashed leaves its socket file behind (on Unix); the folder lock proves it
    # dead, so the next first copy listens regardless.
    stale = QLocalServer()
    assert stale.listen(si.server_name(data_folder))
    fresh = si.InstanceServer(data_folder)
    try:
        assert fresh.start()
    finally:
        fresh.stop()
        stale.close()


# --- the client, against a server in another process -----------------------------------------
def test_hand_over_to_a_first_copy_in_another_process(data_folder: Path, tmp_path: Path) -> None:
    csv = tmp_path / "contacts.csv"
    with peer_in_child(data_folder, requests=2) as proc:
        assert si.hand_over(data_folder, [csv])
        assert si.hand_over(data_folder)
    assert proc.returncode == 0
    assert requests_heard(proc) == [[str(csv)], []]


def test_hand_over_with_nobody_there(data_folder: Path) -> None:
    started = time.monotonic()
    assert not si.hand_over(data_folder, [], timeout_ms=5000)
    assert time.monotonic() - started < 2  # refused at once, not timed out


def test_hand_over_to_a_copy_that_never_answers(qtbot, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
    # Listening in this very process, which is blocked in hand_over(): accepted by the
    # kernel, never answered.
    deaf = QLocalServer()
    assert deaf.listen(si.server_name(data_folder))
    try:
        started = time.monotonic()
        assert not si.hand_over(data_folder, [], timeout_ms=300)
        assert 0.25 < time.monotonic() - started < 3
    finally:
        deaf.close()


def test_hand_over_is_refused_for_garbage_answers(data_folder: Path) -> None:
    # A server that answers something else than yes is no Crewbook.
    liar = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
from desktop.ui.single_instance import server_name
from pathlib import Path
app = QCoreApplication([])
server = QLocalServer()
QLocalServer.removeServer(server_name(Path(sys.argv[1])))
assert server.listen(server_name(Path(sys.argv[1])))
def answer():
    sock = server.nextPendingConnection()
    sock.waitForReadyRead(2000)
    sock.write(b'{"ok": false}\\n')
    sock.flush()
    sock.waitForBytesWritten(2000)
    app.quit()
server.newConnection.connect(answer)
print("listening", flush=True)
app.exec()
"""
    proc = subprocess.Popen([sys.executable, "-c", liar, str(data_folder)], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "listening\n"
        assert not si.hand_over(data_folder, [], timeout_ms=5000)
    finally:
        stop(proc, data_folder)


# --- bringing the window forward, and the import queue ----------------------------------------
def test_bring_to_front_restores_a_minimised_window(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    assert window.isMinimized()
    si.bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()


class Opened:
    def __init__(self) -> None:
        self.paths: list[Path] = []
        self.notes: list[str] = []
        self.during: list[Path] = []  # what happens while one is open

    def queue(self, parent: QWidget | None = None) -> si.ImportQueue:
        return si.ImportQueue(self.paths.append, self.notes.append, parent)


def contact_files(tmp_path: Path, *names: str) -> list[Path]:
    paths = [tmp_path / name for name in names]
    for path in paths:
        path.write_text("name\nAda\n", encoding="utf-8")
    return paths


def test_queue_waits_until_ready_then_opens_in_order(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = Opened()
    queue = opened.queue()
    a, b = contact_files(tmp_path, "a.csv", "b.csv")
    queue.add([a, b])
    qtbot.wait(50)
    assert opened.paths == [] and queue.pending == [a, b]
    queue.set_ready()
    qtbot.waitUntil(lambda: opened.paths == [a, b], timeout=5000)
    assert opened.notes == ["1 more file to import after a.csv"]


def test_queue_skips_what_is_no_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = Opened()
    queue = opened.queue()
    queue.set_ready()
    (a,) = contact_files(tmp_path, "a.csv")
    queue.add([tmp_path / "gone.csv", a])
    qtbot.waitUntil(lambda: opened.paths == [a], timeout=5000)
    assert opened.notes == [f"Cannot import {tmp_path / 'gone.csv'}: it is not a file (any more)"]


def test_queue_opens_one_at_a_time(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = contact_files(tmp_path, "a.csv", "b.csv")
    opened: list[str] = []

    def open_file(path: Path) -> None:  # like the wizard: a modal event loop of its own
        opened.append(f"open {path.name}")
        if path == a:
            queue.add([b])  # a second copy hands over while the wizard is up
        qtbot.wait(100)
        opened.append(f"close {path.name}")

    queue = si.ImportQueue(open_file, lambda _text: None)
    queue.set_ready()
    queue.add([a])
    qtbot.waitUntil(lambda: len(opened) == 4, timeout=5000)
    assert opened == ["open a.csv", "close a.csv", "open b.csv", "close b.csv"]


def test_queue_waits_for_a_modal_dialog_to_close(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened = Opened()
    queue = opened.queue()
    queue.set_ready()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=5000)
    (a,) = contact_files(tmp_path, "a.csv")
    queue.add([a])
    qtbot.wait(si.ImportQueue.RETRY_MS + 100)
    assert opened.paths == []
    QTimer.singleShot(0, dialog.accept)
    qtbot.waitUntil(lambda: opened.paths == [a], timeout=5000)


# --- end to end: two real copies ------------------------------------------------------------
def test_a_second_copy_hands_its_file_to_the_first(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CACHE_HOME": str(home / "cache"), "PYTHONPATH": str(ROOT)}
    env.pop("CREWBOOK_DATA_DIR", None)
    folder = tmp_path / "data"
    csv = tmp_path / "contacts.csv"
    csv.write_text("name,email\nAda Lovelace,ada@example.com\n", encoding="utf-8")
    first = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(folder)],
                             cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not si.hand_over(folder):  # the first copy comes up: its server answers
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first copy never answered"
            time.sleep(0.1)
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(folder),
                                 "contacts.csv"], cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=60, check=False)
        assert time.monotonic() - started < 30
        assert second.returncode == 0, second.stderr
        assert second.stdout == (f"Crewbook is already open on {folder.resolve()}; "
                                 f"opened {csv.resolve()} there.\n")
        assert first.poll() is None  # still running, with the wizard up
    finally:
        first.terminate()
        try:
            first.wait(timeout=10)
        except subprocess.TimeoutExpired:
            first.kill()
            first.wait()
        QLocalServer.removeServer(si.server_name(folder))  # terminated, it left its socket
    assert first.returncode is not None


def test_a_request_may_ask_for_today(qtbot, server: si.InstanceServer,  # type: ignore[no-untyped-def]
                                     data_folder: Path) -> None:
    line = si.encode_request([], show="today")
    assert line == b'{"activate": true, "show": "today"}\n'
    assert si.parse_request(line.rstrip(b"\n")) == [] and si.requested_view(line) == "today"
    shown: list[str] = []
    server.show_requested.connect(shown.append)
    with qtbot.waitSignal(server.requested, timeout=5000):
        assert talk(qtbot, data_folder, b'{"activate": true, "show": "settings"}\n')[0] == si.ACK
    assert shown == []  # a view it does not know is not shown
    with qtbot.waitSignal(server.show_requested, timeout=5000):
        assert talk(qtbot, data_folder, line)[0] == si.ACK
    assert shown == ["today"]
