"""Two Crewbook processes on one data folder cannot both hold it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock

HOLD = """
import sys, time
from pathlib import Path
from desktop.store.lock import FolderLock
lock = FolderLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_second_lock_is_refused_with_a_clear_message(data_folder: Path) -> None:
    with FolderLock(data_folder):
        with pytest.raises(StoreError, match="already open"):
            FolderLock(data_folder).acquire()
    FolderLock(data_folder).acquire().release()


def test_lock_held_by_another_process_is_respected_and_freed_when_it_ends(data_folder: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(data_folder)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="already open"):
            FolderLock(data_folder).acquire()
    finally:
        holder.communicate("\n", timeout=30)
    FolderLock(data_folder).acquire().release()
