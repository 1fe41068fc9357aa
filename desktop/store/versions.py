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

from desktop.core.formats import day_month, time_text
from desktop.core.i18n import N_, _
from desktop.core.validation import ConflictError
from desktop.store.models.base import Tracked, utcnow

T = TypeVar("T", bound=Tracked)

# Whole sentences per kind of record: where the noun goes differs between languages.
_GONE = {
    "contractor": N_("contractor {id} no longer exists"),
    "engagement": N_("engagement {id} no longer exists"),
    "installment": N_("installment {id} no longer exists"),
    "payment": N_("payment {id} no longer exists"),
    "activity": N_("activity {id} no longer exists"),
}
# Changed elsewhere: (when nobody is known, by someone at a time, at a time).
_CHANGED = {
    "contractor": (
        N_("contractor {id} was changed elsewhere after you opened it; reload it and make your "
           "change again"),
        N_("contractor {id} was changed elsewhere by {who} at {time} on {day} after you opened "
           "it; reload it and make your change again"),
        N_("contractor {id} was changed elsewhere at {time} on {day} after you opened it; "
           "reload it and make your change again")),
    "engagement": (
        N_("engagement {id} was changed elsewhere after you opened it; reload it and make your "
           "change again"),
        N_("engagement {id} was changed elsewhere by {who} at {time} on {day} after you opened "
           "it; reload it and make your change again"),
        N_("engagement {id} was changed elsewhere at {time} on {day} after you opened it; "
           "reload it and make your change again")),
    "installment": (
        N_("installment {id} was changed elsewhere after you opened it; reload it and make your "
           "change again"),
        N_("installment {id} was changed elsewhere by {who} at {time} on {day} after you opened "
           "it; reload it and make your change again"),
        N_("installment {id} was changed elsewhere at {time} on {day} after you opened it; "
           "reload it and make your change again")),
    "payment": (
        N_("payment {id} was changed elsewhere after you opened it; reload it and make your "
           "change again"),
        N_("payment {id} was changed elsewhere by {who} at {time} on {day} after you opened "
           "it; reload it and make your change again"),
        N_("payment {id} was changed elsewhere at {time} on {day} after you opened it; "
           "reload it and make your change again")),
    "activity": (
        N_("activity {id} was changed elsewhere after you opened it; reload it and make your "
           "change again"),
        N_("activity {id} was changed elsewhere by {who} at {time} on {day} after you opened "
           "it; reload it and make your change again"),
        N_("activity {id} was changed elsewhere at {time} on {day} after you opened it; "
           "reload it and make your change again")),
}


def gone(noun: str, record_id: int) -> ConflictError:
    """The refusal of a write to a record that was deleted meanwhile."""
    return ConflictError(_(_GONE[noun]).format(id=record_id))


def load(session: Session, model: type[T], record_id: int, expected_version: int | None,
         noun: str) -> T:
    """The record, refused when it is gone or no longer at ``expected_version`` (None: a
    one-shot write, such as the demo data's, that showed nothing to anyone first)."""
    obj = session.get(model, record_id)
    if obj is None:
        raise gone(noun, record_id)
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
    unknown, by_whom, at_time = _CHANGED[noun]
    if now is None or now.updated_at is None:
        return ConflictError(_(unknown).format(id=record_id))
    when = now.updated_at.astimezone()
    if now.changed_by:
        return ConflictError(_(by_whom).format(id=record_id, who=now.changed_by,
                                               time=time_text(when), day=day_month(when.date())))
    return ConflictError(_(at_time).format(id=record_id, time=time_text(when),
                                           day=day_month(when.date())))


@contextmanager
def refuse_stale(noun: str, record_id: int) -> Iterator[None]:
    """A change made elsewhere between the read and the write (found by the UPDATE's version
    check) is refused like one found on reading."""
    try:
        yield
    except StaleDataError:
        raise changed(noun, record_id) from None
