"""Payment schedules and payments, in integer minor units."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from desktop.store.models.base import Base, Tracked, text

# The partial indexes' conditions are named here for SQLite. A team database has the same
# ones ("binding" for "binding = 1"), made by migrations 0013 and 0014; naming them here too
# would load SQLAlchemy's PostgreSQL dialect at every start on this computer's book (20 ms).
OPEN_WHERE = text_sql("status IN ('planned', 'part_paid')")
SETTLED_WHERE = text_sql("status NOT IN ('planned', 'part_paid', 'cancelled')")
# A query's `Installment.binding` reads "binding = 1" on SQLite.
OWED_WHERE = text_sql("binding = 1 AND status IN ('planned', 'part_paid')")


class Installment(Tracked, Base):
    __tablename__ = "installment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    label: Mapped[str] = text(120)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16), default="planned", server_default="planned")
    # Kept in step with its payments in the same transaction, so "what is owed" is one
    # indexed query even at a million installments.
    paid_minor: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    settled_on: Mapped[dt.date | None] = mapped_column(Date)
    # Its engagement binds us (signed, completed or terminated). Kept by the database's own
    # triggers (migration 0014) whenever an installment is added or an engagement's status
    # changes; the app never writes it.
    binding: Mapped[bool] = mapped_column(Boolean, server_default="0")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Not read back as the row goes in: SQLite's RETURNING shows the value from before
        # the triggers set it. Expired instead, it is read from the row when asked for.
        return {"version_id_col": cls.version, "eager_defaults": False}

    __table_args__ = (
        CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
        CheckConstraint("paid_minor >= 0", name="paid_not_negative"),
        # Covers "what is owed, by currency" without touching the table.
        Index("ix_installment_status_due", "status", "due_on", "currency", "amount_minor",
              "paid_minor"),
        # Open installments only (a small part of a long history), covering what is owed and
        # whose it is; queries name the statuses as literals so both engines can use it.
        Index("ix_installment_open", "status", "due_on", "currency", "amount_minor",
              "paid_minor", "engagement_id", sqlite_where=OPEN_WHERE),
        # Settled installments by the day they were settled: what was still unpaid on a day.
        Index("ix_installment_settled", "settled_on", "due_on", sqlite_where=SETTLED_WHERE),
        # What is owed on engagements that bind us, per currency by due date: each currency's
        # total is one range, with no join and nothing to sort.
        Index("ix_installment_owed", "binding", "currency", "due_on", "amount_minor",
              "paid_minor", "status", sqlite_where=OWED_WHERE),
        # The same installments in the order they are listed, so a list stops at its limit.
        Index("ix_installment_owed_by_day", "status", "due_on", "id", sqlite_where=OWED_WHERE),
    )


class Payment(Tracked, Base):
    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contractor_id: Mapped[int] = mapped_column(
        ForeignKey("contractor.id", ondelete="RESTRICT"), index=True)
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="RESTRICT"), index=True)
    installment_id: Mapped[int | None] = mapped_column(
        ForeignKey("installment.id", ondelete="SET NULL"), index=True)
    paid_on: Mapped[dt.date] = mapped_column(Date, index=True)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[str] = text(24)
    reference: Mapped[str] = text(120)
    invoice_number: Mapped[str] = text(60)
    notes: Mapped[str] = text(500)
    is_demo: Mapped[bool] = mapped_column(default=False, server_default="0")

    __table_args__ = (
        CheckConstraint("amount_minor > 0", name="amount_positive"),
    )


class PaymentChange(Tracked, Base):
    """A correction to a recorded payment: "corrected" (an edit), "voided" (taken back, with
    its reason) or "restored" (a void undone), with the payment before and after."""

    __tablename__ = "payment_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign keys: a voided payment's row is gone, its history stays.
    payment_id: Mapped[int] = mapped_column(Integer, index=True)
    installment_id: Mapped[int | None] = mapped_column(Integer)
    engagement_id: Mapped[int | None] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")

