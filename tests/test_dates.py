"""Dates typed by hand (``desktop.core.dates``): ISO only, empty is none, and the error says
whether the form or the calendar is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.dates import parse_date


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_iso_date_with_surrounding_space() -> None:
    assert parse_date("  2024-02-29 ") == dt.date(2024, 2, 29)


@pytest.mark.parametrize("text", ["2024-2-3", "03/02/2024", "20240203", "2024-02-03T00:00",
                                  "tomorrow", "2024-02-03x", "٢٠٢٤-٠٢-٠٣"])
def test_other_forms_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize("text", ["2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01"])
def test_days_not_in_the_calendar(text: str) -> None:
    with pytest.raises(ValueError, match="does not exist in the calendar"):
        parse_date(text)


@given(st.dates())
def test_round_trips_every_date(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
