"""Whether this computer keeps crewbook.ics in the data folder up to date.

The setting sits in the data folder beside the file it governs: it belongs to this computer's
copy of the calendar, not to the book (each member of a team keeps their own, or none), and
the command line reads and changes it without the window's settings.
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.store.private_file import private_file

KEPT_NAME = "crewbook.ics"
SETTING_NAME = "calendar.json"


def kept_path(folder: Path) -> Path:
    return Path(folder) / KEPT_NAME


def is_kept(folder: Path) -> bool:
    """False too when the setting cannot be read: a missing or damaged file keeps nothing."""
    try:
        value = json.loads((Path(folder) / SETTING_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(value, dict) and value.get("keep_updated") is True


def set_kept(folder: Path, on: bool) -> None:
    with private_file(Path(folder) / SETTING_NAME, "w", encoding="utf-8") as out:
        json.dump({"keep_updated": on}, out)
        out.write("\n")
