"""Start-up: check the file, open the engine, back up and migrate if needed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.store import migrate
from desktop.store.db import (
    Store,
    check_integrity,
    create_file,
    inspect_file,
    make_engine,
    stamp_application_id,
)
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
    migration alone, so a second window or command cannot migrate at the same time.
    ``check=False`` skips the full integrity scan (the window runs it in the background);
    a migration always scans first.
    """
    path = db_path(folder)
    state = inspect_file(path)
    if state.exists and (check or state.revision != migrate.HEAD):
        check_integrity(path)
    migrate.check_revision(state.revision, path)
    if not path.exists():
        create_file(path)
    engine = make_engine(path)
    store = Store(path, engine)
    try:
        if not state.marked:
            stamp_application_id(engine)
        backup = None
        if state.revision != migrate.HEAD:
            own_lock = None if (lock and lock.held) else FolderLock(folder).acquire()
            try:
                backup = migrate.upgrade(store, state.revision, backup_dir(folder))
            finally:
                if own_lock:
                    own_lock.release()
    except BaseException:
        engine.dispose()
        raise
    return Opened(store, created=not state.exists, backup=backup)
