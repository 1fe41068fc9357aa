"""A new engagement starts on the contractor's terms (their rate, unit, currency, country), a
quote from a roster contractor on their rate, and an engagement started from a quote on the
quote's terms; nothing the user already typed is overwritten."""

from __future__ import annotations

from desktop.core.engagement import terms_from_rate
from desktop.core.enums import PricingModel
from desktop.ui.activity_dialog import QuoteDialog
from desktop.ui.engagement_dialog import EngagementDialog

CHOICES = [(1, "Camille Roussel"), (2, "Northgate IT")]
SUGGESTED = {1: terms_from_rate(6500, "hour", "EUR", "FR"),
             2: terms_from_rate(35000, "month", "GBP", "GB")}


def test_terms_follow_the_rate_unit() -> None:
    assert terms_from_rate(6500, "hour", "EUR", "FR") == {
        "currency": "EUR", "jurisdiction_country": "FR", "pricing_model": "hourly",
        "rate": "65.00"}
    assert terms_from_rate(35000, "month", "GBP")["pricing_model"] == "retainer"
    assert terms_from_rate(35000, "month", "GBP")["amount"] == "350.00"
    assert terms_from_rate(None, "", "USD", "US") == {"currency": "USD",
                                                      "jurisdiction_country": "US"}


def test_choosing_the_contractor_fills_in_their_terms(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = EngagementDialog(None, CHOICES, [], defaults=SUGGESTED)
    qtbot.addWidget(dialog)
    dialog.editors["contractor_id"].set_value(1)  # type: ignore[attr-defined]
    raw = dialog.raw()
    assert (raw["pricing_model"], raw["rate"], raw["currency"], raw["jurisdiction_country"]) == \
        ("hourly", "65.00", "EUR", "FR")
    dialog.editors["currency"].set_value("CHF")  # type: ignore[attr-defined]
    dialog.editors["contractor_id"].set_value(2)  # type: ignore[attr-defined]
    raw = dialog.raw()
    assert raw["pricing_model"] == "retainer" and raw["amount"] == "350.00"
    assert raw["currency"] == "CHF"  # typed by the user: kept


def test_start_engagement_opens_on_the_quote_terms(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = EngagementDialog(None, CHOICES, [], contractor_id=1,
                              defaults={1: terms_from_rate(6500, "hour", "EUR", "FR")})
    qtbot.addWidget(dialog)
    assert dialog.pricing() is PricingModel.HOURLY
    assert (dialog.raw()["rate"], dialog.raw()["currency"]) == ("65.00", "EUR")
    assert not dialog.changed()  # nothing typed yet: leaving asks nothing


def test_a_quote_from_a_roster_contractor_takes_their_rate(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QuoteDialog(CHOICES, currency="USD", rates={1: ("65.00", "hour", "EUR")})
    qtbot.addWidget(dialog)
    dialog.editors["contractor_id"].set_value(1)  # type: ignore[attr-defined]
    assert dialog.editors["rate"].text() == "65.00"  # type: ignore[attr-defined]
    assert dialog.editors["currency"].value() == "EUR"  # type: ignore[attr-defined]
    assert dialog.editors["unit"].value() == "hour"  # type: ignore[attr-defined]
