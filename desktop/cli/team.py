"""`crewbook team …`: set up a team database on PostgreSQL and add the people who use it."""

from __future__ import annotations

import argparse
import getpass
import sys
from contextlib import closing
from pathlib import Path

from desktop.core.formats import number
from desktop.core.i18n import _, ngettext
from desktop.store.book_copy import Copied, copy_book
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.paths import DB_NAME
from desktop.store.server import describe, open_server
from desktop.store.session import open_store
from desktop.store.team import Role, add_user, init, role_of


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    team = commands.add_parser("team", help=_("a database shared by a team (PostgreSQL)"))
    team_cmds = team.add_subparsers(dest="action", metavar="ACTION", required=True)
    setup = team_cmds.add_parser(
        "init", help=_("create the schema and the owner, bookkeeper and viewer roles (as the "
                       "server's administrator)"))
    # Translators: the form of the address; admin, host, port and database are its parts.
    setup.add_argument("url", help=_("postgresql://admin@host:port/database"))
    person = team_cmds.add_parser("add-user", help=_("let a person in, with a role"))
    person.add_argument("name", help=_("their database user name (lower-case, digits, _)"))
    person.add_argument("--role", choices=[r.value for r in Role], required=True)
    person.add_argument("--password", action="store_true",
                        help=_("ask for a password for them (without it, the server's own "
                               "authentication decides, e.g. certificates or peer)"))
    team_cmds.add_parser("whoami", help=_("your role on the team database"))
    push = team_cmds.add_parser(
        "push",
        help=_("copy the local book (every record and document) into a new team database"))
    push.add_argument("--to", required=True, metavar="URL", help=_("the team database"))
    pull = team_cmds.add_parser(
        "pull", help=_("make a complete local copy of a team database in a new data folder"))
    pull.add_argument("--from", dest="source", required=True, metavar="URL",
                      help=_("the team database"))


def push(folder: Path, url: str) -> int:
    """The local book in ``folder`` into the new team database at ``url``."""
    with closing(open_store(folder).store) as source, closing(open_server(url)) as target:
        copied = copy_book(source, target, _progress)
    _done(copied, describe(url))
    return 0


def pull(url: str, folder: Path) -> int:
    """A complete copy of the team database at ``url`` in the new data folder ``folder``."""
    if (folder / DB_NAME).exists():
        raise StoreError(_("{folder} already holds a book; pull into a new, empty data folder "
                           "(--data-dir)").format(folder=folder))
    with (closing(open_server(url)) as source, FolderLock(folder) as lock,
          closing(open_store(folder, lock).store) as target):
        copied = copy_book(source, target, _progress)
    _done(copied, str(folder))
    return 0


def _progress(what: str, done: int, total: int) -> None:
    if done == total or done % 20_000 == 0:
        # Translators: {what} names what is being copied, {done} and {total} are counts.
        print(_("crewbook: {what}: {done} of {total}").format(
            what=what, done=number(done), total=number(total)), file=sys.stderr, flush=True)


def _done(copied: Copied, where: str) -> None:
    rows = sum(copied.rows.values())
    # Translators: {where} is a data folder or a team database, “crew on db.example as sam”.
    print(ngettext("Copied {rows} rows in {tables} tables and {documents} document into "
                   "{where}; every table's count and every document's checksum match.",
                   "Copied {rows} rows in {tables} tables and {documents} documents into "
                   "{where}; every table's count and every document's checksum match.",
                   copied.documents).format(rows=number(rows), tables=len(copied.rows),
                                            documents=copied.documents, where=where))


def run(args: argparse.Namespace, store: Store) -> int:
    if not store.on_server:
        raise StoreError(_("crewbook team works on a team database: give --database URL "
                           "(or CREWBOOK_DATABASE_URL), or `crewbook team init URL`"))
    if args.action == "init":
        init(store)
        print(_("{database} is ready for a team: roles crewbook_owner, crewbook_bookkeeper and "
                "crewbook_viewer. Add people with `crewbook team add-user NAME --role "
                "ROLE`.").format(database=store.name))
    elif args.action == "add-user":
        password = (getpass.getpass(_("Password for {name}: ").format(name=args.name))
                    if args.password else None)
        add_user(store, args.name, Role(args.role), password)
        print(_("{name} can now use {database} as {role}.").format(
            name=args.name, database=store.name, role=args.role))
    else:
        print(role_of(store).value)
    return 0
