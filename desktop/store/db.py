"""Opening the SQLite file: checks before touching it, engine set-up, migration at start."""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.i18n import _
from desktop.store.busy import gave_up_message, leave_note, take_note_away, waiting_message
from desktop.store.disk_errors import Busy, explain, server_refusal
from desktop.store.errors import StoreError
from desktop.store.models.base import Tracked
from desktop.store.scan_record import CLEAN, DAMAGED, UNFINISHED, record_scan

# PRAGMA application_id marks a file as Crewbook's ("CREW").
APPLICATION_ID = 0x43524557
_SQLITE_MAGIC = b"SQLite format 3\x00"
# SQLite steps between two looks at a scan's stop flag (some microseconds of work).
_STOP_CHECK_STEPS = 1000


@dataclass(frozen=True)
class FileState:
    exists: bool
    revision: str | None  # Alembic revision stamped in the file, None when new or empty
    marked: bool = False  # carries Crewbook's application id


class Unusable(StoreError):
    """The database file cannot be used as it is. ``fact`` says what is wrong with it; the
    whole message adds what to do about it from the command line."""

    def __init__(self, fact: str, advice: str):
        super().__init__(f"{fact} {advice}")
        self.fact = fact


class EmptyDatabase(Unusable):
    """The database file is there but holds nothing at all (0 bytes)."""


class Damaged(Unusable):
    """The database file is damaged or is not a database."""


def read_only_uri(path: Path) -> str:
    """Open ``path`` read-only without leaving anything beside it: a file in WAL mode with no
    -wal file is opened as immutable, since opening it otherwise creates -wal and -shm files
    (which a damaged file must not get, and a read-only folder cannot hold)."""
    wal_mode = False
    with contextlib.suppress(OSError), path.open("rb") as fh:
        header = fh.read(20)
        wal_mode = header[18:20] == b"\x02\x02"
    if wal_mode and not Path(f"{path}-wal").exists():
        return f"{path.as_uri()}?mode=ro&immutable=1"
    return f"{path.as_uri()}?mode=ro"


def inspect_file(path: Path) -> FileState:
    """Look at a database file read-only and refuse anything that is not ours or is damaged."""
    if not path.exists():
        return FileState(exists=False, revision=None)
    if path.is_dir():
        raise StoreError(_("{path} is a folder, not Crewbook's database file. Move it away, "
                           "or choose another data folder.").format(path=path))
    if path.stat().st_size == 0:
        raise EmptyDatabase(
            _("{path} is empty (0 bytes): it holds no contractors, contracts or payments, which "
              "happens when a disk or a sync tool cut it short.").format(path=path),
            _("Restore a backup (crewbook db restore ARCHIVE), or move the empty file away to "
              "start a new book."))
    with path.open("rb") as fh:
        if fh.read(16) != _SQLITE_MAGIC:
            raise Damaged(_("{path} is not a Crewbook database (it is not an SQLite file)."
                            ).format(path=path), _("It was left untouched."))
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(_("{path} cannot be opened: {reason}. It was left untouched.")
                         .format(path=path, reason=exc)) from exc
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID:
            if tables:
                raise StoreError(_("{path} is an SQLite database of another program, not "
                                   "Crewbook's. It was left untouched; choose another data "
                                   "folder.").format(path=path))
            return FileState(exists=True, revision=None)
        if "alembic_version" not in tables:
            return FileState(exists=True, revision=None, marked=True)
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return FileState(exists=True, revision=row[0] if row else None, marked=True)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    finally:
        con.close()


class StopFlag(threading.Event):
    """A stop flag that, as it is set, also interrupts the SQLite statements watching it
    (SQLite checks a progress handler too seldom while it walks a table's pages)."""

    def __init__(self) -> None:
        super().__init__()
        self._guard = threading.Lock()
        self._watched: set[sqlite3.Connection] = set()

    def set(self) -> None:
        with self._guard:
            super().set()
            for con in self._watched:
                con.interrupt()

    @contextmanager
    def watching(self, con: sqlite3.Connection) -> Iterator[None]:
        with self._guard:
            self._watched.add(con)
            if self.is_set():
                con.interrupt()
        try:
            yield
        finally:
            with self._guard:
                self._watched.discard(con)


