"""`crewbook settings …`: the business profile (`settings profile`) and the rules with legal
sources Crewbook works from (`settings thresholds`, which the year-end tax summary and the risk
summary read; `settings rates`, late-payment interest's reference rates)."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.cli import language, rates
from desktop.cli.output import emit
from desktop.core.formats import date_text
from desktop.core.i18n import _, ngettext
from desktop.core.money import to_major_text
from desktop.core.profile import LABELS as PROFILE_LABELS
from desktop.core.profile import validate_profile
from desktop.core.thresholds import ThresholdData, validate_threshold
from desktop.core.validation import ConflictError
from desktop.operations import settings
from desktop.store import thresholds
from desktop.store.db import Store
from desktop.store.profile import get_profile

# Field name → the option that sets it, for error messages.
OPTIONS = {"jurisdiction": "--country", "form": "--form", "tax_year_from": "--from",
           "tax_year_to": "--to", "amount": "--amount", "currency": "--currency",
           "source": "--source", "checked_on": "--checked", "name": "--name",
           "country": "--country", "region": "--region", "base_currency": "--currency",
           "locale": "--locale", "tax_year_start": "--tax-year-start",
           "annual_revenue": "--revenue", "written_contract_from": "--written-contract-from",
           **rates.OPTIONS}
PROFILE_OPTIONS = {"name": "--name", "country": "--country", "region": "--region",
                   "base_currency": "--currency", "locale": "--locale",
                   "tax_year_start": "--tax-year-start", "annual_revenue": "--revenue",
                   "written_contract_from": "--written-contract-from"}
FIELDS = ("id", "country", "form", "from", "to", "amount", "currency", "source", "checked_on")
TABLE = (("id", _("ID")), ("country", _("Country")), ("form", _("Form")),
         ("years", _("Tax years")), ("amount", _("Threshold")),
         # Translators: a narrow column's title, short for “Currency”.
         ("currency", _("Cur")), ("checked_on", _("Checked")))


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    top = commands.add_parser("settings", help=_("the business profile, tax thresholds and "
                                                 "reference rates"))
    what = top.add_subparsers(dest="section", metavar="SECTION", required=True)
    prof = what.add_parser("profile", help=_("the business: name, currency, tax year, revenue"))
    prof_actions = prof.add_subparsers(dest="action", metavar="ACTION")
    prof_actions.add_parser("show", help=_("the profile (the default)"))
    setter = prof_actions.add_parser("set", help=_("change what is given, keep the rest"))
    for field, option in PROFILE_OPTIONS.items():
        setter.add_argument(option, dest=field, help=_("{label} (blank clears)").format(
            label=PROFILE_LABELS[field]))
    th = what.add_parser("thresholds", help=_("tax reporting thresholds such as 1099-NEC's"))
    actions = th.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help=_("every threshold (the default)"))
    listing.add_argument("--format", choices=("table", "json", "csv"), default="table")
    add = actions.add_parser("add", help=_("add a threshold for a range of tax years"))
    _fields(add, required=True)
    edit = actions.add_parser("edit", help=_("change a threshold (only what is given)"))
    edit.add_argument("id", type=int)
    _fields(edit, required=False)
    remove = actions.add_parser("remove", help=_("remove a threshold"))
    remove.add_argument("id", type=int)
    rates.register(what)
    language.register(what)


def _fields(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--country", required=required, help=_("ISO country code, e.g. US"))
    parser.add_argument("--form", required=required, help=_("e.g. 1099-NEC"))
    parser.add_argument("--from", dest="tax_year_from", required=required, metavar="YEAR")
    parser.add_argument("--to", dest="tax_year_to", metavar="YEAR",
                        help=_("last tax year it covers (blank: open-ended)"))
    parser.add_argument("--amount", required=required, help=_("e.g. 2000 or 2,000.00"))
    parser.add_argument("--currency", required=required, help=_("ISO 4217 code, e.g. USD"))
    parser.add_argument("--source", required=required,
                        help=_("the law or document it rests on"))
    parser.add_argument("--checked", metavar="YYYY-MM-DD",
                        help=_("when the source was last read (default: today)"))


def run(args: argparse.Namespace, store: Store) -> int:
    if args.section == "profile":
        return _profile(args, store)
    if args.section == "rates":
        return rates.run(args, store)
    if args.section == "language":
        return language.run(args)
    today = dt.date.today()
    action = args.action or "list"
    if action == "list":
        records = thresholds.threshold_records(store)
        fmt = getattr(args, "format", "table")
        emit([_row(r.id, r.threshold, fmt == "table") for r in records], fmt, FIELDS, TABLE,
             lambda n: ngettext("{n} threshold", "{n} thresholds", n).format(n=n))
        return 0
    if action == "remove":
        record = _get(store, args.id)
        settings.delete_threshold(store, record.id, record.version)
        print(_("Removed threshold {id} ({threshold}).").format(
            id=record.id, threshold=_name(record.threshold)))
        return 0
    given = {"jurisdiction": args.country, "form": args.form,
             "tax_year_from": args.tax_year_from, "tax_year_to": args.tax_year_to,
             "amount": args.amount, "currency": args.currency, "source": args.source,
             "checked_on": args.checked}
    if action == "add":
        data = validate_threshold({**given, "checked_on": args.checked or today.isoformat()},
                                  today)
        made = settings.add_threshold(store, data).value
        print(_("Added threshold {id}: {threshold}.").format(id=made.id,
                                                             threshold=_name(made.threshold)))
        return 0
    record = _get(store, args.id)
    current = _raw(record.threshold)
    changed = {k: v for k, v in given.items() if v is not None}
    if changed and "checked_on" not in changed:
        changed["checked_on"] = today.isoformat()  # the figure was just checked again
    data = validate_threshold({**current, **changed}, today)
    saved = settings.update_threshold(store, record.id, data, record.version).value
    print(_("Saved threshold {id}: {threshold}.").format(id=saved.id,
                                                         threshold=_name(saved.threshold)))
    return 0


def _get(store: Store, threshold_id: int) -> thresholds.ThresholdRecord:
    for record in thresholds.threshold_records(store):
        if record.id == threshold_id:
            return record
    raise ConflictError(_("threshold {id} does not exist").format(id=threshold_id))


def _name(t: ThresholdData) -> str:
    return (f"{t.jurisdiction} {t.form} {t.years()}, {to_major_text(t.amount_minor, t.currency)} "
            f"{t.currency}")


def _raw(t: ThresholdData) -> dict[str, object]:
    return {"jurisdiction": t.jurisdiction, "form": t.form, "tax_year_from": str(t.tax_year_from),
            "tax_year_to": "" if t.tax_year_to is None else str(t.tax_year_to),
            "amount": to_major_text(t.amount_minor, t.currency), "currency": t.currency,
            "source": t.source, "checked_on": t.checked_on.isoformat()}


def _row(threshold_id: int, t: ThresholdData, for_reading: bool = False) -> dict[str, object]:
    """ISO dates for programs (JSON, CSV); ``for_reading``, as the table shows them."""
    return {"id": threshold_id, "country": t.jurisdiction, "form": t.form,
            "from": t.tax_year_from, "to": t.tax_year_to, "years": t.years(),
            "amount": to_major_text(t.amount_minor, t.currency), "currency": t.currency,
            "source": t.source,
            "checked_on": date_text(t.checked_on) if for_reading else t.checked_on.isoformat()}


def _profile(args: argparse.Namespace, store: Store) -> int:
    record = get_profile(store)
    if args.action == "set":
        given = {f: getattr(args, f) for f in PROFILE_OPTIONS if getattr(args, f) is not None}
        data = validate_profile({**record.profile.to_raw(), **given})
        record = settings.save_profile(store, data, record.version).value
        print(_("Saved the business profile."))
    for field, value in record.profile.to_raw().items():
        shown = value or (_("not set: financial impact is unknown") if field == "annual_revenue"
                          else _("not set"))
        print(f"{PROFILE_LABELS[field] + ':':<24} {shown}")
    return 0
