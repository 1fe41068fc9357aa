"""Before letting a well-rated contractor go (ending their engagement early, or archiving
them): what is at stake, in words the window and the command line both show, and the reason
they then ask for. Replacing a good contractor mainly to save money is a classic mistake, so
a cheaper backup named in the exit plan is shown against what the contractor has earned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.enums import RateUnit
from desktop.core.money import format_money
from desktop.store import contractors, exit_plans
from desktop.store.db import Store
from desktop.store.health import Health, contractor_health


@dataclass(frozen=True)
class AtStake:
    name: str
    lines: tuple[str, ...]  # plain sentences, each a paragraph


def at_stake(store: Store, contractor_id: int, today: dt.date,
             engagement_id: int | None = None) -> AtStake | None:
    """None when the contractor is not well rated (nothing needs asking)."""
    health = contractor_health(store, contractor_id, today)
    if not health.well_rated:
        return None
    person = contractors.get(store, contractor_id).data
    lines = [*_record_lines(person.display_name, health)]
    if engagement_id is not None:
        plan = exit_plans.get(store, engagement_id)
        backup = plan.plan.backup_contractor_id if plan is not None else None
        if backup is not None:
            lines += _cheaper(person, contractors.get(store, backup).data)
    lines.append("Good contractors are hard to replace, and replacing one mainly to save money "
                 "often costs more in the end. Why is this happening?")
    return AtStake(person.display_name, tuple(lines))


def _record_lines(name: str, health: Health) -> list[str]:
    ratings = health.ratings
    assert ratings is not None
    lines = [f"{name} is rated {ratings.average:.1f} / 5 over {ratings.count} engagement"
             f"{'s' if ratings.count != 1 else ''}; you would rehire them "
             f"{ratings.would_rehire} time{'s' if ratings.would_rehire != 1 else ''} of "
             f"{ratings.count}."]
    record = health.on_time
    if record.rate is not None:
        late = (f" (late ones by {record.average_days_late:.0f} days on average)"
                if record.on_time < record.counted else "")
        lines.append(f"We paid them on time {record.rate:.0%} of the time{late}.")
    return lines


def _cheaper(person, backup) -> list[str]:  # type: ignore[no-untyped-def]
    """The rate difference when the backup is cheaper on the same terms (currency and unit)."""
    if (person.rate_minor is None or backup.rate_minor is None
            or person.rate_unit is RateUnit.FIXED
            or person.currency != backup.currency or person.rate_unit != backup.rate_unit
            or backup.rate_minor >= person.rate_minor):
        return []
    unit = person.rate_unit.label.lower()
    saving = format_money(person.rate_minor - backup.rate_minor, person.currency)
    return [f"The backup in the exit plan, {backup.display_name}, charges "
            f"{format_money(backup.rate_minor, backup.currency)} per {unit}: {saving} less than "
            f"{person.display_name}'s {format_money(person.rate_minor, person.currency)}, "
            "against the rating and record above."]
