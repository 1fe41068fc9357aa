"""`crewbook engagements schedule ID` and `engagements show ID --format json`: an engagement's
payment schedule made from its terms as the window makes it, and read back whole by an
accountant or a script."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import fields
from decimal import Decimal, InvalidOperation
from enum import Enum

from desktop.core.dates import parse_date
from desktop.core.engagement import planned_schedule
from desktop.core.enums import PricingModel
from desktop.core.formats import date_text
from desktop.core.i18n import _, ngettext
from desktop.core.money import format_money, parse_amount, to_major_text
from desktop.core.schedule import Milestone
from desktop.core.text import json_escaped
from desktop.core.validation import FieldError, ValidationError
from desktop.operations import payments as payment_ops
from desktop.store import engagements, payments
from desktop.store.db import Store

_MILESTONE = re.compile(r"^(?P<label>[^:]+):(?P<on>\d{4}-\d{2}-\d{2}):(?P<share>.+)$")


def register(eng_cmds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    schedule = eng_cmds.add_parser(
        "schedule", help=_("make the payment schedule from the engagement's terms"),
        description=_("Replaces the installments not yet paid, as the window's Generate "
                      "schedule does; refused when paid installments would have to change."))
    schedule.add_argument("id", type=int)
    schedule.add_argument("--milestone", action="append", default=[], metavar="LABEL:DATE:SHARE",
                          # Translators: %% is how a help text writes one percent sign.
                          help=_("for milestone pricing, one per milestone: a percentage "
                                 "(Deposit:2026-03-01:30%%) or an amount "
                                 "(Final:2026-05-31:1200)"))


def schedule(args: argparse.Namespace, store: Store) -> int:
    record = engagements.get(store, args.id)
    data = record.data
    milestones: list[Milestone] = []
    if data.pricing_model is PricingModel.MILESTONES:
        if not args.milestone:
            raise ValidationError([FieldError("milestones", _(
                "give each milestone with --milestone LABEL:DATE:SHARE"))])
        milestones = [_milestone(text, data.currency) for text in args.milestone]
    elif args.milestone:
        raise ValidationError([FieldError("milestones", _(
            "only milestone pricing takes them; this engagement is {pricing}").format(
                pricing=data.pricing_model.label))])
    plan = planned_schedule(data, milestones)
    rows = payment_ops.replace_schedule(store, record.id, plan, record.version).value
    print(ngettext("Engagement {id} now has {n} unpaid installment:",
                   "Engagement {id} now has {n} unpaid installments:", len(rows)).format(
        id=record.id, n=len(rows)))
    width = max((len(date_text(row.due_on)) for row in rows), default=0)
    for row in rows:
        print(f"  {date_text(row.due_on):<{width}}  "
              f"{format_money(row.amount_minor, row.currency):>14}  {row.label}")
    return 0


def _milestone(text: str, currency: str) -> Milestone:
    match = _MILESTONE.match(text.strip())
    if match is None:
        raise ValidationError([FieldError("milestones", _(
            "“{text}” is not LABEL:DATE:SHARE, e.g. Deposit:2026-03-01:30%").format(text=text))])
    try:
        on = parse_date(match["on"])
    except ValueError as exc:
        raise ValidationError([FieldError("milestones", _("“{text}”: {problem}").format(
            text=text, problem=exc))]) from None
    assert on is not None
    share = match["share"].strip()
    try:
        if share.endswith("%"):
            return Milestone(match["label"].strip(), on, percent=Decimal(share[:-1].strip()))
        return Milestone(match["label"].strip(), on, amount_minor=parse_amount(share, currency))
    except (ValueError, InvalidOperation):
        raise ValidationError([FieldError("milestones", _(
            "“{text}”: the share is neither a percentage nor an amount").format(
                text=text))]) from None


def show_json(engagement_id: int, store: Store, today: dt.date) -> int:
    """The terms and the schedule as JSON; amounts are decimal strings in their currency."""
    record = engagements.get(store, engagement_id)
    d = record.data
    terms = {f.name.removesuffix("_minor"): _plain(getattr(d, f.name), f.name, d.currency)
             for f in fields(d) if f.name not in ("contractor_id", "title")}
    shown = {
        "id": record.id, "title": d.title, "contractor_id": d.contractor_id,
        "contractor": record.contractor_name, "status": record.status.value,
        "version": record.version, "terms": terms,
        "installments": [{
            "id": i.id, "label": i.label,
            "period_end": i.period_end.isoformat() if i.period_end else None,
            "due_on": i.due_on.isoformat(), "amount": to_major_text(i.amount_minor, i.currency),
            "paid": to_major_text(i.paid_minor, i.currency), "currency": i.currency,
            "status": i.status(today).value} for i in payments.installments(store, record.id)],
    }
    sys.stdout.write(json_escaped(json.dumps(shown, ensure_ascii=False, indent=2)) + "\n")
    return 0


def _plain(value: object, name: str, currency: str) -> object:
    """A term as JSON holds it: money as a decimal string, dates as ISO text, codes as text."""
    if value is None or isinstance(value, (bool, int)) and not name.endswith("_minor"):
        return value
    if name.endswith("_minor"):
        return to_major_text(int(value), currency)  # type: ignore[call-overload]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value.value) if isinstance(value, Enum) else str(value)
