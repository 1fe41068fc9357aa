"""`crewbook settings rates …`: the reference rates late-payment interest starts from."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.cli.output import emit
from desktop.core.formats import date_text
from desktop.core.i18n import _, ngettext
from desktop.core.late_payment import ReferenceRate, percent_text, validate_rate
from desktop.core.validation import ConflictError
from desktop.operations import settings
from desktop.store import reference_rates
from desktop.store.db import Store
from desktop.store.reference_rates import RateRecord

OPTIONS = {"series": "--series", "effective_from": "--from", "rate": "--rate",
           "source": "--source", "checked_on": "--checked"}
FIELDS = ("id", "series", "from", "rate", "source", "checked_on")
TABLE = (("id", _("ID")), ("series", _("Series")), ("from", _("In force from")),
         ("rate", _("Rate %")), ("checked_on", _("Checked")))


def register(sections: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rates = sections.add_parser("rates", help=_("reference rates for late-payment interest"))
    actions = rates.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help=_("every rate, newest first (the default)"))
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add = actions.add_parser("add", help=_("add a rate from a date"))
    _fields(add, required=True)
    edit = actions.add_parser("edit", help=_("change a rate (only what is given)"))
    edit.add_argument("id", type=int)
    _fields(edit, required=False)
    remove = actions.add_parser("remove", help=_("remove a rate"))
    remove.add_argument("id", type=int)


def _fields(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--series", required=required, help=_("ECB or BOE (what rules name)"))
    parser.add_argument("--from", dest="effective_from", required=required,
                        metavar="YYYY-MM-DD", help=_("the day the rate took effect"))
    parser.add_argument("--rate", required=required, help=_("percent, e.g. 2.15"))
    parser.add_argument("--source", required=required, help=_("where it was published"))
    parser.add_argument("--checked", metavar="YYYY-MM-DD",
                        help=_("when the series was last checked (default: today)"))


def run(args: argparse.Namespace, store: Store) -> int:
    today = dt.date.today()
    action = args.action or "list"
    if action == "list":
        fmt = getattr(args, "format", "table")
        emit([_row(r, fmt == "table") for r in reference_rates.rate_records(store)], fmt,
             FIELDS, TABLE, lambda n: ngettext("{n} rate", "{n} rates", n).format(n=n))
        return 0
    if action == "remove":
        record = _get(store, args.id)
        settings.delete_rate(store, record.id, record.version)
        print(_("Removed rate {id} ({rate}).").format(id=record.id, rate=_name(record.rate)))
        return 0
    given = {"series": args.series, "effective_from": args.effective_from, "rate": args.rate,
             "source": args.source, "checked_on": args.checked}
    if action == "add":
        rate = validate_rate({**given, "checked_on": args.checked or today.isoformat()}, today)
        made = settings.add_rate(store, rate).value
        print(_("Added rate {id}: {rate}.").format(id=made.id, rate=_name(made.rate)))
        return 0
    record = _get(store, args.id)
    changed = {k: v for k, v in given.items() if v is not None}
    if changed and "checked_on" not in changed:
        changed["checked_on"] = today.isoformat()
    rate = validate_rate({**_raw(record.rate), **changed}, today)
    saved = settings.update_rate(store, record.id, rate, record.version).value
    print(_("Saved rate {id}: {rate}.").format(id=saved.id, rate=_name(saved.rate)))
    return 0


def _get(store: Store, rate_id: int) -> RateRecord:
    for record in reference_rates.rate_records(store):
        if record.id == rate_id:
            return record
    raise ConflictError(_("rate {id} does not exist").format(id=rate_id))


def _name(r: ReferenceRate) -> str:
    # Translators: “ECB 2.15 % from Mar 11, 2026”.
    return _("{series} {rate} from {day}").format(series=r.series, rate=percent_text(r.rate_bp),
                                                  day=date_text(r.effective_from))


def _raw(r: ReferenceRate) -> dict[str, object]:
    return {"series": r.series, "effective_from": r.effective_from.isoformat(),
            "rate": percent_text(r.rate_bp).removesuffix(" %"), "source": r.source,
            "checked_on": r.checked_on.isoformat()}


def _row(record: RateRecord, for_reading: bool = False) -> dict[str, object]:
    """ISO dates for programs (JSON, CSV); ``for_reading``, as the table shows them."""
    r = record.rate
    day = date_text if for_reading else dt.date.isoformat
    return {"id": record.id, "series": r.series, "from": day(r.effective_from),
            "rate": percent_text(r.rate_bp).removesuffix(" %"), "source": r.source,
            "checked_on": day(r.checked_on)}
