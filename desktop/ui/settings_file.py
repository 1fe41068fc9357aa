"""The window's settings file (the folders last imported from, column mappings, layout) is its
user's alone.

Qt writes it through QSaveFile, which gives the new file the mode of the one it replaces, so a
file made 0600 before Qt first writes stays 0600 (checked at every start, since older versions
left it to the umask). The registry on Windows and macOS's managed plist are not files to guard.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QSettings


def keep_private(settings: QSettings) -> None:
    """Create the settings file 0600 (its new folder 0700) if missing, and make it 0600."""
    native = settings.format() == QSettings.Format.NativeFormat
    if native and sys.platform in ("win32", "darwin"):
        return
    path = Path(settings.fileName())
    with suppress(OSError):  # a read-only home: Qt cannot save settings there either
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        os.chmod(path, 0o600)
