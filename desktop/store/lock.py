"""One Crewbook window per data folder, and no migration while another is open."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from desktop.core.i18n import _
from desktop.store.errors import StoreError
from desktop.store.paths import LOCK_NAME


class FolderLock:
    def __init__(self, folder: Path):
        self._lock = FileLock(folder / LOCK_NAME, mode=0o600, thread_local=False)
        self.folder = folder

    def acquire(self) -> FolderLock:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise StoreError(_("Crewbook is already open on {folder} (another window or "
                               "command is using it). Close it and try again.")
                             .format(folder=self.folder)) from None
        return self

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
