"""Engagement rules: the status path, a complete brief, check-ins and notice dates."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from desktop.core.enums import (
    BillingPeriod,
    Channel,
    CheckInCadence,
    DataAccess,
    EngagementStatus,
    NoticeUnit,
    PricingModel,
)
from desktop.core.i18n import _, ngettext, pgettext
from desktop.core.money import parse_amount, to_major_text
from desktop.core.reference import is_country, is_currency
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

if TYPE_CHECKING:
    from desktop.core.schedule import Milestone, PlannedInstallment

S = EngagementStatus
MOVES: dict[EngagementStatus, tuple[EngagementStatus, ...]] = {
    S.DRAFT: (S.IN_REVIEW, S.CANCELLED),
    S.IN_REVIEW: (S.SIGNED, S.CANCELLED),
    S.SIGNED: (S.COMPLETED, S.TERMINATED),
    S.COMPLETED: (),
    S.TERMINATED: (),
    S.CANCELLED: (),
}
OPEN = (S.DRAFT, S.IN_REVIEW, S.SIGNED)
# An engagement in one of these owes what its schedule says (a terminated one, what was left
# on it when it ended); a draft's or review's schedule is a plan, a cancelled one owes nothing.
BINDING = (S.SIGNED, S.COMPLETED, S.TERMINATED)
# Never a contract, so never summed towards a rule's written-contract amount.
NOT_CONTRACTS = (S.DRAFT, S.CANCELLED)
MULTILINE = ("goals", "scope", "deliverables", "acceptance_criteria", "ip_terms")
# How a status reads inside a sentence ("cannot become signed").
_IN_SENTENCE = {
    S.DRAFT: pgettext("engagement status in a sentence", "draft"),
    S.IN_REVIEW: pgettext("engagement status in a sentence", "in review"),
    S.SIGNED: pgettext("engagement status in a sentence", "signed"),
    S.COMPLETED: pgettext("engagement status in a sentence", "completed"),
    S.TERMINATED: pgettext("engagement status in a sentence", "terminated"),
    S.CANCELLED: pgettext("engagement status in a sentence", "cancelled"),
}
# A move the status path refuses, by the status the engagement is in.
_REFUSALS = {
    S.DRAFT: _("a draft engagement cannot become {new}; it can become {options}"),
    S.IN_REVIEW: _("an in review engagement cannot become {new}; it can become {options}"),
    S.SIGNED: _("a signed engagement cannot become {new}; it can become {options}"),
    S.COMPLETED: _("a completed engagement cannot become {new}; it can become nothing: it is "
                   "closed"),
    S.TERMINATED: _("a terminated engagement cannot become {new}; it can become nothing: it "
                    "is closed"),
    S.CANCELLED: _("a cancelled engagement cannot become {new}; it can become nothing: it is "
                   "closed"),
}

LABELS: dict[str, str] = {
    "contractor_id": _("Contractor"), "title": _("Title"), "goals": _("Goals"), "scope": _("Scope"),
    "deliverables": _("Deliverables"), "acceptance_criteria": _("Acceptance criteria"),
    "pricing_model": _("Pricing"), "billing_period": _("Billing period"), "amount": _("Amount"),
    "rate": _("Rate"), "currency": _("Currency"), "estimated_hours": _("Estimated hours or days"),
    "hours_cap": _("Cap (hours or days)"), "start_on": _("Start"), "end_on": _("End"),
    "notice_period": _("Notice period"), "notice_unit": _("Notice period unit"),
    "payment_terms_days": _("Payment terms (net days)"),
    "longer_terms_reason": _("Longer terms agreed because"),
    "ip_terms": _("IP terms"), "ip_assignment_signed": _("IP assignment signed"),
    "nda_signed_on": _("NDA signed on"), "data_access": _("Data access"),
    "subcontracting_allowed": _("Subcontracting allowed"),
    "jurisdiction_country": _("Jurisdiction country"), "jurisdiction_region": _("Region"),
    "jurisdiction_city": _("City"),
    "comm_channel": _("Channel"), "comm_cadence": _("Check-in cadence"),
    "comm_contact": _("Contact person"),
    "comm_overlap": _("Hours of overlap"),
}


@dataclass(frozen=True)
class EngagementData:
    """A validated engagement as entered (status and signing are moved, not edited)."""

    contractor_id: int
    title: str
    goals: str = ""
    scope: str = ""
    deliverables: str = ""
    acceptance_criteria: str = ""
    pricing_model: PricingModel = PricingModel.FIXED
    billing_period: BillingPeriod | None = None
    amount_minor: int | None = None  # fixed or milestones: the total; retainer: per period
    rate_minor: int | None = None  # hourly or daily
    currency: str = "USD"
    estimated_hours: int | None = None  # hours (hourly) or days (daily)
    hours_cap: int | None = None
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    notice_period: int | None = None
    notice_unit: NoticeUnit = NoticeUnit.DAYS
    payment_terms_days: int | None = None
    # Why terms past a rule's "only if expressly agreed" limit were agreed, in the owner's words.
    longer_terms_reason: str = ""
    ip_terms: str = ""
    ip_assignment_signed: bool = False
    nda_signed_on: dt.date | None = None
    data_access: DataAccess = DataAccess.NONE
    subcontracting_allowed: bool = False
    jurisdiction_country: str = ""
    jurisdiction_region: str = ""
    jurisdiction_city: str = ""
    comm_channel: Channel | None = None
    comm_cadence: CheckInCadence | None = None
    comm_contact: str = ""
    comm_overlap: str = ""

    def to_raw(self) -> dict[str, object]:
        raw: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("amount_minor", "rate_minor"):
                raw[f.name.removesuffix("_minor")] = (
                    "" if value is None else to_major_text(value, self.currency))
            elif isinstance(value, bool):
                raw[f.name] = value
            elif isinstance(value, dt.date):
                raw[f.name] = value.isoformat()
            else:
                raw[f.name] = "" if value is None else str(value)
        return raw


def _date(text: str) -> dt.date | None:
    from desktop.core.dates import parse_date

    return parse_date(text)


def validate_engagement(raw: Mapping[str, object]) -> EngagementData:
    """Check every field; raise ValidationError naming each bad one."""
    raw, errors = screen(raw, MULTILINE)
    if "notice_days" in raw and "notice_period" not in raw:  # terms frozen before units
        raw = {**raw, "notice_period": raw["notice_days"]}
    out: dict[str, object] = {}

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    def fail(name: str, message: str) -> None:
        errors.append(FieldError(name, message))

    contractor = text("contractor_id")
    if not contractor:
        fail("contractor_id", _("is required"))
    elif not contractor.isdigit() or int(contractor) <= 0:
        fail("contractor_id", _("“{text}” is not a contractor number").format(text=contractor))
    else:
        out["contractor_id"] = int(contractor)
    for name in ("title", "goals", "scope", "deliverables", "acceptance_criteria", "ip_terms",
                 "jurisdiction_region", "jurisdiction_city", "comm_contact", "comm_overlap",
                 "longer_terms_reason"):
        out[name] = text(name)
    if not out["title"]:
        fail("title", _("is required"))
    elif len(str(out["title"])) > 200:
        fail("title", _("is longer than {limit} characters").format(limit=200))
    out["jurisdiction_region"] = str(out["jurisdiction_region"]).upper()
    out["jurisdiction_city"] = " ".join(str(out["jurisdiction_city"]).split())
    if len(str(out["jurisdiction_city"])) > 100:
        fail("jurisdiction_city", _("is longer than {limit} characters").format(limit=100))
    unit = text("notice_unit").lower()
    try:  # "month" and "months" alike
        out["notice_unit"] = (NoticeUnit.parse(unit if unit.endswith("s") else unit + "s")
                              if unit else NoticeUnit.DAYS)
    except ValueError:
        fail("notice_unit", _("“{unit}” is not days, weeks or months").format(unit=unit))

    for name, enum, default in (("pricing_model", PricingModel, PricingModel.FIXED),
                                ("data_access", DataAccess, DataAccess.NONE),
                                ("billing_period", BillingPeriod, None),
                                ("comm_channel", Channel, None),
                                ("comm_cadence", CheckInCadence, None)):
        value = text(name)
        try:
            out[name] = enum.parse(value) if value else default
        except ValueError as exc:
            fail(name, str(exc))

    currency = text("currency").upper() or "USD"
    if not is_currency(currency):
        fail("currency", _("“{code}” is not an ISO 4217 currency code").format(code=currency))
    out["currency"] = currency
    for name in ("amount", "rate"):
        value = text(name)
        out[f"{name}_minor"] = None
        if value and is_currency(currency):
            try:
                out[f"{name}_minor"] = parse_amount(value, currency)
            except ValueError as exc:
                fail(name, str(exc))

    for name, low, high in (("estimated_hours", 1, 100_000), ("hours_cap", 1, 100_000),
                            ("notice_period", 0, 3650), ("payment_terms_days", 0, 365)):
        value = text(name)
        out[name] = None
        if value:
            try:
                number = int(value)
            except ValueError:
                fail(name, _("“{text}” is not a whole number").format(text=value))
                continue
            if not low <= number <= high:
                fail(name, _("must be between {low} and {high}").format(low=low, high=f"{high:,}"))
            out[name] = number

    for name in ("start_on", "end_on", "nda_signed_on"):
        try:
            out[name] = _date(text(name))
        except ValueError as exc:
            fail(name, str(exc))
    start, end = out.get("start_on"), out.get("end_on")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        fail("end_on", _("is before the start"))

    country = text("jurisdiction_country").upper()
    if country and country != "EU" and not is_country(country):
        fail("jurisdiction_country",
             _("“{code}” is not an ISO 3166-1 alpha-2 country code").format(code=country))
    out["jurisdiction_country"] = country
    for name in ("ip_assignment_signed", "subcontracting_allowed"):
        value = raw.get(name)
        out[name] = value is True or str(value).strip().lower() in ("true", "yes", "1", "on")

    model = out.get("pricing_model")
    blamed = {e.field for e in errors}
    money_field = ("amount" if model in (PricingModel.FIXED, PricingModel.MILESTONES,
                                         PricingModel.RETAINER)
                   else "rate" if model in (PricingModel.HOURLY, PricingModel.DAILY) else None)
    if (money_field and out.get(f"{money_field}_minor") in (None, 0)
            and not {money_field, "currency"} & blamed):
        fail(money_field, _("must be more than zero for this pricing"))
    if model is PricingModel.RETAINER and out.get("billing_period") is None:
        out["billing_period"] = BillingPeriod.MONTHLY

    if errors:
        raise ValidationError(errors)
    return EngagementData(**out)  # type: ignore[arg-type]


def allowed_moves(status: EngagementStatus | str) -> tuple[EngagementStatus, ...]:
    return MOVES[EngagementStatus(status)]


def check_move(current: EngagementStatus | str, new: EngagementStatus | str) -> None:
    current, new = EngagementStatus(current), EngagementStatus(new)
    if new not in MOVES[current]:
        options = ", ".join(_IN_SENTENCE[m] for m in MOVES[current])
        raise ValueError(_REFUSALS[current].format(new=_IN_SENTENCE[new], options=options))


def brief_gaps(data: EngagementData) -> list[str]:
    """What an unambiguous brief still lacks, in the order a reader needs it."""
    gaps = [LABELS[name] for name in ("goals", "scope", "deliverables", "acceptance_criteria")
            if not getattr(data, name).strip()]
    if data.comm_channel is None or data.comm_cadence is None or not data.comm_contact.strip():
        gaps.append(_("Communication plan"))
    return gaps


def contract_value(data: EngagementData) -> int | None:
    """The whole engagement's value in minor units, where the terms determine it."""
    from desktop.core.schedule import retainer_schedule, schedule_total

    model = data.pricing_model
    if model in (PricingModel.FIXED, PricingModel.MILESTONES):
        return data.amount_minor
    if model in (PricingModel.HOURLY, PricingModel.DAILY):
        if data.rate_minor is None or data.estimated_hours is None:
            return None
        return data.rate_minor * data.estimated_hours
    if data.amount_minor is None or data.start_on is None or data.end_on is None:
        return None
    return schedule_total(retainer_schedule(data.amount_minor, data.currency, data.start_on,
                                            data.end_on,
                                            data.billing_period or BillingPeriod.MONTHLY, 0))


