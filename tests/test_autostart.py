"""The login entry on each platform, written into a temporary home and read back."""

from __future__ import annotations

import configparser
import plistlib
from pathlib import Path

import pytest

from desktop.store import autostart
from desktop.store.errors import StoreError

ARGV = ["/opt/My Apps/crewbook 100%/crewbook", "--data-dir", '/home/sam/books "2026"/$main',
        "reminders"]


def desktop_exec(value: str) -> list[str]:
    """Exec as the desktop entry spec reads it: the string escapes, then the quoting (inside
    quotes a backslash escapes " ` $ and itself), then %% for a literal %."""
    chars = iter(value.replace("\\\\", "\\"))
    words: list[str] = []
    word: str | None = None
    quoted = False
    for c in chars:
        if quoted and c == "\\":
            word = (word or "") + next(chars)
        elif c == '"':
            quoted, word = not quoted, word or ""
        elif c == " " and not quoted:
            if word is not None:
                words.append(word)
            word = None
        else:
            word = (word or "") + c
    if word is not None:
        words.append(word)
    return [w.replace("%%", "%") for w in words]


def test_linux_entry_follows_the_xdg_autostart_spec(tmp_path: Path) -> None:
    config = tmp_path / "config"
    path = autostart.install(ARGV, "linux", tmp_path, {"XDG_CONFIG_HOME": str(config)})
    assert path == config / "autostart" / "crewbook-reminders.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["X-GNOME-Autostart-enabled"] == "true"
    assert section["Terminal"] == "false"
    assert desktop_exec(section["Exec"]) == ARGV


def test_linux_entry_defaults_to_dot_config(tmp_path: Path) -> None:
    for environ in ({}, {"XDG_CONFIG_HOME": "relative/config"}):  # the spec ignores relative
        assert autostart.entry_path("linux", tmp_path, environ) == (
            tmp_path / ".config" / "autostart" / "crewbook-reminders.desktop")


def test_macos_entry_is_a_launch_agent_run_at_load(tmp_path: Path) -> None:
    path = autostart.install(ARGV, "darwin", tmp_path, {})
    assert path == tmp_path / "Library" / "LaunchAgents" / "app.crewbook.reminders.plist"
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "app.crewbook.reminders"
    assert agent["ProgramArguments"] == ARGV
    assert agent["RunAtLoad"] is True


def test_windows_entry_is_a_command_file_in_the_startup_folder(tmp_path: Path) -> None:
    appdata = tmp_path / "Roaming"
    argv = [r"C:\Program Files\Crewbook\Crewbook.exe", "--data-dir", r"D:\Books 100%",
            "reminders"]
    path = autostart.install(argv, "win32", tmp_path, {"APPDATA": str(appdata)})
    assert path == (appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"
                    / "crewbook-reminders.cmd")
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    assert lines[0] == "@echo off"
    start = next(line for line in lines if line.startswith("start "))
    assert start == ('start "" "C:\\Program Files\\Crewbook\\Crewbook.exe" "--data-dir" '
                     '"D:\\Books 100%%" "reminders"')


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_install_remove_and_is_installed(tmp_path: Path, platform: str) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "APPDATA": str(tmp_path / "appdata")}
    assert not autostart.is_installed(platform, tmp_path, environ)
    assert autostart.remove(platform, tmp_path, environ) is None
    written = autostart.install(ARGV[:1] + ["reminders"], platform, tmp_path, environ)
    assert autostart.is_installed(platform, tmp_path, environ)
    again = ["/opt/other crewbook", "reminders"]
    assert autostart.install(again, platform, tmp_path, environ) == written  # rewritten
    assert sorted(p.name for p in written.parent.iterdir()) == [written.name]
    assert autostart.remove(platform, tmp_path, environ) == written
    assert not written.exists() and not autostart.is_installed(platform, tmp_path, environ)


def test_a_folder_that_cannot_be_written_is_reported_plainly(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.write_text("a file where the folder should be")  # fails even for root
    with pytest.raises(StoreError, match="could not write .*crewbook-reminders.desktop"):
        autostart.install(ARGV, "linux", tmp_path, {"XDG_CONFIG_HOME": str(config)})
    assert config.read_text() == "a file where the folder should be"


def test_a_path_with_a_line_break_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="plainer path"):
        autostart.install(["/opt/cr\newbook", "reminders"], "linux", tmp_path, {})
    assert not autostart.is_installed("linux", tmp_path, {})


def test_launch_command_for_the_bundle_and_for_python(tmp_path: Path) -> None:
    folder = tmp_path / "books"
    assert autostart.launch_command(None, executable="/opt/crewbook/crewbook", frozen=True,
                                    platform="linux") == ["/opt/crewbook/crewbook", "reminders"]
    assert autostart.launch_command(folder, executable="/venv/bin/python", frozen=False,
                                    platform="linux") == [
        "/venv/bin/python", "-m", "desktop", "--data-dir", str(folder), "reminders"]
    # On Windows the windowless program beside the console one, so no console opens at login.
    for console, quiet, frozen in (("crewbook-cli.exe", "Crewbook.exe", True),
                                   ("python.exe", "pythonw.exe", False)):
        (tmp_path / quiet).write_bytes(b"")
        argv = autostart.launch_command(None, executable=str(tmp_path / console),
                                        frozen=frozen, platform="win32")
        assert argv[0] == str(tmp_path / quiet)
    with pytest.raises(StoreError):
        autostart.launch_command(None, executable="", frozen=False, platform="linux")
