"""Amounts and dates as spreadsheets in any locale write them.

A file speaks one locale: its decimal mark and its day/month order are decided once, from the
data, so "1.234" or "03/04/2026" means the same thing on every line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from desktop.core.i18n import _
from desktop.core.reference import is_currency

# Symbols and words people put next to an amount or in a currency column.
_SYMBOLS = {
    "$": "USD", "US$": "USD", "USD$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "R$": "BRL",
    "ZŁ": "PLN", "KČ": "CZK", "FR.": "CHF", "SFR.": "CHF", "₺": "TRY", "₩": "KRW", "₽": "RUB",
    "EURO": "EUR", "EUROS": "EUR", "DOLLAR": "USD", "DOLLARS": "USD", "US DOLLAR": "USD",
    "POUND": "GBP", "POUNDS": "GBP", "STERLING": "GBP", "FRANKEN": "CHF", "YEN": "JPY",
}
_GROUPING = "'\u00a0\u202f\u2009 "  # apostrophe (Swiss) and the spaces used between thousands
_MINUS = "-\u2212\u2013"


# The import's reason codes for a value it cannot read (`crewbook import --json`).
INVALID_RATE, NEGATIVE_RATE, INVALID_DATE = "invalid_rate", "negative_rate", "invalid_date"


class ValueProblem(ValueError):
    """A value that cannot be read; ``reason`` is the import's reason code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class _Unreadable(ValueError):
    """Why a number's text could not be read, for those who catch it; never shown as it is."""


@lru_cache(maxsize=512)  # a file names a handful of currencies, row after row
def currency_code(text: str) -> str:
    """ISO 4217 code for "eur", "€", "Euro" or "US$"; ValueError when it is none of them."""
    key = " ".join(text.split()).upper()
    if len(key) == 3 and key.isalpha() and is_currency(key):
        return key
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    raise ValueError(_("“{text}” is not a currency").format(text=text.strip()))


@dataclass(frozen=True)
class Amount:
    major: Decimal  # never negative
    currency: str | None  # when the cell itself names one

    @property
    def plain(self) -> str:
        return format(self.major, "f")


_SPLIT = re.compile(r"^(?P<pre>[^\d.,]*?)\s*(?P<num>\d[\d.,'\u00a0\u202f\u2009 ]*)\s*(?P<post>[^\d]*)$")


def _pieces(text: str) -> tuple[bool, str, str]:
    """(negative, digits with separators, currency text) of an amount cell."""
    value = text.strip()
    negative = False
    if value.startswith("(") and value.endswith(")"):  # accountants' negative
        negative, value = True, value[1:-1].strip()
    if value and value[0] in _MINUS:
        negative, value = True, value[1:].strip()
    if value and value[-1] in _MINUS:
        negative, value = True, value[:-1].strip()
    match = _SPLIT.match(value)
    if not match:
        raise _Unreadable("no digits")
    pre, post = match["pre"].strip(), match["post"].strip()
    if pre and pre[-1] in _MINUS:  # "$-40" or "EUR -40"
        negative, pre = True, pre[:-1].strip()
    if post and post[0] in _MINUS:
        negative, post = True, post[1:].strip()
    if pre and post:
        raise _Unreadable("currency on both sides")
    return negative, match["num"].strip(_GROUPING), pre or post


def decimal_mark_votes(texts: Iterable[str]) -> Counter[str]:
    """How many values can only be read with "." and how many only with "," as decimal mark."""
    votes: Counter[str] = Counter()
    for text, times in Counter(texts).items():  # a column repeats its values: read each once
        try:
            _negative, number, _symbol = _pieces(text)
        except ValueError:
            continue
        number = "".join(c for c in number if c not in _GROUPING)
        last_dot, last_comma = number.rfind("."), number.rfind(",")
        if last_dot >= 0 and last_comma >= 0:
            votes["." if last_dot > last_comma else ","] += times
        elif last_dot >= 0 or last_comma >= 0:
            mark = "." if last_dot >= 0 else ","
            decimals = len(number) - max(last_dot, last_comma) - 1
            if number.count(mark) == 1 and decimals != 3:  # "85,5" and "12.50" decide; "1,250" does not
                votes[mark] += times
    return votes


def decide_decimal_mark(texts: Iterable[str], fallback: str) -> str:
    votes = decimal_mark_votes(texts)
    if not votes:
        return fallback
    return "," if votes[","] > votes["."] else "."


def is_amount(text: str) -> bool:
    """True for a number as a spreadsheet shows one, negative and with a currency or not
    ("12,345.00", "(40,00)", "1.234,50 €"); a date or a phone with a "+" is none."""
    try:
        _negative, number, symbol = _pieces(text)
        if symbol:
            currency_code(symbol)
    except ValueError:
        return False
    return any(c.isdigit() for c in number)


