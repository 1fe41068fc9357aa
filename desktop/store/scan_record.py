"""What became of the last full integrity scan of a book: finished clean, found damage, or cut
short (the window closed mid-scan, or the program was stopped). SQLite's check is one
statement with no point to resume from, so a scan cut short starts over at the next start."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

RECORD_NAME = "integrity-scan.json"  # beside the database file

CLEAN = "clean"
DAMAGED = "damaged"
UNFINISHED = "unfinished"


@dataclass(frozen=True)
class ScanRecord:
    state: str  # CLEAN, DAMAGED or UNFINISHED
    at: dt.datetime  # UTC, when the state was recorded


def record_path(database: Path) -> Path:
    return database.with_name(RECORD_NAME)


def last_scan(database: Path) -> ScanRecord | None:
    """The last scan's record, or None when the book was never scanned (or the record is
    unreadable: the scan simply runs again)."""
    try:
        data = json.loads(record_path(database).read_text(encoding="utf-8"))
        return ScanRecord(str(data["state"]), dt.datetime.fromisoformat(data["at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def record_scan(database: Path, state: str, now: dt.datetime | None = None) -> None:
    """Note the scan's state; a folder that cannot be written to only loses the note."""
    at = now or dt.datetime.now(dt.UTC)
    target = record_path(database)
    partial = target.with_name(f".{target.name}.new")
    with contextlib.suppress(OSError):
        partial.write_text(json.dumps({"state": state, "at": at.isoformat()}), encoding="utf-8")
        os.replace(partial, target)
