"""What needs the owner today: money owed, check-ins, notice dates, expiring documents."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from desktop.core.engagement import last_notice_date
from desktop.core.enums import EngagementStatus
from desktop.store import engagements
from desktop.store.db import Store
from desktop.store.engagements import CheckInRow, DueRow
from desktop.store.models import Contractor, Document, Engagement

SOON_DAYS = 14
ENDING_DAYS = 30
EXPIRING_DAYS = 30


@dataclass(frozen=True)
class EndingRow:
    engagement_id: int
    title: str
    contractor_name: str
    end_on: dt.date
    last_notice_on: dt.date | None


@dataclass(frozen=True)
class ExpiringRow:
    document_id: int
    title: str
    kind: str
    expires_on: dt.date
    contractor_id: int | None
    engagement_id: int | None


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    overdue: list[DueRow]
    due_soon: list[DueRow]
    ending: list[EndingRow]
    check_ins: list[CheckInRow]
    expiring: list[ExpiringRow]

    def totals(self, rows: list[DueRow]) -> dict[str, int]:
        """Owed per currency; amounts in different currencies are never added together."""
        sums: defaultdict[str, int] = defaultdict(int)
        for row in rows:
            sums[row.installment.currency] += row.installment.outstanding_minor
        return dict(sorted(sums.items()))


def dashboard(store: Store, today: dt.date) -> Dashboard:
    due = engagements.due(store, today, SOON_DAYS)
    return Dashboard(today, [d for d in due if d.overdue], [d for d in due if not d.overdue],
                     _ending(store, today), engagements.overdue_check_ins(store, today),
                     _expiring(store, today))


def _ending(store: Store, today: dt.date) -> list[EndingRow]:
    """Signed engagements ending soon, or whose last day to give notice is coming up."""
    horizon = today + dt.timedelta(days=ENDING_DAYS)
    query = (select(Engagement.id, Engagement.title, Contractor.display_name, Engagement.end_on,
                    Engagement.notice_days)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .where(Engagement.status == EngagementStatus.SIGNED.value,
                    Engagement.end_on.is_not(None), Engagement.end_on >= today))
    rows = []
    with store.reading() as session:
        for eid, title, name, end_on, notice in session.execute(query):
            notice_on = last_notice_date(end_on, notice)
            if end_on <= horizon or (notice_on is not None and notice_on <= horizon):
                rows.append(EndingRow(eid, title, name, end_on, notice_on))
    return sorted(rows, key=lambda r: (r.last_notice_on or r.end_on, r.end_on))


def _expiring(store: Store, today: dt.date) -> list[ExpiringRow]:
    horizon = today + dt.timedelta(days=EXPIRING_DAYS)
    query = (select(Document.id, Document.title, Document.kind, Document.expires_on,
                    Document.contractor_id, Document.engagement_id)
             .where(and_(Document.expires_on.is_not(None), Document.expires_on <= horizon),
                    or_(Document.contractor_id.is_not(None), Document.engagement_id.is_not(None)))
             .order_by(Document.expires_on))
    with store.reading() as session:
        return [ExpiringRow(*row) for row in session.execute(query)]
