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
    eng = commands.add_parser("engagements", help="list, show, add or move engagements")
    eng_cmds = eng.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = eng_cmds.add_parser("list", help="list engagements")
    show.add_argument("--status", choices=[s.value for s in EngagementStatus])
    show.add_argument("--contractor", type=int, metavar="ID")
    show.add_argument("--format", choices=("table", "csv", "json"), default="table")
    show_one = eng_cmds.add_parser("show", help="one engagement with its schedule and log")
    show_one.add_argument("id", type=int)
    show_one.add_argument("--format", choices=("text", "json"), default="text",
                          help="json: the terms and installments, amounts as decimal strings")
    engagement_schedule.register(eng_cmds)
    add = eng_cmds.add_parser("add", help="add a draft engagement")
    for field, option in OPTIONS.items():
        if field == "status":
            continue
        kwargs: dict = {"dest": field, "help": LABELS[field]}
        if field == "notice_unit":
            kwargs["help"] = "days (the default), weeks or months"
        if field in _CHOICES:
            kwargs["choices"] = [m.value for m in _CHOICES[field]]
        if field in _FLAGS:
            kwargs = {"dest": field, "action": "store_true", "help": LABELS[field]}
        # --notice-days: the option's name before notice periods had units
        names = (option, "--notice-days") if field == "notice_period" else (option,)
        add.add_argument(*names, required=field in ("contractor_id", "title"), **kwargs)
    sign = eng_cmds.add_parser("sign", help="mark signed, if no blocker stands in the way")
    sign.add_argument("id", type=int)
    sign.add_argument("--by", default="", help="who signed")
    sign.add_argument("--on", help="date signed (default: today)")
    move = eng_cmds.add_parser("move", help="move an engagement along its status path")
    move.add_argument("id", type=int)
    move.add_argument("status", choices=[s.value for s in EngagementStatus])
    move.add_argument("--on", help="date of the move (default: today)")
    move.add_argument("--by", default="", help="who signed (for signed)")
    move.add_argument("--reason", default="", help="why it ended")
    later = move.add_mutually_exclusive_group()
    later.add_argument("--cancel-later", action="store_true",
                       help="terminating: cancel the unpaid installments due after the end")
    later.add_argument("--keep-later", action="store_true",
                       help="terminating: keep the installments due after the end owed")

    pay = commands.add_parser("payments", help="what is due, and recording payments")
    pay_cmds = pay.add_subparsers(dest="action", metavar="ACTION", required=True)
    due = pay_cmds.add_parser("due", help="unpaid installments due soon, overdue first")
    due.add_argument("--days", type=int, default=14, help="look this many days ahead (14)")
    due.add_argument("--format", choices=("table", "csv", "json"), default="table")
    record = pay_cmds.add_parser("record", help="record a full or part payment")
    record.add_argument("installment", type=int, metavar="INSTALLMENT_ID")
    record.add_argument("--amount", required=True, help="amount paid, e.g. 1250.00")
    record.add_argument("--date", required=True, help="day it was paid (YYYY-MM-DD)")
    record.add_argument("--method", choices=METHODS, default="bank transfer")
    record.add_argument("--reference", default="")
    record.add_argument("--invoice", default="", help="the contractor's invoice number")
    record.add_argument("--overpay", action="store_true",
                        help="record it even if it is more than is owed")
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
        print(f"Added engagement {record.id}: {record.data.title} (draft)")
        gaps = brief_gaps(record.data)
        if gaps:
            print(f"The brief still lacks: {', '.join(gaps)}.")
        return 0
    if args.action in ("move", "sign"):
        on = _day(args.on, "status") or today
        current = engagements.get(store, args.id)
        status = EngagementStatus.SIGNED if args.action == "sign" else EngagementStatus(args.status)
        cancel_later = getattr(args, "cancel_later", False)
        if status is EngagementStatus.TERMINATED and refused_without_reason(
                at_stake(store, current.data.contractor_id, on, args.id),
                getattr(args, "reason", ""), "Terminate the engagement with"):
            return 2
        if status is EngagementStatus.TERMINATED and not (cancel_later or args.keep_later):
            later = payments.falling_due_after(store, args.id, on)
            if later:
                print(f"crewbook: error: {len(later)} unpaid installment(s) of engagement "
                      f"{args.id} fall due after {on}:", file=sys.stderr)
                for item in later:
                    print(f"  - {item.label}: {format_money(item.amount_minor, item.currency)}"
                          f", due {item.due_on}", file=sys.stderr)
                print("Say --cancel-later to cancel them (only what fell due by the end is "
                      "owed) or --keep-later to keep them owed.", file=sys.stderr)
                return 2
        prospect = contractors.get_row(store, current.data.contractor_id).status == "prospect"
        try:
            record = engagement_ops.move(store, args.id, status, current.version, on=on,
                                         by=args.by, reason=getattr(args, "reason", ""),
                                         cancel_later=cancel_later).value
        except reviews.Blocked as refused:
            print(f"crewbook: error: engagement {args.id} cannot be signed yet:", file=sys.stderr)
            for blocker in refused.blockers:
                print(f"  - {blocker.message} Fix: {blocker.fix}", file=sys.stderr)
            return 1
        print(f"Engagement {record.id} is now {record.status.label.lower()}.")
        if prospect and status is EngagementStatus.SIGNED:
            print(f"{record.contractor_name} was a prospect and is now an active contractor "
                  f"(to undo: crewbook contractors edit {record.data.contractor_id} "
                  "--status prospect).")
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
    emit(records, args.format, LIST_FIELDS,
         (("id", "ID"), ("title", "Title"), ("contractor", "Contractor"), ("status", "Status"),
          ("value", "Value"), ("next_due_on", "Next due")), "engagement")
    return 0


