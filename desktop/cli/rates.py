"""`crewbook settings rates …`: the reference rates late-payment interest starts from."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.cli.output import emit
from desktop.core.late_payment import ReferenceRate, percent_text, validate_rate
from desktop.core.validation import ConflictError
from desktop.operations import settings
from desktop.store import reference_rates
from desktop.store.db import Store
from desktop.store.reference_rates import RateRecord

OPTIONS = {"series": "--series", "effective_from": "--from", "rate": "--rate",
           "source": "--source", "checked_on": "--checked"}
FIELDS = ("id", "series", "from", "rate", "source", "checked_on")
TABLE = (("id", "ID"), ("series", "Series"), ("from", "In force from"), ("rate", "Rate %"),
         ("checked_on", "Checked"))


def register(sections: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rates = sections.add_parser("rates", help="reference rates for late-payment interest")
    actions = rates.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="every rate, newest first (the default)")
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add = actions.add_parser("add", help="add a rate from a date")
    _fields(add, required=True)
    edit = actions.add_parser("edit", help="change a rate (only what is given)")
    edit.add_argument("id", type=int)
    _fields(edit, required=False)
    remove = actions.add_parser("remove", help="remove a rate")
    remove.add_argument("id", type=int)


def _fields(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--series", required=required, help="ECB or BOE (what rules name)")
    parser.add_argument("--from", dest="effective_from", required=required,
                        metavar="YYYY-MM-DD", help="the day the rate took effect")
    parser.add_argument("--rate", required=required, help="percent, e.g. 2.15")
    parser.add_argument("--source", required=required, help="where it was published")
    parser.add_argument("--checked", metavar="YYYY-MM-DD",
                        help="when the series was last checked (default: today)")


def run(args: argparse.Namespace, store: Store) -> int:
    today = dt.date.today()
    action = args.action or "list"
    if action == "list":
        emit([_row(r) for r in reference_rates.rate_records(store)],
             getattr(args, "format", "table"), FIELDS, TABLE, "rate")
        return 0
    if action == "remove":
        record = _get(store, args.id)
        settings.delete_rate(store, record.id, record.version)
        print(f"Removed rate {record.id} ({_name(record.rate)}).")
        return 0
    given = {"series": args.series, "effective_from": args.effective_from, "rate": args.rate,
             "source": args.source, "checked_on": args.checked}
    if action == "add":
        rate = validate_rate({**given, "checked_on": args.checked or today.isoformat()}, today)
        made = settings.add_rate(store, rate).value
        print(f"Added rate {made.id}: {_name(made.rate)}.")
        return 0
    record = _get(store, args.id)
    changed = {k: v for k, v in given.items() if v is not None}
    if changed and "checked_on" not in changed:
        changed["checked_on"] = today.isoformat()
    rate = validate_rate({**_raw(record.rate), **changed}, today)
    saved = settings.update_rate(store, record.id, rate, record.version).value
    print(f"Saved rate {saved.id}: {_name(saved.rate)}.")
    return 0


def _get(store: Store, rate_id: int) -> RateRecord:
    for record in reference_rates.rate_records(store):
        if record.id == rate_id:
            return record
    raise ConflictError(f"rate {rate_id} does not exist")


def _name(r: ReferenceRate) -> str:
    return f"{r.series} {percent_text(r.rate_bp)} from {r.effective_from.isoformat()}"


def _raw(r: ReferenceRate) -> dict[str, object]:
    return {"series": r.series, "effective_from": r.effective_from.isoformat(),
            "rate": percent_text(r.rate_bp).removesuffix(" %"), "source": r.source,
            "checked_on": r.checked_on.isoformat()}


def _row(record: RateRecord) -> dict[str, object]:
    r = record.rate
    return {"id": record.id, "series": r.series, "from": r.effective_from.isoformat(),
            "rate": percent_text(r.rate_bp).removesuffix(" %"), "source": r.source,
            "checked_on": r.checked_on.isoformat()}
