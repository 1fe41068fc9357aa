"""Report periods as whole days: months, quarters, tax years, and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.periods import Period, month, parse_month, parse_quarter, quarter, tax_year

D = dt.date


@pytest.mark.parametrize(("year", "number", "first", "last"), [
    (2026, 1, D(2026, 1, 1), D(2026, 1, 31)),
    (2028, 2, D(2028, 2, 1), D(2028, 2, 29)),
    (2026, 2, D(2026, 2, 1), D(2026, 2, 28)),
    (2026, 12, D(2026, 12, 1), D(2026, 12, 31)),
])
def test_months(year: int, number: int, first: dt.date, last: dt.date) -> None:
    assert month(year, number) == Period(first, last)


def test_quarters() -> None:
    assert quarter(2026, 1) == Period(D(2026, 1, 1), D(2026, 3, 31))
    assert quarter(2026, 4) == Period(D(2026, 10, 1), D(2026, 12, 31))
    assert parse_quarter("2026-q2") == parse_quarter("2026Q2") == quarter(2026, 2)


def test_tax_years() -> None:
    assert tax_year(2026, (1, 1)) == Period(D(2026, 1, 1), D(2026, 12, 31))
    assert tax_year(2026, (4, 6)) == Period(D(2026, 4, 6), D(2027, 4, 5))


def test_parse_month() -> None:
    assert parse_month(" 2026-03 ") == month(2026, 3)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "March", "26-03", ""])
def test_bad_months(text: str) -> None:
    with pytest.raises(ValueError, match="not a month"):
        parse_month(text)


@pytest.mark.parametrize("text", ["2026-Q5", "Q1", "2026-1"])
def test_bad_quarters(text: str) -> None:
    with pytest.raises(ValueError, match="not a quarter"):
        parse_quarter(text)


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends"):
        Period(D(2026, 2, 1), D(2026, 1, 31))
    assert D(2026, 1, 15) in month(2026, 1) and D(2026, 2, 1) not in month(2026, 1)
