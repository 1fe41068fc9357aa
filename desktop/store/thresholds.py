"""Tax reporting thresholds, read from and saved to their table as plain core objects. Two
rows for the same country and form never cover the same year, so a year has one figure."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.i18n import _
from desktop.core.thresholds import ThresholdData
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.models import ReportingThreshold

_FIELDS = [f.name for f in fields(ThresholdData)]


@dataclass(frozen=True)
class ThresholdRecord:
    id: int
    version: int
    threshold: ThresholdData


def threshold_records(store: Store) -> list[ThresholdRecord]:
    query = select(ReportingThreshold).order_by(
        ReportingThreshold.jurisdiction, ReportingThreshold.form,
        ReportingThreshold.tax_year_from, ReportingThreshold.id)
    with store.reading() as session:
        return [_record(r) for r in session.scalars(query)]


def add_threshold(store: Store, data: ThresholdData) -> ThresholdRecord:
    with store.transaction() as session:
        _refuse_overlap(session, data, None)
        row = ReportingThreshold()
        _apply(row, data)
        session.add(row)
        session.flush()
        return _record(row)


def update_threshold(store: Store, threshold_id: int, data: ThresholdData,
                     expected_version: int) -> ThresholdRecord:
    try:
        with store.transaction() as session:
            row = _load(session, threshold_id, expected_version)
            _refuse_overlap(session, data, threshold_id)
            _apply(row, data)
            session.flush()
            return _record(row)
    except StaleDataError:
        raise _changed(threshold_id) from None


def delete_threshold(store: Store, threshold_id: int, expected_version: int) -> None:
    try:
        with store.transaction() as session:
            session.delete(_load(session, threshold_id, expected_version))
    except StaleDataError:
        raise _changed(threshold_id) from None


def _refuse_overlap(session: Session, data: ThresholdData, own_id: int | None) -> None:
    others = session.scalars(select(ReportingThreshold).where(
        ReportingThreshold.jurisdiction == data.jurisdiction,
        ReportingThreshold.form == data.form))
    for row in others:
        other = _record(row).threshold
        if row.id == own_id:
            continue
        last = data.tax_year_to if data.tax_year_to is not None else 10_000
        other_last = other.tax_year_to if other.tax_year_to is not None else 10_000
        if data.tax_year_from <= other_last and other.tax_year_from <= last:
            raise ValidationError([FieldError(
                "tax_year_from", _("overlaps the {jurisdiction} {form} threshold for {years}: "
                                   "change that one's years first").format(
                                       jurisdiction=data.jurisdiction, form=data.form,
                                       years=other.years()))])


def _load(session: Session, threshold_id: int, expected_version: int) -> ReportingThreshold:
    row = session.get(ReportingThreshold, threshold_id)
    if row is None:
        raise ConflictError(_("threshold {id} no longer exists").format(id=threshold_id))
    if row.version != expected_version:
        raise _changed(threshold_id)
    return row


def _changed(threshold_id: int) -> ConflictError:
    return ConflictError(_("threshold {id} was changed elsewhere after you opened it; reload "
                           "and make your change again").format(id=threshold_id))


def _apply(row: ReportingThreshold, data: ThresholdData) -> None:
    for name in _FIELDS:
        value = getattr(data, name)
        if getattr(row, name, None) != value:
            setattr(row, name, value)


def _record(row: ReportingThreshold) -> ThresholdRecord:
    return ThresholdRecord(row.id, row.version,
                           ThresholdData(*(getattr(row, name) for name in _FIELDS)))
