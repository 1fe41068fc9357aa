"""The outsourcing planner: activities, quotes, exchange rates and the owner's hour value."""

from __future__ import annotations

from desktop.core.engagement import EngagementData
from desktop.core.enums import PlannerDecision
from desktop.core.planner import ActivityInputs, ExchangeRate, Quote
from desktop.core.text import checked
from desktop.operations.changes import Changes, Done
from desktop.operations.engagements import touched
from desktop.store import engagements, planner
from desktop.store.db import Store
from desktop.store.engagements import EngagementRecord


def save_activity(store: Store, inputs: ActivityInputs, *, hour_value_set: bool = True,
                  decision: PlannerDecision = PlannerDecision.UNDECIDED, notes: str = "",
                  activity_id: int | None = None,
                  expected_version: int | None = None) -> Done[int]:
    """Add an activity, or update it as it was at ``expected_version``; the value is its id."""
    if activity_id is not None and expected_version is None:
        raise TypeError("an edit needs the version of the activity it started from")
    notes = checked("notes", notes, multiline=True)
    saved = planner.save(store, inputs, hour_value_set=hour_value_set, decision=decision,
                         notes=notes, activity_id=activity_id, expected_version=expected_version)
    return Done(saved, Changes(activities=frozenset({saved})))


def delete_activity(store: Store, activity_id: int, expected_version: int) -> Changes:
    planner.delete_activity(store, activity_id, expected_version)
    return Changes(activities=frozenset({activity_id}))


def add_quote(store: Store, activity_id: int, quote: Quote, notes: str = "", *,
              expected_version: int) -> Changes:
    """Add a quote to the activity as it was at ``expected_version``."""
    checked("notes", notes)
    planner.add_quote(store, activity_id, quote, notes, expected_version)
    return Changes(activities=frozenset({activity_id}))


def delete_quote(store: Store, activity_id: int, quote_id: int,
                 expected_version: int) -> Changes:
    """Remove a quote from the activity as it was at ``expected_version``."""
    planner.delete_quote(store, quote_id, activity_id, expected_version)
    return Changes(activities=frozenset({activity_id}))


def set_owner_hour_value(store: Store, value_minor: int | None,
                         expected_version: int) -> Changes:
    """``expected_version``: the plan settings' (planner.plan_settings)."""
    planner.set_owner_hour_value(store, value_minor, expected_version)
    return Changes(settings=True)


def set_exchange_rates(store: Store, rates: list[ExchangeRate],
                       expected_version: int) -> Changes:
    """``expected_version``: the plan settings' (planner.plan_settings)."""
    planner.set_exchange_rates(store, rates, expected_version)
    return Changes(settings=True)


def start_engagement(store: Store, data: EngagementData,
                     activity_id: int) -> Done[EngagementRecord]:
    """A draft engagement that takes on a planner activity (one transaction)."""
    record = engagements.create(store, data, activity_id=activity_id)
    return Done(record, touched(record) | Changes(activities=frozenset({activity_id})))
