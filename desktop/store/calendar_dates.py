"""What the calendar export is written from: installments still owed, signed engagements (their
notice date and next check-in) and documents that expire, each with the revisions of the
records its event's text comes from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.calendar_events import DocumentFact, EngagementFact, InstallmentFact, Stamp
from desktop.core.enums import EngagementStatus
from desktop.store.db import Store
from desktop.store.models import Contractor, Document, Engagement, Installment
from desktop.store.payments import OPEN_INSTALLMENT, _owed


@dataclass(frozen=True)
class CalendarFacts:
    installments: list[InstallmentFact]
    engagements: list[EngagementFact]
    documents: list[DocumentFact]


def calendar_facts(store: Store) -> CalendarFacts:
    """Read in one session, so the three lists agree with one another."""
    with store.reading() as session:
        return CalendarFacts(_installments(session), _engagements(session),
                             _documents(session))


def _installments(session: Session) -> list[InstallmentFact]:
    query = (select(Installment.id, Installment.due_on, Installment.label,
                    Installment.amount_minor, Installment.paid_minor, Installment.currency,
                    Installment.status, Installment.version, Installment.updated_at,
                    Engagement.status, Engagement.title, Engagement.version,
                    Engagement.updated_at, Contractor.display_name, Contractor.version,
                    Contractor.updated_at)
             .join(Engagement, Engagement.id == Installment.engagement_id)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .where(Installment.status.in_(OPEN_INSTALLMENT), _owed())
             .order_by(Installment.due_on, Installment.id))
    return [InstallmentFact(r[0], r[1], r[2] or "", r[3], r[4], r[5], r[6], r[9], r[10], r[13],
                            Stamp.of((r[7], r[8]), (r[11], r[12]), (r[14], r[15])))
            for r in session.execute(query)]


def _engagements(session: Session) -> list[EngagementFact]:
    query = (select(Engagement.id, Engagement.title, Contractor.display_name, Engagement.status,
                    Engagement.start_on, Engagement.end_on, Engagement.notice_period,
                    Engagement.notice_unit, Engagement.comm_cadence, Engagement.last_contact_on,
                    Engagement.comm_channel, Engagement.comm_contact, Engagement.version,
                    Engagement.updated_at, Contractor.version, Contractor.updated_at)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .where(Engagement.status == EngagementStatus.SIGNED.value)
             .order_by(Engagement.id))
    return [EngagementFact(*r[:7], r[7] or "", r[8] or "", r[9], r[10] or "", r[11] or "",
                           Stamp.of((r[12], r[13]), (r[14], r[15])))
            for r in session.execute(query)]


def _documents(session: Session) -> list[DocumentFact]:
    owner = func.coalesce(Document.contractor_id, Engagement.contractor_id)
    query = (select(Document.id, Document.title, Document.kind, Document.expires_on,
                    Contractor.display_name, Engagement.title, Engagement.status,
                    Contractor.archived_at, Document.version, Document.updated_at,
                    Engagement.version, Engagement.updated_at, Contractor.version,
                    Contractor.updated_at)
             .outerjoin(Engagement, Engagement.id == Document.engagement_id)
             .outerjoin(Contractor, Contractor.id == owner)
             .where(Document.expires_on.is_not(None))
             .order_by(Document.expires_on, Document.id))
    return [DocumentFact(r[0], r[1] or "", r[2] or "", r[3], r[4] or "", r[5] or "",
                         r[6] or "", r[7] is not None,
                         Stamp.of((r[8], r[9]), (r[10], r[11]), (r[12], r[13])))
            for r in session.execute(query)]
