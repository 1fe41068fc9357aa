"""Each engagement's exit plan, read and saved as plain core objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.enums import DataDisposition
from desktop.core.exit_plan import ExitPlanData
from desktop.core.i18n import _
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.models import Contractor, Engagement, ExitPlan
from desktop.store.versions import gone, touch

_FIELDS = [f.name for f in fields(ExitPlanData)]


@dataclass(frozen=True)
class ExitPlanRecord:
    engagement_id: int
    version: int
    plan: ExitPlanData
    changed_by: str = ""  # who saved it last
    updated_at: dt.datetime | None = None


def get(store: Store, engagement_id: int) -> ExitPlanRecord | None:
    with store.reading() as session:
        return get_in(session, engagement_id)


def get_in(session: Session, engagement_id: int) -> ExitPlanRecord | None:
    """``get`` read in a session already open (one reading for several tables)."""
    row = session.scalar(select(ExitPlan).where(ExitPlan.engagement_id == engagement_id))
    return None if row is None else _record(row)


def save(store: Store, engagement_id: int, plan: ExitPlanData,
         expected_version: int | None) -> ExitPlanRecord:
    """Create the plan (expected_version None) or update the version that was read. The plan
    is part of its engagement, whose version moves with it (a signing relies on it)."""
    try:
        with store.transaction() as session:
            engagement = session.get(Engagement, engagement_id)
            if engagement is None:
                raise gone("engagement", engagement_id)
            if plan.backup_contractor_id is not None and \
                    session.get(Contractor, plan.backup_contractor_id) is None:
                raise ValidationError([FieldError("backup_contractor_id",
                                                  _("is not a contractor"))])
            row = session.scalar(select(ExitPlan).where(ExitPlan.engagement_id == engagement_id))
            if row is None:
                if expected_version is not None:
                    raise ConflictError(_("the exit plan was removed elsewhere"))
                row = ExitPlan(engagement_id=engagement_id)
                session.add(row)
            elif row.version != expected_version:
                raise _changed()
            for name in _FIELDS:
                value = getattr(plan, name)
                if name == "data_disposition":
                    value = "" if value is None else str(value)
                elif name == "access_revocation":
                    value = list(value)
                if getattr(row, name, None) != value:
                    setattr(row, name, value)
            touch(engagement)
            session.flush()
            return _record(row)
    except StaleDataError:
        raise _changed() from None


def _changed() -> ConflictError:
    return ConflictError(_("the exit plan was changed elsewhere; reload it"))


def _record(row: ExitPlan) -> ExitPlanRecord:
    values = {name: getattr(row, name) for name in _FIELDS}
    values["data_disposition"] = (DataDisposition(row.data_disposition)
                                  if row.data_disposition else None)
    values["access_revocation"] = tuple(row.access_revocation or ())
    return ExitPlanRecord(row.engagement_id, row.version, ExitPlanData(**values),
                          row.changed_by, row.updated_at)