def check_integrity(path: Path, stop: threading.Event | None = None) -> bool:
    """Scan every page (a tenth of a second per 100,000 contractors); refuse a damaged file.

    The window's background scan passes ``stop``: setting it ends the scan at once (closing
    the window does), which returns False; that scan also records its state beside the file
    (desktop.store.scan_record), unfinished until it ends. Returns True when complete."""
    if stop is not None:
        record_scan(path, UNFINISHED)  # stays so if the program is killed mid-scan
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            if stop is not None:  # a set flag makes SQLite interrupt the statement
                con.set_progress_handler(stop.is_set, _STOP_CHECK_STEPS)
            watch = stop.watching(con) if isinstance(stop, StopFlag) else contextlib.nullcontext()
            with watch:
                problems = [r[0] for r in con.execute("PRAGMA quick_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if stop is not None and stop.is_set():
            return False
        problems = [str(exc)]
    if problems != ["ok"]:
        error = _damaged(path, problems[0])
        if stop is not None and isinstance(error, Damaged):
            record_scan(path, DAMAGED)
        raise error
    if stop is not None:
        record_scan(path, CLEAN)
    return True


def _damaged(path: Path, problem: str) -> StoreError:
    if "unable to open" in problem or "readonly" in problem:
        return StoreError(_("{path} cannot be read ({problem}): check that you may read the "
                            "file and its folder. It was left untouched.")
                          .format(path=path, problem=problem))
    return Damaged(_("{path} is damaged ({problem}).").format(path=path, problem=problem),
                   _("It was left untouched; restore a backup (crewbook db restore ARCHIVE, or "
                     "File ▸ Restore from backup…)."))


def create_file(path: Path) -> None:
    """Create a new, empty book readable by its owner only (SQLite copies the mode to its -wal
    and -shm files). It is built beside and renamed into place, already marked as Crewbook's,
    so a file at ``path`` is never empty: a 0-byte file there was cut short by something else."""
    partial = path.with_name(f".{path.name}.new")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(partial)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    con = sqlite3.connect(partial)
    try:
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.commit()
    finally:
        con.close()
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, path)


_WRITER = "crewbook_writer"  # the execution option that marks a Store's write sessions
# How long one attempt to take the write lock waits before the waiting writer is told why.
_LOCK_ATTEMPT_MS = 400
_BUSY_TIMEOUT_MS = 10_000


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000},
                           hide_parameters=True)  # no row values in error messages or logs

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # The driver's own transaction handling starts no transaction before a SELECT or a
        # CREATE TABLE; Crewbook begins every one itself (below), so reads see one state and
        # an upgrade's DDL commits whole or not at all.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        writer = conn.get_execution_options().get(_WRITER)
        if writer is None:
            conn.exec_driver_sql("BEGIN")
        else:
            writer._take_write_lock(conn)

    return engine


