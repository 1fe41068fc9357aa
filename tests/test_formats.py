"""Amounts and dates follow the business's locale (CLDR through Babel)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core import formats
from desktop.core.money import Money, format_money

DAY = dt.date(2026, 3, 12)


@pytest.mark.parametrize(("locale", "date", "day_month", "money"), [
    ("en_US", "Mar 12, 2026", "Mar 12", "$1,234.50"),
    ("en_GB", "12 Mar 2026", "12 Mar", "US$1,234.50"),
    ("de_DE", "12.03.2026", "12. März", "1.234,50\xa0$"),
    ("fr_FR", "12 mars 2026", "12 mars", "1\u202f234,50\xa0$US"),
    ("ja_JP", "2026/03/12", "3月12日", "$1,234.50"),
])
def test_dates_and_amounts_in_the_business_locale(locale, date, day_month, money) -> None:
    formats.use_locale(locale)
    assert formats.date_text(DAY) == date
    assert formats.day_month(DAY) == day_month
    assert formats.amount(123450, "USD") == money
    assert format_money(123450, "USD") == money == Money(123450, "USD").format()


def test_a_locale_passed_in_wins_over_the_business_one() -> None:
    formats.use_locale("de_DE")
    assert format_money(100, "EUR", "en_US") == "€1.00"


def test_an_empty_or_unknown_locale_follows_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "system_locale", lambda: "de_AT")
    assert formats.use_locale("") == "de_AT"
    assert formats.use_locale("xx_YY") == "de_AT"
    assert formats.use_locale("pt-BR") == "pt_BR"
    assert formats.current_locale() == "pt_BR"


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "de_DE.UTF-8"}, "de_DE"), ({"LANG": "C.UTF-8"}, "en_US"),
    ({"LANG": "POSIX"}, "en_US"), ({"LC_ALL": "fr_CA.UTF-8", "LANG": "de_DE"}, "fr_CA"),
])
def test_the_system_locale_from_the_environment(monkeypatch: pytest.MonkeyPatch, env,
                                                expected) -> None:
    monkeypatch.undo()  # the real function, not the suite's fixed en_US
    for name in ("LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    formats.system_locale.cache_clear()
    try:
        assert formats.system_locale() == expected
    finally:
        formats.system_locale.cache_clear()


def test_times_are_local_and_in_the_locale_clock() -> None:
    moment = dt.datetime(2026, 3, 12, 14, 5)
    formats.use_locale("en_US")
    assert formats.time_text(moment) == "2:05\u202fPM"
    formats.use_locale("de_DE")
    assert formats.time_text(moment) == "14:05"
    assert formats.datetime_text(moment) == "12.03.2026 14:05"
