"""Planner activities, quotes and exchange rates against a real SQLite file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.core.enums import EngagementStatus, PlannerDecision, RateUnit
from desktop.core.planner import ExchangeRate, Quote, plan_money, recommend, validate_activity
from desktop.core.validation import ConflictError
from desktop.store import demo, engagements, planner
from desktop.store.db import Store
from tests.factories import make_engagement


def activity(name: str = "Bookkeeping", hours: str = "12.5", value: str = "80.00"):  # type: ignore[no-untyped-def]
    return validate_activity({"name": name, "hours_per_month": hours, "importance": 2,
                              "competence": 1, "hour_value": value, "currency": "USD"})


def quote(rate: int = 45_000, unit: RateUnit = RateUnit.MONTH, currency: str = "USD",
          contractor_id: int | None = None) -> Quote:
    return Quote("Ledger & Co", contractor_id, rate, unit, currency, Decimal("12.5"))


def test_an_activity_comes_back_exactly(store: Store) -> None:
    activity_id = planner.save(store, activity(), decision=PlannerDecision.OUTSOURCE,
                               notes=" Close slips ")
    planner.add_quote(store, activity_id, quote(), notes="by email")
    record = planner.get(store, activity_id)
    assert record.inputs == activity()
    assert record.inputs.hours_per_month == Decimal("12.5")
    assert (record.decision, record.notes, record.hour_value_set) == (
        PlannerDecision.OUTSOURCE, "Close slips", True)
    [stored] = record.quotes
    assert stored.quote == quote() and stored.notes == "by email"


def test_the_profile_hour_value_applies_when_none_is_set(store: Store) -> None:
    planner.set_owner_hour_value(store, 12_000)
    activity_id = planner.save(store, activity(value="1.00"), hour_value_set=False)
    record = planner.get(store, activity_id)
    assert (record.inputs.hour_value_minor, record.hour_value_set) == (12_000, False)
    planner.set_owner_hour_value(store, 9_000)
    assert planner.get(store, activity_id).inputs.hour_value_minor == 9_000


def test_a_stale_edit_is_refused(store: Store) -> None:
    activity_id = planner.save(store, activity())
    version = planner.get(store, activity_id).version
    planner.save(store, activity(hours="3"), activity_id=activity_id, expected_version=version)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        planner.save(store, activity(hours="4"), activity_id=activity_id, expected_version=version)
    assert planner.get(store, activity_id).inputs.hours_per_month == Decimal("3.0")


def test_deleting_an_activity_takes_its_quotes_and_unlinks_engagements(store: Store,
                                                                       maya: int) -> None:
    activity_id = planner.save(store, activity())
    planner.add_quote(store, activity_id, quote(contractor_id=maya))
    engagement = engagements.create(store, make_engagement(maya))
    planner.link_engagement(store, engagement.id, activity_id)
    planner.delete_activity(store, activity_id, planner.get(store, activity_id).version)
    assert planner.activities(store) == []
    assert planner.activity_of(store, engagement.id) is None


def test_who_does_it_now_is_read_from_signed_engagements(store: Store, maya: int) -> None:
    activity_id = planner.save(store, activity())
    engagement = engagements.create(store, make_engagement(maya))
    planner.link_engagement(store, engagement.id, activity_id)
    assert planner.activity_of(store, engagement.id) == activity_id
    assert planner.get(store, activity_id).done_by == ()  # a draft does nothing yet
    current = engagements.get(store, engagement.id).version  # linking counts as a change
    moved = engagements.move(store, engagement.id, EngagementStatus.IN_REVIEW, current,
                             on=dt.date(2026, 3, 1))
    engagements.move(store, engagement.id, EngagementStatus.SIGNED, moved.version,
                     on=dt.date(2026, 3, 1), by="Sam")
    assert planner.get(store, activity_id).done_by == ("Maya Okafor",)
    with pytest.raises(ConflictError):
        planner.link_engagement(store, engagement.id, 999)


def test_exchange_rates_are_kept_exactly(store: Store) -> None:
    rates = [ExchangeRate("EUR", "USD", Decimal("1.0834")),
             ExchangeRate("GBP", "USD", Decimal("1.2712"))]
    planner.set_exchange_rates(store, rates)
    assert planner.exchange_rates(store) == rates
    planner.set_exchange_rates(store, rates[:1])
    assert planner.exchange_rates(store) == rates[:1]


def test_demo_activities_come_and_go_with_the_demo(store: Store) -> None:
    demo.load_demo(store)
    loaded = planner.activities(store)
    assert len(loaded) >= 6 and all(a.is_demo for a in loaded)
    assert {a.decision for a in loaded} >= {PlannerDecision.OUTSOURCE, PlannerDecision.KEEP,
                                            PlannerDecision.HIRE_EXPERT}
    assert any(a.done_by for a in loaded)
    money = plan_money([(a.inputs, [q.quote for q in a.quotes], recommend(a.inputs))
                        for a in loaded], "USD")
    assert money.total.cost_minor > 0 and money.total.saving_minor > 0
    demo.remove_demo(store)
    assert planner.activities(store) == []


@pytest.fixture
def maya(store: Store) -> int:
    from desktop.core.contractor import validate_contractor
    from desktop.store import contractors

    return contractors.create(store, validate_contractor({"display_name": "Maya Okafor"})).id


def test_an_engagement_can_start_from_an_activity(store: Store, maya: int) -> None:
    activity_id = planner.save(store, activity())
    record = engagements.create(store, make_engagement(maya), activity_id=activity_id)
    assert planner.activity_of(store, record.id) == activity_id
    with pytest.raises(ConflictError, match="activity 999"):
        engagements.create(store, make_engagement(maya), activity_id=999)
    assert len(engagements.list_rows(store)) == 1  # the refused one left nothing behind