def last_notice_date(end_on: dt.date | None, notice_period: int | None,
                     unit: NoticeUnit = NoticeUnit.DAYS) -> dt.date | None:
    """The last day notice can be given for the engagement to end on its end date. Months
    count back to the same day of the month, or the month's last day when it has no such
    day: one month before 31 March is 28 (or 29) February."""
    if end_on is None or notice_period is None:
        return None
    step = {NoticeUnit.DAYS: relativedelta(days=notice_period),
            NoticeUnit.WEEKS: relativedelta(weeks=notice_period),
            NoticeUnit.MONTHS: relativedelta(months=notice_period)}[NoticeUnit(unit)]
    return end_on - step


def notice_warning(data: EngagementData) -> str | None:
    """A sentence when notice to end on the end date would have to be given before the
    engagement even starts (a notice period longer than the engagement)."""
    last = last_notice_date(data.end_on, data.notice_period, data.notice_unit)
    if last is None or data.start_on is None or last >= data.start_on:
        return None
    return _("{notice} to end on {end} would have to be given by {last}, before the engagement "
             "starts on {start}: shorten the notice period or check the dates.").format(
        notice=notice_phrase(data.notice_period, data.notice_unit), end=data.end_on, last=last,
        start=data.start_on)


def notice_text(period: int | None, unit: NoticeUnit = NoticeUnit.DAYS) -> str:
    """ "30 days", "1 month", "" when none is set."""
    if period is None:
        return ""
    unit = NoticeUnit(unit)
    if unit is NoticeUnit.WEEKS:
        return ngettext("{n} week", "{n} weeks", period).format(n=period)
    if unit is NoticeUnit.MONTHS:
        return ngettext("{n} month", "{n} months", period).format(n=period)
    return ngettext("{n} day", "{n} days", period).format(n=period)