def stamp_application_id(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.commit()


class WrongThread(RuntimeError):
    """A write ran on the thread that must never wait for the disk (the window's)."""


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLAC", "CREATE", "DROP T", "DROP I", "ALTER ")


class Store:
    """The open database. Hand it to store functions; each opens one short session.

    On a local file every write transaction takes SQLite's write lock when it begins (BEGIN
    IMMEDIATE), so what it reads is what it writes over: two programs writing at once take
    turns, and a writer kept waiting says why (``on_wait``) and gives up after ``wait_limit``
    seconds with a one-line message. On a team database (``path`` None) the server locks rows
    as they are written, and the version each editable record carries refuses a stale save.
    Nested ``transaction()`` blocks on the same thread join the outer one (each as a
    savepoint), so a use case made of several store calls can be one transaction.
    """

    def __init__(self, path: Path | None, engine: Engine, name: str | None = None):
        self.path = path  # the SQLite file; None on a database server
        self.engine = engine
        self.name = name or str(path)  # what the window and the command line call it
        # On a server: where to listen for others' changes, and this program's own
        # connections (by backend pid), whose changes it already knows.
        self.listen_url: str | None = None
        self.own_backends: set[int] = set()
        # Who saves: the computer's login here; a server stamps its database user itself.
        self.user = _login()
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**{_WRITER: self}),
                                            expire_on_commit=False)
        event.listen(self._write_sessions, "before_flush", self._stamp_user)
        self._no_writes_on: int | None = None
        self._local = threading.local()
        # Set when this build may read the database but not write it (a team database whose
        # schema a newer version set up): every write is refused with this sentence.
        self.read_only_because: str | None = None
        self.where = "command"  # what another writer's waiting message calls this program
        self.on_wait: Callable[[str], None] | None = None
        self.wait_limit = 120.0

    def _stamp_user(self, session: Session, _context: object, _instances: object) -> None:
        for obj in (*session.new, *session.dirty):
            if isinstance(obj, Tracked) and (obj in session.new or session.is_modified(obj)):
                obj.changed_by = self.user

    @property
    def folder(self) -> Path | None:
        """The data folder of a SQLite file; None on a database server."""
        return None if self.path is None else self.path.parent

    @property
    def on_server(self) -> bool:
        return self.path is None

    def forbid_writes_on(self, thread: threading.Thread | None) -> None:
        """Refuse (WrongThread) any write made on ``thread``; None lifts the ban. The window
        bans its own thread, so a write that would freeze it fails loudly instead."""
        if self._no_writes_on is None and thread is not None:
            event.listen(self.engine, "before_cursor_execute", self._check_thread)
        elif self._no_writes_on is not None and thread is None:
            event.remove(self.engine, "before_cursor_execute", self._check_thread)
        self._no_writes_on = None if thread is None else thread.ident

    @property
    def writes_banned(self) -> bool:
        return self._no_writes_on is not None

    def _check_thread(self, _conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if (threading.get_ident() == self._no_writes_on
                and statement.lstrip()[:6].upper() in _WRITES):
            raise WrongThread(f"a write ran on the window's thread: {statement.split('(')[0][:60]}")

    @contextmanager
    def transaction(self, activity: str | None = None) -> Iterator[Session]:
        """One unit of work: commits on success, rolls everything back on any error.
        ``activity`` ("importing contractors") is what a writer kept waiting is told."""
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            with self._disk_errors(), outer.begin_nested():
                yield outer
            return
        if self.read_only_because is not None:
            raise StoreError(self.read_only_because)
        self._local.activity = activity
        try:
            with self._disk_errors(), self._write_sessions() as session, session.begin():
                self._local.session = session
                try:
                    yield session
                finally:
                    self._local.session = None
        finally:
            self._local.activity = None
            note = self._local.__dict__.pop("note", None)
            if note is not None and self.folder is not None:  # after the commit
                take_note_away(self.folder, note)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            return
        with self._disk_errors(), self._sessions() as session:
            yield session

    def _take_write_lock(self, conn: Connection) -> None:
        """SQLite's: BEGIN IMMEDIATE, waiting for another program's write to end."""
        folder = self.folder
        assert folder is not None
        if self._no_writes_on == threading.get_ident():
            raise WrongThread("a write transaction began on the window's thread")
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {_LOCK_ATTEMPT_MS}")
        deadline = time.monotonic() + self.wait_limit
        told = False
        try:
            while True:
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    break
                except OperationalError as exc:
                    if not _is_locked(exc):
                        raise
                    if time.monotonic() >= deadline:
                        raise Busy(gave_up_message(folder, self.wait_limit)) from None
                    if not told and self.on_wait is not None:
                        self.on_wait(waiting_message(folder))
                    told = True
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        activity = getattr(self._local, "activity", None)
        if activity and self.folder is not None:
            self._local.note = leave_note(self.folder, activity, self.where)

    @contextmanager
    def _disk_errors(self) -> Iterator[None]:
        try:
            yield
        except (DBAPIError, sqlite3.OperationalError, OSError) as exc:
            problem = self._explain(exc)
            if problem is None:
                raise
            raise problem from exc

    def _explain(self, exc: BaseException) -> StoreError | None:
        """A disk, lock, role or network problem in words a user can act on; None for a
        fault."""
        if self.on_server:
            return server_refusal(exc, self.name)
        if isinstance(exc, DBAPIError) and not isinstance(exc, OperationalError):
            return None
        assert self.folder is not None
        return explain(exc, self.folder) if _about_us(exc, self.folder) else None

    def close(self) -> None:
        self.engine.dispose()


def _login() -> str:
    try:
        return getpass.getuser()[:120]
    except (OSError, KeyError):  # no login name (a container's unnamed user)
        return ""


def _about_us(exc: BaseException, folder: Path) -> bool:
    """An OS error about a file outside the data folder (a file being imported, say) is
    the caller's to explain."""
    name = getattr(exc, "filename", None)
    return not isinstance(exc, OSError) or name is None or Path(name).is_relative_to(folder)


def _is_locked(exc: OperationalError) -> bool:
    return "locked" in str(exc.orig).lower() or "busy" in str(exc.orig).lower()
