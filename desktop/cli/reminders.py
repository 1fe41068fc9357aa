"""`crewbook reminders`: what is overdue or due today, as a notification (run at login), or
printed; `--at-login on|off` sets it to run when you log in."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from desktop.core.i18n import _
from desktop.display import why_no_window
from desktop.operations.reminders import remind_at_login, todays_reminder


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "reminders", help=_("what is overdue or due today, as a notification"),
        description=_("Show what is overdue or due today as a notification (a small window "
                      "where there is no system tray; printed where there is no display). Says "
                      "nothing when nothing is."))
    parser.add_argument("--print", action="store_true", dest="print_only",
                        help=_("print it here instead of showing a notification"))
    parser.add_argument("--at-login", choices=("on", "off"),
                        help=_("run `crewbook reminders` each time you log in (on), or stop "
                               "(off)"))


def run(args: argparse.Namespace, folder: Path, database: str | None) -> int:
    if args.at_login is not None:
        return _at_login(args.at_login == "on", folder)
    text = todays_reminder(folder, database, dt.date.today()).text()
    no_window = why_no_window(os.environ)
    if args.print_only or no_window:
        if text or args.print_only:
            print(text or _("Nothing is overdue or due today."))
        return 0
    if not text:
        return 0
    from desktop.ui.reminders import remind  # the window only when there is something to say

    return remind(text, folder, database)


def _at_login(on: bool, folder: Path) -> int:
    where = remind_at_login(on, folder)
    if on:
        print(_("Crewbook will say what is overdue or due today when you log in "
                "({where}).").format(where=where))
    elif where is None:
        print(_("Crewbook was not set to remind you at login; nothing to change."))
    else:
        print(_("Crewbook will no longer remind you at login (removed {where}).").format(
            where=where))
    return 0
