"""What is at stake in letting a contractor go: asked only for a well-rated one, with a cheaper
backup's rate set against their record only when the two rates compare."""

from __future__ import annotations

import datetime as dt

from desktop.core.exit_plan import validate_exit_plan
from desktop.operations.letting_go import at_stake
from desktop.store import contractors, engagements, exit_plans
from desktop.store.db import Store
from tests.factories import make_contractor, signed

TODAY = dt.date(2026, 6, 1)


def rated(store: Store, stars: int, **fields: object) -> tuple[int, int]:
    who = contractors.create(store, make_contractor(**fields)).id
    done = signed(store, who, title="Done")
    record = engagements.get(store, done)
    engagements.move(store, done, "completed", record.version, on=TODAY)
    engagements.rate(store, done, engagements.RatingData(stars, stars, stars, stars, True), TODAY)
    return who, signed(store, who, title="Running")


def test_nothing_is_at_stake_below_four_stars(store: Store) -> None:
    who, running = rated(store, 3)
    assert at_stake(store, who, TODAY, running) is None


def test_a_cheaper_backup_is_set_against_the_record_only_when_rates_compare(store: Store) -> None:
    who, running = rated(store, 5, rate="60", rate_unit="hour", currency="EUR")
    stake = at_stake(store, who, TODAY, running)
    assert stake is not None and stake.lines[0].startswith("Maya Okafor is rated 5.0 / 5")
    assert not any("backup" in line for line in stake.lines)
    for rate, unit, currency, shown in (("45", "hour", "EUR", True), ("45", "day", "EUR", False),
                                        ("45", "hour", "USD", False), ("70", "hour", "EUR", False)):
        backup = contractors.create(store, make_contractor(
            display_name=f"Backup {rate} {unit} {currency}", email="", rate=rate,
            rate_unit=unit, currency=currency)).id
        plan = exit_plans.get(store, running)
        exit_plans.save(store, running, validate_exit_plan({"backup_contractor_id": str(backup)}),
                        None if plan is None else plan.version)
        lines = at_stake(store, who, TODAY, running).lines  # type: ignore[union-attr]
        assert any("€15.00 less than Maya Okafor's €60.00" in line for line in lines) == shown
