"""The language a person chose in Settings, kept for this computer's user (not in the book: the
people sharing a team database may read different languages). "" follows the system."""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_path

__all__ = ["preferences_file", "save_language", "saved_language"]


def preferences_file() -> Path:
    return user_config_path("Crewbook", appauthor=False) / "preferences.json"


def saved_language() -> str:
    try:
        value = json.loads(preferences_file().read_text(encoding="utf-8")).get("language", "")
    except (OSError, ValueError, AttributeError):  # none saved, or a file edited by hand
        return ""
    return value if isinstance(value, str) else ""


def save_language(code: str) -> None:
    """Remember ``code`` ("" for the system's language); it applies from the next start."""
    path = preferences_file()
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(kept, dict):
            kept = {}
    except (OSError, ValueError):
        kept = {}
    kept["language"] = code
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(kept, indent=1), encoding="utf-8")
    os.replace(temporary, path)
