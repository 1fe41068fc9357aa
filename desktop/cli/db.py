"""`crewbook db …`: where the data lives, upgrades and backups."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.operations.backup import back_up
from desktop.store import contractors, migrate
from desktop.store.db import Store
from desktop.store.lock import FolderLock
from desktop.store.session import open_store


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = commands.add_parser("db", help="database upkeep")
    db_cmds = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_cmds.add_parser("upgrade", help="bring the database to this version's schema")
    backup = db_cmds.add_parser("backup", help="copy the database safely, even while in use")
    backup.add_argument("path", nargs="?", help="file or folder (default: the backups folder)")
    db_cmds.add_parser("info", help="where the data lives and its schema version")


def upgrade(folder: Path) -> int:
    with FolderLock(folder) as lock:
        opened = open_store(folder, lock)
    opened.store.close()
    note = f" (backup first: {opened.backup})" if opened.backup else ""
    print(f"Database is at schema {migrate.HEAD}{note}.")
    return 0


def run(args: argparse.Namespace, folder: Path, store: Store) -> int:
    if args.action == "backup":
        print(back_up(store, folder, Path(args.path).expanduser() if args.path else None))
        return 0
    active = contractors.count(store)
    archived = contractors.count(store, include_archived=True) - active
    print(f"data folder: {folder}\ndatabase:    {store.path}\nschema:      {migrate.HEAD}\n"
          f"contractors: {active} (+{archived} archived)")
    return 0
