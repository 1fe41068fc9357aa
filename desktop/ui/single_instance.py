"""One window per data folder: a second copy hands its request to the first and exits.

The first copy, holding the folder lock, listens on a QLocalServer (an AF_UNIX socket on Linux
and macOS, a named pipe on Windows: nothing goes over the network) named after the data folder
and the user. A second copy that finds the lock held connects and sends one line of JSON,

    {"open": ["/abs/path/contacts.csv", ...]}\\n    or    {"activate": true}\\n

and waits (``HAND_OVER_TIMEOUT_MS``) for ``{"ok": true}\\n``. The first copy answers only a
well-formed request (at most ``MAX_MESSAGE`` bytes, ``MAX_FILES`` absolute paths as strings);
anything else is dropped unanswered, so the second copy reports that it could not hand over.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.i18n import tr

HAND_OVER_TIMEOUT_MS = 2_000  # the second copy's whole wait: connect, send, hear back
PEER_TIMEOUT_MS = 5_000  # the first copy drops a connection that says nothing useful by then
MAX_MESSAGE = 64 * 1024  # bytes in one request line
MAX_FILES = 32  # paths in one request
MAX_PATH = 4_096  # characters in one path
ACK = b'{"ok": true}\n'


def _user() -> str:
    if hasattr(os, "getuid"):  # the uid, not $USER, which the environment can change
        return str(os.getuid())
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name at all: the folder alone still separates
        return ""


def server_name(folder: Path) -> str:
    """Short (well inside AF_UNIX's 108 bytes), and different for every folder and user."""
    where = os.path.normcase(str(Path(folder).resolve()))
    digest = hashlib.sha256(f"{_user()}\0{where}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"crewbook-{digest[:16]}"


# What a request may ask the window to show as it comes to the front.
VIEWS = frozenset({"today"})


def encode_request(files: Iterable[Path], show: str = "") -> bytes:
    paths = [str(Path(f).absolute()) for f in files]
    body: dict[str, object] = {"open": paths} if paths else {"activate": True}
    if show:
        body["show"] = show
    # ASCII escapes carry any file name (even undecodable bytes, as surrogates) intact.
    return json.dumps(body).encode("ascii") + b"\n"


def requested_view(line: bytes) -> str:
    """The view a valid request asks for ("today"), "" for none."""
    try:
        body = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return ""
    shown = body.get("show") if isinstance(body, dict) else None
    return shown if shown in VIEWS else ""


def parse_request(line: bytes) -> list[Path] | None:
    """The files a request asks to open ([] to just come to the front), or None if it is not a
    request at all."""
    if len(line) > MAX_MESSAGE:
        return None
    try:
        body = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(body, dict):
        return None
    if "open" not in body:
        return [] if body.get("activate") is True else None
    paths = body["open"]
    if not isinstance(paths, list) or len(paths) > MAX_FILES:
        return None
    if not all(isinstance(p, str) and 0 < len(p) <= MAX_PATH and "\0" not in p for p in paths):
        return None
    files = [Path(p) for p in paths]
    return files if all(f.is_absolute() for f in files) else None


def hand_over(folder: Path, files: Iterable[Path] = (),
              timeout_ms: int = HAND_OVER_TIMEOUT_MS, show: str = "") -> bool:
    """Ask the copy that has ``folder`` open to come to the front (showing the view ``show``)
    and open ``files``. True once it has said yes; False if nobody listens or answers in time.
    Blocking; needs no event loop (and no QApplication)."""
    message = encode_request(files, show)
    if len(message) > MAX_MESSAGE:
        return False
    deadline = time.monotonic() + timeout_ms / 1000

    def left() -> int:
        return max(0, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    try:
        socket.connectToServer(server_name(folder))
        if not socket.waitForConnected(left()):
            return False
        socket.write(message)
        socket.flush()
        while socket.bytesToWrite():
            if not socket.waitForBytesWritten(left()):
                return False
        reply = bytearray()
        while b"\n" not in reply and len(reply) <= len(ACK):
            if not socket.bytesAvailable() and not socket.waitForReadyRead(left()):
                reply += socket.readAll().data()  # whatever came with the hang-up
                break
            reply += socket.readAll().data()
        return reply.partition(b"\n")[0] + b"\n" == ACK
    finally:
        socket.abort()


class InstanceServer(QLocalServer):
    """The first copy's end. ``requested`` carries each valid request's files ([] = activate),
    after the sender has been told yes; ``show_requested`` then the view it asked for."""

    requested = Signal(object)
    show_requested = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder
        self._peers: set[_Peer] = set()
        self.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.newConnection.connect(self._accept)

    def start(self) -> bool:
        """Listen; the caller holds the folder lock, so any socket already there was left by a
        copy that died, and is removed first."""
        name = server_name(self.folder)
        QLocalServer.removeServer(name)
        if self.listen(name):
            return True
        print(f"crewbook: warning: other copies cannot hand over to this one: "
              f"{self.errorString()}", file=sys.stderr)
        return False

    def stop(self) -> None:
        self.close()
        for peer in list(self._peers):
            peer.drop()

    def _accept(self) -> None:
        while self.hasPendingConnections():
            socket = self.nextPendingConnection()
            if socket is not None:
                self._peers.add(_Peer(socket, self))

    def _gone(self, peer: _Peer) -> None:
        self._peers.discard(peer)


class _Peer(QObject):
    """One connection: read up to the first newline, answer a valid request, then hang up."""

    def __init__(self, socket: QLocalSocket, server: InstanceServer):
        super().__init__(server)
        self.socket, self.server = socket, server
        self.buffer = bytearray()
        self.done = False
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.drop)
        QTimer.singleShot(PEER_TIMEOUT_MS, self, self.drop)
        if socket.bytesAvailable():
            self._read()

    def _read(self) -> None:
        if self.done:
            return
        self.buffer += self.socket.read(MAX_MESSAGE + 1 - len(self.buffer)).data()
        line, newline, _ = self.buffer.partition(b"\n")
        if not newline:
            if len(self.buffer) > MAX_MESSAGE:
                self.drop()
            return
        files = parse_request(bytes(line))
        if files is None:
            self.drop()
            return
        self.done = True
        server = self.server  # hanging up may drop this peer at once
        self.socket.write(ACK)
        self.socket.flush()
        if self.socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            # The sender gave up waiting (this copy was busy) and has said it could not hand
            # over; doing it anyway now would contradict that.
            self.drop()
            return
        self.socket.disconnectFromServer()  # after the answer is written
        server.requested.emit(files)
        if view := requested_view(bytes(line)):
            server.show_requested.emit(view)

    def drop(self) -> None:
        if self.server is None:
            return
        self.done = True
        server, self.server = self.server, None  # type: ignore[assignment]
        server._gone(self)
        self.socket.readyRead.disconnect(self._read)
        if self.socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            self.socket.abort()
        self.deleteLater()


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, raise and activate the window (and a dialog open over it)."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal is not window:
        modal.raise_()
        modal.activateWindow()


class ImportQueue(QObject):
    """Files waiting for the import wizard, opened one at a time.

    Nothing opens before ``set_ready`` (the roster has loaded, so the window is up first), nor
    while any dialog is modal (the wizard itself, or a contractor being edited): the next file
    waits for it to close. A path that is no longer a file is reported and skipped.
    """

    RETRY_MS = 300

    def __init__(self, open_file: Callable[[Path], None], note: Callable[[str], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self._open, self._note = open_file, note
        self._pending: deque[Path] = deque()
        self._ready = self._busy = False
        self._retry = QTimer(self, singleShot=True, interval=self.RETRY_MS)
        self._retry.timeout.connect(self._drain)

    @property
    def pending(self) -> list[Path]:
        return list(self._pending)

    def add(self, files: Iterable[Path]) -> None:
        self._pending.extend(Path(f) for f in files)
        if self._pending:
            QTimer.singleShot(0, self, self._drain)  # never inside the caller's own slot

    def set_ready(self) -> None:
        self._ready = True
        QTimer.singleShot(0, self, self._drain)

    def _drain(self) -> None:
        while self._pending and self._ready and not self._busy:
            if QApplication.activeModalWidget() is not None:
                self._retry.start()
                return
            path = self._pending.popleft()
            if not path.is_file():
                self._note(tr("Cannot import {file}: it is not a file (any more)").format(
                    file=path))
                continue
            if self._pending:
                more = len(self._pending)
                self._note(tr("%n more file(s) to import after {file}", "", more).format(
                    file=path.name))
            self._busy = True
            try:
                self._open(path)  # the wizard runs its own event loop until it closes
            finally:
                self._busy = False
