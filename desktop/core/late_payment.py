"""What a contractor can claim for a late payment under rules that set statutory interest and a
fixed sum (EU Directive 2011/7/EU, UK Late Payment of Commercial Debts (Interest) Act 1998).

- Interest is simple, per annum, on what is still unpaid, from the day after the due date.
- Its rate is the reference rate in force on the first day of the half-year (1 January or
  1 July) in which the payment became late, plus the rule's margin, and stays fixed for that
  debt: the UK Act's reading and the directive's default.
- The fixed sum is per late payment, by the size of the debt, in the rule's currency.
- A rate whose series was last checked before that half-year began is used but marked
  unchecked, so the owner knows to look for a change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.core.deadlines import PaymentRule
from desktop.core.formats import date_text
from desktop.core.i18n import _

DAYS_IN_YEAR = 365


@dataclass(frozen=True)
class ReferenceRate:
    series: str  # "ECB", "BOE": what interest_reference names
    effective_from: dt.date
    rate_bp: int  # 215 = 2.15 %
    source: str
    checked_on: dt.date


@dataclass(frozen=True)
class LateClaim:
    rule_name: str
    source: str
    days_late: int
    reference_on: dt.date  # the half-year's first day, whose rate applies
    reference_bp: int | None  # None: no rate known for that date
    rate_bp: int | None  # reference plus margin
    rate_checked: bool  # the series was checked on or after reference_on
    interest_minor: int | None  # in the debt's currency
    currency: str
    compensation_minor: int | None  # in compensation_currency
    compensation_currency: str


def parse_basis_points(text: str) -> int:
    """ "8" or "2.15" percentage points as basis points (800, 215)."""
    try:
        value = Decimal(text.strip().rstrip("%").strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(_("“{text}” is not a percentage such as 8 or 2.15").format(
            text=text.strip())) from None
    if not value.is_finite() or not Decimal(-10) <= value <= Decimal(100):
        raise ValueError(_("must be a percentage from -10 to 100"))
    points = value * 100
    if points != points.to_integral_value():
        raise ValueError(_("takes at most two decimal places"))
    return int(points)


def percent_text(bp: int) -> str:
    """800 → "8 %", 215 → "2.15 %", -50 → "-0.5 %"."""
    text = f"{Decimal(bp) / 100:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} %"


def half_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1 if day.month <= 6 else 7, 1)


def rate_on(rates: Iterable[ReferenceRate], series: str, day: dt.date) -> ReferenceRate | None:
    """The series' rate in force on ``day``: the latest one effective on or before it."""
    found = None
    for rate in rates:
        if rate.series == series and rate.effective_from <= day and (
                found is None or rate.effective_from > found.effective_from):
            found = rate
    return found


def series_checked_on(rates: Iterable[ReferenceRate], series: str) -> dt.date | None:
    return max((r.checked_on for r in rates if r.series == series), default=None)


def simple_interest(amount_minor: int, rate_bp: int, days: int) -> int:
    """Interest on an amount for ``days`` at ``rate_bp`` a year, rounded half up."""
    if amount_minor <= 0 or days <= 0 or rate_bp <= 0:
        return 0
    numerator = amount_minor * rate_bp * days
    denominator = 10_000 * DAYS_IN_YEAR
    return (2 * numerator + denominator) // (2 * denominator)


def fixed_sum(bands: tuple[tuple[int, int], ...], debt_minor: int) -> int | None:
    """The band's sum for a debt: the last band whose lower bound the debt reaches."""
    found = None
    for low, amount in bands:
        if debt_minor >= low:
            found = amount
    return found


def claims_interest(rule: PaymentRule) -> bool:
    return bool(rule.interest_reference) and rule.interest_margin_bp is not None


@dataclass(frozen=True)
class ClaimTerms:
    """What lateness earns under a rule for a debt that fell due on a given day: the same for
    every debt that fell due in that half-year, so a list of them works it out once."""

    reference_on: dt.date  # the half-year's first day, whose rate applies
    reference_bp: int | None  # None: no rate known for that date
    rate_bp: int | None  # reference plus margin
    rate_checked: bool  # the series was checked on or after reference_on


def claim_terms(rule: PaymentRule, rates: Sequence[ReferenceRate],
                due_on: dt.date) -> ClaimTerms:
    reference_on = half_year_start(due_on + dt.timedelta(days=1))
    reference = rate_on(rates, rule.interest_reference, reference_on)
    checked = series_checked_on(rates, rule.interest_reference)
    assert rule.interest_margin_bp is not None
    return ClaimTerms(reference_on, None if reference is None else reference.rate_bp,
                      None if reference is None else reference.rate_bp + rule.interest_margin_bp,
                      checked is not None and checked >= reference_on)


