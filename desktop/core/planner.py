"""The outsourcing planner: which activities to keep, outsource or hand to an expert, and what
outsourcing them would cost against the value of the hours it frees.

Pure rules, exact arithmetic. Hours are ``Decimal`` with at most one decimal place (6-minute
steps, so they map exactly onto the store's minutes); money is integer minor units plus an
ISO 4217 code; every division or conversion is done in ``Fraction`` and rounded half up to the
minor unit once, at the end. There is no float anywhere in this module.

Decisions taken here (the owner can change the numbers, not the shape of the rules):

* Scores fall in three bands per axis: *low* (≤ ``low_*``), *high* (≥ ``high_*``) and a middle
  band in between (3 with the defaults). The four quadrants decide as the issue asks; when the
  hours matter (low importance, high competence) they are *costly* at or above
  ``costly_hours_per_month`` — hours rather than money, so the rule means the same in every
  currency, and the money view already weighs hours against quotes.
* A middle score touches two quadrants (both middle: all four). The planner decides only when
  every quadrant it touches gives the same decision; otherwise the activity stays
  ``UNDECIDED`` and the reason says what to weigh.
* Low importance with high competence and costly hours is ``DROP`` ("outsource or drop"). Where
  a middle score touches that quadrant and a plain ``OUTSOURCE`` one, the advice is to outsource.
* ``OUTSOURCE``, ``HIRE_EXPERT`` and ``DROP`` all take the work off the team: all count in the
  "if you outsource the recommended activities" total.
* Quote units: ``hour`` → rate × estimated hours; ``day`` → whole days, the estimated hours
  divided by hours per day (default 8) and rounded *up*, since a day rate buys a whole day and
  the plan should not understate a cost; ``month`` → the rate; ``fixed`` → a one-off price
  spread evenly over ``fixed_months`` months of the activity (default 1: a price for one
  month's work).
* Exchange rates are typed by the owner for the plan ("1 EUR = 1.0834 USD"); a rate also
  converts the other way by its exact inverse. A converted amount is the quote's rounded
  monthly cost converted and rounded once more, half up, so it can be checked by hand from the
  figures on screen. Without a rate, other currencies are listed and totalled apart, never added.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import ceil, floor

from desktop.core.enums import PlannerDecision, RateUnit
from desktop.core.i18n import _, ngettext
from desktop.core.money import minor_digits, parse_amount
from desktop.core.reference import is_currency
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

__all__ = [
    "DEFAULT_HOURS_PER_DAY", "LABELS", "MAX_HOURS_PER_MONTH", "OUTSOURCING_DECISIONS",
    "ActivityInputs", "ActivityMoney", "CurrencyTotal", "ExchangeRate", "OutsourcingTotal",
    "PlanMoney", "Quote", "QuoteCost", "Recommendation", "Thresholds", "activity_money",
    "convert", "hours_value", "monthly_cost", "plan_money", "recommend", "validate_activity",
    "validate_quote", "validate_rate", "validate_thresholds",
]

SCORES = range(1, 6)
MAX_HOURS_PER_MONTH = Decimal(744)  # every hour of a 31-day month
DEFAULT_HOURS_PER_DAY = 8
MAX_FIXED_MONTHS = 120
OUTSOURCING_DECISIONS = frozenset({PlannerDecision.OUTSOURCE, PlannerDecision.HIRE_EXPERT,
                                   PlannerDecision.DROP})

LABELS = {
    "name": _("Activity"), "hours_per_month": _("Hours per month"), "importance": _("Importance"),
    "competence": _("In-house competence"), "hour_value": _("Value of an hour"),
    "currency": _("Currency"), "source": _("Quote from"), "contractor_id": _("Contractor"),
    "rate": _("Rate"), "unit": _("Unit"),
    "estimated_hours_per_month": _("Estimated hours per month"),
    "fixed_months": _("Months a fixed price covers"), "from_currency": _("From"),
    "to_currency": _("To"), "high_importance": _("High importance from"),
    "low_importance": _("Low importance up to"), "high_competence": _("High competence from"),
    "low_competence": _("Low competence up to"),
    "costly_hours_per_month": _("Hours a month that are costly"),
}

_HOURS = re.compile(r"^\d+(\.\d+)?$")
_RATE = re.compile(r"^\d+(\.\d+)?$")
_HALF = Fraction(1, 2)


# --- Exact helpers ---------------------------------------------------------------------------

def _half_up(value: Fraction) -> int:
    """Round to an integer, halves away from zero."""
    if value >= 0:
        return floor(value + _HALF)
    return -floor(-value + _HALF)


def _is_hours(value: object) -> bool:
    return (isinstance(value, Decimal) and value.is_finite() and value >= 0
            and (value * 10) == (value * 10).to_integral_value())


def _tidy_hours(value: Decimal) -> Decimal:
    """12.50 → 12.5, 8.0 → 8: one spelling per number of tenths."""
    return Decimal(int(value * 10)) / 10


def _hours_text(hours: Decimal) -> str:
    tidy = _tidy_hours(hours)
    # A fraction of an hour takes the plural, as in "1.5 hours".
    n = int(tidy) if tidy == tidy.to_integral_value() else 2
    return ngettext("{hours} hour", "{hours} hours", n).format(hours=f"{tidy:f}")


def _whole(value: object) -> int | None:
    """An int from an int or its digits; None for anything else (bools and floats too)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _text(raw: Mapping[str, object], name: str) -> str:
    value = raw.get(name)
    return "" if value is None else str(value).strip()


