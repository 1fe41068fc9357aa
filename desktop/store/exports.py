"""Everything an export writes, read in a few plain queries (100,000 contractors stay quick)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from desktop.core.contractor import ContractorData
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.phone import phone_key
from desktop.store.db import Store
from desktop.store.models import Contractor, ContractorTag, Engagement, Payment, Tag
from desktop.store.profile import get_profile


@dataclass(frozen=True)
class ContractorExport:
    id: int
    data: ContractorData
    archived_on: dt.date | None


@dataclass(frozen=True)
class PaymentExport:
    id: int
    paid_on: dt.date
    contractor: str
    contractor_email: str
    engagement: str
    amount_minor: int
    currency: str
    method: str
    reference: str
    invoice_number: str
    notes: str


def contractors(store: Store, *, include_demo: bool = True) -> list[ContractorExport]:
    """Every contractor, archived ones too, by id. Phone numbers are in their one stored form
    (desktop.core.phone) for the programs that read the file, numbers saved as typed too."""
    home = get_profile(store).profile.country
    c = Contractor
    query = select(c.id, c.display_name, c.legal_name, c.kind, c.company, c.email, c.phone,
                   c.website, c.address, c.country, c.timezone, c.tax_id, c.tax_form,
                   c.tax_form_on, c.rate_minor, c.rate_unit, c.currency, c.preferred_channel,
                   c.status, c.source, c.identity_verified_on, c.notes, c.archived_at).order_by(c.id)
    if not include_demo:
        query = query.where(c.is_demo.is_(False))
    with store.engine.connect() as conn:
        names = dict(conn.execute(select(Tag.id, Tag.name)).all())
        tags: defaultdict[int, list[str]] = defaultdict(list)
        for contractor_id, tag_id in conn.execute(select(ContractorTag.contractor_id,
                                                         ContractorTag.tag_id)):
            tags[contractor_id].append(names[tag_id])
        rows = conn.execute(query).all()
    return [ContractorExport(r.id, ContractorData(
        display_name=r.display_name, legal_name=r.legal_name, kind=ContractorKind(r.kind),
        company=r.company, email=r.email, phone=phone_key(r.phone, r.country or home) or r.phone,
        website=r.website, address=r.address,
        country=r.country, timezone=r.timezone, tax_id=r.tax_id, tax_form=TaxForm(r.tax_form),
        tax_form_on=r.tax_form_on, rate_minor=r.rate_minor, rate_unit=RateUnit(r.rate_unit),
        currency=r.currency, tags=tuple(sorted(tags.get(r.id, ()))),
        preferred_channel=Channel(r.preferred_channel), status=ContractorStatus(r.status),
        source=Source(r.source), identity_verified_on=r.identity_verified_on, notes=r.notes),
        None if r.archived_at is None else r.archived_at.date()) for r in rows]


def payments(store: Store, *, first: dt.date | None = None,
             last: dt.date | None = None) -> list[PaymentExport]:
    """Payments made, oldest first, optionally within [first, last]."""
    query = (select(Payment.id, Payment.paid_on, Contractor.display_name, Contractor.email,
                    Engagement.title, Payment.amount_minor, Payment.currency, Payment.method,
                    Payment.reference, Payment.invoice_number, Payment.notes)
             .join(Contractor, Contractor.id == Payment.contractor_id)
             .outerjoin(Engagement, Engagement.id == Payment.engagement_id)
             .order_by(Payment.paid_on, Payment.id))
    if first is not None:
        query = query.where(Payment.paid_on >= first)
    if last is not None:
        query = query.where(Payment.paid_on <= last)
    with store.engine.connect() as conn:
        return [PaymentExport(*(("" if v is None else v) for v in row)) for row in conn.execute(query)]
