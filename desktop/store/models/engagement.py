"""Engagements (one contract with one contractor) and what hangs off them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Tracked, UtcDateTime, code, text


class Engagement(Tracked, Base):
    __tablename__ = "engagement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contractor_id: Mapped[int] = mapped_column(
        ForeignKey("contractor.id", ondelete="RESTRICT"), index=True)
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    # The brief.
    goals: Mapped[str] = mapped_column(Text, default="", server_default="")
    scope: Mapped[str] = mapped_column(Text, default="", server_default="")
    deliverables: Mapped[str] = mapped_column(Text, default="", server_default="")
    acceptance_criteria: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Price.
    pricing_model: Mapped[str] = mapped_column(String(16), default="fixed", server_default="fixed")
    billing_period: Mapped[str] = text(16)
    amount_minor: Mapped[int | None] = mapped_column(Integer)
    rate_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = code(3)
    estimated_hours: Mapped[int | None] = mapped_column(Integer)
    hours_cap: Mapped[int | None] = mapped_column(Integer)
    # Terms.
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    notice_period: Mapped[int | None] = mapped_column(Integer)
    notice_unit: Mapped[str] = mapped_column(String(8), default="days", server_default="days")
    payment_terms_days: Mapped[int | None] = mapped_column(Integer)
    ip_terms: Mapped[str] = text(500)
    ip_assignment_signed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    nda_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    data_access: Mapped[str] = mapped_column(String(24), default="none", server_default="none")
    subcontracting_allowed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    jurisdiction_country: Mapped[str] = code(2)
    jurisdiction_region: Mapped[str] = text(8)
    jurisdiction_city: Mapped[str] = text(100)
    # Why terms past a rule's "only if expressly agreed" limit were agreed (recorded, not blocked).
    longer_terms_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Communication plan.
    comm_channel: Mapped[str] = text(16)
    comm_cadence: Mapped[str] = text(16)
    comm_contact: Mapped[str] = text(120)
    comm_overlap: Mapped[str] = text(120)
    # Kept in step on every write so the dashboard asks indexed questions only.
    notice_by: Mapped[dt.date | None] = mapped_column(Date)  # end date minus notice period
    last_contact_on: Mapped[dt.date | None] = mapped_column(Date)  # newest log entry
    check_in_since: Mapped[dt.date | None] = mapped_column(Date)  # newest entry, else the start
    # Signing and ending.
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    signed_by: Mapped[str] = text(120)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = text(500)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    __table_args__ = (
        CheckConstraint("amount_minor IS NULL OR amount_minor >= 0", name="amount_not_negative"),
        CheckConstraint("rate_minor IS NULL OR rate_minor >= 0", name="rate_not_negative"),
        Index("ix_engagement_status_end", "status", "end_on"),
        # With the end date, so notices of engagements already over are passed over in the index.
        Index("ix_engagement_status_notice_end", "status", "notice_by", "end_on"),
        # Whether any engagement lies where a late-payment rule applies.
        Index("ix_engagement_place", "jurisdiction_country", "status"),
        Index("ix_engagement_status_cadence", "status", "comm_cadence", "check_in_since"),
    )


class ExitPlan(Tracked, Base):
    __tablename__ = "exit_plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), unique=True)
    for_convenience: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    convenience_notice_days: Mapped[int | None] = mapped_column(Integer)
    for_cause: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    cure_days: Mapped[int | None] = mapped_column(Integer)
    handover_work: Mapped[str] = mapped_column(Text, default="", server_default="")
    handover_credentials: Mapped[str] = mapped_column(Text, default="", server_default="")
    data_disposition: Mapped[str] = text(24)
    data_disposition_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    knowledge_transfer: Mapped[str] = mapped_column(Text, default="", server_default="")
    backup_contractor_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor.id", ondelete="SET NULL"))
    access_revocation: Mapped[list[str]] = mapped_column(JSON, default=list)
    pro_rata_pay: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    pro_rata_notes: Mapped[str] = mapped_column(Text, default="", server_default="")


class CommunicationLog(Tracked, Base):
    __tablename__ = "communication_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagement.id", ondelete="CASCADE"))
    logged_on: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = text(16)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_done_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    # The dashboard asks for each engagement's latest entry.
    __table_args__ = (Index("ix_communication_log_engagement_day", "engagement_id", "logged_on"),)


class Rating(Tracked, Base):
    __tablename__ = "rating"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), unique=True)
    quality: Mapped[int] = mapped_column(Integer)
    timeliness: Mapped[int] = mapped_column(Integer)
    communication: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    would_rehire: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    rated_on: Mapped[dt.date] = mapped_column(Date)

    __table_args__ = tuple(
        CheckConstraint(f"{c} BETWEEN 1 AND 5", name=f"{c}_1_to_5")
        for c in ("quality", "timeliness", "communication", "value")
    )
