"""The outsourcing planner's activities, their quotes and the plan's exchange rates.

Hours are stored as whole minutes (a tenth of an hour is six) and come back as the exact
Decimal hours the planner's rules take. Everything returned is a plain object.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.enums import EngagementStatus, PlannerDecision, RateUnit
from desktop.core.i18n import _
from desktop.core.planner import ActivityInputs, ExchangeRate, Quote
from desktop.core.validation import ConflictError
from desktop.store.db import Store
from desktop.store.models import Activity, ActivityQuote, BusinessProfile, Contractor, Engagement
from desktop.store.models import ExchangeRate as ExchangeRateRow
from desktop.store.versions import changed, gone, load, refuse_stale, touch

# An engagement in one of these is someone doing the activity now.
_DOING = (EngagementStatus.SIGNED.value,)


@dataclass(frozen=True)
class QuoteRecord:
    id: int
    quote: Quote
    notes: str


@dataclass(frozen=True)
class ActivityRecord:
    id: int
    version: int
    inputs: ActivityInputs
    hour_value_set: bool  # False: the business profile's value of an hour applies
    decision: PlannerDecision  # what the owner decided (the rules only recommend)
    notes: str
    quotes: tuple[QuoteRecord, ...]
    done_by: tuple[str, ...]  # contractors on signed engagements for this activity
    is_demo: bool
    changed_by: str = ""  # who saved it last
    updated_at: dt.datetime | None = None


def minutes(hours: Decimal) -> int:
    return int(hours * 60)


def hours(minutes_count: int) -> Decimal:
    return (Decimal(minutes_count) / 60).quantize(Decimal("0.1"))


def owner_hour_value(store: Store) -> int | None:
    with store.reading() as session:
        profile = session.get(BusinessProfile, 1)
        return None if profile is None else profile.owner_hour_value_minor


@dataclass(frozen=True)
class PlanSettings:
    """The plan's settings as an editor reads them; ``version`` is the business profile's
    (0 while there is none), which the hour value and the exchange rates both belong to."""

    version: int
    owner_hour_value_minor: int | None
    rates: tuple[ExchangeRate, ...]


def plan_settings(store: Store) -> PlanSettings:
    with store.reading() as session:
        profile = session.get(BusinessProfile, 1)
        rows = session.scalars(select(ExchangeRateRow).order_by(ExchangeRateRow.id))
        rates = tuple(ExchangeRate(r.from_currency, r.to_currency, Decimal(r.rate)) for r in rows)
        if profile is None:
            return PlanSettings(0, None, rates)
        return PlanSettings(profile.version, profile.owner_hour_value_minor, rates)


def set_owner_hour_value(store: Store, value_minor: int | None,
                         expected_version: int | None = None) -> None:
    """Set the hour value on the settings as they were at ``expected_version``."""
    with _stale_settings(), store.transaction() as session:
        _profile(session, expected_version).owner_hour_value_minor = value_minor


def activities(store: Store) -> list[ActivityRecord]:
    """Every activity by name, with its quotes and who does it now."""
    with store.reading() as session:
        profile = session.get(BusinessProfile, 1)
        default = (profile.owner_hour_value_minor if profile else None) or 0
        rows = session.scalars(select(Activity).order_by(Activity.name, Activity.id)).all()
        doers: defaultdict[int, list[str]] = defaultdict(list)
        for activity_id, name in session.execute(
                select(Engagement.activity_id, Contractor.display_name)
                .join(Contractor, Contractor.id == Engagement.contractor_id)
                .where(Engagement.activity_id.is_not(None), Engagement.status.in_(_DOING))
                .order_by(Contractor.display_name)):
            if name not in doers[activity_id]:
                doers[activity_id].append(name)
        return [_record(row, default, tuple(doers[row.id])) for row in rows]


def get(store: Store, activity_id: int) -> ActivityRecord:
    found = [a for a in activities(store) if a.id == activity_id]
    if not found:
        raise gone("activity", activity_id)
    return found[0]


def save(store: Store, inputs: ActivityInputs, *, hour_value_set: bool = True,
         decision: PlannerDecision = PlannerDecision.UNDECIDED, notes: str = "",
         activity_id: int | None = None, expected_version: int | None = None,
         is_demo: bool = False) -> int:
    """Add an activity, or update one as it was at ``expected_version``; returns its id."""
    try:
        with store.transaction() as session:
            row = Activity(is_demo=is_demo) if activity_id is None else _load(
                session, activity_id, expected_version)
            row.name, row.minutes_per_month = inputs.name, minutes(inputs.hours_per_month)
            row.importance, row.competence = inputs.importance, inputs.competence
            row.owner_hour_value_minor = inputs.hour_value_minor if hour_value_set else None
            row.currency, row.decision, row.notes = inputs.currency, str(decision), notes.strip()
            session.add(row)
            session.flush()
            return row.id
    except StaleDataError:
        raise _changed(activity_id or 0) from None


def delete_demo(store: Store) -> int:
    """Remove the demo activities (their quotes go with them)."""
    with store.transaction() as session:
        return session.execute(delete(Activity).where(Activity.is_demo.is_(True))).rowcount or 0


def delete_activity(store: Store, activity_id: int, expected_version: int) -> None:
    with refuse_stale("activity", activity_id), store.transaction() as session:
        session.delete(_load(session, activity_id, expected_version))


def add_quote(store: Store, activity_id: int, quote: Quote, notes: str = "",
              expected_version: int | None = None) -> int:
    """Add a quote to the activity as it was at ``expected_version``; the quotes are part of
    the activity, whose version moves with them."""
    with refuse_stale("activity", activity_id), store.transaction() as session:
        touch(_load(session, activity_id, expected_version))
        row = ActivityQuote(activity_id=activity_id, **_quote_columns(quote), notes=notes.strip())
        session.add(row)
        session.flush()
        return row.id


def delete_quote(store: Store, quote_id: int, activity_id: int,
                 expected_version: int | None = None) -> None:
    """Remove a quote from the activity as it was at ``expected_version``."""
    with refuse_stale("activity", activity_id), store.transaction() as session:
        quote = session.get(ActivityQuote, quote_id)
        if quote is None or quote.activity_id != activity_id:
            raise ConflictError(_("the quote was removed elsewhere from activity {id}").format(
                id=activity_id))
        touch(_load(session, activity_id, expected_version))
        session.delete(quote)


def link_engagement(store: Store, engagement_id: int, activity_id: int | None,
                    expected_version: int | None = None) -> None:
    """Remember which activity the engagement (at ``expected_version``) does; None forgets it."""
    with refuse_stale("engagement", engagement_id), store.transaction() as session:
        engagement = load(session, Engagement, engagement_id, expected_version, "engagement")
        if activity_id is not None:
            _load(session, activity_id)
        engagement.activity_id = activity_id


def activity_of(store: Store, engagement_id: int) -> int | None:
    with store.reading() as session:
        return session.scalar(select(Engagement.activity_id).where(Engagement.id == engagement_id))


def exchange_rates(store: Store) -> list[ExchangeRate]:
    with store.reading() as session:
        rows = session.scalars(select(ExchangeRateRow).order_by(ExchangeRateRow.id))
        return [ExchangeRate(r.from_currency, r.to_currency, Decimal(r.rate)) for r in rows]


def set_exchange_rates(store: Store, rates: list[ExchangeRate],
                       expected_version: int | None = None) -> None:
    """Replace the plan's rates with ``rates`` (all of them or none), if the settings are still
    at ``expected_version``."""
    with _stale_settings(), store.transaction() as session:
        touch(_profile(session, expected_version))
        session.execute(delete(ExchangeRateRow))
        session.add_all(ExchangeRateRow(from_currency=r.from_currency, to_currency=r.to_currency,
                                        rate=format(r.rate, "f")) for r in rates)


def _quote_columns(quote: Quote) -> dict[str, object]:
    return {"contractor_id": quote.contractor_id, "source": quote.source,
            "rate_minor": quote.rate_minor, "unit": str(quote.unit), "currency": quote.currency,
            "estimated_minutes_per_month": minutes(quote.estimated_hours_per_month)}


def _record(row: Activity, default_hour_value: int, done_by: tuple[str, ...]) -> ActivityRecord:
    value = row.owner_hour_value_minor
    inputs = ActivityInputs(row.name, hours(row.minutes_per_month), row.importance,
                            row.competence, default_hour_value if value is None else value,
                            row.currency or "USD")
    quotes = tuple(QuoteRecord(q.id, Quote(q.source, q.contractor_id, q.rate_minor,
                                           RateUnit(q.unit), q.currency,
                                           hours(q.estimated_minutes_per_month)), q.notes)
                   for q in row.quotes)
    return ActivityRecord(row.id, row.version, inputs, value is not None,
                          PlannerDecision(row.decision), row.notes, quotes, done_by, row.is_demo,
                          row.changed_by, row.updated_at)


@contextmanager
def _stale_settings() -> Iterator[None]:
    try:
        yield
    except StaleDataError:
        raise _settings_changed() from None


def _settings_changed() -> ConflictError:
    return ConflictError(_("the plan's settings were changed elsewhere after you opened them; "
                           "reload them and make your change again"))


def _profile(session: Session, expected_version: int | None) -> BusinessProfile:
    """The business profile at ``expected_version`` (0: there was none), made if missing."""
    profile = session.get(BusinessProfile, 1)
    if expected_version is not None and (profile.version if profile else 0) != expected_version:
        raise _settings_changed()
    if profile is None:
        profile = BusinessProfile(id=1)
        session.add(profile)
    return profile


def _load(session: Session, activity_id: int, expected_version: int | None = None) -> Activity:
    row = session.get(Activity, activity_id)
    if row is None:
        raise gone("activity", activity_id)
    if expected_version is not None and row.version != expected_version:
        raise _changed(activity_id)
    return row


def _changed(activity_id: int) -> ConflictError:
    return changed("activity", activity_id)


__all__ = ["ActivityRecord", "PlanSettings", "QuoteRecord", "activities", "activity_of", "add_quote",
           "delete_activity", "delete_demo", "delete_quote", "exchange_rates", "get", "hours",
           "link_engagement", "minutes", "owner_hour_value", "plan_settings", "save",
           "set_exchange_rates", "set_owner_hour_value"]
