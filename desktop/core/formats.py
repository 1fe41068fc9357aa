"""Dates, times, amounts and numbers as the business's locale writes them (CLDR, through Babel).

One locale serves the whole process, as a desktop has one user: the business profile's, or the
system's when the profile names none. Stored values and files meant for programs (CSV, JSON,
typed dates) stay ISO; only what a person reads goes through here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers

__all__ = ["amount", "current_locale", "date_text", "datetime_text", "day_month", "full_date",
           "month_year", "number", "resolve_locale", "system_locale", "time_text", "use_locale"]

FALLBACK = "en_US"
_current = FALLBACK


@cache
def system_locale() -> str:
    """The locale the system runs in, as Babel names it; en_US when it names none (C, POSIX)."""
    from babel import default_locale

    found = default_locale()
    if not found or found.endswith("_POSIX") or found in ("C", "POSIX"):
        return FALLBACK
    return _known(found) or FALLBACK


def _known(locale: str) -> str | None:
    try:
        return str(Locale.parse(locale.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return None


def resolve_locale(chosen: str) -> str:
    """The profile's choice, or the system's locale when it is empty or not one Babel knows."""
    return (_known(chosen) if chosen else None) or system_locale()


def use_locale(chosen: str) -> str:
    """Make ``chosen`` (a profile's locale; "" for the system's) the one text is written in."""
    global _current
    _current = resolve_locale(chosen)
    # Babel reads a locale's data files when it is first used. Read them here, where the
    # locale is chosen, before any view's reads start: Today's first date, written beside the
    # worker threads of the window's first load, took up to 0.1 s instead of 10 ms.
    Locale.parse(_current).date_formats  # noqa: B018
    return _current


def current_locale() -> str:
    return _current


def date_text(day: dt.date | None, empty: str = "") -> str:
    """A date for reading: "Mar 12, 2026", "12 Mar 2026", "12.03.2026". A moment is read as
    the day it is on the computer's clock."""
    if day is None:
        return empty
    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return babel_dates.format_date(day, "medium", locale=_current)


def full_date(day: dt.date) -> str:
    """With the weekday and the month in full: "Thursday, March 12, 2026"."""
    return babel_dates.format_date(day, "full", locale=_current)


def day_month(day: dt.date) -> str:
    """Within the year in view: "Mar 12", "12. März"."""
    return babel_dates.format_skeleton("MMMd", day, locale=_current)


def month_year(day: dt.date) -> str:
    return babel_dates.format_skeleton("yMMM", day, locale=_current)


def time_text(moment: dt.datetime) -> str:
    """The clock time in the computer's time zone: "2:05 PM", "14:05"."""
    return babel_dates.format_time(_local(moment), "short", locale=_current)


def datetime_text(moment: dt.datetime) -> str:
    """A date and a time for reading, in the computer's time zone."""
    local = _local(moment)
    return f"{date_text(local.date())} {time_text(local)}"


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone() if moment.tzinfo is not None else moment


def amount(minor: int, currency: str) -> str:
    """Money for reading: "$1,200.00", "1.200,00 €", "￥120,000"."""
    from desktop.core.money import format_money

    return format_money(minor, currency, _current)


def number(value: int | Decimal) -> str:
    return babel_numbers.format_decimal(value, locale=_current)
