"""Contractor use cases over the store. Everything returned is a plain object, never an ORM row."""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, DateTime, case, delete, func, select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.bulk import collector_paused, tidy_new_objects
from desktop.core.contractor import ContractorData
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.validation import Cancelled, ConflictError
from desktop.store import versions
from desktop.store.db import Store
from desktop.store.models import Contractor, ContractorTag, RateChange, Tag
from desktop.store.models.base import utcnow
from desktop.store.versions import touch


class ContractorRow(NamedTuple):
    """What the roster table shows for one contractor (a tuple: 100,000 of them load fast)."""

    id: int
    display_name: str
    company: str
    email: str
    phone: str
    country: str
    status: str
    rate_minor: int | None
    rate_unit: str
    currency: str
    tax_form: str
    tags: tuple[str, ...]
    notes: str
    is_demo: bool
    archived: bool
    updated_at: dt.datetime
    version: int
    # The sort keys stored with the row (desktop.core.collation.name_key of each text): the
    # table sorts by these, as the store's ORDER_BY does, so both give one order.
    name_key: bytes
    company_key: bytes
    email_key: bytes


@dataclass(frozen=True)
class ContractorRecord:
    """One contractor in full, with the bookkeeping an editor needs."""

    id: int
    version: int
    data: ContractorData
    is_demo: bool
    created_at: dt.datetime
    updated_at: dt.datetime
    archived_at: dt.datetime | None
    changed_by: str = ""  # who saved it last


_ROW_COLUMNS = (
    Contractor.id, Contractor.display_name, Contractor.company, Contractor.email,
    Contractor.phone, Contractor.country, Contractor.status, Contractor.rate_minor,
    Contractor.rate_unit, Contractor.currency, Contractor.tax_form, Contractor.notes,
    Contractor.is_demo, Contractor.archived_at.is_not(None),
    # The plain type skips UtcDateTime's per-value Python hook, which doubles a full load.
    type_coerce(Contractor.updated_at, DateTime), Contractor.version,
    Contractor.name_key, Contractor.company_key, Contractor.email_key,
)
_BATCH = 5000  # rows read and tidied at a time in a full load
_STATUS_RANK = {s.value: i for i, s in enumerate(ContractorStatus)}
_FIRST_TAG = (select(func.min(Tag.name)).join(ContractorTag)
              .where(ContractorTag.contractor_id == Contractor.id).scalar_subquery())
# Sort keys by name, matching the table's columns (desktop.ui.roster_model.sort_key); ties fall
# back to the name, then the id. Texts sort by their stored collation keys, never by SQL's own
# text collation, so SQLite, PostgreSQL and Python give one order.
ORDER_BY: dict[str, tuple[ColumnElement[Any], ...]] = {
    "name": (Contractor.name_key,),
    "company": (Contractor.company_key,),
    "status": (case(_STATUS_RANK, value=Contractor.status, else_=99),),
    "tags": (func.coalesce(_FIRST_TAG, ""),),
    "rate": (Contractor.rate_minor.is_(None), Contractor.currency, Contractor.rate_minor),
    "country": (Contractor.country,),
    "email": (Contractor.email_key,),
    "phone": (Contractor.phone,),
    "tax_form": (Contractor.tax_form,),
    "updated": (Contractor.updated_at,),
}


def list_rows(store: Store, ids: Iterable[int] | None = None, *, order: str = "name",
              descending: bool = False, limit: int | None = None,
              include_archived: bool = True,
              stop: threading.Event | None = None) -> list[ContractorRow]:
    """Contractors for the roster: all of them (in no particular order), some ``ids``, or the
    first ``limit`` in ``order`` (so a window can paint its first screen before the rest).
    Setting ``stop`` ends a long read between batches with Cancelled."""
    query = select(*_ROW_COLUMNS)
    links = select(ContractorTag.contractor_id, Tag.name).join(Tag)
    if not include_archived:
        query = query.where(Contractor.archived_at.is_(None))
    if ids is not None:
        wanted = list(ids)
        query = query.where(Contractor.id.in_(wanted))
        links = links.where(ContractorTag.contractor_id.in_(wanted))
    if limit is not None:
        ties = (Contractor.id,) if order == "name" else (Contractor.name_key, Contractor.id)
        keys = [*ORDER_BY[order], *ties]
        query = query.order_by(*(k.desc() if descending else k for k in keys)).limit(limit)
    # Plain Core rows: the ORM's loading machinery would add a third to a full load. Read in
    # batches, each tidied as it is made, so no long collection pass stalls the window later.
    with store.engine.connect() as conn, collector_paused():
        batches: Iterable[Sequence[Any]] = ()
        if limit is not None:
            first = conn.execute(query).all()
            batches = [first]
            links = links.where(ContractorTag.contractor_id.in_([r[0] for r in first]))
        tags: defaultdict[int, list[str]] = defaultdict(list)
        for batch in conn.execute(links).partitions(_BATCH):
            for contractor_id, name in batch:
                tags[contractor_id].append(name)
            tidy_new_objects()
        if limit is None:
            batches = conn.execute(query).partitions(_BATCH)
        no_tags: tuple[str, ...] = ()
        utc = dt.UTC
        make = ContractorRow._make
        out: list[ContractorRow] = []
        for batch in batches:
            if stop is not None and stop.is_set():
                raise Cancelled
            out += [make((r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                          tuple(sorted(tags[r[0]])) if r[0] in tags else no_tags,
                          r[11], r[12], r[13], r[14].replace(tzinfo=utc), r[15], r[16], r[17],
                          r[18]))
                    for r in batch]
            tidy_new_objects()
        return out