def notice_phrase(period: int | None, unit: NoticeUnit = NoticeUnit.DAYS) -> str:
    """ "30 days' notice", "1 month's notice"."""
    if period is None:
        return ""
    unit = NoticeUnit(unit)
    if unit is NoticeUnit.WEEKS:
        return ngettext("{n} week's notice", "{n} weeks' notice", period).format(n=period)
    if unit is NoticeUnit.MONTHS:
        return ngettext("{n} month's notice", "{n} months' notice", period).format(n=period)
    return ngettext("{n} day's notice", "{n} days' notice", period).format(n=period)


def next_check_in(cadence: CheckInCadence | None, last_contact: dt.date | None,
                  start_on: dt.date | None) -> dt.date | None:
    """When the next check-in is due: one cadence after the last log entry (or the start)."""
    since = last_contact or start_on
    if cadence is None or since is None or cadence is CheckInCadence.PER_MILESTONE:
        return None
    if cadence is CheckInCadence.MONTHLY:  # the same day next month, or its last day
        year, month = divmod(since.year * 12 + since.month, 12)  # the month after, 0-based
        days = calendar.monthrange(year, month + 1)[1]
        return since.replace(year=year, month=month + 1, day=min(since.day, days))
    return since + dt.timedelta(weeks=1 if cadence is CheckInCadence.WEEKLY else 2)


