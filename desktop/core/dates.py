"""Dates typed by hand: ISO ``YYYY-MM-DD`` only, empty meaning none."""

from __future__ import annotations

import datetime as dt
import re

from desktop.core.i18n import _

__all__ = ["parse_date"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only


def parse_date(text: str) -> dt.date | None:
    """The date in ``text`` (surrounding space ignored), None when empty, or ValueError saying
    what is wrong with it."""
    text = text.strip()
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(_("“{text}” is not a date in the form YYYY-MM-DD").format(text=text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(_("{text} does not exist in the calendar").format(text=text)) from None
