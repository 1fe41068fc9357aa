"""Risk reviews and stored documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Tracked, UtcDateTime, text


class RiskReview(Tracked, Base):
    __tablename__ = "risk_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    catalog_version: Mapped[str] = mapped_column(String(20))
    # {question_id: {"answer": ..., "evidence": "..."}}
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    replacement_time: Mapped[str] = text(16)
    deadline_hardness: Mapped[int | None] = mapped_column(Integer)
    # Whether the work creates copyright (text, design, code, photos): IP assignment then matters.
    copyrightable: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # {area: {"likelihood": n, "impact": n, "band": "..."}}
    area_results: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    overall_band: Mapped[str] = text(16)
    blockers: Mapped[list[Any]] = mapped_column(JSON, default=list)
    reviewer: Mapped[str] = text(120)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # Set when a signing relied on this review; a frozen review is never edited again.
    frozen_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    # The engagement's terms as signed (EngagementData.to_raw()); None for a review frozen
    # before they were kept.
    signed_terms: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Document(Tracked, Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contractor_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor.id", ondelete="CASCADE"), index=True)
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="other", server_default="other")
    title: Mapped[str] = text(200)
    file_name: Mapped[str] = text(255)
    media_type: Mapped[str] = text(100)
    # Files are stored content-addressed under the data folder by this digest.
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, index=True)

    __table_args__ = (
        CheckConstraint("contractor_id IS NOT NULL OR engagement_id IS NOT NULL",
                        name="belongs_somewhere"),
    )


class DocumentChunk(Base):
    """A stored document's bytes, in pieces, on a team database (a local book keeps them as
    files in its data folder). One content, however many documents share it."""

    __tablename__ = "document_chunk"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
