"""`crewbook engagements …` and `crewbook payments …`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from desktop.cli import engagement_schedule, payment_fix
from desktop.cli.at_stake import refused_without_reason
from desktop.cli.output import emit
from desktop.core.dates import parse_date
from desktop.core.engagement import (
    LABELS,
    brief_gaps,
    last_notice_date,
    notice_text,
    notice_warning,
    validate_engagement,
)
from desktop.core.enums import (
    BillingPeriod,
    Channel,
    CheckInCadence,
    DataAccess,
    EngagementStatus,
    PricingModel,
)
from desktop.core.formats import date_text
from desktop.core.i18n import _, ngettext, pgettext
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.payments import METHODS
from desktop.core.validation import FieldError, ValidationError
from desktop.operations import engagements as engagement_ops
from desktop.operations import payments as payment_ops
from desktop.operations.letting_go import at_stake
from desktop.store import (
    communication,
    contractors,
    engagements,
    payment_changes,
    payments,
    reviews,
)
from desktop.store.db import Store

# Engagement field → its option on `engagements add`.
OPTIONS = {
    "contractor_id": "--contractor", "title": "--title", "goals": "--goals", "scope": "--scope",
    "deliverables": "--deliverables", "acceptance_criteria": "--acceptance",
    "pricing_model": "--pricing", "billing_period": "--period", "amount": "--amount",
    "rate": "--rate", "currency": "--currency", "estimated_hours": "--estimate",
    "hours_cap": "--cap", "start_on": "--start", "end_on": "--end",
    "notice_period": "--notice", "notice_unit": "--notice-unit",
    "payment_terms_days": "--net-days", "longer_terms_reason": "--longer-terms-because",
    "ip_terms": "--ip-terms",
    "ip_assignment_signed": "--ip-assigned", "nda_signed_on": "--nda-on",
    "data_access": "--data-access", "subcontracting_allowed": "--subcontracting",
    "jurisdiction_country": "--country", "jurisdiction_region": "--region",
    "jurisdiction_city": "--city",
    "comm_channel": "--channel", "comm_cadence": "--cadence", "comm_contact": "--contact",
    "comm_overlap": "--overlap", "status": "STATUS",
}
PAYMENT_OPTIONS = {"amount": "--amount", "paid_on": "--date", "currency": "--amount",
                   "installment": "INSTALLMENT_ID", "reference": "--reference",
                   "invoice_number": "--invoice"}
# Of `engagements move`, `sign` and `schedule`.
MOVE_OPTIONS = {"by": "--by", "reason": "--reason", "milestones": "--milestone"}
_CHOICES = {"pricing_model": PricingModel, "billing_period": BillingPeriod,
            "data_access": DataAccess, "comm_channel": Channel, "comm_cadence": CheckInCadence}
_FLAGS = ("ip_assignment_signed", "subcontracting_allowed")
LIST_FIELDS = ("id", "title", "contractor_id", "contractor", "status", "value", "currency",
               "start_on", "end_on", "next_due_on", "demo")
DUE_FIELDS = ("installment_id", "due_on", "overdue", "contractor", "engagement_id",
              "engagement", "label", "outstanding", "currency")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    eng = commands.add_parser("engagements", help=_("list, show, add or move engagements"))
    eng_cmds = eng.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = eng_cmds.add_parser("list", help=_("list engagements"))
    show.add_argument("--status", choices=[s.value for s in EngagementStatus])
    show.add_argument("--contractor", type=int, metavar="ID")
    show.add_argument("--format", choices=("table", "csv", "json"), default="table")
    show_one = eng_cmds.add_parser("show", help=_("one engagement with its schedule and log"))
    show_one.add_argument("id", type=int)
    show_one.add_argument("--format", choices=("text", "json"), default="text",
                          help=_("json: the terms and installments, amounts as decimal "
                                 "strings"))
    engagement_schedule.register(eng_cmds)
    add = eng_cmds.add_parser("add", help=_("add a draft engagement"))
    for field, option in OPTIONS.items():
        if field == "status":
            continue
        kwargs: dict = {"dest": field, "help": LABELS[field]}
        if field == "notice_unit":
            kwargs["help"] = _("days (the default), weeks or months")
        if field in _CHOICES:
            kwargs["choices"] = [m.value for m in _CHOICES[field]]
        if field in _FLAGS:
            kwargs = {"dest": field, "action": "store_true", "help": LABELS[field]}
        # --notice-days: the option's name before notice periods had units
        names = (option, "--notice-days") if field == "notice_period" else (option,)
        add.add_argument(*names, required=field in ("contractor_id", "title"), **kwargs)
    sign = eng_cmds.add_parser("sign", help=_("mark signed, if no blocker stands in the way"))
    sign.add_argument("id", type=int)
    sign.add_argument("--by", default="", help=_("who signed"))
    sign.add_argument("--on", help=_("date signed (default: today)"))
    move = eng_cmds.add_parser("move", help=_("move an engagement along its status path"))
    move.add_argument("id", type=int)
    move.add_argument("status", choices=[s.value for s in EngagementStatus])
    move.add_argument("--on", help=_("date of the move (default: today)"))
    move.add_argument("--by", default="", help=_("who signed (for signed)"))
    move.add_argument("--reason", default="", help=_("why it ended"))
    later = move.add_mutually_exclusive_group()
    later.add_argument("--cancel-later", action="store_true",
                       help=_("terminating: cancel the unpaid installments due after the end"))
    later.add_argument("--keep-later", action="store_true",
                       help=_("terminating: keep the installments due after the end owed"))

    pay = commands.add_parser("payments", help=_("what is due, and recording payments"))
    pay_cmds = pay.add_subparsers(dest="action", metavar="ACTION", required=True)
    due = pay_cmds.add_parser("due", help=_("unpaid installments due soon, overdue first"))
    due.add_argument("--days", type=int, default=14, help=_("look this many days ahead (14)"))
    due.add_argument("--format", choices=("table", "csv", "json"), default="table")
    record = pay_cmds.add_parser("record", help=_("record a full or part payment"))
    record.add_argument("installment", type=int, metavar="INSTALLMENT_ID")
    record.add_argument("--amount", required=True, help=_("amount paid, e.g. 1250.00"))
    record.add_argument("--date", required=True, help=_("day it was paid (YYYY-MM-DD)"))
    record.add_argument("--method", choices=METHODS, default="bank transfer")
    record.add_argument("--reference", default="")
    record.add_argument("--invoice", default="", help=_("the contractor's invoice number"))
    record.add_argument("--overpay", action="store_true",
                        help=_("record it even if it is more than is owed"))
    payment_fix.register(pay_cmds)


def run(args: argparse.Namespace, store: Store) -> int:
    today = dt.date.today()
    if args.command == "payments":
        if args.action in ("correct", "void"):
            return payment_fix.run(args, store)
        return _due(args, store, today) if args.action == "due" else _record(args, store, today)
    if args.action == "list":
        return _list(args, store)
    if args.action == "schedule":
        return engagement_schedule.schedule(args, store)
    if args.action == "add":
        raw = {field: getattr(args, field) for field in OPTIONS if field != "status"}
        record = engagement_ops.add(store, validate_engagement(
            {k: ("" if v is None else v) for k, v in raw.items()})).value
        print(_("Added engagement {id}: {title} (draft)").format(id=record.id,
                                                                 title=record.data.title))
        gaps = brief_gaps(record.data)
        if gaps:
            print(_("The brief still lacks: {parts}.").format(parts=", ".join(gaps)))
        return 0
    if args.action in ("move", "sign"):
        on = _day(args.on, "status") or today
        current = engagements.get(store, args.id)
        status = EngagementStatus.SIGNED if args.action == "sign" else EngagementStatus(args.status)
        cancel_later = getattr(args, "cancel_later", False)
        if status is EngagementStatus.TERMINATED and refused_without_reason(
                at_stake(store, current.data.contractor_id, on, args.id),
                getattr(args, "reason", ""),
                _("crewbook: error: Terminate the engagement with {name}? Say why with "
                  "--reason.")):
            return 2
        if status is EngagementStatus.TERMINATED and not (cancel_later or args.keep_later):
            later = payments.falling_due_after(store, args.id, on)
            if later:
                print(ngettext("crewbook: error: {n} unpaid installment of engagement {id} "
                               "falls due after {day}:",
                               "crewbook: error: {n} unpaid installments of engagement {id} "
                               "fall due after {day}:", len(later)).format(
                    n=len(later), id=args.id, day=date_text(on)), file=sys.stderr)
                for item in later:
                    print("  - " + _("{label}: {amount}, due {day}").format(
                        label=item.label, amount=format_money(item.amount_minor, item.currency),
                        day=date_text(item.due_on)), file=sys.stderr)
                print(_("Say --cancel-later to cancel them (only what fell due by the end is "
                        "owed) or --keep-later to keep them owed."), file=sys.stderr)
                return 2
        prospect = contractors.get_row(store, current.data.contractor_id).status == "prospect"
        try:
            record = engagement_ops.move(store, args.id, status, current.version, on=on,
                                         by=args.by, reason=getattr(args, "reason", ""),
                                         cancel_later=cancel_later).value
        except reviews.Blocked as refused:
            print(_("crewbook: error: engagement {id} cannot be signed yet:").format(
                id=args.id), file=sys.stderr)
            for blocker in refused.blockers:
                print("  - " + _("{problem} Fix: {fix}").format(problem=blocker.message,
                                                             fix=blocker.fix), file=sys.stderr)
            return 1
        print(_("Engagement {id} is now {status}.").format(
            id=record.id, status=record.status.in_text))
        if prospect and status is EngagementStatus.SIGNED:
            print(_("{name} was a prospect and is now an active contractor (to undo: crewbook "
                    "contractors edit {id} --status prospect).").format(
                name=record.contractor_name, id=record.data.contractor_id))
        return 0
    if args.format == "json":
        return engagement_schedule.show_json(args.id, store, today)
    return _show(args.id, store, today)


def _list(args: argparse.Namespace, store: Store) -> int:
    rows = engagements.list_rows(store, status=args.status, contractor_id=args.contractor)
    records: list[dict[str, object]] = [{
        "id": r.id, "title": r.title, "contractor_id": r.contractor_id,
        "contractor": r.contractor_name, "status": r.status,
        "value": None if r.value_minor is None else to_major_text(r.value_minor, r.currency),
        "currency": r.currency, "start_on": _iso(r.start_on), "end_on": _iso(r.end_on),
        "next_due_on": _iso(r.next_due_on), "demo": r.is_demo} for r in rows]
    if args.format == "table":
        for rec, row in zip(records, rows, strict=True):
            rec["value"] = "" if row.value_minor is None else format_money(row.value_minor,
                                                                           row.currency)
            rec["next_due_on"] = date_text(row.next_due_on)
    emit(records, args.format, LIST_FIELDS,
         (("id", _("ID")), ("title", _("Title")), ("contractor", _("Contractor")),
          ("status", _("Status")), ("value", _("Value")), ("next_due_on", _("Next due"))),
         lambda n: ngettext("{n} engagement", "{n} engagements", n).format(n=n))
    return 0


def _show(engagement_id: int, store: Store, today: dt.date) -> int:
    record = engagements.get(store, engagement_id)
    d = record.data
    print(_("{title} — {contractor} ({status})").format(
        title=d.title, contractor=record.contractor_name, status=record.status.in_text))
    shown = {**d.to_raw(), "notice_period": notice_text(d.notice_period, d.notice_unit)}
    for field, value in shown.items():
        if field not in ("contractor_id", "notice_unit") and value not in ("", None, False):
            shown_value = _("yes") if value is True else value
            print(f"  {LABELS.get(field.removesuffix('_minor'), field) + ':':<28} {shown_value}")
    notice = last_notice_date(d.end_on, d.notice_period, d.notice_unit)
    if notice:
        label = _("Last day to give notice:")
        print(f"  {label:<28} {date_text(notice)}")
    warning = notice_warning(d)
    if warning:
        print("  " + _("Warning: {warning}").format(warning=warning))
    gaps = brief_gaps(d)
    brief = _("complete") if not gaps else _("lacks {parts}").format(parts=", ".join(gaps))
    label = _("Brief:")
    print(f"  {label:<28} {brief}")
    rows = payments.installments(store, engagement_id)
    if rows:
        print(_("Schedule:"))
        width = max(len(date_text(i.due_on)) for i in rows)
        for i in rows:
            paid = _("paid {amount}").format(amount=f"{format_money(i.paid_minor, i.currency):>12}")
            print(f"  #{i.id:<5} {date_text(i.due_on):<{width}}  "
                  f"{format_money(i.amount_minor, i.currency):>14}  {paid}  "
                  f"{i.status(today).in_text:<10} {i.label}")
            for p in payment_changes.payments_of(store, i.id):  # their ids, to correct one
                print("         " + _("payment {id}: {day} {amount} {method} {reference}").format(
                    id=p.id, day=date_text(p.paid_on),
                    amount=format_money(p.amount_minor, p.currency), method=p.method,
                    reference=p.reference).rstrip())
    entries = communication.log(store, engagement_id)
    if entries:
        print(_("Log:"))
        width = max(len(date_text(e.logged_on)) for e in entries)
        for e in entries:
            said = (_("{summary} (follow up {day})").format(
                summary=e.summary, day=date_text(e.follow_up_on)) if e.follow_up_on
                else e.summary)
            print(f"  {date_text(e.logged_on):<{width}}  {e.channel or '-':<9} {said}")
    return 0


def _due(args: argparse.Namespace, store: Store, today: dt.date) -> int:
    rows = payments.due(store, today, args.days)
    records: list[dict[str, object]] = [{
        "installment_id": r.installment.id, "due_on": r.installment.due_on.isoformat(),
        "overdue": r.overdue, "contractor": r.contractor_name, "engagement_id": r.engagement_id,
        "engagement": r.engagement_title, "label": r.installment.label,
        "outstanding": to_major_text(r.installment.outstanding_minor, r.installment.currency),
        "currency": r.installment.currency} for r in rows]
    if args.format == "table":
        for rec, row in zip(records, rows, strict=True):
            rec["outstanding"] = format_money(row.installment.outstanding_minor,
                                              row.installment.currency)
            rec["overdue"] = _("OVERDUE") if row.overdue else ""
            rec["due_on"] = date_text(row.installment.due_on)
    emit(records, args.format, DUE_FIELDS,
         (("installment_id", _("ID")), ("due_on", pgettext("a column: the day it is due", "Due")), ("overdue", ""),
          ("contractor", _("Contractor")), ("engagement", _("Engagement")),
          ("outstanding", _("Owed"))),
         lambda n: ngettext("{n} installment", "{n} installments", n).format(n=n))
    if args.format == "table" and rows:
        totals: dict[str, int] = {}
        for r in rows:
            totals[r.installment.currency] = (totals.get(r.installment.currency, 0)
                                              + r.installment.outstanding_minor)
        print(_("Total: {amounts}").format(
            amounts=", ".join(format_money(v, c) for c, v in sorted(totals.items()))))
    return 0


def _record(args: argparse.Namespace, store: Store, today: dt.date) -> int:
    current = payments.installment(store, args.installment)
    currency = current.currency
    try:
        amount = parse_amount(args.amount, currency)
    except ValueError as exc:
        raise ValidationError([FieldError("amount", str(exc))]) from None
    try:
        row = payment_ops.record_payment(
            store, args.installment, amount_minor=amount, currency=currency,
            paid_on=_day(args.date, "paid_on"), method=args.method, reference=args.reference,
            invoice_number=args.invoice, today=today, allow_overpayment=args.overpay,
            expected_version=current.version).value
    except payments.NeedsConfirmation as exc:
        raise ValidationError([FieldError("amount", _(
            "{problem} Pass --overpay to record it.").format(problem=exc))]) from None
    print(_("Recorded {amount} against installment {id}; {status}, {owed} still owed.").format(
        amount=format_money(amount, currency), id=row.id, status=row.status(today).in_text,
        owed=format_money(row.outstanding_minor, currency)))
    return 0


def _day(text: str | None, field: str) -> dt.date | None:
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ValidationError([FieldError(field, str(exc))]) from None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
