"""Business profile and rules with legal sources, kept as data rather than literals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.models.base import Base, Tracked, code, text


class BusinessProfile(Tracked, Base):
    """One row: the owner's business."""

    __tablename__ = "business_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = text(200)
    country: Mapped[str] = code(2)
    region: Mapped[str] = text(8)
    base_currency: Mapped[str] = mapped_column(String(3), default="USD", server_default="USD")
    locale: Mapped[str] = mapped_column(String(16), default="en_US", server_default="en_US")
    tax_year_start_month: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    tax_year_start_day: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    annual_revenue_minor: Mapped[int | None] = mapped_column(Integer)
    # What an hour of the owner's time is worth: the planner's default for each activity.
    owner_hour_value_minor: Mapped[int | None] = mapped_column(Integer)
    # Where no jurisdiction rule applies, contracts from this value need a written contract.
    written_contract_from_minor: Mapped[int | None] = mapped_column(Integer)


class ReportingThreshold(Tracked, Base):
    """A tax reporting threshold for a range of tax years (e.g. US 1099-NEC)."""

    __tablename__ = "reporting_threshold"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jurisdiction: Mapped[str] = mapped_column(String(8))
    form: Mapped[str] = mapped_column(String(24))
    tax_year_from: Mapped[int] = mapped_column(Integer)
    tax_year_to: Mapped[int | None] = mapped_column(Integer)
    amount_minor: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    source: Mapped[str] = mapped_column(Text)
    checked_on: Mapped[dt.date] = mapped_column(Date)


class PaymentRule(Tracked, Base):
    """Statutory contract and payment-deadline rules for one jurisdiction."""

    __tablename__ = "payment_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    region: Mapped[str] = text(8)
    name: Mapped[str] = text(200)
    written_contract_from_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = code(3)
    aggregation_days: Mapped[int | None] = mapped_column(Integer)
    default_payment_days: Mapped[int | None] = mapped_column(Integer)
    max_payment_days: Mapped[int | None] = mapped_column(Integer)
    # "cap": never longer; "agreed": longer only if expressly agreed (and not grossly unfair).
    max_kind: Mapped[str] = mapped_column(String(8), default="", server_default="")
    effective_from: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    checked_on: Mapped[dt.date] = mapped_column(Date)
    # ISO codes it applies in, space-separated ("" = its own country); city names, ";"-separated.
    applies_in: Mapped[str] = mapped_column(Text, default="", server_default="")
    cities: Mapped[str] = mapped_column(Text, default="", server_default="")
    # "days" (aggregation_days), "calendar_year", or "" (each contract alone).
    aggregation_window: Mapped[str] = text(16)
    # Late-payment interest: a reference_rate series plus a margin; fixed sums by debt size
    # ("from=sum;…", minor units of ``currency``).
    interest_reference: Mapped[str] = text(16)
    interest_margin_bp: Mapped[int | None] = mapped_column(Integer)
    compensation: Mapped[str] = mapped_column(Text, default="", server_default="")


class ReferenceRate(Tracked, Base):
    """A central bank rate from a date on (ECB, Bank of England): late-payment interest's base."""

    __tablename__ = "reference_rate"
    __table_args__ = (UniqueConstraint("series", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(16))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    rate_bp: Mapped[int] = mapped_column(Integer)  # basis points: 215 = 2.15 %
    source: Mapped[str] = mapped_column(Text)
    checked_on: Mapped[dt.date] = mapped_column(Date)
