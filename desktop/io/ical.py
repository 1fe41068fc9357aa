"""Calendar events as an iCalendar (.ics) file that Outlook, Google Calendar and Apple
Calendar import or subscribe to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.core.calendar_events import CATEGORIES, NAME, CalendarEvent
from desktop.store.private_file import private_file


def calendar_bytes(events: Sequence[CalendarEvent]) -> bytes:
    """The same events always give the same bytes: nothing depends on when it is written."""
    from icalendar import Calendar, Event  # loaded when a calendar is first written

    calendar = Calendar()
    calendar.add("prodid", f"-//{NAME}//{NAME} {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", NAME)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545, 3.8.7.2).
        event.add("dtstamp", item.modified)
        event.add("last-modified", item.modified)
        event.add("sequence", item.sequence)
        event.add("dtstart", item.on)  # a date: an all-day event
        event.add("dtend", item.on + dt.timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("categories", [CATEGORIES[item.kind]])
        event.add("transp", "TRANSPARENT")  # a reminder, not time taken
        calendar.add_component(event)
    return calendar.to_ical()


def write_calendar(path: Path, events: Sequence[CalendarEvent], *,
                   only_if_changed: bool = False) -> bool:
    """Write the file whole (a temporary file, then a rename); whether it was written.
    ``only_if_changed`` leaves a file that already says the same untouched, so a subscribed
    calendar app is not sent to read it again for nothing."""
    data = calendar_bytes(events)
    if only_if_changed:
        try:
            if path.read_bytes() == data:
                return False
        except FileNotFoundError:
            pass
    with private_file(path, "wb") as out:
        out.write(data)
    return True
