"""Typed SQLAlchemy models for the whole domain."""

from desktop.store.models.base import Base
from desktop.store.models.contractor import Contractor, ContractorTag, RateChange, Tag
from desktop.store.models.engagement import CommunicationLog, Engagement, ExitPlan, Rating
from desktop.store.models.money import Installment, Payment, PaymentChange
from desktop.store.models.planning import Activity, ActivityQuote, ExchangeRate
from desktop.store.models.records import Document, DocumentChunk, RiskReview
from desktop.store.models.settings import (
    BusinessProfile,
    PaymentRule,
    ReferenceRate,
    ReportingThreshold,
)

__all__ = [
    "Activity", "ActivityQuote", "Base", "BusinessProfile", "CommunicationLog", "Contractor",
    "ContractorTag", "Document", "DocumentChunk", "Engagement", "ExchangeRate", "ExitPlan", "Installment",
    "Payment", "PaymentChange", "PaymentRule", "RateChange", "ReferenceRate", "Rating", "ReportingThreshold", "RiskReview", "Tag",
]
