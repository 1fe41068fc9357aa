"""Writing an import: every new and merged contractor in one transaction, or none of them.

New contractors go in as batched Core inserts (an ORM object per row would triple the time of a
large import), on SQLite and PostgreSQL alike; merges into existing contractors go through the ORM so their version checks and
rate history behave exactly as an edit in the window does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Date, Table, func, insert, literal, select

from desktop.core.collation import name_key
from desktop.core.contractor import ContractorData, merge_contractor
from desktop.core.i18n import N_, _
from desktop.core.phone import phone_key
from desktop.core.validation import Cancelled
from desktop.store.contractors import _apply, _load, _record, _tags_by_name
from desktop.store.db import Store
from desktop.store.models import Contractor, ContractorTag, RateChange
from desktop.store.models.base import utcnow
from desktop.store.profile import get_profile

BATCH = 1000
Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


@dataclass(frozen=True)
class NewContractor:
    data: ContractorData
    archived_on: dt.date | None = None
    archive_reason: str = ""

    def row(self, stamp: dt.datetime, user: str) -> dict[str, object]:
        """The contractor row, ``stamp`` being the import's time and ``user`` who runs it."""
        data = self.data
        archived = (None if self.archived_on is None else
                    dt.datetime.combine(self.archived_on, dt.time(12), dt.UTC))
        return {
            "display_name": data.display_name, "legal_name": data.legal_name,
            "kind": str(data.kind), "company": data.company, "email": data.email,
            "phone": data.phone, "website": data.website, "address": data.address,
            "country": data.country, "timezone": data.timezone, "tax_id": data.tax_id,
            "tax_form": str(data.tax_form), "tax_form_on": data.tax_form_on,
            "rate_minor": data.rate_minor, "rate_unit": str(data.rate_unit),
            "currency": data.currency, "preferred_channel": str(data.preferred_channel),
            "status": str(data.status), "source": str(data.source),
            "identity_verified_on": data.identity_verified_on, "notes": data.notes,
            "is_demo": False, "archived_at": archived,
            "archive_reason": self.archive_reason if archived else "",
            "created_at": stamp, "updated_at": stamp, "version": 1, "changed_by": user,
            # The roster's sort keys: this Core insert bypasses the model, which keeps them.
            "name_key": name_key(data.display_name), "company_key": name_key(data.company),
            "email_key": name_key(data.email)}


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int
    # What undoing needs: the new contractors' ids, and each merged contractor as it was
    # before with the version the merge left it at.
    created_ids: tuple[int, ...] = ()
    merged_before: tuple[tuple[int, ContractorData, int], ...] = ()


class KnownContacts(dict[str, tuple[int, str]]):
    """What an import's rows are checked against: each roster email (trimmed, case-folded)
    with the contractor it belongs to; ``phones`` the same by stored phone number, with that
    contractor's email key; ``country`` the business's, for numbers written without one."""

    def __init__(self, emails: dict[str, tuple[int, str]] | None = None,
                 phones: dict[str, tuple[int, str, str]] | None = None, country: str = ""):
        super().__init__(emails or {})
        self.phones = phones or {}
        self.country = country


def emails(store: Store) -> KnownContacts:
    """Every roster email and phone number with the contractor it belongs to. Numbers saved
    before they were normalised are read here as the editor would read them now."""
    country = get_profile(store).profile.country
    query = (select(Contractor.email, Contractor.phone, Contractor.country, Contractor.id,
                    Contractor.display_name)
             .where((Contractor.email != "") | (Contractor.phone != "")).order_by(Contractor.id))
    known = KnownContacts(country=country)
    with store.engine.connect() as conn:
        for email, phone, own_country, contractor_id, name in conn.execute(query):
            email_key = email.strip().casefold()
            if email_key:
                known.setdefault(email_key, (contractor_id, name))
            key = phone_key(phone, own_country or country)
            if key:
                known.phones.setdefault(key, (contractor_id, name, email_key))
    return known


