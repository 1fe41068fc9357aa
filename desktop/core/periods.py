"""Report periods: a month, a quarter, a tax year or any two dates, always whole days."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.core.i18n import _

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(_("the period ends ({last}) before it starts ({first})").format(
                last=self.last, first=self.first))

    def __contains__(self, day: dt.date) -> bool:
        return self.first <= day <= self.last


def month(year: int, number: int) -> Period:
    first = dt.date(year, number, 1)
    following = dt.date(year + number // 12, number % 12 + 1, 1)
    return Period(first, following - dt.timedelta(days=1))


def quarter(year: int, number: int) -> Period:
    start = month(year, 3 * number - 2)
    return Period(start.first, month(year, 3 * number).last)


def tax_year(year: int, start: tuple[int, int]) -> Period:
    """The tax year named by the calendar year it starts in; (1, 1) is the calendar year,
    (4, 6) the UK's 6 April to 5 April."""
    month_number, day = start
    first = dt.date(year, month_number, day)
    return Period(first, dt.date(year + 1, month_number, day) - dt.timedelta(days=1))


def parse_month(text: str) -> Period:
    """"2026-03" → March 2026."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError(_("“{text}” is not a month such as 2026-03").format(text=text))
    return month(int(match[1]), int(match[2]))


def parse_quarter(text: str) -> Period:
    """"2026-Q1" or "2026Q1" → January to March 2026."""
    match = _QUARTER.match(text.strip())
    if not match:
        raise ValueError(_("“{text}” is not a quarter such as 2026-Q1").format(text=text))
    return quarter(int(match[1]), int(match[2]))
