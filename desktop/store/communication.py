"""The communication log and the check-ins it keeps on time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.core.engagement import next_check_in, overdue_before
from desktop.core.enums import Channel, CheckInCadence, EngagementStatus
from desktop.core.i18n import _
from desktop.core.validation import FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.models import CommunicationLog, Contractor, Engagement
from desktop.store.versions import load, refuse_stale, touch


@dataclass(frozen=True)
class LogEntry:
    id: int
    logged_on: dt.date
    channel: str
    summary: str
    follow_up_on: dt.date | None


def add_log_entry(store: Store, engagement_id: int, *, logged_on: dt.date, channel: str,
                  summary: str, follow_up_on: dt.date | None = None,
                  expected_version: int | None = None) -> LogEntry:
    """Add to the log of the engagement as it was at ``expected_version``; the log is part of
    the engagement, whose version moves with it."""
    if not summary.strip():
        raise ValidationError([FieldError("summary", _("is required"))])
    if follow_up_on and follow_up_on < logged_on:
        raise ValidationError([FieldError("follow_up_on", _("is before the entry's date"))])
    with refuse_stale("engagement", engagement_id), store.transaction() as session:
        engagement = load(session, Engagement, engagement_id, expected_version, "engagement")
        touch(engagement)
        if engagement.last_contact_on is None or logged_on > engagement.last_contact_on:
            engagement.last_contact_on = engagement.check_in_since = logged_on
        entry = CommunicationLog(engagement_id=engagement_id, logged_on=logged_on,
                                 channel=str(Channel.parse(channel)) if channel else "",
                                 summary=summary.strip(), follow_up_on=follow_up_on)
        session.add(entry)
        session.flush()
        return LogEntry(entry.id, entry.logged_on, entry.channel, entry.summary,
                        entry.follow_up_on)


def log(store: Store, engagement_id: int) -> list[LogEntry]:
    query = (select(CommunicationLog).where(CommunicationLog.engagement_id == engagement_id)
             .order_by(CommunicationLog.logged_on.desc(), CommunicationLog.id.desc()))
    with store.reading() as session:
        return [LogEntry(e.id, e.logged_on, e.channel, e.summary, e.follow_up_on)
                for e in session.scalars(query)]


@dataclass(frozen=True)
class CheckInRow:
    engagement_id: int
    title: str
    contractor_name: str
    cadence: str
    last_contact: dt.date | None
    due_on: dt.date


@dataclass(frozen=True)
class CheckIns:
    rows: list[CheckInRow]  # the most overdue first, at most the limit asked for
    count: int


def overdue_check_ins(store: Store, today: dt.date, limit: int | None = None) -> CheckIns:
    """Signed engagements whose last contact (or start) is older than their cadence."""
    since = Engagement.check_in_since
    rows: list[CheckInRow] = []
    count = 0
    with store.reading() as session:
        for cadence in CheckInCadence:
            cutoff = overdue_before(cadence, today)
            if cutoff is None:
                continue
            late = (Engagement.status == EngagementStatus.SIGNED.value,
                    Engagement.comm_cadence == cadence.value, since < cutoff)
            count += session.scalar(select(func.count()).select_from(Engagement).where(*late)) or 0
            query = (select(Engagement.id, Engagement.title, Contractor.display_name,
                            Engagement.start_on, Engagement.last_contact_on)
                     .join(Contractor, Contractor.id == Engagement.contractor_id)
                     .where(*late).order_by(since, Engagement.id))
            for eid, title, name, start_on, last_on in session.execute(
                    query if limit is None else query.limit(limit)):
                due_on = next_check_in(cadence, last_on, start_on)
                assert due_on is not None
                rows.append(CheckInRow(eid, title, name, cadence.value, last_on, due_on))
    rows.sort(key=lambda r: (r.due_on, r.engagement_id))
    return CheckIns(rows[:limit], count)
