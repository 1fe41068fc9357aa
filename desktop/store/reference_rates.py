"""Reference rates (ECB, Bank of England) that late-payment interest starts from, read from and
saved to their table as plain core objects. A series has one rate per date."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.i18n import _
from desktop.core.late_payment import ReferenceRate
from desktop.core.validation import ConflictError, FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.models import ReferenceRate as ReferenceRateRow

_FIELDS = [f.name for f in fields(ReferenceRate)]


@dataclass(frozen=True)
class RateRecord:
    id: int
    version: int
    rate: ReferenceRate


def reference_rates(store: Store) -> list[ReferenceRate]:
    return [r.rate for r in rate_records(store)]


def rate_records(store: Store) -> list[RateRecord]:
    """Each series together, newest rate first."""
    with store.reading() as session:
        return _records_in(session)


def reference_rates_in(session: Session) -> list[ReferenceRate]:
    """``reference_rates`` read in a session already open (one reading for several tables)."""
    return [r.rate for r in _records_in(session)]


def _records_in(session: Session) -> list[RateRecord]:
    query = select(ReferenceRateRow).order_by(ReferenceRateRow.series,
                                              ReferenceRateRow.effective_from.desc())
    return [_record(r) for r in session.scalars(query)]


def add_rate(store: Store, rate: ReferenceRate) -> RateRecord:
    with store.transaction() as session:
        _refuse_twin(session, rate, None)
        row = ReferenceRateRow()
        _apply(row, rate)
        session.add(row)
        session.flush()
        return _record(row)


def update_rate(store: Store, rate_id: int, rate: ReferenceRate,
                expected_version: int) -> RateRecord:
    try:
        with store.transaction() as session:
            row = _load(session, rate_id, expected_version)
            _refuse_twin(session, rate, rate_id)
            _apply(row, rate)
            session.flush()
            return _record(row)
    except StaleDataError:
        raise _changed(rate_id) from None


def delete_rate(store: Store, rate_id: int, expected_version: int) -> None:
    try:
        with store.transaction() as session:
            session.delete(_load(session, rate_id, expected_version))
    except StaleDataError:
        raise _changed(rate_id) from None


def _refuse_twin(session: Session, rate: ReferenceRate, own_id: int | None) -> None:
    twin = session.scalar(select(ReferenceRateRow.id).where(
        ReferenceRateRow.series == rate.series,
        ReferenceRateRow.effective_from == rate.effective_from))
    if twin is not None and twin != own_id:
        # The day as the rates editor takes it.
        raise ValidationError([FieldError(
            "effective_from", _("already has a rate for {series} from {day}: edit that one "
                                "instead").format(series=rate.series,
                                                  day=rate.effective_from.isoformat()))])


def _load(session: Session, rate_id: int, expected_version: int) -> ReferenceRateRow:
    row = session.get(ReferenceRateRow, rate_id)
    if row is None:
        raise ConflictError(_("reference rate {id} no longer exists").format(id=rate_id))
    if row.version != expected_version:
        raise _changed(rate_id)
    return row


def _changed(rate_id: int) -> ConflictError:
    return ConflictError(_("reference rate {id} was changed elsewhere after you opened it; "
                           "reload and make your change again").format(id=rate_id))


def _apply(row: ReferenceRateRow, rate: ReferenceRate) -> None:
    for name in _FIELDS:
        value = getattr(rate, name)
        if getattr(row, name, None) != value:
            setattr(row, name, value)


def _record(row: ReferenceRateRow) -> RateRecord:
    return RateRecord(row.id, row.version, ReferenceRate(*(getattr(row, f) for f in _FIELDS)))
