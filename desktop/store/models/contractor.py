"""Contractors and their skill tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from desktop.core.collation import name_key
from desktop.store.models.base import Base, Tracked, UtcDateTime, code, text, utcnow

# The roster's sort keys and the text each one is made from (desktop.core.collation).
SORT_KEYS = {"display_name": "name_key", "company": "company_key", "email": "email_key"}


def _key_of(column: str) -> Callable[[DefaultExecutionContext], bytes]:
    """A Core insert that leaves a key out gets it made from its text, row by row."""
    def default(context: DefaultExecutionContext) -> bytes:
        return name_key(context.get_current_parameters().get(column) or "")
    return default


class Contractor(Tracked, Base):
    __tablename__ = "contractor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(120))
    legal_name: Mapped[str] = text(200)
    kind: Mapped[str] = mapped_column(String(16), default="individual", server_default="individual")
    company: Mapped[str] = text(200)
    email: Mapped[str] = text(254)
    phone: Mapped[str] = text(40)
    website: Mapped[str] = text(300)
    address: Mapped[str] = text(500)
    country: Mapped[str] = code(2)
    timezone: Mapped[str] = text(64)
    tax_id: Mapped[str] = text(40)
    tax_form: Mapped[str] = mapped_column(String(16), default="none", server_default="none")
    tax_form_on: Mapped[dt.date | None] = mapped_column(Date)
    rate_minor: Mapped[int | None] = mapped_column(Integer)
    rate_unit: Mapped[str] = mapped_column(String(16), default="hour", server_default="hour")
    currency: Mapped[str] = code(3)
    preferred_channel: Mapped[str] = mapped_column(String(16), default="email", server_default="email")
    status: Mapped[str] = mapped_column(String(16), default="prospect", server_default="prospect")
    source: Mapped[str] = mapped_column(String(16), default="other", server_default="other")
    identity_verified_on: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    archived_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    archive_reason: Mapped[str] = text(500)
    # Sort keys, kept in step with their text by _keep_sort_keys (ORM writes) and _key_of
    # (Core inserts); raw SQL inserts (the import's) must supply them.
    name_key: Mapped[bytes] = mapped_column(LargeBinary, default=_key_of("display_name"),
                                            index=True)
    company_key: Mapped[bytes] = mapped_column(LargeBinary, default=_key_of("company"),
                                               index=True)
    email_key: Mapped[bytes] = mapped_column(LargeBinary, default=_key_of("email"), index=True)

    tags: Mapped[list[Tag]] = relationship(secondary="contractor_tag", order_by="Tag.name")
    rate_history: Mapped[list[RateChange]] = relationship(
        order_by="RateChange.id", cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        Index("ix_contractor_email", "email"),
        Index("ix_contractor_status", "status"),
    )

    @validates(*SORT_KEYS)
    def _keep_sort_keys(self, column: str, value: str | None) -> str | None:
        # None stays None, so a missing name still fails NOT NULL at flush.
        setattr(self, SORT_KEYS[column], None if value is None else name_key(value))
        return value


class RateChange(Base):
    """Each change of a contractor's default rate, kept with its date (never edited)."""

    __tablename__ = "rate_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contractor_id: Mapped[int] = mapped_column(
        ForeignKey("contractor.id", ondelete="CASCADE"), index=True)
    changed_on: Mapped[dt.date] = mapped_column(Date)
    rate_minor: Mapped[int | None] = mapped_column(Integer)
    rate_unit: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    recorded_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)


class ContractorTag(Base):
    __tablename__ = "contractor_tag"

    contractor_id: Mapped[int] = mapped_column(
        ForeignKey("contractor.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True)

    __table_args__ = (Index("ix_contractor_tag_tag_id", "tag_id"),)
