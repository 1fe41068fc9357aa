"""Start-up: check the file, open the engine, back up and migrate if needed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import OperationalError

from desktop.store import migrate, restore
from desktop.store.db import (
    Store,
    check_integrity,
    create_file,
    inspect_file,
    make_engine,
    stamp_application_id,
)
from desktop.store.disk_errors import check_writable, explain
from desktop.store.lock import FolderLock
from desktop.store.paths import backup_dir, db_path


@dataclass(frozen=True)
class Opened:
    store: Store
    created: bool
    backup: Path | None  # the copy taken before a migration, if one ran


def open_store(folder: Path, lock: FolderLock | None = None, *, check: bool = True) -> Opened:
    """Open (creating or migrating as needed) the database in a data folder.

    A migration needs the folder lock: if the caller holds none, it is taken for the
    migration alone, so a second window or command cannot migrate at the same time. A restore
    that was stopped part-way is finished first, under the same lock.
    ``check=False`` skips the full integrity scan (the window runs it in the background);
    a migration always scans first.
    """
    try:
        return _open(folder, lock, check)
    except (OSError, sqlite3.Error, OperationalError) as exc:
        problem = explain(exc, folder)
        if problem is None:
            raise
        raise problem from exc


def _open(folder: Path, lock: FolderLock | None, check: bool) -> Opened:
    path = db_path(folder)
    if (folder / restore.MARKER).exists() or (folder / restore.STAGING).exists():
        with _locked(folder, lock):
            restore.finish_interrupted(folder)
    state = inspect_file(path)
    if state.exists and (check or state.revision != migrate.HEAD):
        check_integrity(path)
    migrate.check_revision(state.revision, path)
    check_writable(folder, path)
    if not state.exists:
        create_file(path)
    engine = make_engine(path)
    store = Store(path, engine)
    try:
        if not state.marked and state.exists:
            stamp_application_id(engine)
        backup = None
        if state.revision != migrate.HEAD:
            with _locked(folder, lock):
                backup = migrate.upgrade(store, state.revision, backup_dir(folder))
    except BaseException:
        engine.dispose()
        raise
    return Opened(store, created=not state.exists, backup=backup)


@contextmanager
def _locked(folder: Path, lock: FolderLock | None) -> Iterator[None]:
    if lock is not None and lock.held:
        yield
        return
    with FolderLock(folder):
        yield
