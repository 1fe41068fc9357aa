"""Writing an import: every new and merged contractor in one transaction, or none of them.

New contractors go in as batched Core inserts (an ORM object per row would triple the time of a
large import), on SQLite and PostgreSQL alike; merges into existing contractors go through the ORM so their version checks and
rate history behave exactly as an edit in the window does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from sqlalchemy import Connection, Date, Table, func, insert, literal, select

from desktop.core.bulk import collector_paused
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
    with collector_paused(), store.transaction(N_("importing contractors")) as session:
        tags = _tags_by_name(session, {t for item in new for t in item.data.tags})
        session.flush()
        connection = session.connection()
        today = dt.date.today()
        tag_ids = {name: tag.id for name, tag in tags.items()}
        rows = _ContractorRows(connection, now, store.user)
        links = _Insert(connection, ContractorTag.__table__, ("contractor_id", "tag_id"))
        for start in range(0, len(new), BATCH):
            batch = new[start:start + BATCH]
            ids = _insert_contractors(connection, batch, rows)
            created.extend(ids)
            links.run([(cid, tag_ids[t]) for cid, item in zip(ids, batch, strict=True)
                       for t in item.data.tags])
            # Each new rate starts its history, as a rate set in the editor does.
            contiguous = ids and ids[-1] - ids[0] == len(ids) - 1 and ids == sorted(ids)
            connection.execute(insert(RateChange.__table__).from_select(
                ["contractor_id", "changed_on", "rate_minor", "rate_unit", "currency",
                 "recorded_at"],
                select(Contractor.id, literal(today, Date), Contractor.rate_minor,
                       Contractor.rate_unit, Contractor.currency,
                       literal(now, RateChange.__table__.c.recorded_at.type))
                .where(Contractor.id.between(ids[0], ids[-1]) if contiguous
                       else Contractor.id.in_(ids), Contractor.rate_minor.is_not(None))))
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


def _insert_contractors(connection: Connection, batch: Sequence[NewContractor],
                        rows: _ContractorRows) -> list[int]:
    """One batched insert through the import's writer ``rows``; the new ids in the order of
    ``batch``."""
    table = Contractor.__table__
    if connection.dialect.name != "sqlite":  # other writers may take ids in between
        inserted = connection.execute(
            insert(table).returning(Contractor.id, sort_by_parameter_order=True),
            [item.row(rows.stamp, rows.user) for item in batch])
        return [row[0] for row in inserted]
    # SQLite: the transaction began holding the only write lock, so the ids follow on from the
    # highest.
    highest = connection.execute(select(func.max(Contractor.id))).scalar() or 0
    rows.add(batch)
    return list(range(highest + 1, highest + 1 + len(batch)))


class _Insert:
    """The driver's executemany of SQLAlchemy's own INSERT of ``columns``, values bound as
    SQLAlchemy binds them: its per-row parameter handling would double the time of a large
    import. Rows are tuples in the order of ``columns``."""

    def __init__(self, connection: Connection, table: Table, columns: Sequence[str]) -> None:
        self.connection = connection
        compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
        self.sql = compiled.string
        self.named = compiled.positiontup is None  # the driver takes named parameters
        order = list(columns) if self.named else list(compiled.positiontup or ())
        self.order = order
        pick = [list(columns).index(c) for c in order]
        self.pick = None if pick == list(range(len(columns))) else itemgetter(*pick)
        dialect = connection.dialect
        binders = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
        self.process = [(n, p) for n, p in enumerate(binders) if p is not None]

    def run(self, rows: list[tuple[object, ...]]) -> None:
        """Bind every value of ``rows`` and insert them."""
        if self.process and rows:
            process = self.process
            bound = []
            for row in rows:
                values = list(row)
                for n, bind in process:
                    values[n] = bind(values[n])
                bound.append(tuple(values))
            rows = bound
        self.write(rows)

    def write(self, rows: list[tuple[object, ...]]) -> None:
        """Insert ``rows``, their values already bound."""
        if not rows:
            return
        params: list[object] = list(rows)
        if self.named:
            params = [dict(zip(self.order, row)) for row in rows]
        elif self.pick is not None:
            params = list(map(self.pick, rows))
        self.connection.exec_driver_sql(self.sql, params)  # type: ignore[arg-type]


# The contractor row as NewContractor.row gives it, field by field.
_COLUMNS = ("display_name", "legal_name", "kind", "company", "email", "phone", "website",
            "address", "country", "timezone", "tax_id", "tax_form", "tax_form_on", "rate_minor",
            "rate_unit", "currency", "preferred_channel", "status", "source",
            "identity_verified_on", "notes", "is_demo", "archived_at", "archive_reason",
            "created_at", "updated_at", "version", "changed_by", "name_key", "company_key",
            "email_key")
_KEYS = ("name_key", "company_key", "email_key")
_DATES = ("tax_form_on", "identity_verified_on", "archived_at")
_SAME = ("is_demo", "created_at", "updated_at", "version", "changed_by")


class _ContractorRows(_Insert):
    """The new contractors' rows for one import: what every row shares (the stamp, who
    imports) is bound once, and each name's sort key once per name."""

    def __init__(self, connection: Connection, stamp: dt.datetime, user: str) -> None:
        super().__init__(connection, Contractor.__table__, _COLUMNS)
        self.stamp, self.user = stamp, user
        binds = {_COLUMNS[n]: p for n, p in self.process}
        self.same = [binds.get(c, _unchanged)(v)
                     for c, v in zip(_SAME, (False, stamp, stamp, 1, user), strict=True)]
        self.binds = {c: binds.get(c, _unchanged) for c in (*_KEYS, *_DATES)}
        # Only these columns are bound here; a driver that binds any other itself gets every
        # row bound value by value.
        self.own_way = any(c not in (*_DATES, *_SAME, *_KEYS) for c in binds)
        self.names: dict[str, object] = {}  # a display name's bound key
        self.companies: dict[str, object] = {}  # a company's

    def add(self, batch: Sequence[NewContractor]) -> None:
        if self.own_way:
            rows = [item.row(self.stamp, self.user) for item in batch]
            self.run([tuple(r[c] for c in _COLUMNS) for r in rows])
            return
        binds = self.binds
        name_bind, company_bind, email_bind = (binds[k] for k in _KEYS)
        form_bind, verified_bind, archived_bind = (binds[d] for d in _DATES)
        no_form, no_verified, no_archived = form_bind(None), verified_bind(None), archived_bind(None)
        names, companies = self.names, self.companies
        demo, created, updated, version, user = self.same
        rows = []
        for item in batch:
            data = item.data
            name, company, email = data.display_name, data.company, data.email
            name_value = names.get(name)
            if name_value is None:
                name_value = names[name] = name_bind(name_key(name))
            company_value = companies.get(company)
            if company_value is None:
                company_value = companies[company] = company_bind(name_key(company))
            form_on, verified_on = data.tax_form_on, data.identity_verified_on
            if item.archived_on is None:
                archived, reason = no_archived, ""
            else:
                archived = archived_bind(dt.datetime.combine(item.archived_on, dt.time(12), dt.UTC))
                reason = item.archive_reason
            rows.append((
                name, data.legal_name, str(data.kind), company, email, data.phone, data.website,
                data.address, data.country, data.timezone, data.tax_id, str(data.tax_form),
                no_form if form_on is None else form_bind(form_on), data.rate_minor,
                str(data.rate_unit), data.currency, str(data.preferred_channel),
                str(data.status), str(data.source),
                no_verified if verified_on is None else verified_bind(verified_on), data.notes,
                demo, archived, reason, created, updated, version, user, name_value,
                company_value, email_bind(name_key(email))))
        self.write(rows)


def _unchanged(value: object) -> object:
    return value
