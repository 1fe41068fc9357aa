"""`crewbook import FILE` and `crewbook export contractors|payments -o FILE`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from desktop.core.i18n import _, ngettext
from desktop.core.text import json_escaped
from desktop.io import contractor_import as plan_import
from desktop.io.csv_source import Refused, legacy_code_page
from desktop.io.import_table import read_file
from desktop.io.layouts import TARGETS, fold
from desktop.io.values import DAY_FIRST, MONTH_FIRST, currency_code
from desktop.operations import transfer
from desktop.store import importing
from desktop.store.db import Store
from desktop.store.profile import get_profile

_ORDERS = {"day-first": DAY_FIRST, "month-first": MONTH_FIRST}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imp = commands.add_parser(
        "import", help=_("add contractors from a CSV or .xlsx file"),
        description=_("Add contractors from a CSV or .xlsx file (Xero, QuickBooks, Outlook, "
                      "Google Contacts, FreshBooks, Excel in any locale, or a Crewbook export). "
                      "Rejected rows are reported by line; nothing is written unless the whole "
                      "import succeeds."))
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true",
                     help=_("report what would happen; write nothing"))
    imp.add_argument("--on-duplicate", choices=plan_import.ON_DUPLICATE, default="skip",
                     help=_("a row whose email is already known: leave it out (default) or "
                            "merge it"))
    imp.add_argument("--json", action="store_true", help=_("print one JSON object"))
    imp.add_argument("--currency", default="USD",
                     help=_("currency of amounts that name none (default USD)"))
    imp.add_argument("--dates", choices=tuple(_ORDERS),
                     help=_("overrule the day/month order found in the file"))
    imp.add_argument("--header-line", type=int, metavar="N",
                     help=_("the line that names the columns"))
    imp.add_argument("--encoding", metavar="NAME",
                     help=_("read a text file in this encoding (e.g. cp1250) instead of the one "
                            "guessed; the summary names the guess"))
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                     help=_("read a column as a field (repeat); fields: {fields}").format(
                         fields=", ".join(t for t in TARGETS if t)))

    exp = commands.add_parser("export", help=_("write contractors or payments as CSV"))
    exp.add_argument("what", choices=tuple(transfer.EXPORTS))
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.add_argument("--excel", action="store_true",
                     help=_("add a BOM so Excel reads UTF-8 correctly"))


def run(args: argparse.Namespace, store: Store) -> int:
    if args.command == "export":
        return _export(args, store)
    return _import(args, store)


def _export(args: argparse.Namespace, store: Store) -> int:
    count = transfer.export_csv(store, args.what, args.output, excel=args.excel)
    print(transfer.export_summary(args.what, count, args.output))
    return 0


def _import(args: argparse.Namespace, store: Store) -> int:
    summary: dict[str, object] = {"file": str(args.file)}
    try:
        currency = _currency(args.currency)
        prefer = legacy_code_page(get_profile(store).profile.locale)
        table = read_file(args.file, args.encoding, prefer)
        header_index = _header_index(table, args.header_line)
        choices = plan_import.default_choices(
            table, header_index, on_duplicate=args.on_duplicate, default_currency=currency,
            date_order=_ORDERS.get(args.dates or ""))
        if args.map:
            choices = _mapped(choices, table.header(header_index), args.map)
        if plan_import.needs_mapping(choices):
            raise Refused(_("no column could be recognised as a name or company; name the "
                            "columns with --map COLUMN=name (or map them in the window)"))
        plan = plan_import.analyse(table, choices, importing.emails(store))
    except Refused as exc:
        return _refused(args, summary, str(exc))
    summary = plan_import.describe(plan) | {"file": str(args.file), "dry_run": args.dry_run}
    if not args.dry_run:
        transfer.run_import(store, *plan_import.writes(plan))
    if args.json:
        print(json_escaped(json.dumps(summary, ensure_ascii=False, indent=2)))
    else:
        _print_summary(summary)
    return 0


def _currency(text: str) -> str:
    try:
        return currency_code(text)
    except ValueError:
        raise Refused(_("--currency: “{text}” is not a currency such as USD or EUR").format(
            text=text)) from None


def _header_index(table, line: int | None) -> int | None:  # type: ignore[no-untyped-def]
    if line is None:
        return None
    for index, record in enumerate(table.records):
        if record.line == line:
            return index
    raise Refused(_("--header-line: the file has no record starting on line {line}").format(
        line=line))


def _mapped(choices: plan_import.Choices, headers: tuple[str, ...],
            pairs: list[str]) -> plan_import.Choices:
    mapping = list(choices.mapping)
    folded = [fold(h) for h in headers]
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        if not sep or target.strip() not in TARGETS:
            raise Refused(_("--map: “{pair}” should be COLUMN=FIELD, FIELD one of {fields}").format(
                pair=pair, fields=", ".join(t for t in TARGETS if t)))
        if fold(column) not in folded:
            raise Refused(_("--map: the file has no column “{column}”").format(column=column))
        mapping[folded.index(fold(column))] = target.strip()
    return replace(choices, mapping=tuple(mapping))


def _refused(args: argparse.Namespace, summary: dict[str, object], message: str) -> int:
    if args.json:
        print(json_escaped(json.dumps(summary | {"error": message}, ensure_ascii=False,
                                      indent=2)))
    print(_("crewbook: error: {file}: {problem}").format(file=args.file, problem=message),
          file=sys.stderr)
    return 1


def _print_summary(summary: dict[str, object]) -> None:
    """The --json summary for people: its encoding and delimiter names are English there."""
    # Translators: “contacts.csv: xero, UTF-8, comma-separated, header on line 1”.
    print(_("{file}: {layout}, {encoding}, {delimiter}-separated, header on line {line}").format(
        file=summary["file"], layout=summary["format"], encoding=_(str(summary["encoding"])),
        delimiter=_(str(summary["delimiter"])), line=summary["header_line"]))
    imported = int(summary["imported"])  # type: ignore[call-overload]
    counts = {"n": imported, "merged": summary["merged"], "skipped": summary["skipped"]}
    if summary["dry_run"]:
        print(ngettext("Would import {n} contractor; merged {merged}; skipped {skipped} empty, "
                       "title or footer rows.",
                       "Would import {n} contractors; merged {merged}; skipped {skipped} empty, "
                       "title or footer rows.", imported).format(**counts))
    else:
        print(ngettext("Imported {n} contractor; merged {merged}; skipped {skipped} empty, "
                       "title or footer rows.",
                       "Imported {n} contractors; merged {merged}; skipped {skipped} empty, "
                       "title or footer rows.", imported).format(**counts))
    for dup in summary["duplicates"]:  # type: ignore[attr-defined]
        print(_("line {line}: {contact} matches {match}").format(
            line=dup["line"], contact=dup["email"] or dup["phone"], match=dup["matches"]))
    for row in summary["rejected"]:  # type: ignore[attr-defined]
        print(_("line {line}: rejected ({reason}): {message}").format(
            line=row["line"], reason=row["reason"], message=row["message"]))
    for warning in summary["warnings"]:  # type: ignore[attr-defined]
        print(_("warning: {warning}").format(warning=warning))
