"""A quote in a currency the plan cannot convert says a missing exchange rate, not a missing
pay rate."""

from __future__ import annotations

from decimal import Decimal

from desktop.core.enums import RateUnit
from desktop.core.planner import Quote, QuoteCost
from desktop.ui.planner_model import _other_text


def test_an_unconverted_quote_names_the_missing_exchange_rate() -> None:
    quote = Quote("Porto agency", None, 6500, RateUnit.HOUR, "EUR", Decimal(10))
    text = _other_text((QuoteCost(quote, 65_000, None, False),), "en_US")
    assert text == "€650.00 (no exchange rate)"
