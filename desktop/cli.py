"""The command line: the same use cases as the window. With no subcommand, opens the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.core.contractor import LABELS, mask_tax_id, validate_contractor
from desktop.core.enums import (Channel, ContractorKind, ContractorStatus, RateUnit, Source,
                                TaxForm)
from desktop.core.money import format_money, to_major_text
from desktop.core.validation import ConflictError, ValidationError
from desktop.io.export import write_csv, write_json
from desktop.store import contractors, demo, migrate
from desktop.store.backup import backup_database, backup_into
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.lock import FolderLock
from desktop.store.paths import backup_dir, data_dir
from desktop.store.session import open_store

# Contractor field → its option on `contractors add`.
OPTIONS = {
    "display_name": "--name", "legal_name": "--legal-name", "kind": "--kind",
    "company": "--company", "email": "--email", "phone": "--phone", "website": "--website",
    "address": "--address", "country": "--country", "timezone": "--timezone",
    "tax_id": "--tax-id", "tax_form": "--tax-form", "tax_form_on": "--tax-form-on",
    "rate": "--rate", "rate_unit": "--rate-unit", "currency": "--currency", "tags": "--tag",
    "preferred_channel": "--channel", "status": "--status", "source": "--source",
    "identity_verified_on": "--identity-verified-on", "notes": "--notes",
}
_CHOICES = {"kind": ContractorKind, "tax_form": TaxForm, "rate_unit": RateUnit,
            "preferred_channel": Channel, "status": ContractorStatus, "source": Source}
LIST_FIELDS = ("id", "display_name", "company", "email", "phone", "country", "status", "rate",
               "currency", "rate_unit", "tax_form", "tags", "archived", "demo")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crewbook", description="Keep your contractors, contracts and payments in order. "
        "Run without a command to open the window.")
    parser.add_argument("--version", action="version", version=f"crewbook {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="data folder (default: $CREWBOOK_DATA_DIR or the platform's)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    roster = commands.add_parser("contractors", help="list, add or archive contractors")
    roster_cmds = roster.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = roster_cmds.add_parser("list", help="list contractors")
    show.add_argument("--status", choices=[s.value for s in ContractorStatus])
    show.add_argument("--tag", help="only contractors with this tag")
    show.add_argument("--archived", action="store_true", help="include archived contractors")
    show.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add = roster_cmds.add_parser("add", help="add a contractor")
    for field, option in OPTIONS.items():
        kwargs: dict = {"dest": field, "help": LABELS[field]}
        if field in _CHOICES:
            kwargs["choices"] = [m.value for m in _CHOICES[field]]
        if field == "tags":
            kwargs.update(action="append", default=[], help="a skill tag (repeat for more)")
        add.add_argument(option, required=field == "display_name", **kwargs)
    for action, text in (("archive", "archive a contractor (undo with restore)"),
                         ("restore", "bring an archived contractor back"),
                         ("show", "show one contractor")):
        sub = roster_cmds.add_parser(action, help=text)
        sub.add_argument("id", type=int)

    demo_cmd = commands.add_parser("demo", help="load the demo roster (or --remove it)")
    demo_cmd.add_argument("--remove", action="store_true", help="remove every demo contractor")

    db = commands.add_parser("db", help="database upkeep")
    db_cmds = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    db_cmds.add_parser("upgrade", help="bring the database to this version's schema")
    backup = db_cmds.add_parser("backup", help="copy the database safely, even while in use")
    backup.add_argument("path", nargs="?", help="file or folder (default: the backups folder)")
    db_cmds.add_parser("info", help="where the data lives and its schema version")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        folder = data_dir(args.data_dir)
        if args.command is None:
            from desktop.ui.app import run  # the window only when asked for

            return run(folder)
        return _dispatch(args, folder)
    except BrokenPipeError:  # e.g. `crewbook contractors list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's flush quiet
        return 0
    except ValidationError as exc:
        for error in exc.errors:
            print(f"crewbook: error: {OPTIONS.get(error.field, error.field)}: {error.message}",
                  file=sys.stderr)
        return 2
    except (StoreError, ConflictError, OSError) as exc:
        print(f"crewbook: error: {exc}", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace, folder: Path) -> int:
    if args.command == "db" and args.action == "upgrade":
        with FolderLock(folder) as lock:
            opened = open_store(folder, lock)
        opened.store.close()
        note = f" (backup first: {opened.backup})" if opened.backup else ""
        print(f"Database is at schema {migrate.HEAD}{note}.")
        return 0
    store = open_store(folder).store
    try:
        return _run(args, folder, store)
    finally:
        store.close()


def _run(args: argparse.Namespace, folder: Path, store: Store) -> int:
    if args.command == "db" and args.action == "backup":
        if args.path:
            print(backup_database(store.path, Path(args.path).expanduser()))
        else:
            print(backup_into(store.path, backup_dir(folder)))
        return 0
    if args.command == "db" and args.action == "info":
        print(f"data folder: {folder}\ndatabase:    {store.path}\nschema:      "
              f"{migrate.HEAD}\ncontractors: {contractors.count(store)} "
              f"(+{contractors.count(store, include_archived=True) - contractors.count(store)} archived)")
        return 0
    if args.command == "demo":
        if args.remove:
            print(f"Removed {demo.remove_demo(store)} demo contractors.")
        else:
            added = demo.load_demo(store)
            print(f"Loaded {added} demo contractors." if added
                  else "The demo roster is already loaded (remove it with: crewbook demo --remove).")
        return 0
    if args.action == "list":
        return _list(args, store)
    if args.action == "add":
        raw = {field: getattr(args, field) or "" for field in OPTIONS}
        record = contractors.create(store, validate_contractor(raw))
        print(f"Added contractor {record.id}: {record.data.display_name}")
        return 0
    if args.action in ("archive", "restore"):
        current = contractors.get(store, args.id)
        record = contractors.set_archived(store, args.id, args.action == "archive", current.version)
        verb = "Archived" if args.action == "archive" else "Restored"
        print(f"{verb} contractor {record.id}: {record.data.display_name}")
        return 0
    if args.action == "show":
        record = contractors.get(store, args.id)
        for field, value in record.data.to_raw().items():
            if field == "tax_id":
                value = mask_tax_id(str(value))
            if isinstance(value, list):
                value = ", ".join(value)
            print(f"{LABELS[field] + ':':<22} {value}")
        return 0
    raise AssertionError(f"unhandled command {args}")  # pragma: no cover


def _list(args: argparse.Namespace, store: Store) -> int:
    rows = [r for r in contractors.list_rows(store)
            if (args.archived or not r.archived)
            and (not args.status or r.status == args.status)
            and (not args.tag or args.tag.lower() in r.tags)]
    records = [{
        "id": r.id, "display_name": r.display_name, "company": r.company, "email": r.email,
        "phone": r.phone, "country": r.country, "status": r.status,
        "rate": "" if r.rate_minor is None else to_major_text(r.rate_minor, r.currency),
        "currency": r.currency, "rate_unit": r.rate_unit, "tax_form": r.tax_form,
        "tags": list(r.tags), "archived": r.archived, "demo": r.is_demo,
    } for r in rows]
    if args.format == "json":
        write_json(sys.stdout, records)
    elif args.format == "csv":
        write_csv(sys.stdout, LIST_FIELDS, (
            [_csv_value(rec[f]) for f in LIST_FIELDS] for rec in records))
    else:
        for rec, row in zip(records, rows, strict=True):
            rec["rate"] = "" if row.rate_minor is None else format_money(row.rate_minor, row.currency)
            rec["tags"] = ", ".join(row.tags)
        _print_table(records)
    return 0


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value)
    return value


def _print_table(records: list[dict[str, object]]) -> None:
    columns = ("id", "display_name", "company", "email", "status", "rate", "tags")
    titles = ("ID", "Name", "Company", "Email", "Status", "Rate", "Tags")
    cells = [[str(rec[c]) for c in columns] for rec in records]
    widths = [min(32, max([len(t)] + [len(row[i]) for row in cells])) for i, t in enumerate(titles)]
    line = "  ".join(t.ljust(w) for t, w in zip(titles, widths, strict=True))
    print(line.rstrip())
    for row in cells:
        print("  ".join(_fit(v, w) for v, w in zip(row, widths, strict=True)).rstrip())
    print(f"{len(records)} contractor{'s' if len(records) != 1 else ''}")


def _fit(value: str, width: int) -> str:
    return value.ljust(width) if len(value) <= width else value[: width - 1] + "…"