@lru_cache(maxsize=4096)  # rates repeat across a roster
def parse_amount_text(text: str, decimal_mark: str) -> Amount:
    """Read "$1,250.00", "1.234,50 EUR", "1 234,50 €" or "(40.00)" with the file's decimal mark.

    Raises ValueProblem with reason NEGATIVE_RATE or INVALID_RATE.
    """
    shown = text.strip()
    try:
        negative, number, symbol = _pieces(shown)
        currency = currency_code(symbol) if symbol else None
        major = Decimal(_plain_number(number, decimal_mark))
    except (ValueError, ArithmeticError):
        raise ValueProblem(INVALID_RATE,
                           _("“{text}” is not an amount").format(text=shown)) from None
    if negative and major != 0:
        raise ValueProblem(NEGATIVE_RATE, _("“{text}” is below zero").format(text=shown))
    return Amount(major, currency)


def _plain_number(number: str, decimal_mark: str) -> str:
    number = "".join(c for c in number if c not in _GROUPING)
    group_mark = "," if decimal_mark == "." else "."
    if decimal_mark in number and group_mark in number:
        if number.rfind(decimal_mark) < number.rfind(group_mark):
            raise _Unreadable("separators in the wrong order")
        whole, _mark, fraction = number.rpartition(decimal_mark)
        return _ungrouped(whole, group_mark) + "." + _digits(fraction)
    if number.count(decimal_mark) == 1:
        whole, _mark, fraction = number.partition(decimal_mark)
        return _digits(whole) + "." + _digits(fraction)
    mark = decimal_mark if decimal_mark in number else group_mark
    if mark in number:
        parts = number.split(mark)
        if len(parts) == 2 and mark == group_mark and len(parts[1]) != 3:
            return _digits(parts[0]) + "." + _digits(parts[1])  # "95.5" in a decimal-comma file
        return _ungrouped(number, mark)
    return _digits(number)


def _ungrouped(whole: str, mark: str) -> str:
    parts = whole.split(mark)
    if len(parts) > 1 and not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])):
        raise _Unreadable("thousands not in groups of three")
    return _digits("".join(parts))


def _digits(text: str) -> str:
    if not text.isdigit() or not text.isascii():
        raise _Unreadable("not digits")
    return text


# --- dates -------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
DAY_FIRST, MONTH_FIRST = "day/month", "month/day"


@dataclass(frozen=True)
class DateOrder:
    order: str  # DAY_FIRST or MONTH_FIRST
    settled: bool  # False when no value in the file tells the two apart
    example: str = ""  # a value that settled it, to show the user


def decide_date_order(texts: Iterable[str], decimal_mark: str) -> DateOrder:
    """Day/month or month/day for the whole file: a first part above 12 means the day comes first,
    a second part above 12 that the month does. With no such value, decimal-comma files read day
    first (as Europe writes) and the rest month first."""
    seen: dict[str, str] = {}
    dotted = False
    for text in texts:
        match = _NUMERIC.match(text.strip())
        if not match:
            continue
        first, second = int(match[1]), int(match[3])
        dotted = dotted or match[2] == "."
        if first > 12 >= second:
            seen.setdefault(DAY_FIRST, text.strip())
        elif second > 12 >= first:
            seen.setdefault(MONTH_FIRST, text.strip())
    if len(seen) == 1:
        order, example = next(iter(seen.items()))
        return DateOrder(order, True, example)
    if len(seen) == 2:  # the file mixes both: keep the first reading, the rest fail loudly
        return DateOrder(DAY_FIRST if decimal_mark == "," or dotted else MONTH_FIRST, True,
                         seen[DAY_FIRST if decimal_mark == "," or dotted else MONTH_FIRST])
    return DateOrder(DAY_FIRST if decimal_mark == "," or dotted else MONTH_FIRST, False)


def parse_date_text(text: str, order: DateOrder) -> dt.date:
    """A real calendar date written ISO-style or numerically in the file's order."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    else:
        match = _NUMERIC.match(value)
        if not match:
            raise ValueProblem(INVALID_DATE, _("“{text}” is not a date").format(text=value))
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        day, month = (first, second) if order.order == DAY_FIRST else (second, first)
        if len(match[4]) == 2:
            year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        if _ISO.match(value):
            problem = _("“{text}” is not a real date (read as year-month-day)")
        elif order.order == DAY_FIRST:
            problem = _("“{text}” is not a real date (read as day/month/year)")
        else:
            problem = _("“{text}” is not a real date (read as month/day/year)")
        raise ValueProblem(INVALID_DATE, problem.format(text=value)) from None
