"""Typing in a code box offers the best match first: the exact code, then the common ones."""

from __future__ import annotations

from desktop.core.reference import COMMON_CURRENCIES, countries, currencies, ranked_matches
from desktop.ui.fields import LookupCombo


def test_exact_code_then_common_currencies_then_the_rest() -> None:
    found = ranked_matches("eur", currencies(), COMMON_CURRENCIES)
    assert found[0] == "EUR" and "CHE" in found and found.index("CHE") > 0
    assert ranked_matches("dollar", currencies(), COMMON_CURRENCIES)[:4] == \
        ["USD", "CAD", "AUD", "NZD"]
    assert ranked_matches("ch", currencies(), COMMON_CURRENCIES)[0] == "CHF"
    assert ranked_matches("  ", currencies()) == []
    assert ranked_matches("de", countries())[0] == "DE"


def test_the_popup_offers_euro_first_for_eur(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = LookupCombo(currencies().items(), common=COMMON_CURRENCIES)
    qtbot.addWidget(combo)
    combo.show()
    combo.lineEdit().selectAll()  # as a click-and-type replaces the shown currency
    qtbot.keyClicks(combo.lineEdit(), "eur")
    assert combo.matches()[0] == "EUR — Euro"
    assert any(m.startswith("CHE") for m in combo.matches())
    combo.set_value("EUR")
    assert combo.value() == "EUR"
