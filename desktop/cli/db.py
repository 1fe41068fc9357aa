"""`crewbook db …`: where the data lives, upgrades, backups and restoring one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.core.i18n import _, pgettext
from desktop.operations.backup import back_up, check_backup, restore_backup
from desktop.store import contractors, migrate
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.session import open_store


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help=_("database upkeep"))
    db_cmds = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_cmds.add_parser("upgrade", help=_("bring the database to this version's schema"))
    backup = db_cmds.add_parser(
        "backup",
        help=_("back up the database and documents to one .zip file, even while in use"))
    backup.add_argument("path", nargs="?",
                        help=_("file or folder (default: the backups folder)"))
    restore = db_cmds.add_parser(
        "restore",
        help=_("replace the data with a backup (the current data is backed up first)"))
    restore.add_argument("archive", help=_("a backup written by `crewbook db backup`"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask before replacing"))
    db_cmds.add_parser("info", help=_("where the data lives and its schema version"))


def upgrade(folder: Path) -> int:
    with FolderLock(folder) as lock:
        opened = open_store(folder, lock)
    opened.store.close()
    if opened.backup:
        print(_("Database is at schema {schema} (backup first: {backup}).").format(
            schema=migrate.HEAD, backup=opened.backup))
    else:
        print(_("Database is at schema {schema}.").format(schema=migrate.HEAD))
    return 0


def restore(folder: Path, archive: str, yes: bool) -> int:
    """Runs without opening the book: the one in place may be damaged or empty."""
    path = Path(archive).expanduser()
    if not path.is_file():
        raise StoreError(_("{file}: no such file").format(file=path))
    with FolderLock(folder) as lock:
        manifest = check_backup(folder, path)
        # Translators: {backup} reads “backup of Mar 12, 2026 2:05 PM: 3 contractors”.
        print(_("{file} holds the {backup}; every file in it checks out.").format(
            file=path, backup=manifest.describe()))
        if not yes:
            if not sys.stdin.isatty():
                raise StoreError(_("restoring replaces the data in {folder}; add --yes to do it "
                                   "without being asked").format(folder=folder))
            # Translators: y and yes are understood, and the answers translated beside this.
            answer = input(_("Replace the data in {folder} with it? The current data is backed "
                             "up first. [y/N] ").format(folder=folder))
            if answer.strip().lower() not in _yes_answers():
                print(_("Nothing was changed."))
                return 1
        done = restore_backup(folder, path)
        open_store(folder, lock).store.close()  # upgrades a backup from an older version
    if done.previous:
        print(_("Restored the {backup} into {folder}; the data it replaced is kept at "
                "{previous}.").format(backup=done.manifest.describe(), folder=folder,
                                      previous=done.previous))
    else:
        print(_("Restored the {backup} into {folder}.").format(backup=done.manifest.describe(),
                                                              folder=folder))
    return 0


def _yes_answers() -> set[str]:
    """y and yes, and this language's words for them."""
    return {"y", "yes", pgettext("the answer to a [y/N] question", "y").lower(),
            pgettext("the answer to a [y/N] question", "yes").lower()}


def refuse_on_server(args: argparse.Namespace) -> None:
    """Backups and restores are of the local file; a server has its own tools."""
    if args.command == "db" and args.action in ("backup", "restore"):
        raise StoreError(_("crewbook db {action} works on the local data folder; back up a "
                           "team database with its server's tools (pg_dump and "
                           "pg_restore)").format(action=args.action))


def run(args: argparse.Namespace, folder: Path, store: Store) -> int:
    if args.action == "backup":
        print(back_up(store, folder, Path(args.path).expanduser() if args.path else None))
        return 0
    if args.action == "upgrade":  # a server is migrated as it opens
        print(_("Database is at schema {schema}.").format(schema=migrate.HEAD))
        return 0
    active = contractors.count(store)
    archived = contractors.count(store, include_archived=True) - active
    labels = {"folder": _("data folder:"), "database": _("database:"), "schema": _("schema:"),
              "contractors": _("contractors:")}
    width = max(len(label) for label in labels.values()) + 1
    lines = [] if store.on_server else [(labels["folder"], folder)]
    lines += [(labels["database"], store.name if store.on_server else store.path),
              (labels["schema"], migrate.HEAD),
              (labels["contractors"], _("{active} (+{archived} archived)").format(
                  active=active, archived=archived))]
    print("\n".join(f"{label:<{width}}{value}" for label, value in lines))
    return 0
