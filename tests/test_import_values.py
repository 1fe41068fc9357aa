"""Amounts and dates in a file's own locale, decided once per file; email normalisation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.contractor import merge_contractor, normalise_email, validate_contractor
from desktop.io.values import (
    DAY_FIRST,
    MONTH_FIRST,
    DateOrder,
    ValueProblem,
    currency_code,
    decide_date_order,
    decide_decimal_mark,
    parse_amount_text,
    parse_date_text,
)


@pytest.mark.parametrize(("text", "mark", "major", "currency"), [
    ("$1,250.00", ".", "1250.00", "USD"),
    ("1.234,50 EUR", ",", "1234.50", "EUR"),
    ("1 234,50 €", ",", "1234.50", "EUR"),
    ("1\u202f234,50\u00a0€", ",", "1234.50", "EUR"),
    ("85,00", ",", "85.00", None),
    ("95,5", ",", "95.5", None),
    ("95.5", ",", "95.5", None),  # a stray decimal point in a decimal-comma file
    ("1,250", ".", "1250", None),
    ("1.250", ",", "1250", None),
    ("CHF 1'250.50", ".", "1250.50", "CHF"),
    ("£40", ".", "40", "GBP"),
    ("0", ".", "0", None),
    ("120", ".", "120", None),
])
def test_amounts_in_any_locale(text: str, mark: str, major: str, currency: str | None) -> None:
    amount = parse_amount_text(text, mark)
    assert (amount.major, amount.currency) == (Decimal(major), currency)


@pytest.mark.parametrize("text", ["-40,00", "-5", "(40.00)", "$-40", "EUR -40", "40-", "−12"])
def test_negative_amounts(text: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_amount_text(text, ",")
    assert caught.value.reason == "negative_rate"


@pytest.mark.parametrize("text", ["abc", "€", "12.5.3", "1,2,3", "1.23.456", "12 apples", "$ 5 $",
                                  "1,234.5,6", "١٢٣"])
def test_unreadable_amounts(text: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_amount_text(text, ".")
    assert caught.value.reason == "invalid_rate"


def test_decimal_mark_is_decided_by_the_values_that_settle_it() -> None:
    assert decide_decimal_mark(["1.234,50", "85,00"], ".") == ","
    assert decide_decimal_mark(["1,234.50", "85.00"], ",") == "."
    assert decide_decimal_mark(["1,250", "2,500"], ";" and ",") == ","  # nothing settles it
    assert decide_decimal_mark([], ".") == "."


@pytest.mark.parametrize(("values", "order", "settled"), [
    (["03/04/2026", "12/31/2025"], MONTH_FIRST, True),
    (["03/04/2026", "31/12/2025"], DAY_FIRST, True),
    (["31.12.2025"], DAY_FIRST, True),
    (["03/04/2026"], MONTH_FIRST, False),
    (["2026-03-04"], MONTH_FIRST, False),
])
def test_day_month_order_per_file(values: list[str], order: str, settled: bool) -> None:
    decided = decide_date_order(values, ".")
    assert (decided.order, decided.settled) == (order, settled)


def test_ambiguous_dates_in_a_decimal_comma_file_read_day_first() -> None:
    assert decide_date_order(["03/04/2026"], ",").order == DAY_FIRST
    assert decide_date_order(["03.04.2026"], ".").order == DAY_FIRST


@pytest.mark.parametrize(("text", "order", "day"), [
    ("2026-03-04", MONTH_FIRST, dt.date(2026, 3, 4)),
    ("2026/3/4", DAY_FIRST, dt.date(2026, 3, 4)),
    ("03/04/2026", MONTH_FIRST, dt.date(2026, 3, 4)),
    ("03/04/2026", DAY_FIRST, dt.date(2026, 4, 3)),
    ("29.02.2028", DAY_FIRST, dt.date(2028, 2, 29)),
    ("4/3/26", DAY_FIRST, dt.date(2026, 3, 4)),
    ("2025-12-31 00:00:00", DAY_FIRST, dt.date(2025, 12, 31)),
])
def test_dates(text: str, order: str, day: dt.date) -> None:
    assert parse_date_text(text, DateOrder(order, True)) == day


@pytest.mark.parametrize("text", ["31.02.2025", "29/02/2027", "13/13/2026", "next week", "0/0/00",
                                  "2026-13-01"])
def test_impossible_dates(text: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date_text(text, DateOrder(DAY_FIRST, True))
    assert caught.value.reason == "invalid_date"


@pytest.mark.parametrize(("text", "code"), [("eur", "EUR"), ("€", "EUR"), ("Euro", "EUR"),
                                            ("US$", "USD"), (" gbp ", "GBP"), ("£", "GBP")])
def test_currency_words_and_symbols(text: str, code: str) -> None:
    assert currency_code(text) == code


def test_unknown_currency() -> None:
    with pytest.raises(ValueError):
        currency_code("bananas")


_LOCAL = st.from_regex(r"[A-Za-z0-9_%+.-]{1,20}", fullmatch=True)
_DOMAIN = st.from_regex(r"([A-Za-z0-9-]{1,12}\.){1,3}[A-Za-z0-9-]{1,8}", fullmatch=True)


@given(_LOCAL, _DOMAIN)
def test_fast_email_path_agrees_with_email_validator(local: str, domain: str) -> None:
    address = f"{local}@{domain}"
    try:
        expected: str | None = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        expected = None
    try:
        ours: str | None = normalise_email(address)
    except ValueError:
        ours = None
    assert ours == expected


def test_merge_fills_and_updates_but_never_blanks() -> None:
    old = validate_contractor({"display_name": "Ana Ruiz", "email": "ana@example.com",
                               "phone": "+1 503 555 0100", "tags": ["design"], "notes": "Met in May",
                               "rate": "90", "currency": "EUR", "rate_unit": "day",
                               "status": "active"})
    new = validate_contractor({"display_name": "Ana Ruiz", "email": "ana@example.com",
                               "website": "ana.example.com", "tags": ["print"], "notes": "Second",
                               "rate": "100", "currency": "USD"})
    merged = merge_contractor(old, new)
    assert merged.phone == "+15035550100"  # a blank never erases
    assert merged.website == "https://ana.example.com"
    assert merged.tags == ("design", "print")
    assert merged.notes == "Met in May\nSecond"
    assert (merged.rate_minor, merged.currency, str(merged.rate_unit)) == (10000, "USD", "hour")
    assert str(merged.status) == "active"  # a default in the file does not demote anyone
    assert merge_contractor(merged, new).notes == merged.notes  # merging twice adds nothing