def overdue_before(cadence: CheckInCadence, today: dt.date) -> dt.date | None:
    """The first date whose next check-in is not yet overdue today: contact (or a start)
    before it means the check-in is late. Exact for calendar months too, because a month
    after a later date is never earlier."""
    if cadence is CheckInCadence.PER_MILESTONE:
        return None
    day = today - dt.timedelta(days=40)
    while (next_check_in(cadence, day, None) or today) < today:
        day += dt.timedelta(days=1)
    return day


def check_in_overdue(cadence: CheckInCadence | None, last_contact: dt.date | None,
                     start_on: dt.date | None, today: dt.date) -> bool:
    due = next_check_in(cadence, last_contact, start_on)
    return due is not None and due < today


def planned_schedule(data: EngagementData,
                     milestones: Sequence[Milestone] = ()) -> list[PlannedInstallment]:
    """The payment plan the engagement's own terms give; milestones are the owner's to enter.

    A missing payment term means payment on the due date itself (net 0), a missing billing
    period means monthly.
    """
    from desktop.core.schedule import (
        fixed_schedule,
        milestone_schedule,
        retainer_schedule,
        time_schedule,
    )

    d, P = data, PricingModel
    net = d.payment_terms_days or 0
    period = d.billing_period or BillingPeriod.MONTHLY
    needs = {P.FIXED: ("amount_minor", "end_on"), P.MILESTONES: ("amount_minor",),
             P.RETAINER: ("amount_minor", "start_on", "end_on"),
             P.HOURLY: ("rate_minor", "estimated_hours", "start_on", "end_on"),
             P.DAILY: ("rate_minor", "estimated_hours", "start_on", "end_on")}[d.pricing_model]
    missing = [n for n in needs if getattr(d, n) is None]
    if missing:
        raise ValidationError([FieldError(n.removesuffix("_minor"), _("is not set; add it to "
                                          "plan the payments")) for n in missing])
    if d.pricing_model is P.MILESTONES:
        assert d.amount_minor is not None
        return milestone_schedule(d.amount_minor, d.currency, milestones, net)
    if d.pricing_model is P.FIXED:
        assert d.amount_minor is not None and d.end_on is not None
        return fixed_schedule(d.amount_minor, d.currency, d.end_on, net)
    assert d.start_on is not None and d.end_on is not None
    if d.pricing_model is P.RETAINER:
        assert d.amount_minor is not None
        return retainer_schedule(d.amount_minor, d.currency, d.start_on, d.end_on, period, net)
    assert d.rate_minor is not None and d.estimated_hours is not None
    unit = "hours" if d.pricing_model is P.HOURLY else "days"
    return time_schedule(d.rate_minor, d.currency, d.estimated_hours, d.start_on, d.end_on,
                         period, net, unit_label=unit)