def import_contractors(store: Store, new: Sequence[NewContractor],
                       merges: Sequence[tuple[int, ContractorData]] = (),
                       progress: Progress | None = None) -> ImportResult:
    """Add ``new`` and merge each ``(contractor id, data)`` into its contractor. Raises
    Cancelled (and writes nothing) when ``progress`` returns False."""
    total = len(new) + len(merges)
    now = utcnow()
    created: list[int] = []
    before: list[tuple[int, ContractorData, object]] = []
    # Translators: what Crewbook is busy doing, in “Crewbook is busy {activity} in another…”.
    with store.transaction(N_("importing contractors")) as session:
        tags = _tags_by_name(session, {t for item in new for t in item.data.tags})
        session.flush()
        connection = session.connection()
        today = dt.date.today()
        for start in range(0, len(new), BATCH):
            batch = new[start:start + BATCH]
            ids = _insert_contractors(connection, [item.row(now, store.user) for item in batch])
            created.extend(ids)
            links = [{"contractor_id": cid, "tag_id": tags[t].id}
                     for cid, item in zip(ids, batch, strict=True) for t in item.data.tags]
            if links:
                _executemany(connection, ContractorTag.__table__, links)
            # Each new rate starts its history, as a rate set in the editor does.
            connection.execute(insert(RateChange.__table__).from_select(
                ["contractor_id", "changed_on", "rate_minor", "rate_unit", "currency",
                 "recorded_at"],
                select(Contractor.id, literal(today, Date), Contractor.rate_minor,
                       Contractor.rate_unit, Contractor.currency,
                       literal(now, RateChange.__table__.c.recorded_at.type))
                .where(Contractor.id.in_(ids), Contractor.rate_minor.is_not(None))))
            _report(progress, start + len(batch), total)
        for done, (contractor_id, data) in enumerate(merges, start=len(new) + 1):
            obj = _load(session, contractor_id)
            was = _record(obj).data
            merged = merge_contractor(was, data)
            _apply(obj, merged, _tags_by_name(session, set(merged.tags)))
            before.append((contractor_id, was, obj))
            if done % BATCH == 0:
                _report(progress, done, total)
        session.flush()
        _report(progress, total, total)
        versions = [(cid, was, obj.version) for cid, was, obj in before]  # type: ignore[attr-defined]
    return ImportResult(len(new), len(merges), tuple(created), tuple(versions))


def undo_import(store: Store, result: ImportResult) -> int:
    """Remove exactly the contractors an import added and put the merged ones back as they
    were, in one transaction; refused, changing nothing, when any was changed since (or has
    work recorded with it). Returns how many contractors it touched."""
    from sqlalchemy import delete

    from desktop.core.validation import ConflictError
    from desktop.store.models import Engagement, Tag

    with store.transaction(N_("undoing an import")) as session:
        changed = []
        for cid in result.created_ids:
            obj = session.get(Contractor, cid)
            if obj is None:
                continue
            used = session.scalar(select(Engagement.id).where(Engagement.contractor_id == cid)
                                  .limit(1))
            if obj.version != 1 or used is not None:
                changed.append(obj.display_name)
        for cid, _was, version in result.merged_before:
            obj = session.get(Contractor, cid)
            if obj is not None and obj.version != version:
                changed.append(obj.display_name)
        if changed:
            names = ", ".join(sorted(changed)[:5]) + (" …" if len(changed) > 5 else "")
            raise ConflictError(_("the import cannot be undone: changed since, or with work "
                                  "recorded: {names}").format(names=names))
        ids = list(result.created_ids)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start:start + BATCH]
            session.execute(delete(ContractorTag).where(ContractorTag.contractor_id.in_(chunk)))
            session.execute(delete(RateChange).where(RateChange.contractor_id.in_(chunk)))
            session.execute(delete(Contractor).where(Contractor.id.in_(chunk)))
        session.execute(delete(Tag).where(Tag.id.not_in(select(ContractorTag.tag_id))))
        for cid, was, _version in result.merged_before:
            obj = session.get(Contractor, cid)
            if obj is not None:
                _apply(obj, was, _tags_by_name(session, set(was.tags)))
        session.flush()
    return len(ids) + len(result.merged_before)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled(_("the import was cancelled; nothing was added"))


def _insert_contractors(connection: Connection, rows: list[dict[str, object]]) -> list[int]:
    """One batched insert; the new ids in the order of ``rows``."""
    table = Contractor.__table__
    if connection.dialect.name != "sqlite":  # other writers may take ids in between
        inserted = connection.execute(
            insert(table).returning(Contractor.id, sort_by_parameter_order=True), rows)
        return [row[0] for row in inserted]
    # SQLite: the transaction began holding the only write lock, so the ids follow on from the
    # highest.
    highest = connection.execute(select(func.max(Contractor.id))).scalar() or 0
    _executemany(connection, table, rows)
    return list(range(highest + 1, highest + 1 + len(rows)))


def _executemany(connection: Connection, table: Table, rows: list[dict[str, object]]) -> None:
    """The driver's executemany of SQLAlchemy's own INSERT, values bound as SQLAlchemy binds
    them: its per-row parameter handling would double the time of a large import."""
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(rows[0]))
    order = compiled.positiontup or list(rows[0])
    process = [(n, p) for n, c in enumerate(order)
               if (p := table.c[c].type._cached_bind_processor(connection.dialect)) is not None]
    params: list[tuple[object, ...]] | list[dict[str, object]] = []
    last: dict[int, tuple[object, object]] = {}  # the import's stamp, flags, no date: once
    for row in rows:
        values = [row[c] for c in order]
        for n, bind in process:
            raw = values[n]
            seen = last.get(n)
            if seen is None or seen[0] is not raw:
                last[n] = seen = (raw, bind(raw))
            values[n] = seen[1]
        params.append(tuple(values) if compiled.positiontup else dict(zip(order, values)))  # type: ignore[arg-type]
    connection.exec_driver_sql(compiled.string, params)  # type: ignore[arg-type]
