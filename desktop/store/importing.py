"""Writing an import: every new and merged contractor in one transaction, or none of them.

New contractors go in as batched Core inserts (an ORM object per row would triple the time of a
large import); merges into existing contractors go through the ORM so their version checks and
rate history behave exactly as an edit in the window does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from desktop.core.collation import name_key
from desktop.core.contractor import ContractorData, merge_contractor
from desktop.core.validation import Cancelled
from desktop.store.contractors import _apply, _load, _record, _tags_by_name
from desktop.store.db import Store
from desktop.store.models import Contractor
from desktop.store.models.base import utcnow

BATCH = 1000
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True)
class NewContractor:
    data: ContractorData
    archived_on: dt.date | None = None
    archive_reason: str = ""

    def values(self, stamp: object, bind_date: Callable[[object], object],
               bind_stamp: Callable[[object], object]) -> tuple[object, ...]:
        """The contractor row in _COLUMNS order, as SQLAlchemy would bind it; ``stamp`` is
        the import's time, already bound."""
        data = self.data
        archived = (None if self.archived_on is None else
                    bind_stamp(dt.datetime.combine(self.archived_on, dt.time(12), dt.UTC)))
        return (data.display_name, data.legal_name, str(data.kind), data.company, data.email,
                data.phone, data.website, data.address, data.country, data.timezone, data.tax_id,
                str(data.tax_form), _maybe(bind_date, data.tax_form_on), data.rate_minor,
                str(data.rate_unit), data.currency, str(data.preferred_channel), str(data.status),
                str(data.source), _maybe(bind_date, data.identity_verified_on), data.notes, 0,
                archived, self.archive_reason if archived else "", stamp, stamp, 1,
                name_key(data.display_name), name_key(data.company), name_key(data.email))


def _maybe(bind: Callable[[object], object], value: object) -> object:
    return None if value is None else bind(value)


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int


def emails(store: Store) -> dict[str, tuple[int, str]]:
    """Every roster email, trimmed and case-folded, with the contractor it belongs to."""
    query = (select(Contractor.email, Contractor.id, Contractor.display_name)
             .where(Contractor.email != "").order_by(Contractor.id))
    with store.engine.connect() as conn:
        found: dict[str, tuple[int, str]] = {}
        for email, contractor_id, name in conn.execute(query):
            found.setdefault(email.strip().casefold(), (contractor_id, name))
        return found


def import_contractors(store: Store, new: Sequence[NewContractor],
                       merges: Sequence[tuple[int, ContractorData]] = (),
                       progress: Progress | None = None) -> ImportResult:
    """Add ``new`` and merge each ``(contractor id, data)`` into its contractor. Raises
    Cancelled (and writes nothing) when ``progress`` returns False."""
    total = len(new) + len(merges)
    now = utcnow()
    with store.transaction("importing contractors") as session:
        tags = _tags_by_name(session, {t for item in new for t in item.data.tags})
        session.flush()
        connection = session.connection()
        bind_date, bind_stamp = _processor(connection, "tax_form_on"), _processor(connection, "created_at")
        stamp, day = bind_stamp(now), bind_date(dt.date.today())
        for start in range(0, len(new), BATCH):
            batch = new[start:start + BATCH]
            ids = _insert_contractors(connection, [item.values(stamp, bind_date, bind_stamp)
                                                   for item in batch])
            links = [(cid, tags[t].id) for cid, item in zip(ids, batch, strict=True)
                     for t in item.data.tags]
            if links:
                connection.exec_driver_sql(
                    "INSERT INTO contractor_tag (contractor_id, tag_id) VALUES (?, ?)", links)
            # Each new rate starts its history, as a rate set in the editor does.
            connection.exec_driver_sql(
                "INSERT INTO rate_change (contractor_id, changed_on, rate_minor, rate_unit, "
                "currency, recorded_at) SELECT id, ?, rate_minor, rate_unit, currency, ? "
                "FROM contractor WHERE id BETWEEN ? AND ? AND rate_minor IS NOT NULL",
                (day, stamp, ids[0], ids[-1]))
            _report(progress, start + len(batch), total)
        for done, (contractor_id, data) in enumerate(merges, start=len(new) + 1):
            obj = _load(session, contractor_id)
            merged = merge_contractor(_record(obj).data, data)
            _apply(obj, merged, _tags_by_name(session, set(merged.tags)))
            if done % BATCH == 0:
                _report(progress, done, total)
        session.flush()
        _report(progress, total, total)
    return ImportResult(len(new), len(merges))


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled("the import was cancelled; nothing was added")


_COLUMNS = ("display_name", "legal_name", "kind", "company", "email", "phone", "website",
            "address", "country", "timezone", "tax_id", "tax_form", "tax_form_on", "rate_minor",
            "rate_unit", "currency", "preferred_channel", "status", "source",
            "identity_verified_on", "notes", "is_demo", "archived_at", "archive_reason",
            "created_at", "updated_at", "version",
            # The roster's sort keys: this raw insert bypasses the model, which keeps them.
            "name_key", "company_key", "email_key")


def _processor(connection: Connection, column: str) -> Callable[[object], object]:
    """How SQLAlchemy binds a value of this column's type (so the raw inserts store the same)."""
    process = Contractor.__table__.c[column].type._cached_bind_processor(connection.dialect)
    return process or (lambda value: value)


_INSERT = (f"INSERT INTO contractor ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(_COLUMNS))})")


def _insert_contractors(connection: Connection, rows: list[tuple[object, ...]]) -> range:
    """One executemany; SQLite numbers the rows on from the highest id, in order."""
    highest = connection.execute(select(func.max(Contractor.id))).scalar() or 0
    connection.exec_driver_sql(_INSERT, rows)  # type: ignore[arg-type]
    ids = range(highest + 1, highest + 1 + len(rows))
    if connection.execute(select(func.max(Contractor.id))).scalar() != ids[-1]:
        raise RuntimeError("contractor ids were not given out in order")  # rolls it all back
    return ids
