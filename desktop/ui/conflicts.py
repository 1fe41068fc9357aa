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

T = TypeVar("T")
MINE = "Save mine on top of theirs"
THEIRS = "Keep theirs"


def mine_on_top(parent: QWidget | None, name: str, saved_by: str, saved_at: dt.datetime | None,
                original: T, mine: T, theirs: T, labels: dict[str, str],
                show: Callable[[str, Any], str] | None = None) -> T | None:
    """The record to save (mine on top of theirs), or None to keep theirs as it is. Records
    are dataclasses or flat mappings (see ``reapply``); ``show(field, value)`` words a value
    where plain ``shown`` would not (money in minor units, say)."""
    word = show or (lambda _name, value: shown(value))
    merged, differ = reapply(original, mine, theirs)
    if not differ:
        return None  # they saved what was typed here too
    lines = "\n".join(f"• {labels.get(n, n)}: yours “{word(n, value_of(mine, n))}”, theirs "
                      f"“{word(n, value_of(theirs, n))}”" for n in differ)
    when = (f" at {time_text(saved_at)} on {day_month(saved_at.astimezone())}"
            if saved_at is not None else "")
    answer = ask.choose(
        parent, "Changed by someone else",
        f"{name} was saved by {saved_by or 'someone else'}{when}, after you opened it.\n\n"
        f"Where your edit and theirs differ:\n{lines}\n\nSaving yours on top keeps the rest "
        "of their changes.", [MINE, THEIRS], default=1)
    return merged if answer == MINE else None


def showing_theirs(saved_by: str, saved_at: dt.datetime | None) -> str:
    """The line an editor shows after loading their version in place of the edit."""
    when = (f" at {time_text(saved_at)} on {day_month(saved_at.astimezone())}"
            if saved_at is not None else "")
    return (f"Showing the version {saved_by or 'someone else'} saved{when}; your edit was not "
            "saved. Change it again here if you still need to.")
