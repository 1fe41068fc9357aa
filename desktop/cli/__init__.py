"""The command line: the same use cases as the window. With no command, opens the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli import db, engagements, reports, risk, roster, transfer
from desktop.cli.roster import LIST_FIELDS, OPTIONS
from desktop.core.validation import ConflictError, ValidationError
from desktop.store.errors import StoreError
from desktop.store.paths import data_dir
from desktop.store.session import open_store

__all__ = ["LIST_FIELDS", "OPTIONS", "build_parser", "main"]

# A rejected field is reported by the option that set it.
_OPTION_NAMES = {"contractors": OPTIONS, "engagements": engagements.OPTIONS,
                 "payments": engagements.PAYMENT_OPTIONS, "report": reports.OPTIONS}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crewbook", description="Keep your contractors, contracts and payments in order. "
        "Run without a command to open the window.")
    parser.add_argument("--version", action="version", version=f"crewbook {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="data folder (default: $CREWBOOK_DATA_DIR or the platform's)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    roster.register(commands)
    engagements.register(commands)
    risk.register(commands)
    transfer.register(commands)
    reports.register(commands)
    db.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        folder = data_dir(args.data_dir)
        if args.command is None:
            from desktop.ui.app import run  # the window only when asked for

            return run(folder)
        if args.command == "db" and args.action == "upgrade":
            return db.upgrade(folder)
        store = open_store(folder).store
        try:
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
            return db.run(args, folder, store)
        finally:
            store.close()
    except BrokenPipeError:  # e.g. `crewbook contractors list | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter's flush quiet
        return 0
    except ValidationError as exc:
        names = _OPTION_NAMES.get(args.command, {})
        for error in exc.errors:
            print(f"crewbook: error: {names.get(error.field, error.field)}: {error.message}",
                  file=sys.stderr)
        return 2
    except (StoreError, ConflictError, OSError) as exc:
        print(f"crewbook: error: {exc}", file=sys.stderr)
        return 1
