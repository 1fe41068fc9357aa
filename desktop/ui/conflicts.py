"""When a save is refused because someone else saved the same record since the editor opened
it: say who and when, show where their version and this edit differ, and let the user keep
theirs or save this edit on top of theirs (their other changes stay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from desktop.core.formats import day_month, time_text
from desktop.core.merge import reapply, shown, value_of
from desktop.ui import ask
from desktop.ui.i18n import QT_TR_NOOP, tr

T = TypeVar("T")
MINE = QT_TR_NOOP("Save mine on top of theirs")
THEIRS = QT_TR_NOOP("Keep theirs")


def mine_on_top(parent: QWidget | None, name: str, saved_by: str, saved_at: dt.datetime | None,
                original: T, mine: T, theirs: T, labels: dict[str, str],
                show: Callable[[str, Any], str] | None = None) -> T | None:
    """The record to save (mine on top of theirs), or None to keep theirs as it is. Records
    are dataclasses or flat mappings (see ``reapply``); ``show(field, value)`` words a value
    where plain ``shown`` would not (money in minor units, say). ``labels`` are translated or
    marked with QT_TR_NOOP."""
    word = show or (lambda _name, value: shown(value))
    merged, differ = reapply(original, mine, theirs)
    if not differ:
        return None  # they saved what was typed here too
    line = tr("• {field}: yours “{mine}”, theirs “{theirs}”")
    lines = "\n".join(line.format(field=tr(labels.get(n, n)), mine=word(n, value_of(mine, n)),
                                  theirs=word(n, value_of(theirs, n))) for n in differ)
    saved = _who_and_when(saved_by, saved_at, (
        tr("{record} was saved by {person} at {time} on {day}, after you opened it."),
        tr("{record} was saved by {person}, after you opened it."),
        tr("{record} was saved by someone else at {time} on {day}, after you opened it."),
        tr("{record} was saved by someone else, after you opened it.")), record=name)
    differ_text = tr("Where your edit and theirs differ:")
    on_top = tr("Saving yours on top keeps the rest of their changes.")
    keep_mine, keep_theirs = tr(MINE), tr(THEIRS)
    answer = ask.choose(parent, tr("Changed by someone else"),
                        f"{saved}\n\n{differ_text}\n{lines}\n\n{on_top}",
                        [keep_mine, keep_theirs], default=1)
    return merged if answer == keep_mine else None


def showing_theirs(saved_by: str, saved_at: dt.datetime | None) -> str:
    """The line an editor shows after loading their version in place of the edit."""
    return _who_and_when(saved_by, saved_at, (
        tr("Showing the version {person} saved at {time} on {day}; your edit was not saved. "
           "Change it again here if you still need to."),
        tr("Showing the version {person} saved; your edit was not saved. Change it again here "
           "if you still need to."),
        tr("Showing the version someone else saved at {time} on {day}; your edit was not "
           "saved. Change it again here if you still need to."),
        tr("Showing the version someone else saved; your edit was not saved. Change it again "
           "here if you still need to.")))


def _who_and_when(saved_by: str, saved_at: dt.datetime | None,
                  texts: tuple[str, str, str, str], **more: str) -> str:
    """The one of ``texts`` (named and timed, named, timed, neither) that fits, filled in."""
    named_timed, named, timed, neither = texts
    if saved_at is None:
        return (named if saved_by else neither).format(person=saved_by, **more)
    return (named_timed if saved_by else timed).format(
        person=saved_by, time=time_text(saved_at), day=day_month(saved_at.astimezone()), **more)
