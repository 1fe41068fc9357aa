"""How the relationship with one contractor is going: do we pay on time, what we paid,
how long we have worked together, how their work was rated, and their rate over time."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Integer, cast, func, select

from desktop.core.payments import OnTimeRecord
from desktop.store.contractors import RateEntry, rate_history
from desktop.store.db import Store
from desktop.store.models import Engagement, Payment, Rating
from desktop.store.on_time import on_time

# Ending work with, or archiving, someone rated this well asks for a reason first.
WELL_RATED = 4.0


@dataclass(frozen=True)
class Ratings:
    count: int
    quality: float
    timeliness: float
    communication: float
    value: float
    would_rehire: int  # how many of the ratings say yes

    @property
    def average(self) -> float:
        return (self.quality + self.timeliness + self.communication + self.value) / 4


@dataclass(frozen=True)
class Health:
    on_time: OnTimeRecord
    paid: dict[str, int]  # per currency, never added across currencies
    engagements: int
    working_since: dt.date | None
    ratings: Ratings | None
    rates: list[RateEntry]

    @property
    def well_rated(self) -> bool:
        return self.ratings is not None and self.ratings.average >= WELL_RATED


def contractor_health(store: Store, contractor_id: int, today: dt.date) -> Health:
    with store.reading() as session:
        record = on_time(session, contractor_id, today)
        paid: defaultdict[str, int] = defaultdict(int)
        for currency, amount in session.execute(
                select(Payment.currency, func.sum(Payment.amount_minor))
                .where(Payment.contractor_id == contractor_id).group_by(Payment.currency)):
            paid[currency] += int(amount)
        count, since = session.execute(
            select(func.count(Engagement.id), func.min(Engagement.start_on))
            .where(Engagement.contractor_id == contractor_id,
                   Engagement.status.in_(("signed", "completed", "terminated")))).one()
        row = session.execute(
            select(func.count(Rating.id), func.avg(Rating.quality), func.avg(Rating.timeliness),
                   func.avg(Rating.communication), func.avg(Rating.value),
                   func.sum(cast(Rating.would_rehire, Integer)))
            .join(Engagement, Engagement.id == Rating.engagement_id)
            .where(Engagement.contractor_id == contractor_id)).one()
    ratings = None if not row[0] else Ratings(
        row[0], float(row[1]), float(row[2]), float(row[3]), float(row[4]), int(row[5] or 0))
    return Health(record, dict(sorted(paid.items())), count, since,
                  ratings, rate_history(store, contractor_id))

