"""Engagement use cases: contracts, their status path and ratings (schedules and payments
live in desktop.store.payments, the log in desktop.store.communication).

Everything returned is a plain object. Each function is one short transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.engagement import (
    OPEN,
    EngagementData,
    check_move,
    contract_value,
    last_notice_date,
)
from desktop.core.enums import (
    BillingPeriod,
    Channel,
    CheckInCadence,
    DataAccess,
    EngagementStatus,
    NoticeUnit,
    PricingModel,
)
from desktop.core.i18n import _
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store import versions
from desktop.store.db import Store
from desktop.store.models import (
    Activity,
    Contractor,
    Engagement,
    Installment,
    Rating,
)
from desktop.store.payments import OPEN_INSTALLMENT
from desktop.store.versions import refuse_stale, touch

_DATA_FIELDS = [f.name for f in fields(EngagementData)]


@dataclass(frozen=True)
class EngagementRecord:
    id: int
    version: int
    status: EngagementStatus
    data: EngagementData
    contractor_name: str
    signed_on: dt.date | None
    signed_by: str
    ended_on: dt.date | None
    end_reason: str
    is_demo: bool
    updated_at: dt.datetime | None = None
    changed_by: str = ""  # who saved it (or its schedule, payments, log…) last


@dataclass(frozen=True)
class EngagementRow:
    """One line of the engagements list."""

    id: int
    contractor_id: int
    contractor_name: str
    title: str
    status: str
    value_minor: int | None
    currency: str
    start_on: dt.date | None
    end_on: dt.date | None
    next_due_on: dt.date | None
    is_demo: bool


# --- engagements -------------------------------------------------------------------------
def create(store: Store, data: EngagementData, *, is_demo: bool = False,
           activity_id: int | None = None) -> EngagementRecord:
    """A new draft; ``activity_id`` names the planner activity it takes on."""
    with store.transaction() as session:
        _contractor(session, data.contractor_id)
        if activity_id is not None and session.get(Activity, activity_id) is None:
            raise versions.gone("activity", activity_id)
        obj = Engagement(status=EngagementStatus.DRAFT.value, is_demo=is_demo,
                         activity_id=activity_id)
        _apply(obj, data)
        session.add(obj)
        session.flush()
        return _record(session, obj)


def get(store: Store, engagement_id: int) -> EngagementRecord:
    with store.reading() as session:
        return _record(session, _load(session, engagement_id))


def update(store: Store, engagement_id: int, data: EngagementData,
           expected_version: int) -> EngagementRecord:
    try:
        with store.transaction() as session:
            obj = _load(session, engagement_id, expected_version)
            if obj.status not in (s.value for s in OPEN):
                raise ConflictError(_("a closed engagement cannot be edited"))
            if data.contractor_id != obj.contractor_id:
                _contractor(session, data.contractor_id)
            _apply(obj, data)
            session.flush()
            return _record(session, obj)
    except StaleDataError:
        raise _changed(engagement_id) from None


def move(store: Store, engagement_id: int, new_status: EngagementStatus | str,
         expected_version: int, *, on: dt.date, by: str = "", reason: str = "") -> EngagementRecord:
    """Move along the status path; signing records when and by whom, ending records why."""
    with store.transaction() as session:
        return move_in(session, engagement_id, new_status, expected_version, on=on, by=by,
                       reason=reason)


def move_in(session: Session, engagement_id: int, new_status: EngagementStatus | str,
            expected_version: int, *, on: dt.date, by: str = "",
            reason: str = "") -> EngagementRecord:
    """``move`` inside a transaction the caller holds (signing freezes its review in it too)."""
    new_status = EngagementStatus(new_status)
    obj = _load(session, engagement_id, expected_version)
    try:
        check_move(obj.status, new_status)
    except ValueError as exc:
        raise ValidationError([FieldError("status", str(exc))]) from None
    obj.status = new_status.value
    if new_status is EngagementStatus.SIGNED:
        obj.signed_on, obj.signed_by = on, by.strip()
    if new_status in (EngagementStatus.COMPLETED, EngagementStatus.TERMINATED,
                      EngagementStatus.CANCELLED):
        obj.ended_on, obj.end_reason = on, reason.strip()
    try:
        session.flush()
    except StaleDataError:
        raise _changed(engagement_id) from None
    return _record(session, obj)


def list_rows(store: Store, *, status: str | None = None,
              contractor_id: int | None = None) -> list[EngagementRow]:
    next_due = (select(Installment.engagement_id, func.min(Installment.due_on).label("due"))
                .where(Installment.status.in_(OPEN_INSTALLMENT))
                .group_by(Installment.engagement_id).subquery())
    query = (select(Engagement, Contractor.display_name, next_due.c.due)
             .join(Contractor, Contractor.id == Engagement.contractor_id)
             .outerjoin(next_due, next_due.c.engagement_id == Engagement.id)
             .order_by(Engagement.start_on.desc().nulls_last(), Engagement.id.desc()))
    if status:
        query = query.where(Engagement.status == status)
    if contractor_id is not None:
        query = query.where(Engagement.contractor_id == contractor_id)
    with store.reading() as session:
        rows = []
        for obj, name, due in session.execute(query):
            data = _data(obj)
            rows.append(EngagementRow(obj.id, obj.contractor_id, name, obj.title, obj.status,
                                      _value(data), obj.currency, obj.start_on, obj.end_on,
                                      due, obj.is_demo))
        return rows


# --- ratings -------------------------------------------------------------------------------
@dataclass(frozen=True)
class RatingData:
    quality: int
    timeliness: int
    communication: int
    value: int
    would_rehire: bool
    comment: str = ""

    @property
    def average(self) -> float:
        return (self.quality + self.timeliness + self.communication + self.value) / 4


def rate(store: Store, engagement_id: int, rating: RatingData, rated_on: dt.date,
         expected_version: int | None = None) -> None:
    """Rate a finished engagement (again, if it was rated before) as it was at
    ``expected_version``; the rating is part of the engagement, whose version moves with it."""
    bad = [FieldError(name, _("must be from 1 to 5")) for name in
           ("quality", "timeliness", "communication", "value")
           if not 1 <= getattr(rating, name) <= 5]
    if bad:
        raise ValidationError(bad)
    with refuse_stale("engagement", engagement_id), store.transaction() as session:
        obj = _load(session, engagement_id, expected_version)
        touch(obj)
        if obj.status not in (EngagementStatus.COMPLETED.value, EngagementStatus.TERMINATED.value):
            raise ValidationError([FieldError("status", _("only a completed or terminated "
                                                          "engagement can be rated"))])
        row = session.scalar(select(Rating).where(Rating.engagement_id == engagement_id))
        if row is None:
            row = Rating(engagement_id=engagement_id)
            session.add(row)
        for name in ("quality", "timeliness", "communication", "value", "would_rehire", "comment"):
            setattr(row, name, getattr(rating, name))
        row.rated_on = rated_on


# --- helpers -------------------------------------------------------------------------------
def _contractor(session: Session, contractor_id: int) -> Contractor:
    obj = session.get(Contractor, contractor_id)
    if obj is None:
        raise ValidationError([FieldError("contractor_id", _("contractor {id} does not exist")
                                          .format(id=contractor_id))])
    return obj


def _load(session: Session, engagement_id: int, expected_version: int | None = None) -> Engagement:
    obj = session.get(Engagement, engagement_id)
    if obj is None:
        raise versions.gone("engagement", engagement_id)
    if expected_version is not None and obj.version != expected_version:
        raise versions.changed("engagement", engagement_id, obj)
    return obj


def _changed(engagement_id: int) -> ConflictError:
    return versions.changed("engagement", engagement_id)


def _apply(obj: Engagement, data: EngagementData) -> None:
    for name in _DATA_FIELDS:
        value = getattr(data, name)
        if name in ("pricing_model", "data_access", "billing_period", "comm_channel",
                    "comm_cadence", "notice_unit"):
            value = "" if value is None else str(value)
        if getattr(obj, name, None) != value:
            setattr(obj, name, value)
    notice_by = last_notice_date(data.end_on, data.notice_period, data.notice_unit)
    if obj.notice_by != notice_by:
        obj.notice_by = notice_by
    since = obj.last_contact_on or data.start_on
    if obj.check_in_since != since:
        obj.check_in_since = since


def _data(obj: Engagement) -> EngagementData:
    values = {name: getattr(obj, name) for name in _DATA_FIELDS}
    values["pricing_model"] = PricingModel(obj.pricing_model)
    values["data_access"] = DataAccess(obj.data_access)
    values["notice_unit"] = NoticeUnit(obj.notice_unit or "days")
    values["billing_period"] = BillingPeriod(obj.billing_period) if obj.billing_period else None
    values["comm_channel"] = Channel(obj.comm_channel) if obj.comm_channel else None
    values["comm_cadence"] = CheckInCadence(obj.comm_cadence) if obj.comm_cadence else None
    return EngagementData(**values)


def _value(data: EngagementData) -> int | None:
    try:
        return contract_value(data)
    except ValidationError:
        return None


def _record(session: Session, obj: Engagement, name: str | None = None) -> EngagementRecord:
    """``name``: the contractor's display name when the caller has read it already."""
    if name is None:
        name = session.scalar(select(Contractor.display_name)
                              .where(Contractor.id == obj.contractor_id))
    return EngagementRecord(obj.id, obj.version, EngagementStatus(obj.status), _data(obj),
                            name or "", obj.signed_on, obj.signed_by, obj.ended_on,
                            obj.end_reason, obj.is_demo, obj.updated_at, obj.changed_by)
