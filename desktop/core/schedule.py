"""Payment schedules: turn an engagement's price into dated installments.

Pure rules. Money is integer minor units plus an ISO 4217 code and percentages are
Decimal (or int), never float, so every schedule sums *exactly* to its total: rounding
leftovers always land on the last installment, where a person expects to see them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction
from functools import reduce
from itertools import pairwise

from dateutil.relativedelta import relativedelta

from desktop.core.enums import BillingPeriod, InstallmentStatus
from desktop.core.i18n import _, ngettext, pgettext
from desktop.core.money import MAX_MINOR, format_money
from desktop.core.reference import is_currency
from desktop.core.text import problem
from desktop.core.validation import FieldError, ValidationError

MAX_NET_DAYS = 365
# Not strftime("%b"), which follows the process locale: labels are stored, in Crewbook's language.
_MONTHS = (pgettext("month, short", "Jan"), pgettext("month, short", "Feb"),
           pgettext("month, short", "Mar"), pgettext("month, short", "Apr"),
           pgettext("month, short", "May"), pgettext("month, short", "Jun"),
           pgettext("month, short", "Jul"), pgettext("month, short", "Aug"),
           pgettext("month, short", "Sep"), pgettext("month, short", "Oct"),
           pgettext("month, short", "Nov"), pgettext("month, short", "Dec"))
_KEPT = frozenset({InstallmentStatus.PAID, InstallmentStatus.PART_PAID})


@dataclass(frozen=True)
class PlannedInstallment:
    label: str
    period_end: date  # the milestone date, or the last day of the billing period
    due_on: date  # period_end + net days
    amount_minor: int
    currency: str


@dataclass(frozen=True)
class Milestone:
    """A dated payment point; give exactly one of amount_minor or percent."""

    label: str
    on: date
    amount_minor: int | None = None
    percent: Decimal | None = None


def fixed_schedule(total_minor: int, currency: str, on: date, net_days: int,
                   label: str = "") -> list[PlannedInstallment]:
    _raise(_basics(total_minor, currency, net_days))
    return [_installment(label.strip() or _("Fixed price"), on, net_days, total_minor, currency)]


def milestone_schedule(total_minor: int, currency: str, milestones: Sequence[Milestone],
                       net_days: int) -> list[PlannedInstallment]:
    """Milestones all by percentage (floor-rounded, remainder last) or all by amount."""
    errors = _basics(total_minor, currency, net_days)
    problem = _milestone_problem(total_minor, currency, milestones)
    if problem:
        errors.append(FieldError("milestones", problem))
    _raise(errors)
    if milestones[0].percent is not None:
        amounts = _split_by_percent(total_minor, [Decimal(m.percent) for m in milestones])
    else:
        amounts = [m.amount_minor for m in milestones]
    return [_installment(m.label.strip(), m.on, net_days, amount, currency)
            for m, amount in zip(milestones, amounts, strict=True)]


def retainer_schedule(per_period_minor: int, currency: str, start: date, end: date,
                      period: BillingPeriod, net_days: int) -> list[PlannedInstallment]:
    """One installment per billing period from start to end (see ``billing_spans``): the
    full amount for a whole period, and for a last period the end date cuts short, the
    amount pro-rated by its days (rounded half up), said so on its label; a pro-rated part
    worth less than one minor unit is left out rather than owed as 0.00.
    """
    errors = _basics(per_period_minor, currency, net_days)
    errors += _span_errors(start, end)
    _raise(errors)
    spans = billing_spans(start, end, BillingPeriod(period))
    if per_period_minor * len(spans) > MAX_MINOR:
        _raise([FieldError("amount", _("is too large for this many periods"))])
    amounts = [_pro_rated(per_period_minor, span) for span in spans]
    return [_installment(span.label(period), span.last, net_days, amount, currency)
            for span, amount in zip(spans, amounts, strict=True) if amount > 0]


def time_schedule(rate_minor: int, currency: str, estimated_units: int, start: date, end: date,
                  period: BillingPeriod, net_days: int,
                  unit_label: str = "hours") -> list[PlannedInstallment]:
    """Hourly/daily estimate spread over the billing periods (see ``billing_spans``).

    Units follow each period's share of the time (a short last period gets its share of
    days), whole units only, rounded down along the way so the last period takes what is
    left. A period left with no units gets no installment: nothing is ever owed on 0.00.
    Each installment is rate × its units, so an amount always matches the estimate on its
    label and the total is exactly rate × estimated_units.
    """
    _require_int(estimated_units, "estimated units")
    errors = _basics(rate_minor, currency, net_days)
    if estimated_units <= 0:
        errors.append(FieldError("estimated_units", _("must be more than zero")))
    elif not errors and rate_minor * estimated_units > MAX_MINOR:
        errors.append(FieldError("amount", _("rate × estimated units is too large")))
    errors += _span_errors(start, end)
    _raise(errors)
    spans = billing_spans(start, end, BillingPeriod(period))
    units = _split_by_weight(estimated_units, [span.share for span in spans])
    return [_installment(_estimate(span.label(period), n, unit_label),
                         span.last, net_days, rate_minor * n, currency)
            for span, n in zip(spans, units, strict=True) if n > 0]


def schedule_total(items: Sequence[PlannedInstallment]) -> int:
    currencies = {item.currency for item in items}
    if len(currencies) > 1:
        mixed = reduce(lambda first, second: _("{first} and {second}").format(
            first=first, second=second), sorted(currencies))
        _raise([FieldError("currency", _("a schedule cannot mix {currencies}").format(
            currencies=mixed))])
    return sum(item.amount_minor for item in items)


def regenerate(existing: Sequence[tuple[PlannedInstallment, str]],
               fresh: Sequence[PlannedInstallment]) -> list[PlannedInstallment]:
    """The installments that replace the unpaid part of a schedule after its terms change.

    Paid and part-paid installments are history and stay exactly as stored. The
    replacements are the fresh installments dated after the last kept one; the first
    of them absorbs the difference so kept + returned sums exactly to the fresh total.
    Only the replacements are returned.
    """
    kept = [item for item, status in existing if InstallmentStatus(status) in _KEPT]
    if not kept:
        return list(fresh)
    currency = fresh[0].currency if fresh else kept[0].currency
    if any(item.currency != currency for item in kept):
        _raise([FieldError("schedule", _("paid installments are not in {currency}, the "
                                         "currency of the new schedule").format(
            currency=currency))])
    owed = schedule_total(fresh) - schedule_total(kept)
    if owed < 0:
        _raise([FieldError("schedule", _("paid installments already exceed the new total by "
                                         "{amount}").format(amount=_money(-owed, currency)))])
    last_kept = max(item.period_end for item in kept)
    later = [item for item in fresh if item.period_end > last_kept]
    if not later:
        if owed:
            _raise([FieldError("schedule", _("nothing is scheduled after {day} to collect the "
                                             "{amount} still owed").format(
                day=_day(last_kept), amount=_money(owed, currency)))])
        return []
    first = later[0].amount_minor + owed - schedule_total(later)
    if first < 0:
        _raise([FieldError("schedule", _("paid installments run {amount} ahead of the new "
                                         "schedule by “{label}”").format(
            amount=_money(-first, currency), label=later[0].label))])
    return [replace(later[0], amount_minor=first), *later[1:]]


# -- validation ----------------------------------------------------------------------------

def _basics(amount: int, currency: str, net_days: int) -> list[FieldError]:
    _require_int(amount, "money")
    _require_int(net_days, "net days")
    errors = []
    if amount <= 0:
        errors.append(FieldError("amount", _("must be more than zero")))
    elif amount > MAX_MINOR:
        errors.append(FieldError("amount", _("is too large")))
    if not currency.strip():
        errors.append(FieldError("currency", _("is required")))
    elif not is_currency(currency):
        errors.append(FieldError("currency", _("“{code}” is not an ISO 4217 currency "
                                               "code").format(code=currency)))
    if not 0 <= net_days <= MAX_NET_DAYS:
        errors.append(FieldError("net_days", _("must be between 0 and {most} days").format(
            most=MAX_NET_DAYS)))
    return errors


def _span_errors(start: date, end: date) -> list[FieldError]:
    return [FieldError("end", _("ends before it starts"))] if end < start else []


def _milestone_problem(total: int, currency: str, milestones: Sequence[Milestone]) -> str | None:
    """The first thing wrong with the milestones, worded for the person who typed them."""
    if not milestones:
        return _("add at least one milestone")
    for number, m in enumerate(milestones, 1):
        if not m.label.strip():
            return _("milestone {number} needs a label").format(number=number)
        if wrong := problem(m.label):
            return _("milestone {number}'s label {problem}").format(number=number, problem=wrong)
        name = m.label.strip()
        if m.amount_minor is None and m.percent is None:
            return _("“{label}” needs an amount or a percentage").format(label=name)
        if m.amount_minor is not None and m.percent is not None:
            return _("“{label}” has both an amount and a percentage; keep one").format(label=name)
    if len({m.percent is None for m in milestones}) > 1:
        return _("use percentages for every milestone or amounts for every one, not a mix")
    for before, after in pairwise(milestones):
        if after.on < before.on:
            return _("“{later}” is dated before “{earlier}”").format(
                later=after.label.strip(), earlier=before.label.strip())
    if milestones[0].percent is not None:
        return _percent_problem(milestones)
    for m in milestones:
        _require_int(m.amount_minor, "money")
        if m.amount_minor <= 0:
            return _("“{label}” must be more than zero").format(label=m.label.strip())
    added = sum(m.amount_minor for m in milestones)
    if added != total:
        return _("amounts add up to {added}, not {total}").format(
            added=_money(added, currency), total=_money(total, currency))
    return None


def _percent_problem(milestones: Sequence[Milestone]) -> str | None:
    for m in milestones:
        if isinstance(m.percent, bool) or not isinstance(m.percent, Decimal | int):
            raise TypeError("percentages are Decimal or int, never float")
        if not Decimal(m.percent).is_finite() or not 0 < m.percent <= 100:
            return _("“{label}” is {percent}%; a share must be above 0 and at most "
                     "100").format(label=m.label.strip(), percent=m.percent)
    with localcontext(prec=200):  # exact for any percent a person could type
        added = sum(Decimal(m.percent) for m in milestones)
        shown = format(added.normalize(), "f")
    return None if added == 100 else _("percentages add up to {total}, not 100").format(
        total=shown)


def _require_int(value: object, what: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be a whole number (int), got {type(value).__name__}")


def _raise(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


# -- arithmetic and calendars --------------------------------------------------------------

def _split_by_percent(total: int, percents: Sequence[Decimal]) -> list[int]:
    """Exact integer shares: floor each, and the last takes what is left."""
    shares = []
    for percent in percents[:-1]:
        numerator, denominator = percent.as_integer_ratio()
        shares.append(total * numerator // (100 * denominator))
    return [*shares, total - sum(shares)]


def _split_by_weight(total: int, weights: Sequence[Fraction]) -> list[int]:
    """Whole shares of ``total`` in proportion to ``weights``: each running total rounded
    down, so the shares add up to ``total`` exactly and the last takes the remainder."""
    whole = sum(weights, Fraction(0))
    shares, given, running = [], 0, Fraction(0)
    for weight in weights:
        running += weight
        upto = math.floor(total * running / whole)
        shares.append(upto - given)
        given = upto
    return shares


@dataclass(frozen=True)
class BillingSpan:
    """The days one installment of a retainer or estimate pays for."""

    first: date
    last: date
    full_last: date  # where the period would end were it whole

    @property
    def share(self) -> Fraction:
        """The part of a whole period it covers (1 unless the end date cuts it short)."""
        if self.last >= self.full_last:
            return Fraction(1)
        return Fraction((self.last - self.first).days + 1, (self.full_last - self.first).days + 1)

    def label(self, period: BillingPeriod) -> str:
        """Names the days covered; a short last period says it is pro-rated."""
        if self.share != 1:
            days = (self.last - self.first).days + 1
            whole = (self.full_last - self.first).days + 1
            return ngettext("{days} (pro-rated, {part} of {whole} day)",
                            "{days} (pro-rated, {part} of {whole} days)", whole).format(
                days=_range(self.first, self.last), part=days, whole=whole)
        following = self.last + timedelta(days=1)
        if self.first.day == 1 and following.day == 1 and self.last.month == self.first.month:
            return pgettext("a month in an installment's label", "{month} {year}").format(
                month=_MONTHS[self.first.month - 1], year=self.first.year)
        if BillingPeriod(period) is BillingPeriod.WEEKLY and (self.last - self.first).days == 6:
            return _("Week of {day}").format(day=_day(self.first))
        return _range(self.first, self.last)


def billing_spans(start: date, end: date, period: BillingPeriod) -> list[BillingSpan]:
    """The billing periods from ``start`` to ``end``, both days included.

    Months step from the start day itself, clamped to shorter months (from 31 Jan: 28 or
    29 Feb, then 31 Mar, 30 Apr), so each period runs to the day before the next one
    starts. An engagement ending on an anniversary of its start (15 Sep to 15 Sep) has
    whole periods only: the end day joins the last period rather than being billed as a
    period of its own. Any other short last period is pro-rated (``BillingSpan.share``).
    """
    def nth_start(k: int) -> date:
        if period is BillingPeriod.MONTHLY:
            return start + relativedelta(months=+k)
        return start + timedelta(weeks=k)

    spans: list[BillingSpan] = []
    first = start
    while first <= end:
        following = nth_start(len(spans) + 1)
        full_last = following - timedelta(days=1)
        spans.append(BillingSpan(first, min(full_last, end), full_last))
        first = following
    if len(spans) > 1 and spans[-1].first == end:  # the anniversary itself
        before = spans[-2]
        spans[-2:] = [BillingSpan(before.first, end, end)]
    return spans


def _pro_rated(amount: int, span: BillingSpan) -> int:
    share = span.share
    return amount if share == 1 else math.floor(amount * share + Fraction(1, 2))


def _unit(label: str, count: int) -> str:
    return label[:-1] if count == 1 and label.endswith("s") else label


def _estimate(period: str, n: int, unit_label: str) -> str:
    """An estimate's installment label: "Mar 2026 (est. 40 hours)"."""
    if unit_label == "hours":
        return ngettext("{period} (est. {n} hour)", "{period} (est. {n} hours)", n).format(
            period=period, n=n)
    if unit_label == "days":
        return ngettext("{period} (est. {n} day)", "{period} (est. {n} days)", n).format(
            period=period, n=n)
    return f"{period} (est. {n} {_unit(unit_label, n)})"  # a unit the caller names itself


def _installment(label: str, on: date, net_days: int, amount: int,
                 currency: str) -> PlannedInstallment:
    return PlannedInstallment(label, on, on + timedelta(days=net_days), amount, currency.upper())


def _money(minor: int, currency: str) -> str:
    return format_money(minor, currency) if is_currency(currency) else f"{minor} {currency}"


def _day(on: date) -> str:
    return pgettext("a day in an installment's label", "{day} {month} {year}").format(
        day=on.day, month=_MONTHS[on.month - 1], year=on.year)


def _range(first: date, last: date) -> str:
    """"1–15 Mar 2026", "31 Jan – 27 Feb 2026", "15 Dec 2026 – 14 Jan 2027"."""
    if first.year != last.year:
        return f"{_day(first)} – {_day(last)}"
    if first.month != last.month:
        return f"{first.day} {_MONTHS[first.month - 1]} – {_day(last)}"
    return f"{first.day}–{_day(last)}"
