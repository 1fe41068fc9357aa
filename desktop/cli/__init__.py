"""The command line: the same use cases as the window. With no command, opens the window;
with contact files instead of a command (`crewbook contacts.csv`), the window's import wizard on
each of them."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from desktop import __version__
from desktop.cli import (
    argparse_text,
    calendar,
    db,
    engagements,
    payment_fix,
    reminders,
    reports,
    risk,
    roster,
    settings,
    team,
    transfer,
)
from desktop.cli.roster import LIST_FIELDS, OPTIONS
from desktop.cli.terminal import escaping
from desktop.core.i18n import _
from desktop.core.validation import ConflictError, ValidationError
from desktop.display import why_no_window
from desktop.operations.calendar import refresh_kept
from desktop.operations.settings import use_business_locale
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.logfile import start_logging
from desktop.store.paths import data_dir
from desktop.store.server import ENV_VAR as DATABASE_ENV
from desktop.store.server import open_server
from desktop.store.session import open_store

__all__ = ["LIST_FIELDS", "MAX_FILES", "OPTIONS", "build_parser", "main"]

# Names taken for contact files, without a command, whether or not the file exists yet (an
# existing file of any other name is offered to the import wizard too, which says what it is).
CONTACT_FILES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
MAX_FILES = 32  # one start's files; desktop.ui.single_instance.MAX_FILES, without loading Qt

# A rejected field is reported by the option that set it.
_OPTION_NAMES = {"contractors": OPTIONS,
                 "engagements": {**engagements.OPTIONS, **engagements.MOVE_OPTIONS},
                 "payments": {**engagements.PAYMENT_OPTIONS, **payment_fix.OPTIONS},
                 "report": reports.OPTIONS,
                 "settings": settings.OPTIONS}


# Commands that may change a date the kept calendar file shows (desktop.operations.calendar).
_CHANGES_DATES = frozenset({"contractors", "demo", "engagements", "payments", "import"})


def _dispatch(args: argparse.Namespace, store: Store, folder: Path) -> int:
    if args.command in ("contractors", "demo"):
        return roster.run(args, store)
    if args.command in ("engagements", "payments"):
        return engagements.run(args, store)
    if args.command == "risk":
        return risk.run(args, store)
    if args.command in ("import", "export"):
        return transfer.run(args, store)
    if args.command == "report":
        return reports.run(args, store)
    if args.command == "team":
        return team.run(args, store)
    if args.command == "settings":
        return settings.run(args, store)
    if args.command == "calendar":
        return calendar.run(args, store, folder)
    return db.run(args, folder, store)


def build_parser() -> argparse.ArgumentParser:
    argparse_text.speak()
    parser = argparse.ArgumentParser(
        prog="crewbook", description=_("Keep your contractors, contracts and payments in "
                                       "order. Run without a command to open the window."),
        epilog=_("Give contact files instead of a command (crewbook [--data-dir DIR] FILE.csv; "
                 ".tsv, .txt and .xlsx too) to open the window with its import wizard on each "
                 "in turn; if Crewbook is already open on the data folder, that window does "
                 "it. `crewbook import FILE` imports without a window."))
    parser.add_argument("--version", action="version", version=f"crewbook {__version__}",
                        help=_("show Crewbook's version number and exit"))
    parser.add_argument("--data-dir", metavar="DIR",
                        help=_("data folder (default: $CREWBOOK_DATA_DIR or the platform's)"))
    parser.add_argument("--database", metavar="URL",
                        help=_("a team database, postgresql://user@host:port/name (default: "
                               "$CREWBOOK_DATABASE_URL; without either, the data folder's "
                               "file)"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    roster.register(commands)
    engagements.register(commands)
    risk.register(commands)
    transfer.register(commands)
    reports.register(commands)
    settings.register(commands)
    db.register(commands)
    team.register(commands)
    calendar.register(commands)
    reminders.register(commands)
    prefix = _("usage: ")  # as argparse says it, in the language spoken
    usage = parser.format_usage().removeprefix(prefix).rstrip()
    parser.usage = f"{usage}\n{' ' * len(prefix)}crewbook [--data-dir DIR] [FILE ...]"
    return parser


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor --data-dir's value; None if another
    option (--help, --version, or a mistake argparse will name) comes first."""
    words = iter(argv)
    for word in words:
        if word in ("--data-dir", "--database"):
            next(words, None)
        elif word == "--":
            return next(words, None)
        elif not word.startswith("-"):
            return word
        elif not word.startswith(("--data-dir=", "--database=")):
            return None
    return None