def get_row(store: Store, contractor_id: int) -> ContractorRow:
    rows = list_rows(store, [contractor_id])
    if not rows:
        raise versions.gone("contractor", contractor_id)
    return rows[0]


def get(store: Store, contractor_id: int) -> ContractorRecord:
    with store.reading() as session:
        return _record(_load(session, contractor_id))


def used_tags(store: Store) -> list[str]:
    """Tags that at least one contractor carries, alphabetically."""
    query = select(Tag.name).where(Tag.id.in_(select(ContractorTag.tag_id))).order_by(Tag.name)
    with store.reading() as session:
        return list(session.scalars(query))


def count(store: Store, *, include_archived: bool = False, demo: bool | None = None) -> int:
    query = select(func.count()).select_from(Contractor)
    if not include_archived:
        query = query.where(Contractor.archived_at.is_(None))
    if demo is not None:
        query = query.where(Contractor.is_demo.is_(demo))
    with store.reading() as session:
        return session.scalar(query) or 0


def any_on_roster(store: Store) -> bool:
    """Whether anyone is on the roster (not archived): stops at the first, where a count
    would read every row."""
    query = select(Contractor.id).where(Contractor.archived_at.is_(None)).limit(1)
    with store.reading() as session:
        return session.scalar(query) is not None


def create(store: Store, data: ContractorData, *, is_demo: bool = False) -> ContractorRecord:
    return create_many(store, [data], is_demo=is_demo)[0]


def create_many(store: Store, items: Sequence[ContractorData], *,
                is_demo: bool = False) -> list[ContractorRecord]:
    """Add contractors in one transaction: all of them or none."""
    with store.transaction() as session:
        tags = _tags_by_name(session, {t for d in items for t in d.tags})
        objs = []
        for data in items:
            obj = Contractor(is_demo=is_demo)
            _apply(obj, data, tags)
            session.add(obj)
            objs.append(obj)
        session.flush()
        return [_record(o) for o in objs]


def update(store: Store, contractor_id: int, data: ContractorData,
           expected_version: int) -> ContractorRecord:
    """Save an edit made to version ``expected_version``; refuse if it changed meanwhile."""
    try:
        with store.transaction() as session:
            obj = _load(session, contractor_id, expected_version)
            _apply(obj, data, _tags_by_name(session, set(data.tags)))
            session.flush()
            return _record(obj)
    except StaleDataError:
        raise _changed(contractor_id) from None


def activate_prospect(store: Store, contractor_id: int) -> bool:
    """A prospect with signed work is an active contractor; returns whether one was made so."""
    with store.transaction() as session:
        obj = session.get(Contractor, contractor_id)
        if obj is None or obj.status != ContractorStatus.PROSPECT.value:
            return False
        obj.status = ContractorStatus.ACTIVE.value
        session.flush()
        return True


def set_archived(store: Store, contractor_id: int, archived: bool, expected_version: int,
                 reason: str = "") -> ContractorRecord:
    return set_archived_many(store, {contractor_id: expected_version}, archived,
                             {contractor_id: reason})[0]


def set_archived_many(store: Store, versions: Mapping[int, int], archived: bool,
                      reasons: Mapping[int, str]) -> list[ContractorRecord]:
    """Archive (or restore) each contractor at its expected version, in one transaction: if
    any changed meanwhile, none is touched."""
    current = None
    try:
        with store.transaction() as session:
            objs = []
            for current, version in versions.items():
                obj = _load(session, current, version)
                obj.archived_at = utcnow() if archived else None
                obj.archive_reason = reasons.get(current, "").strip() if archived else ""
                objs.append(obj)
            session.flush()
            return [_record(o) for o in objs]
    except StaleDataError:
        raise _changed(current or 0) from None


