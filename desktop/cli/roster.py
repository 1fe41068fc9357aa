"""`crewbook contractors …` and `crewbook demo`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop.cli.at_stake import refused_without_reason
from desktop.cli.output import emit
from desktop.core.contractor import LABELS, mask_tax_id, validate_contractor
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.i18n import _, ngettext
from desktop.core.money import format_money, to_major_text
from desktop.core.phone import display_phone, phone_key
from desktop.operations import contractors as contractor_ops
from desktop.operations.letting_go import at_stake
from desktop.store import contractors, demo_links
from desktop.store.db import Store
from desktop.store.profile import get_profile

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


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    roster = commands.add_parser("contractors", help=_("list, add or archive contractors"))
    roster_cmds = roster.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = roster_cmds.add_parser("list", help=_("list contractors"))
    show.add_argument("--status", choices=[s.value for s in ContractorStatus])
    show.add_argument("--tag", help=_("only contractors with this tag"))
    show.add_argument("--archived", action="store_true", help=_("include archived contractors"))
    show.add_argument("--format", choices=("table", "csv", "json"), default="table")
    add = roster_cmds.add_parser("add", help=_("add a contractor"))
    edit = roster_cmds.add_parser("edit", help=_("change a contractor (only what is given)"))
    edit.add_argument("id", type=int)
    for parser, adding in ((add, True), (edit, False)):
        for field, option in OPTIONS.items():
            kwargs: dict = {"dest": field, "help": LABELS[field]}
            if field in _CHOICES:
                kwargs["choices"] = [m.value for m in _CHOICES[field]]
            if field == "tags":
                kwargs.update(action="append", default=[] if adding else None,
                              help=_("a skill tag (repeat for more; replaces the tags)"))
            parser.add_argument(option, required=adding and field == "display_name", **kwargs)
    for action, text in (("archive", _("archive a contractor (undo with restore)")),
                         ("restore", _("bring an archived contractor back")),
                         ("show", _("show one contractor"))):
        sub = roster_cmds.add_parser(action, help=text)
        sub.add_argument("id", type=int)
        if action == "archive":
            sub.add_argument("--reason", default="",
                             help=_("why (asked for when the contractor is well rated)"))

    demo_cmd = commands.add_parser("demo", help=_("load the demo data (or --remove it)"))
    demo_cmd.add_argument("--remove", action="store_true", help=_("remove all demo data"))
    demo_cmd.add_argument("--yes", action="store_true",
                          help=_("remove it even where your own records refer to it"))


def run(args: argparse.Namespace, store: Store) -> int:
    if args.command == "demo":
        if args.remove:
            linked = demo_links.references(store)
            if linked and not args.yes:
                print(_("crewbook: error: some of your own records refer to demo data:"),
                      file=sys.stderr)
                for line in linked:
                    print(f"  - {line}", file=sys.stderr)
                print(_("Say --yes to remove the demo data anyway."), file=sys.stderr)
                return 2
            removed = contractor_ops.remove_demo(store).value
            print(ngettext("Removed {n} demo contractor and their engagements.",
                           "Removed {n} demo contractors and their engagements.",
                           removed).format(n=removed))
        else:
            added = contractor_ops.load_demo(store).value
            print(ngettext("Loaded {n} demo contractor.", "Loaded {n} demo contractors.",
                           added).format(n=added) if added
                  else _("The demo roster is already loaded (remove it with: crewbook demo "
                         "--remove)."))
        return 0
    if args.action == "list":
        return _list(args, store)
    if args.action == "add":
        raw = {field: getattr(args, field) or "" for field in OPTIONS}
        data = validate_contractor(raw, home_country=_home(store))
        record = contractor_ops.add(store, data).value
        print(_("Added contractor {id}: {name}").format(id=record.id,
                                                        name=record.data.display_name))
        return 0
    if args.action == "edit":
        current = contractors.get(store, args.id)
        given = {f: getattr(args, f) for f in OPTIONS if getattr(args, f) is not None}
        data = validate_contractor({**current.data.to_raw(), **given}, home_country=_home(store))
        record = contractor_ops.edit(store, args.id, data, current.version).value
        print(_("Saved contractor {id}: {name}").format(id=record.id,
                                                        name=record.data.display_name))
        return 0
    if args.action in ("archive", "restore"):
        current = contractors.get(store, args.id)
        archive = args.action == "archive"
        reason = getattr(args, "reason", "")
        if archive and current.archived_at is None and refused_without_reason(
                at_stake(store, args.id, dt.date.today()), reason,
                _("crewbook: error: Archive {name}? Say why with --reason.")):
            return 2
        contractor_ops.set_archived(store, {args.id: current.version}, archive,
                                    {args.id: reason} if reason else None)
        record = contractors.get(store, args.id)
        done = (_("Archived contractor {id}: {name}") if args.action == "archive"
                else _("Restored contractor {id}: {name}"))
        print(done.format(id=record.id, name=record.data.display_name))
        return 0
    record = contractors.get(store, args.id)  # show
    for field, value in record.data.to_raw().items():
        if field == "tax_id":
            value = mask_tax_id(str(value))
        elif field == "phone":
            value = display_phone(record.data.phone, _home(store), record.data.country)
        if isinstance(value, list):
            value = ", ".join(value)
        print(f"{LABELS[field] + ':':<22} {value}")
    return 0


def _list(args: argparse.Namespace, store: Store) -> int:
    rows = [r for r in contractors.list_rows(store)
            if (args.archived or not r.archived)
            and (not args.status or r.status == args.status)
            and (not args.tag or args.tag.lower() in r.tags)]
    rows.sort(key=lambda r: r.id)
    home = _home(store)
    records: list[dict[str, object]] = [{
        "id": r.id, "display_name": r.display_name, "company": r.company, "email": r.email,
        # For programs: one form per number (see desktop.core.phone), even if saved as typed.
        "phone": phone_key(r.phone, r.country or home) or r.phone, "country": r.country,
        "status": r.status,
        "rate": "" if r.rate_minor is None else to_major_text(r.rate_minor, r.currency),
        "currency": r.currency, "rate_unit": r.rate_unit, "tax_form": r.tax_form,
        "tags": list(r.tags), "archived": r.archived, "demo": r.is_demo,
    } for r in rows]
    if args.format == "table":
        for rec, row in zip(records, rows, strict=True):
            rec["rate"] = "" if row.rate_minor is None else format_money(row.rate_minor, row.currency)
    emit(records, args.format, LIST_FIELDS,
         (("id", _("ID")), ("display_name", _("Name")), ("company", _("Company")),
          ("email", _("Email")), ("status", _("Status")), ("rate", _("Rate")),
          ("tags", _("Tags"))),
         lambda n: ngettext("{n} contractor", "{n} contractors", n).format(n=n))
    return 0


def _home(store: Store) -> str:
    """The business's country: numbers without a country code are read, and shown, from it."""
    return get_profile(store).profile.country
