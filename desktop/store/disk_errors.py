"""What went wrong with the disk, in words a user can act on.

SQLite and the operating system report a read-only folder, a read-only mount, a full disk or
a lock held by another program in their own terms; each becomes a StoreError that says what
happened to the data (nothing was saved) and what to do. A file that really is damaged is
told apart from one that merely cannot be written.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from desktop.core.i18n import _
from desktop.store.errors import StoreError

_READ_ONLY = ("readonly database", "read-only file system", "attempt to write a readonly")
_FULL = ("database or disk is full", "no space left")
_LOCKED = ("database is locked", "database table is locked", "database is busy")


class DiskFull(StoreError):
    """The disk is full; nothing was saved."""


class ReadOnly(StoreError):
    """The database, its folder or the disk cannot be written."""


class Busy(StoreError):
    """Another Crewbook window or command held the database for too long."""


def explain(exc: BaseException, folder: Path) -> StoreError | None:
    """A StoreError for ``exc`` if it is a disk or lock problem, else None."""
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return _from_errno(exc, folder)
    text = str(getattr(exc, "orig", exc)).lower()
    if any(words in text for words in _FULL):
        return disk_full(folder)
    if any(words in text for words in _READ_ONLY):
        return read_only(folder)
    if any(words in text for words in _LOCKED):
        return Busy(_("Another Crewbook window or command is still saving, so nothing was "
                      "saved. Try again when it has finished."))
    if "disk i/o error" in text and _nearly_full(folder):
        return disk_full(folder)
    if "disk i/o error" in text:
        return StoreError(_("The disk holding {folder} could not be written, so nothing was "
                            "saved. Check that it has free space and is still connected, then "
                            "try again.").format(folder=folder))
    if "unable to open database file" in text:
        return StoreError(_("Crewbook cannot open the database in {folder}: the folder "
                            "cannot be read or written. Check its permissions, or choose "
                            "another data folder with --data-dir.").format(folder=folder))
    return None


def disk_full(folder: Path) -> DiskFull:
    return DiskFull(_("The disk holding {folder} is full, so nothing was saved. Free some "
                      "space and try again; the data already saved is safe.").format(
                          folder=folder))


def read_only(folder: Path) -> ReadOnly:
    return ReadOnly(_("Crewbook cannot write to {folder}: the folder, its disk or "
                      "crewbook.sqlite3 is read-only. Nothing was saved and the data there is "
                      "safe. Make them writable (or mount the disk read-write), or choose "
                      "another data folder with --data-dir.").format(folder=folder))


def check_writable(folder: Path, database: Path) -> None:
    """Refuse a data folder that cannot be written before SQLite tries (it would report a
    read-only folder as a file it cannot open)."""
    for path in (folder, database):
        if not path.exists():
            continue
        try:
            mounted_read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
        except (OSError, AttributeError):  # no statvfs on Windows
            mounted_read_only = False
        if mounted_read_only or not os.access(path, os.W_OK):
            raise read_only(folder)


def _nearly_full(folder: Path) -> bool:
    """SQLite reports a full disk as an I/O error when it cannot even make its -shm file."""
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _from_errno(exc: OSError, folder: Path) -> StoreError | None:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return disk_full(folder)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only(folder)
    return None


class NotAllowed(StoreError):
    """The team database refused: the user's role does not allow this."""


class ConnectionLost(StoreError):
    """The team database could not be reached for this write."""


def server_refusal(exc: BaseException, where: str) -> StoreError | None:
    """A team database's refusal, by its SQLSTATE: a role without the right, a lost
    connection. None for anything else."""
    state = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    if state == "42501":
        return NotAllowed(_("Your role on the team database does not allow this, so nothing "
                            "was saved. Ask the team's owner if you need to."))
    # 08: connection exceptions; 57P: the server shut down or restarted under it.
    if state.startswith(("08", "57P")) or "server closed the connection" in str(exc):
        return ConnectionLost(_("The connection to the team database {name} was lost, so "
                                "this was not saved. Check the network and try again.")
                              .format(name=where))
    return None