def _show(engagement_id: int, store: Store, today: dt.date) -> int:
    record = engagements.get(store, engagement_id)
    d = record.data
    print(f"{d.title} — {record.contractor_name} ({record.status.label.lower()})")
    shown = {**d.to_raw(), "notice_period": notice_text(d.notice_period, d.notice_unit)}
    for field, value in shown.items():
        if field not in ("contractor_id", "notice_unit") and value not in ("", None, False):
            print(f"  {LABELS.get(field.removesuffix('_minor'), field) + ':':<28} "
                  f"{'yes' if value is True else value}")
    notice = last_notice_date(d.end_on, d.notice_period, d.notice_unit)
    if notice:
        print(f"  {'Last day to give notice:':<28} {notice.isoformat()}")
    warning = notice_warning(d)
    if warning:
        print(f"  Warning: {warning}")
    gaps = brief_gaps(d)
    print(f"  {'Brief:':<28} {'complete' if not gaps else 'lacks ' + ', '.join(gaps)}")
    rows = payments.installments(store, engagement_id)
    if rows:
        print("Schedule:")
        for i in rows:
            print(f"  #{i.id:<5} {i.due_on.isoformat()}  {format_money(i.amount_minor, i.currency):>14}"
                  f"  paid {format_money(i.paid_minor, i.currency):>12}  "
                  f"{i.status(today).label.lower():<10} {i.label}")
            for p in payment_changes.payments_of(store, i.id):  # their ids, to correct one
                print(f"         payment {p.id}: {p.paid_on.isoformat()} "
                      f"{format_money(p.amount_minor, p.currency)} {p.method} {p.reference}"
                      .rstrip())
    entries = communication.log(store, engagement_id)
    if entries:
        print("Log:")
        for e in entries:
            follow = f" (follow up {e.follow_up_on.isoformat()})" if e.follow_up_on else ""
            print(f"  {e.logged_on.isoformat()}  {e.channel or '-':<9} {e.summary}{follow}")
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
            rec["overdue"] = "OVERDUE" if row.overdue else ""
    emit(records, args.format, DUE_FIELDS,
         (("installment_id", "ID"), ("due_on", "Due"), ("overdue", ""), ("contractor", "Contractor"),
          ("engagement", "Engagement"), ("outstanding", "Owed")), "installment")
    if args.format == "table" and rows:
        totals: dict[str, int] = {}
        for r in rows:
            totals[r.installment.currency] = (totals.get(r.installment.currency, 0)
                                              + r.installment.outstanding_minor)
        print("Total: " + ", ".join(format_money(v, c) for c, v in sorted(totals.items())))
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
        raise ValidationError([FieldError("amount", f"{exc} Pass --overpay to record it.")]) from None
    print(f"Recorded {format_money(amount, currency)} against installment {row.id}; "
          f"{row.status(today).label.lower()}, {format_money(row.outstanding_minor, currency)} "
          "still owed.")
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
