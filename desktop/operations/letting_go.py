"""Before letting a well-rated contractor go (ending their engagement early, or archiving
them): what is at stake, in words the window and the command line both show, and the reason
they then ask for. Replacing a good contractor mainly to save money is a classic mistake, so
a cheaper backup named in the exit plan is shown against what the contractor has earned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.core.enums import RateUnit
from desktop.core.i18n import _, ngettext
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
    lines.append(_("Good contractors are hard to replace, and replacing one mainly to save "
                   "money often costs more in the end. Why is this happening?"))
    return AtStake(person.display_name, tuple(lines))


def _record_lines(name: str, health: Health) -> list[str]:
    ratings = health.ratings
    assert ratings is not None
    rated = ngettext("{name} is rated {average} / 5 over {count} engagement",
                     "{name} is rated {average} / 5 over {count} engagements",
                     ratings.count).format(name=name, average=f"{ratings.average:.1f}",
                                           count=ratings.count)
    rehire = ngettext("you would rehire them {n} time of {count}.",
                      "you would rehire them {n} times of {count}.",
                      ratings.would_rehire).format(n=ratings.would_rehire, count=ratings.count)
    # Translators: two clauses of one sentence: “Maya is rated 4.5 / 5 over 2 engagements” and
    # “you would rehire them 2 times of 2.”
    lines = [_("{rated}; {rehire}").format(rated=rated, rehire=rehire)]
    record = health.on_time
    if record.rate is not None:
        rate = f"{record.rate:.0%}"
        if record.on_time < record.counted:
            days = f"{record.average_days_late:.0f}"
            lines.append(ngettext(
                "We paid them on time {rate} of the time (late ones by {days} day on average).",
                "We paid them on time {rate} of the time (late ones by {days} days on average).",
                int(days)).format(rate=rate, days=days))
        else:
            lines.append(_("We paid them on time {rate} of the time.").format(rate=rate))
    return lines


def _cheaper(person, backup) -> list[str]:  # type: ignore[no-untyped-def]
    """The rate difference when the backup is cheaper on the same terms (currency and unit)."""
    if (person.rate_minor is None or backup.rate_minor is None
            or person.rate_unit is RateUnit.FIXED
            or person.currency != backup.currency or person.rate_unit != backup.rate_unit
            or backup.rate_minor >= person.rate_minor):
        return []
    text = {
        RateUnit.HOUR: _("The backup in the exit plan, {backup}, charges {rate} per hour: "
                         "{saving} less than {name}'s {their_rate}, against the rating and "
                         "record above."),
        RateUnit.DAY: _("The backup in the exit plan, {backup}, charges {rate} per day: "
                        "{saving} less than {name}'s {their_rate}, against the rating and "
                        "record above."),
        RateUnit.MONTH: _("The backup in the exit plan, {backup}, charges {rate} per month: "
                          "{saving} less than {name}'s {their_rate}, against the rating and "
                          "record above."),
    }[person.rate_unit]
    return [text.format(backup=backup.display_name,
                        rate=format_money(backup.rate_minor, backup.currency),
                        saving=format_money(person.rate_minor - backup.rate_minor,
                                            person.currency),
                        name=person.display_name,
                        their_rate=format_money(person.rate_minor, person.currency))]
