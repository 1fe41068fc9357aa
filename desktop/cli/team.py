"""`crewbook team …`: set up a team database on PostgreSQL and add the people who use it."""

from __future__ import annotations

import argparse
import getpass

from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.team import Role, add_user, init, role_of


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    team = commands.add_parser("team", help="a database shared by a team (PostgreSQL)")
    team_cmds = team.add_subparsers(dest="action", metavar="ACTION", required=True)
    setup = team_cmds.add_parser(
        "init", help="create the schema and the owner, bookkeeper and viewer roles (as the "
                     "server's administrator)")
    setup.add_argument("url", help="postgresql://admin@host:port/database")
    person = team_cmds.add_parser("add-user", help="let a person in, with a role")
    person.add_argument("name", help="their database user name (lower-case, digits, _)")
    person.add_argument("--role", choices=[r.value for r in Role], required=True)
    person.add_argument("--password", action="store_true",
                        help="ask for a password for them (without it, the server's own "
                             "authentication decides, e.g. certificates or peer)")
    team_cmds.add_parser("whoami", help="your role on the team database")


def run(args: argparse.Namespace, store: Store) -> int:
    if not store.on_server:
        raise StoreError("crewbook team works on a team database: give --database URL "
                         "(or CREWBOOK_DATABASE_URL), or `crewbook team init URL`")
    if args.action == "init":
        init(store)
        print(f"{store.name} is ready for a team: roles crewbook_owner, crewbook_bookkeeper "
              "and crewbook_viewer. Add people with `crewbook team add-user NAME --role ROLE`.")
    elif args.action == "add-user":
        password = getpass.getpass(f"Password for {args.name}: ") if args.password else None
        add_user(store, args.name, Role(args.role), password)
        print(f"{args.name} can now use {store.name} as {args.role}.")
    else:
        print(role_of(store).value)
    return 0