def terms_from_rate(rate_minor: int | None, unit: str, currency: str,
                    country: str = "") -> dict[str, object]:
    """An engagement's price and place as a contractor's rate (or a quote) suggests them: an
    hourly rate makes hourly pricing at that rate, a monthly one a retainer, and so on."""
    from desktop.core.enums import RateUnit

    raw: dict[str, object] = {"currency": currency} if currency else {}
    if country:
        raw["jurisdiction_country"] = country
    if rate_minor is None or not unit or not currency:
        return raw
    amount = to_major_text(rate_minor, currency)
    model, field = {RateUnit.HOUR.value: (PricingModel.HOURLY, "rate"),
                    RateUnit.DAY.value: (PricingModel.DAILY, "rate"),
                    RateUnit.MONTH.value: (PricingModel.RETAINER, "amount"),
                    RateUnit.FIXED.value: (PricingModel.FIXED, "amount")}[str(unit)]
    raw.update({"pricing_model": model.value, field: amount})
    if model is PricingModel.RETAINER:
        raw["billing_period"] = BillingPeriod.MONTHLY.value
    return raw


def schedule_drifted(data: EngagementData,
                     current: Sequence[tuple[PlannedInstallment, int, bool]]) -> bool:
    """Whether a stored schedule no longer follows the terms: ``current`` holds each stored
    installment with what was paid on it and whether it is cancelled. Unpaid installments
    are compared with what regenerating would put in their place (paid ones stay as they
    are); milestones, which the owner dates, by their total only. A schedule with cancelled
    installments was changed by hand on purpose and is not judged."""
    from desktop.core.enums import InstallmentStatus
    from desktop.core.schedule import regenerate

    if not current or any(cancelled for _item, _paid, cancelled in current):
        return False
    if data.pricing_model is PricingModel.MILESTONES:
        return (sum(item.amount_minor for item, _paid, _c in current) != data.amount_minor
                or any(item.currency != data.currency for item, _paid, _c in current))
    try:
        fresh = planned_schedule(data)
        kept = [(item, (InstallmentStatus.PAID if paid >= item.amount_minor
                        else InstallmentStatus.PART_PAID).value)
                for item, paid, _c in current if paid > 0]
        expected = regenerate(kept, fresh)
    except ValidationError:
        return True  # the terms cannot be scheduled over what was paid
    unpaid = [item for item, paid, _c in current if paid == 0]
    return _shape(unpaid) != _shape(expected)


def _shape(items: Sequence[PlannedInstallment]) -> list[tuple[object, ...]]:
    return [(i.due_on, i.amount_minor, i.currency) for i in items]

