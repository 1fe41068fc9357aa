"""Money kept as integer minor units: parsing, plain text and display."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.money import (
    MAX_MINOR,
    Money,
    format_money,
    minor_digits,
    parse_amount,
    to_major_text,
)

CURRENCIES = ("USD", "EUR", "JPY", "KWD", "GBP", "INR")


class TestParseAmount:
    @pytest.mark.parametrize(("text", "currency", "minor"), [
        ("1250.50", "USD", 125050),
        ("1250.5", "USD", 125050),
        ("85", "USD", 8500),
        ("0", "EUR", 0),
        ("0.01", "GBP", 1),
        ("1,250.50", "USD", 125050),
        ("1,000,000", "EUR", 100000000),
        ("1000", "JPY", 1000),
        ("1,000", "JPY", 1000),
        ("1.234", "KWD", 1234),
        ("1.5", "KWD", 1500),
        ("2.50", "usd", 250),
    ])
    def test_valid_amounts(self, text: str, currency: str, minor: int) -> None:
        assert parse_amount(text, currency) == minor

    @pytest.mark.parametrize("text", [" 12.50", "12.50 ", "\t12.50\n", "  12.50  "])
    def test_surrounding_whitespace_is_ignored(self, text: str) -> None:
        assert parse_amount(text, "USD") == 1250

    @pytest.mark.parametrize(("text", "currency", "message"), [
        ("1.234", "USD", "USD takes at most 2 decimal places"),
        ("10.5", "JPY", "JPY takes no decimal places"),
        ("1.2345", "KWD", "KWD takes at most 3 decimal places"),
        ("1.001", "eur", "EUR takes at most 2 decimal places"),
    ])
    def test_too_many_decimals_names_the_currency(self, text: str, currency: str,
                                                  message: str) -> None:
        with pytest.raises(ValueError) as caught:
            parse_amount(text, currency)
        assert str(caught.value) == message

    def test_trailing_zeros_beyond_the_currency_digits_are_accepted(self) -> None:
        assert parse_amount("1000.00", "JPY") == 1000
        assert parse_amount("12.500", "USD") == 1250

    @pytest.mark.parametrize("text", ["-1", "-0.01", " -12.50", "-1,000"])
    def test_negative_amounts_are_rejected(self, text: str) -> None:
        with pytest.raises(ValueError, match="zero or more"):
            parse_amount(text, "USD")

    @pytest.mark.parametrize("text", ["12,5", "1,25", "1,2500", "12,50"])
    def test_decimal_comma_is_rejected(self, text: str) -> None:
        with pytest.raises(ValueError, match="is not a number"):
            parse_amount(text, "EUR")

    @pytest.mark.parametrize("text", ["", "   ", "abc", "12abc", "$12", "1.2.3", ".5", "5.",
                                      "1e3", "NaN", "Infinity", "0x10", "12.50 USD"])
    def test_garbage_is_rejected(self, text: str) -> None:
        with pytest.raises(ValueError, match="is not a number"):
            parse_amount(text, "USD")

    def test_garbage_message_quotes_the_input(self) -> None:
        with pytest.raises(ValueError) as caught:
            parse_amount("  lots ", "USD")
        assert "“lots”" in str(caught.value)

    def test_unknown_currency_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="valid currency"):
            parse_amount("12", "ABC")

    def test_result_is_an_int(self) -> None:
        assert type(parse_amount("12.34", "USD")) is int

    def test_long_amounts_are_rejected_not_rounded(self) -> None:
        with pytest.raises(ValueError, match="too large"):
            parse_amount("100000000000000000000000000001", "USD")
        assert parse_amount("9999999999999.99", "USD") == 999999999999999


class TestMinorDigits:
    @pytest.mark.parametrize(("currency", "digits"), [
        ("USD", 2), ("EUR", 2), ("JPY", 0), ("KWD", 3), ("usd", 2),
    ])
    def test_digits(self, currency: str, digits: int) -> None:
        assert minor_digits(currency) == digits


class TestToMajorText:
    @pytest.mark.parametrize(("minor", "currency", "text"), [
        (125050, "USD", "1250.50"),
        (125000, "USD", "1250.00"),
        (5, "USD", "0.05"),
        (0, "USD", "0.00"),
        (1000, "JPY", "1000"),
        (0, "JPY", "0"),
        (1234, "KWD", "1.234"),
        (1, "KWD", "0.001"),
        (123456789, "EUR", "1234567.89"),
    ])
    def test_plain_decimal(self, minor: int, currency: str, text: str) -> None:
        assert to_major_text(minor, currency) == text

    def test_no_grouping_or_symbol(self) -> None:
        text = to_major_text(123456789, "USD")
        assert "," not in text and "$" not in text


class TestFormatMoney:
    @pytest.mark.parametrize(("minor", "currency", "locale", "shown"), [
        (125050, "USD", "en_US", "$1,250.50"),
        (0, "USD", "en_US", "$0.00"),
        (1000, "JPY", "en_US", "¥1,000"),
        (1234, "KWD", "en_US", "KWD1.234"),
        (125050, "EUR", "de_DE", "1.250,50\xa0€"),
        (125050, "usd", "en_US", "$1,250.50"),
    ])
    def test_locale_display(self, minor: int, currency: str, locale: str, shown: str) -> None:
        assert format_money(minor, currency, locale) == shown


class TestMoney:
    def test_format_uses_format_money(self) -> None:
        assert Money(125050, "USD").format() == "$1,250.50"
        assert Money(125050, "EUR").format("de_DE") == "1.250,50\xa0€"

    @pytest.mark.parametrize("minor", [12.5, 12.0, Decimal("12"), "12"])
    def test_rejects_non_integers(self, minor: object) -> None:
        with pytest.raises(TypeError, match="integer minor units"):
            Money(minor, "USD")  # type: ignore[arg-type]

    def test_equality_and_order(self) -> None:
        assert Money(100, "USD") == Money(100, "USD")
        assert Money(100, "USD") != Money(100, "EUR")
        assert Money(99, "USD") < Money(100, "USD")

    def test_is_immutable(self) -> None:
        money = Money(100, "USD")
        with pytest.raises(AttributeError):
            money.minor = 5  # type: ignore[misc]


@given(minor=st.integers(min_value=0, max_value=MAX_MINOR), currency=st.sampled_from(CURRENCIES))
def test_major_text_round_trips(minor: int, currency: str) -> None:
    assert parse_amount(to_major_text(minor, currency), currency) == minor


@given(minor=st.integers(min_value=0, max_value=10**15), currency=st.sampled_from(CURRENCIES))
def test_grouped_major_text_round_trips(minor: int, currency: str) -> None:
    text = to_major_text(minor, currency)
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}" + (f".{fraction}" if fraction else "")
    assert parse_amount(grouped, currency) == minor