def delete_demo(store: Store) -> int:
    """Remove every demo contractor for good, with their engagements and payments; returns how
    many contractors went."""
    from desktop.store.models import Engagement, Payment

    with store.transaction() as session:
        ids = select(Contractor.id).where(Contractor.is_demo.is_(True))
        session.execute(delete(Payment).where(Payment.contractor_id.in_(ids)))
        session.execute(delete(Engagement).where(Engagement.contractor_id.in_(ids)))
        result = session.execute(delete(Contractor).where(Contractor.id.in_(ids)))
        session.execute(delete(Tag).where(Tag.id.not_in(select(ContractorTag.tag_id))))
        return result.rowcount or 0


def _load(session: Session, contractor_id: int, expected_version: int | None = None) -> Contractor:
    obj = session.get(Contractor, contractor_id)
    if obj is None:
        raise versions.gone("contractor", contractor_id)
    if expected_version is not None and obj.version != expected_version:
        raise versions.changed("contractor", contractor_id, obj)
    return obj


def _changed(contractor_id: int) -> ConflictError:
    return versions.changed("contractor", contractor_id)


def _tags_by_name(session: Session, names: set[str]) -> dict[str, Tag]:
    found = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))} if names else {}
    for name in names - found.keys():
        found[name] = Tag(name=name)
        session.add(found[name])
    return found


def _apply(obj: Contractor, data: ContractorData, tags: dict[str, Tag]) -> None:
    """Every write path's way in (the editor's, the import's merges): tags and rate history
    live in tables of their own, so a change there touches the contractor's version too."""
    if (obj.rate_minor, obj.rate_unit, obj.currency) != (
            data.rate_minor, str(data.rate_unit), data.currency) and data.rate_minor is not None:
        obj.rate_history.append(RateChange(
            changed_on=dt.date.today(), rate_minor=data.rate_minor,
            rate_unit=str(data.rate_unit), currency=data.currency))
        touch(obj)
    for name in ("display_name", "legal_name", "company", "email", "phone", "website", "address",
                 "country", "timezone", "tax_id", "tax_form_on", "rate_minor", "currency",
                 "identity_verified_on", "notes"):
        value = getattr(data, name)
        if getattr(obj, name, None) != value:
            setattr(obj, name, value)
    for name in ("kind", "tax_form", "rate_unit", "preferred_channel", "status", "source"):
        value = str(getattr(data, name))
        if getattr(obj, name, None) != value:
            setattr(obj, name, value)
    wanted = [tags[t] for t in data.tags]
    if [t.name for t in obj.tags] != [t.name for t in wanted]:
        obj.tags = wanted
        touch(obj)


def _record(obj: Contractor) -> ContractorRecord:
    data = ContractorData(
        display_name=obj.display_name, legal_name=obj.legal_name,
        kind=ContractorKind(obj.kind), company=obj.company, email=obj.email, phone=obj.phone,
        website=obj.website, address=obj.address, country=obj.country, timezone=obj.timezone,
        tax_id=obj.tax_id, tax_form=TaxForm(obj.tax_form), tax_form_on=obj.tax_form_on,
        rate_minor=obj.rate_minor, rate_unit=RateUnit(obj.rate_unit), currency=obj.currency,
        tags=tuple(sorted(t.name for t in obj.tags)),
        preferred_channel=Channel(obj.preferred_channel), status=ContractorStatus(obj.status),
        source=Source(obj.source), identity_verified_on=obj.identity_verified_on, notes=obj.notes,
    )
    return ContractorRecord(obj.id, obj.version, data, obj.is_demo, obj.created_at,
                            obj.updated_at, obj.archived_at, obj.changed_by)


@dataclass(frozen=True)
class RateEntry:
    changed_on: dt.date
    rate_minor: int | None
    rate_unit: str
    currency: str


def rate_history(store: Store, contractor_id: int) -> list[RateEntry]:
    """Every default rate the contractor has had, oldest first."""
    query = (select(RateChange.changed_on, RateChange.rate_minor, RateChange.rate_unit,
                    RateChange.currency)
             .where(RateChange.contractor_id == contractor_id)
             .order_by(RateChange.changed_on, RateChange.id))
    with store.reading() as session:
        return [RateEntry(*row) for row in session.execute(query)]