def late_claim(rule: PaymentRule, rates: Iterable[ReferenceRate], unpaid_minor: int,
               currency: str, due_on: dt.date, today: dt.date,
               terms: ClaimTerms | None = None) -> LateClaim | None:
    """What the contractor can claim on ``today`` for an installment due on ``due_on`` with
    ``unpaid_minor`` still unpaid; None when it is not late or the rule sets no interest.
    ``terms``: ``claim_terms`` for the rule and day, when the caller already has them."""
    days = (today - due_on).days
    if days <= 0 or unpaid_minor <= 0 or not claims_interest(rule):
        return None
    if terms is None:
        terms = claim_terms(rule, list(rates), due_on)
    return claim_of(rule, terms, currency, days,
                    claim_amounts(rule, terms, unpaid_minor, currency, days))


def claim_of(rule: PaymentRule, terms: ClaimTerms, currency: str, days: int,
             amounts: tuple[int | None, int | None]) -> LateClaim:
    """The claim for a debt ``days`` late, from its ``claim_amounts``."""
    interest, compensation = amounts
    return LateClaim(rule.name, rule.source, days, terms.reference_on, terms.reference_bp,
                     terms.rate_bp, terms.rate_checked, interest, currency, compensation,
                     rule.currency)


def claim_amounts(rule: PaymentRule, terms: ClaimTerms, unpaid_minor: int, currency: str,
                  days: int) -> tuple[int | None, int | None]:
    """(interest in the debt's currency, the fixed sum in the rule's) for a debt ``days``
    late; None where no rate is known, or where no band fits the debt's currency."""
    rate = terms.rate_bp
    interest = None if rate is None else simple_interest(unpaid_minor, rate, days)
    # Bands are sized in the rule's currency; a debt in another currency gets a flat sum only.
    if currency == rule.currency or len(rule.compensation) == 1:
        return interest, fixed_sum(rule.compensation, unpaid_minor)
    return interest, None


RATE_LABELS = {"series": _("Series"), "effective_from": _("In force from"), "rate": _("Rate (%)"),
               "source": _("Source"), "checked_on": _("Checked on")}


def validate_rate(raw: dict[str, object], today: dt.date) -> ReferenceRate:
    """A reference rate as typed in Settings: every field checked, each problem named."""
    from desktop.core.dates import parse_date
    from desktop.core.text import screen
    from desktop.core.validation import FieldError, ValidationError

    raw, errors = screen(raw)

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    series = text("series").upper()
    if not series:
        errors.append(FieldError("series", _("is required: the name payment rules use, e.g. ECB")))
    elif len(series) > 16 or not series.replace("_", "").isalnum():
        errors.append(FieldError("series", _("must be up to 16 letters or digits, e.g. ECB")))
    rate = None
    if not text("rate"):
        errors.append(FieldError("rate", _("is required")))
    else:
        try:
            rate = parse_basis_points(text("rate"))
        except ValueError as exc:
            errors.append(FieldError("rate", str(exc)))
    if not text("source"):
        errors.append(FieldError("source", _("is required: say where the rate was published")))
    dates: dict[str, dt.date | None] = {}
    for name in ("effective_from", "checked_on"):
        try:
            dates[name] = parse_date(text(name))
        except ValueError as exc:
            errors.append(FieldError(name, str(exc)))
            continue
        if dates[name] is None:
            errors.append(FieldError(name, _("is required")))
    checked = dates.get("checked_on")
    if checked and checked > today:
        errors.append(FieldError("checked_on", _("cannot be in the future")))
    if errors:
        raise ValidationError(errors)
    return ReferenceRate(series, dates["effective_from"], rate,  # type: ignore[arg-type]
                         text("source"), checked)  # type: ignore[arg-type]


def claim_text(claim: LateClaim) -> str:
    """ "€8.34 interest at 10.15 % a year and a fixed €40.00 (EU Late Payment Directive)"."""
    from desktop.core.money import format_money

    fixed = claim.compensation_minor
    facts = {"rule": claim.rule_name, "day": date_text(claim.reference_on),
             "fixed": "" if fixed is None else format_money(fixed, claim.compensation_currency)}
    if claim.interest_minor is not None and claim.rate_bp is not None:
        facts.update(interest=format_money(claim.interest_minor, claim.currency),
                     rate=percent_text(claim.rate_bp))
        if fixed is None:
            return _("{interest} interest at {rate} a year ({rule})").format(**facts)
        return _("{interest} interest at {rate} a year and a fixed {fixed} ({rule})").format(
            **facts)
    if fixed is None:
        return _("interest (no reference rate known for {day}) ({rule})").format(**facts)
    return _("interest (no reference rate known for {day}) and a fixed {fixed} "
             "({rule})").format(**facts)


def totals_text(interest: dict[str, int], compensation: dict[str, int]) -> str:
    """ "€16.68 interest + €80.00 fixed sums"; amounts in different currencies stay apart."""
    from desktop.core.money import format_money

    interest_text = ", ".join(format_money(v, c) for c, v in interest.items())
    fixed_text = ", ".join(format_money(v, c) for c, v in compensation.items())
    if interest and compensation:
        return _("{interest} interest + {fixed} fixed sums").format(interest=interest_text,
                                                                   fixed=fixed_text)
    if interest:
        return _("{interest} interest").format(interest=interest_text)
    if compensation:
        return _("{fixed} fixed sums").format(fixed=fixed_text)
    return ""
