"""Starting `crewbook reminders` when the user logs in: one small file per platform.

- Linux: an XDG autostart entry, ``$XDG_CONFIG_HOME/autostart/crewbook-reminders.desktop``.
- Windows: ``crewbook-reminders.cmd`` in the Startup folder. A command file needs nothing but
  cmd.exe (a shortcut needs COM to write, and VBScript is being withdrawn from Windows); it
  hands over to the windowless executable with ``start``, so its console closes at once.
- macOS: a LaunchAgent, ``~/Library/LaunchAgents/app.crewbook.reminders.plist``.

Every function takes the platform, the home folder and the environment, so each platform's
entry can be written and read back anywhere.
"""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Mapping, Sequence
from contextlib import suppress
from pathlib import Path

from desktop.core.i18n import _
from desktop.store.errors import StoreError

LABEL = "app.crewbook.reminders"
ICON = "app.crewbook.Crewbook"
LINUX_FILE = "crewbook-reminders.desktop"
WINDOWS_FILE = "crewbook-reminders.cmd"
MAC_FILE = f"{LABEL}.plist"
COMMAND = "reminders"
# Characters the desktop entry spec says an Exec argument must be quoted for.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _windows(platform: str) -> bool:
    return platform.startswith(("win", "cygwin"))


def _mac(platform: str) -> bool:
    return platform == "darwin"


def entry_path(platform: str, home: Path, environ: Mapping[str, str]) -> Path:
    """Where the entry goes. A relative XDG_CONFIG_HOME or APPDATA is ignored, as the XDG spec
    says for the first."""
    if _windows(platform):
        appdata = environ.get("APPDATA", "")
        base = Path(appdata) if appdata and Path(appdata).is_absolute() else (
            home / "AppData" / "Roaming")
        return base / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup" / WINDOWS_FILE
    if _mac(platform):
        return home / "Library" / "LaunchAgents" / MAC_FILE
    config = environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart" / LINUX_FILE


def launch_command(folder: Path | None, *, executable: str, frozen: bool,
                   platform: str) -> list[str]:
    """The command line that runs the reminder: the bundle's own executable, or this Python
    running the package (what an installed wheel and a source checkout both have). On Windows
    the windowless variant is chosen when it is there, so no console opens at login.
    ``folder``: the data folder, when it is not the default one."""
    if not executable:
        raise StoreError(_("Crewbook cannot tell which program it was started as, so it "
                           "cannot set itself up to start at login."))
    program = Path(executable)
    if _windows(platform):
        console, quiet = (("crewbook-cli.exe", "Crewbook.exe") if frozen
                          else ("python.exe", "pythonw.exe"))
        if program.name.lower() == console and program.with_name(quiet).is_file():
            program = program.with_name(quiet)
    argv = [str(program)] if frozen else [str(program), "-m", "desktop"]
    if folder is not None:
        argv += ["--data-dir", str(folder)]
    return [*argv, COMMAND]


def current_command(folder: Path | None) -> list[str]:
    """``launch_command`` for the program running now."""
    return launch_command(folder, executable=sys.executable,
                          frozen=bool(getattr(sys, "frozen", False)), platform=sys.platform)


def entry_bytes(platform: str, argv: Sequence[str]) -> bytes:
    """The entry's content for ``argv``."""
    for arg in argv:
        if any(ord(c) < 32 for c in arg) or (_windows(platform) and '"' in arg):
            shown = "".join(c if ord(c) >= 32 else "␤" for c in arg)
            raise StoreError(_("Crewbook cannot start at login from “{path}”: the path holds "
                               "a character a login entry cannot carry. Move Crewbook or the "
                               "data folder to a plainer path.").format(path=shown))
    if _windows(platform):
        # %% is a literal % in a command file; 65001 makes cmd read the UTF-8 paths that follow.
        line = " ".join('"' + a.replace("%", "%%") + '"' for a in argv)
        return ("@echo off\r\nchcp 65001 >nul\r\n"
                f'start "" {line}\r\n').encode()
    if _mac(platform):
        return plistlib.dumps({"Label": LABEL, "ProgramArguments": list(argv),
                               "RunAtLoad": True, "LimitLoadToSessionType": "Aqua",
                               "ProcessType": "Interactive"})
    return ("[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Crewbook reminders\n"
            "Comment=What is overdue or due today, when you log in\n"
            f"Exec={_exec_line(argv)}\n"
            f"Icon={ICON}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n").encode()


def _exec_line(argv: Sequence[str]) -> str:
    """Exec's value: each argument quoted when the spec asks, then escaped as a string value."""
    words = []
    for arg in argv:
        if arg and not (_RESERVED & set(arg)):
            words.append(arg)
            continue
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        words.append(f'"{inner}"')
    return " ".join(words).replace("\\", "\\\\").replace("%", "%%")


def install(argv: Sequence[str], platform: str, home: Path, environ: Mapping[str, str]) -> Path:
    """Write (or rewrite) the entry; returns where it was written."""
    path = entry_path(platform, home, environ)
    content = entry_bytes(platform, argv)
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(content)
        os.replace(partial, path)
    except OSError as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StoreError(_("Crewbook could not write {path}: {reason}. Nothing was changed.")
                         .format(path=path, reason=exc.strerror or exc)) from exc
    return path


def remove(platform: str, home: Path, environ: Mapping[str, str]) -> Path | None:
    """Remove the entry; returns where it was, or None if there was none."""
    path = entry_path(platform, home, environ)
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(_("Crewbook could not remove {path}: {reason}. It will still start "
                           "at login until the file is removed.").format(
                               path=path, reason=exc.strerror or exc)) from exc
    return path


def is_installed(platform: str, home: Path, environ: Mapping[str, str]) -> bool:
    return entry_path(platform, home, environ).is_file()