def _names_files(parser: argparse.ArgumentParser, argv: Sequence[str]) -> bool:
    """Whether ``argv`` is `[--data-dir DIR] FILE...`: its first word is no command, but an
    existing file or a contact file's name."""
    word = _first_word(argv)
    commands = next(a.choices for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction))
    if not word or word in commands:
        return False
    return Path(word).is_file() or Path(word).suffix.lower() in CONTACT_FILES


def _open_files(argv: Sequence[str]) -> int:
    """The window, with the import wizard on each file in turn (each opens when the one before
    it closes). Every file must exist, or no window opens."""
    parser = argparse.ArgumentParser(prog="crewbook", usage="%(prog)s [--data-dir DIR] FILE ...")
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument("--database", metavar="URL")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args(argv)
    for name in args.files:
        if not Path(name).is_file():
            problem = (_("crewbook: error: {file}: not a file") if Path(name).exists()
                       else _("crewbook: error: {file}: no such file"))
            print(problem.format(file=name), file=sys.stderr)
            return 2
    paths = [Path(name).resolve() for name in args.files]
    if len(paths) > MAX_FILES:
        print(_("crewbook: note: only the first {opened} of {given} files are opened").format(
            opened=MAX_FILES, given=len(paths)), file=sys.stderr)
    if _no_window():
        return 2
    try:
        folder = data_dir(args.data_dir)
        from desktop.ui.app import run  # the window only when asked for

        return run(folder, open_files=paths[:MAX_FILES],
                   database=args.database or os.environ.get(DATABASE_ENV))
    except (OSError, StoreError) as exc:
        print(_("crewbook: error: {problem}").format(problem=exc), file=sys.stderr)
        return 1


def _no_window() -> bool:
    """Say in one line why the window cannot open here, if it cannot."""
    problem = why_no_window(os.environ)
    if problem:
        print(_("crewbook: {message}").format(message=problem), file=sys.stderr)
    return problem is not None


def main(argv: Sequence[str] | None = None) -> int:
    with escaping():  # stored text and file names may hold what a terminal would obey
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    if _names_files(parser, argv):
        return _open_files(argv)
    args = parser.parse_args(argv)
    try:
        folder = data_dir(args.data_dir)
        url = args.database or os.environ.get(DATABASE_ENV)
        if args.command == "team" and args.action == "init":
            url = args.url
        if args.command == "team" and args.action == "push":
            return team.push(folder, args.to)
        if args.command == "team" and args.action == "pull":
            return team.pull(args.source, folder)
        if args.command == "reminders":
            return reminders.run(args, folder, url)
        if args.command is None:
            if _no_window():
                return 2
            from desktop.ui.app import run  # the window only when asked for

            return run(folder, database=url)
        with suppress(OSError):  # the window starts its own; no log file stops no command
            start_logging()
        if url:
            db.refuse_on_server(args)
            store = open_server(url)
        elif args.command == "db" and args.action == "upgrade":
            return db.upgrade(folder)
        elif args.command == "db" and args.action == "restore":
            return db.restore(folder, args.archive, args.yes)
        else:
            store = open_store(folder).store
        store.on_wait = lambda text: print(_("crewbook: {message}").format(message=text),
                                           file=sys.stderr, flush=True)
        try:
            use_business_locale(store)
            code = _dispatch(args, store, folder)
            if code == 0 and not url and args.command in _CHANGES_DATES:
                with suppress(OSError, StoreError):  # the command's work is done either way
                    refresh_kept(store, folder)
            return code
        finally:
            store.close()
    except BrokenPipeError:  # e.g. `crewbook contractors list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's flush quiet
        return 0
    except ValidationError as exc:
        _log_expected(args.command, exc)
        names = _OPTION_NAMES.get(args.command, {})
        for error in exc.errors:
            print(_("crewbook: error: {option}: {problem}").format(
                option=names.get(error.field, error.field), problem=error.message),
                file=sys.stderr)
        return 2
    except (StoreError, ConflictError, OSError) as exc:
        _log_expected(args.command, exc)
        print(_("crewbook: error: {problem}").format(problem=exc), file=sys.stderr)
        return 1
    except Exception:
        logging.getLogger(__name__).exception("crewbook %s failed unexpectedly", args.command)
        raise


def _log_expected(command: str | None, exc: Exception) -> None:
    # The class only: the message may quote what was typed (names, e-mail addresses).
    logging.getLogger(__name__).info("crewbook %s: %s", command, type(exc).__name__)
