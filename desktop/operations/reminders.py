"""The reminder at login: what it says today, and turning it on or off for a data folder."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_path

from desktop.core.reminder import Reminder
from desktop.store import autostart
from desktop.store.paths import db_path
from desktop.store.reminders import reminder
from desktop.store.server import open_server
from desktop.store.session import open_store


@dataclass(frozen=True)
class LoginPlace:
    """Where login entries go: this computer's by default; tests name another home."""

    platform: str = field(default_factory=lambda: sys.platform)
    home: Path = field(default_factory=Path.home)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))


def todays_reminder(folder: Path, database: str | None, today: dt.date) -> Reminder:
    """What is overdue or due today in the book. A data folder with no book yet has nothing to
    say, and none is made for it."""
    if database:
        store = open_server(database)
    elif not db_path(folder).is_file():
        return Reminder()
    else:
        store = open_store(folder, check=False).store
    try:
        return reminder(store, today)
    finally:
        store.close()


def _non_default(folder: Path) -> Path | None:
    """The folder, unless it is the platform's default: an environment variable set in a
    terminal is not there at login, so any other folder is written out."""
    default = user_data_path("Crewbook", appauthor=False).expanduser().resolve()
    return None if folder.resolve() == default else folder.resolve()


def remind_at_login(on: bool, folder: Path, place: LoginPlace | None = None,
                    argv: list[str] | None = None) -> Path | None:
    """Start the reminder at login (for ``folder``), or stop it. Returns the entry written or
    removed; None when turning off found nothing to remove."""
    place = place or LoginPlace()
    if not on:
        return autostart.remove(place.platform, place.home, place.environ)
    argv = argv or autostart.current_command(_non_default(folder))
    return autostart.install(argv, place.platform, place.home, place.environ)


def reminds_at_login(place: LoginPlace | None = None) -> bool:
    place = place or LoginPlace()
    return autostart.is_installed(place.platform, place.home, place.environ)


def entry_path(place: LoginPlace | None = None) -> Path:
    place = place or LoginPlace()
    return autostart.entry_path(place.platform, place.home, place.environ)
