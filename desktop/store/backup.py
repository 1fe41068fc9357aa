"""Consistent copies of the live database through SQLite's online backup API."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from desktop.store.errors import StoreError


def timestamped_name(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"crewbook-{now:%Y%m%d-%H%M%S}.sqlite3"


def backup_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` (a file, or a folder for a timestamped file).

    Safe while the app is running: readers and writers carry on during the copy.
    """
    if destination.is_dir():
        destination = destination / timestamped_name()
        n = 1
        while destination.exists():
            destination = destination.with_name(f"{destination.stem}-{n}.sqlite3")
            n += 1
    if destination.exists():
        raise StoreError(f"{destination} already exists; choose another name.")
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(destination)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
            src.close()
    except sqlite3.Error as exc:
        destination.unlink(missing_ok=True)
        raise StoreError(f"Backup to {destination} failed: {exc}") from exc
    return destination


def backup_into(source: Path, folder: Path) -> Path:
    """A timestamped copy inside ``folder`` (created if needed)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return backup_database(source, folder)
