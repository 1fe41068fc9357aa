"""The calendar export: payments due, notice dates, check-ins and document expiries as an
iCalendar file, once or kept up to date in the data folder."""

from __future__ import annotations

from pathlib import Path

from desktop.core.calendar_events import CalendarEvent, calendar_events
from desktop.core.formats import number, resolve_locale
from desktop.core.i18n import ngettext
from desktop.io.ical import write_calendar
from desktop.store.calendar_dates import calendar_facts
from desktop.store.calendar_setting import KEPT_NAME, is_kept, kept_path, set_kept
from desktop.store.db import Store
from desktop.store.profile import get_profile

__all__ = ["KEPT_NAME", "events", "export_calendar", "export_summary", "is_kept", "keep_updated",
           "kept_path", "refresh_kept"]


def events(store: Store) -> list[CalendarEvent]:
    """Amounts and dates written the business profile's way."""
    facts = calendar_facts(store)
    locale = resolve_locale(get_profile(store).profile.locale)
    return calendar_events(facts.installments, facts.engagements, facts.documents, locale)


def export_calendar(store: Store, path: Path) -> int:
    """Write the calendar to ``path`` whole; the number of events in it."""
    found = events(store)
    write_calendar(Path(path), found)
    return len(found)


def refresh_kept(store: Store, folder: Path) -> bool:
    """Rewrite the data folder's crewbook.ics if this computer keeps it up to date and it
    no longer says what the book does; whether it was written."""
    if not is_kept(folder):
        return False
    return write_calendar(kept_path(folder), events(store), only_if_changed=True)


def keep_updated(store: Store, folder: Path, on: bool) -> Path:
    """Turn the kept file on (written at once) or off (it stays, no longer rewritten)."""
    set_kept(folder, on)
    if on:
        refresh_kept(store, folder)
    return kept_path(folder)


def export_summary(count: int, path: Path) -> str:
    return ngettext("Exported {n} calendar event to {path}",
                    "Exported {n} calendar events to {path}", count).format(
                        n=number(count), path=path)
