"""A note of what holds the book's write lock, so a writer that has to wait can say why.

Only long writes (an import, the demo, an upgrade) leave a note; a short write ends before
anyone would read it. A note left by a program that was killed names a process that is gone,
and is ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from desktop.core.i18n import _

NOTE_NAME = "crewbook.busy"


def leave_note(folder: Path, activity: str, where: str) -> str | None:
    """Say that this process is ``activity`` (e.g. N_("importing contractors")) in a ``where``
    ("window" or "command"); returns the note's text for take_note_away, or None if it could
    not be written (a read-only or full disk must not stop the write itself)."""
    text = json.dumps({"activity": activity, "where": where, "pid": os.getpid()})
    try:
        _write(folder / NOTE_NAME, text)
    except OSError:
        return None
    return text


def take_note_away(folder: Path, text: str) -> None:
    with contextlib.suppress(OSError):
        note = folder / NOTE_NAME
        if note.read_text("utf-8") == text:
            note.unlink()


def waiting_message(folder: Path) -> str:
    """What a writer waiting for the lock tells its user."""
    found = _holder(folder)
    if found is None:
        return _("Crewbook is busy saving in another window or command; waiting…")
    activity, where = found
    if where == "window":
        # Translators: {activity} is what the other program is doing: “importing contractors”.
        return _("Crewbook is busy {activity} in another window; waiting…").format(
            activity=activity)
    return _("Crewbook is busy {activity} in another command; waiting…").format(
        activity=activity)


def gave_up_message(folder: Path, seconds: float) -> str:
    """What a writer tells its user when it stopped waiting for the lock."""
    found = _holder(folder)
    shown = f"{seconds:.0f}"
    if found is None:
        return _("Crewbook is busy saving in another window or command and did not finish "
                 "within {seconds} s, so nothing was saved. Try again when it has finished."
                 ).format(seconds=shown)
    activity, where = found
    if where == "window":
        return _("Crewbook is busy {activity} in another window and did not finish within "
                 "{seconds} s, so nothing was saved. Try again when it has finished."
                 ).format(activity=activity, seconds=shown)
    return _("Crewbook is busy {activity} in another command and did not finish within "
             "{seconds} s, so nothing was saved. Try again when it has finished."
             ).format(activity=activity, seconds=shown)


def _holder(folder: Path) -> tuple[str, str] | None:
    """What the note says the lock's holder is doing (in this program's language), and where;
    None without a note from a living process."""
    try:
        note = json.loads((folder / NOTE_NAME).read_text("utf-8"))
        activity, where, pid = str(note["activity"]), str(note["where"]), int(note["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _alive(pid):
        return None
    # The note holds the English words (marked with N_ where the transaction begins).
    return _(activity), where


def _write(note: Path, text: str) -> None:
    partial = note.with_name(f"{note.name}.{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(partial, note)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # no cheap check there; a stale note only words the message
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
