"""`crewbook calendar`: payments due, notice dates, check-ins and document expiries as an
iCalendar file."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.core.i18n import _
from desktop.core.validation import FieldError, ValidationError
from desktop.operations import calendar
from desktop.store.db import Store


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "calendar",
        help=_("payments due, notice dates, check-ins and expiries as a calendar file"),
        description=_("Write an iCalendar (.ics) file that Outlook, Google Calendar and Apple "
                      "Calendar import; importing it again updates the events. Without "
                      "options, says whether crewbook.ics in the data folder is kept up to date "
                      "(and brings it up to date)."))
    parser.add_argument("-o", "--output", metavar="FILE", help=_("the .ics file to write"))
    parser.add_argument("--keep-updated", choices=("on", "off"),
                        help=_("keep crewbook.ics in the data folder up to date after every "
                               "change made in the window, for calendar apps that subscribe to "
                               "a file"))


def run(args: argparse.Namespace, store: Store, folder: Path) -> int:
    if args.keep_updated is not None:
        if store.on_server:
            raise ValidationError([FieldError(
                "--keep-updated", _("keeps a file for a book on this computer; with a team "
                                    "database, write the calendar with -o FILE"))])
        on = args.keep_updated == "on"
        path = calendar.keep_updated(store, folder, on)
        done = (_("{file} is now kept up to date.") if on else
                _("{file} is no longer kept up to date; it stays where it is until you remove "
                  "it."))
        print(done.format(file=path))
    if args.output:
        target = Path(args.output)
        print(calendar.export_summary(calendar.export_calendar(store, target), target))
    if args.keep_updated is None and not args.output:
        path = calendar.kept_path(folder)
        if not store.on_server and calendar.is_kept(folder):
            calendar.refresh_kept(store, folder)
            print(_("{file} is kept up to date.").format(file=path))
        else:
            print(_("The data folder’s crewbook.ics is not kept up to date (turn it on with "
                    "crewbook calendar --keep-updated on). Write a calendar file with "
                    "crewbook calendar -o FILE."))
    return 0
