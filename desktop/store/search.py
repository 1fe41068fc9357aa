"""Search across the book: contractors (name, company, email), engagements (title, scope)
and payments (invoice number, reference), grouped by kind, each pointing at what to open."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from desktop.core.enums import EngagementStatus
from desktop.core.formats import date_text
from desktop.core.i18n import _
from desktop.core.money import format_money
from desktop.store.db import Store
from desktop.store.models import Contractor, Engagement, Payment

LIMIT = 20  # per kind: the rest is narrowed by typing more


@dataclass(frozen=True)
class Hit:
    kind: str  # "contractor", "engagement", "payment"
    title: str
    detail: str
    contractor_id: int | None
    engagement_id: int | None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"


def everything(store: Store, text: str) -> list[Hit]:
    text = " ".join(text.split())
    if len(text) < 2:
        return []
    like = _like(text)

    def has(column):  # type: ignore[no-untyped-def]
        return func.lower(column).like(like, escape="\\")

    hits: list[Hit] = []
    with store.reading() as session:
        for cid, name, company, email, archived in session.execute(
                select(Contractor.id, Contractor.display_name, Contractor.company,
                       Contractor.email, Contractor.archived_at)
                .where(or_(has(Contractor.display_name), has(Contractor.legal_name),
                           has(Contractor.company), has(Contractor.email)))
                .order_by(func.lower(Contractor.display_name)).limit(LIMIT)):
            # Translators: shown beside an archived contractor's name in the search results.
            gone = _("archived") if archived else ""
            detail = " · ".join(p for p in (company, email, gone) if p)
            hits.append(Hit("contractor", name, detail, cid, None))
        for eid, title, status, cid, name in session.execute(
                select(Engagement.id, Engagement.title, Engagement.status,
                       Engagement.contractor_id, Contractor.display_name)
                .join(Contractor, Contractor.id == Engagement.contractor_id)
                .where(or_(has(Engagement.title), has(Engagement.scope)))
                .order_by(func.lower(Engagement.title)).limit(LIMIT)):
            hits.append(Hit("engagement", title, f"{name} · {EngagementStatus(status).label}",
                            cid, eid))
        for invoice, reference, amount, currency, paid_on, eid, cid, title in session.execute(
                select(Payment.invoice_number, Payment.reference, Payment.amount_minor,
                       Payment.currency, Payment.paid_on, Payment.engagement_id,
                       Payment.contractor_id, Engagement.title)
                .join(Engagement, Engagement.id == Payment.engagement_id)
                .where(or_(has(Payment.invoice_number), has(Payment.reference)))
                .order_by(Payment.paid_on.desc()).limit(LIMIT)):
            name = invoice or reference
            paid = _("{amount} on {day}").format(amount=format_money(amount, currency),
                                                 day=date_text(paid_on))
            hits.append(Hit("payment", name, f"{paid} · {title}", cid, eid))
    return hits
