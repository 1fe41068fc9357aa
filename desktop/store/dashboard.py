"""What needs the owner today: money owed, check-ins, notice dates, expiring documents.

Every list is read through an index and cut at LIST_LIMIT rows; counts and totals cover
everything, so a million installments still answer in a few dozen milliseconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from desktop.core.enums import EngagementStatus
from desktop.store import communication, payments
from desktop.store.communication import CheckIns
from desktop.store.db import Store
from desktop.store.late_payment import Claims, late_claims
from desktop.store.models import Contractor, Document, Engagement
from desktop.store.payments import Owed

SOON_DAYS = 14
ENDING_DAYS = 30
EXPIRING_DAYS = 30
LIST_LIMIT = 100


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
    overdue: Owed
    due_soon: Owed
    ending: list[EndingRow]
    check_ins: CheckIns
    expiring: list[ExpiringRow]
    expiring_count: int
    # What contractors can claim for the overdue payments, where a rule says: read after the
    # rest (with_claims), since it works out a claim for every overdue payment.
    claims: Claims | None = None


def dashboard(store: Store, today: dt.date) -> Dashboard:
    """The board without its claims."""
    overdue, due_soon = payments.owed(store, today, SOON_DAYS, LIST_LIMIT)
    expiring, expiring_count = _expiring(store, today)
    return Dashboard(today, overdue, due_soon, _ending(store, today),
                     communication.overdue_check_ins(store, today, LIST_LIMIT), expiring,
                     expiring_count)


def with_claims(store: Store, board: Dashboard) -> Dashboard:
    """The board and its claims: each one totalled, spelled out for the overdue payments it
    lists."""
    listed = {r.installment.id for r in board.overdue.rows}
    return replace(board, claims=late_claims(store, board.today, listed))


def _ending(store: Store, today: dt.date) -> list[EndingRow]:
    """Signed engagements ending soon, or whose last day to give notice is coming up. Two
    index ranges (by end date, by notice date) instead of one OR that would scan."""
    horizon = today + dt.timedelta(days=ENDING_DAYS)
    signed = Engagement.status == EngagementStatus.SIGNED.value
    base = (select(Engagement.id, Engagement.title, Contractor.display_name, Engagement.end_on,
                   Engagement.notice_by)
            .join(Contractor, Contractor.id == Engagement.contractor_id).limit(LIST_LIMIT))
    by_end = base.where(signed, Engagement.end_on >= today, Engagement.end_on <= horizon) \
        .order_by(Engagement.end_on)
    by_notice = base.where(signed, Engagement.notice_by <= horizon, Engagement.end_on >= today) \
        .order_by(Engagement.notice_by)
    with store.reading() as session:
        found = {row[0]: EndingRow(*row) for query in (by_end, by_notice)
                 for row in session.execute(query)}
    rows = sorted(found.values(), key=lambda r: (r.last_notice_on or r.end_on, r.end_on))
    return rows[:LIST_LIMIT]


def _expiring(store: Store, today: dt.date) -> tuple[list[ExpiringRow], int]:
    """Documents expiring within the window, and those that lapsed in the same span before."""
    window = (Document.expires_on >= today - dt.timedelta(days=EXPIRING_DAYS),
              Document.expires_on <= today + dt.timedelta(days=EXPIRING_DAYS))
    query = (select(Document.id, Document.title, Document.kind, Document.expires_on,
                    Document.contractor_id, Document.engagement_id)
             .where(*window).order_by(Document.expires_on, Document.id).limit(LIST_LIMIT))
    with store.reading() as session:
        count = session.scalar(select(func.count()).select_from(Document).where(*window)) or 0
        return [ExpiringRow(*row) for row in session.execute(query)], count
