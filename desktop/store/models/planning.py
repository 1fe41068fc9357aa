"""The outsourcing planner's business activities."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Tracked, code


class Activity(Tracked, Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # Minutes keep fractional hours exact without floats.
    minutes_per_month: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    importance: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    competence: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    owner_hour_value_minor: Mapped[int | None] = mapped_column(Integer)
    quote_minor: Mapped[int | None] = mapped_column(Integer)
    quote_unit: Mapped[str] = mapped_column(String(16), default="month", server_default="month")
    currency: Mapped[str] = code(3)
    decision: Mapped[str] = mapped_column(String(16), default="undecided", server_default="undecided")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (
        CheckConstraint("importance BETWEEN 1 AND 5", name="importance_1_to_5"),
        CheckConstraint("competence BETWEEN 1 AND 5", name="competence_1_to_5"),
    )
