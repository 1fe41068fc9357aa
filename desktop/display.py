"""Whether the window can open here, asked before Qt starts: without a display (an SSH
session, a server) Qt aborts with a core dump and a note about a library, which tells the
user nothing about what to do instead."""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Callable, Mapping

from desktop.core.i18n import _

# Platforms that draw without a desktop session (tests, screenshots, VNC-less servers).
_HEADLESS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb")


def why_no_window(environ: Mapping[str, str], platform: str | None = None,
                  find_library: Callable[[str], str | None] = ctypes.util.find_library
                  ) -> str | None:
    """One line saying why the window cannot open here, or None when it can."""
    if not (platform or sys.platform).startswith("linux"):
        return None  # Windows and macOS always have a desktop to draw on
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in _HEADLESS:
        return None
    wayland = bool(environ.get("WAYLAND_DISPLAY")) and chosen in ("", "wayland")
    if wayland:
        return None
    if not environ.get("DISPLAY"):
        return _("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                 "start Crewbook from a desktop session, or use the command line: "
                 "crewbook --help")
    if find_library("xcb-cursor") is None:
        return _("the window needs the X11 library libxcb-cursor0, which is not installed "
                 "(Debian and Ubuntu: sudo apt install libxcb-cursor0); the command line works "
                 "without it: crewbook --help")
    return None
