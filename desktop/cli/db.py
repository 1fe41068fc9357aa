"""`crewbook db …`: where the data lives, upgrades, backups and restoring one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.operations.backup import back_up, check_backup, restore_backup
from desktop.store import contractors, migrate
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.session import open_store


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="database upkeep")
    db_cmds = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_cmds.add_parser("upgrade", help="bring the database to this version's schema")
    backup = db_cmds.add_parser(
        "backup", help="back up the database and documents to one .zip file, even while in use")
    backup.add_argument("path", nargs="?", help="file or folder (default: the backups folder)")
    restore = db_cmds.add_parser(
        "restore", help="replace the data with a backup (the current data is backed up first)")
    restore.add_argument("archive", help="a backup written by `crewbook db backup`")
    restore.add_argument("--yes", action="store_true", help="do not ask before replacing")
    db_cmds.add_parser("info", help="where the data lives and its schema version")


def upgrade(folder: Path) -> int:
    with FolderLock(folder) as lock:
        opened = open_store(folder, lock)
    opened.store.close()
    note = f" (backup first: {opened.backup})" if opened.backup else ""
    print(f"Database is at schema {migrate.HEAD}{note}.")
    return 0


def restore(folder: Path, archive: str, yes: bool) -> int:
    """Runs without opening the book: the one in place may be damaged or empty."""
    path = Path(archive).expanduser()
    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    with FolderLock(folder) as lock:
        manifest = check_backup(folder, path)
        print(f"{path} holds the {manifest.describe()}; every file in it checks out.")
        if not yes:
            if not sys.stdin.isatty():
                raise StoreError("restoring replaces the data in "
                                 f"{folder}; add --yes to do it without being asked")
            answer = input(f"Replace the data in {folder} with it? The current data is backed "
                           "up first. [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing was changed.")
                return 1
        done = restore_backup(folder, path)
        open_store(folder, lock).store.close()  # upgrades a backup from an older version
    kept = f"; the data it replaced is kept at {done.previous}" if done.previous else ""
    print(f"Restored the {done.manifest.describe()} into {folder}{kept}.")
    return 0


def refuse_on_server(args: argparse.Namespace) -> None:
    """Backups and restores are of the local file; a server has its own tools."""
    if args.command == "db" and args.action in ("backup", "restore"):
        raise StoreError(f"crewbook db {args.action} works on the local data folder; back up a "
                         "team database with its server's tools (pg_dump and pg_restore)")


def run(args: argparse.Namespace, folder: Path, store: Store) -> int:
    if args.action == "backup":
        print(back_up(store, folder, Path(args.path).expanduser() if args.path else None))
        return 0
    if args.action == "upgrade":  # a server is migrated as it opens
        print(f"Database is at schema {migrate.HEAD}.")
        return 0
    active = contractors.count(store)
    archived = contractors.count(store, include_archived=True) - active
    where = (f"database:    {store.name}" if store.on_server else
             f"data folder: {folder}\ndatabase:    {store.path}")
    print(f"{where}\nschema:      {migrate.HEAD}\ncontractors: {active} (+{archived} archived)")
    return 0
