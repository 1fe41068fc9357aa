"""Payment rules: what an installment's status is, what is overdue, and how reliably we pay."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core import law
from desktop.core.enums import InstallmentStatus
from desktop.core.i18n import _, pgettext
from desktop.core.money import format_money
from desktop.core.validation import FieldError, ValidationError

METHODS = ("bank transfer", "card", "payment platform", "cheque", "cash", "other")
# How each stored method reads.
METHOD_LABELS = {"bank transfer": _("Bank transfer"), "card": _("Card"),
                 "payment platform": _("Payment platform"), "cheque": _("Cheque"),
                 "cash": _("Cash"), "other": pgettext("payment method", "Other")}
# Card and platform payments are reported by the processor (US form 1099-K), not the payer.
REPORTED_BY_PROCESSOR = law.form_1099_nec().reported_by_processor


def installment_status(amount_minor: int, paid_minor: int, due_on: dt.date, today: dt.date,
                       cancelled: bool = False) -> InstallmentStatus:
    if cancelled:
        return InstallmentStatus.CANCELLED
    if paid_minor >= amount_minor:
        return InstallmentStatus.PAID
    if paid_minor > 0:
        return InstallmentStatus.PART_PAID
    return InstallmentStatus.DUE if due_on <= today else InstallmentStatus.PLANNED


def is_overdue(status: InstallmentStatus | str, due_on: dt.date, today: dt.date) -> bool:
    """Due date passed and not fully paid."""
    open_ = InstallmentStatus(status) in (InstallmentStatus.PLANNED, InstallmentStatus.DUE,
                                          InstallmentStatus.PART_PAID)
    return open_ and due_on < today


@dataclass(frozen=True)
class PaymentCheck:
    """A payment that may be recorded, and what the user must confirm first."""

    overpayment_minor: int  # more than is owed; recorded only once the user confirms


def check_payment(amount_minor: int, currency: str, paid_on: dt.date | None,
                  installment_currency: str, outstanding_minor: int,
                  today: dt.date) -> PaymentCheck:
    """Refuse what can never be right; report an overpayment for the user to confirm."""
    errors: list[FieldError] = []
    if amount_minor <= 0:
        errors.append(FieldError("amount", _("must be more than zero")))
    if currency.upper() != installment_currency.upper():
        errors.append(FieldError("currency", _("is {currency}, but the installment is in "
                                               "{expected}").format(
            currency=currency.upper(), expected=installment_currency.upper())))
    if paid_on is None:
        errors.append(FieldError("paid_on", _("is required")))
    elif paid_on > today:
        errors.append(FieldError("paid_on", _("cannot be in the future")))
    if errors:
        raise ValidationError(errors)
    return PaymentCheck(overpayment_minor=max(0, amount_minor - outstanding_minor))


def overpayment_message(check: PaymentCheck, currency: str) -> str:
    return _("This pays {amount} more than is owed. Record it as an overpayment?").format(
        amount=format_money(check.overpayment_minor, currency))


@dataclass(frozen=True)
class Settled:
    """One installment as the on-time rate sees it."""

    due_on: dt.date
    settled_on: dt.date | None  # the day it became fully paid; None while still open


@dataclass(frozen=True)
class OnTimeRecord:
    counted: int  # installments fully paid, or past due and still open
    on_time: int
    average_days_late: float  # over the late ones; 0 when none were late

    @property
    def rate(self) -> float | None:
        return None if self.counted == 0 else self.on_time / self.counted


def on_time_record(items: Iterable[Settled], today: dt.date) -> OnTimeRecord:
    """Our on-time payment rate to one contractor. An installment still open past its due
    date counts as late (by the days so far), so unpaid bills do not flatter the figure."""
    counted = on_time = 0
    late_days: list[int] = []
    for item in items:
        if item.settled_on is None and item.due_on >= today:
            continue  # not due yet
        counted += 1
        finished = item.settled_on or today
        if finished <= item.due_on:
            on_time += 1
        else:
            late_days.append((finished - item.due_on).days)
    average = sum(late_days) / len(late_days) if late_days else 0.0
    return OnTimeRecord(counted, on_time, average)
