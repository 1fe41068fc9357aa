"""Putting a backup in place of the current data, so that a crash at any moment leaves either
the old book or the restored one, never a mix.

The backup is checked and unpacked beside the data first; the current data is kept as a backup
of its own; then a marker file records that the swap has begun. From the marker on, every step
can be run again: a start that finds the marker finishes the swap before opening the book.
The caller holds the folder lock and has closed the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.store.archive import Manifest, clear_leftovers, write_archive_into
from desktop.store.archive_check import verify
from desktop.store.errors import StoreError
from desktop.store.paths import DB_NAME, DOCUMENTS_DIR, backup_dir

MARKER = "restore-in-progress.json"
STAGING = ".restore"
OLD_DOCUMENTS = ".restore-old-documents"
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    previous: Path | None  # where the data that was replaced is kept


def check(archive: Path, folder: Path) -> Manifest:
    """Verify a backup without changing anything (it is unpacked to a scratch folder and
    removed again)."""
    clear_leftovers(folder, ".restore-check-*")
    scratch = Path(tempfile.mkdtemp(prefix=".restore-check-", dir=folder))
    try:
        return verify(archive, scratch)[0]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def restore(archive: Path, folder: Path) -> Restored:
    """Replace the database and documents in ``folder`` with those in ``archive``."""
    finish_interrupted(folder)
    staging = _fresh(folder / STAGING)
    try:
        manifest, _database = verify(archive, staging)
        previous = keep_current(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _sync_tree(staging)
    _write_marker(folder, database_only=manifest.database_only)
    finish_interrupted(folder)
    return Restored(manifest, previous)


def keep_current(folder: Path) -> Path | None:
    """Back the current data up before it is replaced; a database too damaged to copy is kept
    as its raw files instead. Returns where it went (None when there was no database)."""
    database = folder / DB_NAME
    if not database.exists() or database.stat().st_size == 0:
        return None
    try:
        return write_archive_into(database, backup_dir(folder), kind="before restore")
    except StoreError:
        return _database_files_into(folder, "damaged", shutil.copy2)


def set_aside(folder: Path) -> Path:
    """Move a database that cannot be used (damaged, empty) and its side files into the
    backups folder, so a new book can start; nothing is deleted. Returns where it went."""
    return _database_files_into(folder, "unusable", os.replace)


def _database_files_into(folder: Path, why: str,
                         place: Callable[[Path, Path], object]) -> Path:
    kept = backup_dir(folder) / f"{why}-{time.strftime('%Y%m%d-%H%M%S')}"
    kept.mkdir(mode=0o700, parents=True, exist_ok=True)
    for suffix in ("", *_SIDE_FILES):
        source = folder / (DB_NAME + suffix)
        if source.exists():
            place(source, kept / source.name)
    return kept


def finish_interrupted(folder: Path) -> bool:
    """Complete a restore that was stopped after it began swapping; throw away one stopped
    before. Returns True if a swap was completed."""
    marker = folder / MARKER
    staging = folder / STAGING
    if not marker.exists():
        shutil.rmtree(staging, ignore_errors=True)  # unpacked but never begun: the old book stays
        shutil.rmtree(folder / OLD_DOCUMENTS, ignore_errors=True)
        return False
    try:
        database_only = bool(json.loads(marker.read_text("utf-8")).get("database_only"))
    except (OSError, ValueError, AttributeError):
        database_only = False
    live = folder / DB_NAME
    staged = staging / DB_NAME
    if staged.exists():
        # The old database's journal must never be read against the restored file.
        for suffix in _SIDE_FILES:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(folder / (DB_NAME + suffix))
    if not database_only:
        _swap_documents(folder, staging)
    if staged.exists():
        os.replace(staged, live)
    _sync_dir(folder)
    os.unlink(marker)
    _sync_dir(folder)
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(folder / OLD_DOCUMENTS, ignore_errors=True)
    return True


def _swap_documents(folder: Path, staging: Path) -> None:
    incoming = staging / DOCUMENTS_DIR
    current = folder / DOCUMENTS_DIR
    if not incoming.exists():
        if not (folder / OLD_DOCUMENTS).exists() and current.exists():
            # A backup without documents: the restored book has none.
            os.replace(current, folder / OLD_DOCUMENTS)
        return
    if current.exists():
        if (folder / OLD_DOCUMENTS).exists():
            shutil.rmtree(current)  # a half-done earlier move: the old ones are already kept
        else:
            os.replace(current, folder / OLD_DOCUMENTS)
    os.replace(incoming, current)


def _write_marker(folder: Path, *, database_only: bool) -> None:
    partial = folder / (MARKER + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"staging": STAGING, "database_only": database_only}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, folder / MARKER)
    _sync_dir(folder)


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(mode=0o700)
    return path


def _sync_tree(root: Path) -> None:
    for folder, _dirs, _files in os.walk(root):
        _sync_dir(Path(folder))


def _sync_dir(folder: Path) -> None:
    if os.name == "nt":  # folders cannot be opened for fsync there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
