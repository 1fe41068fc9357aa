"""Valid domain objects for tests, with any field overridden."""

from __future__ import annotations

from desktop.core.contractor import ContractorData, validate_contractor
from desktop.core.engagement import EngagementData, validate_engagement


def make_contractor(**fields: object) -> ContractorData:
    """A valid contractor; override any raw field."""
    raw: dict[str, object] = {"display_name": "Maya Okafor", "email": "maya@example.com",
                              "currency": "USD", "rate": "85", "status": "active"}
    raw.update(fields)
    return validate_contractor(raw)


def make_engagement(contractor_id: int, **fields: object) -> EngagementData:
    """A valid engagement for a contractor; override any raw field."""
    raw: dict[str, object] = {
        "contractor_id": contractor_id, "title": "Spring catalogue", "pricing_model": "fixed",
        "amount": "1000", "currency": "USD", "start_on": "2026-03-01", "end_on": "2026-05-31",
        "payment_terms_days": "14", "notice_period": "14", "goals": "Sell the spring range",
        "scope": "24 pages", "deliverables": "Print-ready PDF",
        "acceptance_criteria": "Approved by the owner", "comm_channel": "video",
        "comm_cadence": "weekly", "comm_contact": "Sam"}
    raw.update(fields)
    return validate_engagement(raw)


def signed(store, contractor_id: int, **fields: object) -> int:  # type: ignore[no-untyped-def]
    """A new engagement moved straight to signed (the store does not gate signing; the
    operations do): what money is owed on and what statements and reports are about."""
    import datetime as dt

    from desktop.store import engagements

    record = engagements.create(store, make_engagement(contractor_id, **fields))
    for step in ("in_review", "signed"):
        record = engagements.move(store, record.id, step, record.version, on=dt.date(2026, 1, 2))
    return record.id
