"""Backups of the whole book (database and documents), restoring one, and the daily automatic
backups kept in the data folder's backups folder."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop.store.archive import Manifest, archive_name, write_archive, write_archive_into
from desktop.store.db import Store
from desktop.store.paths import backup_dir
from desktop.store.restore import Restored, check, restore

KEEP_AUTOMATIC = 7  # daily backups kept unless the user chose otherwise; 0 turns them off
_AUTOMATIC = re.compile(r"crewbook-auto-(\d{8}-\d{6})(-\d+)?\.zip")


def back_up(store: Store, folder: Path, destination: Path | None = None) -> Path:
    """Back up to ``destination`` (a .zip file or a folder), by default a new dated file in the
    data folder's backups folder; returns the file written. Changes nothing in the book."""
    if destination is None:
        return write_archive_into(store.path, backup_dir(folder), kind="manual")
    return write_archive(store.path, destination, kind="manual")


def check_backup(folder: Path, archive: Path) -> Manifest:
    """What a backup holds, after checking it whole; raises StoreError if it is unusable."""
    return check(archive, folder)


def restore_backup(folder: Path, archive: Path) -> Restored:
    """Put ``archive`` in place of the book in ``folder``, keeping the current data as a backup.
    The caller holds the folder lock and has closed the database."""
    return restore(archive, folder)


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in the backups folder, oldest first."""
    found = [p for p in backup_dir(folder).glob("crewbook-auto-*.zip") if _AUTOMATIC.fullmatch(p.name)]
    return sorted(found, key=lambda p: p.name)


def back_up_daily(store: Store, folder: Path, keep: int,
                  now: dt.datetime | None = None) -> Path | None:
    """Write today's automatic backup unless one was written in the last day, then keep only the
    newest ``keep``. Returns the new backup, or None when none was due (or ``keep`` is 0)."""
    if keep <= 0:
        return None
    now = now or dt.datetime.now()
    existing = automatic_backups(folder)
    newest = _taken_at(existing[-1]) if existing else None
    written = None
    if newest is None or now - newest >= dt.timedelta(days=1) or newest > now:
        written = write_archive(store.path, backup_dir(folder) / archive_name("automatic", now),
                                kind="automatic")
        existing = automatic_backups(folder)
    for old in existing[:-keep]:
        old.unlink(missing_ok=True)
    return written


def _taken_at(path: Path) -> dt.datetime | None:
    match = _AUTOMATIC.fullmatch(path.name)
    try:
        return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None
    except ValueError:
        return None
