"""`crewbook payments correct|void …`: put a recorded payment right, kept in its history."""

from __future__ import annotations

import argparse
import datetime as dt

from desktop.core.dates import parse_date
from desktop.core.formats import date_text
from desktop.core.i18n import _
from desktop.core.money import format_money, parse_amount
from desktop.core.payments import METHODS
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.operations import payments as payment_ops
from desktop.store.db import Store
from desktop.store.models import Payment

OPTIONS = {"amount": "--amount", "paid_on": "--date", "method": "--method",
           "reference": "--reference", "invoice_number": "--invoice", "reason": "--reason"}


def register(pay_cmds: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    fix = pay_cmds.add_parser("correct",
                              help=_("correct a recorded payment (only what is given)"))
    fix.add_argument("payment", type=int, metavar="PAYMENT_ID")
    fix.add_argument("--amount", help=_("the amount really paid, e.g. 600.00"))
    fix.add_argument("--date", help=_("the day it was really paid (YYYY-MM-DD)"))
    fix.add_argument("--method", choices=METHODS)
    fix.add_argument("--reference")
    fix.add_argument("--invoice")
    fix.add_argument("--reason", default="",
                     help=_("why it is corrected (kept in the history)"))
    void = pay_cmds.add_parser("void", help=_("take a recorded payment back, with the reason"))
    void.add_argument("payment", type=int, metavar="PAYMENT_ID")
    void.add_argument("--reason", required=True, help=_("why, e.g. the transfer bounced"))


def run(args: argparse.Namespace, store: Store) -> int:
    with store.reading() as session:
        payment = session.get(Payment, args.payment)
        if payment is None:
            raise ConflictError(_("payment {id} does not exist").format(id=args.payment))
        current = (payment.version, payment.amount_minor, payment.currency, payment.paid_on,
                   payment.method, payment.reference, payment.invoice_number,
                   payment.engagement_id, payment.installment_id)
    version, amount, currency, paid_on, method, reference, invoice, engagement, inst = current
    if args.action == "void":
        payment_ops.void_payment(store, args.payment, version, engagement_id=engagement,
                                 installment_id=inst, reason=args.reason)
        print(_("Voided payment {id} ({amount} on {day}); it stays in the installment's "
                "history.").format(id=args.payment, amount=format_money(amount, currency),
                                   day=date_text(paid_on)))
        return 0
    errors = []
    if args.amount is not None:
        try:
            amount = parse_amount(args.amount, currency)
        except ValueError as exc:
            errors.append(FieldError("amount", str(exc)))
    if args.date is not None:
        try:
            paid_on = parse_date(args.date) or paid_on
        except ValueError as exc:
            errors.append(FieldError("paid_on", str(exc)))
    if errors:
        raise ValidationError(errors)
    saved = payment_ops.correct_payment(
        store, args.payment, version, amount_minor=amount, paid_on=paid_on,
        method=args.method if args.method is not None else method,
        reference=args.reference if args.reference is not None else reference,
        invoice_number=args.invoice if args.invoice is not None else invoice,
        today=dt.date.today(), reason=args.reason).value
    print(_("Corrected payment {id}: {amount} on {day}, {method}.").format(
        id=saved.id, amount=format_money(saved.amount_minor, saved.currency),
        day=date_text(saved.paid_on), method=saved.method or _("no method")))
    return 0