def _parse_hours(value: object, field: str, errors: list[FieldError],
                 default: Decimal | None = None) -> Decimal | None:
    """Hours ≥ 0 with at most one decimal place, from text, an int or a Decimal."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if default is not None:
            return default
        errors.append(FieldError(field, _("is required")))
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        errors.append(FieldError(field, _("must be typed as a number of hours such as 12.5")))
        return None
    text = str(value).strip()
    if text.startswith("-"):
        errors.append(FieldError(field, _("must be zero or more")))
        return None
    if not _HOURS.match(text):
        errors.append(FieldError(field, _("“{text}” is not a number of hours such as 12.5").format(
            text=text)))
        return None
    hours = Decimal(text)
    if not _is_hours(hours):
        errors.append(FieldError(field, _("takes at most one decimal place (6-minute steps)")))
        return None
    if hours > MAX_HOURS_PER_MONTH:
        errors.append(FieldError(field, _("cannot be more than {most} (every hour of a 31-day "
                                          "month)").format(most=MAX_HOURS_PER_MONTH)))
        return None
    return _tidy_hours(hours)


def _check_currency(code: object, field: str, errors: list[FieldError]) -> str:
    text = "" if code is None else str(code).strip().upper()
    if not text:
        errors.append(FieldError(field, _("is required")))
    elif not is_currency(text):
        errors.append(FieldError(field, _("“{code}” is not an ISO 4217 currency code").format(
            code=text)))
    return text


# --- Thresholds (data, not literals) ---------------------------------------------------------

@dataclass(frozen=True)
class Thresholds:
    """Where a score turns low or high, and when hours a month count as costly.

    Crewbook's defaults, not a law or a study: the owner can change every number in settings.
    A score at or above ``high_*`` is high, at or below ``low_*`` is low, in between it is
    middling. Hours spent are costly from ``costly_hours_per_month`` (8: about two hours a
    week, a working day every month).
    """

    high_importance: int = 4
    high_competence: int = 4
    low_importance: int = 2
    low_competence: int = 2
    costly_hours_per_month: Decimal = Decimal(8)
    source: str = _("Crewbook defaults")
    note: str = _("Starting points, not rules of law or research: change them in settings to "
                  "match how your business counts importance, skill and time.")

    def __post_init__(self) -> None:
        errors: list[FieldError] = []
        for axis in ("importance", "competence"):
            low, high = getattr(self, f"low_{axis}"), getattr(self, f"high_{axis}")
            for name, value in ((f"low_{axis}", low), (f"high_{axis}", high)):
                if isinstance(value, bool) or not isinstance(value, int) or value not in SCORES:
                    errors.append(FieldError(name, _("must be a whole number from 1 to 5")))
            if not any(e.field.endswith(axis) for e in errors) and low >= high:
                below = (_("must be below high importance ({high})") if axis == "importance"
                         else _("must be below high competence ({high})"))
                errors.append(FieldError(f"low_{axis}", below.format(high=high)))
        if not _is_hours(self.costly_hours_per_month):
            errors.append(FieldError("costly_hours_per_month",
                                     _("must be zero or more hours with at most one decimal "
                                       "place")))
        elif self.costly_hours_per_month > MAX_HOURS_PER_MONTH:
            errors.append(FieldError("costly_hours_per_month",
                                     _("cannot be more than {most}").format(
                                         most=MAX_HOURS_PER_MONTH)))
        if errors:
            raise ValidationError(errors)

    def band(self, axis: str, score: int) -> str:
        """"low", "middle" or "high" for an ``importance`` or ``competence`` score."""
        if score >= getattr(self, f"high_{axis}"):
            return "high"
        if score <= getattr(self, f"low_{axis}"):
            return "low"
        return "middle"


def validate_thresholds(raw: Mapping[str, object], base: Thresholds | None = None) -> Thresholds:
    """Thresholds as typed in settings; a blank field keeps ``base`` (Crewbook's defaults)."""
    base = base or Thresholds()
    raw, errors = screen(raw, ("note",))
    out: dict[str, object] = {}
    for name in ("high_importance", "high_competence", "low_importance", "low_competence"):
        given = raw.get(name)
        if given is None or (isinstance(given, str) and not given.strip()):
            out[name] = getattr(base, name)
            continue
        value = _whole(given)
        if value is None or value not in SCORES:
            errors.append(FieldError(name, _("must be a whole number from 1 to 5")))
        out[name] = value if value in SCORES else getattr(base, name)
    out["costly_hours_per_month"] = _parse_hours(
        raw.get("costly_hours_per_month"), "costly_hours_per_month", errors,
        default=base.costly_hours_per_month)
    for name in ("source", "note"):
        out[name] = _text(raw, name) or getattr(base, name)
    if errors:
        raise ValidationError(errors)
    return Thresholds(**out)  # type: ignore[arg-type]  # __post_init__ checks low < high


# --- Activities and the recommendation -------------------------------------------------------

@dataclass(frozen=True)
class ActivityInputs:
    name: str
    hours_per_month: Decimal  # ≥ 0, at most one decimal place
    importance: int  # 1–5, to the bottom line
    competence: int  # 1–5, in-house
    hour_value_minor: int  # the owner's value of an hour, in ``currency``
    currency: str  # ISO 4217

    def __post_init__(self) -> None:
        if not _is_hours(self.hours_per_month):
            raise TypeError("hours are a Decimal ≥ 0 with at most one decimal place")
        for name in ("importance", "competence", "hour_value_minor"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"{name} is an int")


def validate_activity(raw: Mapping[str, object], *,
                      default_hour_value_minor: int | None = None) -> ActivityInputs:
    """An activity as typed: name, hours_per_month, importance, competence, hour_value (text in
    major units, blank takes ``default_hour_value_minor`` from settings), currency."""
    raw, errors = screen(raw)
    name = _text(raw, "name")
    if not name:
        errors.append(FieldError("name", _("is required")))
    elif len(name) > 120:
        errors.append(FieldError("name", _("is longer than {limit} characters").format(limit=120)))
    hours = _parse_hours(raw.get("hours_per_month"), "hours_per_month", errors)
    scores: dict[str, int] = {}
    for field in ("importance", "competence"):
        value = _whole(raw.get(field))
        if value is None or value not in SCORES:
            errors.append(FieldError(field, _("must be a whole number from 1 to 5")))
        else:
            scores[field] = value
    currency = _check_currency(raw.get("currency"), "currency", errors)
    hour_value: int | None = None
    given = raw.get("hour_value")
    if given is None or (isinstance(given, str) and not given.strip()):
        if default_hour_value_minor is None:
            errors.append(FieldError("hour_value",
                                     _("is required (or set a default in settings)")))
        else:
            hour_value = default_hour_value_minor
    elif not isinstance(given, str | int | Decimal) or isinstance(given, bool):
        errors.append(FieldError("hour_value", _("must be typed as an amount such as 45.50")))
    elif not any(e.field == "currency" for e in errors):
        try:
            hour_value = parse_amount(str(given), currency)
        except ValueError as exc:
            errors.append(FieldError("hour_value", str(exc)))
    if errors:
        raise ValidationError(errors)
    return ActivityInputs(name, hours, scores["importance"], scores["competence"],  # type: ignore[arg-type]
                          hour_value, currency)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Recommendation:
    decision: PlannerDecision
    reason: str  # one plain sentence that names the scores

    @property
    def outsourcing(self) -> bool:
        return self.decision in OUTSOURCING_DECISIONS


_D = PlannerDecision


def _quadrant(importance: str, competence: str, costly: bool) -> PlannerDecision:
    if importance == "high":
        return _D.KEEP if competence == "high" else _D.HIRE_EXPERT
    if competence == "low":
        return _D.OUTSOURCE
    return _D.DROP if costly else _D.KEEP


# (importance band, competence band, costly) → the sentence after the scores; ``None`` for the
# costly flag where the hours do not enter the rule. ``{h}`` is the hours, when they matter.
_REASONS: dict[tuple[str, str, bool | None], str] = {
    ("low", "low", None):
        _("it adds little to the bottom line and your team is not fluent in it, so outsource it "
          "to a specialist who will do it faster and for less."),
    ("high", "high", None):
        _("it drives the business and your team is good at it, so keep it in-house and invest "
          "in that skill."),
    ("high", "low", None):
        _("it matters too much to leave to people still learning it, so bring in an expert "
          "partner and learn from them."),
    ("low", "high", True):
        _("your team does it well, yet {h} a month on work that adds little is time better spent "
          "elsewhere, so outsource it or stop doing it."),
    ("low", "high", False):
        _("your team does it well and it takes only {h} a month, so keep doing it as you do."),
    ("low", "middle", True):
        _("it adds little and takes {h} a month that nobody in-house does especially well, so "
          "outsource it."),
    ("low", "middle", False):
        _("it adds little and takes only {h} a month, so outsource it only if a quote costs less "
          "than those hours are worth."),
    ("middle", "high", False):
        _("your team does it well in only {h} a month, so keep it in-house."),
    ("middle", "high", True):
        _("your team does it well but it takes {h} a month, so keep it unless those hours would "
          "earn more on other work."),
    ("middle", "low", None):
        _("your team is not fluent in it and it matters moderately, so choose between a "
          "contractor and an expert partner on the quotes."),
    ("high", "middle", None):
        _("it matters a lot and your team is only fair at it, so decide whether to train your "
          "people or bring in an expert partner."),
    ("middle", "middle", None):
        _("both scores sit in the middle, so weigh the quotes against the value of your hours "
          "before deciding."),
}


def recommend(inputs: ActivityInputs, thresholds: Thresholds | None = None) -> Recommendation:
    """Keep, outsource, hire an expert, or leave undecided — with the reason in one sentence."""
    thresholds = thresholds or Thresholds()
    importance = thresholds.band("importance", inputs.importance)
    competence = thresholds.band("competence", inputs.competence)
    costly = inputs.hours_per_month >= thresholds.costly_hours_per_month
    sides = {"low": ("low",), "high": ("high",), "middle": ("low", "high")}
    decisions = {_quadrant(i, c, costly)
                 for i in sides[importance] for c in sides[competence]}
    if decisions == {_D.OUTSOURCE, _D.DROP}:  # both take the work off the team
        decisions = {_D.OUTSOURCE}
    decision = decisions.pop() if len(decisions) == 1 else _D.UNDECIDED
    hours_matter = importance != "high" and competence != "low" and (
        importance, competence) != ("middle", "middle")
    text = _REASONS[(importance, competence, costly if hours_matter else None)]
    reason = _("Importance {importance} and in-house competence {competence}: {reason}").format(
        importance=inputs.importance, competence=inputs.competence,
        reason=text.format(h=_hours_text(inputs.hours_per_month)))
    return Recommendation(decision, reason)


# --- Quotes and their monthly cost -----------------------------------------------------------

@dataclass(frozen=True)
class Quote:
    source: str  # the contractor's name, or free text ("agency in Porto")
    contractor_id: int | None
    rate_minor: int
    unit: RateUnit
    currency: str
    estimated_hours_per_month: Decimal  # ≥ 0, at most one decimal place
    fixed_months: int = 1  # unit=fixed: months of the activity the price covers

    def __post_init__(self) -> None:
        if isinstance(self.rate_minor, bool) or not isinstance(self.rate_minor, int):
            raise TypeError("a rate is kept in integer minor units")
        if self.rate_minor < 0:
            raise ValueError(_("a rate is zero or more"))
        if not isinstance(self.unit, RateUnit):
            raise TypeError("unit is a RateUnit")
        if not _is_hours(self.estimated_hours_per_month):
            raise TypeError("hours are a Decimal ≥ 0 with at most one decimal place")
        if (isinstance(self.fixed_months, bool) or not isinstance(self.fixed_months, int)
                or self.fixed_months < 1):
            raise ValueError(_("a fixed price covers one month or more"))


def validate_quote(raw: Mapping[str, object]) -> Quote:
    """A quote as typed: source, contractor_id (optional), rate (major units), unit, currency,
    estimated_hours_per_month, fixed_months (unit fixed only; blank is 1)."""
    raw, errors = screen(raw)
    source = _text(raw, "source")
    if not source:
        errors.append(FieldError("source",
                                 _("is required: a contractor or where the quote came from")))
    elif len(source) > 200:
        errors.append(FieldError("source", _("is longer than {limit} characters").format(
            limit=200)))
    contractor_id: int | None = None
    if _text(raw, "contractor_id"):
        contractor_id = _whole(raw.get("contractor_id"))
        if contractor_id is None:
            errors.append(FieldError("contractor_id", _("is not a contractor in the roster")))
    unit: RateUnit | None = None
    given_unit = raw.get("unit")
    if isinstance(given_unit, RateUnit):
        unit = given_unit
    else:
        if not _text(raw, "unit"):
            errors.append(FieldError("unit", _("is required")))
        else:
            try:
                unit = RateUnit.parse(_text(raw, "unit"))  # type: ignore[assignment]
            except ValueError as exc:
                errors.append(FieldError("unit", str(exc)))
    currency = _check_currency(raw.get("currency"), "currency", errors)
    rate: int | None = None
    if not _text(raw, "rate"):
        errors.append(FieldError("rate", _("is required")))
    elif not isinstance(raw.get("rate"), str | int | Decimal) or isinstance(raw.get("rate"), bool):
        errors.append(FieldError("rate", _("must be typed as an amount such as 45.50")))
    elif not any(e.field == "currency" for e in errors):
        try:
            rate = parse_amount(_text(raw, "rate"), currency)
        except ValueError as exc:
            errors.append(FieldError("rate", str(exc)))
    needs_hours = unit in (RateUnit.HOUR, RateUnit.DAY)
    hours = _parse_hours(raw.get("estimated_hours_per_month"), "estimated_hours_per_month",
                         errors, default=None if needs_hours else Decimal(0))
    months = 1
    if unit is RateUnit.FIXED and _text(raw, "fixed_months"):
        value = _whole(raw.get("fixed_months"))
        if value is None or not 1 <= value <= MAX_FIXED_MONTHS:
            errors.append(FieldError("fixed_months",
                                     _("must be a whole number of months from 1 to "
                                       "{most}").format(most=MAX_FIXED_MONTHS)))
        else:
            months = value
    if errors:
        raise ValidationError(errors)
    return Quote(source, contractor_id, rate, unit, currency, hours, months)  # type: ignore[arg-type]


def _monthly_cost_exact(quote: Quote, hours_per_day: int | Decimal) -> Fraction:
    if quote.unit is RateUnit.HOUR:
        return Fraction(quote.rate_minor) * Fraction(quote.estimated_hours_per_month)
    if quote.unit is RateUnit.DAY:
        days = ceil(Fraction(quote.estimated_hours_per_month) / Fraction(hours_per_day))
        return Fraction(quote.rate_minor * days)
    if quote.unit is RateUnit.MONTH:
        return Fraction(quote.rate_minor)
    return Fraction(quote.rate_minor, quote.fixed_months)


def monthly_cost(quote: Quote, hours_per_day: int | Decimal = DEFAULT_HOURS_PER_DAY) -> int:
    """What the quote costs a month, in the quote's minor units, rounded half up once."""
    if isinstance(hours_per_day, bool) or not isinstance(hours_per_day, int | Decimal):
        raise TypeError("hours per day is an int or a Decimal")
    if isinstance(hours_per_day, Decimal) and not hours_per_day.is_finite():
        raise ValueError(_("hours per day must be a finite number"))
    if not hours_per_day > 0:
        raise ValueError(_("hours per day must be more than zero"))
    return _half_up(_monthly_cost_exact(quote, hours_per_day))


def hours_value(inputs: ActivityInputs) -> int:
    """Hours a month × the owner's value of an hour, in minor units, rounded half up once."""
    return _half_up(Fraction(inputs.hours_per_month) * inputs.hour_value_minor)


# --- Exchange rates --------------------------------------------------------------------------

@dataclass(frozen=True)
class ExchangeRate:
    """Typed by the owner for this plan: 1 ``from_currency`` = ``rate`` ``to_currency``."""

    from_currency: str
    to_currency: str
    rate: Decimal

    def __post_init__(self) -> None:
        if not isinstance(self.rate, Decimal) or not self.rate.is_finite():
            raise TypeError("an exchange rate is a finite Decimal")
        if not self.rate > 0:
            raise ValueError(_("an exchange rate is more than zero"))


def validate_rate(raw: Mapping[str, object]) -> ExchangeRate:
    raw, errors = screen(raw)
    frm = _check_currency(raw.get("from_currency"), "from_currency", errors)
    to = _check_currency(raw.get("to_currency"), "to_currency", errors)
    if frm and to and frm == to:
        errors.append(FieldError("to_currency", _("must differ from the currency converted from")))
    text = _text(raw, "rate")
    rate: Decimal | None = None
    if not text:
        errors.append(FieldError("rate", _("is required")))
    elif not isinstance(raw.get("rate"), str | int | Decimal) or isinstance(raw.get("rate"), bool):
        errors.append(FieldError("rate", _("must be typed as a number such as 1.0834")))
    elif not _RATE.match(text) or not Decimal(text) > 0:
        errors.append(FieldError("rate", _("“{text}” is not a rate above zero such as "
                                           "1.0834").format(text=text)))
    elif len(text) > 30:
        errors.append(FieldError("rate", _("is longer than {limit} characters").format(limit=30)))
    else:
        rate = Decimal(text)
    if errors:
        raise ValidationError(errors)
    return ExchangeRate(frm, to, rate)  # type: ignore[arg-type]


def _factor(rates: Sequence[ExchangeRate], frm: str, to: str) -> Fraction | None:
    """Major units of ``to`` per major unit of ``frm``: a direct rate, else an inverse one."""
    frm, to = frm.upper(), to.upper()
    if frm == to:
        return Fraction(1)
    for rate in rates:
        if (rate.from_currency.upper(), rate.to_currency.upper()) == (frm, to):
            return Fraction(rate.rate)
    for rate in rates:
        if (rate.from_currency.upper(), rate.to_currency.upper()) == (to, frm):
            return 1 / Fraction(rate.rate)
    return None


def _check_rates(rates: Sequence[ExchangeRate]) -> None:
    seen: dict[frozenset[str], ExchangeRate] = {}
    for rate in rates:
        pair = frozenset((rate.from_currency.upper(), rate.to_currency.upper()))
        if len(pair) == 1:
            raise ValidationError([FieldError("rates", _(
                "{source} → {target} converts a currency to itself").format(
                source=rate.from_currency, target=rate.to_currency))])
        if pair in seen:
            first, second = sorted(pair)
            raise ValidationError([FieldError("rates", _(
                "two rates given between {first} and {second}; keep one").format(
                first=first, second=second))])
        seen[pair] = rate


def _convert(amount_minor: int, frm: str, to: str, factor: Fraction) -> int:
    shift = minor_digits(to) - minor_digits(frm)
    return _half_up(Fraction(amount_minor) * factor * Fraction(10) ** shift)


def convert(amount_minor: int, rate: ExchangeRate) -> int:
    """``amount_minor`` of ``rate.from_currency`` in ``rate.to_currency``'s minor units,
    rounded half up once."""
    return _convert(amount_minor, rate.from_currency, rate.to_currency, Fraction(rate.rate))


# --- The money view --------------------------------------------------------------------------

@dataclass(frozen=True)
class QuoteCost:
    quote: Quote
    monthly_minor: int  # in quote.currency
    plan_minor: int | None  # in the plan currency; None when no rate converts it
    converted: bool  # plan_minor came through an exchange rate


@dataclass(frozen=True)
class ActivityMoney:
    name: str
    decision: PlannerDecision
    outsourcing: bool
    currency: str  # the plan currency
    hours_per_month: Decimal
    hours_value_minor: int  # the hours a month at the owner's value, in the plan currency
    quotes: tuple[QuoteCost, ...]  # usable in the plan currency, cheapest first
    best: QuoteCost | None  # the cheapest of ``quotes``
    saving_minor: int | None  # hours value − best cost (negative: outsourcing costs more)
    other_currency: tuple[QuoteCost, ...]  # no rate to the plan currency: shown apart

    @property
    def best_cost_minor(self) -> int | None:
        return None if self.best is None else self.best.plan_minor


@dataclass(frozen=True)
class OutsourcingTotal:
    """"If you outsource the recommended activities", in the plan currency."""

    currency: str
    activities: tuple[str, ...]
    hours_per_month: Decimal
    cost_minor: int
    hours_value_minor: int
    saving_minor: int


@dataclass(frozen=True)
class CurrencyTotal:
    """The cheapest quotes in one unconverted currency for recommended activities the plan
    currency cannot cost. An activity quoted in two such currencies is in both totals: they
    are alternatives, which is why they are never added together."""

    currency: str
    activities: tuple[str, ...]
    cost_minor: int


@dataclass(frozen=True)
class PlanMoney:
    currency: str
    lines: tuple[ActivityMoney, ...]
    total: OutsourcingTotal
    other_totals: tuple[CurrencyTotal, ...]  # by currency code
    unquoted: tuple[str, ...]  # recommended for outsourcing but with no quote at all


def activity_money(inputs: ActivityInputs, quotes: Sequence[Quote], recommendation: Recommendation,
                   currency: str, rates: Sequence[ExchangeRate] = (), *,
                   hours_per_day: int | Decimal = DEFAULT_HOURS_PER_DAY) -> ActivityMoney:
    """One activity's money line in the plan ``currency``."""
    currency = currency.upper()
    value = hours_value(inputs)
    if inputs.currency.upper() != currency:
        factor = _factor(rates, inputs.currency, currency)
        if factor is None:
            raise ValidationError([FieldError("currency", _(
                "“{activity}” values its hours in {source}: enter a {source} → {target} rate "
                "for the plan").format(activity=inputs.name, source=inputs.currency.upper(),
                                       target=currency))])
        value = _convert(value, inputs.currency, currency, factor)
    usable: list[QuoteCost] = []
    other: list[QuoteCost] = []
    for quote in quotes:
        cost = monthly_cost(quote, hours_per_day)
        factor = _factor(rates, quote.currency, currency)
        if factor is None:
            other.append(QuoteCost(quote, cost, None, False))
        else:
            same = quote.currency.upper() == currency
            plan = cost if same else _convert(cost, quote.currency, currency, factor)
            usable.append(QuoteCost(quote, cost, plan, not same))
    usable.sort(key=lambda q: q.plan_minor or 0)  # never None here; stable: first quote wins ties
    other.sort(key=lambda q: (q.quote.currency.upper(), q.monthly_minor))
    best = usable[0] if usable else None
    return ActivityMoney(
        inputs.name, recommendation.decision, recommendation.outsourcing, currency,
        inputs.hours_per_month, value, tuple(usable), best,
        None if best is None else value - best.plan_minor,  # type: ignore[operator]
        tuple(other))


def plan_money(activities: Sequence[tuple[ActivityInputs, Sequence[Quote], Recommendation]],
               currency: str, rates: Sequence[ExchangeRate] = (), *,
               hours_per_day: int | Decimal = DEFAULT_HOURS_PER_DAY) -> PlanMoney:
    """Every activity's money line, and the total for the recommended outsourcing."""
    code = currency.strip().upper()
    if not is_currency(code):
        raise ValidationError([FieldError("currency", _(
            "“{code}” is not an ISO 4217 currency code").format(code=code))])
    _check_rates(rates)
    lines = tuple(activity_money(a, q, r, code, rates, hours_per_day=hours_per_day)
                  for a, q, r in activities)
    names: list[str] = []
    hours = Decimal(0)
    cost = value = 0
    others: dict[str, tuple[list[str], int]] = {}
    unquoted: list[str] = []
    for line in lines:
        if not line.outsourcing:
            continue
        if line.best is not None:
            names.append(line.name)
            hours += line.hours_per_month
            cost += line.best.plan_minor  # type: ignore[operator]
            value += line.hours_value_minor
        elif line.other_currency:
            cheapest: dict[str, int] = {}
            for quote in line.other_currency:
                key = quote.quote.currency.upper()
                cheapest[key] = min(cheapest.get(key, quote.monthly_minor), quote.monthly_minor)
            for key, amount in cheapest.items():
                listed, sum_minor = others.get(key, ([], 0))
                others[key] = ([*listed, line.name], sum_minor + amount)
        else:
            unquoted.append(line.name)
    total = OutsourcingTotal(code, tuple(names), _tidy_hours(hours), cost, value, value - cost)
    other_totals = tuple(CurrencyTotal(key, tuple(listed), amount)
                         for key, (listed, amount) in sorted(others.items()))
    return PlanMoney(code, lines, total, other_totals, tuple(unquoted))

