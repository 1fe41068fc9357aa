"""Moving a whole book between a local data folder and a team database, both ways: every table
with its ids, every document's content, in one transaction on the receiving side, checked
(row counts per table, each document's SHA-256) before it commits.

`crewbook team push` moves a local book into a new team database; `crewbook team pull` makes
a complete local copy of a team's (an offline snapshot, and a backup that needs no
PostgreSQL tools).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Row, Table, func, insert, select, text
from sqlalchemy.orm import Session

from desktop.core.i18n import N_, _
from desktop.store import document_content as content
from desktop.store.db import Store
from desktop.store.errors import StoreError
from desktop.store.models import Base, Document, DocumentChunk

BATCH = 2000
# Tables a new database already fills with data (the legal rules, seeded with their sources):
# the book's own rows replace them.
SEEDED = ("payment_rule", "reporting_threshold", "reference_rate")
# Tables whose rows say nothing about the book itself.
_SKIPPED = ("alembic_version", DocumentChunk.__tablename__)
# What the book holds: a target holding any of it is not new.
_BOOK = {
    "contractor": N_("the receiving database already holds a book (it has contractors); copy "
                     "into a new, empty one"),
    "engagement": N_("the receiving database already holds a book (it has engagements); copy "
                     "into a new, empty one"),
    "activity": N_("the receiving database already holds a book (it has activities); copy "
                   "into a new, empty one"),
    "document": N_("the receiving database already holds a book (it has documents); copy into "
                   "a new, empty one"),
}

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class Copied:
    rows: dict[str, int]  # per table
    documents: int  # distinct contents


def copy_book(source: Store, target: Store, progress: Progress | None = None) -> Copied:
    """Copy everything in ``source`` into ``target``, which must hold no book yet."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in _SKIPPED]
    with source.reading() as reading, \
            target.transaction(N_("receiving a whole book")) as writing:
        src, dst = reading.connection(), writing.connection()
        _check_new(dst)
        for table in reversed(tables):
            if table.name in SEEDED:
                dst.execute(table.delete())
        counts: dict[str, int] = {}
        for table in tables:
            counts[table.name] = _copy_table(src, dst, table, progress)
        if dst.dialect.name == "postgresql":
            _move_sequences_on(dst, tables)
        contents = sorted(set(src.execute(select(Document.sha256, Document.size_bytes)).all()))
        undo: list[content.Undo] = []
        try:
            for done, (sha, size) in enumerate(contents, start=1):
                placed = _copy_content(source, target, writing, sha, size)
                if placed is not None:
                    undo.append(placed)
                if progress is not None:
                    progress("documents", done, len(contents))
            _verify(dst, tables, counts)
        except BaseException:
            for step in undo:  # files put in a local folder; a server's go with the rollback
                step()
            raise
    return Copied(counts, len(contents))


def _check_new(dst: Connection) -> None:
    for name, refusal in _BOOK.items():
        if dst.execute(text(f"SELECT count(*) FROM {name}")).scalar():
            raise StoreError(_(refusal))


def _copy_table(src: Connection, dst: Connection, table: Table,
                progress: Progress | None) -> int:
    total = src.execute(select(func.count()).select_from(table)).scalar() or 0
    done = 0
    rows = src.execute(select(table).order_by(*table.primary_key.columns))
    while batch := rows.fetchmany(BATCH):
        if dst.dialect.name == "postgresql":
            _copy_in(dst, table, batch)
        else:
            dst.execute(insert(table), [dict(r._mapping) for r in batch])
        done += len(batch)
        if progress is not None:
            progress(table.name, done, total)
    return done


def _copy_in(dst: Connection, table: Table, batch: Sequence[Row[Any]]) -> None:
    """PostgreSQL's COPY, twenty times an INSERT's speed; each value bound as SQLAlchemy
    binds it (JSON as text, times in UTC)."""
    bind = [(n, p) for n, column in enumerate(table.columns)
            if (p := column.type._cached_bind_processor(dst.dialect)) is not None]
    columns = ", ".join(f'"{c.name}"' for c in table.columns)
    cursor = dst.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in batch:
            values = list(row)
            for n, process in bind:
                values[n] = process(values[n])
            copy.write_row(values)


def _move_sequences_on(dst: Connection, tables: list[Table]) -> None:
    """Rows came with their ids: each id sequence goes on from the highest."""
    for table in tables:
        if "id" in table.c and table.c.id.primary_key:
            dst.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))


def _copy_content(source: Store, target: Store, writing: Session, sha: str,
                  size: int) -> content.Undo | None:
    """One document's bytes, checked against its digest on the way."""
    with tempfile.TemporaryDirectory(dir=content.staging_folder(target)) as scratch:
        staged = Path(scratch) / sha
        try:
            data = content.local_path(source, sha, size).read_bytes()
        except (OSError, StoreError) as exc:
            raise StoreError(_("a document's content ({digest}…) is missing from the book "
                               "being copied; nothing was copied").format(digest=sha[:12])
                             ) from exc
        if hashlib.sha256(data).hexdigest() != sha:
            raise StoreError(_("a document's content ({digest}…) does not match its "
                               "checksum; nothing was copied").format(digest=sha[:12]))
        staged.write_bytes(data)
        return content.put(target, writing, staged, sha, len(data))


def _verify(dst: Connection, tables: list[Table], counts: dict[str, int]) -> None:
    for table in tables:
        found = dst.execute(select(func.count()).select_from(table)).scalar()
        if found != counts[table.name]:
            raise StoreError(_("{table}: {found} rows arrived of {total}; nothing was copied")
                             .format(table=table.name, found=found, total=counts[table.name]))
