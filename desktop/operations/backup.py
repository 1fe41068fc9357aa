"""A consistent copy of the database, even while it is in use."""

from __future__ import annotations

from pathlib import Path

from desktop.store.backup import backup_database, backup_into
from desktop.store.db import Store
from desktop.store.paths import backup_dir


def back_up(store: Store, folder: Path, destination: Path | None = None) -> Path:
    """Copy the database to ``destination`` (a file or folder), by default a new dated file in
    the data folder's backups folder; returns the file written. Changes nothing."""
    if destination is None:
        return backup_into(store.path, backup_dir(folder))
    return backup_database(store.path, destination)
