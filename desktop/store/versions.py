"""Optimistic locking shared by the store modules.

Every editable record carries a version (``models.base.Tracked``) that SQLAlchemy bumps on each
UPDATE of its row, checking the one read in that UPDATE's WHERE. A write takes the version its
editor started from; a change to a record's children (tags, installments, the exit plan…)
touches the record too, so its version moves and an editor still holding the old one is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.validation import ConflictError
from desktop.store.models.base import Tracked, utcnow

T = TypeVar("T", bound=Tracked)


def load(session: Session, model: type[T], record_id: int, expected_version: int | None,
         noun: str) -> T:
    """The record, refused when it is gone or no longer at ``expected_version`` (None: a
    one-shot write, such as the demo data's, that showed nothing to anyone first)."""
    obj = session.get(model, record_id)
    if obj is None:
        raise ConflictError(f"{noun} {record_id} no longer exists")
    if expected_version is not None and obj.version != expected_version:
        raise changed(noun, record_id, obj)
    return obj


def touch(obj: Tracked) -> None:
    """Mark a record changed when only its children changed: the UPDATE this forces bumps its
    version (and checks the one read, in the same transaction as the children's write)."""
    if inspect(obj).persistent:
        obj.updated_at = utcnow()
        # Even a clock that has not ticked since the last write must force the UPDATE.
        flag_modified(obj, "updated_at")


def changed(noun: str, record_id: int, now: Tracked | None = None) -> ConflictError:
    """The refusal of a stale save, saying who saved the record since, and when, if known."""
    who = ""
    if now is not None and now.updated_at is not None:
        by = f" by {now.changed_by}" if now.changed_by else ""
        who = f"{by} at {now.updated_at.astimezone():%H:%M on %d %b}"
    return ConflictError(f"{noun} {record_id} was changed elsewhere{who} after you opened it; "
                         "reload it and make your change again")


@contextmanager
def refuse_stale(noun: str, record_id: int) -> Iterator[None]:
    """A change made elsewhere between the read and the write (found by the UPDATE's version
    check) is refused like one found on reading."""
    try:
        yield
    except StaleDataError:
        raise changed(noun, record_id) from None
