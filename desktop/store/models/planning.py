"""The outsourcing planner: business activities, the quotes gathered for them, and the
exchange rates a plan may use to compare quotes in other currencies."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.store.models.base import Base, Tracked, code, text


class Activity(Tracked, Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # Minutes keep fractional hours exact without floats.
    minutes_per_month: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    importance: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    competence: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    # None: the business profile's value of an owner's hour applies.
    owner_hour_value_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = code(3)
    decision: Mapped[str] = mapped_column(String(16), default="undecided", server_default="undecided")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    quotes: Mapped[list[ActivityQuote]] = relationship(
        order_by="ActivityQuote.id", cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (
        CheckConstraint("importance BETWEEN 1 AND 5", name="importance_1_to_5"),
        CheckConstraint("competence BETWEEN 1 AND 5", name="competence_1_to_5"),
    )


class ActivityQuote(Tracked, Base):
    """A price for doing an activity: from a roster contractor, or from a source named in text."""

    __tablename__ = "activity_quote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), index=True)
    contractor_id: Mapped[int | None] = mapped_column(
        ForeignKey("contractor.id", ondelete="SET NULL"), index=True)
    source: Mapped[str] = text(200)
    rate_minor: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(16), default="hour", server_default="hour")
    currency: Mapped[str] = mapped_column(String(3))
    estimated_minutes_per_month: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    notes: Mapped[str] = text(500)

    __table_args__ = (CheckConstraint("rate_minor >= 0", name="rate_not_negative"),)


class ExchangeRate(Tracked, Base):
    """A rate the owner entered to compare quotes across currencies (never fetched)."""

    __tablename__ = "exchange_rate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_currency: Mapped[str] = mapped_column(String(3))
    to_currency: Mapped[str] = mapped_column(String(3))
    # Decimal text ("1.0842"): exact, never a float.
    rate: Mapped[str] = mapped_column(String(32))
